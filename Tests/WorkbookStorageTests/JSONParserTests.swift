import Foundation
import Testing
@testable import WorkbookStorage
import WorkbookModel

@Suite struct JSONParserTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONParser.parse(#"{"a": [1, -2.5e+3, 0, 1E-2], "b": {"c": null, "d": true, "e": false}, "f": "x"}"#)
        #expect(value == .object([
            "a": .array([.number("1"), .number("-2.5e+3"), .number("0"), .number("1E-2")]),
            "b": .object(["c": .null, "d": .bool(true), "e": .bool(false)]),
            "f": .string("x"),
        ]))
    }

    @Test func scalarsAtTheTopLevelAndSurroundingWhitespace() throws {
        #expect(try JSONParser.parse(" \t\r\n42 \n") == .number("42"))
        #expect(try JSONParser.parse("\"hi\"") == .string("hi"))
        #expect(try JSONParser.parse("null") == .null)
        #expect(try JSONParser.parse("[]") == .array([]))
        #expect(try JSONParser.parse("{}") == .object([:]))
    }

    @Test func numbersKeepTheirLiteralText() throws {
        #expect(try JSONParser.parse("1.50") == .number("1.50"))
        #expect(try JSONParser.parse("-0") == .number("-0"))
        #expect(try JSONParser.parse("123456789012345678901234567890") == .number("123456789012345678901234567890"))
    }

    @Test func parsesFromData() throws {
        #expect(try JSONParser.parse(Data("[true]".utf8)) == .array([.bool(true)]))
    }

    @Test func decodesEscapes() throws {
        let value = try JSONParser.parse(#""a\"b\\c\/d\b\f\n\r\t\u0041\u00e9\u20AC""#)
        #expect(value == .string("a\"b\\c/d\u{8}\u{C}\n\r\tAé€"))
    }

    @Test func decodesSurrogatePairs() throws {
        #expect(try JSONParser.parse(#""\ud83d\ude00""#) == .string("😀"))
        #expect(try JSONParser.parse(#""x\uD834\uDD1Ey""#) == .string("x𝄞y"))
    }

    @Test func keepsRawNonASCIIText() throws {
        let text = "Ünïcødé 東京 😀 e\u{301}"
        #expect(try JSONParser.parse("\"\(text)\"") == .string(text))
        // Decomposed text stays decomposed: the bytes come back as they were.
        guard case .string(let parsed) = try JSONParser.parse("\"e\u{301}\"") else { Issue.record("not a string"); return }
        #expect(Array(parsed.utf8) == [0x65, 0xCC, 0x81])
    }

    // MARK: Errors, with their positions

    @Test func missingCommaInAnObject() {
        let error = parseError("{\n  \"a\": 1\n  \"b\": 2\n}")
        #expect(error == JSONParseError(line: 3, column: 3, message: "expected ',' or '}' after an object member, found '\"'"))
        #expect(error?.description == "line 3, column 3: expected ',' or '}' after an object member, found '\"'")
    }

    @Test func objectErrors() {
        #expect(parseError("{") == JSONParseError(line: 1, column: 2, message: "expected a string key or '}', found the end of the file"))
        #expect(parseError("{a:1}") == JSONParseError(line: 1, column: 2, message: "expected a string key or '}', found 'a'"))
        #expect(parseError("{\"a\" 1}") == JSONParseError(line: 1, column: 6, message: "expected ':' after the key \"a\", found '1'"))
        #expect(parseError("{\"a\":1,}") == JSONParseError(line: 1, column: 8, message: "expected a string key after ',', found '}'"))
        #expect(parseError("{\"a\":}") == JSONParseError(line: 1, column: 6, message: "expected a value, found '}'"))
        #expect(parseError("{\"a\":1") == JSONParseError(line: 1, column: 7, message: "expected ',' or '}' after an object member, found the end of the file"))
    }

    @Test func arrayErrors() {
        #expect(parseError("[1 2]") == JSONParseError(line: 1, column: 4, message: "expected ',' or ']' after an array element, found '2'"))
        #expect(parseError("[1,]") == JSONParseError(line: 1, column: 4, message: "expected a value after ',', found ']'"))
        #expect(parseError("[,1]") == JSONParseError(line: 1, column: 2, message: "expected a value or ']', found ','"))
        #expect(parseError("[") == JSONParseError(line: 1, column: 2, message: "expected a value or ']', found the end of the file"))
    }

    @Test func documentErrors() {
        #expect(parseError("") == JSONParseError(line: 1, column: 1, message: "the file is empty: expected a JSON value"))
        #expect(parseError("  \n ") == JSONParseError(line: 2, column: 2, message: "expected a JSON value, found the end of the file"))
        #expect(parseError("{} {}") == JSONParseError(line: 1, column: 4, message: "expected the end of the file after the JSON value, found '{'"))
        #expect(parseError("'a'") == JSONParseError(line: 1, column: 1, message: "expected a value, found '''"))
        #expect(parseError("\u{FEFF}{}") == JSONParseError(line: 1, column: 1, message: "the file starts with a byte order mark (BOM), which JSON does not allow; save it as UTF-8 without BOM"))
    }

    @Test func literalErrorsPointAtTheTypo() {
        #expect(parseError("[tru]") == JSONParseError(line: 1, column: 5, message: "expected 'true', found ']'"))
        #expect(parseError("nul") == JSONParseError(line: 1, column: 4, message: "expected 'null', found the end of the file"))
        #expect(parseError("fals3") == JSONParseError(line: 1, column: 5, message: "expected 'false', found '3'"))
        #expect(parseError("True") == JSONParseError(line: 1, column: 1, message: "expected a value, found 'T'"))
    }

    @Test func numberErrors() {
        #expect(parseError("01") == JSONParseError(line: 1, column: 1, message: "numbers cannot have leading zeros"))
        #expect(parseError("-") == JSONParseError(line: 1, column: 2, message: "expected a digit after '-', found the end of the file"))
        #expect(parseError("-a") == JSONParseError(line: 1, column: 2, message: "expected a digit after '-', found 'a'"))
        #expect(parseError("1.") == JSONParseError(line: 1, column: 3, message: "expected a digit after '.', found the end of the file"))
        #expect(parseError("1.e5") == JSONParseError(line: 1, column: 3, message: "expected a digit after '.', found 'e'"))
        #expect(parseError("1e+") == JSONParseError(line: 1, column: 4, message: "expected a digit in the exponent, found the end of the file"))
        #expect(parseError("+1") == JSONParseError(line: 1, column: 1, message: "expected a value, found '+'"))
        #expect(parseError(".5") == JSONParseError(line: 1, column: 1, message: "expected a value, found '.'"))
    }

    @Test func stringErrors() {
        #expect(parseError("\"abc") == JSONParseError(line: 1, column: 1, message: "the string starting here is not closed: expected '\"' before the end of the file"))
        #expect(parseError("[\"ab\\n") == JSONParseError(line: 1, column: 2, message: "the string starting here is not closed: expected '\"' before the end of the file"))
        #expect(parseError("\"a\nb\"") == JSONParseError(line: 1, column: 3, message: "a line break inside a string must be escaped (or the string is missing its closing '\"')"))
        #expect(parseError("\"a\tb\"") == JSONParseError(line: 1, column: 3, message: "a tab inside a string must be escaped (or the string is missing its closing '\"')"))
        #expect(parseError("\"\u{1}\"") == JSONParseError(line: 1, column: 2, message: "control character U+0001 inside a string must be escaped (or the string is missing its closing '\"')"))
        #expect(parseError(#""a\x""#) == JSONParseError(line: 1, column: 3, message: #"invalid escape '\x': use \", \\, \/, \b, \f, \n, \r, \t or \uXXXX"#))
        #expect(parseError(#""\u12G4""#) == JSONParseError(line: 1, column: 2, message: #"expected 4 hex digits after \u"#))
        #expect(parseError(#""\u12"#) == JSONParseError(line: 1, column: 2, message: #"expected 4 hex digits after \u"#))
    }

    @Test func unpairedSurrogatesAreRejected() {
        #expect(parseError(#""\ud83d""#) == JSONParseError(line: 1, column: 2, message: #"unpaired surrogate \uD83D: expected a low surrogate \uDC00-\uDFFF after it"#))
        #expect(parseError(#""\ud83d\u0041""#) == JSONParseError(line: 1, column: 2, message: #"unpaired surrogate \uD83D: expected a low surrogate \uDC00-\uDFFF after it"#))
        #expect(parseError(#""ab\ude00""#) == JSONParseError(line: 1, column: 4, message: #"unpaired surrogate \uDE00: a low surrogate must follow a high one"#))
    }

    @Test func duplicateKeysNameTheKey() {
        #expect(parseError("{\"name\": 1,\n \"name\": 2}") == JSONParseError(line: 2, column: 2, message: "duplicate key \"name\" in one object"))
        // Swift treats canonically equivalent keys as equal, so one value would be lost: reported too.
        #expect(parseError("{\"é\": 1, \"e\u{301}\": 2}")?.message.hasPrefix("duplicate key") == true)
        // Nested objects have their own keys: the same key in two objects is fine.
        #expect(parseError(#"{"a": {"x": 1}, "b": {"x": 2}}"#) == nil)
    }

    @Test func nestingIsLimited() {
        let ok = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        #expect(parseError(ok) == nil)
        let deep = String(repeating: "[", count: 257) + String(repeating: "]", count: 257)
        #expect(parseError(deep) == JSONParseError(line: 1, column: 257, message: "nesting deeper than 256 levels"))
        let deepObjects = String(repeating: "{\"a\":", count: 300) + "1" + String(repeating: "}", count: 300)
        #expect(parseError(deepObjects)?.message == "nesting deeper than 256 levels")
    }

    @Test func invalidUTF8IsRejectedWithItsPosition() {
        // A lone continuation byte inside a string.
        #expect(parseError([0x22, 0x61, 0x80, 0x22]) == JSONParseError(line: 1, column: 3, message: "invalid UTF-8: byte 0x80 is not part of a valid UTF-8 character; the file must be saved as UTF-8"))
        // Latin-1 "é" on the second line, as a file saved in the wrong encoding would have it.
        #expect(parseError(bytes("{\n  \"name\": \"Caf") + [0xE9] + bytes("\"\n}")) == JSONParseError(line: 2, column: 15, message: "invalid UTF-8: byte 0xE9 is not part of a valid UTF-8 character; the file must be saved as UTF-8"))
        // Overlong encoding of "/", an encoded surrogate, and a truncated sequence.
        #expect(parseError([0x22, 0xC0, 0xAF, 0x22])?.message.hasPrefix("invalid UTF-8: byte 0xC0") == true)
        #expect(parseError([0x22, 0xED, 0xA0, 0x80, 0x22])?.message.hasPrefix("invalid UTF-8: byte 0xED") == true)
        #expect(parseError([0x22, 0xE2, 0x82])?.message.hasPrefix("invalid UTF-8: byte 0xE2") == true)
        // Outside a string.
        #expect(parseError([0x5B, 0xFF, 0x5D]) == JSONParseError(line: 1, column: 2, message: "invalid UTF-8: byte 0xFF is not part of a valid UTF-8 character; the file must be saved as UTF-8"))
    }

    @Test func columnsCountCharactersNotBytes() {
        // "é" is two bytes but one column, so the "1" after it is at column 6.
        #expect(parseError("[\"é\" 1]") == JSONParseError(line: 1, column: 6, message: "expected ',' or ']' after an array element, found '1'"))
        #expect(parseError("[\"😀\"}") == JSONParseError(line: 1, column: 5, message: "expected ',' or ']' after an array element, found '}'"))
        #expect(parseError("[é]") == JSONParseError(line: 1, column: 2, message: "expected a value or ']', found 'é'"))
    }

    @Test func parsesALargeDocumentQuickly() throws {
        var text = "["
        for index in 0..<20_000 {
            if index > 0 { text += "," }
            text += #"{"id": "\#(index)", "name": "Kunde \#(index) Ünï", "notes": "a\nb", "value": \#(index * 7)}"#
        }
        text += "]"
        let input = bytes(text)
        let start = Date()
        let value = try JSONParser.parse(input)
        let elapsed = Date().timeIntervalSince(start)
        #expect(value.arrayValue?.count == 20_000)
        // Generous: debug builds are slow; this only catches accidental quadratic work.
        #expect(elapsed < 5)
    }
}
