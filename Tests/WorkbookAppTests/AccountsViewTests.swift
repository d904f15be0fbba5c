import Testing
import TerminalUI
import WorkbookModel
import WorkbookStorage
import WorkbookTestSupport
@testable import WorkbookApp

/// The compact view (the default: the details stay on the account shown until → shows another) and
/// the table view (`v`: columns, and the details follow the selection).
@Suite struct AccountsViewTests {
    @Test func movingLeavesTheDetailsOnTheAccountShownUntilTheyAreAskedFor() {
        var tester = ReducerTester(Fixtures.state(width: 120, height: 30))
        #expect(tester.state.accountsView == .compact)
        #expect(tester.state.shownID == Fixtures.id(3), "the first account is shown at the start")
        tester.send(.moveDown) { $0.selectedID = Fixtures.id(1) }
        tester.send(.moveDown) { $0.selectedID = Fixtures.id(4) }
        #expect(tester.state.detailsAccount?.id == Fixtures.id(3))
        tester.send(.showDetails) { $0.shownID = Fixtures.id(4) }
        #expect(tester.state.detailsAccount?.id == Fixtures.id(4))
    }

    @Test func theTableViewsDetailsFollowTheSelection() {
        var state = Fixtures.state(width: 120, height: 30)
        state.accountsView = .table
        var tester = ReducerTester(state)
        tester.send(.moveDown) { $0.selectedID = Fixtures.id(1) }
        #expect(tester.state.detailsAccount?.id == Fixtures.id(1))
    }

    @Test func switchingTheViewShowsTheSelectionAndIsRemembered() {
        var tester = ReducerTester(Fixtures.state(width: 120, height: 30))
        tester.send(.moveDown) { $0.selectedID = Fixtures.id(1) }
        tester.send(.switchAccountsView, effects: [.rememberView(.table)]) {
            $0.accountsView = .table
            $0.shownID = Fixtures.id(1)
            $0.message = StatusMessage("Table view: every column that fits, and the details follow the selection. v switches back.")
        }
        tester.send(.moveDown) { $0.selectedID = Fixtures.id(4) }
        tester.send(.switchAccountsView, effects: [.rememberView(.compact)]) {
            $0.accountsView = .compact
            $0.shownID = Fixtures.id(4)
            $0.message = StatusMessage("Compact view: names and health; → shows an account's details. v switches back.")
        }
    }

    /// A damaged view.json is never written over: the switch works for this session and says so.
    @Test func aViewThatCannotBeRememberedSwitchesForThisSessionOnly() {
        var state = Fixtures.state(width: 120, height: 30)
        state.canRememberView = false
        var tester = ReducerTester(state)
        tester.send(.switchAccountsView, effects: []) {
            $0.accountsView = .table
            $0.message = StatusMessage("Table view: every column that fits, and the details follow the selection. For this session only: view.json could not be read, and is left as it is.", kind: .warning)
        }
    }

    @Test func aViewFileThatCannotBeReadIsSaidOnTheStatusLineWithoutControlCharacters() {
        var state = Fixtures.state(width: 120, height: 30)
        state.useView(.table, unreadable: nil)
        #expect(state.accountsView == .table && state.canRememberView && state.message == nil)
        state.useView(.compact, unreadable: "~/.local/state/account-workbook/view.json: field \"accountsView\": expected \u{1B}[2J")
        #expect(state.accountsView == .compact && !state.canRememberView)
        #expect(state.message?.kind == .warning)
        #expect(state.message?.text.hasPrefix("~/.local/state/account-workbook/view.json: field") == true)
        #expect(state.message?.text.contains("\u{1B}") == false)
    }

    @Test func theKeysReachTheViewCommandsOrSayWhyNot() {
        var state = Fixtures.state(width: 120, height: 30)
        let keymap = Keymap.standard
        for key in [Key.right, .character("l"), .character(" ")] { #expect(keymap.resolve(key, in: state) == .command(.showDetails)) }
        #expect(keymap.resolve(.character("v"), in: state) == .command(.switchAccountsView))
        state.accountsView = .table
        guard case .rejected(let reason)? = keymap.resolve(.right, in: state) else { Issue.record("→ must be refused in the table view"); return }
        #expect(reason.contains("already follow"))
        state.isSlowLink = true
        #expect(keymap.resolve(.character("v"), in: state) == .rejected("Switch the view: --slow-link shows the list alone"))
        var narrow = Fixtures.state(width: 70, height: 24)
        narrow.accountsView = .compact
        guard case .rejected(let tooNarrow)? = keymap.resolve(.right, in: narrow) else { Issue.record("no details pane at 70 columns"); return }
        #expect(tooNarrow == "Show the selected account's details: no room for them below 72 columns")
    }

    @Test func theCompactViewListsNamesAndHealthBesideWideDetails() {
        var state = Fixtures.state(width: 120, height: 30)
        state.selectedID = Fixtures.id(1)
        let frame = RootView.render(state, theme: BuiltInThemes.standard).0
        let layout = ScreenLayout(size: state.screenSize, accounts: .compact)
        #expect(layout.list.width == 48 && layout.details.width == 72)
        let list = frame.text(in: layout.list), details = frame.text(in: layout.details)
        #expect(list.contains("▶✓ Müller & Söhne GmbH"), "\(list)")
        #expect(list.contains("›✓ Acme Robotics Inc."), "the account the details belong to is marked: \(list)")
        #expect(!list.contains("Stage") && !list.contains("€"), "no other column: \(list)")
        #expect(details.contains("Acme Robotics Inc."), "the account shown, not the selected one")
        #expect(details.contains("→ shows the selected account"))
        var table = state
        table.accountsView = .table
        let tableFrame = RootView.render(table, theme: BuiltInThemes.standard).0
        let tableLayout = ScreenLayout(size: state.screenSize, accounts: .table)
        #expect(tableFrame.text(in: tableLayout.list).contains("Stage"))
        #expect(tableFrame.text(in: tableLayout.details).contains("Müller & Söhne GmbH"))
        #expect(!tableFrame.text.contains("→ shows"))
    }

    @Test func anAccountDeletedWhileShownLeavesAPointerToTheSelection() {
        var state = Fixtures.state(width: 120, height: 30)
        state.accounts[Fixtures.id(3)]!.archived = ArchiveMark(on: Fixtures.today, by: "someone else")
        state.refreshVisible()
        #expect(state.detailsAccount == nil)
        let details = RootView.render(state, theme: BuiltInThemes.standard).0.text(in: ScreenLayout(size: state.screenSize, accounts: .compact).details)
        #expect(details.contains("No account shown: → shows the selected one."))
    }

    @Test func openingTheDemoKeepsThePersonsViewAndPresenting() {
        var state = Fixtures.state([], width: 120, height: 30)
        state.accountsView = .table
        state.canRememberView = false
        state.isPresenting = true
        var after = state
        _ = AppReducer.reduce(&after, .workbookOpened(Fixtures.workbook(), location: "/tmp/demo", isDemo: true), environment: ReducerEnvironment(newAccountID: { Fixtures.id(99) }))
        #expect(after.accountsView == .table && !after.canRememberView && after.isPresenting)
        #expect(after.shownID == after.selectedID && after.selectedID != nil)
    }

    /// The runtime hands the chosen view to storage, and says so when it cannot be kept.
    @Test(arguments: [true, false])
    func theRuntimeRemembersTheSwitchedView(writable: Bool) {
        struct Refused: Error, CustomStringConvertible { var description: String { "cannot write view.json: disk full (ENOSPC)" } }
        final class Remembered: @unchecked Sendable { var views: [AccountsView] = [] }
        let remembered = Remembered()
        let backend = ScriptedBackend(size: Size(width: 120, height: 30))
        let app = AppRuntime(state: Fixtures.state(width: 120, height: 30), store: InMemoryStore(Fixtures.workbook()), backend: backend,
                             theme: BuiltInThemes.standard, today: { Fixtures.today },
                             rememberView: { view in
                                 if !writable { throw Refused() }
                                 remembered.views.append(view)
                             })
        app.handle(.key(.character("v")))
        #expect(app.state.accountsView == .table)
        if writable {
            #expect(remembered.views == [.table])
            #expect(app.state.message?.kind == .info)
        } else {
            #expect(app.state.message == StatusMessage("The view is not remembered for the next start: cannot write view.json: disk full (ENOSPC)", kind: .warning))
        }
    }
}
