import TerminalUI
import WorkbookModel
import WorkbookStorage

/// The panes of the workbook, in `Tab` order; `1`…`5` jump to them.
public enum Pane: Int, CaseIterable, Sendable {
    case accounts = 1, checklist, influenceMap, book, relationship

    /// The tab's name where the full title does not fit.
    public var shortTitle: String {
        switch self {
        case .influenceMap: return "Map"
        case .relationship: return "Relation"
        default: return title
        }
    }

    public var title: String {
        switch self {
        case .accounts: return "Accounts"
        case .checklist: return "Checklist"
        case .influenceMap: return "Influence map"
        case .book: return "Book"
        case .relationship: return "Relationship"
        }
    }
}

/// How the account list is ordered; `s` cycles through them.
public enum AccountSort: String, CaseIterable, Sendable {
    case name, value, nextMeeting, stage, health

    public var title: String {
        switch self {
        case .name: return "name"
        case .value: return "value"
        case .nextMeeting: return "next meeting"
        case .stage: return "stage"
        case .health: return "health (worst first)"
        }
    }

    public var next: AccountSort {
        let all = AccountSort.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

/// A one-line message for the status line; errors stay until dismissed or resolved.
public struct StatusMessage: Equatable, Sendable {
    public enum Kind: Sendable { case info, warning, error }
    public var text: String
    public var kind: Kind

    public init(_ text: String, kind: Kind = .info) {
        self.text = text
        self.kind = kind
    }
}

/// One undoable change to one account: the account before (nil when it was added) and after.
public struct AccountChange: Equatable, Sendable {
    public var before: Account?
    public var after: Account
    /// What the change was, for "Undid: …" messages.
    public var label: String
}

/// A layer shown above the panes that takes the keys until it closes.
public enum Modal: Equatable, Sendable {
    case form(EditorForm)
    case confirmDelete(AccountID)
    /// Quitting while some changes could not be saved.
    case confirmQuit
    case confirmDeleteCommitment(AccountID, CommitmentID)
    /// Esc on a form with changes: discard them, or go back to the form.
    case confirmDiscard(EditorForm)
    /// Ctrl-L with accounts changed both here and on disk: take theirs, or keep mine.
    case resolveConflicts
    case templates(TemplatePicker)
    case review(ReviewWalk)
    case personPicker(PersonPicker)
    case confirmDeletePerson(AccountID, EntityID)
    /// Removing a milestone, product line or journal entry from the relationship pane.
    case confirmDeleteItem(AccountID, RelationshipItem)
    case help(scroll: Int)
    /// The account review's page in full, every list uncut (Enter in the review).
    case reviewDetails(scroll: Int)
    case problems(scroll: Int)
    /// The selected account's merge conflicts (recorded by git's merge driver), to keep a value or type one.
    case mergeConflicts(MergeConflictList)
}

/// Everything the screen shows and the keys act on; changed only by `AppReducer`.
public struct AppState: Equatable, Sendable {
    public var settings: WorkbookSettings
    /// The person at the keyboard: default owner of new accounts, and who archived an account.
    public var userName: String
    /// Every account read, archived ones included, by id.
    public var accounts: [AccountID: Account]
    /// The live accounts that pass the filter, in sort order: derived, rebuilt by `refreshVisible()`.
    public private(set) var visible: [AccountID] = []
    public var selectedID: AccountID?
    /// First visible row of the account list.
    public var listTop: Int = 0
    public var sort: AccountSort = .name
    public var filter: String = ""
    public var isEditingFilter = false
    /// The filter being typed, with its cursor; `filter` follows it live.
    public var filterInput = TextInput()
    public var focus: Pane = .accounts
    /// The commitment selected in the checklist pane.
    public var checklistSelection: CommitmentID?
    /// The influence map's objective, selected person and view (tree or coverage grid).
    public var mapObjective: EntityID?
    public var mapSelection: EntityID?
    public var mapShowsCoverage = false
    /// The book pane: which dimension, whose book (nil: the whole workbook), and the selected slice.
    public var bookDimension: BookDimension = .customer
    public var bookOwner: String?
    public var bookSelection = 0
    /// The relationship pane's selected row, and the journal's kind filter (nil: every kind).
    public var relationshipSelection: RelationshipItem?
    public var journalFilter: JournalKind?
    /// The first-meeting commitments offered when starting a checklist, from the workbook's template file.
    public var templates: CommitmentTemplates = .standard
    public var modal: Modal?
    public var undoStack: [AccountChange] = []
    public var redoStack: [AccountChange] = []
    public var message: StatusMessage?
    /// Files that could not be read when the workbook opened.
    public var problems: [StorageProblem]
    /// Why nothing may be changed, or nil when the workbook is writable.
    public var readOnlyReason: String?
    /// Accounts changed in memory whose save failed; kept so a retry can save them.
    public var unsaved: Set<AccountID> = []
    /// Unsaved accounts whose file also changed on disk: the user chooses whose version wins.
    public var conflicts: Set<AccountID> = []
    public var today: CalendarDate
    public var screenSize: Size
    /// Where the workbook lives, shown in the title bar.
    public var location: String
    public var isDemo: Bool
    /// The workbook is a git clone with the merge driver set up: the sync key works.
    public var canSync = false
    public var shouldQuit = false
    /// Accounts known only by their summary (`Account.listSummary`) and digest: the details stay on
    /// disk until the account is opened (the runtime opens the selected one), so a workbook of
    /// 100,000 accounts does not hold 100,000 accounts' details. Empty after a full `load()`.
    public var summaryOnly: Set<AccountID> = []
    /// What the list, the book and the review need of each summary-only account.
    public var digests: [AccountID: AccountDigest] = [:]
    /// True while the rule figures (health, flags) of summary-only accounts are worked out again
    /// (a new day, other thresholds): starting a review waits for them.
    public var isWorkingOutHealth = false
    /// The team lead's account review (`R`), when one is running: it takes the screen.
    public var accountReview: AccountReviewSession?
    /// Presenting to a room: sensitive fields are masked on screen (not in files or exports).
    public var isPresenting = false
    /// `--slow-link`: the list marks the selection with ▶ alone and takes the whole width (no
    /// detail pane), so a cursor move writes a few bytes instead of two highlighted rows and the
    /// selected account's details (mutt's `arrow_cursor`, for ssh over a slow link).
    public var isSlowLink = false
    /// How the accounts pane lists accounts (`v` switches): the user's choice, kept in `view.json`.
    public var accountsView: AccountsView = .compact
    /// The account in the compact view's details pane: the one last shown (→) or acted on, so a
    /// move through the list rewrites the two list rows and nothing else.
    public var shownID: AccountID?
    /// False when `view.json` could not be read: a switch of view then lasts for this session, and
    /// the damaged file is left as it is.
    public var canRememberView = true

    public init(
        workbook: LoadedWorkbook,
        today: CalendarDate,
        screenSize: Size = Size(width: 80, height: 24),
        location: String = "",
        readOnlyReason: String? = nil,
        isDemo: Bool = false,
        userName: String? = nil
    ) {
        settings = workbook.settings
        self.userName = userName ?? workbook.settings.owner
        var accounts: [AccountID: Account] = [:]
        var order: [AccountID] = []
        accounts.reserveCapacity(workbook.accounts.count)
        order.reserveCapacity(workbook.accounts.count)
        for account in workbook.accounts {
            // One look-up an account (an open hands over 100,000); the first of two with one id stays.
            if let first = accounts.updateValue(account, forKey: account.id) { accounts[account.id] = first } else { order.append(account.id) }
        }
        self.accounts = accounts
        problems = workbook.problems
        self.today = today
        self.screenSize = screenSize
        self.location = location
        self.readOnlyReason = readOnlyReason ?? workbook.readOnlyReason
        self.isDemo = isDemo
        summaryOnly = workbook.summaryOnly
        digests = workbook.digests
        // Only summaries have digests: their values say it without looking each account up.
        isWorkingOutHealth = !workbook.summaryOnly.isEmpty && workbook.digests.values.contains { $0.rules == nil }
        if workbook.listOrderTag == AccountListOrder.nameOrderTag, sort == .name, filter.isEmpty, order.count == workbook.accounts.count {
            // The list index's order, every file unchanged: the list shows before its keys are built.
            var live: [AccountID] = []
            live.reserveCapacity(order.count)
            for account in workbook.accounts where !account.isArchived { live.append(account.id) }
            listOrder = AccountListOrder(listing: live, allInOrder: order)
            visible = listOrder.ordered
        } else {
            refreshVisible(order: order)
        }
        selectedID = visible.first
        shownID = selectedID
    }

    public var liveAccounts: [Account] { accounts.values.filter { !$0.isArchived } }
    public var selectedAccount: Account? { selectedID.flatMap { accounts[$0] } }
    public var selectedIndex: Int? { selectedID.flatMap { listOrder.index(of: $0, in: visible) } }
    /// True when the account is listed (live, and passes the filter).
    public func isVisible(_ id: AccountID) -> Bool { listOrder.index(of: id, in: visible) != nil }

    /// Names shared by more than one live account (possible after a file is repaired or merged): shown as a warning.
    public private(set) var duplicateNames: [String] = []
    /// The live accounts in order with their folded keys: derived, kept up to date by `refreshVisible`.
    public private(set) var listOrder = AccountListOrder()
    /// How many accounts are live (not archived).
    public var liveCount: Int { listOrder.liveCount }

    /// Recomputes `visible` from the accounts, the filter and the sort, keeping the selection when it is still shown.
    /// `accountsChanged` false (a filter keystroke) skips the checks that depend only on the accounts.
    /// `order`: the accounts in the order they most likely sort in, when known (see `AccountListOrder.rebuild`).
    public mutating func refreshVisible(accountsChanged: Bool = true, order: [AccountID]? = nil) {
        if accountsChanged || listOrder.sort != sort { rebuildListOrder(order: order) }
        showFiltered()
    }

    /// The list order rebuilt for the sort from every account, and the names it finds used twice.
    private mutating func rebuildListOrder(order: [AccountID]? = nil) {
        // `visible` shares the order's storage while no filter is on: let go of it first.
        visible = []
        listOrder.rebuild(from: accounts, sort: sort, health: healthScore, order: order)
        duplicateNames = listOrder.duplicateNames(in: accounts)
    }

    /// `refreshVisible` when only these accounts changed (edited, added, removed): the same result,
    /// without folding and sorting the other accounts again.
    public mutating func refreshVisible(changed ids: some Sequence<AccountID>) {
        // `visible` shares the order's storage while no filter is on: let go of it first, or moving
        // one account in the order would copy all 100,000 ids.
        visible = []
        if listOrder.sort != sort {
            listOrder.rebuild(from: accounts, sort: sort, health: healthScore)
        } else {
            listOrder.update(ids, from: accounts, health: healthScore)
        }
        duplicateNames = listOrder.duplicateNames(in: accounts)
        showFiltered()
    }

    /// Health scores for the health sort, from a copy of what they depend on (so `listOrder` can change meanwhile).
    private var healthScore: (Account) -> Int? {
        let today = today, settings = settings, summaryOnly = summaryOnly, digests = digests
        return { account in
            summaryOnly.contains(account.id) ? digests[account.id]?.rules?.health ?? nil
                : HealthRules.health(account, today: today, settings: settings)?.score
        }
    }

    private mutating func showFiltered() {
        let matcher = FilterMatcher(query: filter)
        if !matcher.words.isEmpty, !listOrder.hasKeys { rebuildListOrder() }
        visible = listOrder.filtered(by: matcher)
        if selectedIndex != nil { return }
        selectedID = visible.first
    }

    /// The live accounts whose name has this name key (`AccountRules.nameKey`): all a name clash can be with.
    func liveAccounts(withNameKey key: String) -> [Account] {
        guard listOrder.hasKeys else {
            // Only in the moments before the keys are built: every name looked at once.
            return accounts.values.filter { !$0.isArchived && AccountRules.nameKey($0.name) == key }.sorted { $0.id < $1.id }
        }
        return listOrder.live(namedLike: key).compactMap { accounts[$0] }
    }

    /// Work that builds the list order's keys, when it has none yet (the runtime runs it in the background).
    public var listOrderCompletion: (@Sendable () -> AccountListOrder)? {
        guard !listOrder.hasKeys else { return nil }
        let order = listOrder, accounts = accounts
        return { order.completed(from: accounts) }
    }

    /// Takes in the list order with its keys, built from the accounts as they were: used only when
    /// the list is still the one it was built for (nothing has built the keys meanwhile).
    mutating func takeCompletedListOrder(_ completed: AccountListOrder) {
        guard !listOrder.hasKeys, completed.hasKeys, completed == listOrder else { return }
        listOrder = completed
        duplicateNames = listOrder.duplicateNames(in: accounts)
        showFiltered()
    }
}

extension AppState {
    /// Takes the workbook's commitment templates; a damaged template file is listed with the other problems.
    public mutating func useTemplates(from loaded: (templates: CommitmentTemplates, problem: StorageProblem?)) {
        templates = loaded.templates
        if let problem = loaded.problem { problems.append(problem) }
    }
}
