import Testing
import TerminalUI
import WorkbookModel
import WorkbookTestSupport
@testable import WorkbookApp

/// Leaks a new user found in presenting: a form's choice unmasking a stored value, typing into a
/// masked field, rating-based flags that give a rating's sign away, and the newer sensitive fields.
@Suite struct PresentingLeakTests {
    let theme = BuiltInThemes.standard
    let muller = Fixtures.id(1)

    func text(_ state: AppState) -> String { RootView.render(state, theme: theme).0.text }

    /// The secret is masked on screen while presenting, and shows once presenting is off: the mask
    /// is what hides it.
    func expectMasked(_ secret: String, in state: AppState, sourceLocation: SourceLocation = #_sourceLocation) {
        let screen = text(state)
        #expect(!screen.contains(secret), "\(screen)", sourceLocation: sourceLocation)
        #expect(screen.contains("hidden while presenting"), sourceLocation: sourceLocation)
        var open = state
        open.isPresenting = false
        #expect(text(open).contains(secret), sourceLocation: sourceLocation)
    }

    func presenting(width: Int = 200, height: Int = 60) -> AppState {
        var state = ReviewFixtures.state(width: width, height: height)
        state.selectedID = muller
        state.isPresenting = true
        return state
    }

    /// The compact view's details stay on the account shown while the selection moves on: that
    /// account's notes stay masked too.
    @Test func theAccountShownInTheCompactViewIsMaskedAfterTheSelectionMoves() {
        var state = presenting()
        state.settings.review.sensitive.insert(.accountNotes)
        state.accounts[muller]!.notes = "SECRET-ACCOUNT-NOTE"
        state.showSelected()
        var tester = ReducerTester(state)
        tester.perform(.moveDown)
        #expect(tester.state.selectedID != muller && tester.state.detailsAccount?.id == muller)
        expectMasked("SECRET-ACCOUNT-NOTE", in: tester.state)
    }

    @Test func aPricingStoryStaysMaskedWhenTheFormChangesItsKind() {
        var state = presenting()
        state.accounts[muller]!.journal = [
            JournalEntry(id: EntityID("j1"), date: Fixtures.today, author: "Dana Wu", kind: .pricingStory, text: "SECRET-PRICE-STORY 12% off"),
        ]
        state.focus = .relationship
        let account = state.accounts[muller]!
        state.modal = .form(RelationshipForms.journalEntry(account.journal[0], in: account, author: "Dana Wu", today: Fixtures.today, kind: nil))
        var tester = ReducerTester(state)
        tester.perform(.previousField, .fieldRight)
        guard case .form(let form) = tester.state.modal else { Issue.record("the form closed"); return }
        #expect(JournalKind.allCases[form.state.choice("kind")] == .promise, "the kind did change in the form")
        expectMasked("SECRET-PRICE-STORY", in: tester.state)
    }

    @Test func aNewEntryIsMaskedOnceItsKindIsHidden() {
        var state = presenting()
        let account = state.accounts[muller]!
        state.modal = .form(RelationshipForms.journalEntry(nil, in: account, author: "Dana Wu", today: Fixtures.today, kind: .soreSpot))
        guard case .form(let form) = state.modal else { return }
        #expect(PresentingMask.maskedKeys(form, in: state) == ["text"], "sore spots are hidden by default")
    }

    @Test func maskedFieldsRefuseEditsAndTabStillMovesOn() {
        var state = presenting()
        state.focus = .influenceMap
        let account = state.accounts[muller]!
        let heike = account.person(ReviewFixtures.heike)!
        var form = InfluenceForms.editing(heike, in: account)
        form.state.focus("notes")
        state.modal = .form(form)
        var tester = ReducerTester(state)
        tester.send(.text(.insert("x"))) { $0.message = StatusMessage(PresentingMask.refusedEdit, kind: .warning) }
        tester.send(.text(.backspace)) { $0.message = StatusMessage(PresentingMask.refusedEdit, kind: .warning) }
        tester.send(.paste("pasted over the hidden notes")) { $0.message = StatusMessage(PresentingMask.refusedEdit, kind: .warning) }
        #expect(PresentingMask.refusedEdit.contains("Ctrl-P"))
        tester.perform(.nextField)
        guard case .form(let moved) = tester.state.modal else { return }
        #expect(moved.state.focusedField.key != "notes", "Tab moves past a masked field")

        var role = InfluenceForms.role(of: heike, in: account.objective(ReviewFixtures.objective)!, account: account)
        role.state.focus("rating")
        state.modal = .form(role)
        var roleTester = ReducerTester(state)
        roleTester.send(.fieldRight) { $0.message = StatusMessage(PresentingMask.refusedEdit, kind: .warning) }
        roleTester.send(.text(.insert(" "))) { $0.message = StatusMessage(PresentingMask.refusedEdit, kind: .warning) }

        // Not presenting, the same keys edit: the refusal is presenting's alone.
        state.isPresenting = false
        var open = ReducerTester(state)
        open.perform(.fieldRight)
        guard case .form(let changed) = open.state.modal else { return }
        #expect(changed.state.isChanged("rating"))
    }

    /// Heike's rating flipped from −2 to +2 (in Growth mode, so +2 is a strength): while ratings are
    /// hidden, neither the map's flag list nor the review screen may tell the two apart.
    @Test(arguments: [(80, 24), (200, 60)])
    func ratingBasedFlagsAndStrengthsAreIndistinguishable(width: Int, height: Int) {
        func screens(rating: Int) -> [String] {
            var state = presenting(width: width, height: height)
            let index = state.accounts[muller]!.influences.firstIndex { $0.personID == ReviewFixtures.heike }!
            state.accounts[muller]!.influences[index].rating = rating
            state.accounts[muller]!.influences[index].mode = .growth
            state.focus = .influenceMap
            state.mapSelection = ReviewFixtures.sato
            let map = text(state)
            // The health score in the list and the details must not move with the hidden rating either.
            state.focus = .accounts
            state.selectedID = muller
            let list = text(state)
            state.focus = .influenceMap
            AccountReviewReducer.begin(&state, scope: .all)
            AccountReviewReducer.move(&state, by: 1)
            state.message = nil
            let review = text(state)
            state.modal = .reviewDetails(scroll: 0)
            let details = OverlayContent.lines(for: state).map(\.text).joined(separator: "\n")
            return [map, review, details, list]
        }
        let negative = screens(rating: -2), positive = screens(rating: 2)
        for (index, screen) in (negative + positive).enumerated() {
            for word in ["rates our proposal", "rates us", "build on it"] {
                #expect(!screen.contains(word), "screen \(index) at \(width)×\(height) shows \(word):\n\(screen)")
            }
        }
        #expect(negative == positive, "a presenting screen must not tell a negative rating from a positive one")
        #expect(negative[0].contains("rating-based signals hidden while presenting"))
        #expect(negative[2].contains("rating-based signals hidden while presenting"))
        // Not presenting, the lines are there: the test can fail.
        var open = ReviewFixtures.state(width: width, height: height)
        open.selectedID = muller
        open.focus = .influenceMap
        #expect(text(open).contains("rates our proposal"))
    }

    @Test func theNewSensitiveFieldsAreMaskedByDefault() {
        var state = presenting()
        let wins = ReviewFixtures.reviewed.influences.map(\.win)
        state.accounts[muller]!.journal = [
            JournalEntry(id: EntityID("j1"), date: Fixtures.today, author: "Dana Wu", kind: .soreSpot, text: "SECRET-SORE-SPOT"),
        ]
        state.accounts[muller]!.ownerHistory = [OwnershipRecord(id: EntityID("h1"), owner: "Dana Wu", from: Fixtures.today, handoverNote: "SECRET-HANDOVER")]
        let secrets = ["SECRET-SORE-SPOT", "SECRET-HANDOVER", "Procurement moved to Stuttgart"] + wins
        var open = state
        open.isPresenting = false
        var seen = ""
        var hidden = ""
        for pane in Pane.allCases {
            state.focus = pane
            open.focus = pane
            state.mapSelection = ReviewFixtures.heike
            open.mapSelection = ReviewFixtures.heike
            seen += text(open)
            hidden += text(state)
        }
        let account = state.accounts[muller]!
        let heike = account.person(ReviewFixtures.heike)!
        let forms = [
            InfluenceForms.role(of: heike, in: account.objective(ReviewFixtures.objective)!, account: account),
            RelationshipForms.journalEntry(account.journal[0], in: account, author: "Dana Wu", today: Fixtures.today, kind: nil),
            RelationshipForms.ownerRecord(account.ownerHistory[0], in: account),
            AccountForm.editing(account),
        ]
        for form in forms {
            state.modal = .form(form)
            open.modal = .form(form)
            hidden += text(state)
            seen += text(open)
        }
        for secret in secrets {
            #expect(seen.contains(secret), "\(secret) is shown when not presenting, so the check can fail")
            #expect(!hidden.contains(secret), "\(secret) leaked while presenting")
        }
        #expect(SensitiveField.defaults.isSuperset(of: [.accountNotes, .soreSpots, .handoverNotes, .personalWins]))
    }
}
