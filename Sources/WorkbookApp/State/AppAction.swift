import TerminalUI
import WorkbookModel
import WorkbookStorage

/// Everything that can change the state: commands from keys, and results from the runtime.
public enum AppAction: Equatable, Sendable {
    case command(Command)
    /// A key that is bound but cannot act now; the reason is shown.
    case rejected(String)
    case paste(String)
    case resized(Size)
    case dayChanged(CalendarDate)
    case saveSucceeded(AccountID)
    case saveFailed(AccountID, String)
    /// A different workbook was opened (the demo territory from the empty state).
    case workbookOpened(LoadedWorkbook, location: String, isDemo: Bool)
    case openFailed(String)
}

/// Work the reducer asks the runtime to do: the only way state reaches the disk or the terminal.
public enum Effect: Equatable, Sendable {
    case save(Account)
    case openDemo
    case suspend
    case quit
}

extension LoadedWorkbook: Equatable {
    public static func == (lhs: LoadedWorkbook, rhs: LoadedWorkbook) -> Bool {
        lhs.settings == rhs.settings && lhs.accounts == rhs.accounts && lhs.problems == rhs.problems
            && lhs.readOnlyReason == rhs.readOnlyReason
    }
}
