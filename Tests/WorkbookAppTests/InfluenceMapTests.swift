import Testing
import TerminalUI
import WorkbookModel
import WorkbookTestSupport
@testable import WorkbookApp

/// A map fixture: an objective and people whose tree has a chain, a wide level, a cycle of
/// influence, a manager who was deleted, and wide names.
enum MapFixture {
    static let today = Fixtures.today
    static func e(_ n: Int) -> EntityID { EntityID(Fixtures.id(3000 + n).rawValue) }
    static let objective = SalesObjective(id: e(1), title: "40 forklifts for Hamburg", closeDate: today.adding(days: 90), amount: 1_200_000, position: 2)

    static var account: Account {
        var account = Fixtures.accounts[2]
        account.upsert(objective)
        let people = [
            Person(id: e(10), name: "Heike Vogel", title: "CFO", level: .executive, lastContact: today.adding(days: -3),
                   nextStep: "TCO review", nextStepDate: today.adding(days: 5)),
            Person(id: e(11), name: "Klaus Brandt", title: "Procurement", reportsTo: e(10), influences: [e(14)],
                   coverage: [Coverage(by: "Dana Wu", level: .inDepth)], lastContact: today.adding(days: -40)),
            Person(id: e(12), name: "Jonas Weber", title: "Plant", reportsTo: e(10), influences: [e(11)], isNewInRole: true),
            Person(id: e(13), name: "Mia Krüger", reportsTo: e(12), coverage: [Coverage(by: "Sam Ortiz", level: .brief)]),
            Person(id: e(14), name: "佐藤 健", title: "Consultant", reportsTo: e(99), influences: [e(12)],
                   coverage: [Coverage(by: "Dana Wu", level: .multiple)], lastContact: today.adding(days: -2)),
        ]
        for person in people { account.upsert(person) }
        let stated = Judgement(basis: .stated, checkedOn: today.adding(days: -5))
        account.upsert(BuyingInfluence(id: e(20), objectiveID: e(1), personID: e(10), roles: [.economic], degree: .high, mode: .evenKeel,
                                       rating: 1, result: "lower cost", roleJudgement: stated, modeJudgement: stated, ratingJudgement: stated))
        account.upsert(BuyingInfluence(id: e(21), objectiveID: e(1), personID: e(11), roles: [.technical], degree: .high, mode: .growth,
                                       rating: 3, win: "price lock", result: "budget certainty", roleJudgement: stated, modeJudgement: stated, ratingJudgement: stated))
        account.upsert(BuyingInfluence(id: e(22), objectiveID: e(1), personID: e(14), roles: [.coach], degree: .medium, mode: .growth,
                                       rating: 4, win: "a reference", result: "credibility", roleJudgement: stated, modeJudgement: stated, ratingJudgement: stated))
        return account
    }

    static func state(width: Int = 80, height: Int = 24) -> AppState {
        var accounts = Fixtures.accounts
        accounts[2] = account
        var state = Fixtures.state(accounts, width: width, height: height)
        state.focus = .influenceMap
        return state
    }
}

@Suite struct InfluenceMapReducerTests {
    @Test func arrowsFollowTheTree() {
        var tester = ReducerTester(MapFixture.state())
        let order = MapNavigation.order(MapFixture.account).map(\.name)
        #expect(order == ["Heike Vogel", "Jonas Weber", "Mia Krüger", "Klaus Brandt", "佐藤 健"])
        tester.send(.moveDown) { $0.mapSelection = MapFixture.e(12) }
        tester.send(.moveToChild) { $0.mapSelection = MapFixture.e(13) }
        tester.send(.moveToParent) { $0.mapSelection = MapFixture.e(12) }
        tester.send(.moveToParent) { $0.mapSelection = MapFixture.e(10) }
        tester.send(.moveToParent)
        tester.send(.moveLast) { $0.mapSelection = MapFixture.e(14) }
        tester.send(.moveToParent)
    }

    @Test func addingAPersonSavesThemSelectedOnTheMap() {
        var tester = ReducerTester(MapFixture.state(), newEntityIDs: [MapFixture.e(40)])
        let account = tester.state.selectedAccount!
        tester.send(.add) { $0.modal = .form(InfluenceForms.newPerson(in: account)) }
        tester.type("Bo Lind")
        var after = account
        after.upsert(Person(id: MapFixture.e(40), name: "Bo Lind"))
        tester.send(.submitForm, effects: [.save(after)]) {
            $0.modal = nil
            $0.accounts[account.id] = after
            $0.mapSelection = MapFixture.e(40)
            $0.undoStack = [AccountChange(before: account, after: after, label: "add Bo Lind")]
            $0.message = StatusMessage("Added Bo Lind.")
        }
    }

    @Test func theRoleFormCreatesTheInfluenceAndStampsTheJudgementsItChanged() {
        let state = MapFixture.state()
        let account = state.selectedAccount!
        var form = InfluenceForms.role(of: account.person(MapFixture.e(13))!, in: MapFixture.objective, account: account)
        form.state.focus("role.user")
        form.state.step(forward: true)
        form.state.focus("rating")
        for _ in 0..<8 { form.state.step(forward: true) }
        let influence = InfluenceForms.makeInfluence(from: form.state, base: BuyingInfluence(id: MapFixture.e(30), objectiveID: MapFixture.e(1), personID: MapFixture.e(13)), today: MapFixture.today)
        #expect(influence.roles == [.user])
        #expect(influence.rating == 2)
        #expect(influence.roleJudgement.checkedOn == MapFixture.today)
        #expect(influence.ratingJudgement.checkedOn == MapFixture.today)
        #expect(influence.modeJudgement.checkedOn == nil, "the mode was not touched")
    }

    @Test func pickingAManagerAndInfluencesSavesThePerson() {
        var state = MapFixture.state()
        state.mapSelection = MapFixture.e(13)
        var tester = ReducerTester(state)
        let account = state.selectedAccount!
        let mia = account.person(MapFixture.e(13))!
        tester.send(.pickReportsTo) { $0.modal = .personPicker(PersonPicker(account: account, subject: mia, purpose: .reportsTo)) }
        guard case .personPicker(var picker) = tester.state.modal else { Issue.record("no picker"); return }
        #expect(picker.items.first?.id == nil, "reporting to nobody is the first choice")
        picker.cursor = picker.items.firstIndex { $0.id == MapFixture.e(11) }!
        var changed = tester.state
        changed.modal = .personPicker(picker)
        tester = ReducerTester(changed)
        var updated = mia
        updated.reportsTo = MapFixture.e(11)
        var after = account
        after.upsert(updated)
        tester.send(.confirm, effects: [.save(after)]) {
            $0.modal = nil
            $0.accounts[account.id] = after
            $0.mapSelection = MapFixture.e(13)
            $0.undoStack = [AccountChange(before: account, after: after, label: "Mia Krüger reports to Klaus Brandt")]
            $0.message = StatusMessage("Mia Krüger reports to Klaus Brandt.")
        }
    }

    @Test func contactTodayAndCoverageAreOneKeyAndOneForm() {
        var tester = ReducerTester(MapFixture.state())
        let account = tester.state.selectedAccount!
        var heike = account.person(MapFixture.e(10))!
        heike.lastContact = MapFixture.today
        var after = account
        after.upsert(heike)
        tester.send(.contactToday, effects: [.save(after)]) {
            $0.accounts[account.id] = after
            $0.mapSelection = MapFixture.e(10)
            $0.undoStack = [AccountChange(before: account, after: after, label: "contact with Heike Vogel today")]
            $0.message = StatusMessage("Logged a contact with Heike Vogel today.")
        }
        tester.send(.editCoverage) { $0.modal = .form(InfluenceForms.coverage(of: heike, in: after, by: "Dana Wu")) }
        tester.perform(.fieldRight, .fieldRight, .submitForm)
        #expect(tester.state.selectedAccount?.person(MapFixture.e(10))?.coverage == [Coverage(by: "Dana Wu", level: .multiple)])
    }

    @Test func removingAPersonDropsTheirRolesAndLinksAndUndoBringsThemBack() {
        var state = MapFixture.state()
        state.mapSelection = MapFixture.e(11)
        var tester = ReducerTester(state)
        let account = state.selectedAccount!
        tester.send(.delete) { $0.modal = .confirmDeletePerson(account.id, MapFixture.e(11)) }
        tester.perform(.confirm)
        let after = tester.state.selectedAccount!
        #expect(after.person(MapFixture.e(11)) == nil)
        #expect(after.influence(of: MapFixture.e(11), in: MapFixture.e(1)) == nil)
        #expect(after.person(MapFixture.e(12))?.influences == [], "links to the removed person are dropped")
        tester.perform(.undo)
        #expect(tester.state.selectedAccount == account)
    }

    @Test func objectivesCycleAndANewOneNeedsATitle() {
        var tester = ReducerTester(MapFixture.state(), newIDs: [])
        let account = tester.state.selectedAccount!
        tester.send(.addObjective) { $0.modal = .form(InfluenceForms.newObjective(in: account)) }
        tester.send(.submitForm) {
            var form = InfluenceForms.newObjective(in: account)
            form.state.errors = ["title": "Say what we are selling toward, e.g. \u{201C}40 forklifts for Hamburg by March\u{201D}."]
            $0.modal = .form(form)
            $0.message = StatusMessage("Not saved yet — Say what we are selling toward, e.g. \u{201C}40 forklifts for Hamburg by March\u{201D}.", kind: .warning)
        }
    }

    @Test func withoutPeopleTheKeysSayWhatToDoFirst() {
        var state = Fixtures.state()
        state.focus = .influenceMap
        #expect(Keymap.standard.resolve(.character("b"), in: state) == .rejected("Set their buying role, influence, mode, rating, win and result: nobody on the map yet: a adds a person"))
        #expect(Keymap.standard.resolve(.character("O"), in: state) == .command(.addObjective))
    }
}

@Suite struct InfluenceMapRenderingTests {
    let goldens = Golden.directory(besides: #filePath)

    @Test(arguments: [(80, 24), (200, 60)])
    func theMapAtBothSizes(width: Int, height: Int) {
        let buffer = RootView.render(MapFixture.state(width: width, height: height), theme: BuiltInThemes.standard).0
        let text = buffer.text
        #expect(text.contains("EB Heike Vogel"))
        #expect(text.contains("UB — nobody"))
        #expect(text.contains("└─ Mia Krüger"))
        #expect(text.contains("佐藤 健"), "the person whose manager was deleted is a root")
        #expect(text.contains("No User Buyer") || text.contains("User Buyer"))
        Golden.assertMatches(buffer, named: "influence-map-\(width)x\(height)", in: goldens)
    }

    @Test func theCoverageGridShowsTheGaps() {
        var state = MapFixture.state(width: 120, height: 30)
        state.mapShowsCoverage = true
        let buffer = RootView.render(state, theme: BuiltInThemes.mono).0
        #expect(buffer.text.contains("Dana Wu"))
        #expect(buffer.text.contains("Sam Ortiz"))
        #expect(buffer.text.contains("✗ nobody covers"))
        Golden.assertMatches(buffer, named: "coverage-grid-120x30", in: goldens)
    }

    @Test func aDeepChainAndAWideLevelStayReadable() {
        var account = Fixtures.accounts[2]
        account.upsert(MapFixture.objective)
        var previous: EntityID?
        for level in 0..<8 {
            let id = MapFixture.e(100 + level)
            account.upsert(Person(id: id, name: "Level \(level) 東京", reportsTo: previous))
            previous = id
        }
        for sibling in 0..<12 { account.upsert(Person(id: MapFixture.e(200 + sibling), name: "Peer \(sibling)", reportsTo: MapFixture.e(100))) }
        var accounts = Fixtures.accounts
        accounts[2] = account
        var state = Fixtures.state(accounts, width: 80, height: 24)
        state.focus = .influenceMap
        state.mapSelection = MapFixture.e(107)
        let buffer = RootView.render(state, theme: BuiltInThemes.standard).0
        #expect(buffer.text.contains("▶ "), "the selected person is scrolled into view")
        Golden.assertMatches(buffer, named: "influence-map-deep-80x24", in: goldens)
    }
}

@Suite struct InfluenceMapExportTests {
    @Test func theMarkdownHasTheTableTheFlagsAndTheNextSteps() {
        let text = WorkbookExport.markdown(accounts: [MapFixture.account], settings: WorkbookSettings(currency: "EUR"), today: MapFixture.today)
        #expect(text.contains("### Objective: 40 forklifts for Hamburg (€1,200,000, close 2027-02-23, position +2)"))
        #expect(text.contains("| Heike Vogel | CFO | — | Economic Buyer | High | Even Keel | +1 | — | lower cost | — | 2026-11-22 |"))
        #expect(text.contains("| Klaus Brandt | Procurement | Heike Vogel | Technical Buyer | High | Growth | +3 | price lock | budget certainty | Dana Wu (in depth) | 2026-10-16 |"))
        #expect(text.contains("- No User Buyer identified"))
        #expect(text.contains("**Next steps**"))
        #expect(text.contains("- Heike Vogel: TCO review — 2026-11-30"))
        #expect(!text.contains("Mia Krüger |"), "people with no part in the objective are not in its table")
    }
}
