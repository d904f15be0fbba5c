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
}
