/// The thresholds of the checklist rules, kept together so settings can change them.
public struct CommitmentThresholds: Hashable, Sendable {
    /// An outstanding commitment not reviewed for this many days stands out.
    public var unreviewedDays: Int
    /// The one-way signal needs at least this many live commitments on each side.
    public var minimumPerSide: Int

    public init(unreviewedDays: Int = 30, minimumPerSide: Int = 2) {
        self.unreviewedDays = unreviewedDays
        self.minimumPerSide = minimumPerSide
    }
}

/// Reciprocity at a glance: what each side has delivered of what it committed to.
public struct CommitmentBalance: Hashable, Sendable {
    /// Live (not dropped) commitments per side.
    public var ours: Int
    public var theirs: Int
    public var oursKept: Int
    public var theirsKept: Int
    /// Broken, or outstanding past the due date.
    public var oursFailing: Int
    public var theirsFailing: Int
    public var overdue: Int
    /// Days since any commitment of the account was last reviewed; nil when never.
    public var daysSinceReview: Int?
    public var signal: ReciprocitySignal?
}

/// What the balance says when the effort runs one way, with the suggested next step.
public enum ReciprocitySignal: Hashable, Sendable {
    /// We keep our word and they do not keep theirs.
    case oneWayTheirs
    /// They keep their side and we are failing ours.
    case oneWayOurs

    public var headline: String {
        switch self {
        case .oneWayTheirs: return "One-way: we keep our promises, they are not keeping theirs."
        case .oneWayOurs: return "One-way: we are not keeping our promises."
        }
    }

    public var nextStep: String {
        switch self {
        case .oneWayTheirs: return "Have the brave conversation about what we asked — or walk away."
        case .oneWayOurs: return "Deliver or renegotiate what we promised before asking for more."
        }
    }
}

/// The rules of the commitment checklist (documented in docs/RULES.md).
public enum CommitmentRules {
    /// Outstanding and past its due date.
    public static func isOverdue(_ commitment: Commitment, today: CalendarDate) -> Bool {
        guard commitment.status.isOutstanding, let due = commitment.due else { return false }
        return due < today
    }

    /// Outstanding and not reviewed (nor made) within the threshold.
    public static func isLongUnreviewed(_ commitment: Commitment, today: CalendarDate, thresholds: CommitmentThresholds = .init()) -> Bool {
        guard commitment.status.isOutstanding else { return false }
        guard let last = commitment.lastReviewed ?? commitment.madeOn else { return true }
        return last.days(until: today) > thresholds.unreviewedDays
    }

    /// After the account was won (reliable supplier or partner), outstanding commitments with no
    /// activity since that day: the seller must not switch off after signature.
    public static func isIdleSinceSignature(_ commitment: Commitment, account: Account) -> Bool {
        guard account.stage.isWon, let signed = account.stageChangedOn, commitment.status.isOutstanding else { return false }
        guard let activity = commitment.lastActivity else { return true }
        return activity < signed
    }

    /// The balance of the account's commitments on `today`.
    ///
    /// One-way rule: with at least `minimumPerSide` live commitments on each side, the relationship
    /// is one-way when one side has kept at least half of its own while at least half of the other
    /// side's are broken or overdue.
    public static func balance(_ commitments: [Commitment], today: CalendarDate, thresholds: CommitmentThresholds = .init()) -> CommitmentBalance {
        let live = commitments.filter { $0.status != .dropped }
        let ours = live.filter { $0.side == .intention }
        let theirs = live.filter { $0.side == .expectation }
        func failing(_ items: [Commitment]) -> Int {
            items.filter { $0.status == .broken || isOverdue($0, today: today) }.count
        }
        let lastReview = commitments.compactMap(\.lastReviewed).max()
        var balance = CommitmentBalance(
            ours: ours.count, theirs: theirs.count,
            oursKept: ours.filter { $0.status == .kept }.count,
            theirsKept: theirs.filter { $0.status == .kept }.count,
            oursFailing: failing(ours), theirsFailing: failing(theirs),
            overdue: live.filter { isOverdue($0, today: today) }.count,
            daysSinceReview: lastReview.map { $0.days(until: today) },
            signal: nil)
        guard ours.count >= thresholds.minimumPerSide, theirs.count >= thresholds.minimumPerSide else { return balance }
        if balance.oursKept * 2 >= ours.count, balance.theirsFailing * 2 >= theirs.count {
            balance.signal = .oneWayTheirs
        } else if balance.theirsKept * 2 >= theirs.count, balance.oursFailing * 2 >= ours.count {
            balance.signal = .oneWayOurs
        }
        return balance
    }
}

extension RelationshipStage {
    /// Stages after signature, where delivery on promises matters most.
    public var isWon: Bool { self == .reliableSupplier || self == .partner }
}
