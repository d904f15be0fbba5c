import Foundation
import Testing
import WorkbookModel
import WorkbookStorage
import WorkbookTestSupport

/// The accounts pane's two views, used as a person would: the compact view's details wait for →,
/// `v` switches to the table view, and the choice is there at the next start (and never written
/// over a view.json that could not be read).
@Suite(.serialized) struct AccountsViewEndToEndTests {
    static func session(_ folder: TemporaryFolder) throws -> TmuxSession {
        let command = "\(TmuxSession.quote(WorkbookBinary.path)) --data \(TmuxSession.quote(folder.path + "/wb")); echo EXIT=$?"
        return try TmuxSession(width: 120, height: 30, shellCommand: command, environment: ["XDG_STATE_HOME": folder.path + "/state"])
    }

    /// The details pane's lines (right of the compact list), without the list's text.
    static func details(_ screen: String) -> String {
        screen.split(separator: "\n").map { line in String(line.dropFirst(48)) }.joined(separator: "\n")
    }

    /// The list's header row.
    static func header(_ screen: String) -> String {
        String(screen.split(separator: "\n").first { $0.contains("Name ▲") } ?? "")
    }

    @Test func theDetailsWaitForRightAndTheTableViewIsRemembered() throws {
        let folder = try TemporaryFolder()
        _ = try FileWorkbookStore.createWorkbook(at: folder.path + "/wb", settings: WorkbookSettings(owner: "Dana Wu", currency: "EUR"), accounts: Fixtures.accounts)
        let app = try Self.session(folder)
        var screen = try app.waitFor("Accounts (5)")
        #expect(screen.contains("▶✓ Acme Robotics Inc."), "a compact list of names and health")
        #expect(!Self.header(screen).contains("Stage"), "no table columns")
        #expect(Self.details(screen).contains("Automation"), "the first account's details")

        app.press("Down")
        screen = try app.waitFor("→ shows the selected account")
        #expect(screen.contains("▶✓ Müller & Söhne GmbH"))
        #expect(Self.details(screen).contains("Automation"), "the details stay on the account shown")
        app.press("Right")
        screen = try app.waitUntil("the details of Müller & Söhne") { !$0.contains("→ shows the selected") && Self.details($0).contains("Manufacturing") }
        #expect(!Self.details(screen).contains("Automation"))

        app.press("v")
        screen = try app.waitFor("Table view")
        #expect(Self.header(screen).contains("Stage"))
        app.press("Down")
        try app.waitUntil("the details following the selection") { Self.details($0).contains("Zoë Café Group") }
        app.press("q")
        try app.waitFor("EXIT=0")
        let saved = try String(contentsOfFile: folder.path + "/state/account-workbook/view.json", encoding: .utf8)
        #expect(saved == "{\n  \"accountsView\": \"table\"\n}\n")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/wb/view.json"), "nothing of it in the shared workbook")

        let again = try Self.session(folder)
        screen = try again.waitFor("Accounts (5)")
        #expect(Self.header(screen).contains("Stage"), "the table view at the next start")
        again.press("q")
        try again.waitFor("EXIT=0")
    }

    @Test func aDamagedViewFileIsReportedAndLeftAsItIs() throws {
        let folder = try TemporaryFolder()
        _ = try FileWorkbookStore.createWorkbook(at: folder.path + "/wb", settings: WorkbookSettings(owner: "Dana Wu", currency: "EUR"), accounts: Fixtures.accounts)
        let path = folder.path + "/state/account-workbook/view.json"
        try FileManager.default.createDirectory(atPath: folder.path + "/state/account-workbook", withIntermediateDirectories: true)
        try Data("{\"accountsView\": \"tabel\"}".utf8).write(to: URL(fileURLWithPath: path))
        let app = try Self.session(folder)
        let start = try app.waitFor("view.json")
        #expect(start.contains("accountsView"), "the status line names the file and what is wrong in it")
        #expect(!start.contains("unreadable"), "not one of the workbook's files")
        app.press("v")
        let screen = try app.waitFor("For this session only")
        #expect(Self.header(screen).contains("Stage"), "the view switches all the same")
        app.press("q")
        try app.waitFor("EXIT=0")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"accountsView\": \"tabel\"}")
    }
}
