import Foundation
import Testing
@testable import WorkbookStorage
import WorkbookModel

@Suite struct FileWorkbookStoreTests {
    // MARK: Opening and creating

    @Test func loadCreatesAMissingWorkbookPrivately() throws {
        try withTemporaryDirectory { base throws in
            let root = base + "/nested/workbook"
            let loaded = try makeStore(root).load()
            #expect(loaded.accounts.isEmpty)
            #expect(loaded.problems.isEmpty)
            #expect(!loaded.isReadOnly)
            #expect(loaded.settings == WorkbookSettings(owner: "tester", currency: "EUR"))
            #expect(try permissions(base + "/nested") == 0o700)
            #expect(try permissions(root) == 0o700)
            #expect(try permissions(root + "/accounts") == 0o700)
            #expect(try permissions(root + "/workbook.json") == 0o600)
            #expect(try directoryEntries(root) == [".gitignore", ".lock", "accounts", "workbook.json"])
            let expected = "{\n  \"formatVersion\": 1,\n  \"owner\": \"tester\",\n  \"settings\": {\n    \"currency\": \"EUR\"\n  }\n}\n"
            #expect(try readBytes(root + "/workbook.json") == bytes(expected))
        }
    }

    @Test func ownerFallsBackToLogname() throws {
        try withTemporaryDirectory { base throws in
            let store = FileWorkbookStore(directory: base + "/w", fileSystem: POSIXFileSystem(), environment: ["LOGNAME": "lee"])
            #expect(try store.load().settings.owner == "lee")
        }
    }

    @Test func anEmptyFolderBecomesAWorkbook() throws {
        try withTemporaryDirectory { root throws in
            try FileManager.default.createDirectory(atPath: root + "/.git", withIntermediateDirectories: false)
            _ = try makeStore(root).load()
            #expect(try directoryEntries(root) == [".git", ".gitignore", ".lock", "accounts", "workbook.json"])
        }
    }

    @Test func aFileIsNotAWorkbook() throws {
        try withTemporaryDirectory { base throws in
            let path = base + "/file"
            try writeText("x", to: path)
            #expect(throws: StorageError("cannot open the workbook at \(path): it is a file, not a folder")) {
                try makeStore(path).load()
            }
        }
    }

    @Test func aFolderWithOtherFilesIsNotTurnedIntoAWorkbook() throws {
        try withTemporaryDirectory { root throws in
            try writeText("x", to: root + "/notes.txt")
            #expect(throws: StorageError("\(root) is not a workbook: it has no workbook.json and holds other files; choose an empty folder or an existing workbook")) {
                try makeStore(root).load()
            }
            #expect(try directoryEntries(root) == ["notes.txt"])
        }
    }

    @Test(.enabled(if: getuid() != 0, "root can read any folder"))
    func anUnreadableFolderIsAClearError() throws {
        try withTemporaryDirectory { base throws in
            let root = base + "/w"
            _ = try makeStore(root).load()
            chmod(root, 0o000)
            defer { chmod(root, 0o700) }
            #expect(throws: StorageError("cannot open the workbook at \(root): permission denied (EACCES)")) {
                try makeStore(root).load()
            }
        }
    }

    @Test func aMissingWorkbookFileIsRecreatedWhenAccountsExist() throws {
        try withTemporaryDirectory { root throws in
            let store = makeStore(root)
            _ = try store.load()
            try store.save(sampleAccount())
            store.close()
            try FileManager.default.removeItem(atPath: root + "/workbook.json")
            let loaded = try makeStore(root).load()
            #expect(loaded.accounts == [sampleAccount()])
            #expect(loaded.problems.isEmpty)
            #expect(FileManager.default.fileExists(atPath: root + "/workbook.json"))
        }
    }

    @Test func loadExistingCreatesAndRemovesNothing() throws {
        try withTemporaryDirectory { base throws in
            let missing = base + "/none"
            #expect(throws: StorageError("no workbook at \(missing)")) { try makeStore(missing).loadExisting() }
            #expect(!FileManager.default.fileExists(atPath: missing))
            #expect(throws: StorageError("no workbook at \(base)")) { try makeStore(base).loadExisting() }
            #expect(try directoryEntries(base).isEmpty)

            let root = base + "/w"
            let store = makeStore(root)
            _ = try store.load()
            try store.save(sampleAccount())
            try writeText("half", to: root + "/accounts/.x.json.1.tmp")
            try FileManager.default.removeItem(atPath: root + "/workbook.json")
            let loaded = try makeStore(root).loadExisting()
            #expect(loaded.accounts == [sampleAccount()])
            #expect(loaded.problems == [StorageProblem(file: "workbook.json", message: "missing; default settings are used")])
            #expect(try directoryEntries(root) == [".gitignore", ".lock", "accounts"])
            #expect(try directoryEntries(root + "/accounts") == [".x.json.1.tmp", "a1b2c3d4e5f60718.json"])
        }
    }

    // MARK: Saving

    @Test func savedAccountsLoadBackSortedById() throws {
        try withTemporaryDirectory { root throws in
            let store = makeStore(root)
            _ = try store.load()
            var archived = sampleAccount("0003", name: "Zeta")
            archived.archived = ArchiveMark(on: CalendarDate(year: 2025, month: 6, day: 1)!, by: "tester")
            let accounts = [sampleAccount("0002", name: "Beta"), archived, sampleAccount("0001", name: "Alpha 東京")]
            for account in accounts { try store.save(account) }
            let loaded = try makeStore(root).load()
            #expect(loaded.accounts == accounts.sorted { $0.id < $1.id })
            #expect(loaded.problems.isEmpty)
            #expect(try readBytes(root + "/accounts/0001.json") == AccountFileFormat.encode(accounts[2]))
        }
    }

    @Test func accountsComeBackInIdOrderNotFileNameOrder() throws {
        try withTemporaryDirectory { root throws in
            let store = makeStore(root)
            _ = try store.load()
            // "a-b.json" < "a.json" by bytes ('-' < '.'), but the id "a" < "a-b".
            for id in ["a-b", "a", "a_c", "9"] { try store.save(sampleAccount(id, name: id)) }
            #expect(try makeStore(root).load().accounts.map(\.id.rawValue) == ["9", "a", "a-b", "a_c"])
        }
    }

    @Test func savingOneAccountRewritesExactlyOneFile() throws {
        try withTemporaryDirectory { root throws in
            let store = makeStore(root)
            _ = try store.load()
            for id in ["aa", "bb", "cc"] { try store.save(sampleAccount(id, name: id)) }
            let before = try ["workbook.json", "accounts/aa.json", "accounts/bb.json", "accounts/cc.json"].map { try identity(root + "/" + $0) }

            var changed = sampleAccount("bb", name: "bb")
            changed.notes = "changed"
            try store.save(changed)

            let after = try ["workbook.json", "accounts/aa.json", "accounts/bb.json", "accounts/cc.json"].map { try identity(root + "/" + $0) }
            #expect(after[0] == before[0])
            #expect(after[1] == before[1])
            #expect(after[3] == before[3])
            #expect(after[2].inode != before[2].inode, "replaced by rename, not written in place")
            #expect(try readBytes(root + "/accounts/bb.json") == AccountFileFormat.encode(changed))
            #expect(try permissions(root + "/accounts/bb.json") == 0o600)
            #expect(try directoryEntries(root + "/accounts") == ["aa.json", "bb.json", "cc.json"], "no temp file remains")
            #expect(try directoryEntries(root) == [".gitignore", ".lock", "accounts", "workbook.json"])
        }
    }

    @Test func savingAnUnchangedAccountTouchesNothing() throws {
        try withTemporaryDirectory { root throws in
            let store = makeStore(root)
            _ = try store.load()
            try store.save(sampleAccount())
            let path = root + "/accounts/a1b2c3d4e5f60718.json"
            let before = try identity(path)
            try store.save(sampleAccount())
            #expect(try identity(path) == before)
        }
    }

    @Test func unknownFieldsSurviveLoadThenSave() throws {
        try withTemporaryDirectory { root throws in
            _ = try makeStore(root).load()
            let file = """
            {
              "formatVersion": 1,
              "futureList": [
                "x"
              ],
              "id": "f1",
              "industry": "",
              "name": "Future",
              "notes": "",
              "owner": "",
              "stage": "prospect"
            }

            """
            try writeText(file, to: root + "/accounts/f1.json")
            let store = makeStore(root)
            var account = try #require(try store.load().accounts.first)
            account.notes = "edited"
            try store.save(account)
            #expect(try readBytes(root + "/accounts/f1.json") == bytes(file.replacingOccurrences(of: "\"notes\": \"\"", with: "\"notes\": \"edited\"")))
        }
    }

    @Test func saveWorksBeforeLoadAndStillProtectsDamagedFiles() throws {
        try withTemporaryDirectory { root throws in
            _ = try makeStore(root).load()
            try writeText("{", to: root + "/accounts/bad.json")
            let fresh = makeStore(root)
            try fresh.save(sampleAccount("good", name: "Good"))
            #expect(throws: StorageError("accounts/bad.json is damaged and is left untouched: fix or remove it first", kind: .damaged)) {
                try fresh.save(sampleAccount("bad", name: "Bad"))
            }
            #expect(try readBytes(root + "/accounts/bad.json") == bytes("{"))
        }
    }

    @Test func idsThatCannotBeFileNamesAreRefused() throws {
        try withTemporaryDirectory { root throws in
            let store = makeStore(root)
            _ = try store.load()
            #expect(throws: StorageError("not saved: the id \"../escape\" cannot be a file name — your change is kept")) {
                try store.save(Account(id: AccountID("../escape"), name: "X"))
            }
            #expect(try directoryEntries(root) == [".gitignore", ".lock", "accounts", "workbook.json"])
            #expect(try directoryEntries(root + "/accounts").isEmpty)
        }
    }

    @Test func aMissingAccountsFolderIsRecreatedOnSave() throws {
        try withTemporaryDirectory { root throws in
            let store = makeStore(root)
            _ = try store.load()
            try FileManager.default.removeItem(atPath: root + "/accounts")
            try store.save(sampleAccount())
            #expect(try permissions(root + "/accounts") == 0o700)
            #expect(try makeStore(root).load().accounts == [sampleAccount()])
        }
    }

    @Test func settingsSaveAndLoad() throws {
        try withTemporaryDirectory { root throws in
            let store = makeStore(root)
            _ = try store.load()
            let settings = WorkbookSettings(owner: "dana", currency: "CHF", unknownFields: ["region": .string("DACH")])
            try store.saveSettings(settings)
            #expect(try makeStore(root).load().settings == settings)
            #expect(try permissions(root + "/workbook.json") == 0o600)
        }
    }

    // MARK: Damaged files

    @Test func aDamagedFileIsReportedByNameAndNeverWritten() throws {
        try withTemporaryDirectory { root throws in
            let store = makeStore(root)
            _ = try store.load()
            try store.save(sampleAccount("good1", name: "One"))
            try store.save(sampleAccount("good2", name: "Two"))
            let damaged = bytes("{\n  \"formatVersion\": 1,\n  \"id\": \"broken\"\n  \"name\": \"X\"\n}\n")
            try writeBytes(damaged, to: root + "/accounts/broken.json")
            store.close()

            let reopened = makeStore(root)
            let loaded = try reopened.load()
            #expect(loaded.accounts.map(\.id.rawValue) == ["good1", "good2"])
            #expect(loaded.problems == [StorageProblem(file: "accounts/broken.json", message: "line 4, column 3: expected ',' or '}' after an object member, found '\"'")])
            #expect(try readBytes(root + "/accounts/broken.json") == damaged)

            var edited = sampleAccount("good1", name: "One")
            edited.owner = "someone else"
            try reopened.save(edited)
            #expect(try readBytes(root + "/accounts/broken.json") == damaged)

            #expect(throws: StorageError("accounts/broken.json is damaged and is left untouched: fix or remove it first", kind: .damaged)) {
                try reopened.save(sampleAccount("broken", name: "Replacement"))
            }
            #expect(try readBytes(root + "/accounts/broken.json") == damaged)
            #expect(try directoryEntries(root + "/accounts") == ["broken.json", "good1.json", "good2.json"])
        }
    }

    @Test func aFileDamagedAfterLoadingIsNotOverwritten() throws {
        try withTemporaryDirectory { root throws in
            let store = makeStore(root)
            _ = try store.load()
            try store.save(sampleAccount())
            let path = root + "/accounts/a1b2c3d4e5f60718.json"
            try writeText("<<<<<<< HEAD\n", to: path) // a merge conflict after `git pull`
            var edited = sampleAccount()
            edited.notes = "mine"
            #expect(throws: StorageError("accounts/a1b2c3d4e5f60718.json is damaged and is left untouched: fix or remove it first", kind: .damaged)) {
                try store.save(edited)
            }
            #expect(try readBytes(path) == bytes("<<<<<<< HEAD\n"))
        }
    }

    @Test func fieldErrorsAreReportedPerFile() throws {
        try withTemporaryDirectory { root throws in
            _ = try makeStore(root).load()
            try writeText(#"{"formatVersion": 1, "id": "s1", "name": "S", "stage": "friend"}"#, to: root + "/accounts/s1.json")
            try writeText(#"{"formatVersion": 1, "id": "s2", "stage": "lost"}"#, to: root + "/accounts/s2.json")
            try writeText(#"{"formatVersion": 1, "id": "s3", "name": "S", "stage": "lost", "annualValue": "12"}"#, to: root + "/accounts/s3.json")
            let loaded = try makeStore(root).load()
            #expect(loaded.accounts.isEmpty)
            #expect(loaded.problems == [
                StorageProblem(file: "accounts/s1.json", message: "field \"stage\": expected one of prospect, vendor, reliable-supplier, partner, lost, found \"friend\""),
                StorageProblem(file: "accounts/s2.json", message: "field \"name\": missing"),
                StorageProblem(file: "accounts/s3.json", message: "field \"annualValue\": expected an integer, found a string"),
            ])
        }
    }

    @Test func aFolderWhereAFileShouldBe() throws {
        try withTemporaryDirectory { root throws in
            let store = makeStore(root)
            _ = try store.load()
            try FileManager.default.createDirectory(atPath: root + "/accounts/d1.json", withIntermediateDirectories: false)
            #expect(try store.load().problems == [StorageProblem(file: "accounts/d1.json", message: "is a folder where a file should be")])
            #expect(throws: StorageError("accounts/d1.json is damaged and is left untouched: fix or remove it first", kind: .damaged)) {
                try store.save(sampleAccount("d1", name: "D"))
            }
        }
    }

    @Test func aSymbolicLinkIsNotFollowed() throws {
        try withTemporaryDirectory { root throws in
            let store = makeStore(root)
            _ = try store.load()
            let outside = root + "/outside.json"
            let content = AccountFileFormat.encode(sampleAccount("l1", name: "Linked"))
            try writeBytes(content, to: outside)
            try FileManager.default.createSymbolicLink(atPath: root + "/accounts/l1.json", withDestinationPath: outside)
            let loaded = try store.load()
            #expect(loaded.accounts.isEmpty)
            #expect(loaded.problems == [StorageProblem(file: "accounts/l1.json", message: "is a symbolic link; links are not followed, so it was not read")])
            #expect(throws: StorageError("accounts/l1.json is damaged and is left untouched: fix or remove it first", kind: .damaged)) {
                try store.save(sampleAccount("l1", name: "Changed"))
            }
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: root + "/accounts/l1.json") == outside)
            #expect(try readBytes(outside) == content)
        }
    }

    @Test func invalidUTF8IsReported() throws {
        try withTemporaryDirectory { root throws in
            _ = try makeStore(root).load()
            let latin1 = bytes(#"{"formatVersion": 1, "id": "u1", "name": "Caf"#) + [0xE9] + bytes(#"", "stage": "lost"}"#)
            try writeBytes(latin1, to: root + "/accounts/u1.json")
            let loaded = try makeStore(root).load()
            #expect(loaded.problems == [StorageProblem(file: "accounts/u1.json", message: "line 1, column 46: invalid UTF-8: byte 0xE9 is not part of a valid UTF-8 character; the file must be saved as UTF-8")])
        }
    }

    @Test func aCopiedFileIsADuplicateIdAndOnlyTheOriginalLoads() throws {
        try withTemporaryDirectory { root throws in
            let store = makeStore(root)
            _ = try store.load()
            try store.save(sampleAccount("orig", name: "Original"))
            try FileManager.default.copyItem(atPath: root + "/accounts/orig.json", toPath: root + "/accounts/copy.json")
            let loaded = try makeStore(root).load()
            #expect(loaded.accounts.map(\.id.rawValue) == ["orig"])
            #expect(loaded.problems == [StorageProblem(file: "accounts/copy.json", message: "the file's id \"orig\" does not match its file name \"copy.json\"")])
        }
    }

    @Test func aNewerAccountFileIsKeptReadOnly() throws {
        try withTemporaryDirectory { root throws in
            let store = makeStore(root)
            _ = try store.load()
            let newer = bytes(#"{"formatVersion": 3, "id": "n1", "title": "New shape"}"#)
            try writeBytes(newer, to: root + "/accounts/n1.json")
            let loaded = try store.load()
            #expect(loaded.accounts.isEmpty)
            #expect(!loaded.isReadOnly)
            #expect(loaded.problems == [StorageProblem(file: "accounts/n1.json", message: "written by a newer version (format 3); this build reads up to 1 — opened read-only")])
            #expect(throws: StorageError("accounts/n1.json is damaged and is left untouched: fix or remove it first", kind: .damaged)) {
                try store.save(sampleAccount("n1", name: "Old shape"))
            }
            #expect(try readBytes(root + "/accounts/n1.json") == newer)
        }
    }

    @Test func aNewerWorkbookIsOpenedReadOnly() throws {
        try withTemporaryDirectory { root throws in
            let store = makeStore(root)
            _ = try store.load()
            try store.save(sampleAccount())
            let newer = bytes(#"{"formatVersion": 2, "owner": "x"}"#)
            try writeBytes(newer, to: root + "/workbook.json")
            try writeText("partial", to: root + "/accounts/.a.json.1.tmp")

            let reopened = makeStore(root)
            let loaded = try reopened.load()
            #expect(loaded.isReadOnly)
            #expect(loaded.readOnlyReason == "workbook.json was written by a newer version (format 2); this build reads up to 1 — opened read-only")
            #expect(loaded.accounts == [sampleAccount()])
            #expect(loaded.problems == [StorageProblem(file: "workbook.json", message: "written by a newer version (format 2); this build reads up to 1 — opened read-only")])
            #expect(throws: StorageError("not saved: workbook.json was written by a newer version (format 2); this build reads up to 1 — opened read-only — your change is kept", kind: .readOnly)) {
                try reopened.save(sampleAccount())
            }
            #expect(throws: (any Error).self) { try reopened.saveSettings(WorkbookSettings()) }
            #expect(try readBytes(root + "/workbook.json") == newer)
            #expect(FileManager.default.fileExists(atPath: root + "/accounts/.a.json.1.tmp"), "a newer build's folder is not cleaned")
        }
    }

    @Test func aDamagedWorkbookFileIsReportedAndProtected() throws {
        try withTemporaryDirectory { root throws in
            _ = try makeStore(root).load()
            try writeText(#"{"formatVersion": 1, "owner": 7}"#, to: root + "/workbook.json")
            let store = makeStore(root)
            let loaded = try store.load()
            #expect(loaded.problems == [StorageProblem(file: "workbook.json", message: "field \"owner\": expected a string, found a number")])
            #expect(loaded.settings == WorkbookSettings(owner: "tester", currency: "EUR"))
            try store.save(sampleAccount())
            #expect(throws: StorageError("workbook.json is damaged and is left untouched: fix or remove it first", kind: .damaged)) {
                try store.saveSettings(WorkbookSettings(owner: "x"))
            }
        }
    }

    @Test func badlyNamedFilesAreReportedAndNotRead() throws {
        try withTemporaryDirectory { root throws in
            _ = try makeStore(root).load()
            try writeText("hello", to: root + "/accounts/README.md")
            try writeText("{}", to: root + "/accounts/Upper.json")
            try writeText("", to: root + "/accounts/.gitkeep")
            let loaded = try makeStore(root).load()
            let message = "not an account file: names must be <id>.json, with an id of a-z, 0-9, '-' and '_'; it was not read"
            #expect(loaded.problems == [
                StorageProblem(file: "accounts/README.md", message: message),
                StorageProblem(file: "accounts/Upper.json", message: message),
            ])
            #expect(FileManager.default.fileExists(atPath: root + "/accounts/.gitkeep"))
        }
    }

    @Test func aFileOverTenMegabytesIsNotRead() throws {
        try withTemporaryDirectory { root throws in
            _ = try makeStore(root).load()
            let path = root + "/accounts/huge.json"
            #expect(FileManager.default.createFile(atPath: path, contents: nil))
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle.truncate(atOffset: 10_000_001) // sparse: no real disk use
            try handle.close()
            #expect(try makeStore(root).load().problems == [
                StorageProblem(file: "accounts/huge.json", message: "is 10000001 bytes, over the 10 MB limit; it was not read"),
            ])
        }
    }

    @Test func anEmptyFileIsReported() throws {
        try withTemporaryDirectory { root throws in
            _ = try makeStore(root).load()
            try writeText("", to: root + "/accounts/e1.json")
            #expect(try makeStore(root).load().problems == [
                StorageProblem(file: "accounts/e1.json", message: "line 1, column 1: the file is empty: expected a JSON value"),
            ])
        }
    }

    // MARK: Temp files

    @Test func staleTemporaryFilesAreRemovedOnLoad() throws {
        try withTemporaryDirectory { root throws in
            let store = makeStore(root)
            _ = try store.load()
            try store.save(sampleAccount())
            try writeText("half", to: root + "/accounts/.a1b2c3d4e5f60718.json.0123456789abcdef.tmp")
            try writeText("half", to: root + "/.workbook.json.0123456789abcdef.tmp")
            try writeText("keep", to: root + "/accounts/.notes.swp")
            try FileManager.default.createDirectory(atPath: root + "/accounts/.odd.tmp", withIntermediateDirectories: false)
            store.close()
            let loaded = try makeStore(root).load()
            #expect(loaded.problems.isEmpty)
            #expect(loaded.accounts == [sampleAccount()])
            #expect(try directoryEntries(root) == [".gitignore", ".lock", "accounts", "workbook.json"])
            #expect(try directoryEntries(root + "/accounts") == [".notes.swp", ".odd.tmp", "a1b2c3d4e5f60718.json"])
        }
    }

    // MARK: Many files

    @Test func manyFilesLoadDeterministically() throws {
        try withTemporaryDirectory { base throws in
            let root = base + "/w"
            var accounts: [Account] = []
            var generator = SystemRandomNumberGenerator()
            for index in 0..<3_000 {
                var account = sampleAccount(AccountID.random(using: &generator).rawValue, name: "Account \(index)")
                account.annualValue = index
                accounts.append(account)
            }
            try FileWorkbookStore.createWorkbook(at: root, settings: WorkbookSettings(owner: "demo"), accounts: accounts)
            try writeText("{", to: root + "/accounts/zz-broken.json")
            let first = try makeStore(root).load()
            let second = try makeStore(root).load()
            #expect(first.accounts == accounts.sorted { $0.id < $1.id })
            #expect(first.accounts == second.accounts)
            #expect(first.problems.map(\.file) == ["accounts/zz-broken.json"])
        }
    }
}
