import Testing
import WorkbookModel

/// `AccountID` packs short ASCII ids into two words: it must still behave exactly like its text.
@Suite struct AccountIDTests {
    static let samples = [
        "", "a", "0003e08df3c06b1b", "0003e08df3c06b1", "0003e08df3c06b1ba", "ffffffffffffffff", "fffffffffffffff",
        "acme-gmbh", "acme_gmbh", "acme", "acme-", "a-b", "a.b", "Zeta", "zeta", "é", "e\u{301}", "café-lille",
        "a-very-long-account-id-written-by-hand-0001", "a-very-long-account-id-written-by-hand-0002", "tab\there", "x\u{0}y",
        "12345678", "123456789", "1234567", "abcdefghabcdefgh", "abcdefghabcdefgi", "abcdefgh",
    ]

    @Test func theTextComesBackUnchanged() {
        for text in Self.samples { #expect(AccountID(text).rawValue == text, "\(text.debugDescription)") }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let id = AccountID.random(using: &generator)
            #expect(AccountID(id.rawValue) == id)
            #expect(id.rawValue.count == 16)
        }
    }

    @Test func equalityHashingAndOrderAreThoseOfTheText() {
        for left in Self.samples {
            for right in Self.samples {
                let (a, b) = (AccountID(left), AccountID(right))
                #expect((a == b) == (left == right), "\(left.debugDescription) == \(right.debugDescription)")
                #expect((a < b) == (left < right), "\(left.debugDescription) < \(right.debugDescription)")
                if left == right { #expect(a.hashValue == b.hashValue) }
            }
        }
        // Canonically equivalent texts are one id, as they are one String.
        #expect(AccountID("é") == AccountID("e\u{301}"))
        #expect(Set(Self.samples.map(AccountID.init)).count == Set(Self.samples).count)
    }

    @Test func fileNamesAndBytesSpellTheSameIds() {
        for text in Self.samples {
            #expect(AccountID(utf8: ArraySlice(text.utf8)) == AccountID(text))
            let fromFile = AccountID(fileName: text + ".json")
            #expect(fromFile == (AccountID.isWellFormed(text) ? AccountID(text) : nil), "\(text.debugDescription)")
        }
        let long = String(repeating: "a", count: 64), tooLong = String(repeating: "a", count: 65)
        #expect(AccountID(fileName: long + ".json")?.rawValue == long)
        #expect(AccountID(fileName: tooLong + ".json") == nil)
        for bad in ["acme.JSON", ".json", "acme.json.tmp", "Acme.json", "acme", "a b.json", "acme.jsonx"] {
            #expect(AccountID(fileName: bad) == nil, "\(bad)")
        }
    }

    @Test func randomIdsSortAsTheirTextDoes() {
        var generator = SystemRandomNumberGenerator()
        let ids = (0..<500).map { _ in AccountID.random(using: &generator) } + Self.samples.map(AccountID.init)
        #expect(ids.sorted().map(\.rawValue) == ids.map(\.rawValue).sorted())
    }
}
