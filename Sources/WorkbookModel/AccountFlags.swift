/// One red flag of an account as a review shows it: a stable key (so a later review can tell raised
/// from cleared), the rule that raised it, and the reason line.
public struct AccountFlag: Hashable, Sendable {
    /// Stable across days: day counts and ratings are left out of it, so "not contacted for 31 days"
    /// and "… 45 days" are the same flag.
    public var key: String
    /// `checklist.oneWay`, `checklist.overdue`, `checklist.idle`, or `map.` and the influence rule.
    public var rule: String
    public var text: String

    public init(key: String, rule: String, text: String) {
        self.key = key
        self.rule = rule
        self.text = text
    }

    /// The one-way signal and overdue commitments: the review says these under the commitment
    /// balance, not among the red flags it counts.
    public var isSaidUnderBalance: Bool { rule == "checklist.oneWay" || rule == "checklist.overdue" }

    /// True when the text carries a person's rating (hidden while presenting).
    public var mentionsRating: Bool {
        rule == "map." + InfluenceRule.negativeHighInfluence.rawValue || rule == "map." + InfluenceRule.receptivePositive.rawValue
    }
}

/// The neutral line that stands in for rating-based flags and strengths while ratings are hidden.
public enum RatingSignals {
    public static func hiddenLine(_ count: Int) -> String {
        "\(count) rating-based signal\(count == 1 ? "" : "s") hidden while presenting"
    }

    /// Rating-based flags and strengths of an account over all its objectives.
    public static func count(for account: Account, today: CalendarDate, settings: WorkbookSettings) -> Int {
        account.objectives.reduce(0) { total, objective in
            total + InfluenceRules.flags(for: account, objective: objective.id, today: today, thresholds: settings.influenceThresholds)
                .filter(\.rule.revealsRating).count
        }
    }
}

/// The red flags of a whole account, most pressing first: the one-way signal, overdue commitments,
/// commitments idle since signature, then each objective's influence-map flags (strengths left out).
public enum AccountFlags {
    /// At least one red flag that is not said under the commitment balance: what the review's
    /// "flagged accounts" walks.
    /// The same answer as looking through `redFlags` for one not said under the balance (a test
    /// compares them), without writing every flag's text: commitments idle since signature, or any
    /// red flag on the influence map.
    public static func isFlagged(_ account: Account, today: CalendarDate, settings: WorkbookSettings, mapHasRedFlags: Bool? = nil) -> Bool {
        if account.commitments.contains(where: { CommitmentRules.isIdleSinceSignature($0, account: account) }) { return true }
        return mapHasRedFlags ?? !HealthRules.mapRedFlags(account, today: today, settings: settings).isEmpty
    }

    public static func redFlags(for account: Account, today: CalendarDate, settings: WorkbookSettings) -> [AccountFlag] {
        var flags: [AccountFlag] = []
        let balance = CommitmentRules.balance(account.commitments, today: today, thresholds: settings.checklistThresholds)
        if let signal = balance.signal {
            let which = signal == .oneWayTheirs ? "theirs" : "ours"
            flags.append(AccountFlag(key: "checklist.oneWay." + which, rule: "checklist.oneWay", text: signal.headline))
        }
        let overdue = account.commitments.filter { CommitmentRules.isOverdue($0, today: today) }
            .sorted { ($0.due!, $0.id) < ($1.due!, $1.id) }
        for commitment in overdue {
            let days = commitment.due!.days(until: today)
            let side = commitment.side == .intention ? "ours" : "theirs"
            flags.append(AccountFlag(key: "checklist.overdue." + commitment.id.rawValue, rule: "checklist.overdue",
                                     text: "Overdue \(days) d (\(side)): \(commitment.text)"))
        }
        let idle = account.commitments.filter { CommitmentRules.isIdleSinceSignature($0, account: account) }.count
        if idle > 0 {
            flags.append(AccountFlag(key: "checklist.idle", rule: "checklist.idle",
                                     text: "\(idle) commitment\(idle == 1 ? "" : "s") idle since signature: don't switch off after the deal"))
        }
        let objectives = account.objectives.sorted { ($0.title, $0.id) < ($1.title, $1.id) }
        for objective in objectives {
            let prefix = objectives.count > 1 ? objective.title + ": " : ""
            var seen: [String: Int] = [:]
            for flag in InfluenceRules.flags(for: account, objective: objective.id, today: today, thresholds: settings.influenceThresholds)
            where !flag.isStrength {
                var key = "map.\(objective.id.rawValue).\(flag.rule.rawValue).\(flag.personID?.rawValue ?? "-").\(stableWords(flag.reason))"
                seen[key, default: 0] += 1
                if seen[key]! > 1 { key += ".\(seen[key]!)" }
                flags.append(AccountFlag(key: key, rule: "map." + flag.rule.rawValue, text: prefix + flag.reason))
            }
        }
        return flags
    }

    /// The words of a reason without its numbers, so a flag keeps its key as days pass or a rating moves.
    static func stableWords(_ text: String) -> String {
        var result = ""
        for character in text where !character.isNumber && character != "−" && character != "+" && character != "-" {
            result.append(character == " " ? "_" : character)
        }
        return result
    }
}
