import Foundation
import Testing
@testable import WorkbookStorage
import WorkbookModel

/// Stops a save after its k-th changing operation, for every k, as a SIGKILL would (nothing after
/// the crash point runs, not even clean-up); reopening must give exactly the old or the new state.
@Suite struct CrashPointTests {
    private var old: Account { sampleAccount() }
    private var new: Account {
        var account = sampleAccount()
        account.notes = "the new version, a little longer than the old one"
        return account
    }

    /// Runs `operation` with a file system that dies after `k` operations, for k = 0, 1, … until the
    /// operation completes; after each crash, `verify` reopens the workbook with the real one.
    private func enumerate(
        prepare: (String) throws -> Void,
        operation: (FileWorkbookStore) throws -> Void,
        verify: (String, _ completed: Bool) throws -> Void
    ) throws -> [String] {
        var k = 0
        while true {
            var completed = false
            var operations: [String] = []
            try withTemporaryDirectory { root throws in
                try prepare(root)
                let faulty = FaultyFileSystem(crashAfter: k)
                let store = makeStore(root, fileSystem: faulty)
                _ = try store.load()
                do {
                    try operation(store)
                    completed = !faulty.journal.crashed
                } catch {
                    #expect(faulty.journal.crashed, "only the crash fails the operation: \(error)")
                }
                operations = faulty.journal.operations
                store.close() // The kernel releases a dead process's lock.
                try verify(root, completed)
            }
            if completed { return operations }
            k += 1
            #expect(k < 100, "the operation never completes")
            if k >= 100 { return operations }
        }
    }

    private func reopen(_ root: String) throws -> LoadedWorkbook {
        let store = makeStore(root)
        let loaded = try store.load()
        #expect(loaded.problems.isEmpty)
        #expect(WorkbookChecker.check(directory: root).isEmpty)
        let leftovers = try directoryEntries(root + "/accounts").filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "reopening removes the temp files of the killed save")
        return loaded
    }

    @Test func replacingAnExistingAccount() throws {
        let old = self.old, new = self.new
        let operations = try enumerate(
            prepare: { root in
                let store = makeStore(root)
                _ = try store.load()
                try store.save(old)
            },
            operation: { try $0.save(new) },
            verify: { root, completed in
                let accounts = try reopen(root).accounts
                #expect(accounts == [old] || accounts == [new], "exactly the old or the new state")
                if completed { #expect(accounts == [new]) }
            })
        #expect(operations.map { String($0.prefix { $0 != " " }) } == ["create", "write", "fsync", "close", "rename", "fsync-dir"])
    }

    @Test func addingANewAccount() throws {
        let new = self.new
        let operations = try enumerate(
            prepare: { root in _ = try makeStore(root).load() },
            operation: { try $0.save(new) },
            verify: { root, completed in
                let accounts = try reopen(root).accounts
                #expect(accounts == [] || accounts == [new])
                if completed { #expect(accounts == [new]) }
            })
        #expect(operations.count == 6)
    }

    /// The first save of an older-format file: backup (many operations), then the rewrite.
    @Test func rewritingAnOlderFormatFileAfterItsBackup() throws {
        let v0 = bytes("{\"id\": \"a1b2c3d4e5f60718\", \"name\": \"Acme Logistics\", \"stage\": \"vendor\"}\n")
        var newAccount = try AccountFileFormat.decode(v0)
        newAccount.notes = "edited"
        let edited = newAccount
        let operations = try enumerate(
            prepare: { root in
                _ = try makeStore(root).load()
                try writeBytes(v0, to: root + "/accounts/a1b2c3d4e5f60718.json")
            },
            operation: { try $0.save(edited) },
            verify: { root, completed in
                let onDisk = try readBytes(root + "/accounts/a1b2c3d4e5f60718.json")
                #expect(onDisk == v0 || onDisk == AccountFileFormat.encode(edited))
                let backups = WorkbookBackups(root: root, fileSystem: POSIXFileSystem()).list()
                if onDisk != v0 {
                    #expect(backups.count == 1, "the file is rewritten only after its backup is complete")
                }
                for backup in backups {
                    #expect(try readBytes(root + "/.backups/\(backup.name)/accounts/a1b2c3d4e5f60718.json") == v0)
                }
                _ = try reopen(root)
                if completed { #expect(onDisk == AccountFileFormat.encode(edited)) }
            })
        #expect(operations.count > 6)
    }

    @Test func restoringABackup() throws {
        let old = self.old, new = self.new
        _ = try enumerate(
            prepare: { root in
                let store = makeStore(root)
                _ = try store.load()
                try store.save(old)
                try store.backup([old.id], reason: "before archiving")
                try store.save(new)
            },
            operation: { store in
                let name = try #require(store.backups().first?.name)
                _ = try store.restore(backup: name)
            },
            verify: { root, completed in
                let accounts = try reopen(root).accounts
                #expect(accounts == [old] || accounts == [new])
                if completed { #expect(accounts == [old]) }
            })
    }
}
