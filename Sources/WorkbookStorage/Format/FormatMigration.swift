import WorkbookModel

/// One step of the format's history: turns a document of version `from` into version `from + 1`.
///
/// Steps work on the raw JSON members, before any field is read, so unknown fields pass through
/// untouched. Reading applies every step from the file's version up to `FormatVersion.current`;
/// the file on disk is left as it is until its next save, which backs it up first
/// (`.backups/…`, reason "before rewriting … from format N").
public struct FormatMigration: Sendable {
    /// The version this step reads; it produces `from + 1`.
    public let from: Int
    /// What the step changes, for `docs/FORMAT.md` and messages.
    public let summary: String
    let transform: @Sendable (inout [String: JSONValue]) throws(FileFormatError) -> Void

    init(from: Int, summary: String, transform: @escaping @Sendable (inout [String: JSONValue]) throws(FileFormatError) -> Void) {
        self.from = from
        self.summary = summary
        self.transform = transform
    }
}

/// The migration steps of both file kinds, and the code that applies them.
public enum FormatMigrations {
    /// Account files (`accounts/<id>.json`).
    public static let account: [FormatMigration] = [
        FormatMigration(
            from: 0,
            summary: "version 0 is a file without a formatVersion key (hand-made, or written by a script); its fields are those of version 1, so the step only stamps formatVersion 1"
        ) { _ throws(FileFormatError) in },
    ]

    /// `workbook.json`.
    public static let workbook: [FormatMigration] = [
        FormatMigration(
            from: 0,
            summary: "version 0 is a workbook.json without a formatVersion key; its fields are those of version 1, so the step only stamps formatVersion 1"
        ) { _ throws(FileFormatError) in },
    ]

    /// The version a document says it has: 0 when `formatVersion` is missing or `null` (files from
    /// before versions existed); throws for a value that is not a non-negative integer.
    public static func storedVersion(of document: JSONValue) throws(FileFormatError) -> Int {
        guard case .object(let members) = document else {
            throw FileFormatError("expected a JSON object at the top level, found \(document.kindName)")
        }
        return try storedVersion(members)
    }

    static func storedVersion(_ members: [String: JSONValue]) throws(FileFormatError) -> Int {
        guard let value = members["formatVersion"] else { return 0 }
        switch value {
        case .null:
            return 0
        case .number(let text):
            guard let version = Int(text) else {
                throw FileFormatError.field("formatVersion", "expected an integer, found \(text)")
            }
            guard version >= 0 else {
                throw FileFormatError.field("formatVersion", "expected \(FormatVersion.current), found \(version)")
            }
            return version
        default:
            throw FileFormatError.field("formatVersion", "expected an integer, found \(value.kindName)")
        }
    }

    /// The document brought up to `FormatVersion.current` by `steps`. A newer document throws
    /// (`newerFormatVersion` set); a document that is not an object is returned as it is, so the
    /// reader reports it.
    public static func upgrade(_ document: JSONValue, with steps: [FormatMigration]) throws(FileFormatError) -> JSONValue {
        guard case .object(var members) = document else { return document }
        var version = try storedVersion(members)
        if version > FormatVersion.current { throw FileFormatError.newerVersion(version) }
        guard version < FormatVersion.current else { return document }
        while version < FormatVersion.current {
            guard let step = steps.first(where: { $0.from == version }) else {
                throw FileFormatError("format \(version) is too old for this build (no migration from it)")
            }
            try step.transform(&members)
            version += 1
            members["formatVersion"] = .integer(version)
        }
        return .object(members)
    }
}
