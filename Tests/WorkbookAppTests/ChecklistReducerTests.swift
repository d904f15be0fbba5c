import Testing
import TerminalUI
import WorkbookModel
import WorkbookTestSupport
@testable import WorkbookApp

@Suite struct ChecklistReducerTests {
    static let today = Fixtures.today
    func cid(_ n: Int) -> CommitmentID { CommitmentID(Fixtures.id(1000 + n).rawValue) }

    /// Acme (selected first) with two commitments, focus on the checklist pane.
    func state(_ commitments: [Commitment]? = nil) -> AppState {
        var accounts = Fixtures.accounts
        accounts[2].commitments = commitments ?? [
            Commitment(id: cid(1), side: .intention, text: "Provide help", madeOn: Self.today.adding(days: -10), owner: "Dana Wu"),
            Commitment(id: cid(2), side: .expectation, text: "Transparency", madeOn: Self.today.adding(days: -10), owner: "Kim"),
        ]
        var state = Fixtures.state(accounts)
        state.focus = .checklist
        return state
    }

    @Test func adoptingTemplatesAddsTheTickedOnesAsOneUndoableChange() {
        var start = state([])
        start.templates = CommitmentTemplates(intentions: ["Provide help", "Challenge their thinking"], expectations: ["Referrals"])
        var tester = ReducerTester(start, newCommitmentIDs: [cid(10), cid(11)])
        let acme = start.accounts[Fixtures.id(3)]!
        tester.send(.openTemplates) { $0.modal = .templates(TemplatePicker(account: acme, templates: start.templates)) }
        tester.send(.toggleChoice) {
            var picker = TemplatePicker(account: acme, templates: start.templates)
            picker.items[0].isChosen = true
            picker.cursor = 1
            $0.modal = .templates(picker)
        }
        tester.send(.moveDown) {
            guard case .templates(var picker) = $0.modal else { return }
            picker.cursor = 2
            $0.modal = .templates(picker)
        }
        tester.send(.toggleChoice) {
            guard case .templates(var picker) = $0.modal else { return }
            picker.items[2].isChosen = true
            $0.modal = .templates(picker)
        }
        var after = acme
        after.firstMeeting = Self.today
        after.upsert(Commitment(id: cid(10), side: .intention, text: "Provide help", madeOn: Self.today, owner: "Dana Wu"))
        after.upsert(Commitment(id: cid(11), side: .expectation, text: "Referrals", madeOn: Self.today, owner: ""))
        tester.send(.confirm, effects: [.save(after)]) {
            $0.modal = nil
            $0.accounts[acme.id] = after
            $0.checklistSelection = cid(10)
            $0.undoStack = [AccountChange(before: acme, after: after, label: "adopt 2 commitments")]
            $0.message = StatusMessage("Adopted 2 commitments.")
        }
        tester.send(.undo, effects: [.save(acme)]) {
            $0.accounts[acme.id] = acme
            $0.redoStack = $0.undoStack
            $0.undoStack = []
            $0.message = StatusMessage("Undid: adopt 2 commitments.")
        }
    }

    @Test func templatesAlreadyInTheChecklistCannotBeAdoptedTwice() {
        let start = state()
        let picker = TemplatePicker(account: start.selectedAccount!, templates: .standard)
        #expect(picker.items.first { $0.text == "Provide help" }?.isAdopted == true)
        #expect(picker.items.first { $0.text == "Transparency" }?.isAdopted == true)
        #expect(picker.items.filter(\.isAdopted).count == 2)
    }

    @Test(arguments: [CommitmentStatus.kept, .late, .broken, .dropped])
    func oneKeyMarksTheSelectedCommitment(status: CommitmentStatus) {
        var tester = ReducerTester(state())
        let acme = tester.state.selectedAccount!
        var marked = acme.commitments[0]
        marked.status = status
        marked.statusChangedOn = Self.today
        marked.lastReviewed = Self.today
        var after = acme
        after.upsert(marked)
        let label = "mark \u{201C}Provide help\u{201D} \(status.title.lowercased())"
        tester.send(.mark(status), effects: [.save(after)]) {
            $0.accounts[acme.id] = after
            $0.checklistSelection = cid(2)  // mark and move on to the row that followed
            $0.undoStack = [AccountChange(before: acme, after: after, label: label)]
            $0.message = StatusMessage("Marked \u{201C}Provide help\u{201D} \(status.title.lowercased()).")
        }
    }

    @Test func evidenceOpensTheFormOnTheEvidenceFieldAndSaves() {
        var tester = ReducerTester(state())
        let acme = tester.state.selectedAccount!
        tester.send(.moveDown) { $0.checklistSelection = cid(2) }
        tester.send(.addEvidence) { $0.modal = .form(CommitmentForm.editing(acme.commitments[1], in: acme, focusing: CommitmentForm.evidenceKey)) }
        tester.type("CFO shared the real numbers")
        var updated = acme.commitments[1]
        updated.evidence = "CFO shared the real numbers"
        updated.lastReviewed = Self.today
        var after = acme
        after.upsert(updated)
        after.firstMeeting = updated.madeOn
        tester.send(.submitForm, effects: [.save(after)]) {
            $0.modal = nil
            $0.accounts[acme.id] = after
            $0.undoStack = [AccountChange(before: acme, after: after, label: "edit \u{201C}Transparency\u{201D}")]
            $0.message = StatusMessage("Saved \u{201C}Transparency\u{201D}.")
        }
    }

    @Test func aCommitmentNeedsText() {
        var tester = ReducerTester(state(), newCommitmentIDs: [cid(20)])
        let acme = tester.state.selectedAccount!
        tester.send(.add) { $0.modal = .form(CommitmentForm.new(for: acme, side: .intention, owner: "Dana Wu", today: Self.today)) }
        tester.send(.submitForm) {
            var form = CommitmentForm.new(for: acme, side: .intention, owner: "Dana Wu", today: Self.today)
            form.state.errors = ["text": "Say what was committed."]
            $0.modal = .form(form)
            $0.message = StatusMessage("Not saved yet — Say what was committed.", kind: .warning)
        }
    }

    @Test func theReviewWalkVisitsOutstandingAndUnreviewedAndStampsDecisions() {
        var commitments = state().selectedAccount!.commitments
        commitments.append(Commitment(id: cid(3), side: .intention, text: "Settled long ago", status: .kept, lastReviewed: Self.today.adding(days: -3)))
        var tester = ReducerTester(state(commitments))
        let acme = tester.state.selectedAccount!
        tester.send(.startReview) { $0.modal = .review(ReviewWalk(accountID: acme.id, queue: [cid(1), cid(2)])) }
        var kept = acme.commitments.first { $0.id == cid(1) }!
        kept.mark(.kept, on: Self.today)
        var afterFirst = acme
        afterFirst.upsert(kept)
        tester.send(.mark(.kept), effects: [.save(afterFirst)]) {
            var walk = ReviewWalk(accountID: acme.id, queue: [cid(1), cid(2)])
            walk.decided = [.kept: 1]
            walk.position = 1
            $0.modal = .review(walk)
            $0.accounts[acme.id] = afterFirst
            $0.checklistSelection = cid(1)
            $0.undoStack = [AccountChange(before: acme, after: afterFirst, label: "review \u{201C}Provide help\u{201D}")]
            $0.message = StatusMessage("Reviewed \u{201C}Provide help\u{201D}.")
        }
        tester.send(.skip) {
            $0.modal = nil
            $0.message = StatusMessage("Review done: 1 kept, 1 skipped.")
        }
        #expect(tester.state.accounts[acme.id]?.commitment(cid(2))?.lastReviewed == nil, "a skipped commitment is not stamped")
    }

    @Test func deletingACommitmentAsksFirst() {
        var tester = ReducerTester(state())
        let acme = tester.state.selectedAccount!
        tester.send(.delete) { $0.modal = .confirmDeleteCommitment(acme.id, cid(1)) }
        var after = acme
        after.commitments.removeAll { $0.id == cid(1) }
        tester.send(.confirm, effects: [.save(after)]) {
            $0.modal = nil
            $0.accounts[acme.id] = after
            $0.undoStack = [AccountChange(before: acme, after: after, label: "delete \u{201C}Provide help\u{201D}")]
            $0.message = StatusMessage("Deleted \u{201C}Provide help\u{201D} — u undoes.")
        }
    }

    @Test func withoutCommitmentsTheStatusKeysSayWhatToDo() {
        let empty = state([])
        #expect(Keymap.standard.resolve(.character("c"), in: empty) == .rejected("Mark the commitment kept: no commitment yet: t adopts templates, a adds one"))
        #expect(Keymap.standard.resolve(.character("t"), in: empty) == .command(.openTemplates))
    }

    @Test func changingTheStageDatesItForTheAfterSignatureWatch() {
        var tester = ReducerTester(Fixtures.state())
        tester.send(.edit) { $0.modal = .form(AccountForm.editing(Fixtures.accounts[2])) }
        guard case .form(var form) = tester.state.modal else { return }
        form.state.focus("stage")
        form.state.step(forward: true)
        form.state.step(forward: true)
        var state = tester.state
        state.modal = .form(form)
        tester = ReducerTester(state)
        tester.send(.submitForm, effects: [.save({ var a = Fixtures.accounts[2]; a.stage = .reliableSupplier; a.stageChangedOn = Self.today; return a }())]) {
            var a = Fixtures.accounts[2]
            a.stage = .reliableSupplier
            a.stageChangedOn = Self.today
            $0.modal = nil
            $0.accounts[a.id] = a
            $0.undoStack = [AccountChange(before: Fixtures.accounts[2], after: a, label: "edit \u{201C}Acme Robotics Inc.\u{201D}")]
            $0.message = StatusMessage("Saved \u{201C}Acme Robotics Inc.\u{201D}.")
        }
    }
}

@Suite struct ChecklistAccountSwitchTests {
    @Test func bracketsWalkTheAccountsWithoutLeavingTheChecklist() {
        var state = Fixtures.state()
        state.focus = .checklist
        var tester = ReducerTester(state)
        tester.send(.nextAccount) { $0.selectedID = Fixtures.id(1) }
        tester.send(.previousAccount) { $0.selectedID = Fixtures.id(3) }
        #expect(Keymap.standard.resolve(.character("]"), in: tester.state) == .command(.nextAccount))
    }
}
