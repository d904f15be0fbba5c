import Foundation
import WorkbookModel

/// Strings: UTF-8 validated as it is copied, escapes decoded, surrogate pairs joined.
extension JSONByteParser {
    // MARK: Strings

    mutating func parseString() throws(JSONSyntaxFailure) -> String {
        let quoteOffset = index
        index += 1
        let start = index
        // Fast path: no escapes, so the string is exactly the bytes between the quotes.
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            try advanceOverStringByte(byte)
        }
        guard index < count else { throw unterminatedString(at: quoteOffset) }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                try parseEscape()
                continue
            }
            let from = index
            try advanceOverStringByte(byte)
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from..<index]))
        }
        throw unterminatedString(at: quoteOffset)
    }

    /// Moves past one character of string content, checking control characters and UTF-8.
    @inline(__always)
    mutating func advanceOverStringByte(_ byte: UInt8) throws(JSONSyntaxFailure) {
        if byte < 0x20 {
            let name = byte == 0x0A ? "a line break" : byte == 0x09 ? "a tab" : "control character U+\(hex(UInt32(byte), digits: 4))"
            throw JSONSyntaxFailure(offset: index, message: "\(name) inside a string must be escaped (or the string is missing its closing '\"')")
        }
        if byte < 0x80 {
            index += 1
            return
        }
        let length = UTF8Scanning.sequenceLength(bytes, at: index)
        if length == 0 { throw invalidUTF8(at: index) }
        index += length
    }

    mutating func parseEscape() throws(JSONSyntaxFailure) {
        let escapeOffset = index
        index += 1
        guard index < count else { throw unterminatedString(at: escapeOffset) }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): scratch.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): scratch.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "/"): scratch.append(UInt8(ascii: "/"))
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            let unit = try parseHex4(escapeOffset: escapeOffset)
            var scalar = UInt32(unit)
            if (0xD800...0xDBFF).contains(unit) {
                // A high surrogate must be followed by an escaped low surrogate: together one character.
                guard index + 1 < count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw JSONSyntaxFailure(offset: escapeOffset, message: "unpaired surrogate \\u\(hex(UInt32(unit), digits: 4)): expected a low surrogate \\uDC00-\\uDFFF after it")
                }
                let lowOffset = index
                index += 2
                let low = try parseHex4(escapeOffset: lowOffset)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw JSONSyntaxFailure(offset: escapeOffset, message: "unpaired surrogate \\u\(hex(UInt32(unit), digits: 4)): expected a low surrogate \\uDC00-\\uDFFF after it")
                }
                scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(unit) {
                throw JSONSyntaxFailure(offset: escapeOffset, message: "unpaired surrogate \\u\(hex(UInt32(unit), digits: 4)): a low surrogate must follow a high one")
            }
            UTF8Scanning.append(scalar: scalar, to: &scratch)
        default:
            index -= 1
            throw JSONSyntaxFailure(offset: escapeOffset, message: "invalid escape '\\\(describeByte(at: index))': use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX")
        }
    }

    mutating func parseHex4(escapeOffset: Int) throws(JSONSyntaxFailure) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard index < count else { throw JSONSyntaxFailure(offset: escapeOffset, message: "expected 4 hex digits after \\u") }
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONSyntaxFailure(offset: escapeOffset, message: "expected 4 hex digits after \\u")
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }
}
