import Testing
import TerminalUI
import WorkbookModel
import WorkbookStorage
import WorkbookTestSupport
@testable import WorkbookApp

/// Behaviour found by trying the app as a new user.
@Suite struct PolishTests {
    @Test func escOnAChangedFormAsksBeforeDiscarding() {
        var tester = ReducerTester(Fixtures.state())
        tester.send(.add) { $0.modal = .form(AccountForm.new(ownedBy: "Dana Wu")) }
        tester.type("Half typed")
        guard case .form(let typed) = tester.state.modal else { Issue.record("form closed"); return }
        tester.send(.cancel) { $0.modal = .confirmDiscard(typed) }
        tester.send(.cancel) { $0.modal = .form(typed) }
        tester.send(.cancel) { $0.modal = .confirmDiscard(typed) }
        tester.send(.confirm) {
            $0.modal = nil
            $0.message = StatusMessage("Changes discarded.")
        }
        tester.send(.add) { $0.modal = .form(AccountForm.new(ownedBy: "Dana Wu")) }
        tester.send(.cancel) {
            $0.modal = nil
            $0.message = StatusMessage("Discarded; nothing was added.")
        }
    }

    @Test func enterDoesNotConfirmADelete() {
        var state = Fixtures.state()
        state.modal = .confirmDelete(Fixtures.id(3))
        #expect(Keymap.standard.resolve(.enter, in: state) == nil)
        #expect(Keymap.standard.resolve(.character("y"), in: state) == .command(.confirm))
    }

    @Test func controlCharactersNeverGetIntoAField() {
        var form = AccountForm.new(ownedBy: "")
        form.state.edit(.insert("\u{1B}[31mRED\u{1B}[0m Corp\u{07}\u{9B}\u{202E}"))
        #expect(form.state.text("name") == "[31mRED[0m Corp")
        form.state.focus("notes")
        form.state.edit(.insert("line one\nline\ttwo"))
        #expect(form.state.text("notes") == "line one\nline two", "notes keep newlines")
        form.state.focus("industry")
        form.state.edit(.insert("a\nb"))
        #expect(form.state.text("industry") == "a b")
    }

    @Test func twoLiveAccountsWithOneNameAreWarnedAbout() {
        var accounts = Fixtures.accounts
        accounts.append(Account(id: Fixtures.id(9), name: "acme robotics inc."))
        let state = Fixtures.state(accounts)
        #expect(state.duplicateNames == ["acme robotics inc."] || state.duplicateNames == ["Acme Robotics Inc."])
        #expect(RootView.render(state, theme: BuiltInThemes.standard).0.text.contains("More than one account is called"))
    }

    @Test func compactAmountsPickTheUnitAfterRounding() {
        #expect(ValueFormat.compactAmount(9_999, currency: "EUR") == "€9,999")
        #expect(ValueFormat.compactAmount(120_400, currency: "EUR") == "€120k")
        #expect(ValueFormat.compactAmount(999_600, currency: "EUR") == "€1M")
        #expect(ValueFormat.compactAmount(1_250_000, currency: "USD") == "$1.3M")
        #expect(ValueFormat.compactAmount(999_999_999_999, currency: "EUR") == "€1T")
        #expect(ValueFormat.compactAmount(nil, currency: "EUR") == "—")
        #expect(ValueFormat.compactAmount(5_000, currency: "SEK") == "SEK 5,000")
    }

    /// At 70 columns the help wraps every description beside the keys' column, losing no word.
    @Test func theHelpWrapsLongDescriptionsWithoutLosingWords() {
        var state = Fixtures.state(width: 70, height: 24)
        state.modal = .help(scroll: 0)
        let width = ScreenLayout(size: state.screenSize).body.width - 4
        let lines = OverlayContent.lines(for: state).map(\.text)
        #expect(lines.allSatisfy { TextWidth.width(of: $0) <= width }, "\(lines.filter { TextWidth.width(of: $0) > width })")
        let words = lines.joined(separator: " ").split(separator: " ").joined(separator: " ")
        for binding in Keymap.standard.bindings {
            #expect(words.contains(binding.help.split(separator: " ").joined(separator: " ")), "\(binding.help)")
        }
    }

    /// A demo with an unreadable file at 120 columns: the warning keeps its sign and count, the folder gives way.
    @Test func theTitleBarKeepsItsWarningsBeforeTheFolder() {
        var state = Fixtures.state(width: 120, height: 30)
        state.isDemo = true
        state.location = "/tmp/account-workbook-demo-dQgEqkXYZ/with/a/long/path"
        state.problems = [StorageProblem(file: "accounts/x.json", message: "broken")]
        let title = RootView.render(state, theme: BuiltInThemes.standard).0.text.split(separator: "\n")[0]
        #expect(title.contains("DEMO") && title.contains("⚠ 1"), "\(title)")
        state.screenSize = Size(width: 200, height: 30)
        #expect(RootView.render(state, theme: BuiltInThemes.standard).0.text.contains("⚠ 1 unreadable file"))
    }

    @Test func theSortIsNamedInTheListTitle() {
        var state = Fixtures.state(width: 120, height: 30)
        state.sort = .nextMeeting
        state.refreshVisible()
        let text = RootView.render(state, theme: BuiltInThemes.standard).0.text
        #expect(text.contains("Accounts (5) · by next meeting"))
        let header = text.split(separator: "\n").first { $0.contains("Name") } ?? ""
        #expect(header.contains("Next meeting ▲"), "the compact list shows the column it is sorted by")
        #expect(!header.contains("Stage") && !header.contains("Value"), "and no other: \(header)")
    }

    @Test func exportFindsAnAccountWithoutItsAccents() throws {
        let found = try WorkbookExport.select(Fixtures.accounts, named: "muller & sohne gmbh").get()
        #expect(found.map(\.id) == [Fixtures.id(1)])
    }
}
