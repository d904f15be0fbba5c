import Testing
@testable import WorkbookStorage
import WorkbookModel

@Suite struct CanonicalJSONTests {
    @Test func writesTheExactCanonicalBytes() {
        let value: JSONValue = .object([
            "zeta": .array([.integer(1), .string("two"), .object(["b": .null, "a": .bool(true)])]),
            "alpha": .string("a/b é \"q\" \\ \n\t\r\u{8}\u{C}\u{1}\u{1F}\u{7F}"),
            "empty": .array([]),
            "none": .object([:]),
            "n": .number("-1.50e3"),
        ])
        let expected = """
        {
          "alpha": "a/b é \\"q\\" \\\\ \\n\\t\\r\\b\\f\\u0001\\u001f\u{7F}",
          "empty": [],
          "n": -1.50e3,
          "none": {},
          "zeta": [
            1,
            "two",
            {
              "a": true,
              "b": null
            }
          ]
        }

        """
        #expect(String(decoding: CanonicalJSON.encode(value), as: UTF8.self) == expected)
    }

    @Test func topLevelScalarsAndEmptyContainers() {
        #expect(CanonicalJSON.encode(.null) == bytes("null\n"))
        #expect(CanonicalJSON.encode(.array([])) == bytes("[]\n"))
        #expect(CanonicalJSON.encode(.object([:])) == bytes("{}\n"))
        #expect(CanonicalJSON.encode(.array([.array([])])) == bytes("[\n  []\n]\n"))
    }

    @Test func keysAreSortedByCodePointNotByLocaleOrNormalization() {
        // Upper case before lower case, ASCII before Latin-1 before CJK before U+FFFD before emoji
        // (U+1F600, which UTF-16 order would put before U+FFFD).
        let keys = ["b", "B", "a", "é", "東", "😀", "Z", "_", "aa", "\u{FFFD}"]
        let value = JSONValue.object(Dictionary(uniqueKeysWithValues: keys.map { ($0, JSONValue.null) }))
        let text = String(decoding: CanonicalJSON.encode(value), as: UTF8.self)
        let written = text.split(separator: "\n").dropFirst().dropLast().map { line in
            String(line.dropFirst(3).prefix { $0 != "\"" })
        }
        let expected = ["B", "Z", "_", "a", "aa", "b", "é", "東", "\u{FFFD}", "😀"]
        #expect(written.map { Array($0.unicodeScalars) } == expected.map { Array($0.unicodeScalars) })
    }

    @Test func decomposedKeysSortByTheirOwnScalars() {
        // "e\u{301}" (U+0065 U+0301) sorts between "e" and "f", wherever Swift's String order puts it.
        let value = JSONValue.object(["f": .null, "e\u{301}": .null, "e": .null])
        #expect(CanonicalJSON.encode(value) == bytes("{\n  \"e\": null,\n  \"e\u{301}\": null,\n  \"f\": null\n}\n"))
    }

    @Test func canonicalBytesRoundTripUnchanged() throws {
        let document = """
        {
          "accounts": [
            {
              "id": "x1",
              "values": [
                1,
                2.50,
                -3e10
              ]
            },
            {}
          ],
          "emoji": "😀 \\u0000 \\\\ \\"",
          "nested": {
            "empty": [],
            "flag": false
          }
        }

        """
        let input = bytes(document)
        #expect(CanonicalJSON.encode(try JSONParser.parse(input)) == input)
    }

    @Test func nonCanonicalInputIsNormalized() throws {
        let input = bytes(#"{"b":[1,2],"a":"\u00e9\/"}"#)
        let expected = "{\n  \"a\": \"é/\",\n  \"b\": [\n    1,\n    2\n  ]\n}\n"
        #expect(String(decoding: CanonicalJSON.encode(try JSONParser.parse(input)), as: UTF8.self) == expected)
    }

    @Test func everyStringSurvivesWriteThenParse() throws {
        var all = ""
        for value in 0..<0x250 where !(0xD800...0xDFFF).contains(value) {
            all.unicodeScalars.append(Unicode.Scalar(UInt32(value))!)
        }
        all += "😀𝄞\u{2028}\u{2029}"
        let value = JSONValue.object([all: .string(all)])
        #expect(try JSONParser.parse(CanonicalJSON.encode(value)) == value)
    }

    @Test func numberLiteralCheck() {
        #expect(CanonicalJSON.isNumberLiteral("0"))
        #expect(CanonicalJSON.isNumberLiteral("-12.5E+3"))
        #expect(!CanonicalJSON.isNumberLiteral("01"))
        #expect(!CanonicalJSON.isNumberLiteral(" 1"))
        #expect(!CanonicalJSON.isNumberLiteral("NaN"))
        #expect(!CanonicalJSON.isNumberLiteral(""))
    }
}
