/// Thresholds of the relationship rules (docs/RULES.md), editable in `workbook.json`.
public struct RelationshipThresholds: Hashable, Sendable {
    /// Two sides' scores of one element this far apart (or more) make it one-sided.
    public var oneSidedGap: Int

    public init(oneSidedGap: Int = 2) { self.oneSidedGap = oneSidedGap }
}

/// The label says "partner" but the reality does not: why, and what to aim for instead.
public struct PartnershipRealitySignal: Hashable, Sendable {
    /// One line per disagreement, e.g. "reward is one-sided: us +2, them −1".
    public var reasons: [String]

    public var headline: String { "Called a partnership, but " + reasons.joined(separator: "; ") + "." }
    public var suggestion: String {
        "Aim to be their reliable, highest-performing supplier instead — that is nothing to be ashamed of."
    }
}

/// The rules about what a relationship really is (docs/RULES.md).
public enum RelationshipRules {
    /// A score as people write it: +2, 0, −1.
    public static func scoreText(_ score: Int?) -> String {
        guard let score else { return "—" }
        return score > 0 ? "+\(score)" : score < 0 ? "\u{2212}\(-score)" : "0"
    }

    /// True when both sides of the element are scored and at least `gap` apart.
    public static func isOneSided(_ partnership: Partnership, _ element: PartnershipElement, thresholds: RelationshipThresholds = .init()) -> Bool {
        guard let ours = partnership.assessment(element, .ours).score, let theirs = partnership.assessment(element, .theirs).score else { return false }
        return abs(ours - theirs) >= thresholds.oneSidedGap
    }

    /// Called a partnership while reward or risk is one-sided, or while the customer means a better price.
    public static func realitySignal(_ account: Account, thresholds: RelationshipThresholds = .init()) -> PartnershipRealitySignal? {
        guard account.stage == .partner else { return nil }
        var reasons: [String] = []
        for element in [PartnershipElement.reward, .risk] where isOneSided(account.partnership, element, thresholds: thresholds) {
            let ours = scoreText(account.partnership.assessment(element, .ours).score)
            let theirs = scoreText(account.partnership.assessment(element, .theirs).score)
            reasons.append("\(element.rawValue) is one-sided (us \(ours), them \(theirs))")
        }
        if account.partnership.customerMeaning == .betterPricing {
            reasons.append("to the customer \u{201C}partnership\u{201D} means a better price")
        }
        return reasons.isEmpty ? nil : PartnershipRealitySignal(reasons: reasons)
    }

    /// The elements of a partner account that are not scored on both sides yet: the reality is unknown there.
    public static func unassessed(_ account: Account) -> [PartnershipElement] {
        guard account.stage == .partner else { return [] }
        return PartnershipElement.allCases.filter { element in
            PartnershipSide.allCases.contains { account.partnership.assessment(element, $0).score == nil }
        }
    }
}
