import Foundation
import Testing
@testable import WorkbookStorage
import WorkbookModel

/// A failed save must leave the old file as it was, remove its temp file, and say why in words.
@Suite struct SaveFaultTests {
    private func withSavedAccount(_ body: (String, [UInt8]) throws -> Void) throws {
        try withTemporaryDirectory { root throws in
            let store = makeStore(root)
            _ = try store.load()
            try store.save(sampleAccount())
            store.close()
            try body(root, try readBytes(root + "/accounts/a1b2c3d4e5f60718.json"))
        }
    }

    private var edited: Account {
        var account = sampleAccount()
        account.notes = "an edit that must not be lost"
        return account
    }

    @Test func diskFullDuringWrite() throws {
        try withSavedAccount { root, original throws in
            let store = makeStore(root, fileSystem: FaultyFileSystem(failWrite: ENOSPC))
            #expect(throws: StorageError("not saved: disk full (ENOSPC) while writing accounts/a1b2c3d4e5f60718.json — your change is kept", kind: .notWritten(errno: ENOSPC))) {
                try store.save(edited)
            }
            #expect(try readBytes(root + "/accounts/a1b2c3d4e5f60718.json") == original)
            #expect(try directoryEntries(root + "/accounts") == ["a1b2c3d4e5f60718.json"])
        }
    }

    @Test func fsyncFailure() throws {
        try withSavedAccount { root, original throws in
            let store = makeStore(root, fileSystem: FaultyFileSystem(failFsync: EIO))
            #expect(throws: StorageError("not saved: input/output error: the disk may be failing (EIO) while writing accounts/a1b2c3d4e5f60718.json — your change is kept", kind: .notWritten(errno: EIO))) {
                try store.save(edited)
            }
            #expect(try readBytes(root + "/accounts/a1b2c3d4e5f60718.json") == original)
            #expect(try directoryEntries(root + "/accounts") == ["a1b2c3d4e5f60718.json"])
        }
    }

    @Test func renameFailure() throws {
        try withSavedAccount { root, original throws in
            let store = makeStore(root, fileSystem: FaultyFileSystem(failRename: EACCES))
            #expect(throws: StorageError("not saved: permission denied (EACCES) while writing accounts/a1b2c3d4e5f60718.json — your change is kept", kind: .notWritten(errno: EACCES))) {
                try store.save(edited)
            }
            #expect(try readBytes(root + "/accounts/a1b2c3d4e5f60718.json") == original)
            #expect(try directoryEntries(root + "/accounts") == ["a1b2c3d4e5f60718.json"])
        }
    }

    @Test func readOnlyDiskWhenCreatingTheTempFile() throws {
        try withSavedAccount { root, original throws in
            let store = makeStore(root, fileSystem: FaultyFileSystem(failCreate: EROFS))
            #expect(throws: StorageError("not saved: the disk is read-only (EROFS) while writing accounts/a1b2c3d4e5f60718.json — your change is kept", kind: .notWritten(errno: EROFS))) {
                try store.save(edited)
            }
            #expect(try readBytes(root + "/accounts/a1b2c3d4e5f60718.json") == original)
        }
    }

    @Test func directorySyncFailureSaysTheFileWasWritten() throws {
        try withSavedAccount { root, _ throws in
            let store = makeStore(root, fileSystem: FaultyFileSystem(failFsyncDirectory: EIO))
            #expect(throws: StorageError("accounts/a1b2c3d4e5f60718.json was written, but the folder could not be flushed to disk (input/output error: the disk may be failing (EIO)): the change may be lost if the computer loses power", kind: .writtenButNotFlushed(errno: EIO))) {
                try store.save(edited)
            }
            #expect(try readBytes(root + "/accounts/a1b2c3d4e5f60718.json") == AccountFileFormat.encode(edited))
        }
    }

    @Test func shortWritesAreContinued() throws {
        try withSavedAccount { root, _ throws in
            let store = makeStore(root, fileSystem: FaultyFileSystem(maximumWrite: 7))
            try store.save(edited)
            #expect(try readBytes(root + "/accounts/a1b2c3d4e5f60718.json") == AccountFileFormat.encode(edited))
        }
    }

    @Test func unknownErrnoStillHasWords() {
        #expect(ErrnoText.describe(ENOSPC) == "disk full (ENOSPC)")
        #expect(ErrnoText.describe(EXDEV) == "cannot move between disks (EXDEV)")
        #expect(ErrnoText.describe(ECHILD).hasSuffix("(errno \(ECHILD))"))
    }

    @Test func temporaryNamesAreHiddenAndRecognised() {
        let name = AtomicFileWriter.temporaryName(for: "ab.json")
        #expect(name.hasPrefix(".ab.json."))
        #expect(name.hasSuffix(".tmp"))
        #expect(name.count == ".ab.json.".count + 16 + ".tmp".count)
        #expect(AtomicFileWriter.isTemporaryName(name))
        #expect(!AtomicFileWriter.isTemporaryName("ab.json"))
    }
}

@Suite struct CreateWorkbookTests {
    @Test func createsADemoWorkbookInATemporaryFolder() throws {
        let path = try FileWorkbookStore.temporaryDirectory(prefix: "workbook-demo-")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(path.hasPrefix(FileManager.default.temporaryDirectory.path))
        #expect(try permissions(path) == 0o700)
        #expect(try directoryEntries(path).isEmpty)

        let accounts = [sampleAccount("d2", name: "Two"), sampleAccount("d1", name: "One")]
        let store = try FileWorkbookStore.createWorkbook(at: path, settings: WorkbookSettings(owner: "demo", currency: "USD"), accounts: accounts)
        let loaded = try store.load()
        #expect(loaded.settings == WorkbookSettings(owner: "demo", currency: "USD"))
        #expect(loaded.accounts == accounts.sorted { $0.id < $1.id })
        #expect(loaded.problems.isEmpty)
        #expect(try permissions(path + "/accounts/d1.json") == 0o600)
        #expect(try permissions(path + "/workbook.json") == 0o600)
        #expect(try permissions(path + "/accounts") == 0o700)
        #expect(store.locationDescription == path)
    }

    @Test func refusesAFolderThatIsNotEmpty() throws {
        try withTemporaryDirectory { root throws in
            try writeText("x", to: root + "/other.txt")
            #expect(throws: StorageError("cannot create a workbook at \(root): the folder is not empty")) {
                try FileWorkbookStore.createWorkbook(at: root, settings: WorkbookSettings(), accounts: [])
            }
            #expect(try directoryEntries(root) == ["other.txt"])
        }
    }

    @Test func refusesDuplicateAndInvalidIds() throws {
        try withTemporaryDirectory { root throws in
            #expect(throws: StorageError("cannot create a workbook: the id \"x\" is used twice")) {
                try FileWorkbookStore.createWorkbook(at: root + "/w", settings: WorkbookSettings(), accounts: [sampleAccount("x"), sampleAccount("x")])
            }
            #expect(throws: StorageError("cannot create a workbook: the id \"A/B\" cannot be a file name")) {
                try FileWorkbookStore.createWorkbook(at: root + "/w", settings: WorkbookSettings(), accounts: [sampleAccount("A/B")])
            }
            #expect(!FileManager.default.fileExists(atPath: root + "/w"))
        }
    }

    @Test func relativePathsBecomeAbsolute() {
        #expect(FileWorkbookStore.absolute("/a/b/") == "/a/b")
        #expect(FileWorkbookStore.absolute("/") == "/")
        #expect(FileWorkbookStore.absolute("rel") == FileManager.default.currentDirectoryPath + "/rel")
        #expect(FileWorkbookStore.absolute("/a/./b//c/../d/") == "/a/b/d")
        #expect(FileWorkbookStore.absolute("./rel/") == FileManager.default.currentDirectoryPath + "/rel")
    }
}

/// The whole matrix: each errno at each step before the rename leaves the old file intact, no temp
/// file, a message naming the cause, an error the app can tell apart, and a retry that succeeds.
@Suite struct SaveFaultMatrixTests {
    enum Step: String, CaseIterable, Sendable {
        case create, write, fsync, rename
    }

    static let causes: [(Int32, String)] = [
        (ENOSPC, "disk full (ENOSPC)"),
        (EACCES, "permission denied (EACCES)"),
        (EROFS, "the disk is read-only (EROFS)"),
        (EIO, "input/output error: the disk may be failing (EIO)"),
    ]

    @Test(arguments: Step.allCases, [ENOSPC, EACCES, EROFS, EIO])
    func theOldFileStaysAndTheChangeCanBeRetried(step: Step, code: Int32) throws {
        try withTemporaryDirectory { root throws in
            let setup = makeStore(root)
            _ = try setup.load()
            try setup.save(sampleAccount())
            setup.close()
            let path = root + "/accounts/a1b2c3d4e5f60718.json"
            let original = try readBytes(path)

            let faulty: FaultyFileSystem
            switch step {
            case .create: faulty = FaultyFileSystem(failCreate: code)
            case .write: faulty = FaultyFileSystem(failWrite: code)
            case .fsync: faulty = FaultyFileSystem(failFsync: code)
            case .rename: faulty = FaultyFileSystem(failRename: code)
            }
            let store = makeStore(root, fileSystem: faulty)
            _ = try store.load()
            var edited = sampleAccount()
            edited.notes = "the change that must not be lost"
            let words = try #require(Self.causes.first { $0.0 == code }?.1)
            #expect(throws: StorageError("not saved: \(words) while writing accounts/a1b2c3d4e5f60718.json — your change is kept", kind: .notWritten(errno: code))) {
                try store.save(edited)
            }
            #expect(try readBytes(path) == original, "the old file is intact")
            #expect(try directoryEntries(root + "/accounts") == ["a1b2c3d4e5f60718.json"], "no temp file")
            store.close()

            // The cause is gone: the same change, kept in memory by the app, saves.
            let healthy = makeStore(root)
            _ = try healthy.load()
            try healthy.save(edited)
            #expect(try readBytes(path) == AccountFileFormat.encode(edited))
        }
    }
}
