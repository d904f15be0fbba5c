/// What `workbook.json` holds: who the workbook belongs to and workbook-wide settings.
public struct WorkbookSettings: Hashable, Sendable {
    public var owner: String
    /// ISO 4217 code shown beside values, e.g. "EUR".
    public var currency: String
    /// The thresholds of the checklist and influence-map rules (docs/RULES.md), editable in `workbook.json`.
    public var checklistThresholds: CommitmentThresholds
    public var influenceThresholds: InfluenceThresholds
    /// Saved review lists and the fields hidden while presenting (`settings.review`).
    public var review = ReviewSettings()
    public var unknownFields: [String: JSONValue]

    public init(owner: String = "", currency: String = "EUR", checklistThresholds: CommitmentThresholds = .init(),
                influenceThresholds: InfluenceThresholds = .init(), unknownFields: [String: JSONValue] = [:]) {
        self.owner = owner
        self.currency = currency
        self.checklistThresholds = checklistThresholds
        self.influenceThresholds = influenceThresholds
        self.unknownFields = unknownFields
    }
}
