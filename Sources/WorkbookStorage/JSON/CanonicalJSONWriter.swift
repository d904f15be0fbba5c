import WorkbookModel

/// Writes `JSONValue` as the one canonical byte form, so that git diffs show only real changes.
///
/// UTF-8, LF, 2-space indent, `"key": value`, keys sorted by code point (UTF-8 byte order, which
/// unlike Swift's `String <` does not depend on Unicode normalization), one key or array element
/// per line, `[]` and `{}` for empty containers, and a trailing newline. Only `"`, `\` and control
/// characters are escaped: `/` and non-ASCII are written as they are, so names stay readable.
public enum CanonicalJSON {
    public static func encode(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(1024)
        write(value, level: 0, into: &output)
        output.append(0x0A)
        return output
    }

    /// True when `text` is a JSON number literal; `JSONValue.number` must always hold one.
    public static func isNumberLiteral(_ text: String) -> Bool {
        // Whitespace around the literal parses but changes the text, so it is rejected too.
        guard case .number(let parsed)? = try? JSONParser.parse(text) else { return false }
        return parsed == text
    }

    static func write(_ value: JSONValue, level: Int, into output: inout [UInt8]) {
        switch value {
        case .null:
            output.append(contentsOf: "null".utf8)
        case .bool(let flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let text):
            // A malformed literal can only come from code, never from a parsed file.
            assert(isNumberLiteral(text), "JSONValue.number holds \"\(text)\", which is not a JSON number")
            output.append(contentsOf: text.utf8)
        case .string(let text):
            writeString(text, into: &output)
        case .array(let elements):
            if elements.isEmpty {
                output.append(contentsOf: "[]".utf8)
                return
            }
            output.append(UInt8(ascii: "["))
            output.append(0x0A)
            for (offset, element) in elements.enumerated() {
                indent(level + 1, into: &output)
                write(element, level: level + 1, into: &output)
                if offset < elements.count - 1 { output.append(UInt8(ascii: ",")) }
                output.append(0x0A)
            }
            indent(level, into: &output)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty {
                output.append(contentsOf: "{}".utf8)
                return
            }
            output.append(UInt8(ascii: "{"))
            output.append(0x0A)
            let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (offset, member) in sorted.enumerated() {
                indent(level + 1, into: &output)
                writeString(member.key, into: &output)
                output.append(UInt8(ascii: ":"))
                output.append(UInt8(ascii: " "))
                write(member.value, level: level + 1, into: &output)
                if offset < sorted.count - 1 { output.append(UInt8(ascii: ",")) }
                output.append(0x0A)
            }
            indent(level, into: &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    @inline(__always)
    private static func indent(_ level: Int, into output: inout [UInt8]) {
        for _ in 0..<(level * 2) { output.append(UInt8(ascii: " ")) }
    }

    private static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "\\"))
            case 0x0A: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "n"))
            case 0x09: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "t"))
            case 0x0D: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "r"))
            case 0x08: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "b"))
            case 0x0C: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "f"))
            case 0..<0x20:
                output.append(contentsOf: "\\u00".utf8)
                output.append(hexDigit(byte >> 4))
                output.append(hexDigit(byte & 0x0F))
            default:
                output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Lower-case, as most JSON writers (and `jq`) do, so hand-edited files rarely differ.
    @inline(__always)
    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
