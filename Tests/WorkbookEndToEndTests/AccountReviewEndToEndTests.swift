import Foundation
import Testing
import WorkbookModel
import WorkbookStorage
import WorkbookTestSupport

/// The team lead's review on a shared tmux session: a second client watches read-only while the lead
/// walks three accounts, records a decision and turns presenting on; from then on no masked value
/// appears in any capture of the lead's pane or of the watcher's view.
@Suite(.serialized) struct AccountReviewEndToEndTests {
    /// The fixture territory written as a real workbook.
    func workbook(in folder: TemporaryFolder) throws -> String {
        let data = folder.path + "/wb"
        _ = try FileWorkbookStore.createWorkbook(at: data, settings: WorkbookSettings(owner: "Dana Wu", currency: "EUR"),
                                                 accounts: ReviewFixtures.accounts)
        return data
    }

    /// Masked values as any screen could show them: the notes, and ratings in flags, changes and map cards.
    static let ratingPattern = try! NSRegularExpression(pattern: "rates (our proposal|us) [+−-]?[0-9]|rating [+−-]?[0-9]|(Even Keel|Growth|Trouble|Overconfident) [+−-]?[0-9]")

    func leaks(_ screen: String) -> [String] {
        var found = ReviewFixtures.secrets.filter { screen.contains($0) }
        let range = NSRange(screen.startIndex..., in: screen)
        if let match = Self.ratingPattern.firstMatch(in: screen, range: range), let text = Range(match.range, in: screen) {
            found.append(String(screen[text]))
        }
        return found
    }

    @Test func aLeadWalksThreeAccountsWhileARoomWatchesReadOnly() throws {
        let folder = try TemporaryFolder()
        let data = try workbook(in: folder)
        let lead = try TmuxSession(width: 100, height: 30, shellCommand: "\(TmuxSession.quote(WorkbookBinary.path)) review --data \(TmuxSession.quote(data)); echo DONE",
                                   environment: ["TERM": "screen-256color", "USER": "Lee Lead"])
        // The room: another terminal attached to the lead's session with -r (read-only).
        let room = try TmuxSession(width: 100, height: 30,
                                   shellCommand: "tmux -L \(lead.socket) -f /dev/null attach -t \(lead.session) -r")
        try lead.waitFor("1 of 3")
        try room.waitFor("1 of 3")
        #expect(!lead.screen().contains("PRESENTING"))

        // Not presenting yet: the lead sees the rating change on Müller & Söhne (so the later check can fail).
        lead.press("Space")
        let unmasked = try lead.waitFor("2 of 3")
        #expect(unmasked.contains("Müller & Söhne GmbH"))
        lead.press("Enter")
        let whole = try lead.waitFor("Everything on")
        #expect(whole.contains("rating +1 → −2"))
        lead.press("Escape")
        try lead.waitForAbsence(of: "Everything on")

        lead.press("d")
        try lead.waitFor("Decision: Müller")
        lead.type("Escalate the TCO to the CFO")
        lead.press("Enter")
        try lead.waitFor("Added a decision")
        try room.waitFor("Escalate the TCO to the CFO")

        // A key typed by the room does nothing: its client is read-only.
        room.press("q")
        room.press("Escape")

        lead.press("C-p")
        try lead.waitFor("PRESENTING")
        try room.waitFor("PRESENTING")
        var captures: [(String, String)] = []
        func capture(_ step: String) {
            captures.append(("lead after \(step)", lead.screen()))
            captures.append(("room after \(step)", room.screen()))
        }
        capture("presenting on")
        lead.press("Enter")
        try lead.waitFor("Everything on")
        capture("the whole page")
        for _ in 0..<4 {
            lead.press("PageDown")
            capture("paging the whole page")
        }
        lead.press("Escape")
        try lead.waitForAbsence(of: "Everything on")
        lead.press("n")
        try lead.waitFor("3 of 3")
        capture("the third account")
        lead.press("p")
        try lead.waitFor("2 of 3")
        capture("going back")
        lead.press("m")
        try lead.waitFor("Marked \u{201C}Müller & Söhne GmbH\u{201D} reviewed")
        try room.waitFor("3 of 3")
        capture("marking reviewed")
        lead.press("Escape")
        try lead.waitFor("Review ended")
        // Out of the walk, presenting still holds: the map pane, a person's form and their role form.
        // The list follows the walk: 東京精密 is selected; Müller is the one above.
        lead.press("k")
        lead.press("3")
        try lead.waitFor("Influence map — Müller")
        capture("the influence map")
        lead.press("e")
        try lead.waitFor("Edit Dr. Heike Vogel")
        capture("the person form")
        lead.press("Escape")
        try lead.waitForAbsence(of: "Edit Dr. Heike Vogel")
        lead.press("b")
        try lead.waitFor("Rating")
        capture("the role form")
        lead.press("Escape")
        try room.waitFor("PRESENTING")
        capture("closing the form")

        for (step, screen) in captures {
            #expect(leaks(screen).isEmpty, "\(step) shows \(leaks(screen)):\n\(screen)")
            #expect(screen.contains("PRESENTING"), "\(step) must say PRESENTING")
        }
        #expect(captures.contains { $0.1.contains("hidden while presenting") }, "the person form shows the mask")

        lead.press("q")
        try lead.waitFor("DONE")
        let account = try AccountFileFormat.decode(Array(try Data(contentsOf: URL(fileURLWithPath: data + "/accounts/\(Fixtures.id(1)).json"))))
        #expect(account.reviewLog.decisions.map(\.text).contains("Escalate the TCO to the CFO"))
        #expect(account.reviewLog.decisions.last?.by == "Lee Lead")
        #expect(account.reviewLog.records.count == 2, "the earlier review and today's")
        #expect(account.reviewLog.records.last?.by == "Lee Lead")
        let file = try String(contentsOfFile: data + "/accounts/\(Fixtures.id(1)).json", encoding: .utf8)
        #expect(file.contains("SECRET-NOTE-HEIKE"), "presenting masks the screen, never the data")
    }

    @Test(arguments: ["tmux-256color", "screen", "screen-256color"])
    func presentingFromTheShellUnderEachTerminalType(term: String) throws {
        let folder = try TemporaryFolder()
        let data = try workbook(in: folder)
        let tmux = try TmuxSession(width: 80, height: 24,
                                   shellCommand: "\(TmuxSession.quote(WorkbookBinary.path)) review --owner \(TmuxSession.quote("Dana Wu")) --present --timer 1 --theme high-contrast --data \(TmuxSession.quote(data)); echo DONE",
                                   environment: ["TERM": term])
        let first = try tmux.waitFor("Review · Owner: Dana Wu · 1 of 2")
        #expect(first.contains("PRESENTING"))
        // The timer counts on its own while nobody types: the screen is redrawn each second.
        try tmux.waitUntil("the timer past 0:00") { $0.contains("/ 1:00") && !$0.contains("⏱ 0:00 /") }
        tmux.press("Space")
        let second = try tmux.waitFor("2 of 2")
        #expect(second.contains("Müller & Söhne GmbH"))
        #expect(second.contains("⚑"), "flags are marked with a character, not only a colour")
        #expect(leaks(second).isEmpty, "\(leaks(second))")
        tmux.press("Escape")
        try tmux.waitFor("Review ended")
        // Esc answers at once inside tmux: the review ended without a second key.
        tmux.press("q")
        try tmux.waitFor("DONE")
    }

    @Test func aReportForAnOwnerWithNoAccountsIsAnError() throws {
        let folder = try TemporaryFolder()
        let data = try workbook(in: folder)
        let result = try WorkbookBinary.run(["export", "--format", "review", "--owner", "Nobody", "--data", data])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("no account is owned by \u{201C}Nobody\u{201D}; owners: Dana Wu, Kenji Sato"), "\(result.stderr)")
        let matched = try WorkbookBinary.run(["export", "--format", "review", "--owner", "dana wu", "--data", data])
        #expect(matched.status == 0, "owners match without case, as in the app")
    }

    @Test func theReportIsWrittenFromTheShell() throws {
        let folder = try TemporaryFolder()
        let data = try workbook(in: folder)
        let result = try WorkbookBinary.run(["export", "--format", "review", "--owner", "Dana Wu", "--data", data])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("# Account review — "))
        #expect(result.stdout.contains("## Müller & Söhne GmbH"))
        #expect(result.stdout.contains("### Since the last review (2026-10-28)"))
        #expect(!result.stdout.contains("## 東京精密"), "--owner keeps Dana's accounts")
        let bad = try WorkbookBinary.run(["export", "--format", "review", "--since", "soon", "--data", data])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--since needs a date"))
    }
}
