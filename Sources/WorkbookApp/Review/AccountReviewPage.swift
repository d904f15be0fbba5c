import WorkbookModel

/// What one account's review screen says, worked out from the account and today's rules; the
/// view draws it and the review report writes it, so the two never disagree.
public struct AccountReviewPage: Equatable, Sendable {
    /// One of the next actions: an agreed action, a person's next step, or a promise of ours.
    public struct NextAction: Equatable, Sendable {
        public var text: String
        public var owner: String
        public var due: CalendarDate?
        public var isOverdue: Bool
        /// Where it comes from: "action", "next step", "promise".
        public var source: String
    }

    public var account: Account
    /// The objective the header and the roles are about: the one closing first (undated last).
    public var objective: SalesObjective?
    public var flags: [AccountFlag]
    /// Rating-based flags and strengths (all objectives): what presenting says as one neutral count.
    public var ratingSignals: Int
    public var balance: CommitmentBalance
    public var overdue: [Commitment]
    /// Who holds each of the four roles in the objective, in name order.
    public var roles: [(role: BuyingRole, people: [String])]
    /// Nil when the account was never reviewed: there is nothing to compare with.
    public var changes: [ReviewChange]?
    public var lastReview: ReviewRecord?
    /// Today's review mark, once the account has been marked reviewed today.
    public var reviewedToday: ReviewRecord?
    public var nextActions: [NextAction]
    /// Decisions taken since the last review (today's included).
    public var recentDecisions: [ReviewDecision]
    /// Decisions recorded at the last review itself: the room is reminded what it agreed then.
    public var decidedLastTime: [ReviewDecision]
    /// Agreed actions marked done or dropped since the last review (all closed ones at a first review).
    public var closedSinceLast: [ReviewAction]

    public static func == (lhs: AccountReviewPage, rhs: AccountReviewPage) -> Bool {
        lhs.account == rhs.account && lhs.flags == rhs.flags && lhs.changes == rhs.changes && lhs.nextActions == rhs.nextActions
            && lhs.roles.map(\.people) == rhs.roles.map(\.people) && lhs.recentDecisions == rhs.recentDecisions
            && lhs.decidedLastTime == rhs.decidedLastTime && lhs.closedSinceLast == rhs.closedSinceLast
    }

    public init(account: Account, today: CalendarDate, settings: WorkbookSettings, nextActionCount: Int = 3) {
        self.account = account
        let objective = account.objectives.min { CalendarDate.precedes($0.closeDate, $1.closeDate) ?? (($0.title, $0.id) < ($1.title, $1.id)) }
        self.objective = objective
        flags = AccountFlags.redFlags(for: account, today: today, settings: settings)
        ratingSignals = RatingSignals.count(for: account, today: today, settings: settings)
        balance = CommitmentRules.balance(account.commitments, today: today, thresholds: settings.checklistThresholds)
        overdue = account.commitments.filter { CommitmentRules.isOverdue($0, today: today) }.sorted { ($0.due!, $0.id) < ($1.due!, $1.id) }
        let holders = objective.map { InfluenceRules.roleHolders(for: account, objective: $0.id) } ?? [:]
        roles = BuyingRole.allCases.map { role in (role, (holders[role] ?? []).map(\.name)) }
        // Compared with the last review before today, so marking reviewed today does not wipe what changed.
        let baseline = account.reviewLog.records.last { $0.on < today }
        lastReview = baseline
        reviewedToday = account.reviewLog.records.last { $0.on == today }
        if let baseline {
            let now = ReviewSnapshot.capture(account, today: today, settings: settings)
            let titles = Dictionary(account.objectives.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
            changes = ReviewDifferences.between(baseline.snapshot, now, objectiveTitles: titles)
        } else {
            changes = nil
        }
        recentDecisions = account.reviewLog.decisions.filter { baseline == nil || $0.on > baseline!.on }
        decidedLastTime = baseline.map { last in account.reviewLog.decisions.filter { $0.on == last.on } } ?? []
        closedSinceLast = account.reviewLog.actions.filter { action in
            guard action.status != .open, let closed = action.closedOn else { return false }
            return baseline.map { closed > $0.on } ?? true
        }
        nextActions = Array(AccountReviewPage.actions(account, today: today).prefix(nextActionCount))
    }

    /// Agreed actions first (soonest due), then people's dated next steps, then our outstanding promises.
    static func actions(_ account: Account, today: CalendarDate) -> [NextAction] {
        var result = account.reviewLog.openActions.map {
            NextAction(text: $0.what, owner: $0.owner, due: $0.due, isOverdue: $0.isOverdue(today: today), source: "action")
        }
        let steps = account.people.filter { !$0.nextStep.trimmingWhitespace().isEmpty && $0.nextStepDate != nil }
            .sorted { ($0.nextStepDate!, $0.name) < ($1.nextStepDate!, $1.name) }
        result += steps.map {
            NextAction(text: "\($0.name): \($0.nextStep)", owner: account.owner, due: $0.nextStepDate,
                       isOverdue: $0.nextStepDate! < today, source: "next step")
        }
        let promises = account.commitments.filter { $0.side == .intention && $0.status.isOutstanding }
            .sorted { CalendarDate.precedes($0.due, $1.due) ?? ($0.id < $1.id) }
        result += promises.map {
            NextAction(text: $0.text, owner: $0.owner, due: $0.due, isOverdue: CommitmentRules.isOverdue($0, today: today), source: "promise")
        }
        return result
    }

    /// The red flags not already said under the balance (the one-way signal, overdue commitments).
    public var flagsBesidesBalance: [AccountFlag] {
        flags.filter { !$0.isSaidUnderBalance }
    }

    /// "ours 2/3 kept · theirs 1/2 met · 1 overdue", and the one-way warning when it applies.
    public var balanceLine: String {
        var parts = ["ours \(balance.oursKept)/\(balance.ours) kept", "theirs \(balance.theirsKept)/\(balance.theirs) met"]
        parts.append(balance.overdue == 0 ? "nothing overdue" : "\(balance.overdue) overdue")
        // A broken promise is worse than a late one: said here too, not only as a change.
        let broken = account.commitments.filter { $0.status == .broken }.count
        if broken > 0 { parts.append("\(broken) broken") }
        if let days = balance.daysSinceReview { parts.append("last checked \(days) d ago") }
        return parts.joined(separator: " · ")
    }
}
