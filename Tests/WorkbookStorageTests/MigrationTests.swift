import Foundation
import Testing
@testable import WorkbookStorage
import WorkbookModel

/// A fixture per format version (`Fixtures/versions/v<N>`): every older one reads as the current
/// one, is left untouched until its next save, and is backed up before that save rewrites it.
@Suite struct MigrationTests {
    @Test func everyVersionBelowTheCurrentHasAStep() {
        for steps in [FormatMigrations.account, FormatMigrations.workbook] {
            #expect(steps.map(\.from) == Array(0..<FormatVersion.current))
        }
    }

    @Test func theCurrentFixtureRoundTripsByteForByte() throws {
        try withTemporaryDirectory { base throws in
            let root = base + "/wb"
            try copyFixture("versions/v\(FormatVersion.current)", to: root)
            let before = try snapshot(root)
            let store = makeStore(root)
            let loaded = try store.load()
            #expect(loaded.problems.isEmpty)
            #expect(loaded.migratedFiles.isEmpty)
            for account in loaded.accounts { try store.save(account) }
            try store.saveSettings(loaded.settings)
            let after = try snapshot(root).filter { !$0.key.hasPrefix(".") }
            #expect(after == before)
        }
    }

    /// Version 0 is a file without `formatVersion`; it reads exactly like its version-1 twin.
    @Test(arguments: Array(0..<FormatVersion.current))
    func anOlderFixtureReadsAsTheCurrentOne(version: Int) throws {
        try withTemporaryDirectory { base throws in
            let old = base + "/old", current = base + "/current"
            try copyFixture("versions/v\(version)", to: old)
            try copyFixture("versions/v\(FormatVersion.current)", to: current)
            let originalBytes = try snapshot(old)

            let store = makeStore(old)
            let loaded = try store.load()
            let reference = try makeStore(current).loadExisting()
            #expect(loaded.problems.isEmpty)
            #expect(loaded.accounts == reference.accounts)
            #expect(loaded.settings == reference.settings)
            #expect(loaded.migratedFiles == [
                StorageProblem(file: "accounts/alpine.json", message: "format \(version) → \(FormatVersion.current)"),
                StorageProblem(file: "workbook.json", message: "format \(version) → \(FormatVersion.current)"),
            ].sorted { $0.file < $1.file })
            #expect(WorkbookChecker.check(directory: old).isEmpty)
            #expect(WorkbookChecker.report(directory: old).migratedFiles.count == 2)

            // Reading does not rewrite.
            #expect(try snapshot(old).filter { !$0.key.hasPrefix(".") } == originalBytes)

            // The first save backs the old bytes up, then writes the current format.
            var account = try #require(loaded.accounts.first)
            account.notes = "after migration"
            try store.save(account)
            let backups = store.backups()
            #expect(backups.count == 1)
            let backup = try #require(backups.first)
            #expect(backup.reason == "before rewriting accounts/alpine.json from format \(version) to format \(FormatVersion.current)")
            #expect(backup.files == ["accounts/alpine.json"])
            #expect(try readBytes(old + "/.backups/\(backup.name)/accounts/alpine.json") == originalBytes["accounts/alpine.json"])
            let rewritten = try readBytes(old + "/accounts/alpine.json")
            #expect(rewritten == AccountFileFormat.encode(account))
            #expect(String(decoding: rewritten, as: UTF8.self).contains("\"formatVersion\": \(FormatVersion.current)"))
            #expect(String(decoding: rewritten, as: UTF8.self).contains("\"region\": \"Valais\""), "unknown fields survive the migration")

            // Later saves are plain saves: no second backup.
            account.notes = "again"
            try store.save(account)
            #expect(store.backups().count == 1)

            // Settings: backed up before their first rewrite too.
            var settings = loaded.settings
            settings.currency = "EUR"
            try store.saveSettings(settings)
            #expect(store.backups().map(\.files) == [["accounts/alpine.json"], ["workbook.json"]])
        }
    }

    @Test func aNewerFixtureOpensReadOnlyAndIsNeverRewritten() throws {
        try withTemporaryDirectory { base throws in
            let root = base + "/wb"
            try copyFixture("versions/v\(FormatVersion.current + 1)", to: root)
            let before = try snapshot(root)
            let store = makeStore(root)
            let loaded = try store.load()
            let newer = FormatVersion.current + 1
            #expect(loaded.readOnlyReason == "workbook.json was written by a newer version (format \(newer)); this build reads up to \(FormatVersion.current) — opened read-only")
            #expect(loaded.problems.map(\.file) == ["accounts/alpine.json", "workbook.json"])
            #expect(throws: StorageError.self) { try store.save(Account(id: AccountID("alpine"), name: "Downgraded")) }
            #expect(throws: StorageError.self) { try store.save(Account(id: AccountID("other"), name: "New")) }
            #expect(try snapshot(root).filter { $0.key != ".lock" } == before)
        }
    }

    @Test func versionZeroIsOnlyAMissingKey() throws {
        #expect(try FormatMigrations.storedVersion(of: .object([:])) == 0)
        #expect(try FormatMigrations.storedVersion(of: .object(["formatVersion": .null])) == 0)
        #expect(try FormatMigrations.storedVersion(of: .object(["formatVersion": .integer(1)])) == 1)
        #expect(throws: FileFormatError.self) { try FormatMigrations.storedVersion(of: .object(["formatVersion": .string("1")])) }
        #expect(throws: FileFormatError.self) { try FormatMigrations.storedVersion(of: .object(["formatVersion": .integer(-1)])) }
        let upgraded = try FormatMigrations.upgrade(.object(["id": .string("x")]), with: FormatMigrations.account)
        #expect(upgraded == .object(["id": .string("x"), "formatVersion": .integer(1)]))
    }
}
