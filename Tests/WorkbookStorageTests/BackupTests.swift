import Foundation
import Testing
@testable import WorkbookStorage
import WorkbookModel

/// `.backups/<date>/`: copies taken before an archive, an import, a migration rewrite or a restore.
@Suite struct BackupTests {
    @Test func aBackupCopiesTheFilesPrivatelyWithAManifest() throws {
        try withTemporaryDirectory { root throws in
            let store = makeStore(root)
            _ = try store.load()
            try store.save(sampleAccount("a1", name: "One"))
            try store.save(sampleAccount("a2", name: "Two"))
            try store.backup([AccountID("a1"), AccountID("a2"), AccountID("missing")], reason: "before archiving One and Two")
            let backups = store.backups()
            #expect(backups.count == 1)
            let backup = try #require(backups.first)
            #expect(backup.reason == "before archiving One and Two")
            #expect(backup.files == ["accounts/a1.json", "accounts/a2.json"])
            #expect(backup.name.count == "2026-11-25T09-14-03Z".count && backup.name.hasSuffix("Z") && !backup.name.contains(":"))
            let folder = root + "/.backups/" + backup.name
            #expect(try readBytes(folder + "/accounts/a1.json") == readBytes(root + "/accounts/a1.json"))
            #expect(try permissions(root + "/.backups") == 0o700)
            #expect(try permissions(folder) == 0o700)
            #expect(try permissions(folder + "/accounts/a2.json") == 0o600)
            #expect(try directoryEntries(folder) == ["accounts", "backup.json"])
            #expect(try directoryEntries(root + "/.backups") == [backup.name], "no partial folder is left")
            // Backups never show up as accounts or problems.
            let reloaded = try makeStore(root).loadExisting()
            #expect(reloaded.problems.isEmpty && reloaded.accounts.count == 2)
            #expect(WorkbookChecker.report(directory: root).backups == backups)
        }
    }

    @Test func onlyTheNewestTwentyAreKeptAndPartialOnesAreCleaned() throws {
        try withTemporaryDirectory { root throws in
            let store = makeStore(root)
            _ = try store.load()
            try store.save(sampleAccount("a1", name: "One"))
            try FileManager.default.createDirectory(atPath: root + "/.backups/.2020-01-01T00-00-00Z.partial/accounts", withIntermediateDirectories: true)
            var reasons: [String] = []
            for index in 0..<25 {
                try store.backup([AccountID("a1")], reason: "backup \(index)")
                reasons.append("backup \(index)")
            }
            let kept = store.backups()
            #expect(kept.count == WorkbookBackups.keep)
            #expect(kept.map(\.reason) == Array(reasons.suffix(WorkbookBackups.keep)))
            #expect(Set(kept.map(\.name)).count == kept.count, "same-second backups get distinct names")
            #expect(try directoryEntries(root + "/.backups").count == WorkbookBackups.keep)
        }
    }

    @Test func restoreBacksUpWhatItReplacesThenPutsTheFilesBack() throws {
        try withTemporaryDirectory { root throws in
            let store = makeStore(root)
            _ = try store.load()
            let original = sampleAccount("a1", name: "One")
            try store.save(original)
            try store.backup([AccountID("a1")], reason: "before archiving One")
            let name = try #require(store.backups().first?.name)
            var archived = original
            archived.archived = ArchiveMark(on: CalendarDate(year: 2026, month: 11, day: 25)!, by: "dana")
            try store.save(archived)
            let archivedBytes = try readBytes(root + "/accounts/a1.json")

            let result = try store.restore(backup: name)
            #expect(result.restored.name == name)
            #expect(result.safetyBackup.reason == "before restoring \(name)")
            #expect(try readBytes(root + "/accounts/a1.json") == AccountFileFormat.encode(original))
            #expect(try readBytes(root + "/.backups/\(result.safetyBackup.name)/accounts/a1.json") == archivedBytes)
            // The store knows the restored bytes: the next save is not a "changed on disk" conflict.
            var edited = original
            edited.notes = "after restore"
            try store.save(edited)
        }
    }

    @Test func restoreRefusesUnknownNamesAndPathsOutOfTheWorkbook() throws {
        try withTemporaryDirectory { root throws in
            let store = makeStore(root)
            _ = try store.load()
            #expect(throws: StorageError("nothing restored: there is no backup \"nope\" in \(root)/.backups (`workbook check` lists them)")) {
                try store.restore(backup: "nope")
            }
            #expect(throws: StorageError.self) { try store.restore(backup: "../accounts") }
            // A manifest cannot send a restore out of the workbook.
            try FileManager.default.createDirectory(atPath: root + "/.backups/evil", withIntermediateDirectories: true)
            try writeText("{\"created\": \"x\", \"files\": [\"../../etc/passwd\", \"accounts/../x.json\"], \"reason\": \"r\"}", to: root + "/.backups/evil/backup.json")
            #expect(store.backups().first?.files == [])
            #expect(throws: StorageError.self) { try store.backup(files: ["../outside"], reason: "x") }
        }
    }
}
