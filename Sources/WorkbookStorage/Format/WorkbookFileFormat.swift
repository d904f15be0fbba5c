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
        // Written only once there is one, so existing workbooks keep their bytes.
        nested["partnershipStatement"] = settings.partnershipStatement.isEmpty ? nil : .string(settings.partnershipStatement)
        ThresholdsFormat.write(settings, into: &nested)
        ReviewSettingsFormat.write(settings.review, into: &nested)
        members["settings"] = .object(nested)
        return .object(members)
    }

    public static func decode(_ bytes: [UInt8]) throws(FileFormatError) -> WorkbookSettings {
        let document = try JSONParser.parseFile(bytes)
        return try decode(document)
    }

    /// `owner` and `settings.currency` may be missing (hand-made files): they default to "" and EUR.
    public static func decode(_ document: JSONValue) throws(FileFormatError) -> WorkbookSettings {
        var reader = try ObjectFieldReader(document: FormatMigrations.upgrade(document, with: FormatMigrations.workbook))
        try reader.formatVersion()
        let owner = try reader.optionalString("owner")
        var settings = WorkbookSettings(owner: owner)
        let nested = try reader.optionalObject("settings") { (fields: inout ObjectFieldReader) throws(FileFormatError) in
            settings.currency = try fields.stringIfPresent("currency") ?? "EUR"
            settings.partnershipStatement = try fields.optionalString("partnershipStatement")
            try ThresholdsFormat.read(&fields, into: &settings)
            settings.review = try ReviewSettingsFormat.read(&fields)
        }
        settings.unknownFields = reader.remaining
        if let nested, !nested.unknown.isEmpty {
            settings.unknownFields["settings"] = .object(nested.unknown)
        }
        return settings
    }
}
