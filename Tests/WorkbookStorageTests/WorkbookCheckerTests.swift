import Foundation
import Testing
@testable import WorkbookStorage
import WorkbookModel

@Suite struct WorkbookCheckerTests {
    @Test func aMissingWorkbookIsAProblemAndNothingIsCreated() throws {
        try withTemporaryDirectory { base throws in
            let path = base + "/none"
            #expect(WorkbookChecker.check(directory: path) == [StorageProblem(file: "workbook.json", message: "no workbook at \(path)")])
            #expect(!FileManager.default.fileExists(atPath: path))
            #expect(WorkbookChecker.check(directory: base) == [StorageProblem(file: "workbook.json", message: "no workbook at \(base): workbook.json is missing")])
            #expect(try directoryEntries(base).isEmpty)
        }
    }

    @Test func aSoundWorkbookHasNoProblems() throws {
        try withTemporaryDirectory { root throws in
            try FileWorkbookStore.createWorkbook(at: root, settings: WorkbookSettings(), accounts: [sampleAccount("a", name: "A"), sampleAccount("b", name: "B")])
            #expect(WorkbookChecker.check(directory: root).isEmpty)
        }
    }

    @Test func reportsFileAndRuleProblemsWithoutChangingAnything() throws {
        try withTemporaryDirectory { root throws in
            var negative = sampleAccount("neg", name: "Negative")
            negative.annualValue = -10
            var archivedTwin = sampleAccount("arch", name: "acme ")
            archivedTwin.archived = ArchiveMark(on: CalendarDate(year: 2025, month: 1, day: 1)!, by: "x")
            let accounts = [
                sampleAccount("a1", name: "Acme"),
                sampleAccount("a2", name: "  ACME "),
                archivedTwin,
                sampleAccount("blank", name: "   "),
                negative,
            ]
            try FileWorkbookStore.createWorkbook(at: root, settings: WorkbookSettings(), accounts: accounts)
            try writeText("[1,]", to: root + "/accounts/bad.json")
            try writeText("stale", to: root + "/accounts/.x.json.1.tmp")
            let before = try directoryEntries(root + "/accounts")

            let problems = WorkbookChecker.check(directory: root)
            #expect(problems == [
                StorageProblem(file: "accounts/a2.json", message: "field \"name\": \"  ACME \" is also the name of accounts/a1.json (\"Acme\")"),
                StorageProblem(file: "accounts/bad.json", message: "line 1, column 4: expected a value after ',', found ']'"),
                StorageProblem(file: "accounts/blank.json", message: "field \"name\": A name is required."),
                StorageProblem(file: "accounts/neg.json", message: "field \"annualValue\": The annual value cannot be negative."),
            ])
            #expect(problems.map(\.description).first == "accounts/a2.json: field \"name\": \"  ACME \" is also the name of accounts/a1.json (\"Acme\")")
            #expect(try directoryEntries(root + "/accounts") == before)
        }
    }
}

@Suite struct WorkbookLocationTests {
    @Test func dataDirectory() {
        #expect(WorkbookLocation.defaultDataDirectory(environment: ["XDG_DATA_HOME": "/x/data", "HOME": "/home/u"]) == "/x/data/account-workbook")
        #expect(WorkbookLocation.defaultDataDirectory(environment: ["XDG_DATA_HOME": "/x/data/", "HOME": "/home/u"]) == "/x/data/account-workbook")
        #expect(WorkbookLocation.defaultDataDirectory(environment: ["HOME": "/home/u"]) == "/home/u/.local/share/account-workbook")
        // Empty and relative values are ignored, as the XDG spec asks.
        #expect(WorkbookLocation.defaultDataDirectory(environment: ["XDG_DATA_HOME": "", "HOME": "/home/u"]) == "/home/u/.local/share/account-workbook")
        #expect(WorkbookLocation.defaultDataDirectory(environment: ["XDG_DATA_HOME": "rel", "HOME": "/home/u/"]) == "/home/u/.local/share/account-workbook")
        #expect(WorkbookLocation.defaultDataDirectory(environment: ["HOME": "/"]) == "/.local/share/account-workbook")
    }

    @Test func configAndStateDirectories() {
        #expect(WorkbookLocation.configDirectory(environment: ["XDG_CONFIG_HOME": "/c", "HOME": "/h"]) == "/c/account-workbook")
        #expect(WorkbookLocation.configDirectory(environment: ["HOME": "/h"]) == "/h/.config/account-workbook")
        #expect(WorkbookLocation.themesDirectory(environment: ["HOME": "/h"]) == "/h/.config/account-workbook/themes")
        #expect(WorkbookLocation.stateDirectory(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/account-workbook")
        #expect(WorkbookLocation.stateDirectory(environment: ["HOME": "/h"]) == "/h/.local/state/account-workbook")
    }

    @Test func withoutHomeTheUsersHomeIsStillFound() {
        #expect(WorkbookLocation.defaultDataDirectory(environment: [:]).hasSuffix("/.local/share/account-workbook"))
    }
}

@Suite struct ResourceFilesTests {
    @Test func readsFilesAndReportsMissingOnesAsNil() throws {
        try withTemporaryDirectory { root throws in
            try writeText(#"{"name": "mono"}"#, to: root + "/mono.json")
            #expect(try ResourceFiles.read(path: root + "/mono.json") == bytes(#"{"name": "mono"}"#))
            #expect(try ResourceFiles.read(path: root + "/none.json") == nil)
            #expect(try ResourceFiles.readJSON(path: root + "/mono.json") == .object(["name": .string("mono")]))
            #expect(try ResourceFiles.readJSON(path: root + "/none.json") == nil)
        }
    }

    @Test func followsLinksButRejectsFoldersAndBadJSON() throws {
        try withTemporaryDirectory { root throws in
            try writeText("{}", to: root + "/real.json")
            try FileManager.default.createSymbolicLink(atPath: root + "/link.json", withDestinationPath: root + "/real.json")
            #expect(try ResourceFiles.read(path: root + "/link.json") == bytes("{}"))
            try FileManager.default.createDirectory(atPath: root + "/dir.json", withIntermediateDirectories: false)
            #expect(throws: StorageError("\(root)/dir.json is a folder where a file should be")) {
                try ResourceFiles.read(path: root + "/dir.json")
            }
            try writeText("{", to: root + "/bad.json")
            #expect(throws: StorageError("\(root)/bad.json: line 1, column 2: expected a string key or '}', found the end of the file")) {
                try ResourceFiles.readJSON(path: root + "/bad.json")
            }
        }
    }

    @Test func listsJSONFilesSorted() throws {
        try withTemporaryDirectory { root throws in
            for name in ["mono.json", "default.json", "High-Contrast.json", ".hidden.json", "notes.txt"] {
                try writeText("{}", to: root + "/" + name)
            }
            #expect(try ResourceFiles.listJSONFiles(in: root) == ["High-Contrast.json", "default.json", "mono.json"].map { root + "/" + $0 })
            #expect(try ResourceFiles.listJSONFiles(in: root + "/missing") == [])
        }
    }
}
