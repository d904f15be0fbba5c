import Foundation
import Testing
import WorkbookTestSupport

/// A rep calls an account a partner while the reward runs one way, sees the signal, writes down a
/// sore spot, and hands the account over with a pack that carries it.
@Suite struct RelationshipEndToEndTests {
    @Test func aOneSidedPartnerIsSignalledAndTheJournalReachesTheHandoverPack() throws {
        let folder = try TemporaryFolder()
        // The pack is written to the folder the app was started from.
        let command = "cd \(TmuxSession.quote(folder.path)) && \(TmuxSession.quote(WorkbookBinary.path)) --data wb; echo DONE"
        let tmux = try TmuxSession(width: 100, height: 32, shellCommand: command)
        try tmux.waitFor("No accounts yet.")
        try tmux.addAccount(named: "Nordlicht Logistik")
        tmux.press("5")
        try tmux.waitFor("Relationship — Nordlicht Logistik")
        tmux.press("r")
        try tmux.waitFor("The relationship with Nordlicht Logistik")
        tmux.press("Right", "Right", "Right", "Tab")  // prospect → vendor → reliable supplier → partner
        tmux.type("Frame contract signed")
        tmux.press("Enter")
        try tmux.waitFor("Partner since")
        tmux.press("e")
        try tmux.waitFor("Reward, both ways")
        tmux.press("Right", "Right", "Right", "Right", "Right", "Tab", "Tab", "Right", "Right", "Enter")  // us +2, them −1
        let signalled = try tmux.waitFor("Called a partnership, but reward is one-sided")
        #expect(signalled.contains("highest-performing supplier"))
        #expect(signalled.contains("Reward ≠"))
        tmux.press("a")
        try tmux.waitFor("New journal entry")
        tmux.type("Never mention the March outage to Heike")
        tmux.press("BTab", "Right", "Right", "Enter")  // meeting → insight → sore spot
        try tmux.waitFor("Added a sore spot in the journal.")
        tmux.press("x")
        let written = try tmux.waitFor("Handover pack written:")
        #expect(written.contains("handover-nordlicht-logistik-"))
        tmux.press("q")
        try tmux.waitFor("DONE")

        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("handover-nordlicht-logistik-") }
        #expect(files.count == 1)
        let pack = try String(contentsOfFile: folder.path + "/" + (files.first ?? ""), encoding: .utf8)
        #expect(pack.contains("## Sore spots"))
        #expect(pack.contains("Never mention the March outage to Heike"))
        #expect(pack.contains("Called a partnership, but reward is one-sided (us +2, them \u{2212}1)."))

        let exported = try WorkbookBinary.run(["export", "--format", "handover", "--account", "nordlicht logistik", "--data", folder.path + "/wb"])
        #expect(exported.status == 0)
        #expect(exported.stdout == pack, "the command and the key give the same pack")
        let refused = try WorkbookBinary.run(["export", "--format", "handover", "--data", folder.path + "/wb"])
        #expect(refused.status != 0 && refused.stderr.contains("--account"))
    }
}
