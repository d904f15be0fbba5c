import WorkbookModel

/// The `id` every element of an array in a workbook file carries, and the check that no id is used
/// twice in one array: merges match elements by id, so a duplicate would be merged wrongly.
enum ElementIdentity {
    /// The element's `id`, well-formed as a file-name-safe id.
    static func id(_ reader: inout ObjectFieldReader) throws(FileFormatError) -> EntityID {
        let text = try reader.requiredString("id")
        guard AccountID.isWellFormed(text) else {
            throw reader.error("id", "\"\(text)\" is not a valid id (1 to 64 characters: a-z, 0-9, '-' and '_')")
        }
        return EntityID(text)
    }

    /// Duplicate ids are an error (merges match elements by id); unread members are kept; the result is sorted by id.
    static func unique<T>(
        _ name: String, _ reader: ObjectFieldReader, _ entries: [(value: T, unknown: [String: JSONValue])],
        id: (T) -> EntityID, keep: (inout T, [String: JSONValue]) -> Void
    ) throws(FileFormatError) -> [T] {
        var seen: [EntityID: Int] = [:]
        var result: [T] = []
        for (index, entry) in entries.enumerated() {
            var value = entry.value
            if let first = seen.updateValue(index, forKey: id(value)) {
                throw reader.error("\(name)[\(index)] (id \"\(id(value))\").id", "used twice (also by \(name)[\(first)])")
            }
            keep(&value, entry.unknown)
            result.append(value)
        }
        return result.sorted { id($0) < id($1) }
    }
}
