import Foundation
import Testing
@testable import WorkbookStorage
import WorkbookModel
import WorkbookTestSupport

/// A save never overwrites a change made on disk since the file was read; the app can notice
/// changes (`changedFiles`) and pick them up (`reload`).
@Suite struct ChangeDetectionTests {
    private let id = AccountID("a1b2c3d4e5f60718")
    private var file: String { "accounts/a1b2c3d4e5f60718.json" }

    private func changedError(_ id: AccountID?, _ file: String, removed: Bool = false) -> StorageError {
        StorageError(
            "not saved: \(file) \(removed ? "was removed on disk" : "changed on disk") since it was opened (by git pull, an editor or another program) — your change is kept; reload to see it",
            kind: .changedOnDisk(id))
    }

    /// A loads, B saves, A saves: A is refused, and after a reload A's next save goes through.
    /// B plays a program that ignores the lock (an older build, a script, a teammate's git push).
    @Test func scriptedRaceRefusesTheStaleSave() throws {
        try withTemporaryDirectory { root throws in
            let setup = makeStore(root)
            _ = try setup.load()
            try setup.save(sampleAccount())
            setup.close()

            let a = makeStore(root)
            _ = try a.load()
            let b = FileWorkbookStore(directory: root, fileSystem: POSIXFileSystem(), environment: [:], locking: false)
            _ = try b.loadExisting()
            var theirs = sampleAccount()
            theirs.notes = "B's change"
            try b.save(theirs)

            #expect(a.changedFiles() == [id])
            var mine = sampleAccount()
            mine.owner = "A's change"
            #expect(throws: changedError(id, file)) { try a.save(mine) }
            #expect(try readBytes(root + "/" + file) == AccountFileFormat.encode(theirs), "B's change is intact")

            // Reload, reapply, save.
            var reloaded = try #require(try a.reload(id))
            #expect(reloaded == theirs)
            #expect(a.changedFiles().isEmpty)
            reloaded.owner = "A's change"
            try a.save(reloaded)
            let merged = try AccountFileFormat.decode(readBytes(root + "/" + file))
            #expect(merged.notes == "B's change" && merged.owner == "A's change")
        }
    }

    /// `sed -i` writes a new file and renames it over the old one, like many editors and git.
    @Test func anOutsideEditWithSedIsDetected() throws {
        try withTemporaryDirectory { root throws in
            let store = makeStore(root)
            _ = try store.load()
            try store.save(sampleAccount())
            #expect(store.changedFiles().isEmpty)
            let result = try Subprocess.run(["sed", "-i", "s/Acme Logistics/Acme Freight/", root + "/" + file])
            #expect(result.status == 0)
            #expect(store.changedFiles() == [id])
            var mine = sampleAccount()
            mine.notes = "stale edit"
            #expect(throws: changedError(id, file)) { try store.save(mine) }
            #expect(try store.reload(id)?.name == "Acme Freight")
        }
    }

    @Test func anInPlaceWriteOfTheSameSizeIsDetected() throws {
        try withTemporaryDirectory { root throws in
            let store = makeStore(root)
            _ = try store.load()
            try store.save(sampleAccount())
            let original = try readBytes(root + "/" + file)
            let edited = bytes(String(decoding: original, as: UTF8.self).replacingOccurrences(of: "Acme", with: "Acne"))
            #expect(edited.count == original.count)
            let handle = try #require(FileHandle(forWritingAtPath: root + "/" + file))
            handle.write(Data(edited))
            try handle.close()
            #expect(store.changedFiles() == [id])
            #expect(throws: changedError(id, file)) { try store.save(sampleAccount()) }
        }
    }

    @Test func touchingWithoutChangingIsNotAChange() throws {
        try withTemporaryDirectory { root throws in
            let store = makeStore(root)
            _ = try store.load()
            try store.save(sampleAccount())
            let result = try Subprocess.run(["touch", "-d", "2001-01-01", root + "/" + file])
            #expect(result.status == 0)
            #expect(store.changedFiles().isEmpty)
            var edited = sampleAccount()
            edited.notes = "fine"
            try store.save(edited)
        }
    }

    @Test func removedAndNewFilesAreChangesToo() throws {
        try withTemporaryDirectory { root throws in
            let store = makeStore(root)
            _ = try store.load()
            try store.save(sampleAccount())
            try FileManager.default.removeItem(atPath: root + "/" + file)
            try writeBytes(AccountFileFormat.encode(sampleAccount("pulled", name: "From git pull")), to: root + "/accounts/pulled.json")
            #expect(store.changedFiles() == [id, AccountID("pulled")])
            #expect(throws: changedError(id, file, removed: true)) { try store.save(sampleAccount()) }
            #expect(!FileManager.default.fileExists(atPath: root + "/" + file))
            // A new file under a known id is not overwritten either.
            #expect(throws: changedError(AccountID("pulled"), "accounts/pulled.json")) { try store.save(sampleAccount("pulled", name: "Mine")) }

            #expect(try store.reload(id) == nil)
            #expect(try store.reload(AccountID("pulled"))?.name == "From git pull")
            #expect(store.changedFiles().isEmpty)
            try store.save(sampleAccount()) // The person chose to keep it: it is written again.
            #expect(FileManager.default.fileExists(atPath: root + "/" + file))
        }
    }

    /// A file that was damaged when the workbook opened, or broke while it was open, is noticed once
    /// repaired or removed, so the app can read it again and clear its problem.
    @Test func aDamagedFileIsReportedOnceRepairedOrRemoved() throws {
        try withTemporaryDirectory { root throws in
            let good = sampleAccount()
            _ = try FileWorkbookStore.createWorkbook(at: root, settings: WorkbookSettings(owner: "tester", currency: "EUR"), accounts: [good])
            try writeText("{ broken", to: root + "/" + file)
            let store = makeStore(root)
            #expect(try store.load().problems.map(\.file) == [file])
            #expect(store.changedFiles().isEmpty, "the first look only notes how the damaged file looks")
            #expect(store.changedFiles().isEmpty)
            try writeBytes(AccountFileFormat.encode(good), to: root + "/" + file)
            #expect(store.changedFiles() == [id])
            #expect(try store.reload(id) == good)
            // Broken again while open, then removed: both are noticed.
            try writeText("{ broken again", to: root + "/" + file)
            #expect(store.changedFiles() == [id])
            #expect(throws: StorageError.self) { try store.reload(id) }
            #expect(store.changedFiles().isEmpty)
            try FileManager.default.removeItem(atPath: root + "/" + file)
            #expect(store.changedFiles() == [id])
            #expect(try store.reload(id) == nil)
        }
    }

    @Test func reloadingADamagedFileProtectsItAndAFixedOneIsWritableAgain() throws {
        try withTemporaryDirectory { root throws in
            let store = makeStore(root)
            _ = try store.load()
            try store.save(sampleAccount())
            try writeText("<<<<<<< HEAD\n", to: root + "/" + file)
            #expect(throws: StorageError("\(file): line 1, column 1: expected a value, found '<'", kind: .damaged)) { try store.reload(id) }
            #expect(throws: StorageError("\(file) is damaged and is left untouched: fix or remove it first", kind: .damaged)) { try store.save(sampleAccount()) }
            try writeBytes(AccountFileFormat.encode(sampleAccount()), to: root + "/" + file)
            #expect(try store.reload(id) == sampleAccount())
            var edited = sampleAccount()
            edited.notes = "fixed"
            try store.save(edited)
        }
    }

    @Test func settingsChangedOnDiskAreNotOverwritten() throws {
        try withTemporaryDirectory { root throws in
            let store = makeStore(root)
            _ = try store.load()
            try writeText("{\"formatVersion\": 1, \"owner\": \"teammate\"}\n", to: root + "/workbook.json")
            #expect(throws: changedError(nil, "workbook.json")) { try store.saveSettings(WorkbookSettings(owner: "me", currency: "EUR")) }
        }
    }

    @Test func theSameBytesWrittenElsewhereAreNotAConflict() throws {
        try withTemporaryDirectory { root throws in
            let store = makeStore(root)
            _ = try store.load()
            try store.save(sampleAccount())
            var edited = sampleAccount()
            edited.notes = "same change on both sides"
            try writeBytes(AccountFileFormat.encode(edited), to: root + "/" + file)
            try store.save(edited)
            edited.notes = "and then mine"
            try store.save(edited)
        }
    }
}
