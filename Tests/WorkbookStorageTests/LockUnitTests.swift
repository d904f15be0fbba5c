import Foundation
import Testing
@testable import WorkbookStorage
import WorkbookModel

/// One writer at a time: the lock (`flock` on `.lock`) in one process, with two stores.
@Suite struct LockUnitTests {
    @Test func theSecondStoreIsReadOnlyAndSaysWhoHoldsTheLock() throws {
        try withTemporaryDirectory { root throws in
            let first = makeStore(root)
            _ = try first.load()
            try first.save(sampleAccount())
            #expect(first.holdsLock)

            let holderFile = try JSONParser.parse(readBytes(root + "/.lock"))
            #expect(holderFile.objectValue?["pid"]?.intValue == Int(getpid()))

            let second = makeStore(root)
            let loaded = try second.load()
            let holder = try #require(loaded.lockHolder)
            #expect(holder.pid == getpid())
            #expect(holder.host == WorkbookLock.hostName())
            #expect(holder.isRunning == true)
            let reason = try #require(loaded.readOnlyReason)
            #expect(reason.hasPrefix("opened read-only: in use by pid \(getpid()) on host \(holder.host) since 20"))
            #expect(loaded.accounts == [sampleAccount()], "a read-only instance still shows everything")
            #expect(!second.holdsLock)
            #expect(throws: StorageError("not saved: \(reason) — your change is kept", kind: .readOnly)) {
                try second.save(sampleAccount("b2", name: "Second"))
            }
            #expect(throws: StorageError.self) { try second.backup([AccountID("a1b2c3d4e5f60718")], reason: "x") }
            #expect(second.acquireLock() == .heldBy(holder))

            // The holder quits: the second one takes over explicitly and can save.
            first.close()
            #expect(try readBytes(root + "/.lock").isEmpty, "a released lock names nobody")
            #expect(second.acquireLock() == .acquired)
            #expect(try second.load().readOnlyReason == nil)
            try second.save(sampleAccount("b2", name: "Second"))
            #expect(first.acquireLock() != .acquired)
        }
    }

    @Test func aStaleLockFileFromADeadProcessIsTakenOver() throws {
        try withTemporaryDirectory { root throws in
            _ = try makeStore(root).load() // Creates the workbook, then releases on deinit.
            // What a SIGKILLed holder leaves: its details, but no kernel lock.
            try writeText("{\"host\": \"\(WorkbookLock.hostName())\", \"pid\": 999999, \"since\": \"2026-11-25T09:14:03+00:00\"}\n", to: root + "/.lock")
            #expect(WorkbookChecker.report(directory: root).lockHolder == nil, "a dead holder is not reported")
            let store = makeStore(root)
            let loaded = try store.load()
            #expect(loaded.readOnlyReason == nil)
            #expect(store.holdsLock)
            try store.save(sampleAccount())
            let holder = try JSONParser.parse(readBytes(root + "/.lock")).objectValue
            #expect(holder?["pid"]?.intValue == Int(getpid()))
        }
    }

    /// Another live instance's temp file may be a save in progress: only the lock holder cleans.
    @Test func aReadOnlyInstanceNeverRemovesTemporaryFiles() throws {
        try withTemporaryDirectory { root throws in
            let first = makeStore(root)
            _ = try first.load()
            let temporary = root + "/accounts/.a1b2c3d4e5f60718.json.0123456789abcdef.tmp"
            try writeText("a save in progress", to: temporary)
            _ = try makeStore(root).load()
            #expect(FileManager.default.fileExists(atPath: temporary))
            first.close()
            _ = try makeStore(root).load()
            #expect(!FileManager.default.fileExists(atPath: temporary))
        }
    }

    @Test func holderDescriptions() {
        let holder = LockHolder(pid: 1234, host: "x", since: "2026-11-25T09:14:03+01:00")
        #expect(holder.description == "pid 1234 on host x since 2026-11-25 09:14 UTC+01:00")
        #expect(LockHolder(pid: 7, host: "y", since: "2026-11-25T08:14:03Z").description == "pid 7 on host y since 2026-11-25 08:14 UTC")
        #expect(LockHolder(pid: 7, host: "y", since: "2026-11-25T08:14").description == "pid 7 on host y since 2026-11-25 08:14")
        #expect(LockHolder(pid: 0, host: "", since: "").description == "pid 0 on host ?")
    }

    @Test func theWorkbookIgnoresItsMachineFilesInGit() throws {
        try withTemporaryDirectory { root throws in
            _ = try makeStore(root).load()
            #expect(try readBytes(root + "/.gitignore") == bytes(FileWorkbookStore.gitignoreContent))
            #expect(FileWorkbookStore.gitignoreContent.contains("/.lock\n/.backups/\n.*.tmp\n"))
            // A .gitignore of the team's own is never changed.
            try writeText("custom\n", to: root + "/.gitignore")
            _ = try makeStore(root).load()
            #expect(try readBytes(root + "/.gitignore") == bytes("custom\n"))
        }
    }
}
