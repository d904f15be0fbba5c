import Foundation
import Testing
import WorkbookModel
import WorkbookStorage
import WorkbookTestSupport

/// The real binary opened twice on one workbook: what the second open shows comes from the files,
/// whatever the list index kept from the first (docs/PERFORMANCE.md).
@Suite(.serialized) struct ListIndexEndToEndTests {
    @Test func aSecondOpenShowsFilesChangedOrDamagedSinceTheFirst() throws {
        let folder = try TemporaryFolder()
        let data = folder.path + "/wb"
        _ = try FileWorkbookStore.createWorkbook(at: data, settings: WorkbookSettings(owner: "Dana Wu", currency: "EUR"), accounts: Fixtures.accounts)
        let first = try TmuxSession.workbook(in: folder)
        try first.waitFor("Accounts (5)")
        first.press("q")
        try first.waitFor("DONE")
        let indexFolder = TmuxSession.testCache + "/account-workbook/list-index"
        let indexes = try FileManager.default.contentsOfDirectory(atPath: indexFolder)
        #expect(!indexes.isEmpty, "the first open leaves a list index in the user's cache")
        #expect(try FileManager.default.contentsOfDirectory(atPath: data).allSatisfy { !$0.hasSuffix(".idx") })

        // Between the two opens: one account renamed by another program, one file broken.
        let store = FileWorkbookStore(directory: data)
        let workbook = try store.load()
        var renamed = try #require(workbook.accounts.first { $0.name == "Zoë Café Group 🚀" })
        renamed.name = "Renamed Outside"
        try store.save(renamed)
        store.close()
        let broken = try #require(Fixtures.accounts.first { $0.name == "Acme Robotics Inc." })
        try Data("{ \"broken".utf8).write(to: URL(fileURLWithPath: data + "/accounts/" + broken.id.rawValue + ".json"))

        let second = try TmuxSession.workbook(in: folder)
        let screen = try second.waitFor("Renamed Outside")
        #expect(screen.contains("Accounts (4)"))
        #expect(!screen.contains("Zoë Café Group"))
        #expect(!screen.contains("Acme Robotics"))
        #expect(screen.contains("Not loaded: accounts/\(broken.id.rawValue).json"))
        // The selected account is opened: its notes (never in the index) are in the detail pane.
        let muller = try #require(Fixtures.accounts.first { $0.name == "Müller & Söhne GmbH" })
        try second.waitFor(String(muller.notes.prefix(30)))
        second.press("q")
        try second.waitFor("DONE")
    }

    /// Nothing changed between two opens: the second shows the list in the index's order before
    /// its keys are built; the filter and the duplicate-name warning work as after any open.
    @Test func aSecondOpenOfUnchangedFilesListsFilterAndWarnsAsTheFirst() throws {
        let folder = try TemporaryFolder()
        let data = folder.path + "/wb"
        var twin = Fixtures.accounts[0]
        twin.id = AccountID("00000000000000aa")
        let accounts = Fixtures.accounts + [twin]
        _ = try FileWorkbookStore.createWorkbook(at: data, settings: WorkbookSettings(owner: "Dana Wu", currency: "EUR"), accounts: accounts)
        // The index trusts only files changed clearly (2 s) before it read them ("racy" entries).
        Thread.sleep(forTimeInterval: 2.2)
        let first = try TmuxSession.workbook(in: folder, width: 140, height: 30)
        let before = try first.waitFor("More than one account is called")
        first.press("q")
        try first.waitFor("DONE")
        let indexFolder = TmuxSession.testCache + "/account-workbook/list-index"
        let index = try #require(try FileManager.default.contentsOfDirectory(atPath: indexFolder).first)
        let header = try String(contentsOfFile: indexFolder + "/" + index, encoding: .utf8).prefix { $0 != "\n" }
        #expect(header.hasSuffix("\tname/1"), "the index says it is in the list's name order: \(header)")

        let second = try TmuxSession.workbook(in: folder, width: 140, height: 30)
        let after = try second.waitFor("More than one account is called")
        let rows = { (screen: String) in screen.split(separator: "\n").filter { line in accounts.contains { line.contains($0.name) } } }
        #expect(rows(after).map { $0.prefix(60) } == rows(before).map { $0.prefix(60) }, "the same list, in the same order")
        second.press("/")
        second.type("robot")
        try second.waitFor("1 match")
        second.press("Escape")
        second.press("q")
        try second.waitFor("DONE")
    }
}
