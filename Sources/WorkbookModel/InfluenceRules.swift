/// Thresholds of the influence-map rules (documented in docs/RULES.md), kept together for settings.
public struct InfluenceThresholds: Hashable, Sendable {
    /// A buying influence not contacted for this many days is a red flag.
    public var contactDays: Int
    /// A judgement not checked for this many days is a red flag.
    public var judgementDays: Int
    /// A coach counts as active when contacted within this many days.
    public var activeCoachDays: Int

    public init(contactDays: Int = 30, judgementDays: Int = 60, activeCoachDays: Int = 30) {
        self.contactDays = contactDays
        self.judgementDays = judgementDays
        self.activeCoachDays = activeCoachDays
    }
}

/// Which rule raised a flag; each has a test with positive and negative cases.
public enum InfluenceRule: String, CaseIterable, Sendable, Hashable {
    // Red flags.
    case noEconomicBuyer, roleUnfilled, noCoach, neverContacted, notContactedRecently, uncertainInformation, newInRole,
         complacentHighInfluence, negativeHighInfluence, noWinOrResult, notCovered, nextStepMissing, nextStepPast,
         judgementOnlyInferred, judgementNotChecked
    // Strengths.
    case receptivePositive, activeCoach

    public var isStrength: Bool { self == .receptivePositive || self == .activeCoach }
}

/// A red flag or a strength, with the reason line a person reads.
public struct InfluenceFlag: Hashable, Sendable {
    public var rule: InfluenceRule
    /// The person it is about, or nil for the objective as a whole (a role with no one in it).
    public var personID: EntityID?
    public var reason: String

    public init(rule: InfluenceRule, personID: EntityID?, reason: String) {
        self.rule = rule
        self.personID = personID
        self.reason = reason
    }

    public var isStrength: Bool { rule.isStrength }
}
