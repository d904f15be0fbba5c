import Testing
import WorkbookModel

/// The partnership-reality signal and the health rule, with fixed numbers (docs/RULES.md).
@Suite struct RelationshipRulesTests {
    let today = CalendarDate(year: 2026, month: 11, day: 25)!

    func partner(reward: (Int?, Int?) = (nil, nil), risk: (Int?, Int?) = (nil, nil), meaning: CustomerMeaning = .notAsked,
                 stage: RelationshipStage = .partner) -> Account {
        var partnership = Partnership(customerMeaning: meaning)
        partnership.set(ElementAssessment(score: reward.0), for: .reward, .ours)
        partnership.set(ElementAssessment(score: reward.1), for: .reward, .theirs)
        partnership.set(ElementAssessment(score: risk.0), for: .risk, .ours)
        partnership.set(ElementAssessment(score: risk.1), for: .risk, .theirs)
        return Account(id: AccountID("a"), name: "A", stage: stage, partnership: partnership)
    }

    @Test func aOneSidedRewardOnAPartnerRaisesTheSignalWithItsReason() throws {
        let signal = try #require(RelationshipRules.realitySignal(partner(reward: (2, -1))))
        #expect(signal.reasons == ["reward is one-sided (us +2, them \u{2212}1)"])
        #expect(signal.headline == "Called a partnership, but reward is one-sided (us +2, them \u{2212}1).")
        #expect(signal.suggestion.contains("highest-performing supplier"))
    }

    @Test func oneSidedMeansScoresAtLeastTheGapApart() {
        #expect(RelationshipRules.realitySignal(partner(reward: (1, 0))) == nil, "one apart is a difference, not one-sided")
        #expect(RelationshipRules.realitySignal(partner(reward: (0, 2))) != nil, "two apart, either direction")
        #expect(RelationshipRules.realitySignal(partner(risk: (-2, 1))) != nil)
        #expect(RelationshipRules.realitySignal(partner(reward: (2, nil))) == nil, "one side not scored: unknown, not one-sided")
        #expect(RelationshipRules.realitySignal(partner(reward: (1, 0)), thresholds: .init(oneSidedGap: 1)) != nil)
    }

    @Test func accountabilityAndPhilosophyDoNotRaiseTheSignal() {
        var account = partner()
        account.partnership.set(ElementAssessment(score: 2), for: .philosophy, .ours)
        account.partnership.set(ElementAssessment(score: -2), for: .philosophy, .theirs)
        #expect(RelationshipRules.realitySignal(account) == nil)
    }

    @Test func aCustomerWhoMeansABetterPriceRaisesTheSignal() throws {
        let signal = try #require(RelationshipRules.realitySignal(partner(meaning: .betterPricing)))
        #expect(signal.reasons == ["to the customer \u{201C}partnership\u{201D} means a better price"])
        #expect(RelationshipRules.realitySignal(partner(meaning: .sharedGoals)) == nil)
    }

    @Test func reasonsAddUpInOrderRewardRiskMeaning() throws {
        let signal = try #require(RelationshipRules.realitySignal(partner(reward: (2, 0), risk: (-1, 1), meaning: .betterPricing)))
        #expect(signal.reasons.count == 3)
        #expect(signal.reasons[0].hasPrefix("reward") && signal.reasons[1].hasPrefix("risk") && signal.reasons[2].contains("better price"))
    }

    @Test func onlyAnAccountCalledPartnerCanDisagreeWithItsLabel() {
        for stage in RelationshipStage.allCases where stage != .partner {
            #expect(RelationshipRules.realitySignal(partner(reward: (2, -2), meaning: .betterPricing, stage: stage)) == nil)
        }
    }

    @Test func unassessedListsElementsMissingAScoreOnEitherSide() {
        #expect(RelationshipRules.unassessed(partner(reward: (1, 1), risk: (1, nil))) == [.risk, .accountability, .philosophy])
        #expect(RelationshipRules.unassessed(partner(stage: .vendor)) == [])
    }

    @Test func scoresAreClampedAndEmptyAssessmentsDropped() {
        #expect(ElementAssessment(score: 5).score == 2 && ElementAssessment(score: -9).score == -2)
        var partnership = Partnership()
        partnership.set(ElementAssessment(score: 1), for: .risk, .ours)
        partnership.set(ElementAssessment(), for: .risk, .ours)
        #expect(partnership.assessments.isEmpty && partnership.isEmpty)
    }

    // MARK: Health

    func commitment(_ side: CommitmentSide, _ status: CommitmentStatus, due: Int? = nil, id: String) -> Commitment {
        Commitment(id: CommitmentID(id), side: side, text: id, madeOn: today.adding(days: -40), due: due.map { today.adding(days: $0) }, status: status)
    }

    @Test func aHealthyAccountScoresAHundred() throws {
        let health = try #require(HealthRules.health(Account(id: AccountID("a"), name: "A", stage: .vendor), today: today, settings: WorkbookSettings()))
        #expect(health.score == 100 && health.level == .good && health.reasons.isEmpty)
    }

    @Test func eachProblemTakesItsPenalty() throws {
        var account = partner(reward: (2, -1))
        // One-way: we kept both of ours, both of theirs are overdue.
        account.commitments = [
            commitment(.intention, .kept, id: "c1"), commitment(.intention, .kept, id: "c2"),
            commitment(.expectation, .open, due: -3, id: "c3"), commitment(.expectation, .open, due: -1, id: "c4"),
        ]
        let health = try #require(HealthRules.health(account, today: today, settings: WorkbookSettings()))
        // 100 − 25 (reality: one reason) − 30 (one-way) − 20 (two overdue) = 25.
        #expect(health.score == 25)
        #expect(health.level == .atRisk)
        #expect(health.reasons.count == 3)
        #expect(health.reasons[2] == "\u{2212}20 2 overdue commitments")
    }

    @Test func eachRealityReasonCostsTwentyFiveUpToFifty() throws {
        let one = try #require(HealthRules.health(partner(reward: (2, -1), risk: (1, 1)), today: today, settings: WorkbookSettings()))
        #expect(one.score == 75 && one.level == .watch)
        let three = try #require(HealthRules.health(partner(reward: (2, -1), risk: (-2, 1), meaning: .betterPricing), today: today, settings: WorkbookSettings()))
        #expect(three.score == 50, "three causes cost more than one, capped at 50")
    }

    @Test func aPartnerNobodyAssessedIsNotHealthyByDefault() throws {
        let unassessed = try #require(HealthRules.health(partner(), today: today, settings: WorkbookSettings()))
        #expect(unassessed.score == 90)
        #expect(unassessed.reasons == ["\u{2212}10 called a partner, but reward and risk are not assessed both ways"])
        let assessed = try #require(HealthRules.health(partner(reward: (1, 1), risk: (0, 1)), today: today, settings: WorkbookSettings()))
        #expect(assessed.score == 100)
        var vendor = partner()
        vendor.stage = .vendor
        #expect(HealthRules.health(vendor, today: today, settings: WorkbookSettings())?.score == 100, "only a partner needs the check")
    }

    @Test func overduePenaltyIsCappedAtTwenty() throws {
        var account = Account(id: AccountID("a"), name: "A", stage: .vendor)
        account.commitments = (1...5).map { commitment(.intention, .open, due: -$0, id: "c\($0)") }
        let health = try #require(HealthRules.health(account, today: today, settings: WorkbookSettings()))
        #expect(health.score == 80 && health.level == .good, "80 is still good")
    }

    @Test func openRedFlagsCostFiveEachUpToThirty() throws {
        var account = Account(id: AccountID("a"), name: "A", stage: .vendor)
        account.objectives = [SalesObjective(id: EntityID("o1"), title: "Deal")]
        // No one on the map: "no Economic Buyer", and each other role unfilled.
        let flags = HealthRules.openRedFlags(account, today: today, settings: WorkbookSettings())
        #expect(flags > 0)
        let health = try #require(HealthRules.health(account, today: today, settings: WorkbookSettings()))
        #expect(health.score == 100 - min(30, flags * 5))
        #expect(health.reasons.last?.contains("open red flag") == true)
    }

    @Test func levelsHaveFixedBoundaries() {
        #expect(AccountHealth(score: 80, reasons: []).level == .good)
        #expect(AccountHealth(score: 79, reasons: []).level == .watch)
        #expect(AccountHealth(score: 50, reasons: []).level == .watch)
        #expect(AccountHealth(score: 49, reasons: []).level == .atRisk)
    }

    @Test func lostAndArchivedAccountsHaveNoHealth() {
        #expect(HealthRules.health(Account(id: AccountID("a"), name: "A", stage: .lost), today: today, settings: WorkbookSettings()) == nil)
        let archived = Account(id: AccountID("a"), name: "A", archived: ArchiveMark(on: today, by: "me"))
        #expect(HealthRules.health(archived, today: today, settings: WorkbookSettings()) == nil)
    }
}
