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
    /// A summary-only account was opened: its file, read in full (the runtime opens the selected account).
    case accountOpened(Account)
    /// A summary-only account's file could not be read when it was opened; it stays a summary.
    case accountNotOpened(AccountID, StorageProblem)
    /// The workbook turned out to be shared through git with the merge driver set up: sync works.
    case sharingFound
    /// Health and flags worked out again for summary-only accounts (for today, under the thresholds).
    case digestsWorkedOut([AccountID: AccountDigest])
    /// The list order with its keys, built in the background after an open from the list index.
    case listOrderCompleted(AccountListOrder)
    /// Files that changed on disk under the app (a git pull, an editor), as found by the runtime.
    case outsideChanges(OutsideChanges)
    /// A save refused because the file changed on disk since it was read.
    case saveConflict(AccountID)
    case warning(String)
    case info(String)
    /// Seconds passed on the review's current account, from the runtime's clock (the timer).
    case reviewClock(Int)
}

/// What the runtime found changed on disk: reloaded accounts, removed files, and accounts changed
/// both there and here (the local change is kept, unsaved, until the user chooses).
public struct OutsideChanges: Equatable, Sendable {
    public var reloaded: [Account] = []
    public var removed: [AccountID] = []
    public var conflicting: [AccountID] = []
    public var problems: [StorageProblem] = []

    public init(reloaded: [Account] = [], removed: [AccountID] = [], conflicting: [AccountID] = [], problems: [StorageProblem] = []) {
        self.reloaded = reloaded
        self.removed = removed
        self.conflicting = conflicting
        self.problems = problems
    }

    public var isEmpty: Bool { reloaded.isEmpty && removed.isEmpty && conflicting.isEmpty && problems.isEmpty }
}

/// Work the reducer asks the runtime to do: the only way state reaches the disk or the terminal.
public enum Effect: Equatable, Sendable {
    case save(Account)
    /// Copy the accounts' files aside before a change that removes something (archiving).
    case backup([AccountID], reason: String)
    /// Look for files changed on disk; `takeTheirs` also reloads accounts whose local change is pending.
    case refreshFromDisk(takeTheirs: Bool)
    /// Save these accounts over the versions that changed on disk (the user chose "keep mine").
    case overwrite([Account])
    /// Write `workbook.json` with these settings.
    case saveSettings(WorkbookSettings)
    /// Write a document for the user (the handover pack) to a file in the current folder.
    case writeExport(fileName: String, text: String)
    case openDemo
    /// Keep the accounts view the user switched to for the next start (`view.json`).
    case rememberView(AccountsView)
    /// `workbook sync` from the app: commit, pull (the merge driver merges), push; then reload.
    case sync
    /// Merge the files a stopped git merge left unmerged again from git's three stages; then reload.
    case repairFromGit
    case suspend
    case quit
}

extension LoadedWorkbook: Equatable {
    public static func == (lhs: LoadedWorkbook, rhs: LoadedWorkbook) -> Bool {
        lhs.settings == rhs.settings && lhs.accounts == rhs.accounts && lhs.problems == rhs.problems
            && lhs.readOnlyReason == rhs.readOnlyReason
    }
}
