import Foundation
import Testing
import WorkbookTestSupport

/// A first meeting run from pane 2 by a new user, then checked after a restart and in the export.
@Suite struct ChecklistEndToEndTests {
    func start(_ folder: TemporaryFolder) throws -> TmuxSession {
        try TmuxSession.workbook(in: folder, width: 110, height: 32)
    }

    @Test func adoptTemplatesMarkOneKeptWithEvidenceQuitRestartAndSeeIt() throws {
        let folder = try TemporaryFolder()
        do {
            let tmux = try start(folder)
            try tmux.waitFor("No accounts yet.")
            try tmux.addAccount(named: "Øresund Medical ApS")
            tmux.press("2")
            try tmux.waitFor("t adopts the standard first-meeting commitments")
            tmux.press("t")
            try tmux.waitFor("First-meeting commitments")
            tmux.press("Space")
            tmux.press("Space")
            try tmux.waitFor("2 ticked")
            tmux.press("Enter")
            try tmux.waitFor("Adopted 2 commitments.")
            try tmux.waitFor("Provide help")
            try tmux.waitFor("Spend the time to truly understand the problem")
            tmux.press("g", "c")
            try tmux.waitFor("Ours: 1 of 2 kept")
            tmux.press("k", "n")
            try tmux.waitFor("Edit commitment")
            tmux.type("Ran the discovery workshop")
            tmux.press("Enter")
            try tmux.waitFor("Evidence: Ran the discovery workshop")
            tmux.press("q")
            try tmux.waitFor("DONE")
        }
        let again = try start(folder)
        try again.waitFor("Øresund Medical ApS")
        again.press("2")
        let screen = try again.waitFor("Ours: 1 of 2 kept")
        #expect(screen.contains("[✓] "))
        again.press("q")
        try again.waitFor("DONE")

        let export = try WorkbookBinary.run(["export", "--format", "markdown", "--data", folder.path + "/wb"])
        #expect(export.status == 0)
        #expect(export.stdout.contains("### Commitment checklist"))
        #expect(export.stdout.contains("evidence: Ran the discovery workshop"))
        let templates = try String(contentsOfFile: folder.path + "/wb/commitment-templates.json", encoding: .utf8)
        #expect(templates.contains("\"Access to key people\""), "the templates are a file the user can edit")
    }
}
