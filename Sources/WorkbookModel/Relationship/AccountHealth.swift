/// How an account is doing, on one scale: what the list shows and sorts by.
public enum HealthLevel: Int, Comparable, Sendable, Hashable {
    case atRisk, watch, good

    public var title: String {
        switch self {
        case .atRisk: return "at risk"
        case .watch: return "watch"
        case .good: return "good"
        }
    }

    /// Shown beside the score so the level never depends on colour alone.
    public var marker: String {
        switch self {
        case .atRisk: return "✖"
        case .watch: return "▲"
        case .good: return "✓"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// An account's health: a score from 0 to 100 with the penalties that made it, worst first.
public struct AccountHealth: Hashable, Sendable {
    public var score: Int
    public var reasons: [String]

    public init(score: Int, reasons: [String]) {
        self.score = score
        self.reasons = reasons
    }

    public var level: HealthLevel { score >= HealthRules.goodFrom ? .good : score >= HealthRules.watchFrom ? .watch : .atRisk }
}

/// The health rule (docs/RULES.md): 100, less a penalty for each thing that is wrong.
public enum HealthRules {
    public static let goodFrom = 80
    public static let watchFrom = 50
    static let realityPenalty = 25, realityCap = 50
    static let unassessedPartnerPenalty = 10
    static let oneWayPenalty = 30
    static let overduePenalty = 10, overdueCap = 20
    static let flagPenalty = 5, flagCap = 30

    /// Nil for an archived or lost account: there is nothing left to keep healthy.
    /// `ignoringRatingFlags` leaves out the flags a rating's sign raises: while ratings are hidden on a
    /// shared screen, the score must not move with them.
    public static func health(_ account: Account, today: CalendarDate, settings: WorkbookSettings, ignoringRatingFlags: Bool = false) -> AccountHealth? {
        guard !account.isArchived, account.stage != .lost else { return nil }
        let flags = openRedFlags(account, today: today, settings: settings, ignoringRatingFlags: ignoringRatingFlags)
        return health(account, today: today, settings: settings, openRedFlags: flags)
    }

    /// The score as shown and the score while ratings are hidden (nil for an archived or lost
    /// account), from one pass over the influence map's rules; and whether the map raises any red flag.
    public static func scores(_ account: Account, today: CalendarDate, settings: WorkbookSettings)
        -> (shown: Int?, hidingRatings: Int?, mapHasRedFlags: Bool) {
        let flags = mapRedFlags(account, today: today, settings: settings)
        guard !account.isArchived, account.stage != .lost else { return (nil, nil, !flags.isEmpty) }
        let hiding = flags.filter { !$0.rule.revealsRating }.count
        return (health(account, today: today, settings: settings, openRedFlags: flags.count).score,
                health(account, today: today, settings: settings, openRedFlags: hiding).score, !flags.isEmpty)
    }

    private static func health(_ account: Account, today: CalendarDate, settings: WorkbookSettings, openRedFlags flags: Int) -> AccountHealth {
        var score = 100
        var reasons: [String] = []
        if let signal = RelationshipRules.realitySignal(account, thresholds: settings.relationshipThresholds) {
            let penalty = min(realityCap, signal.reasons.count * realityPenalty)
            score -= penalty
            reasons.append("−\(penalty) \(signal.headline)")
        } else if RelationshipRules.unassessed(account).contains(where: { $0 == .reward || $0 == .risk }) {
            // A partnership nobody has checked is a label, not a finding: it cannot score as healthy as a checked one.
            score -= unassessedPartnerPenalty
            reasons.append("−\(unassessedPartnerPenalty) called a partner, but reward and risk are not assessed both ways")
        }
        let balance = CommitmentRules.balance(account.commitments, today: today, thresholds: settings.checklistThresholds)
        if let signal = balance.signal {
            score -= oneWayPenalty
            reasons.append("−\(oneWayPenalty) \(signal.headline)")
        }
        if balance.overdue > 0 {
            let penalty = min(overdueCap, balance.overdue * overduePenalty)
            score -= penalty
            reasons.append("−\(penalty) \(balance.overdue) overdue commitment\(balance.overdue == 1 ? "" : "s")")
        }
        if flags > 0 {
            let penalty = min(flagCap, flags * flagPenalty)
            score -= penalty
            reasons.append("−\(penalty) \(flags) open red flag\(flags == 1 ? "" : "s") on the influence map")
        }
        return AccountHealth(score: max(0, score), reasons: reasons)
    }

    /// The influence map's red flags (not strengths) over all the account's sales objectives.
    static func mapRedFlags(_ account: Account, today: CalendarDate, settings: WorkbookSettings) -> [InfluenceFlag] {
        account.objectives.flatMap { objective in
            InfluenceRules.flags(for: account, objective: objective.id, today: today, thresholds: settings.influenceThresholds)
                .filter { !$0.isStrength }
        }
    }

    /// Red flags (not strengths) over all the account's sales objectives.
    public static func openRedFlags(_ account: Account, today: CalendarDate, settings: WorkbookSettings, ignoringRatingFlags: Bool = false) -> Int {
        mapRedFlags(account, today: today, settings: settings).filter { !(ignoringRatingFlags && $0.rule.revealsRating) }.count
    }
}
