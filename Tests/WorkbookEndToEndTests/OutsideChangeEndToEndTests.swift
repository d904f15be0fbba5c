import Foundation
import Testing
import WorkbookTestSupport

/// A file edited under the running app (as `git pull` or `sed -i` would) is noticed and shown.
@Suite struct OutsideChangeEndToEndTests {
    @Test func anOutsideEditIsReloadedAndNeverOverwritten() throws {
        let folder = try TemporaryFolder()
        let tmux = try TmuxSession.workbook(in: folder, width: 110, height: 30)
        try tmux.waitFor("No accounts yet.")
        try tmux.addAccount(named: "Fjord Freight AS")
        let accounts = folder.path + "/wb/accounts"
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: accounts).first { $0.hasSuffix(".json") && !$0.hasPrefix(".") })
        let sed = try Subprocess.run(["sed", "-i", "s/\"industry\": \"\"/\"industry\": \"Shipping (edited outside)\"/", accounts + "/" + file])
        #expect(sed.status == 0)
        // The idle check finds it within a few seconds; Ctrl-L finds it at once.
        tmux.press("C-l")
        try tmux.waitFor("Reloaded \u{201C}Fjord Freight AS\u{201D}: changed on disk")
        try tmux.waitFor("Shipping (edited")
        tmux.press("q")
        try tmux.waitFor("DONE")
        let text = try String(contentsOfFile: accounts + "/" + file, encoding: .utf8)
        #expect(text.contains("Shipping (edited outside)"))
    }
}
