/// Why a file's content is not a valid workbook file, naming the field at fault.
public struct FileFormatError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    /// Set when a newer build wrote the file: it is then kept as it is, never rewritten by this one.
    public var newerFormatVersion: Int?

    public init(_ message: String, newerFormatVersion: Int? = nil) {
        self.message = message
        self.newerFormatVersion = newerFormatVersion
    }

    public var description: String { message }

    /// "field \"stage\": expected …"; nested fields are named with dots, e.g. `archived.on`.
    static func field(_ name: String, _ problem: String) -> FileFormatError {
        FileFormatError("field \"\(name)\": \(problem)")
    }

    static func newerVersion(_ version: Int) -> FileFormatError {
        FileFormatError(
            "written by a newer version (format \(version)); this build reads up to \(FormatVersion.current) — opened read-only",
            newerFormatVersion: version
        )
    }
}

/// The on-disk format version this build reads and writes; both file kinds share it.
public enum FormatVersion {
    public static let current = 1
}
