import Testing
import WorkbookModel

/// Every influence-map rule with a case where it applies and one where it does not (docs/RULES.md).
@Suite struct InfluenceRulesTests {
    let today = CalendarDate(year: 2026, month: 11, day: 25)!
    func day(_ offset: Int) -> CalendarDate { today.adding(days: offset) }
    let objective = EntityID("o1")
    var fresh: Judgement { Judgement(basis: .stated, checkedOn: day(-5)) }

    /// One person with a healthy record in the objective: they raise only the Growth/+1 strength.
    func healthy(roles: [BuyingRole] = [.economic]) -> (Person, BuyingInfluence) {
        let person = Person(id: EntityID("p1"), name: "Klaus Brandt", coverage: [Coverage(by: "Dana", level: .brief)], lastContact: day(-3),
                            nextStep: "TCO review", nextStepDate: day(4))
        let influence = BuyingInfluence(id: EntityID("i1"), objectiveID: objective, personID: person.id, roles: roles, degree: .medium,
                                        mode: .growth, rating: 1, win: "bonus", result: "lower cost",
                                        roleJudgement: fresh, modeJudgement: fresh, ratingJudgement: fresh)
        return (person, influence)
    }

    func account(_ pairs: [(Person, BuyingInfluence)]) -> Account {
        Account(id: AccountID("a"), name: "A", objectives: [SalesObjective(id: objective, title: "T")],
                people: pairs.map(\.0), influences: pairs.map(\.1))
    }

    /// The healthy person's flags after the edits, objective-level ones left out.
    func personFlags(roles: [BuyingRole] = [.economic], thresholds: InfluenceThresholds = .init(),
                     person edit: (inout Person) -> Void = { _ in }, influence editInfluence: (inout BuyingInfluence) -> Void = { _ in }) -> [InfluenceFlag] {
        var (person, influence) = healthy(roles: roles)
        edit(&person)
        editInfluence(&influence)
        return InfluenceRules.flags(for: account([(person, influence)]), objective: objective, today: today, thresholds: thresholds)
            .filter { $0.personID != nil }
    }

    func rules(roles: [BuyingRole] = [.economic], thresholds: InfluenceThresholds = .init(),
               person edit: (inout Person) -> Void = { _ in }, influence editInfluence: (inout BuyingInfluence) -> Void = { _ in }) -> [InfluenceRule] {
        personFlags(roles: roles, thresholds: thresholds, person: edit, influence: editInfluence).map(\.rule)
    }

    func reasons(person edit: (inout Person) -> Void = { _ in }, influence editInfluence: (inout BuyingInfluence) -> Void = { _ in }) -> [String] {
        personFlags(person: edit, influence: editInfluence).map(\.reason)
    }

    @Test func aHealthyPersonShowsOnlyTheirStrength() {
        #expect(rules() == [.receptivePositive])
    }

    @Test func missingRolesAreObjectiveLevelFlagsListedFirst() {
        let all = InfluenceRules.flags(for: account([healthy(roles: [.technical])]), objective: objective, today: today)
        #expect(all.map(\.reason).prefix(3) == [
            "No Economic Buyer identified: who gives the final yes?",
            "No User Buyer identified: who will judge it by its effect on their job?",
            "No Coach: nobody is guiding us to the others and telling us how to position ourselves.",
        ])
        #expect(all.prefix(3).allSatisfy { $0.personID == nil })
        #expect(all.dropFirst(3).allSatisfy { $0.personID == EntityID("p1") })
        let full = InfluenceRules.flags(for: account([healthy(roles: [.economic, .technical, .user, .coach])]), objective: objective, today: today)
        #expect(full.allSatisfy { $0.personID != nil }, "every role filled: no objective-level flag")
        let empty = InfluenceRules.flags(for: account([]), objective: objective, today: today).map(\.rule)
        #expect(empty == [.noEconomicBuyer, .roleUnfilled, .roleUnfilled, .noCoach])
        #expect(InfluenceRules.flags(for: account([healthy(roles: [])]), objective: objective, today: today).first?.rule == .noEconomicBuyer,
                "a person with no role fills none")
    }

    @Test func neverContacted() {
        #expect(reasons { $0.lastContact = nil }.contains("Klaus Brandt (Economic Buyer) has never been contacted"))
        #expect(!rules().contains(.neverContacted))
    }

    @Test func notContactedRecently() {
        #expect(reasons { $0.lastContact = self.day(-45) }.contains("Klaus Brandt (Economic Buyer) has not been contacted for 45 days"))
        #expect(!rules { $0.lastContact = self.day(-30) }.contains(.notContactedRecently), "30 days is still recent")
        #expect(rules(thresholds: .init(contactDays: 10)) { $0.lastContact = self.day(-11) }.contains(.notContactedRecently))
        #expect(!rules { $0.lastContact = nil }.contains(.notContactedRecently), "never contacted is its own flag")
    }

    @Test func uncertainInformation() {
        #expect(reasons { $0.isUncertain = true }.contains("Information about Klaus Brandt is marked uncertain"))
        #expect(!rules().contains(.uncertainInformation))
    }

    @Test func newInRole() {
        #expect(reasons { $0.isNewInRole = true }.contains("Klaus Brandt is new in the role or moved in a reorganisation: check what still holds"))
        #expect(!rules().contains(.newInRole))
    }

    @Test func evenKeelOrOverconfidentWithHighInfluence() {
        #expect(reasons(influence: { $0.degree = .high; $0.mode = .evenKeel })
            .contains("Klaus Brandt: Even Keel with high influence — sees no gap, so no reason to change"))
        #expect(rules(influence: { $0.degree = .high; $0.mode = .overconfident }).contains(.complacentHighInfluence))
        #expect(!rules(influence: { $0.degree = .medium; $0.mode = .evenKeel }).contains(.complacentHighInfluence))
        #expect(!rules(influence: { $0.degree = .high; $0.mode = .trouble }).contains(.complacentHighInfluence))
        #expect(!rules(influence: { $0.degree = .high; $0.mode = nil }).contains(.complacentHighInfluence))
    }

    @Test func negativeRatingWithHighInfluence() {
        #expect(reasons(influence: { $0.degree = .high; $0.rating = -2 }).contains("Klaus Brandt rates our proposal \u{2212}2 and has high influence"))
        #expect(!rules(influence: { $0.degree = .high; $0.rating = 0 }).contains(.negativeHighInfluence))
        #expect(!rules(influence: { $0.degree = .low; $0.rating = -3 }).contains(.negativeHighInfluence))
    }

    @Test func noWinOrResult() {
        #expect(reasons(influence: { $0.win = ""; $0.result = " " }).contains("Klaus Brandt: no win or result recorded"))
        #expect(reasons(influence: { $0.win = "" }).contains("Klaus Brandt: no personal win recorded"))
        #expect(reasons(influence: { $0.result = "" }).contains("Klaus Brandt: no business result recorded"))
        #expect(!rules().contains(.noWinOrResult))
    }

    @Test func notCovered() {
        #expect(reasons { $0.coverage = [] }.contains("Klaus Brandt: nobody on our side covers them"))
        #expect(rules { $0.coverage = [Coverage(by: "Dana", level: .none)] }.contains(.notCovered))
        #expect(!rules().contains(.notCovered))
    }

    @Test func nextStepMissingOrPast() {
        #expect(reasons { $0.nextStep = "" }.contains("Klaus Brandt: the next step is missing"))
        #expect(rules { $0.nextStep = "  " }.contains(.nextStepMissing))
        #expect(!rules { $0.nextStepDate = nil }.contains(.nextStepMissing), "an undated next step is still a step")
        #expect(reasons { $0.nextStepDate = CalendarDate(year: 2026, month: 11, day: 20) }.contains("Klaus Brandt: the next step was due 2026-11-20"))
        #expect(!rules { $0.nextStepDate = self.today }.contains(.nextStepPast), "due today is not past yet")
        #expect(!rules { $0.nextStep = ""; $0.nextStepDate = self.day(-3) }.contains(.nextStepPast), "missing says it already")
    }

    @Test func judgementOnlyInferred() {
        #expect(reasons(influence: { $0.ratingJudgement = Judgement(basis: .inferred, checkedOn: self.today) })
            .contains("Klaus Brandt: rating is only inferred — check it"))
        #expect(rules(influence: { $0.roleJudgement.basis = .inferred }).contains(.judgementOnlyInferred))
        #expect(!rules(influence: { $0.modeJudgement.basis = .observed }).contains(.judgementOnlyInferred))
        #expect(!rules(influence: { $0.mode = nil; $0.modeJudgement = Judgement() }).contains(.judgementOnlyInferred), "an unset mode is not judged")
        #expect(!rules(roles: [], influence: { $0.roleJudgement = Judgement() }).contains(.judgementOnlyInferred), "no role, no role judgement")
    }

    @Test func judgementNotChecked() {
        #expect(reasons(influence: { $0.modeJudgement.checkedOn = self.day(-75) }).contains("Klaus Brandt: mode not checked for 75 days"))
        #expect(reasons(influence: { $0.ratingJudgement.checkedOn = nil }).contains("Klaus Brandt: rating never checked"))
        #expect(!rules(influence: { $0.modeJudgement.checkedOn = self.day(-60) }).contains(.judgementNotChecked))
        #expect(rules(thresholds: .init(judgementDays: 7), influence: { $0.modeJudgement.checkedOn = self.day(-8) }).contains(.judgementNotChecked))
        #expect(rules(influence: { $0.modeJudgement = Judgement(basis: .inferred, checkedOn: self.day(-90)) }) == [.judgementOnlyInferred, .receptivePositive],
                "an inferred judgement is flagged once: checking it clears both")
    }

    @Test func aPersonsFlagsFollowTheRuleOrder() {
        let found = rules(influence: {
            $0.roleJudgement.basis = .inferred
            $0.modeJudgement.checkedOn = self.day(-90)
            $0.ratingJudgement.basis = .inferred
        })
        #expect(found == [.judgementOnlyInferred, .judgementOnlyInferred, .judgementNotChecked, .receptivePositive])
        let many = rules(person: { $0.isUncertain = true; $0.lastContact = nil; $0.coverage = [] }, influence: { $0.win = "" })
        #expect(many == [.neverContacted, .uncertainInformation, .noWinOrResult, .notCovered, .receptivePositive])
    }

    @Test func receptiveAndPositive() {
        #expect(reasons(influence: { $0.mode = .growth; $0.rating = 3 }).contains("Klaus Brandt: Growth mode and rates us +3 — build on it"))
        #expect(rules(influence: { $0.mode = .trouble; $0.rating = 2 }).contains(.receptivePositive))
        #expect(!rules(influence: { $0.mode = .evenKeel; $0.rating = 2 }).contains(.receptivePositive))
        #expect(!rules(influence: { $0.rating = 0 }).contains(.receptivePositive))
        #expect(!rules(influence: { $0.rating = nil }).contains(.receptivePositive))
    }

    @Test func activeCoach() {
        #expect(reasons(person: { $0.lastContact = self.day(-30) }, influence: { $0.roles = [.coach] })
            .contains("Klaus Brandt is an active Coach (contacted 30 days ago)"))
        #expect(personFlags(roles: [.coach]) { $0.lastContact = self.today }.map(\.reason).contains("Klaus Brandt is an active Coach (contacted today)"))
        #expect(rules(roles: [.coach], influence: { $0.rating = nil }).contains(.activeCoach), "not rated yet: the role says they want us to win")
        #expect(rules(roles: [.coach], influence: { $0.rating = 0 }).contains(.activeCoach))
        #expect(!rules(roles: [.coach], influence: { $0.rating = -1 }).contains(.activeCoach))
        #expect(!rules(roles: [.coach]) { $0.lastContact = self.day(-31) }.contains(.activeCoach))
        #expect(!rules(roles: [.coach]) { $0.lastContact = nil }.contains(.activeCoach))
        #expect(!rules(roles: [.coach], thresholds: .init(activeCoachDays: 7)) { $0.lastContact = self.day(-8) }.contains(.activeCoach))
        #expect(!rules(roles: [.user]).contains(.activeCoach))
        #expect(personFlags(roles: [.coach]).filter(\.isStrength).count == 2)
    }

    @Test func onlyPeopleWithAPartInTheObjectiveAreJudgedInNameOrder() {
        func part(_ id: String, _ name: String) -> (Person, BuyingInfluence) {
            let person = Person(id: EntityID(id), name: name)
            return (person, BuyingInfluence(id: EntityID("i" + id), objectiveID: objective, personID: person.id))
        }
        var map = account([part("1", "Zoe"), part("2", "émile"), part("3", "Emil"), part("4", "東京")])
        map.people.append(Person(id: EntityID("5"), name: "Aaron"))
        map.influences.append(BuyingInfluence(id: EntityID("i6"), objectiveID: EntityID("other"), personID: EntityID("5")))
        map.influences.append(BuyingInfluence(id: EntityID("i7"), objectiveID: objective, personID: EntityID("gone")))
        map.influences.append(BuyingInfluence(id: EntityID("i9"), objectiveID: objective, personID: EntityID("1"), roles: [.coach]))
        let flags = InfluenceRules.flags(for: map, objective: objective, today: today)
        var order: [String] = []
        for flag in flags { if let id = flag.personID?.rawValue, order.last != id { order.append(id) } }
        #expect(order == ["3", "2", "1", "4"], "Emil, émile, Zoe, 東京: accents and case do not move a name")
        #expect(flags.filter { $0.personID == EntityID("1") && $0.rule == .neverContacted }.count == 1, "a merge's second part is not judged twice")
        #expect(flags.contains { $0.rule == .noCoach }, "the part with the smallest id counts")
    }

    @Test func roleHoldersListEachRolesPeopleByName() {
        let people = [Person(id: EntityID("b"), name: "Bo"), Person(id: EntityID("a"), name: "Ada"), Person(id: EntityID("c"), name: "Cy")]
        let influences = [
            BuyingInfluence(id: EntityID("1"), objectiveID: objective, personID: EntityID("b"), roles: [.user, .coach]),
            BuyingInfluence(id: EntityID("2"), objectiveID: objective, personID: EntityID("a"), roles: [.user]),
            BuyingInfluence(id: EntityID("3"), objectiveID: EntityID("other"), personID: EntityID("c"), roles: [.economic]),
            BuyingInfluence(id: EntityID("4"), objectiveID: objective, personID: EntityID("gone"), roles: [.technical]),
        ]
        let holders = InfluenceRules.roleHolders(for: Account(id: AccountID("a"), name: "A", people: people, influences: influences), objective: objective)
        #expect(holders[.user]?.map(\.name) == ["Ada", "Bo"])
        #expect(holders[.coach]?.map(\.name) == ["Bo"])
        #expect(holders[.economic] == nil, "roles in another objective do not count")
        #expect(holders[.technical] == nil, "a removed person fills no role")
    }
}
