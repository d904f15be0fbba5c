/// One disagreement a git merge could not settle, kept in the file as data until someone chooses.
///
/// Stored in the top-level `conflicts` array of an account file (or `workbook.json`), sorted by id.
/// The id is derived from the kind and the path, so merging the same disagreement on two machines
/// gives the same record, and a later merge of the same field replaces it instead of adding another.
public struct MergeConflict: Hashable, Sendable, Identifiable {
    /// What kind of disagreement, as written in the file.
    public enum Kind: String, Sendable, CaseIterable {
        /// Both sides changed the same field to different values.
        case bothChanged = "both-changed"
        /// One side removed an element (or field) the other side changed.
        case removedAndChanged = "removed-and-changed"
        /// Both sides added the same id (or field) with different content.
        case addedTwice = "added-twice"
        /// The merged reporting lines form a loop that neither side had.
        case reportsToLoop = "reports-to-loop"
        /// One side removed an element the other side started to refer to.
        case missingReference = "missing-reference"
    }

    public var id: String
    /// The raw kind; an unknown kind (from a newer build) is kept and shown as a disagreement.
    public var kindName: String
    /// Where the value lives: object keys and, inside id-keyed arrays, element ids.
    public var path: [String]
    /// The two competing values; `null` stands for "removed" or "not there".
    public var values: [JSONValue]
    /// The value the file holds meanwhile.
    public var shown: JSONValue
    /// Members a newer build may add to a record, kept untouched.
    public var unknownFields: [String: JSONValue]

    public init(id: String, kindName: String, path: [String], values: [JSONValue], shown: JSONValue, unknownFields: [String: JSONValue] = [:]) {
        self.id = id
        self.kindName = kindName
        self.path = path
        self.values = values
        self.shown = shown
        self.unknownFields = unknownFields
    }

    public var kind: Kind? { Kind(rawValue: kindName) }

    static let knownKeys: Set<String> = ["id", "kind", "path", "values", "shown"]

    /// The record as it is written in the file.
    public var jsonValue: JSONValue {
        var members = unknownFields.filter { !Self.knownKeys.contains($0.key) }
        members["id"] = .string(id)
        members["kind"] = .string(kindName)
        members["path"] = .array(path.map(JSONValue.string))
        members["values"] = .array(values)
        members["shown"] = shown
        return .object(members)
    }

    /// Reads one record; nil when it lacks an id, a kind or a path (such a record is kept, not shown).
    public init?(json: JSONValue) {
        guard let members = json.objectValue, let id = members["id"]?.stringValue, let kind = members["kind"]?.stringValue,
              let pathValues = members["path"]?.arrayValue else { return nil }
        let path = pathValues.compactMap(\.stringValue)
        guard path.count == pathValues.count else { return nil }
        self.init(id: id, kindName: kind, path: path, values: members["values"]?.arrayValue ?? [], shown: members["shown"] ?? .null,
                  unknownFields: members.filter { !Self.knownKeys.contains($0.key) })
    }

    /// A stable id from the kind and the path (FNV-1a, 64 bits, 16 hex digits).
    public static func stableID(kind: String, path: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in ([kind] + path).joined(separator: "\u{0}").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

extension Account {
    /// The merge conflicts recorded in this account's file, sorted by id.
    ///
    /// They live in `unknownFields["conflicts"]`, so the account format, its readers and every build
    /// that predates conflicts keep them byte for byte; resolving one is an ordinary edit of this list.
    public var conflicts: [MergeConflict] {
        get { (unknownFields["conflicts"]?.arrayValue ?? []).compactMap(MergeConflict.init(json:)) }
        set {
            let unreadable = (unknownFields["conflicts"]?.arrayValue ?? []).filter { MergeConflict(json: $0) == nil }
            let records = newValue.sorted { $0.id < $1.id }.map(\.jsonValue) + unreadable
            unknownFields["conflicts"] = records.isEmpty ? nil : .array(records)
        }
    }
}
