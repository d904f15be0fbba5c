/// The standard first-meeting commitments a rep can adopt, one list per side.
///
/// The workbook keeps them in `commitment-templates.json`, which the user edits; `standard` only
/// seeds that file the first time.
public struct CommitmentTemplates: Hashable, Sendable {
    public var intentions: [String]
    public var expectations: [String]

    public init(intentions: [String], expectations: [String]) {
        self.intentions = intentions
        self.expectations = expectations
    }

    public func texts(for side: CommitmentSide) -> [String] { side == .intention ? intentions : expectations }

    public static let standard = CommitmentTemplates(
        intentions: [
            "Provide help",
            "Spend the time to truly understand the problem",
            "Give best advice and a fresh perspective",
            "Challenge their thinking",
            "Be an ambassador for their organisation",
            "Become the go-to person for an area of expertise",
            "Make sure they feel supported",
            "Maintain the relationship for years",
            "Regularly show that we care",
            "Help the business grow",
            "Help the business become more profitable",
        ],
        expectations: [
            "Transparency",
            "Access to key people",
            "Freedom to follow a trusted sales process",
            "Regular honest feedback",
            "Updates on changing business objectives",
            "Participation in their wider customer community",
            "Understanding of our goals too",
            "Understanding of our limits and constraints",
            "A shared view of the desired outcome",
            "Referrals",
        ])
}
