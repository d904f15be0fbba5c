import Testing
import TerminalUI
import WorkbookModel
import WorkbookTestSupport
@testable import WorkbookApp

/// What the last review left behind: its decisions and the actions closed since, on the screen and in the report.
@Suite struct ReviewFollowUpTests {
    let muller = Fixtures.id(1)

    static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    /// Reviewed on 2026-11-11 with a decision that day; one action closed before it, one after.
    func state(width: Int = 200, height: Int = 60) -> AppState {
        var state = ReviewFixtures.state(width: width, height: height)
        var log = state.accounts[muller]!.reviewLog
        log.records = [ReviewRecord(id: EntityID("r1"), on: Self.day("2026-11-11"), by: "Dana Wu", snapshot: ReviewFixtures.lastSnapshot)]
        log.decisions = [
            ReviewDecision(id: EntityID("d0"), on: Self.day("2026-10-28"), by: "Dana Wu", text: "An older decision"),
            ReviewDecision(id: EntityID("d1"), on: Self.day("2026-11-11"), by: "Dana Wu", text: "Offer the price lock only with a 3-year term"),
        ]
        log.actions = [
            ReviewAction(id: EntityID("a1"), what: "Call Heike about the TCO", owner: "Dana Wu", status: .done,
                         agreedOn: Self.day("2026-10-28"), closedOn: Self.day("2026-11-20")),
            ReviewAction(id: EntityID("a2"), what: "Old closed action", owner: "Dana Wu", status: .dropped,
                         agreedOn: Self.day("2026-10-28"), closedOn: Self.day("2026-11-05")),
        ]
        state.accounts[muller]!.reviewLog = log
        return state
    }

    @Test func thePageKeepsLastTimesDecisionsAndWhatWasClosedSince() {
        let state = state()
        let page = AccountReviewPage(account: state.accounts[muller]!, today: Fixtures.today, settings: state.settings)
        #expect(page.decidedLastTime.map(\.text) == ["Offer the price lock only with a 3-year term"])
        #expect(page.recentDecisions.isEmpty)
        #expect(page.closedSinceLast.map(\.what) == ["Call Heike about the TCO"])
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func theReviewScreenShowsThem(width: Int, height: Int) {
        var state = state(width: width, height: height)
        AccountReviewReducer.begin(&state, scope: .owner("Dana Wu"))
        AccountReviewReducer.move(&state, by: 1)
        state.modal = .reviewDetails(scroll: 0)
        let details = OverlayContent.lines(for: state).map(\.text).joined(separator: "\n")
        #expect(details.contains("Decided last time (2026-11-11)"))
        #expect(details.contains("Offer the price lock only with a 3-year term"))
        #expect(details.contains("Done since the last review"))
        #expect(details.contains("Call Heike about the TCO · Dana Wu · done 2026-11-20"))
        #expect(!details.contains("Old closed action"))
        #expect(!details.contains("An older decision"))
        if width == 200 {
            state.modal = nil
            let screen = RootView.render(state, theme: BuiltInThemes.standard).0.text
            #expect(screen.contains("Decided last time (2026-11-11)"))
            #expect(screen.contains("Done since the last review"))
        }
    }

    @Test func theReportListsThem() {
        let state = state()
        let report = ReviewReport.render(accounts: [state.accounts[muller]!], settings: state.settings, today: Fixtures.today,
                                         options: .init(owner: nil, since: nil))
        #expect(report.contains("### Decided last time (2026-11-11)\n\n- 2026-11-11 (Dana Wu): Offer the price lock only with a 3-year term"))
        #expect(report.contains("### Done since the last review\n\n- [x] Call Heike about the TCO — Dana Wu — done 2026-11-20"))
        #expect(!report.contains("Old closed action"))
    }

    @Test func theBalanceLineCallsOutABrokenCommitment() {
        let state = ReviewFixtures.state()
        let page = AccountReviewPage(account: state.accounts[muller]!, today: Fixtures.today, settings: state.settings)
        #expect(page.balanceLine.contains("1 overdue · 1 broken"), "\(page.balanceLine)")
        var kept = state.accounts[muller]!
        kept.commitments = kept.commitments.map { var commitment = $0; if commitment.status == .broken { commitment.status = .kept }; return commitment }
        #expect(!AccountReviewPage(account: kept, today: Fixtures.today, settings: state.settings).balanceLine.contains("broken"))
    }

    @Test func savedListsMatchWithoutCaseAndAnUnknownOneIsNamed() {
        var state = ReviewFixtures.state()
        state.settings.review.lists = [ReviewList(name: "Q4 partners", accounts: [muller]), ReviewList(name: "Watch", accounts: [Fixtures.id(2)])]
        var started = state
        #expect(AccountReviewReducer.begin(&started, scope: .list("q4 PARTNERS")))
        #expect(started.accountReview?.scope == .list("Q4 partners"), "the title uses the list's own spelling")
        #expect(started.accountReview?.accounts == [muller])
        #expect(started.message?.text.hasPrefix("Review started: List: Q4 partners, 1 account.") == true, "\(String(describing: started.message))")
        var unknown = state
        #expect(!AccountReviewReducer.begin(&unknown, scope: .list("Q5")))
        #expect(unknown.accountReview == nil)
        #expect(unknown.message == StatusMessage("No saved list is named \u{201C}Q5\u{201D}. Saved lists: \u{201C}Q4 partners\u{201D}, \u{201C}Watch\u{201D}.", kind: .warning))
    }

    @Test func anOwnerWithNoAccountsIsAProblemForTheReport() {
        let accounts = ReviewFixtures.accounts
        #expect(ReviewReport.ownerProblem(accounts, options: .init(owner: "Nobody")) == "no account is owned by \u{201C}Nobody\u{201D}; owners: Dana Wu, Kenji Sato")
        #expect(ReviewReport.ownerProblem(accounts, options: .init(owner: " kenji sato")) == nil)
        #expect(ReviewReport.ownerProblem(accounts, options: .init()) == nil)
    }

    @Test func theHintBarSpeaksAboutTheOpenForm() {
        var state = ReviewFixtures.state(width: 120, height: 30)
        state.modal = .form(AccountReviewForms.start(in: state))
        let start = RootView.render(state, theme: BuiltInThemes.standard).0.text
        let startHints = start.split(separator: "\n").last.map(String.init) ?? ""
        #expect(start.contains("Enter start"))
        #expect(!startHints.contains("save"), "\(startHints)")
        #expect(startHints.contains("start"))
        state.modal = .form(AccountReviewForms.decision(for: state.accounts[muller]!))
        let decisionHints = RootView.render(state, theme: BuiltInThemes.standard).0.text.split(separator: "\n").last.map(String.init) ?? ""
        #expect(!decisionHints.contains("choice"), "the decision form has no choice field: \(decisionHints)")
        #expect(decisionHints.contains("save"))
    }

    @Test func ratingsUseTheTrueMinusEverywhere() {
        var state = ReviewFixtures.state(width: 200, height: 60)
        state.selectedID = muller
        state.focus = .influenceMap
        let screen = RootView.render(state, theme: BuiltInThemes.standard).0.text
        #expect(screen.contains("Growth −2 H") || screen.contains("Even Keel −2 H"), "\(screen)")
        #expect(!screen.contains(" -2 "))
        #expect(InfluenceForms.ratings.contains("−3") && !InfluenceForms.ratings.contains("-3"))
    }
}
