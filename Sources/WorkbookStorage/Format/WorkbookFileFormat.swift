import WorkbookModel

/// `workbook.json`: format version, owner and settings; unknown keys are kept and written back.
///
/// Unknown keys inside `settings` are kept under `unknownFields["settings"]` (an object) and
/// merged back on writing, so a newer build's settings survive too.
public enum WorkbookFileFormat {
    public static let fileName = "workbook.json"

    static let knownKeys: Set<String> = ["formatVersion", "owner", "settings"]

    public static func encode(_ settings: WorkbookSettings) -> [UInt8] {
        CanonicalJSON.encode(jsonValue(settings))
    }

    public static func jsonValue(_ settings: WorkbookSettings) -> JSONValue {
        var members = settings.unknownFields.filter { !knownKeys.contains($0.key) }
        members["formatVersion"] = .integer(FormatVersion.current)
        members["owner"] = .string(settings.owner)
        var nested = settings.unknownFields["settings"]?.objectValue ?? [:]
        nested["currency"] = .string(settings.currency)
        ThresholdsFormat.write(settings, into: &nested)
        ReviewSettingsFormat.write(settings.review, into: &nested)
        members["settings"] = .object(nested)
        return .object(members)
    }

    public static func decode(_ bytes: [UInt8]) throws(FileFormatError) -> WorkbookSettings {
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            throw FileFormatError(error.description)
        }
        return try decode(document)
    }

    /// `owner` and `settings.currency` may be missing (hand-made files): they default to "" and EUR.
    public static func decode(_ document: JSONValue) throws(FileFormatError) -> WorkbookSettings {
        var reader = try ObjectFieldReader(document: FormatMigrations.upgrade(document, with: FormatMigrations.workbook))
        try reader.formatVersion()
        let owner = try reader.optionalString("owner")
        let nested = try reader.optionalObject("settings") { (settings: inout ObjectFieldReader) throws(FileFormatError) in
            (try settings.stringIfPresent("currency") ?? "EUR", try ThresholdsFormat.read(&settings), try ReviewSettingsFormat.read(&settings))
        }
        var unknown = reader.remaining
        if let nested, !nested.unknown.isEmpty {
            unknown["settings"] = .object(nested.unknown)
        }
        let thresholds = nested?.value.1 ?? (CommitmentThresholds(), InfluenceThresholds())
        var settings = WorkbookSettings(owner: owner, currency: nested?.value.0 ?? "EUR", checklistThresholds: thresholds.0,
                                        influenceThresholds: thresholds.1, unknownFields: unknown)
        settings.review = nested?.value.2 ?? ReviewSettings()
        return settings
    }
}
