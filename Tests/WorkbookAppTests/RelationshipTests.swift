import Testing
import TerminalUI
import WorkbookModel
import WorkbookTestSupport
@testable import WorkbookApp

/// A partner account whose reward is one-sided, with a plan, product lines, a journal and a handover.
enum RelationshipFixture {
    static let today = Fixtures.today
    static func e(_ n: Int) -> EntityID { EntityID(Fixtures.id(5000 + n).rawValue) }

    static var account: Account {
        var account = Fixtures.accounts[1]  // 東京精密, a partner
        account.stageChangedOn = today.adding(days: -200)
        account.stageChangeReason = "Signed the three-year frame contract"
        account.segment = "Enterprise"
        account.partnership.customerMeaning = .sharedGoals
        account.partnership.meaningWords = "Plan the next plant together"
        account.partnership.set(ElementAssessment(score: 2, note: "steady margin"), for: .reward, .ours)
        account.partnership.set(ElementAssessment(score: -1, note: "they feel overcharged"), for: .reward, .theirs)
        account.partnership.ourSponsors = ["Ana Lima"]
        account.partnership.theirSponsors = ["佐藤 健"]
        account.partnership.upsert(Milestone(id: e(1), what: "Joint forecast for Q1", owner: "Kenji Sato", due: today.adding(days: 30), status: .underway))
        account.upsert(ProductLine(id: e(2), name: "Gauges", annualValue: 400_000, supplier: "Mitutoyo"))
        account.upsert(ProductLine(id: e(3), name: "Calibration service", annualValue: 240_000, supplier: "Us"))
        account.upsert(JournalEntry(id: e(4), date: today.adding(days: -60), author: "Dana Wu", kind: .pricingStory,
                                    text: "They accepted +4 % because we absorbed the freight surcharge."))
        account.upsert(JournalEntry(id: e(5), date: today.adding(days: -5), author: "Kenji Sato", kind: .soreSpot,
                                    text: "Never bring up the March delivery delay."))
        account.ownerHistory = [
            OwnershipRecord(id: e(6), owner: "Dana Wu", from: nil),
            OwnershipRecord(id: e(7), owner: "Kenji Sato", from: today.adding(days: -90), handoverNote: "Dana waived the rush fee twice; keep it."),
        ]
        return account
    }

    static func state(width: Int = 80, height: Int = 24, focus: Pane = .relationship) -> AppState {
        var accounts = Fixtures.accounts
        accounts[1] = account
        var state = Fixtures.state(accounts, width: width, height: height)
        state.selectedID = account.id
        state.focus = focus
        return state
    }
}

@Suite struct RelationshipReducerTests {
    @Test func theCursorWalksElementsPlanProductsJournalAndOwners() {
        let account = RelationshipFixture.account
        let items = RelationshipNavigation.items(account, journalFilter: nil)
        #expect(items == PartnershipElement.allCases.map(RelationshipItem.element) + [
            .milestone(RelationshipFixture.e(1)), .productLine(RelationshipFixture.e(2)), .productLine(RelationshipFixture.e(3)),
            .journal(RelationshipFixture.e(5)), .journal(RelationshipFixture.e(4)), .owner(RelationshipFixture.e(7)), .owner(RelationshipFixture.e(6)),
        ], "products by value, journal newest first, owners newest first")
        var tester = ReducerTester(RelationshipFixture.state())
        tester.send(.moveDown) { $0.relationshipSelection = .element(.risk) }
        tester.send(.moveLast) { $0.relationshipSelection = .owner(RelationshipFixture.e(6)) }
        tester.send(.moveDown)
        tester.send(.moveFirst) { $0.relationshipSelection = .element(.reward) }
    }

    @Test func aJournalEntryIsAddedDatedAndAuthoredAndSelected() {
        var tester = ReducerTester(RelationshipFixture.state(), newEntityIDs: [RelationshipFixture.e(40)])
        let account = tester.state.selectedAccount!
        tester.send(.add) {
            $0.modal = .form(RelationshipForms.journalEntry(nil, in: account, author: "Dana Wu", today: RelationshipFixture.today, kind: nil))
        }
        tester.type("QBR: they want a second site")
        var after = account
        after.upsert(JournalEntry(id: RelationshipFixture.e(40), date: RelationshipFixture.today, author: "Dana Wu", kind: .meeting,
                                  text: "QBR: they want a second site"))
        tester.send(.submitForm, effects: [.save(after)]) {
            $0.modal = nil
            $0.accounts[account.id] = after
            $0.relationshipSelection = .journal(RelationshipFixture.e(40))
            $0.shownID = account.id
            $0.undoStack = [AccountChange(before: account, after: after, label: "add a meeting in the journal")]
            $0.message = StatusMessage("Added a meeting in the journal.")
        }
        #expect(tester.state.selectedAccount!.journalNewestFirst().first?.text == "QBR: they want a second site")
    }

    @Test func anEmptyJournalEntryIsRefusedWithItsReason() {
        var tester = ReducerTester(RelationshipFixture.state())
        tester.perform(.add, .submitForm)
        guard case .form(let form) = tester.state.modal else { Issue.record("the form must stay open"); return }
        #expect(form.state.errors["text"] == "Write what happened or what you learned.")
        #expect(tester.state.undoStack.isEmpty)
    }

    @Test func theElementFormScoresBothSides() {
        var tester = ReducerTester(RelationshipFixture.state())
        tester.send(.moveDown) { $0.relationshipSelection = .element(.risk) }
        tester.perform(.edit, .fieldRight, .fieldRight, .fieldRight, .fieldRight, .nextField)  // us: — → +1
        tester.type("we built a depot")
        tester.perform(.nextField, .fieldRight, .submitForm)  // them: — → −2
        let risk = tester.state.selectedAccount!.partnership
        #expect(risk.assessment(.risk, .ours) == ElementAssessment(score: 1, note: "we built a depot"))
        #expect(risk.assessment(.risk, .theirs) == ElementAssessment(score: -2, note: ""))
        #expect(tester.state.message == StatusMessage("Saved risk, both ways."))
        #expect(RelationshipRules.realitySignal(tester.state.selectedAccount!)?.reasons.count == 2, "reward and now risk are one-sided")
    }

    @Test func changingTheTypeStampsTheDayAndTheReasonAndShowsOurStatement() {
        var state = RelationshipFixture.state()
        state.selectedID = Fixtures.id(1)  // Müller, a reliable supplier
        state.settings.partnershipStatement = "Shared reward, risk, accountability and philosophy."
        var tester = ReducerTester(state)
        tester.perform(.editRelationship, .fieldRight, .nextField)  // reliable supplier → partner
        tester.type("Co-invested in the new line")
        tester.perform(.submitForm)
        let account = tester.state.selectedAccount!
        #expect(account.stage == .partner && account.stageChangedOn == Fixtures.today)
        #expect(account.stageChangeReason == "Co-invested in the new line")
        #expect(tester.state.message == StatusMessage("Partner — what we mean by it: Shared reward, risk, accountability and philosophy."))
    }

    @Test func withoutAStatementSettingPartnerAsksForOne() {
        var state = RelationshipFixture.state()
        state.selectedID = Fixtures.id(1)
        var tester = ReducerTester(state)
        tester.perform(.editRelationship, .fieldRight, .submitForm)
        #expect(tester.state.message?.text.contains("S in pane 5") == true)
    }

    @Test func theStatementIsASettingSavedToTheWorkbook() {
        var tester = ReducerTester(RelationshipFixture.state())
        tester.send(.editStatement) { $0.modal = .form(RelationshipForms.statement($0.settings)) }
        tester.type("Both ways, or not at all")
        var settings = tester.state.settings
        settings.partnershipStatement = "Both ways, or not at all"
        tester.send(.submitForm, effects: [.saveSettings(settings)]) {
            $0.modal = nil
            $0.settings = settings
            $0.message = StatusMessage("Saved what we mean by a partnership (a workbook setting: S changes it, u does not undo it).")
        }
    }

    @Test func handingOverRecordsTheFormerOwnerAndTheNote() {
        var state = RelationshipFixture.state()
        state.selectedID = Fixtures.id(1)  // Müller: owner Dana Wu, no history yet
        var tester = ReducerTester(state, newEntityIDs: [RelationshipFixture.e(50), RelationshipFixture.e(51)])
        tester.perform(.handOver)
        tester.type("Sam Ortiz")
        tester.perform(.nextField, .nextField)
        tester.type("Klaus gets a call before any email")
        tester.perform(.submitForm)
        let account = tester.state.selectedAccount!
        #expect(account.owner == "Sam Ortiz")
        #expect(account.ownerHistory == [
            OwnershipRecord(id: RelationshipFixture.e(50), owner: "Dana Wu", from: nil),
            OwnershipRecord(id: RelationshipFixture.e(51), owner: "Sam Ortiz", from: Fixtures.today, handoverNote: "Klaus gets a call before any email"),
        ])
        #expect(tester.state.relationshipSelection == .owner(RelationshipFixture.e(51)))
    }

    @Test func handingOverToTheCurrentOwnerIsRefused() {
        var tester = ReducerTester(RelationshipFixture.state())
        tester.perform(.handOver)
        tester.type("Kenji Sato")
        tester.perform(.submitForm)
        guard case .form(let form) = tester.state.modal else { Issue.record("the form must stay open"); return }
        #expect(form.state.errors["owner"] == "Kenji Sato already owns 東京精密.")
    }

    @Test func theJournalFilterCyclesThroughKindsAndAllowsEveryKindAgain() {
        var tester = ReducerTester(RelationshipFixture.state())
        tester.send(.cycleJournalFilter) {
            $0.journalFilter = .meeting
            $0.message = StatusMessage("Journal: meeting entries only")
        }
        for _ in 1..<JournalKind.allCases.count { tester.perform(.cycleJournalFilter) }
        #expect(tester.state.journalFilter == .escalation)
        tester.send(.cycleJournalFilter) {
            $0.journalFilter = nil
            $0.message = StatusMessage("Journal: every kind")
        }
        tester.perform(.cycleJournalFilter, .cycleJournalFilter, .cycleJournalFilter)  // sore spots only
        #expect(RelationshipNavigation.items(tester.state.selectedAccount!, journalFilter: tester.state.journalFilter)
            .filter { if case .journal = $0 { return true } else { return false } } == [.journal(RelationshipFixture.e(5))])
    }

    @Test func removingAJournalEntryAsksFirstAndUndoBringsItBack() {
        var tester = ReducerTester(RelationshipFixture.state())
        let account = tester.state.selectedAccount!
        tester.send(.delete) { $0.message = StatusMessage("Can't: an element is cleared in its form (e), not removed", kind: .warning) }
        tester.perform(.moveDown, .moveDown, .moveDown, .moveDown, .moveDown, .moveDown, .moveDown)
        #expect(tester.state.relationshipSelection == .journal(RelationshipFixture.e(5)))
        tester.send(.delete) { $0.modal = .confirmDeleteItem(account.id, .journal(RelationshipFixture.e(5))) }
        tester.perform(.confirm)
        #expect(tester.state.selectedAccount!.journal.map(\.id) == [RelationshipFixture.e(4)])
        tester.perform(.undo)
        #expect(tester.state.selectedAccount! == account)
    }

    @Test func thePackIsWrittenAsAnEffectNamedAfterTheAccountAndDay() {
        var tester = ReducerTester(RelationshipFixture.state())
        let account = tester.state.selectedAccount!
        let text = HandoverExport.markdown(account, settings: tester.state.settings, today: Fixtures.today)
        tester.send(.exportHandover, effects: [.writeExport(fileName: "handover-東京精密-2026-11-25.md", text: text)])
        var named = account
        named.name = "Nordlicht Logistik GmbH & Co. KG"
        #expect(HandoverExport.fileName(for: named, today: Fixtures.today) == "handover-nordlicht-logistik-gmbh-co-kg-2026-11-25.md")
    }

    @Test func aReadOnlyWorkbookRefusesChangesButStillExports() {
        var state = RelationshipFixture.state()
        state.readOnlyReason = "--read-only"
        var tester = ReducerTester(state)
        tester.perform(.add)
        #expect(tester.state.modal == nil)
        #expect(tester.state.message?.text.contains("read-only") == true)
        #expect(CommandAvailability.disabledReason(.exportHandover, in: tester.state) == nil)
    }
}

@Suite struct BookReducerTests {
    @Test func dimensionsAndOwnersCycleAndTheSelectionResets() {
        var tester = ReducerTester(RelationshipFixture.state(focus: .book))
        tester.send(.moveDown) { $0.bookSelection = 1 }
        tester.send(.nextDimension) {
            $0.bookDimension = .productLine
            $0.bookSelection = 0
        }
        tester.send(.previousDimension) { $0.bookDimension = .customer }
        tester.send(.previousDimension) { $0.bookDimension = .supplier }
        // Owners of accounts we sell to: Dana Wu (Müller), Kenji Sato (東京精密), Sam Ortiz (Zoë Café).
        tester.send(.nextOwner) {
            $0.bookOwner = "Dana Wu"
            $0.message = StatusMessage("Book: Dana Wu's book")
        }
        tester.perform(.nextOwner, .nextOwner)
        #expect(tester.state.bookOwner == "Sam Ortiz")
        tester.send(.nextOwner) {
            $0.bookOwner = nil
            $0.message = StatusMessage("Book: the whole workbook")
        }
    }

    @Test func enterOpensTheSelectedCustomerInTheList() {
        var state = RelationshipFixture.state(focus: .book)
        state.filter = "Café"
        state.refreshVisible()
        var tester = ReducerTester(state)
        tester.perform(.moveDown, .open)  // 東京精密, second largest, hidden by the filter
        #expect(tester.state.focus == .accounts && tester.state.selectedID == Fixtures.id(2) && tester.state.filter.isEmpty)
    }

    @Test func onlyCustomersOpen() {
        var state = RelationshipFixture.state(focus: .book)
        state.bookDimension = .supplier
        #expect(CommandAvailability.disabledReason(.open, in: state) == "only a customer opens; v switches to customers")
    }

    @Test func theListSortsByHealthWorstFirst() {
        var state = RelationshipFixture.state(focus: .accounts)
        state.sort = .stage
        var tester = ReducerTester(state)
        tester.perform(.cycleSort)
        #expect(tester.state.sort == .health)
        let scores = tester.state.visible.map { tester.state.health(of: tester.state.accounts[$0]!)?.score ?? 101 }
        #expect(scores == scores.sorted())
        #expect(tester.state.visible.first == Fixtures.id(2), "the partner whose reward is one-sided is worst")
        #expect(tester.state.visible.last == Fixtures.id(5), "a lost account has no health and goes last")
    }
}

@Suite struct PaneEscapeTests {
    /// Every way out must work in every pane, with or without a selected account: a pane that refused
    /// them once trapped its user (and turned SIGTERM, which arrives as Ctrl-C, into a refusal).
    @Test(arguments: Pane.allCases)
    func leavingHelpAndQuittingAlwaysWork(pane: Pane) {
        var empty = Fixtures.state([])
        empty.focus = pane
        var filtered = Fixtures.state()
        filtered.filter = "zzzz"
        filtered.refreshVisible()
        filtered.focus = pane
        for state in [empty, filtered] {
            #expect(state.selectedAccount == nil)
            for key in [Key.character("1"), .character("5"), .tab, .backTab, .character("?"), .character("q"), .control("c"), .control("z")] {
                guard case .command = Keymap.standard.resolve(key, in: state) else {
                    Issue.record("\(key) is refused in pane \(pane.rawValue) with no account selected")
                    continue
                }
            }
        }
    }
}

@Suite struct HandoverRulesTests {
    func submitHandover(_ state: AppState, owner: String, date: String) -> AppState {
        var tester = ReducerTester(state, newEntityIDs: [RelationshipFixture.e(70), RelationshipFixture.e(71)])
        tester.perform(.handOver)
        tester.type(owner)
        tester.perform(.nextField, .text(.deleteToStart))
        tester.type(date)
        tester.perform(.submitForm)
        return tester.state
    }

    func dateError(_ state: AppState) -> String? {
        guard case .form(let form) = state.modal else { return nil }
        return form.state.errors["date"]
    }

    @Test func aHandoverCannotPrecedeTheLastOneOrLieInTheFuture() {
        let state = RelationshipFixture.state()  // 東京精密: Kenji Sato took over 90 days ago
        #expect(dateError(submitHandover(state, owner: "Lee", date: "-100")) == "The last handover was on 2026-08-27: a new one cannot come before it.")
        #expect(dateError(submitHandover(state, owner: "Lee", date: "+1")) == "Record a handover when it happens: today or an earlier day.")
        let done = submitHandover(state, owner: "Lee", date: "yesterday")
        #expect(done.modal == nil && done.selectedAccount?.owner == "Lee")
        #expect(done.selectedAccount?.ownerHistory.last?.from == Fixtures.today.adding(days: -1))
    }

    @Test func changingTheOwnerInTheAccountFormIsRecordedAsAHandover() {
        var tester = ReducerTester(Fixtures.state(), newEntityIDs: [RelationshipFixture.e(80), RelationshipFixture.e(81)])
        tester.perform(.edit)  // Acme Robotics, owner Dana Wu
        for _ in 0..<6 { tester.perform(.nextField) }
        tester.perform(.text(.deleteToStart))
        tester.type("Sam Ortiz")
        tester.perform(.submitForm)
        let account = tester.state.selectedAccount!
        #expect(account.owner == "Sam Ortiz")
        #expect(account.ownerHistory == [
            OwnershipRecord(id: RelationshipFixture.e(80), owner: "Dana Wu", from: nil),
            OwnershipRecord(id: RelationshipFixture.e(81), owner: "Sam Ortiz", from: Fixtures.today),
        ])
        #expect(tester.state.message?.text.contains("handed over to Sam Ortiz") == true)
        tester.perform(.undo)
        #expect(tester.state.selectedAccount == Fixtures.accounts[2], "one undo takes back the edit and its record")
    }

    @Test func aMistakenHandoverRecordCanBeRemovedWithoutChangingTheOwner() {
        var tester = ReducerTester(RelationshipFixture.state())
        tester.perform(.moveLast)  // the oldest record: Dana Wu, before the history
        tester.perform(.delete, .confirm)
        let account = tester.state.selectedAccount!
        #expect(account.ownerHistory.map(\.owner) == ["Kenji Sato"])
        #expect(account.owner == "Kenji Sato")
    }

    @Test func theJournalRecordsWhatHappenedNotWhatWillHappen() {
        var tester = ReducerTester(RelationshipFixture.state())
        tester.perform(.add)
        tester.type("Plan the QBR")
        tester.perform(.nextField, .text(.deleteToStart))
        tester.type("+3")
        tester.perform(.submitForm)
        guard case .form(let form) = tester.state.modal else { Issue.record("a future entry must be refused"); return }
        #expect(form.state.errors["date"]?.hasPrefix("A journal entry records what happened") == true)
    }

    @Test func filteringTheJournalKeepsTheCursorInIt() {
        var state = RelationshipFixture.state()
        state.relationshipSelection = .journal(RelationshipFixture.e(5))
        var tester = ReducerTester(state)
        for _ in 0..<4 { tester.perform(.cycleJournalFilter) }  // pricing stories only
        #expect(tester.state.journalFilter == .pricingStory)
        #expect(tester.state.relationshipSelection == .journal(RelationshipFixture.e(4)))
    }

    @Test func ownerPeriodsReadAsRanges() {
        let history = RelationshipFixture.account.ownerHistory
        #expect(OwnerPeriods.describe(history, currentOwner: "Kenji Sato") == ["until 2026-08-27", "from 2026-08-27 (owner now)"])
    }

    @Test func partOfANameFindsTheAccountWhenOnlyOneHasIt() throws {
        let accounts = Fixtures.accounts
        #expect(try WorkbookExport.select(accounts, named: "acme").get().map(\.name) == ["Acme Robotics Inc."])
        #expect(try WorkbookExport.select(accounts, named: "muller").get().map(\.name) == ["Müller & Söhne GmbH"])
        guard case .failure(let error) = WorkbookExport.select(accounts, named: "c") else { Issue.record("ambiguous must fail"); return }
        #expect(error.message.hasPrefix("\u{201C}c\u{201D} matches 2 accounts"))
    }
}
