import Testing
import TerminalUI
import WorkbookModel
import WorkbookTestSupport
@testable import WorkbookApp

/// The account review walk: choosing the accounts, their order, moving, decisions, actions, marking reviewed.
@Suite struct AccountReviewReducerTests {
    let muller = Fixtures.id(1), tokyo = Fixtures.id(2), acme = Fixtures.id(3)

    /// The review running over every account, on its first one (Acme, in name order).
    func walking(_ scope: ReviewScope = .all) -> AppState {
        var state = ReviewFixtures.state()
        AccountReviewReducer.begin(&state, scope: scope)
        state.message = nil
        return state
    }

    @Test func scopesChooseTheAccountsInTheListOrder() {
        let state = ReviewFixtures.state()
        #expect(ReviewScope.all.accounts(in: state) == [acme, muller, tokyo])
        #expect(ReviewScope.owner("dana wu ").accounts(in: state) == [acme, muller], "owner names match ignoring case and spaces")
        #expect(ReviewScope.stage(.partner).accounts(in: state) == [tokyo])
        #expect(ReviewScope.flagged.accounts(in: state) == [muller],
                "東京精密 has no red flag; Acme's only one is an overdue commitment, said under its balance")
        for id in ReviewScope.flagged.accounts(in: state) {
            #expect(!AccountReviewPage(account: state.accounts[id]!, today: state.today, settings: state.settings).flagsBesidesBalance.isEmpty)
        }
        var sorted = state
        sorted.sort = .value
        #expect(ReviewScope.all.accounts(in: sorted).first == muller, "the walk follows the list's sort")
        var withList = state
        withList.settings.review.lists = [ReviewList(name: "Q4", accounts: [tokyo, muller, AccountID("gone")])]
        #expect(ReviewScope.list("Q4").accounts(in: withList) == [muller, tokyo])
        #expect(ReviewScope.choices(in: withList) == [.all, .flagged, .owner("Dana Wu"), .owner("Kenji Sato"),
                                                      .stage(.prospect), .stage(.reliableSupplier), .stage(.partner), .list("Q4")])
    }

    @Test func rStartsFromAFormAndEnterBeginsTheWalk() {
        let start = ReviewFixtures.state()
        var tester = ReducerTester(start)
        tester.send(.startAccountReview) { $0.modal = .form(AccountReviewForms.start(in: start)) }
        guard case .form(let form) = tester.state.modal else { return }
        #expect(form.state.fields[0].value == .choice(options: [
            "All accounts (3)", "Flagged accounts", "Owner: Dana Wu (2)", "Owner: Kenji Sato (1)",
            "Type: Prospect (1)", "Type: Reliable supplier (1)", "Type: Partner (1)",
        ], selected: 0))
        #expect(form.state.choice("present") == 1, "a review is made for a shared screen: presenting is on unless turned off")
        tester.perform(.fieldRight, .fieldRight, .nextField, .fieldRight, .fieldRight)
        tester.send(.submitForm) {
            $0.modal = nil
            $0.accountReview = AccountReviewSession(scope: .owner("Dana Wu"), accounts: [self.acme, self.muller], timerMinutes: 3)
            $0.isPresenting = true
            $0.selectedID = self.acme
            $0.message = StatusMessage("Review started: Owner: Dana Wu, 2 accounts. Space moves on, m marks reviewed.")
        }
    }

    @Test func theStartFormCanTurnPresentingOff() {
        let start = ReviewFixtures.state()
        var tester = ReducerTester(start)
        tester.perform(.startAccountReview, .nextField, .nextField, .fieldRight, .submitForm)
        #expect(tester.state.accountReview != nil)
        #expect(!tester.state.isPresenting)
    }

    @Test func anEmptyScopeIsRefusedWithItsName() {
        var state = ReviewFixtures.state()
        #expect(!AccountReviewReducer.begin(&state, scope: .stage(.lost)))
        #expect(state.accountReview == nil)
        #expect(state.message == StatusMessage("No accounts to review in \u{201C}Type: Lost\u{201D}.", kind: .warning))
    }

    @Test func nextAndPreviousMoveThroughTheWalkAndStopAtItsEnds() {
        var tester = ReducerTester(walking())
        tester.send(.reviewNext) {
            $0.accountReview!.index = 1
            $0.selectedID = self.muller
        }
        tester.send(.reviewNext) {
            $0.accountReview!.index = 2
            $0.selectedID = self.tokyo
        }
        tester.send(.reviewNext) { $0.message = StatusMessage("Can't: this is the last account (Esc ends the review)", kind: .warning) }
        tester.send(.reviewPrevious) {
            $0.accountReview!.index = 1
            $0.selectedID = self.muller
        }
        // Space and n are next, p is previous; keys of the panes do nothing here.
        #expect(Keymap.standard.resolve(.character(" "), in: tester.state) == .command(.reviewNext))
        #expect(Keymap.standard.resolve(.character("n"), in: tester.state) == .command(.reviewNext))
        #expect(Keymap.standard.resolve(.character("p"), in: tester.state) == .command(.reviewPrevious))
        #expect(Keymap.standard.resolve(.character("2"), in: tester.state) == nil)
    }

    @Test func eachAccountKeepsItsTimeAndTheTotalCounts() {
        var start = walking()
        start.accountReview!.timerMinutes = 3
        var tester = ReducerTester(start)
        tester.send(.reviewClock(75)) {
            $0.accountReview!.secondsOnAccount = 75
            $0.accountReview!.totalSeconds = 75
        }
        #expect(tester.state.accountReview!.timerText == "1:15 / 3:00")
        tester.send(.reviewClock(120)) {
            $0.accountReview!.secondsOnAccount = 195
            $0.accountReview!.totalSeconds = 195
        }
        #expect(tester.state.accountReview!.timerText == "3:15 / 3:00 — over by 0:15")
        tester.send(.reviewNext) {
            $0.accountReview!.index = 1
            $0.accountReview!.secondsOnAccount = 0
            $0.accountReview!.secondsByAccount = [self.acme: 195]
            $0.selectedID = self.muller
        }
        tester.send(.reviewClock(10)) {
            $0.accountReview!.secondsOnAccount = 10
            $0.accountReview!.totalSeconds = 205
        }
        tester.send(.reviewPrevious) {
            $0.accountReview!.index = 0
            $0.accountReview!.secondsOnAccount = 195
            $0.accountReview!.secondsByAccount = [self.acme: 195, self.muller: 10]
            $0.selectedID = self.acme
        }
        #expect(tester.state.accountReview!.totalText == "total 3:25")
        tester.send(.reviewNext) {
            $0.accountReview!.index = 1
            $0.accountReview!.secondsOnAccount = 10
            $0.selectedID = self.muller
        }
        tester.send(.cycleReviewTimer) {
            $0.accountReview!.timerMinutes = 5
            $0.message = StatusMessage("Timer: 5 minutes per account.")
        }
    }

    @Test func aDecisionIsAppendedToTheAccountAndUndoable() {
        var start = walking()
        start.accountReview!.index = 1
        start.selectedID = muller
        let before = start.accounts[muller]!
        var tester = ReducerTester(start, newEntityIDs: [EntityID("d2")])
        tester.send(.recordDecision) { $0.modal = .form(AccountReviewForms.decision(for: before)) }
        tester.type("Escalate the TCO to the CFO")
        var after = before
        after.reviewLog.append(ReviewDecision(id: EntityID("d2"), on: Fixtures.today, by: "Lee Lead", text: "Escalate the TCO to the CFO"))
        tester.send(.submitForm, effects: [.save(after)]) {
            $0.modal = nil
            $0.accounts[self.muller] = after
            $0.shownID = self.muller
            $0.undoStack = [AccountChange(before: before, after: after, label: "add a decision for \u{201C}Müller & Söhne GmbH\u{201D}")]
            $0.message = StatusMessage("Added a decision for \u{201C}Müller & Söhne GmbH\u{201D}.")
        }
        tester.send(.undo, effects: [.save(before)]) {
            $0.accounts[self.muller] = before
            $0.redoStack = $0.undoStack
            $0.undoStack = []
            $0.message = StatusMessage("Undid: add a decision for \u{201C}Müller & Söhne GmbH\u{201D}.")
        }
    }

    @Test func anEmptyDecisionIsRefusedAndTheFormStays() {
        var tester = ReducerTester(walking())
        tester.perform(.recordDecision)
        tester.send(.submitForm) {
            guard case .form(var form) = $0.modal else { return }
            form.state.fail(with: ["text": "write the decision, or Esc to leave it"])
            $0.modal = .form(form)
            $0.message = StatusMessage("Not saved yet — write the decision, or Esc to leave it", kind: .warning)
        }
    }

    @Test func anActionHasWhatOwnerAndDue() {
        let start = walking()
        let before = start.accounts[acme]!
        var tester = ReducerTester(start, newEntityIDs: [EntityID("a9")])
        tester.send(.addReviewAction) { $0.modal = .form(AccountReviewForms.action(for: before)) }
        tester.type("Send the revised quote")
        tester.perform(.nextField, .text(.deleteToStart))
        tester.type("Sam Ortiz")
        tester.perform(.nextField)
        tester.type("+7")
        var after = before
        after.reviewLog.upsert(ReviewAction(id: EntityID("a9"), what: "Send the revised quote", owner: "Sam Ortiz",
                                            due: Fixtures.today.adding(days: 7), agreedOn: Fixtures.today))
        tester.send(.submitForm, effects: [.save(after)]) {
            $0.modal = nil
            $0.accounts[self.acme] = after
            $0.undoStack = [AccountChange(before: before, after: after, label: "add the action \u{201C}Send the revised quote\u{201D}")]
            $0.message = StatusMessage("Added the action \u{201C}Send the revised quote\u{201D}.")
        }
        let page = AccountReviewPage(account: after, today: Fixtures.today, settings: tester.state.settings)
        #expect(page.nextActions.first?.text == "Send the revised quote", "agreed actions lead the next actions")
    }

    @Test func closingAnActionNeedsAnOpenOne() {
        let start = walking()
        #expect(CommandAvailability.disabledReason(.closeReviewAction, in: start) == "no open action on this account (a agrees one)")
        var onMuller = start
        onMuller.accountReview!.index = 1
        let before = onMuller.accounts[muller]!
        var tester = ReducerTester(onMuller)
        tester.perform(.closeReviewAction, .nextField, .fieldRight)
        var after = before
        var action = before.reviewLog.actions[0]
        action.status = .dropped
        action.closedOn = Fixtures.today
        after.reviewLog.upsert(action)
        tester.send(.submitForm, effects: [.save(after)]) {
            $0.modal = nil
            $0.accounts[self.muller] = after
            $0.selectedID = self.muller
            $0.shownID = self.muller
            $0.undoStack = [AccountChange(before: before, after: after, label: "mark \u{201C}Call Heike about the TCO\u{201D} dropped")]
            $0.message = StatusMessage("Marked \u{201C}Call Heike about the TCO\u{201D} dropped.")
        }
    }

    @Test func markingReviewedStoresASnapshotAndMovesOn() {
        var start = walking()
        start.accountReview!.index = 1
        start.selectedID = muller
        let before = start.accounts[muller]!
        var tester = ReducerTester(start, newEntityIDs: [EntityID("r2")])
        var after = before
        let snapshot = ReviewSnapshot.capture(before, today: Fixtures.today, settings: start.settings)
        after.reviewLog.append(ReviewRecord(id: EntityID("r2"), on: Fixtures.today, by: "Lee Lead", snapshot: snapshot))
        tester.send(.markAccountReviewed, effects: [.save(after)]) {
            $0.accounts[self.muller] = after
            $0.shownID = self.muller
            $0.undoStack = [AccountChange(before: before, after: after, label: "review \u{201C}Müller & Söhne GmbH\u{201D}")]
            $0.accountReview!.markedReviewed = [self.muller]
            $0.accountReview!.index = 2
            $0.selectedID = self.tokyo
            $0.message = StatusMessage("Marked \u{201C}Müller & Söhne GmbH\u{201D} reviewed — now 3 of 3.")
        }
        #expect(snapshot.people.map(\.name).sorted() == ["Dr. Heike Vogel", "Klaus Brandt", "佐藤 健"])
        #expect(snapshot.commitments.first { $0.id == CommitmentID("c1") }?.overdue == true)
        // Today's page still compares with the review before today, so the changes stay in view.
        let page = AccountReviewPage(account: after, today: Fixtures.today, settings: start.settings)
        #expect(page.lastReview?.id == EntityID("r1"))
        #expect(page.reviewedToday?.id == EntityID("r2"))
        #expect(page.changes?.isEmpty == false)
        // Tomorrow, the next review compares with today's snapshot: nothing changed since.
        let tomorrow = AccountReviewPage(account: after, today: Fixtures.today.adding(days: 1), settings: start.settings)
        #expect(tomorrow.lastReview?.id == EntityID("r2"))
        #expect(tomorrow.changes == [])
    }

    @Test func markingAgainTheSameDayReplacesTodaysSnapshot() {
        var start = walking()
        start.accountReview!.index = 2
        start.selectedID = tokyo
        var tester = ReducerTester(start, newEntityIDs: [EntityID("r5"), EntityID("r6")])
        tester.perform(.markAccountReviewed)
        tester.perform(.markAccountReviewed)
        #expect(tester.state.accounts[tokyo]!.reviewLog.records.map(\.id) == [EntityID("r5")])
        #expect(tester.state.message == StatusMessage("Marked \u{201C}東京精密\u{201D} reviewed — that was the last account; Esc ends the review."))
    }

    @Test func theWalkKeepsItsOrderWhenAnAccountChanges() {
        var tester = ReducerTester(walking(.owner("Dana Wu")), newEntityIDs: [EntityID("r7")])
        tester.perform(.markAccountReviewed)
        #expect(tester.state.accountReview!.accounts == [acme, muller])
        #expect(tester.state.accountReview!.index == 1)
    }

    @Test func endingSaysHowManyWereMarked() {
        var start = walking()
        start.accountReview!.markedReviewed = [acme]
        var tester = ReducerTester(start)
        tester.send(.endAccountReview) {
            $0.accountReview = nil
            $0.message = StatusMessage("Review ended: 1 of 3 accounts marked reviewed.")
        }
        #expect(Keymap.standard.resolve(.character("q"), in: start) == .command(.endAccountReview), "q ends the review, it does not quit")
        #expect(Keymap.standard.resolve(.escape, in: start) == .command(.endAccountReview))
    }

    @Test func presentingTogglesAnywhereEvenInAForm() {
        var start = walking()
        start.modal = .form(AccountReviewForms.decision(for: start.accounts[acme]!))
        var tester = ReducerTester(start)
        #expect(Keymap.standard.resolve(.control("p"), in: start) == .command(.togglePresenting))
        tester.send(.togglePresenting) {
            $0.isPresenting = true
            $0.message = StatusMessage("Presenting: sensitive fields are hidden on screen (files and exports keep them). Ctrl-P ends it.")
        }
        tester.send(.togglePresenting) {
            $0.isPresenting = false
            $0.message = StatusMessage("Presenting off: every field is shown again.")
        }
    }

    @Test func changesAreRefusedInAReadOnlyWorkbook() {
        var start = walking()
        start.readOnlyReason = "--read-only"
        var tester = ReducerTester(start)
        tester.send(.markAccountReviewed) {
            $0.message = StatusMessage("Can't: the workbook is read-only (--read-only)", kind: .warning)
        }
        tester.send(.reviewNext) {
            $0.accountReview!.index = 1
            $0.selectedID = self.muller
        }
    }

    @Test func exportsWhilePresentingCarryTheRealData() {
        var state = ReviewFixtures.state()
        let id = muller
        state.accounts[id]!.journal = [
            JournalEntry(id: EntityID("j1"), date: Fixtures.today, author: "Dana Wu", kind: .pricingStory, text: "SECRET-PRICE-STORY"),
        ]
        state.selectedID = id
        state.focus = .relationship
        state.isPresenting = true
        var tester = ReducerTester(state)
        let account = state.accounts[id]!
        let markdown = HandoverExport.markdown(account, settings: state.settings, today: state.today)
        #expect(markdown.contains("SECRET-PRICE-STORY"))
        tester.send(.exportHandover, effects: [.writeExport(fileName: HandoverExport.fileName(for: account, today: state.today), text: markdown)])
    }

    @Test func theWalksAccountsCanBeSavedAsAList() {
        let start = walking(.owner("Dana Wu"))
        var tester = ReducerTester(start)
        tester.send(.saveReviewList) { $0.modal = .form(AccountReviewForms.saveList(start.accountReview!)) }
        tester.type(" Q4 focus ")
        var settings = start.settings
        settings.review.lists = [ReviewList(name: "Q4 focus", accounts: [acme, muller])]
        tester.send(.submitForm, effects: [.saveSettings(settings)]) {
            $0.modal = nil
            $0.settings = settings
            $0.message = StatusMessage("Saved the list \u{201C}Q4 focus\u{201D} (2 accounts): R offers it, and workbook review --list.")
        }
        #expect(ReviewScope.choices(in: tester.state).last == .list("Q4 focus"))
        #expect(ReviewScope.list("Q4 focus").accounts(in: tester.state) == [acme, muller])
    }

    @Test func presentingAndStartingAReviewWorkInEveryPaneEvenWithNothingSelected() {
        for pane in Pane.allCases {
            var state = ReviewFixtures.state()
            state.focus = pane
            state.filter = "no such account"
            state.refreshVisible()
            #expect(state.selectedID == nil)
            #expect(CommandAvailability.disabledReason(.togglePresenting, in: state) == nil, "\(pane)")
            #expect(CommandAvailability.disabledReason(.startAccountReview, in: state) == nil, "\(pane)")
            #expect(Keymap.standard.resolve(.character("R"), in: state) == .command(.startAccountReview), "\(pane)")
        }
    }
}
