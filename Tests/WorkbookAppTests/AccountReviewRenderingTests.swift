import Testing
import TerminalUI
import WorkbookModel
import WorkbookTestSupport
@testable import WorkbookApp

/// The review screen at 80×24 and 200×60, presenting off and on; presenting never lets a masked value into the grid.
@Suite struct AccountReviewRenderingTests {
    let goldens = Golden.directory(besides: #filePath)
    let theme = BuiltInThemes.standard

    /// The walk on Müller & Söhne, which was reviewed a month ago and has changed since.
    func onMuller(width: Int, height: Int, presenting: Bool) -> AppState {
        var state = ReviewFixtures.state(width: width, height: height)
        AccountReviewReducer.begin(&state, scope: .all, timerMinutes: 5)
        AccountReviewReducer.move(&state, by: 1)
        state.accountReview!.secondsOnAccount = 83
        state.accountReview!.totalSeconds = 503
        state.isPresenting = presenting
        state.message = nil
        return state
    }

    func text(_ state: AppState, theme: Theme? = nil) -> String { RootView.render(state, theme: theme ?? self.theme).0.text }

    /// The rating values of the fixture as they would be written on screen.
    static let ratingTexts = ["rates our proposal −2", "rating +1 → −2", "rates us +3", "rates us +4"]

    @Test(arguments: [(80, 24), (200, 60)])
    func reviewScreen(width: Int, height: Int) {
        let state = onMuller(width: width, height: height, presenting: false)
        let screen = text(state)
        #expect(screen.contains("2 of 3"))
        #expect(screen.contains("Müller & Söhne GmbH"))
        #expect(screen.contains("⚑ "), "flags carry a marker, not just a colour")
        #expect(screen.contains("1:23 / 5:00 · total 8:23"))
        #expect(!screen.contains("PRESENTING"))
        Golden.assertMatches(RootView.render(state, theme: theme).0, named: "review-\(width)x\(height)", in: goldens)
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func reviewScreenPresenting(width: Int, height: Int) {
        let state = onMuller(width: width, height: height, presenting: true)
        let screen = text(state)
        #expect(screen.contains("PRESENTING"))
        for secret in ReviewFixtures.secrets + Self.ratingTexts {
            #expect(!screen.contains(secret), "\(secret) must not be on a presenting screen")
        }
        Golden.assertMatches(RootView.render(state, theme: theme).0, named: "review-presenting-\(width)x\(height)", in: goldens)
    }

    @Test func theRatingsArePresentWhenNotPresentingSoTheMaskIsTested() {
        let screen = text(onMuller(width: 200, height: 60, presenting: false))
        #expect(screen.contains("rates our proposal −2"))
        #expect(screen.contains("rating +1 → −2"))
    }

    @Test func presentingMasksTheMapFormsAndPickersToo() {
        var state = ReviewFixtures.state(width: 120, height: 40)
        state.selectedID = Fixtures.id(1)
        state.focus = .influenceMap
        state.mapSelection = ReviewFixtures.heike
        state.isPresenting = true
        let account = state.accounts[Fixtures.id(1)]!
        let heike = account.person(ReviewFixtures.heike)!
        var screens = [text(state)]
        state.modal = .form(InfluenceForms.editing(heike, in: account))
        screens.append(text(state))
        state.modal = .confirmDiscard(InfluenceForms.editing(heike, in: account))
        screens.append(text(state))
        state.modal = .form(InfluenceForms.role(of: heike, in: account.objective(ReviewFixtures.objective)!, account: account))
        let roleScreen = text(state)
        screens.append(roleScreen)
        state.modal = nil
        state.focus = .accounts
        state.settings.review.sensitive.insert(.accountNotes)
        screens.append(text(state))
        for screen in screens {
            for secret in ReviewFixtures.secrets + ["Procurement moved to Stuttgart", "rates our proposal −2", " −2 H"] {
                #expect(!screen.contains(secret), "\(secret) leaked:\n\(screen)")
            }
            #expect(screen.contains("PRESENTING"))
        }
        #expect(screens[1].contains("hidden while presenting"), "the person form shows the mask in place of the notes")
        #expect(!roleScreen.contains("−2"), "the role form's rating is masked")
        // Not presenting, the same form shows the real values: the mask is the only difference.
        state.isPresenting = false
        state.focus = .influenceMap
        state.modal = .form(InfluenceForms.editing(heike, in: account))
        #expect(text(state).contains("SECRET-NOTE-HEIKE"))
    }

    @Test func aChangedSensitiveListIsFollowed() {
        var state = onMuller(width: 200, height: 60, presenting: true)
        state.settings.review.sensitive.remove(.ratings)
        #expect(text(state).contains("rates our proposal −2"), "ratings are shown when the workbook does not mark them sensitive")
    }

    @Test func markersWorkWithoutColour() {
        let screen = text(onMuller(width: 80, height: 24, presenting: false), theme: BuiltInThemes.mono)
        #expect(screen.contains("⚑ "))
        #expect(screen.contains("! "), "overdue and broken items carry !")
        let contrast = text(onMuller(width: 80, height: 24, presenting: true), theme: BuiltInThemes.highContrast)
        #expect(contrast.contains("PRESENTING"))
    }

    @Test func tinyAndZeroSizesDoNotCrash() {
        for (width, height) in [(0, 0), (60, 14), (61, 15)] {
            let state = onMuller(width: width, height: height, presenting: true)
            for secret in ReviewFixtures.secrets { #expect(!text(state).contains(secret)) }
        }
    }

    @Test func anAccountRemovedUnderTheWalkIsSaidPlainly() {
        var state = onMuller(width: 80, height: 24, presenting: false)
        state.accounts[Fixtures.id(1)]!.archived = ArchiveMark(on: Fixtures.today, by: "x")
        #expect(text(state).contains("This account is no longer in the workbook"))
    }

    @Test func enterShowsTheWholePageUncutAndStillMasked() {
        var state = onMuller(width: 80, height: 24, presenting: true)
        #expect(Keymap.standard.resolve(.enter, in: state) == .command(.showReviewDetails))
        state.modal = .reviewDetails(scroll: 0)
        let lines = OverlayContent.lines(for: state).map(\.text)
        #expect(lines.contains { $0.contains("Flag cleared: No Coach") }, "the change the screen had to cut is listed")
        #expect(lines.contains { $0.contains("Dr. Heike Vogel: rating changed (hidden while presenting)") })
        var all = ""
        for scroll in stride(from: 0, through: lines.count, by: 5) {
            state.modal = .reviewDetails(scroll: scroll)
            all += text(state)
        }
        for secret in ReviewFixtures.secrets + Self.ratingTexts { #expect(!all.contains(secret)) }
        #expect(Keymap.standard.resolve(.escape, in: state) == .command(.closeOverlay))
    }

    @Test func presentingMasksThePricingStoryAndPartnershipNotes() {
        var state = ReviewFixtures.state(width: 200, height: 60)
        let id = Fixtures.id(1)
        state.accounts[id]!.journal = [
            JournalEntry(id: EntityID("j1"), date: Fixtures.today, author: "Dana Wu", kind: .pricingStory, text: "SECRET-PRICE-STORY 12% off"),
            JournalEntry(id: EntityID("j2"), date: Fixtures.today, author: "Dana Wu", kind: .meeting, text: "Met the CFO in Hamburg"),
        ]
        state.accounts[id]!.partnership.assessments = [.reward: [.ours: ElementAssessment(score: 1, note: "SECRET-PARTNER-NOTE")]]
        state.selectedID = id
        state.focus = .relationship
        #expect(text(state).contains("SECRET-PRICE-STORY"), "shown when not presenting, so the check below can fail")
        state.isPresenting = true
        let account = state.accounts[id]!
        var screens = [text(state)]
        state.modal = .form(RelationshipForms.journalEntry(account.journal[0], in: account, author: "Dana Wu", today: Fixtures.today, kind: nil))
        screens.append(text(state))
        state.modal = .form(RelationshipForms.element(.reward, of: account))
        screens.append(text(state))
        for screen in screens {
            #expect(!screen.contains("SECRET-PRICE-STORY"), "\(screen)")
            #expect(!screen.contains("SECRET-PARTNER-NOTE"), "\(screen)")
        }
        #expect(screens[0].contains("Met the CFO in Hamburg"), "other journal entries stay readable")
        var meeting = state
        meeting.modal = .form(RelationshipForms.journalEntry(account.journal[1], in: account, author: "Dana Wu", today: Fixtures.today, kind: nil))
        #expect(text(meeting).contains("Met the CFO in Hamburg"), "a meeting's form is not masked")
    }

    @Test func everyPaneIsMaskedWhilePresenting() {
        for pane in Pane.allCases {
            for (width, height) in [(80, 24), (200, 60)] {
                var state = ReviewFixtures.state(width: width, height: height)
                state.selectedID = Fixtures.id(1)
                state.accounts[Fixtures.id(1)]!.journal = [
                    JournalEntry(id: EntityID("j1"), date: Fixtures.today, author: "Dana Wu", kind: .pricingStory, text: "SECRET-PRICE-STORY"),
                ]
                state.focus = pane
                state.mapSelection = ReviewFixtures.heike
                state.isPresenting = true
                let screen = text(state)
                for secret in ReviewFixtures.secrets + ["SECRET-PRICE-STORY", "rates our proposal −2", "Even Keel −2"] {
                    #expect(!screen.contains(secret), "pane \(pane) at \(width)×\(height) shows \(secret)")
                }
            }
        }
    }

    @Test func theReviewsAccountIsMaskedEvenWhenTheListFilterHidesIt() {
        var state = onMuller(width: 200, height: 60, presenting: true)
        state.filter = "Acme"
        state.refreshVisible()
        #expect(state.selectedID != Fixtures.id(1))
        state.modal = .reviewDetails(scroll: 0)
        let screen = text(state)
        #expect(screen.contains("Everything on \u{201C}Müller"))
        for secret in ReviewFixtures.secrets + Self.ratingTexts { #expect(!screen.contains(secret)) }
    }
}
