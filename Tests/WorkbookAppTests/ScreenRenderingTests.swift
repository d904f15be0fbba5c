import Testing
import TerminalUI
import WorkbookModel
import WorkbookTestSupport
@testable import WorkbookApp

/// Rendered-screen goldens: the whole screen as text at several sizes.
@Suite struct ScreenRenderingTests {
    let goldens = Golden.directory(besides: #filePath)
    let theme = BuiltInThemes.standard

    func screen(_ state: AppState) -> Buffer { RootView.render(state, theme: theme).0 }

    @Test(arguments: [(80, 24), (160, 48)])
    func accountListWithWideNames(width: Int, height: Int) {
        Golden.assertMatches(screen(Fixtures.state(width: width, height: height)), named: "accounts-\(width)x\(height)", in: goldens)
    }

    /// While a big workbook is read for the first time, the screen says what is happening, and a
    /// folder name cannot send control characters to the terminal.
    @Test func theOpeningScreenNamesTheFolder() {
        let text = OpeningView.render(location: "~/work\u{1B}[2J/wb", size: Size(width: 80, height: 24), theme: theme).text
        #expect(text.contains("Account Workbook"))
        #expect(text.contains("Opening ~/work"))
        #expect(!text.contains("\u{1B}"))
    }

    @Test func emptyWorkbookWelcomesAndSaysWhichKeyAdds() {
        let state = Fixtures.state([], width: 80, height: 24)
        let text = screen(state).text
        #expect(text.contains("No accounts yet."))
        #expect(text.contains("Press a to add your first account"))
        #expect(text.contains("d to open a demo territory"))
        Golden.assertMatches(screen(state), named: "empty-80x24", in: goldens)
    }

    @Test func addFormAt80x24() {
        var state = Fixtures.state()
        var form = AccountForm.new(ownedBy: "Dana Wu")
        form.state.edit(.insert("Ærø Fiskeri 🐟"))
        form.state.errors["annualValue"] = "\u{201C}lots\u{201D} is not a whole amount: write 120000, 120,000, 120k or 1.5m."
        state.modal = .form(form)
        let (buffer, cursor) = RootView.render(state, theme: theme)
        Golden.assertMatches(buffer, named: "form-add-80x24", in: goldens)
        #expect(cursor != nil, "the focused text field shows the cursor")
    }

    @Test func deleteConfirmation() {
        var state = Fixtures.state()
        state.modal = .confirmDelete(Fixtures.id(3))
        let text = screen(state).text
        #expect(text.contains("Delete \u{201C}Acme Robotics Inc.\u{201D}?"))
        Golden.assertMatches(screen(state), named: "confirm-delete-80x24", in: goldens)
    }

    @Test func helpOverlayListsEveryBindingOfTheKeymap() {
        var state = Fixtures.state(width: 120, height: 60)
        state.modal = .help(scroll: 0)
        let lines = OverlayContent.lines(for: state).map(\.text).joined(separator: "\n")
        for binding in Keymap.standard.bindings {
            #expect(lines.contains(binding.help.prefix(40)), "help lists \(binding.help)")
        }
        let screen = screen(state).text
        #expect(screen.contains("Accounts pane"), "the pane the user came from is listed first")
        #expect(screen.contains("j/↓"))
    }

    @Test func hintBarComesFromTheKeymap() {
        let state = Fixtures.state(width: 160, height: 48)
        let bottom = screen(state).textLines().last ?? ""
        for (binding, _) in Keymap.standard.hints(for: state) {
            #expect(bottom.contains(binding.hint!), "hint bar shows \(binding.hint!)")
        }
    }

    @Test func tooSmallTerminalAsksToEnlargeAndZeroSizeDoesNotCrash() {
        let small = screen(Fixtures.state(width: 40, height: 12)).text
        #expect(small.contains("Enlarge the terminal"))
        #expect(small.contains("40×12"))
        _ = screen(Fixtures.state(width: 0, height: 0))
        _ = screen(Fixtures.state(width: 1, height: 1))
    }

    @Test func controlCharactersInStoredTextNeverReachTheGrid() {
        var hostile = Fixtures.accounts[0]
        hostile.name = "Evil\u{1B}[2J\u{07}Corp"
        hostile.notes = "line\u{1B}]0;owned\u{07}\u{9B}31m"
        var state = Fixtures.state([hostile])
        state.selectedID = hostile.id
        let buffer = screen(state)
        for cell in buffer.cells {
            for scalar in cell.grapheme.unicodeScalars {
                #expect(scalar.value >= 0x20 && scalar.value != 0x7F && !(0x80...0x9F).contains(scalar.value))
            }
        }
        #expect(buffer.text.contains("Evil␛[2J␇Corp"))
    }

    @Test func overdueMeetingIsMarkedWithoutColourToo() {
        var state = Fixtures.state()
        state.selectedID = Fixtures.id(2)
        state.showSelected()
        let text = RootView.render(state, theme: BuiltInThemes.mono).0.text
        #expect(text.contains("Next meeting ! 2026-11-20"))
        #expect(text.contains("(5\u{00A0}days\u{00A0}ago)"))
        var wide = state
        wide.screenSize = Size(width: 160, height: 48)
        wide.accountsView = .table
        #expect(RootView.render(wide, theme: BuiltInThemes.mono).0.text.contains("€640k ! 2026-11-20"), "the list marks it too")
    }
}
