import Foundation
import WorkbookModel

/// Strict RFC 8259 parser from UTF-8 bytes to `JSONValue`, with line-and-column error messages.
///
/// Numbers keep their literal text so an untouched file re-encodes to the same bytes. Duplicate
/// keys are errors (JSON leaves them undefined, and silently keeping one would lose data), and so
/// is nesting deeper than `maximumDepth`, so a hostile file cannot exhaust the stack.
public enum JSONParser {
    public static let defaultMaximumDepth = 256

    public static func parse(_ bytes: [UInt8], maximumDepth: Int = defaultMaximumDepth) throws(JSONParseError) -> JSONValue {
        let outcome: Result<JSONValue, JSONParseError> = bytes.withUnsafeBufferPointer { buffer in
            parse(buffer: buffer, maximumDepth: maximumDepth)
        }
        return try outcome.get()
    }

    /// A file's bytes as JSON, a syntax error becoming the file's format error (with its line and column).
    static func parseFile(_ bytes: [UInt8]) throws(FileFormatError) -> JSONValue {
        do {
            return try parse(bytes)
        } catch {
            throw FileFormatError(error.description)
        }
    }

    public static func parse(_ data: Data, maximumDepth: Int = defaultMaximumDepth) throws(JSONParseError) -> JSONValue {
        let outcome: Result<JSONValue, JSONParseError> = data.withUnsafeBytes { raw in
            parse(buffer: raw.bindMemory(to: UInt8.self), maximumDepth: maximumDepth)
        }
        return try outcome.get()
    }

    public static func parse(_ text: String, maximumDepth: Int = defaultMaximumDepth) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8), maximumDepth: maximumDepth)
    }

    static func parse(buffer: UnsafeBufferPointer<UInt8>, maximumDepth: Int) -> Result<JSONValue, JSONParseError> {
        var parser = JSONByteParser(bytes: buffer, maximumDepth: maximumDepth)
        do {
            return .success(try parser.parseDocument())
        } catch {
            let (line, column) = position(of: error.offset, in: buffer)
            return .failure(JSONParseError(line: line, column: column, message: error.message))
        }
    }

    /// Line and column of a byte offset, worked out only when there is an error to report.
    static func position(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        let end = min(offset, bytes.count)
        var line = 1
        var lineStart = 0
        for index in 0..<end where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        var column = 1
        for index in lineStart..<end where !UTF8Scanning.isContinuation(bytes[index]) {
            column += 1
        }
        return (line, column)
    }
}

/// A parse failure before its position is turned into a line and column.
struct JSONSyntaxFailure: Error {
    var offset: Int
    var message: String
}

/// The recursive-descent worker; it reads the bytes in place and builds strings from byte slices.
struct JSONByteParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let count: Int
    let maximumDepth: Int
    var index = 0
    var depth = 0
    /// Reused for strings with escapes, so that only those pay for a copy.
    var scratch: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.bytes = bytes
        self.count = bytes.count
        self.maximumDepth = maximumDepth
    }

    mutating func parseDocument() throws(JSONSyntaxFailure) -> JSONValue {
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            throw JSONSyntaxFailure(offset: 0, message: "the file starts with a byte order mark (BOM), which JSON does not allow; save it as UTF-8 without BOM")
        }
        skipWhitespace()
        if index >= count {
            throw JSONSyntaxFailure(offset: index, message: count == 0 ? "the file is empty: expected a JSON value" : "expected a JSON value, found the end of the file")
        }
        let value = try parseValue()
        skipWhitespace()
        if index < count {
            throw failure(expected: "the end of the file after the JSON value")
        }
        return value
    }

    // MARK: Values

    mutating func parseValue() throws(JSONSyntaxFailure) -> JSONValue {
        guard index < count else { throw failure(expected: "a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        default: throw failure(expected: "a value")
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxFailure) {
        let length = literal.utf8CodeUnitCount
        let matches = index + length <= count && (0..<length).allSatisfy { bytes[index + $0] == literal.utf8Start[$0] }
        guard matches else {
            // Point at the first byte that differs, which is where an editor shows the typo.
            var offset = 0
            while index + offset < count, offset < length, bytes[index + offset] == literal.utf8Start[offset] { offset += 1 }
            index += offset
            throw failure(expected: "'\(literal)'")
        }
        index += length
    }

    mutating func enterContainer() throws(JSONSyntaxFailure) {
        depth += 1
        if depth > maximumDepth {
            throw JSONSyntaxFailure(offset: index, message: "nesting deeper than \(maximumDepth) levels")
        }
    }

    mutating func parseObject() throws(JSONSyntaxFailure) -> JSONValue {
        try enterContainer()
        index += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if index < count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(members)
        }
        var first = true
        while true {
            guard index < count, bytes[index] == UInt8(ascii: "\"") else {
                throw failure(expected: first ? "a string key or '}'" : "a string key after ','")
            }
            first = false
            let keyOffset = index
            let key = try parseString()
            skipWhitespace()
            guard index < count, bytes[index] == UInt8(ascii: ":") else {
                throw failure(expected: "':' after the key \(quoted(key))")
            }
            index += 1
            skipWhitespace()
            let value = try parseValue()
            // Swift compares keys by canonical equivalence, so "é" and "e\u{301}" collide here too;
            // either way one value would be lost, so both are reported.
            if members.updateValue(value, forKey: key) != nil {
                throw JSONSyntaxFailure(offset: keyOffset, message: "duplicate key \(quoted(key)) in one object")
            }
            skipWhitespace()
            guard index < count else { throw failure(expected: "',' or '}' after an object member") }
            let byte = bytes[index]
            if byte == UInt8(ascii: ",") {
                index += 1
                skipWhitespace()
            } else if byte == UInt8(ascii: "}") {
                index += 1
                depth -= 1
                return .object(members)
            } else {
                throw failure(expected: "',' or '}' after an object member")
            }
        }
    }

    mutating func parseArray() throws(JSONSyntaxFailure) -> JSONValue {
        try enterContainer()
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            guard index < count, isValueStart(bytes[index]) else {
                throw failure(expected: elements.isEmpty ? "a value or ']'" : "a value after ','")
            }
            elements.append(try parseValue())
            skipWhitespace()
            guard index < count else { throw failure(expected: "',' or ']' after an array element") }
            let byte = bytes[index]
            if byte == UInt8(ascii: ",") {
                index += 1
                skipWhitespace()
            } else if byte == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                return .array(elements)
            } else {
                throw failure(expected: "',' or ']' after an array element")
            }
        }
    }

    func isValueStart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "-"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            return true
        default:
            return false
        }
    }

    // MARK: Numbers

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as its literal text.
    mutating func parseNumber() throws(JSONSyntaxFailure) -> String {
        let start = index
        if bytes[index] == UInt8(ascii: "-") {
            index += 1
            guard index < count, isDigit(bytes[index]) else { throw failure(expected: "a digit after '-'") }
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < count, isDigit(bytes[index]) {
                throw JSONSyntaxFailure(offset: start, message: "numbers cannot have leading zeros")
            }
        } else {
            while index < count, isDigit(bytes[index]) { index += 1 }
        }
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < count, isDigit(bytes[index]) else { throw failure(expected: "a digit after '.'") }
            while index < count, isDigit(bytes[index]) { index += 1 }
        }
        if index < count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < count, isDigit(bytes[index]) else { throw failure(expected: "a digit in the exponent") }
            while index < count, isDigit(bytes[index]) { index += 1 }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    @inline(__always)
    func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    // MARK: Whitespace and errors

    @inline(__always)
    mutating func skipWhitespace() {
        while index < count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    func unterminatedString(at offset: Int) -> JSONSyntaxFailure {
        JSONSyntaxFailure(offset: offset, message: "the string starting here is not closed: expected '\"' before the end of the file")
    }

    func invalidUTF8(at offset: Int) -> JSONSyntaxFailure {
        JSONSyntaxFailure(offset: offset, message: "invalid UTF-8: byte 0x\(hex(UInt32(bytes[offset]), digits: 2)) is not part of a valid UTF-8 character; the file must be saved as UTF-8")
    }

    /// "expected X, found Y" at the current position; a byte that is not UTF-8 is reported as such.
    func failure(expected: String) -> JSONSyntaxFailure {
        guard index < count else {
            return JSONSyntaxFailure(offset: index, message: "expected \(expected), found the end of the file")
        }
        if bytes[index] >= 0x80, UTF8Scanning.sequenceLength(bytes, at: index) == 0 {
            return invalidUTF8(at: index)
        }
        return JSONSyntaxFailure(offset: index, message: "expected \(expected), found \(describeFound())")
    }

    func describeFound() -> String {
        let byte = bytes[index]
        switch byte {
        case 0x0A: return "a line break"
        case 0x0D: return "a carriage return"
        case 0x09: return "a tab"
        case 0..<0x20, 0x7F: return "control character U+\(hex(UInt32(byte), digits: 4))"
        default: return "'\(describeByte(at: index))'"
        }
    }

    /// The character at `offset` as text, decoding a whole UTF-8 sequence when there is one.
    func describeByte(at offset: Int) -> String {
        guard offset < count else { return "" }
        let length = max(1, UTF8Scanning.sequenceLength(bytes, at: offset))
        let end = min(count, offset + length)
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
    }

    func quoted(_ key: String) -> String {
        var text = "\""
        for scalar in key.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case _ where scalar.value < 0x20: text += "\\u\(hex(scalar.value, digits: 4))"
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }
}

/// Upper-case hexadecimal with leading zeros, for messages such as "U+000A" and "0xFF".
func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
}
