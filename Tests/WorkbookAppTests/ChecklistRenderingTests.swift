import Testing
import TerminalUI
import WorkbookModel
import WorkbookTestSupport
@testable import WorkbookApp

/// Goldens of pane 2: empty, typical, overdue-heavy, at 80×24 and 160×48.
@Suite struct ChecklistRenderingTests {
    let goldens = Golden.directory(besides: #filePath)
    static let today = Fixtures.today
    static func day(_ offset: Int) -> CalendarDate { today.adding(days: offset) }
    static func cid(_ n: Int) -> CommitmentID { CommitmentID(Fixtures.id(2000 + n).rawValue) }

    static let typical: [Commitment] = [
        Commitment(id: cid(1), side: .intention, text: "Spend the time to truly understand the problem", madeOn: day(-40), owner: "Dana Wu",
                   status: .kept, statusChangedOn: day(-20), evidence: "Two plant visits", lastReviewed: day(-20)),
        Commitment(id: cid(2), side: .intention, text: "Challenge their thinking", madeOn: day(-40), owner: "Dana Wu", due: day(10), lastReviewed: day(-5)),
        Commitment(id: cid(3), side: .expectation, text: "Access to key people", madeOn: day(-40), owner: "Klaus Brandt", status: .kept,
                   statusChangedOn: day(-10), lastReviewed: day(-10)),
        Commitment(id: cid(4), side: .expectation, text: "東京の工場見学 — regular honest feedback", madeOn: day(-40), owner: "佐藤", lastReviewed: day(-2)),
    ]

    static let overdueHeavy: [Commitment] = [
        Commitment(id: cid(11), side: .intention, text: "Provide help", madeOn: day(-90), owner: "Dana Wu", status: .kept, lastReviewed: day(-60)),
        Commitment(id: cid(12), side: .intention, text: "Regularly show that we care", madeOn: day(-90), owner: "Dana Wu", status: .kept, lastReviewed: day(-60)),
        Commitment(id: cid(13), side: .expectation, text: "Transparency", madeOn: day(-90), owner: "Ingrid", due: day(-30)),
        Commitment(id: cid(14), side: .expectation, text: "Referrals", madeOn: day(-90), owner: "Ingrid", status: .broken, lastReviewed: day(-45)),
        Commitment(id: cid(15), side: .expectation, text: "Updates on changing business objectives", madeOn: day(-90), owner: "Ingrid", due: day(-3), status: .late),
    ]

    func screen(_ commitments: [Commitment], width: Int, height: Int, select: CommitmentID? = nil) -> Buffer {
        var accounts = Fixtures.accounts
        accounts[2].commitments = commitments
        accounts[2].firstMeeting = Self.day(-40)
        var state = Fixtures.state(accounts, width: width, height: height)
        state.focus = .checklist
        state.checklistSelection = select
        return RootView.render(state, theme: BuiltInThemes.standard).0
    }

    @Test func emptyChecklistOffersTheTemplates() {
        let buffer = screen([], width: 80, height: 24)
        #expect(buffer.text.contains("t adopts the standard first-meeting commitments"))
        Golden.assertMatches(buffer, named: "checklist-empty-80x24", in: goldens)
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func typicalChecklist(width: Int, height: Int) {
        let buffer = screen(Self.typical, width: width, height: height, select: Self.cid(2))
        #expect(buffer.text.contains("Ours: 1 of 2 kept · Theirs: 1 of 2 met"))
        #expect(buffer.text.contains("WHAT WE PROMISED (2)"))
        #expect(buffer.text.contains("▶[ ]"))
        Golden.assertMatches(buffer, named: "checklist-typical-\(width)x\(height)", in: goldens)
    }

    @Test func overdueHeavyShowsTheOneWaySignalAndMarkersWithoutColour() {
        let buffer = screen(Self.overdueHeavy, width: 80, height: 24)
        let text = buffer.text
        #expect(text.contains("One-way: we keep our promises, they are not keeping theirs."))
        #expect(text.contains("or walk away."))
        #expect(text.contains("[ ]! Transparency"))
        #expect(text.contains("overdue 30 d"))
        #expect(text.contains("[✗]  Referrals"))
        Golden.assertMatches(buffer, named: "checklist-overdue-80x24", in: goldens)
    }

    @Test func afterSignatureIdleCommitmentsAreFlagged() {
        var accounts = Fixtures.accounts
        accounts[2].stage = .partner
        accounts[2].stageChangedOn = Self.day(-10)
        accounts[2].commitments = [Commitment(id: Self.cid(30), side: .intention, text: "Help the business grow", madeOn: Self.day(-60), owner: "Dana Wu")]
        var state = Fixtures.state(accounts, width: 100, height: 30)
        state.focus = .checklist
        let text = RootView.render(state, theme: BuiltInThemes.mono).0.text
        #expect(text.contains("[ ]* Help the business grow"))
        #expect(text.contains("seen no activity since the account became partner"))
    }
}
