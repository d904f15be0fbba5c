/// What `workbook.json` holds: who the workbook belongs to and workbook-wide settings.
public struct WorkbookSettings: Hashable, Sendable {
    public var owner: String
    /// ISO 4217 code shown beside values, e.g. "EUR".
    public var currency: String
    public var unknownFields: [String: JSONValue]

    public init(owner: String = "", currency: String = "EUR", unknownFields: [String: JSONValue] = [:]) {
        self.owner = owner
        self.currency = currency
        self.unknownFields = unknownFields
    }
}
