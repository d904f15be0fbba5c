/// What `workbook.json` holds: who the workbook belongs to and workbook-wide settings.
public struct WorkbookSettings: Hashable, Sendable {
    public var owner: String
    /// ISO 4217 code shown beside values, e.g. "EUR".
    public var currency: String
    /// The thresholds of the checklist and influence-map rules (docs/RULES.md), editable in `workbook.json`.
    public var checklistThresholds: CommitmentThresholds
    public var influenceThresholds: InfluenceThresholds
    public var relationshipThresholds: RelationshipThresholds
    public var concentrationThresholds: ConcentrationThresholds
    /// The rep's own statement of what "partnership" means to us, shown when an account is set to partner.
    public var partnershipStatement: String
    /// Saved review lists and the fields hidden while presenting (`settings.review`).
    public var review = ReviewSettings()
    public var unknownFields: [String: JSONValue]

    public init(owner: String = "", currency: String = "EUR", checklistThresholds: CommitmentThresholds = .init(),
                influenceThresholds: InfluenceThresholds = .init(), relationshipThresholds: RelationshipThresholds = .init(),
                concentrationThresholds: ConcentrationThresholds = .init(), partnershipStatement: String = "",
                unknownFields: [String: JSONValue] = [:]) {
        self.owner = owner
        self.currency = currency
        self.checklistThresholds = checklistThresholds
        self.influenceThresholds = influenceThresholds
        self.relationshipThresholds = relationshipThresholds
        self.concentrationThresholds = concentrationThresholds
        self.partnershipStatement = partnershipStatement
        self.unknownFields = unknownFields
    }
}
