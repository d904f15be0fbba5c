import Foundation
import Testing
@testable import WorkbookStorage
import WorkbookModel

/// `view.json`: one person's view of the accounts pane, kept out of the shared workbook.
@Suite struct ViewPreferencesTests {
    @Test func theFileLivesInThePerUserStateFolder() {
        #expect(ViewPreferencesFile.path(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/account-workbook/view.json")
        #expect(ViewPreferencesFile.path(environment: ["HOME": "/h"]) == "/h/.local/state/account-workbook/view.json")
    }

    @Test func noFileMeansTheCompactView() throws {
        try withTemporaryDirectory { folder in
            let loaded = ViewPreferencesFile.load(path: folder + "/none/view.json")
            #expect(loaded.preferences == ViewPreferences(accountsView: .compact))
            #expect(loaded.problem == nil)
        }
    }

    @Test func savingMakesThePrivateFolderAndReadsBackWithMembersItDoesNotKnow() throws {
        try withTemporaryDirectory { folder in
            let path = folder + "/state/account-workbook/view.json"
            let newer = try ViewPreferencesFile.decode(bytes(#"{"accountsView": "compact", "listDensity": 2}"#))
            #expect(newer.otherMembers == ["listDensity": .integer(2)])
            var chosen = newer
            chosen.accountsView = .table
            try ViewPreferencesFile.save(chosen, path: path)
            let loaded = ViewPreferencesFile.load(path: path)
            #expect(loaded.problem == nil)
            #expect(loaded.preferences == chosen)
            #expect(try String(decoding: readBytes(path), as: UTF8.self) == "{\n  \"accountsView\": \"table\",\n  \"listDensity\": 2\n}\n")
            #expect(try permissions(folder + "/state/account-workbook") == 0o700)
            #expect(try permissions(path) == 0o600)
            #expect(try directoryEntries(folder + "/state/account-workbook") == ["view.json"], "no temporary file is left")
        }
    }

    @Test(arguments: [#"{"accountsView": "wide"}"#, #"{"accountsView": 1}"#, #"["table"]"#, #"{"accountsView": "tab"#])
    func aDamagedFileIsNamedAndLeftAsItIs(text: String) throws {
        try withTemporaryDirectory { folder in
            let path = folder + "/view.json"
            try writeText(text, to: path)
            let before = try identity(path)
            let loaded = ViewPreferencesFile.load(path: path)
            #expect(loaded.preferences == ViewPreferences())
            let problem = try #require(loaded.problem)
            #expect(problem.file == path)
            #expect(problem.message.contains("not remembered"), "\(problem.message)")
            #expect(try readBytes(path) == bytes(text))
            #expect(try identity(path) == before)
        }
    }

    @Test func aFailedSaveSaysWhyAndKeepsTheOldFile() throws {
        try withTemporaryDirectory { folder in
            let path = folder + "/view.json"
            try ViewPreferencesFile.save(ViewPreferences(accountsView: .table), path: path)
            #expect(throws: StorageError.self) {
                try ViewPreferencesFile.save(ViewPreferences(accountsView: .compact), path: path, fileSystem: FaultyFileSystem(failWrite: ENOSPC))
            }
            do {
                try ViewPreferencesFile.save(ViewPreferences(accountsView: .compact), path: path, fileSystem: FaultyFileSystem(failWrite: ENOSPC))
            } catch {
                #expect("\(error)".contains("disk full"), "\(error)")
            }
            #expect(ViewPreferencesFile.load(path: path).preferences.accountsView == .table)
            #expect(try directoryEntries(folder) == ["view.json"])
        }
    }
}
