import Foundation
import Testing
@testable import WorkbookStorage
import WorkbookModel

/// The corpus of damaged and hostile files (`Fixtures/damaged`, plus what cannot be committed:
/// a folder where a file should be, a 50 MB file and a link out of the workbook): each gets a
/// clear message naming the file, the rest opens, and nothing is changed.
@Suite struct DamagedCorpusTests {
    /// What the store and `workbook check` say about each file of the corpus.
    static let expected: [StorageProblem] = [
        StorageProblem(file: "accounts/copy-of-good.json", message: "the file's id \"good\" does not match its file name \"copy-of-good.json\""),
        StorageProblem(file: "accounts/duplicate-key.json", message: "line 4, column 3: duplicate key \"id\" in one object"),
        StorageProblem(file: "accounts/folder.json", message: "is a folder where a file should be"),
        StorageProblem(file: "accounts/huge.json", message: "is 52428800 bytes, over the 10 MB limit; it was not read"),
        StorageProblem(file: "accounts/invalid-utf8.json", message: "line 4, column 13: invalid UTF-8: byte 0xFC is not part of a valid UTF-8 character; the file must be saved as UTF-8"),
        StorageProblem(file: "accounts/link.json", message: "is a symbolic link; links are not followed, so it was not read"),
        StorageProblem(file: "accounts/missing-name.json", message: "field \"name\": missing"),
        StorageProblem(file: "accounts/newer-version.json", message: "written by a newer version (format 7); this build reads up to 1 — opened read-only"),
        StorageProblem(file: "accounts/not-an-object.json", message: "expected a JSON object at the top level, found an array"),
        StorageProblem(file: "accounts/truncated.json", message: "line 4, column 11: the string starting here is not closed: expected '\"' before the end of the file"),
        StorageProblem(file: "accounts/wrong-types.json", message: "field \"name\": expected a string, found a number"),
    ]

    /// Builds the corpus workbook in `root/wb`, with the generated cases; returns its path.
    static func makeCorpus(in base: String) throws -> String {
        let root = base + "/wb"
        try copyFixture("damaged", to: root)
        try FileManager.default.createDirectory(atPath: root + "/accounts/folder.json", withIntermediateDirectories: false)
        // 50 MB, generated rather than committed: a sparse file costs no disk.
        let huge = open(root + "/accounts/huge.json", O_WRONLY | O_CREAT | O_EXCL, 0o600)
        #expect(huge >= 0)
        ftruncate(huge, 50 * 1024 * 1024)
        close(huge)
        let outside = base + "/outside.json"
        try writeText("{\"formatVersion\": 1, \"id\": \"link\", \"name\": \"Outside\", \"stage\": \"vendor\"}\n", to: outside)
        try FileManager.default.createSymbolicLink(atPath: root + "/accounts/link.json", withDestinationPath: outside)
        return root
    }

    @Test func everyDamagedFileHasItsMessageAndTheRestOpens() throws {
        try withTemporaryDirectory { base throws in
            let root = try Self.makeCorpus(in: base)
            let before = try snapshot(base)
            let store = makeStore(root)
            let loaded = try store.load()
            #expect(loaded.problems == Self.expected)
            #expect(loaded.accounts.map(\.id.rawValue) == ["good", "unknown-fields"])
            #expect(!loaded.isReadOnly)

            // Saving everything that loaded changes no damaged file; every damaged one is refused.
            for account in loaded.accounts {
                var edited = account
                edited.notes = "edited"
                try store.save(edited)
            }
            for problem in Self.expected {
                let id = String(problem.file.dropFirst("accounts/".count).dropLast(5))
                #expect(throws: StorageError("\(problem.file) is damaged and is left untouched: fix or remove it first", kind: .damaged)) {
                    try store.save(Account(id: AccountID(id), name: "Overwrite attempt"))
                }
            }
            let after = try snapshot(base)
            for (file, bytes) in before where !file.hasSuffix("/good.json") && !file.hasSuffix("/unknown-fields.json") {
                #expect(after[file] == bytes, "\(file) is byte-identical")
            }
            #expect(FileManager.default.fileExists(atPath: root + "/accounts/folder.json"))
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: root + "/accounts/link.json") == base + "/outside.json")
        }
    }

    @Test func unknownFieldsAreKeptWhenAnOlderBuildEdits() throws {
        try withTemporaryDirectory { base throws in
            let root = try Self.makeCorpus(in: base)
            let store = makeStore(root)
            let loaded = try store.load()
            var account = try #require(loaded.accounts.first { $0.id.rawValue == "unknown-fields" })
            account.notes = "edited by an older build"
            try store.save(account)
            let text = String(decoding: try readBytes(root + "/accounts/unknown-fields.json"), as: UTF8.self)
            #expect(text.contains("\"futureScore\": 7.50"))
            #expect(text.contains("\"visits\": [\n    {\n      \"id\": \"v1\",\n      \"on\": \"2026-10-01\"\n    }\n  ]"))
            #expect(text.contains("\"notes\": \"edited by an older build\""))
        }
    }

    @Test func checkReportsTheSameProblemsAndChangesNothing() throws {
        try withTemporaryDirectory { base throws in
            let root = try Self.makeCorpus(in: base)
            let before = try snapshot(base)
            #expect(WorkbookChecker.check(directory: root) == Self.expected)
            #expect(WorkbookChecker.report(directory: root).problems == Self.expected)
            #expect(try snapshot(base) == before)
            #expect(!FileManager.default.fileExists(atPath: root + "/.lock"))
        }
    }
}
