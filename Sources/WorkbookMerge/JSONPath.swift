import WorkbookModel

/// Reads and writes a value by a conflict's path: object keys, and element ids inside id-keyed arrays.
public enum JSONPath {
    public static func value(at path: [String], in document: JSONValue) -> JSONValue? {
        guard let first = path.first else { return document }
        switch document {
        case .object(let members): return members[first].flatMap { value(at: Array(path.dropFirst()), in: $0) }
        case .array(let items):
            return items.first { element(of: $0, is: first) }.flatMap { value(at: Array(path.dropFirst()), in: $0) }
        default: return nil
        }
    }

    /// Sets (or, with nil or `null`, removes) the value at `path`; a missing element is added, keyed by the path.
    public static func set(_ newValue: JSONValue?, at path: [String], in document: inout JSONValue) {
        guard let first = path.first else {
            document = newValue ?? .null
            return
        }
        let rest = Array(path.dropFirst())
        let stored: JSONValue? = if case .null? = newValue { nil } else { newValue }
        switch document {
        case .object(var members):
            if rest.isEmpty {
                members[first] = stored
            } else {
                var child = members[first] ?? (rest.count == 1 && stored?.objectValue?["id"] != nil ? .array([]) : .object([:]))
                set(stored, at: rest, in: &child)
                members[first] = child
            }
            document = .object(members)
        case .array(var items):
            if let index = items.firstIndex(where: { element(of: $0, is: first) }) {
                if rest.isEmpty {
                    if let stored { items[index] = stored } else { items.remove(at: index) }
                } else {
                    set(stored, at: rest, in: &items[index])
                }
            } else if rest.isEmpty, let stored {
                items.append(stored)
                let key = ArrayShape.keyField(items) ?? "id"
                items.sort { ArrayShape.byteOrder($0.objectValue?[key]?.stringValue ?? "", $1.objectValue?[key]?.stringValue ?? "") }
            }
            document = .array(items)
        default:
            break
        }
    }

    private static func element(of value: JSONValue, is key: String) -> Bool {
        guard let members = value.objectValue else { return false }
        return members["id"]?.stringValue == key || (members["id"] == nil && members["by"]?.stringValue == key)
    }
}
