import Testing
import TerminalUI
import WorkbookModel
import WorkbookStorage
import WorkbookTestSupport
@testable import WorkbookApp

/// Merge conflicts in the app: the badge, the list in words, keeping a value or typing one (an
/// ordinary, undoable save), and the goldens of the list.
@Suite struct MergeConflictsTests {
    let goldens = Golden.directory(besides: #filePath)
    let theme = BuiltInThemes.standard

    /// Acme Robotics with Dana Wu rated 3 on one side and −2 on the other (the file shows 3), and its stage changed both ways.
    static func conflicted() -> Account {
        var account = Fixtures.accounts[2]
        account.objectives = [SalesObjective(id: EntityID("o1"), title: "Pilot")]
        account.people = [Person(id: EntityID("p1"), name: "Dana Wu", level: .executive)]
        account.influences = [BuyingInfluence(id: EntityID("i1"), objectiveID: EntityID("o1"), personID: EntityID("p1"), degree: .high, rating: 3)]
        account.conflicts = [
            MergeConflict(id: MergeConflict.stableID(kind: "both-changed", path: ["influences", "i1", "rating"]), kindName: "both-changed",
                          path: ["influences", "i1", "rating"], values: [.integer(-2), .integer(3)], shown: .integer(3)),
            MergeConflict(id: MergeConflict.stableID(kind: "both-changed", path: ["stage"]), kindName: "both-changed",
                          path: ["stage"], values: [.string("partner"), .string("prospect")], shown: .string("prospect")),
        ]
        return account
    }

    static func state(width: Int = 80, height: Int = 24) -> AppState {
        var accounts = Fixtures.accounts
        accounts[2] = conflicted()
        var state = Fixtures.state(accounts, width: width, height: height)
        state.selectedID = accounts[2].id
        return state
    }

    @Test func conflictsAreSaidInWords() {
        let account = Self.conflicted()
        let sentences = account.conflicts.map { ConflictWording.sentence($0, in: account) }
        #expect(sentences.contains("rating of Dana Wu: \u{2212}2 on one side, 3 on the other"))
        #expect(sentences.contains("stage: \u{201C}partner\u{201D} on one side, \u{201C}prospect\u{201D} on the other"))
    }

    @Test func keepingAValueIsAnOrdinaryUndoableSave() throws {
        var tester = ReducerTester(Self.state())
        let before = Self.conflicted()
        tester.send(.showMergeConflicts) { $0.modal = .mergeConflicts(MergeConflictList(accountID: before.id)) }
        let rating = try #require(before.conflicts.first { $0.path.last == "rating" })
        let index = try #require(before.conflicts.firstIndex(of: rating))
        if index != 0 { tester.send(.moveDown) { $0.modal = .mergeConflicts(MergeConflictList(accountID: before.id, selection: index)) } }
        var after = before
        after.influences[0].rating = -2
        after.conflicts = before.conflicts.filter { $0 != rating }
        tester.send(.keepValue(0), effects: [.save(after)]) {
            $0.accounts[after.id] = after
            $0.undoStack = [AccountChange(before: before, after: after, label: "resolve rating of Dana Wu")]
            $0.refreshVisible()
            $0.modal = .mergeConflicts(MergeConflictList(accountID: before.id, selection: 0))
            $0.message = StatusMessage("Resolved rating of Dana Wu: \u{2212}2 · 1 left")
        }
        tester.send(.cancel) { $0.modal = nil }
        tester.send(.undo, effects: [.save(before)]) {
            $0.accounts[before.id] = before
            $0.undoStack = []
            $0.redoStack = [AccountChange(before: before, after: after, label: "resolve rating of Dana Wu")]
            $0.refreshVisible()
            $0.message = StatusMessage("Undid: resolve rating of Dana Wu.")
        }
    }

    @Test func typingAValueResolvesWithIt() throws {
        var state = Self.state()
        MergeConflictsReducer.open(&state)
        let account = Self.conflicted()
        let stageIndex = try #require(account.conflicts.firstIndex { $0.path == ["stage"] })
        state.modal = .mergeConflicts(MergeConflictList(accountID: account.id, selection: stageIndex))
        var effects = AppReducer.reduce(&state, .command(.edit), environment: .live)
        guard case .form(var form) = state.modal else {
            Issue.record("no form opened")
            return
        }
        form.state.edit(.deleteToStart)
        form.state.edit(.insert("vendor"))
        state.modal = .form(form)
        effects = AppReducer.reduce(&state, .command(.submitForm), environment: .live)
        #expect(state.accounts[account.id]?.stage == .vendor)
        #expect(state.accounts[account.id]?.conflicts.count == 1)
        #expect(effects.count == 1)
        // A value the field cannot take is refused, and nothing changes.
        MergeConflictsReducer.open(&state)
        _ = AppReducer.reduce(&state, .command(.edit), environment: .live)
        guard case .form(var rating) = state.modal else { return }
        rating.state.edit(.deleteToStart)
        rating.state.edit(.insert("lots"))
        state.modal = .form(rating)
        _ = AppReducer.reduce(&state, .command(.submitForm), environment: .live)
        guard case .form(let refused) = state.modal else {
            Issue.record("an invalid value closed the form")
            return
        }
        #expect(refused.state.errors["value"] != nil)
        #expect(state.accounts[account.id]?.influences.first?.rating == 3)
    }

    @Test func theKeyIsRefusedWithAReasonWhenThereIsNothingToResolve() {
        var state = Self.state()
        state.selectedID = Fixtures.id(1)
        #expect(CommandAvailability.disabledReason(.showMergeConflicts, in: state) == "Müller & Söhne GmbH has no merge conflicts")
        #expect(CommandAvailability.disabledReason(.sync, in: state)?.contains("not shared through git") == true)
        state.canSync = true
        #expect(CommandAvailability.disabledReason(.sync, in: state) == nil)
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func listBadgeAndConflictsView(width: Int, height: Int) {
        var state = Self.state(width: width, height: height)
        let list = RootView.render(state, theme: theme).0
        #expect(list.text.contains("≠ Acme Robotics"))
        Golden.assertMatches(list, named: "merge-badge-\(width)x\(height)", in: goldens)
        MergeConflictsReducer.open(&state)
        Golden.assertMatches(RootView.render(state, theme: theme).0, named: "merge-conflicts-\(width)x\(height)", in: goldens)
    }
}
