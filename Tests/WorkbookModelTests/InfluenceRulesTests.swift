import Testing
import WorkbookModel

@Suite struct InfluenceRulesTests {
    let today = CalendarDate(year: 2026, month: 11, day: 25)!
    func day(_ offset: Int) -> CalendarDate { today.adding(days: offset) }
    let objective = EntityID("o1")
    let fresh = Judgement(basis: .stated, checkedOn: CalendarDate(year: 2026, month: 11, day: 20))

    /// One person with a healthy record in the objective, changed by `person` and `influence`.
    func flags(roles: [BuyingRole] = [.economic], person edit: (inout Person) -> Void = { _ in },
               influence editInfluence: (inout BuyingInfluence) -> Void = { _ in }) -> [InfluenceRule] {
        var person = Person(id: EntityID("p1"), name: "Heike", coverage: [Coverage(by: "Dana", level: .brief)], lastContact: day(-3),
                            nextStep: "TCO review", nextStepDate: day(4))
        edit(&person)
        var influence = BuyingInfluence(id: EntityID("i1"), objectiveID: objective, personID: person.id, roles: roles, degree: .medium,
                                        mode: .growth, rating: 1, win: "bonus", result: "lower cost",
                                        roleJudgement: fresh, modeJudgement: fresh, ratingJudgement: fresh)
        editInfluence(&influence)
        let account = Account(id: AccountID("a"), name: "A", objectives: [SalesObjective(id: objective, title: "T")],
                              people: [person], influences: [influence])
        return InfluenceRules.flags(for: account, objective: objective, today: today).map(\.rule)
    }

    @Test func aHealthyEconomicBuyerRaisesOnlyTheMissingRoles() {
        #expect(flags() == [.roleUnfilled, .roleUnfilled, .noCoach, .receptivePositive])
        #expect(flags(roles: []).contains(.noEconomicBuyer), "a person with no role fills nothing")
        #expect(flags(roles: [.technical]).first == .noEconomicBuyer)
        #expect(!flags(roles: [.economic, .technical, .user, .coach]).contains(.roleUnfilled))
    }

    @Test func contactRules() {
        #expect(flags { $0.lastContact = nil }.contains(.neverContacted))
        #expect(flags { $0.lastContact = self.day(-31) }.contains(.notContactedRecently))
        #expect(!flags { $0.lastContact = self.day(-30) }.contains(.notContactedRecently))
    }

    @Test func uncertainAndNewInRole() {
        #expect(flags { $0.isUncertain = true }.contains(.uncertainInformation))
        #expect(flags { $0.isNewInRole = true }.contains(.newInRole))
        #expect(!flags().contains(.uncertainInformation) && !flags().contains(.newInRole))
    }

    @Test func complacentOrNegativeHighInfluence() {
        #expect(flags(influence: { $0.degree = .high; $0.mode = .evenKeel }).contains(.complacentHighInfluence))
        #expect(flags(influence: { $0.degree = .high; $0.mode = .overconfident }).contains(.complacentHighInfluence))
        #expect(!flags(influence: { $0.degree = .medium; $0.mode = .evenKeel }).contains(.complacentHighInfluence))
        #expect(flags(influence: { $0.degree = .high; $0.rating = -1 }).contains(.negativeHighInfluence))
        #expect(!flags(influence: { $0.degree = .low; $0.rating = -3 }).contains(.negativeHighInfluence))
    }

    @Test func winResultCoverageAndNextStep() {
        #expect(flags(influence: { $0.win = "" }).contains(.noWinOrResult))
        #expect(flags(influence: { $0.result = "" }).contains(.noWinOrResult))
        #expect(flags { $0.coverage = [] }.contains(.notCovered))
        #expect(flags { $0.nextStep = "" }.contains(.nextStepMissing))
        #expect(flags { $0.nextStepDate = self.day(-1) }.contains(.nextStepPast))
        #expect(!flags { $0.nextStepDate = self.today }.contains(.nextStepPast))
    }

    @Test func judgementsOnlyInferredOrNotChecked() {
        #expect(flags(influence: { $0.modeJudgement = Judgement(basis: .inferred, checkedOn: self.today) }).contains(.judgementOnlyInferred))
        #expect(flags(influence: { $0.ratingJudgement = Judgement(basis: .observed, checkedOn: self.day(-61)) }).contains(.judgementNotChecked))
        #expect(flags(influence: { $0.ratingJudgement = Judgement(basis: .stated, checkedOn: nil) }).contains(.judgementNotChecked))
        #expect(!flags(influence: { $0.mode = nil; $0.modeJudgement = Judgement(basis: .inferred) }).contains(.judgementOnlyInferred),
                "an unset judgement is not judged")
    }

    @Test func strengths() {
        #expect(flags(influence: { $0.mode = .trouble; $0.rating = 2 }).contains(.receptivePositive))
        #expect(!flags(influence: { $0.mode = .evenKeel; $0.rating = 2 }).contains(.receptivePositive))
        #expect(flags(roles: [.coach]).contains(.activeCoach))
        #expect(!flags(roles: [.coach], person: { $0.lastContact = self.day(-45) }).contains(.activeCoach))
        #expect(!flags(roles: [.coach], influence: { $0.rating = -1 }).contains(.activeCoach))
    }

    @Test func roleHoldersListEachRolesPeopleByName() {
        let people = [Person(id: EntityID("b"), name: "Bo"), Person(id: EntityID("a"), name: "Ada")]
        let influences = [
            BuyingInfluence(id: EntityID("1"), objectiveID: objective, personID: EntityID("b"), roles: [.user, .coach]),
            BuyingInfluence(id: EntityID("2"), objectiveID: objective, personID: EntityID("a"), roles: [.user]),
            BuyingInfluence(id: EntityID("3"), objectiveID: EntityID("other"), personID: EntityID("a"), roles: [.economic]),
        ]
        let account = Account(id: AccountID("a"), name: "A", people: people, influences: influences)
        let holders = InfluenceRules.roleHolders(for: account, objective: objective)
        #expect(holders[.user]?.map(\.name) == ["Ada", "Bo"])
        #expect(holders[.coach]?.map(\.name) == ["Bo"])
        #expect(holders[.economic] == nil, "roles in another objective do not count")
    }
}

@Suite struct ReportingTreeTests {
    func person(_ id: String, _ name: String, reportsTo: String? = nil) -> Person {
        Person(id: EntityID(id), name: name, reportsTo: reportsTo.map(EntityID.init))
    }

    @Test func aDeepChainAndAWideLevel() {
        let people = [person("1", "Ceo"), person("2", "Vp", reportsTo: "1"), person("3", "Dir", reportsTo: "2"),
                      person("4", "Bea", reportsTo: "1"), person("5", "Al", reportsTo: "1")]
        let rows = ReportingTree.preorder(people)
        #expect(rows.map(\.person.name) == ["Ceo", "Al", "Bea", "Vp", "Dir"])
        #expect(rows.map(\.depth) == [0, 1, 1, 1, 2])
        #expect(ReportingTree.children(of: EntityID("1"), in: people).map(\.name) == ["Al", "Bea", "Vp"])
    }

    @Test func aCycleAndADeletedManagerStillShowEveryoneOnce() {
        let people = [person("a", "Anna", reportsTo: "b"), person("b", "Bo", reportsTo: "a"), person("c", "Cy", reportsTo: "gone"),
                      person("d", "東京", reportsTo: "d")]
        let rows = ReportingTree.preorder(people)
        #expect(rows.count == 4)
        #expect(Set(rows.map(\.person.id)).count == 4)
        #expect(ReportingTree.roots(people).map(\.name).contains("Cy"), "a person whose manager was deleted is a root")
        #expect(ReportingTree.roots(people).map(\.name).contains("東京"), "reporting to oneself is no manager")
        #expect(rows.first { $0.person.name == "Bo" }?.depth == 1, "the cycle is broken at the first by name")
    }
}
