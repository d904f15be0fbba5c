import Foundation
import Testing
import TerminalUI
import WorkbookModel
import WorkbookTestSupport
@testable import WorkbookApp

@Suite struct AccountsReducerTests {
    @Test func startsSortedByNameWithTheFirstAccountSelected() {
        let state = Fixtures.state()
        #expect(state.visible == [Fixtures.id(3), Fixtures.id(1), Fixtures.id(4), Fixtures.id(2), Fixtures.id(5)])
        #expect(state.selectedID == Fixtures.id(3))
    }

    @Test func movingStopsAtBothEnds() {
        var tester = ReducerTester(Fixtures.state())
        tester.send(.moveUp)
        tester.send(.moveDown) { $0.selectedID = Fixtures.id(1) }
        tester.send(.moveLast) { $0.selectedID = Fixtures.id(5) }
        tester.send(.moveDown)
        tester.send(.moveFirst) { $0.selectedID = Fixtures.id(3) }
    }

    @Test func pagingScrollsTheListSoTheSelectionStaysVisible() {
        let many = (1...40).map { Account(id: Fixtures.id($0), name: "Account \(String(format: "%02d", $0))") }
        var tester = ReducerTester(Fixtures.state(many, width: 80, height: 24))
        let rows = ScreenLayout(size: Size(width: 80, height: 24)).listRows
        tester.send(.pageDown) {
            $0.selectedID = Fixtures.id(1 + rows)
            $0.listTop = 1
        }
        tester.send(.moveLast) {
            $0.selectedID = Fixtures.id(40)
            $0.listTop = 40 - rows
        }
        tester.send(.pageUp) {
            $0.selectedID = Fixtures.id(40 - rows)
            $0.listTop = 40 - rows - 1
        }
        tester.send(.moveFirst) {
            $0.selectedID = Fixtures.id(1)
            $0.listTop = 0
        }
    }

    @Test func addingAnAccountSavesItSelectsItAndCanBeUndoneAndRedone() {
        var tester = ReducerTester(Fixtures.state(), newIDs: [Fixtures.id(99)])
        tester.send(.add) { $0.modal = .form(AccountForm.new(ownedBy: "Dana Wu")) }
        tester.type("Ωmega Ltd")
        let expected = Account(id: Fixtures.id(99), name: "Ωmega Ltd", owner: "Dana Wu")
        tester.send(.submitForm, effects: [.save(expected)]) {
            $0.modal = nil
            $0.accounts[expected.id] = expected
            $0.undoStack = [AccountChange(before: nil, after: expected, label: "add \u{201C}Ωmega Ltd\u{201D}")]
            $0.refreshVisible()
            $0.selectedID = expected.id
            $0.shownID = expected.id
            $0.message = StatusMessage("Added \u{201C}Ωmega Ltd\u{201D}.")
        }
        var archived = expected
        archived.archived = ArchiveMark(on: Fixtures.today, by: "Dana Wu")
        tester.send(.undo, effects: [.save(archived)]) {
            $0.accounts[expected.id] = archived
            $0.redoStack = $0.undoStack
            $0.undoStack = []
            $0.refreshVisible()
            // The account shown is gone again: the details show the selection instead.
            $0.shownID = $0.selectedID
            $0.message = StatusMessage("Undid: add \u{201C}Ωmega Ltd\u{201D}.")
        }
        tester.send(.redo, effects: [.save(expected)]) {
            $0.accounts[expected.id] = expected
            $0.undoStack = $0.redoStack
            $0.redoStack = []
            $0.refreshVisible()
            $0.selectedID = expected.id
            $0.shownID = expected.id
            $0.message = StatusMessage("Redid: add \u{201C}Ωmega Ltd\u{201D}.")
        }
    }

    @Test func editingChangesOnlyTheEditedFields() {
        var tester = ReducerTester(Fixtures.state())
        let original = Fixtures.accounts[2]
        tester.send(.edit) { $0.modal = .form(AccountForm.editing(original)) }
        tester.send(.nextField) { if case .form(var form) = $0.modal { form.state.focus("industry"); $0.modal = .form(form) } }
        tester.send(.nextField) { if case .form(var form) = $0.modal { form.state.focus("segment"); $0.modal = .form(form) } }
        tester.send(.nextField) { if case .form(var form) = $0.modal { form.state.focus("stage"); $0.modal = .form(form) } }
        tester.send(.fieldRight) { if case .form(var form) = $0.modal { form.state.step(forward: true); $0.modal = .form(form) } }
        #expect(tester.state.modal.flatMap { if case .form(let form) = $0 { return form.state.choice("stage") } else { return nil } } == RelationshipStage.vendor.rank)
        var changed = original
        changed.stage = .vendor
        changed.stageChangedOn = Fixtures.today
        tester.send(.submitForm, effects: [.save(changed)]) {
            $0.modal = nil
            $0.accounts[original.id] = changed
            $0.undoStack = [AccountChange(before: original, after: changed, label: "edit \u{201C}Acme Robotics Inc.\u{201D}")]
            $0.message = StatusMessage("Saved \u{201C}Acme Robotics Inc.\u{201D}.")
        }
        tester.send(.undo, effects: [.save(original)]) {
            $0.accounts[original.id] = original
            $0.redoStack = $0.undoStack
            $0.undoStack = []
            $0.message = StatusMessage("Undid: edit \u{201C}Acme Robotics Inc.\u{201D}.")
        }
    }

    @Test func savingAnUnchangedFormWritesNothing() {
        var tester = ReducerTester(Fixtures.state())
        tester.send(.edit) { $0.modal = .form(AccountForm.editing(Fixtures.accounts[2])) }
        tester.send(.submitForm) {
            $0.modal = nil
            $0.message = StatusMessage("No changes.")
        }
    }

    @Test func aFormWithProblemsStaysOpenAndNamesThem() {
        var form = AccountForm.new(ownedBy: "Dana Wu")
        form.state.edit(.insert("  müller & SÖHNE gmbh "))
        form.state.focus("annualValue")
        form.state.edit(.insert("lots"))
        form.state.focus("nextMeeting")
        form.state.edit(.insert("2026-02-30"))
        var state = Fixtures.state()
        state.modal = .form(form)
        var tester = ReducerTester(state, newIDs: [Fixtures.id(50)])
        tester.send(.submitForm) {
            form.state.errors = [
                "name": "Another account is already called \u{201C}Müller & Söhne GmbH\u{201D}.",
                "annualValue": "\u{201C}lots\u{201D} is not a whole amount: write 120000, 120,000, 120k or 1.5m.",
                "nextMeeting": "\u{201C}2026-02-30\u{201D} is not a date: use YYYY-MM-DD, today, yesterday, tomorrow, +7 or -3.",
            ]
            form.state.focus("name")
            $0.modal = .form(form)
            $0.message = StatusMessage("Not saved yet — Another account is already called \u{201C}Müller & Söhne GmbH\u{201D}.", kind: .warning)
        }
    }

    @Test func anEmptyNameIsRefused() {
        var tester = ReducerTester(Fixtures.state(), newIDs: [Fixtures.id(51)])
        tester.send(.add) { $0.modal = .form(AccountForm.new(ownedBy: "Dana Wu")) }
        tester.send(.submitForm) {
            var form = AccountForm.new(ownedBy: "Dana Wu")
            form.state.errors = ["name": "A name is required."]
            $0.modal = .form(form)
            $0.message = StatusMessage("Not saved yet — A name is required.", kind: .warning)
        }
    }

    @Test func deleteAsksFirstThenArchivesAndUndoRestores() {
        var tester = ReducerTester(Fixtures.state())
        let acme = Fixtures.accounts[2]
        tester.send(.delete) { $0.modal = .confirmDelete(acme.id) }
        tester.send(.cancel) {
            $0.modal = nil
            $0.message = StatusMessage("Nothing deleted.")
        }
        tester.send(.delete) { $0.modal = .confirmDelete(acme.id) }
        var archived = acme
        archived.archived = ArchiveMark(on: Fixtures.today, by: "Dana Wu")
        tester.send(.confirm, effects: [.backup([acme.id], reason: "before archiving Acme Robotics Inc."), .save(archived)]) {
            $0.modal = nil
            $0.accounts[acme.id] = archived
            $0.undoStack = [AccountChange(before: acme, after: archived, label: "delete \u{201C}Acme Robotics Inc.\u{201D}")]
            $0.refreshVisible()
            $0.selectedID = Fixtures.id(1)
            $0.shownID = Fixtures.id(1)
            $0.message = StatusMessage("Deleted \u{201C}Acme Robotics Inc.\u{201D} (archived in its file) — u undoes.")
        }
        #expect(!tester.state.visible.contains(acme.id))
        tester.send(.undo, effects: [.save(acme)]) {
            $0.accounts[acme.id] = acme
            $0.redoStack = $0.undoStack
            $0.undoStack = []
            $0.refreshVisible()
            $0.selectedID = acme.id
            $0.shownID = acme.id
            $0.message = StatusMessage("Undid: delete \u{201C}Acme Robotics Inc.\u{201D}.")
        }
    }

    @Test func sortCyclesThroughNameValueNextMeetingStageAndHealth() {
        var tester = ReducerTester(Fixtures.state())
        tester.send(.cycleSort) {
            $0.sort = .value
            $0.refreshVisible()
            $0.message = StatusMessage("Sorted by value.")
        }
        #expect(tester.state.visible == [Fixtures.id(1), Fixtures.id(2), Fixtures.id(3), Fixtures.id(4), Fixtures.id(5)])
        tester.send(.cycleSort) {
            $0.sort = .nextMeeting
            $0.refreshVisible()
            $0.message = StatusMessage("Sorted by next meeting.")
        }
        #expect(tester.state.visible == [Fixtures.id(2), Fixtures.id(1), Fixtures.id(4), Fixtures.id(3), Fixtures.id(5)])
        tester.send(.cycleSort) {
            $0.sort = .stage
            $0.refreshVisible()
            $0.message = StatusMessage("Sorted by stage.")
        }
        #expect(tester.state.visible == [Fixtures.id(3), Fixtures.id(4), Fixtures.id(1), Fixtures.id(2), Fixtures.id(5)])
        tester.send(.cycleSort) {
            $0.sort = .health
            $0.refreshVisible()
            $0.message = StatusMessage("Sorted by health (worst first).")
        }
        tester.send(.cycleSort) {
            $0.sort = .name
            $0.refreshVisible()
            $0.message = StatusMessage("Sorted by name.")
        }
    }

    @Test func filterNarrowsLiveIgnoringCaseAndAccentsAndEscClears() {
        var tester = ReducerTester(Fixtures.state())
        tester.send(.startFilter) { $0.isEditingFilter = true }
        tester.type("MULLER")
        #expect(tester.state.visible == [Fixtures.id(1)])
        #expect(tester.state.selectedID == Fixtures.id(1))
        tester.send(.acceptFilter) { $0.isEditingFilter = false }
        tester.send(.backOut) {
            $0.filter = ""
            $0.filterInput = TextInput()
            $0.refreshVisible()
            $0.message = StatusMessage("Filter cleared.")
        }
        #expect(tester.state.visible.count == 5)
        #expect(tester.state.selectedID == Fixtures.id(1), "the selection survives clearing the filter")
    }

    @Test func filterMatchesIndustryOwnerAndStageToo() {
        var state = Fixtures.state()
        state.filter = "kenji"
        state.refreshVisible()
        #expect(Set(state.visible) == [Fixtures.id(2), Fixtures.id(5)])
        state.filter = "partner"
        state.refreshVisible()
        #expect(state.visible == [Fixtures.id(2)])
        state.filter = "food bev"
        state.refreshVisible()
        #expect(state.visible == [Fixtures.id(4)])
    }

    @Test func readOnlyRefusesChangesWithAReason() {
        var state = Fixtures.state()
        state.readOnlyReason = "--read-only"
        var tester = ReducerTester(state)
        tester.send(.add) { $0.message = StatusMessage("Can't: the workbook is read-only (--read-only)", kind: .warning) }
        tester.send(.delete) { $0.message = StatusMessage("Can't: the workbook is read-only (--read-only)", kind: .warning) }
        tester.send(.moveDown) { $0.selectedID = Fixtures.id(1) }
    }

    @Test func escapeNeverQuitsAndQQuits() {
        var tester = ReducerTester(Fixtures.state())
        tester.send(.backOut)
        #expect(!tester.state.shouldQuit)
        tester.send(.quit, effects: [.quit]) { $0.shouldQuit = true }
    }

    @Test func panesCycleWithTabAndJumpWithNumbers() {
        var tester = ReducerTester(Fixtures.state())
        tester.send(.nextPane) { $0.focus = .checklist }
        tester.send(.nextPane) { $0.focus = .influenceMap }
        tester.send(.nextPane) { $0.focus = .book }
        tester.send(.nextPane) { $0.focus = .relationship }
        tester.send(.nextPane) { $0.focus = .accounts }
        tester.send(.previousPane) { $0.focus = .relationship }
        tester.send(.showPane(.accounts)) { $0.focus = .accounts }
    }

    @Test func aFailedSaveKeepsTheChangeAndRetryingSavesIt() {
        var tester = ReducerTester(Fixtures.state())
        let id = Fixtures.id(1)
        tester.send(.saveFailed(id, "disk full (ENOSPC)")) {
            $0.unsaved = [id]
            $0.message = StatusMessage("Not saved: Müller & Söhne GmbH — disk full (ENOSPC). Your change is kept; Ctrl-S retries.", kind: .error)
        }
        tester.send(.retrySave, effects: [.save(Fixtures.accounts[0])])
        tester.send(.saveSucceeded(id)) {
            $0.unsaved = []
            $0.message = StatusMessage("All changes saved.")
        }
    }
}
