import WorkbookModel

/// Reads typed fields out of a JSON object with messages that name the field, and hands back
/// the members it did not read so they can be kept as unknown fields.
struct ObjectFieldReader {
    private var members: [String: JSONValue]
    /// Prefix for nested objects, e.g. "archived.", so messages name `archived.on`.
    private let path: String

    init(_ members: [String: JSONValue], path: String = "") {
        self.members = members
        self.path = path
    }

    /// Reads the top-level value of a file, which must be an object.
    init(document: JSONValue) throws(FileFormatError) {
        guard case .object(let members) = document else {
            throw FileFormatError("expected a JSON object at the top level, found \(document.kindName)")
        }
        self.init(members)
    }

    /// The members not read so far: what a newer build wrote and this one keeps untouched.
    var remaining: [String: JSONValue] { members }

    private func name(_ key: String) -> String { path + key }

    /// A member as it is, without reading it.
    func peek(_ key: String) -> JSONValue? { members[key] }

    /// Takes a member; JSON `null` counts as absent for optional fields.
    private mutating func take(_ key: String) -> JSONValue? {
        guard let value = members.removeValue(forKey: key) else { return nil }
        if case .null = value { return nil }
        return value
    }

    /// Checks `formatVersion` first, so a newer file is reported as newer, not as malformed.
    mutating func formatVersion() throws(FileFormatError) {
        let version = try requiredInteger("formatVersion")
        if version > FormatVersion.current { throw FileFormatError.newerVersion(version) }
        if version < 1 { throw FileFormatError.field(name("formatVersion"), "expected \(FormatVersion.current), found \(version)") }
    }

    mutating func requiredString(_ key: String) throws(FileFormatError) -> String {
        guard let value = take(key) else { throw FileFormatError.field(name(key), "missing") }
        return try string(value, key)
    }

    /// Missing is the empty string: the writer always writes string keys, so this only helps hand edits.
    mutating func optionalString(_ key: String) throws(FileFormatError) -> String {
        guard let value = take(key) else { return "" }
        return try string(value, key)
    }

    /// Missing stays nil, for fields whose default is not the empty string.
    mutating func stringIfPresent(_ key: String) throws(FileFormatError) -> String? {
        guard let value = take(key) else { return nil }
        return try string(value, key)
    }

    private func string(_ value: JSONValue, _ key: String) throws(FileFormatError) -> String {
        guard case .string(let text) = value else {
            throw FileFormatError.field(name(key), "expected a string, found \(value.kindName)")
        }
        return text
    }

    mutating func requiredInteger(_ key: String) throws(FileFormatError) -> Int {
        guard let value = take(key) else { throw FileFormatError.field(name(key), "missing") }
        return try integer(value, key)
    }

    mutating func optionalInteger(_ key: String) throws(FileFormatError) -> Int? {
        guard let value = take(key) else { return nil }
        return try integer(value, key)
    }

    private func integer(_ value: JSONValue, _ key: String) throws(FileFormatError) -> Int {
        guard case .number(let text) = value else {
            throw FileFormatError.field(name(key), "expected an integer, found \(value.kindName)")
        }
        guard let number = Int(text) else {
            let isWhole = !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
            throw FileFormatError.field(name(key), isWhole ? "the integer \(text) is too large" : "expected an integer, found \(text)")
        }
        return number
    }

    mutating func requiredDate(_ key: String) throws(FileFormatError) -> CalendarDate {
        guard let value = take(key) else { throw FileFormatError.field(name(key), "missing") }
        return try date(value, key)
    }

    mutating func optionalDate(_ key: String) throws(FileFormatError) -> CalendarDate? {
        guard let value = take(key) else { return nil }
        return try date(value, key)
    }

    private func date(_ value: JSONValue, _ key: String) throws(FileFormatError) -> CalendarDate {
        guard case .string(let text) = value else {
            throw FileFormatError.field(name(key), "expected a date \"YYYY-MM-DD\", found \(value.kindName)")
        }
        guard let date = CalendarDate(iso: text) else {
            throw FileFormatError.field(name(key), "expected a date \"YYYY-MM-DD\", found \"\(text)\"")
        }
        return date
    }

    mutating func requiredEnum<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) throws(FileFormatError) -> E where E.RawValue == String {
        let text = try requiredString(key)
        guard let result = E(rawValue: text) else {
            let choices = E.allCases.map(\.rawValue).joined(separator: ", ")
            throw FileFormatError.field(name(key), "expected one of \(choices), found \"\(text)\"")
        }
        return result
    }

    /// An enum value that may be absent (JSON `null` too); a wrong value names the choices.
    mutating func enumIfPresent<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) throws(FileFormatError) -> E? where E.RawValue == String {
        guard let text = try stringIfPresent(key) else { return nil }
        return try enumValue(text, key, E.self)
    }

    /// A sorted set of enum values, e.g. `"roles": ["coach", "user"]`; missing is empty.
    mutating func enumList<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) throws(FileFormatError) -> [E] where E.RawValue == String {
        var values: [E] = []
        for text in try stringList(key) { values.append(try enumValue(text, key, E.self)) }
        return values
    }

    private func enumValue<E: RawRepresentable & CaseIterable>(_ text: String, _ key: String, _ type: E.Type) throws(FileFormatError) -> E where E.RawValue == String {
        guard let result = E(rawValue: text) else {
            let choices = E.allCases.map(\.rawValue).joined(separator: ", ")
            throw FileFormatError.field(name(key), "expected one of \(choices), found \"\(text)\"")
        }
        return result
    }

    /// An error about `key` in this object, named with the object's path like the reader's own messages.
    func error(_ key: String, _ problem: String) -> FileFormatError {
        FileFormatError.field(name(key), problem)
    }

    /// A nested object, read by `body`; its unread members come back for keeping.
    mutating func optionalObject<T>(
        _ key: String,
        _ body: (inout ObjectFieldReader) throws(FileFormatError) -> T
    ) throws(FileFormatError) -> (value: T, unknown: [String: JSONValue])? {
        guard let value = take(key) else { return nil }
        guard case .object(let members) = value else {
            throw FileFormatError.field(name(key), "expected an object, found \(value.kindName)")
        }
        var nested = ObjectFieldReader(members, path: name(key) + ".")
        let result = try body(&nested)
        return (result, nested.remaining)
    }

    /// An array of strings (a sorted set in the file); missing is empty.
    mutating func stringList(_ key: String) throws(FileFormatError) -> [String] {
        guard let value = take(key) else { return [] }
        guard case .array(let elements) = value else {
            throw FileFormatError.field(name(key), "expected an array of strings, found \(value.kindName)")
        }
        var strings: [String] = []
        for element in elements {
            guard case .string(let text) = element else {
                throw FileFormatError.field(name(key), "expected strings, found \(element.kindName)")
            }
            strings.append(text)
        }
        return strings
    }

    /// `true` or `false`; missing is false.
    mutating func optionalBool(_ key: String) throws(FileFormatError) -> Bool {
        guard let value = take(key) else { return false }
        guard case .bool(let flag) = value else {
            throw FileFormatError.field(name(key), "expected true or false, found \(value.kindName)")
        }
        return flag
    }

    /// An array of objects, each read by `body` with its unread members; missing is empty.
    /// Messages name the element by position and, when it has one, by id: `commitments[2] (id "ab").text`.
    mutating func objectArray<T>(
        _ key: String,
        _ body: (inout ObjectFieldReader) throws(FileFormatError) -> T
    ) throws(FileFormatError) -> [(value: T, unknown: [String: JSONValue])] {
        guard let value = take(key) else { return [] }
        guard case .array(let elements) = value else {
            throw FileFormatError.field(name(key), "expected an array, found \(value.kindName)")
        }
        var results: [(value: T, unknown: [String: JSONValue])] = []
        for (index, element) in elements.enumerated() {
            guard case .object(let members) = element else {
                throw FileFormatError.field("\(name(key))[\(index)]", "expected an object, found \(element.kindName)")
            }
            let label = members["id"]?.stringValue.map { "\(name(key))[\(index)] (id \"\($0)\")." } ?? "\(name(key))[\(index)]."
            var nested = ObjectFieldReader(members, path: label)
            results.append((try body(&nested), nested.remaining))
        }
        return results
    }
}
