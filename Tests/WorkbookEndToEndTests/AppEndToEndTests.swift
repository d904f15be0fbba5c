import Foundation
import Testing
import WorkbookTestSupport

/// The real binary in tmux, typed at like a person, screen read back with capture-pane.
@Suite(.serialized) struct AppEndToEndTests {
    /// Starts the app on `data`, saving the terminal modes before and after so the test can compare them.
    func start(_ folder: TemporaryFolder, arguments: String = "", width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws -> TmuxSession {
        let binary = TmuxSession.quote(WorkbookBinary.path)
        let dir = TmuxSession.quote(folder.path)
        let command = "stty -g > \(dir)/stty-before; \(binary) --data \(dir)/wb \(arguments); echo \"EXIT=$?\"; stty -g > \(dir)/stty-after; echo DONE"
        return try TmuxSession(width: width, height: height, shellCommand: command, environment: environment)
    }

    func sttyRestored(_ folder: TemporaryFolder) throws -> Bool {
        let before = try String(contentsOfFile: folder.path + "/stty-before", encoding: .utf8)
        let after = try String(contentsOfFile: folder.path + "/stty-after", encoding: .utf8)
        return before == after
    }

    func accountFiles(_ folder: TemporaryFolder) throws -> [String] {
        let dir = folder.path + "/wb/accounts"
        return try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
            .map { try String(contentsOfFile: dir + "/" + $0, encoding: .utf8) }
    }

    @Test func addAnAccountWithAUnicodeNameQuitRestartAndFindIt() throws {
        let folder = try TemporaryFolder()
        do {
            let tmux = try start(folder)
            try tmux.waitFor("No accounts yet.")
            try tmux.waitFor("Press a to add your first account")
            tmux.press("a")
            try tmux.waitFor("New account")
            tmux.type("Müller & Söhne 東京精密")
            tmux.press("Tab")
            tmux.type("Manufacturing")
            tmux.press("Tab", "Tab", "Right", "Right", "Tab")
            tmux.type("1.2m")
            tmux.press("Tab")
            tmux.type("2027-03-01")
            tmux.press("Enter")
            try tmux.waitFor("Added \u{201C}Müller & Söhne 東京精密\u{201D}.")
            let screen = try tmux.waitFor("€1,200,000")
            #expect(screen.contains("Reliable supplier"))
            tmux.press("q")
            try tmux.waitFor("DONE")
            #expect(tmux.screen().contains("EXIT=0"))
            #expect(try sttyRestored(folder), "q restores the terminal modes")
        }
        let files = try accountFiles(folder)
        #expect(files.count == 1)
        #expect(files.first?.contains("\"name\": \"Müller & Söhne 東京精密\"") == true)
        #expect(files.first?.contains("\"stage\": \"reliable-supplier\"") == true)
        #expect(files.first?.contains("\"nextMeeting\": \"2027-03-01\"") == true)

        let again = try start(folder)
        let screen = try again.waitFor("Müller & Söhne 東京精密")
        #expect(screen.contains("Accounts (1)"))
        #expect(screen.contains("2027-03-01"))
        again.press("q")
        try again.waitFor("DONE")
    }

    @Test func resizingBelowTheMinimumShowsAMessageAndRecovers() throws {
        let folder = try TemporaryFolder()
        let tmux = try start(folder, arguments: "", width: 100, height: 30)
        try tmux.waitFor("No accounts yet.")
        tmux.resize(width: 40, height: 12)
        try tmux.waitFor("Enlarge the terminal")
        tmux.resize(width: 100, height: 30)
        try tmux.waitFor("No accounts yet.")
        try tmux.waitForAbsence(of: "Enlarge")
        tmux.press("q")
        try tmux.waitFor("DONE")
    }

    @Test func ctrlCQuitsAndRestoresTheTerminal() throws {
        let folder = try TemporaryFolder()
        let tmux = try start(folder)
        try tmux.waitFor("No accounts yet.")
        tmux.press("a")
        try tmux.waitFor("New account")
        tmux.press("C-c")
        try tmux.waitFor("DONE")
        #expect(try sttyRestored(folder))
    }

    @Test func sigtermQuitsAndRestoresTheTerminal() throws {
        let folder = try TemporaryFolder()
        let tmux = try start(folder)
        try tmux.waitFor("No accounts yet.")
        // Subprocess, not Foundation's Process: its waitUntilExit was seen to hang on a pkill that had
        // already exited (left unreaped), which stalled the whole test run.
        let pkill = try Subprocess.run(["pkill", "-TERM", "-f", "--", "--data \(folder.path)/wb"])
        #expect(pkill.status == 0, "pkill found the app")
        try tmux.waitFor("DONE")
        #expect(try sttyRestored(folder))
    }

    @Test func filterSortDeleteAndUndoWorkFromTheKeyboard() throws {
        let folder = try TemporaryFolder()
        let tmux = try start(folder)
        try tmux.waitFor("No accounts yet.")
        for (name, value) in [("Acme Robotics", "85k"), ("Zürich Präzision AG", "2m"), ("서울 바이오텍", "420k")] {
            tmux.press("a")
            try tmux.waitFor("New account")
            tmux.type(name)
            tmux.press("Tab", "Tab", "Tab", "Tab")
            tmux.type(value)
            tmux.press("Enter")
            try tmux.waitFor("Added \u{201C}\(name)\u{201D}.")
        }
        tmux.press("/")
        try tmux.waitFor("Filter:")
        tmux.type("zurich")
        try tmux.waitFor("Accounts (1 of 3 match")
        tmux.press("Enter")
        tmux.press("Escape")
        try tmux.waitFor("Accounts (3)")
        tmux.press("s")
        try tmux.waitFor("Sorted by value.")
        tmux.press("g")
        let sorted = try tmux.waitFor("▶✓ Zürich Präzision AG")
        #expect(sorted.contains("Value ▼"))
        tmux.press("D")
        try tmux.waitFor("Delete account")
        tmux.press("y")
        try tmux.waitFor("Accounts (2)")
        #expect(try accountFiles(folder).filter { $0.contains("\"archived\"") }.count == 1, "deleting archives inside the file")
        tmux.press("u")
        try tmux.waitFor("Accounts (3)")
        try tmux.waitFor("Undid: delete")
        #expect(try accountFiles(folder).filter { $0.contains("\"archived\"") }.isEmpty)
        tmux.press("?")
        try tmux.waitFor("Keys")
        try tmux.waitFor("Delete the selected account")
        tmux.press("Escape")
        try tmux.waitForAbsence(of: "Delete the selected account")
        tmux.press("q")
        try tmux.waitFor("DONE")
    }

    @Test func aDamagedFileIsNamedOnScreenAndLeftByteIdentical() throws {
        let folder = try TemporaryFolder()
        let accounts = folder.path + "/wb/accounts"
        try FileManager.default.createDirectory(atPath: accounts, withIntermediateDirectories: true)
        let damaged = Data("{\n  \"formatVersion\": 1,\n  \"id\": \"00000000000000aa\",\n  \"name\": \"Half wr".utf8)
        try damaged.write(to: URL(fileURLWithPath: accounts + "/00000000000000aa.json"))
        let tmux = try start(folder)
        try tmux.waitFor("00000000000000aa.json")
        tmux.press("!")
        try tmux.waitFor("Unreadable files")
        tmux.press("Escape")
        tmux.press("a")
        try tmux.waitFor("New account")
        tmux.type("Still works Ltd")
        tmux.press("Enter")
        try tmux.waitFor("Added \u{201C}Still works Ltd\u{201D}.")
        tmux.press("q")
        try tmux.waitFor("DONE")
        #expect(try Data(contentsOf: URL(fileURLWithPath: accounts + "/00000000000000aa.json")) == damaged)
    }

    @Test func theDemoOpensFromTheEmptyStateWithOneKey() throws {
        let folder = try TemporaryFolder()
        let tmux = try start(folder)
        try tmux.waitFor("No accounts yet.")
        tmux.press("d")
        try tmux.waitFor("DEMO")
        try tmux.waitFor("東京精密")
        try tmux.waitFor("Müller & Söhne GmbH")
        tmux.press("q")
        try tmux.waitFor("DONE")
    }
}
