import Testing
import WorkbookModel

@Suite struct CommitmentRulesTests {
    let today = CalendarDate(year: 2026, month: 11, day: 25)!
    func day(_ offset: Int) -> CalendarDate { today.adding(days: offset) }
    func commitment(_ side: CommitmentSide, _ status: CommitmentStatus = .open, due: Int? = nil, made: Int? = -10, reviewed: Int? = nil) -> Commitment {
        var generator = SystemRandomNumberGenerator()
        return Commitment(id: .random(using: &generator), side: side, text: "x", madeOn: made.map(day), due: due.map(day), status: status,
                          lastReviewed: reviewed.map(day))
    }

    @Test func overdueMeansOutstandingAndPastDue() {
        #expect(CommitmentRules.isOverdue(commitment(.intention, due: -1), today: today))
        #expect(CommitmentRules.isOverdue(commitment(.intention, .late, due: -1), today: today))
        #expect(!CommitmentRules.isOverdue(commitment(.intention, due: 0), today: today), "due today is not overdue yet")
        #expect(!CommitmentRules.isOverdue(commitment(.intention, .kept, due: -5), today: today))
        #expect(!CommitmentRules.isOverdue(commitment(.intention), today: today), "no due date, never overdue")
    }

    @Test func longUnreviewedCountsFromTheLastReviewOrTheMeeting() {
        #expect(CommitmentRules.isLongUnreviewed(commitment(.intention, made: -31), today: today))
        #expect(!CommitmentRules.isLongUnreviewed(commitment(.intention, made: -30), today: today))
        #expect(!CommitmentRules.isLongUnreviewed(commitment(.intention, made: -90, reviewed: -3), today: today))
        #expect(CommitmentRules.isLongUnreviewed(commitment(.intention, made: nil), today: today), "never dated, never reviewed")
        #expect(!CommitmentRules.isLongUnreviewed(commitment(.intention, .kept, made: -90), today: today), "settled ones need no review")
        #expect(!CommitmentRules.isLongUnreviewed(commitment(.intention, made: -40), today: today, thresholds: .init(unreviewedDays: 60)))
    }

    @Test func afterSignatureFlagsOutstandingCommitmentsWithNoActivitySinceTheWin() {
        var account = Account(id: AccountID("a"), name: "A", stage: .partner, stageChangedOn: day(-20))
        #expect(CommitmentRules.isIdleSinceSignature(commitment(.intention, made: -60, reviewed: -30), account: account))
        #expect(!CommitmentRules.isIdleSinceSignature(commitment(.intention, made: -60, reviewed: -5), account: account))
        #expect(!CommitmentRules.isIdleSinceSignature(commitment(.intention, .kept, made: -60), account: account))
        account.stage = .vendor
        #expect(!CommitmentRules.isIdleSinceSignature(commitment(.intention, made: -60), account: account), "not won: no watch")
        account.stage = .reliableSupplier
        account.stageChangedOn = nil
        #expect(!CommitmentRules.isIdleSinceSignature(commitment(.intention, made: -60), account: account), "unknown signing day: no guess")
    }

    @Test func oneWayWhenWeKeepOursAndMostOfTheirsAreBrokenOrOverdue() {
        let list = [
            commitment(.intention, .kept), commitment(.intention, .kept), commitment(.intention),
            commitment(.expectation, .broken), commitment(.expectation, due: -3), commitment(.expectation, .kept),
        ]
        let balance = CommitmentRules.balance(list, today: today)
        #expect(balance.ours == 3 && balance.oursKept == 2)
        #expect(balance.theirs == 3 && balance.theirsKept == 1 && balance.theirsFailing == 2)
        #expect(balance.overdue == 1)
        #expect(balance.signal == .oneWayTheirs)
    }

    @Test func oneWayTheOtherWayWhenWeAreFailingOurs() {
        let list = [
            commitment(.intention, .broken), commitment(.intention, due: -1),
            commitment(.expectation, .kept), commitment(.expectation, .kept),
        ]
        #expect(CommitmentRules.balance(list, today: today).signal == .oneWayOurs)
    }

    @Test func noSignalWhenBalancedOrTooFewOrDropped() {
        let balanced = [commitment(.intention, .kept), commitment(.intention), commitment(.expectation, .kept), commitment(.expectation)]
        #expect(CommitmentRules.balance(balanced, today: today).signal == nil)
        let tooFew = [commitment(.intention, .kept), commitment(.intention, .kept), commitment(.expectation, .broken)]
        #expect(CommitmentRules.balance(tooFew, today: today).signal == nil)
        let dropped = [commitment(.intention, .kept), commitment(.intention, .kept), commitment(.expectation, .dropped), commitment(.expectation, .dropped)]
        let balance = CommitmentRules.balance(dropped, today: today)
        #expect(balance.theirs == 0 && balance.signal == nil, "dropped commitments do not count")
    }

    @Test func daysSinceReviewIsFromTheMostRecentReview() {
        let list = [commitment(.intention, reviewed: -12), commitment(.expectation, reviewed: -3), commitment(.expectation)]
        #expect(CommitmentRules.balance(list, today: today).daysSinceReview == 3)
        #expect(CommitmentRules.balance([commitment(.intention)], today: today).daysSinceReview == nil)
    }

    @Test func markingStampsTheChangeAndTheReview() {
        var item = commitment(.intention)
        item.mark(.kept, on: today)
        #expect(item.status == .kept && item.statusChangedOn == today && item.lastReviewed == today)
        item.mark(.kept, on: day(3))
        #expect(item.statusChangedOn == today, "same status: the change date stays")
        #expect(item.lastReviewed == day(3))
    }
}
