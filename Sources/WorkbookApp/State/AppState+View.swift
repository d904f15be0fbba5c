import TerminalUI
import WorkbookModel
import WorkbookStorage

/// The accounts view (compact or table) and the account its details pane shows.
extension AppState {
    /// How the accounts pane shares the screen between the list and the details.
    public var accountsShape: ScreenLayout.AccountsShape {
        // An empty workbook's welcome needs the width more than an empty details pane does.
        isSlowLink ? .listOnly : accountsView == .compact && liveCount > 0 ? .compact : .table
    }
    /// The account the details pane shows: the selected one in the table view, the one last shown
    /// in the compact view; nil when that one was deleted meanwhile.
    public var detailsAccount: Account? {
        guard let id = accountsView == .compact ? shownID : selectedID, let account = accounts[id], !account.isArchived else { return nil }
        return account
    }
    /// Puts the selected account in the compact view's details pane (an account acted on is shown).
    public mutating func showSelected() { shownID = selectedID }

    /// Takes the person's accounts view (from `view.json`); when that file could not be read, says
    /// so on the status line, and the view switches for this session only.
    public mutating func useView(_ view: AccountsView, unreadable problem: String?) {
        accountsView = view
        canRememberView = problem == nil
        if let problem { message = StatusMessage(TextWidth.sanitized(problem), kind: .warning) }
    }
}
