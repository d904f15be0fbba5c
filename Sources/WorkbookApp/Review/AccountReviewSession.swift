import WorkbookModel

/// Which accounts a review walks through.
public enum ReviewScope: Equatable, Sendable {
    case all
    case owner(String)
    case stage(RelationshipStage)
    /// Only accounts with at least one red flag today.
    case flagged
    /// A saved list from `settings.review.lists`, by name.
    case list(String)

    public var title: String {
        switch self {
        case .all: return "All accounts"
        case .owner(let name): return "Owner: \(name.isEmpty ? "(none)" : name)"
        case .stage(let stage): return "Type: \(stage.title)"
        case .flagged: return "Flagged accounts"
        case .list(let name): return "List: \(name)"
        }
    }

    /// The live accounts in this scope, in the account list's sort order (a saved list's too), so the
    /// walk visits them in the order the room sees in pane 1.
    public func accounts(in state: AppState) -> [AccountID] {
        let live = state.liveAccounts
        let chosen: [Account]
        switch self {
        case .all:
            chosen = live
        case .owner(let name):
            let key = AccountRules.nameKey(name)
            chosen = live.filter { AccountRules.nameKey($0.owner) == key }
        case .stage(let stage):
            chosen = live.filter { $0.stage == stage }
        case .flagged:
            // As the review screen counts them: overdue items and the one-way signal are said under the balance.
            chosen = live.filter(state.isFlagged)
        case .list(let name):
            let ids = Set(ReviewScope.savedList(named: name, in: state.settings.review)?.accounts ?? [])
            chosen = live.filter { ids.contains($0.id) }
        }
        return AccountOrdering.sorted(chosen, by: state.sort).map(\.id)
    }

    /// How many live accounts are in the scope, without sorting; nil for `flagged`, whose count
    /// needs every account's rules and is worked out only when the review starts.
    public func count(in state: AppState, owners: [String: Int]) -> Int? {
        switch self {
        case .all: return state.liveAccounts.count
        case .owner(let name): return owners[AccountRules.nameKey(name)] ?? 0
        case .stage(let stage): return state.liveAccounts.filter { $0.stage == stage }.count
        case .flagged: return nil
        case .list(let name):
            let ids = Set(ReviewScope.savedList(named: name, in: state.settings.review)?.accounts ?? [])
            return ids.filter { state.accounts[$0].map { !$0.isArchived } ?? false }.count
        }
    }

    /// The saved list with this name, matched as owners are (case and surrounding spaces ignored).
    public static func savedList(named name: String, in settings: ReviewSettings) -> ReviewList? {
        let key = AccountRules.nameKey(name)
        return settings.lists.first { $0.name == name } ?? settings.lists.first { AccountRules.nameKey($0.name) == key }
    }

    /// Live accounts per owner name key, in one pass.
    public static func ownerCounts(in state: AppState) -> [String: Int] {
        var counts: [String: Int] = [:]
        for account in state.accounts.values where !account.isArchived { counts[AccountRules.nameKey(account.owner), default: 0] += 1 }
        return counts
    }

    /// Every scope the workbook offers now: all, flagged, each owner, each type in use, each saved list.
    public static func choices(in state: AppState) -> [ReviewScope] {
        let live = state.liveAccounts
        var owners: [String: String] = [:]
        for account in live { owners[AccountRules.nameKey(account.owner)] = owners[AccountRules.nameKey(account.owner)] ?? account.owner }
        let ownerScopes = owners.values.sorted { $0.lowercased() < $1.lowercased() }.map(ReviewScope.owner)
        let stages = RelationshipStage.allCases.filter { stage in live.contains { $0.stage == stage } }.map(ReviewScope.stage)
        let lists = state.settings.review.lists.map { ReviewScope.list($0.name) }
        return [.all, .flagged] + ownerScopes + stages + lists
    }
}

/// A review in progress: the accounts chosen when it started, where the walk is, and the timer.
public struct AccountReviewSession: Equatable, Sendable {
    public var scope: ReviewScope
    /// Fixed when the review starts, so marking or editing an account does not reorder the walk.
    public var accounts: [AccountID]
    public var index: Int
    /// Minutes per account, or nil when the timer is off.
    public var timerMinutes: Int?
    /// Seconds spent on the current account, this visit and any earlier one.
    public var secondsOnAccount = 0
    /// Seconds spent on the accounts left behind, kept for when the walk comes back to one.
    public var secondsByAccount: [AccountID: Int] = [:]
    /// Seconds the timer has counted in the whole review: the meeting's length so far.
    public var totalSeconds = 0
    /// Accounts marked reviewed in this session, for the closing summary.
    public var markedReviewed: Set<AccountID> = []

    public init(scope: ReviewScope, accounts: [AccountID], index: Int = 0, timerMinutes: Int? = nil) {
        self.scope = scope
        self.accounts = accounts
        self.index = index
        self.timerMinutes = timerMinutes
    }

    public var currentID: AccountID? { accounts.indices.contains(index) ? accounts[index] : nil }

    /// "4 of 12".
    public var progress: String { "\(index + 1) of \(accounts.count)" }

    /// The timer choices `t` cycles through.
    public static let timerSteps: [Int?] = [nil, 2, 3, 5, 10]

    public var nextTimer: Int? {
        let steps = AccountReviewSession.timerSteps
        let position = steps.firstIndex(of: timerMinutes) ?? 0
        return steps[(position + 1) % steps.count]
    }

    /// Moves the walk to `target`, keeping the time spent on the account it leaves.
    public mutating func go(to target: Int) {
        if let id = currentID { secondsByAccount[id] = secondsOnAccount > 0 ? secondsOnAccount : nil }
        index = target
        secondsOnAccount = currentID.flatMap { secondsByAccount[$0] } ?? 0
    }

    static func clock(_ seconds: Int) -> String {
        let secs = seconds % 60
        return "\(seconds / 60):\(secs < 10 ? "0" : "")\(secs)"
    }

    /// "1:23 / 3:00", with "over by 0:12" once the time per account is used up.
    public var timerText: String? {
        guard let minutes = timerMinutes else { return nil }
        let budget = minutes * 60
        let clock = AccountReviewSession.clock
        if secondsOnAccount > budget { return "\(clock(secondsOnAccount)) / \(clock(budget)) — over by \(clock(secondsOnAccount - budget))" }
        return "\(clock(secondsOnAccount)) / \(clock(budget))"
    }

    /// "total 12:34": the whole review so far, while the timer runs.
    public var totalText: String? { timerMinutes == nil ? nil : "total \(AccountReviewSession.clock(totalSeconds))" }

    public var isOverTime: Bool { timerMinutes.map { secondsOnAccount > $0 * 60 } ?? false }
}
