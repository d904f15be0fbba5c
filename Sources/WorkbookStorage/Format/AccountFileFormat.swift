import WorkbookModel

/// Account file format v1 (`accounts/<id>.json`): the mapping between `Account` and its canonical bytes.
///
/// String fields are always written, even when empty, so that filling one in later is a one-line
/// diff; optional values (`annualValue`, `nextMeeting`, `archived`) are omitted when absent.
/// Keys this build does not know are kept in `unknownFields` and written back. Unknown keys inside
/// `archived` are kept under `unknownFields["archived"]` (an object) and merged back while the
/// account stays archived.
public enum AccountFileFormat {
    /// The keys this build reads; everything else is an unknown field.
    static let knownKeys = Set<String>([
        "formatVersion", "id", "name", "industry", "stage", "annualValue", "nextMeeting", "owner", "notes", "archived",
        "stageChangedOn", "firstMeeting", "commitments", "objectives", "people", "influences",
        // Team reviews (ReviewFormat).
        "reviews", "decisions", "actions",
    ]).union(RelationshipFormat.accountKeys)

    /// The file name of an account, e.g. `3f2a9c01d4e5b678.json`.
    public static func fileName(for id: AccountID) -> String { id.rawValue + ".json" }

    /// The canonical bytes of the account's file; `workbook export --format json` reuses them.
    public static func encode(_ account: Account) -> [UInt8] {
        CanonicalJSON.encode(jsonValue(account))
    }

    public static func jsonValue(_ account: Account) -> JSONValue {
        var members = account.unknownFields.filter { !knownKeys.contains($0.key) }
        members["formatVersion"] = .integer(FormatVersion.current)
        members["id"] = .string(account.id.rawValue)
        members["name"] = .string(account.name)
        members["industry"] = .string(account.industry)
        members["stage"] = .string(account.stage.rawValue)
        members["owner"] = .string(account.owner)
        members["notes"] = .string(account.notes)
        if let value = account.annualValue { members["annualValue"] = .integer(value) }
        if let date = account.nextMeeting { members["nextMeeting"] = .string(date.iso) }
        if let date = account.stageChangedOn { members["stageChangedOn"] = .string(date.iso) }
        if let date = account.firstMeeting { members["firstMeeting"] = .string(date.iso) }
        // Files written before the checklist existed have no array; one is added only when there is something in it.
        if !account.commitments.isEmpty { members["commitments"] = CommitmentFormat.jsonValue(account.commitments) }
        InfluenceMapFormat.write(account, into: &members)
        RelationshipFormat.write(account, into: &members)
        ReviewFormat.write(account.reviewLog, into: &members)
        if let mark = account.archived {
            var archived = account.unknownFields["archived"]?.objectValue ?? [:]
            archived["by"] = .string(mark.by)
            archived["on"] = .string(mark.on.iso)
            members["archived"] = .object(archived)
        }
        return .object(members)
    }

    /// Reads an account file; `fileName` (e.g. `ab12.json`) must then match the id inside.
    public static func decode(_ bytes: [UInt8], fileName: String? = nil) throws(FileFormatError) -> Account {
        let document = try JSONParser.parseFile(bytes)
        return try decode(document, fileName: fileName)
    }

    public static func decode(_ document: JSONValue, fileName: String? = nil) throws(FileFormatError) -> Account {
        var reader = try ObjectFieldReader(document: FormatMigrations.upgrade(document, with: FormatMigrations.account))
        try reader.formatVersion()
        let idText = try reader.requiredString("id")
        guard AccountID.isWellFormed(idText) else {
            throw FileFormatError.field("id", "\"\(idText)\" is not a valid id (1 to 64 characters: a-z, 0-9, '-' and '_')")
        }
        if let fileName, fileName != idText + ".json" {
            throw FileFormatError("the file's id \"\(idText)\" does not match its file name \"\(fileName)\"")
        }
        let name = try reader.requiredString("name")
        let industry = try reader.optionalString("industry")
        let stage = try reader.requiredEnum("stage", RelationshipStage.self)
        let annualValue = try reader.optionalInteger("annualValue")
        let nextMeeting = try reader.optionalDate("nextMeeting")
        let owner = try reader.optionalString("owner")
        let notes = try reader.optionalString("notes")
        let stageChangedOn = try reader.optionalDate("stageChangedOn")
        let firstMeeting = try reader.optionalDate("firstMeeting")
        let commitments = try CommitmentFormat.decode(&reader)
        let map = try InfluenceMapFormat.read(&reader)
        let relationship = try RelationshipFormat.read(&reader)
        let reviewLog = try ReviewFormat.read(&reader)
        let archived = try reader.optionalObject("archived") { (nested: inout ObjectFieldReader) throws(FileFormatError) in
            ArchiveMark(on: try nested.requiredDate("on"), by: try nested.requiredString("by"))
        }
        var unknown = reader.remaining
        if let archived, !archived.unknown.isEmpty {
            unknown["archived"] = .object(archived.unknown)
        }
        var account = Account(
            id: AccountID(idText),
            name: name,
            industry: industry,
            stage: stage,
            annualValue: annualValue,
            nextMeeting: nextMeeting,
            owner: owner,
            notes: notes,
            stageChangedOn: stageChangedOn,
            firstMeeting: firstMeeting,
            commitments: commitments,
            objectives: map.objectives,
            people: map.people,
            influences: map.influences,
            stageChangeReason: relationship.stageChangeReason,
            segment: relationship.segment,
            partnership: relationship.partnership,
            productLines: relationship.productLines,
            journal: relationship.journal,
            ownerHistory: relationship.ownerHistory,
            archived: archived?.value,
            unknownFields: unknown
        )
        account.reviewLog = reviewLog
        return account
    }
}
