import Testing
import WorkbookModel

@Suite struct AccountRulesTests {
    let today = CalendarDate(year: 2026, month: 11, day: 25)!

    @Test(arguments: [
        ("120000", 120_000), ("120,000", 120_000), ("120 000", 120_000), ("120k", 120_000), ("1.5m", 1_500_000),
        ("2B", 2_000_000_000), ("0", 0), ("  42 ", 42), ("1'234", 1_234), ("120.000", 120_000), ("1.200.000", 1_200_000),
        ("1,5M", 1_500_000), ("€250k", 250_000), ("0.5k", 500),
    ])
    func amountsAreReadTheWayPeopleTypeThem(text: String, value: Int) throws {
        #expect(try AccountRules.parseAmount(text).get() == value)
    }

    @Test func anEmptyAmountIsNoValueAndNonsenseIsAnError() throws {
        #expect(try AccountRules.parseAmount("").get() == nil)
        for bad in ["lots", "-5", "1.2.3", "k", "12kk", "１２", "1,5", "1,50", "0.5", "12,34", "1,200.000", "1.2.3m"] {
            guard case .failure(let failure) = AccountRules.parseAmount(bad) else {
                Issue.record("\(bad) was accepted")
                continue
            }
            #expect(failure.message.contains("is not a whole amount"), "\(bad)")
        }
    }

    @Test func datesAcceptISOAndShortcuts() throws {
        #expect(try AccountRules.parseDate("2027-01-15", today: today).get()?.iso == "2027-01-15")
        #expect(try AccountRules.parseDate("today", today: today).get() == today)
        #expect(try AccountRules.parseDate("Tomorrow", today: today).get()?.iso == "2026-11-26")
        #expect(try AccountRules.parseDate("+7", today: today).get()?.iso == "2026-12-02")
        #expect(try AccountRules.parseDate("+7d", today: today).get()?.iso == "2026-12-02")
        #expect(try AccountRules.parseDate("", today: today).get() == nil)
        #expect(try AccountRules.parseDate("yesterday", today: today).get()?.iso == "2026-11-24")
        #expect(try AccountRules.parseDate("-3", today: today).get()?.iso == "2026-11-22")
        #expect(try AccountRules.parseDate("\u{2212}3d", today: today).get()?.iso == "2026-11-22")
        guard case .failure(let failure) = AccountRules.parseDate("next week", today: today) else {
            Issue.record("accepted nonsense")
            return
        }
        #expect(failure.message == "\u{201C}next week\u{201D} is not a date: use YYYY-MM-DD, today, yesterday, tomorrow, +7 or -3.")
    }

    @Test func nameIsRequiredAndUniqueIgnoringCaseAndSpace() {
        let acme = Account(id: AccountID("a"), name: "Acme")
        let archived = Account(id: AccountID("b"), name: "Old Co", archived: ArchiveMark(on: today, by: "x"))
        #expect(AccountRules.validate(Account(id: AccountID("c"), name: "  "), among: [acme]).map(\.field) == [.name])
        #expect(AccountRules.validate(Account(id: AccountID("c"), name: " ACME "), among: [acme]).first?.message
                == "Another account is already called \u{201C}Acme\u{201D}.", "the message names the existing account")
        #expect(AccountRules.validate(acme, among: [acme]).isEmpty, "an account does not clash with itself")
        #expect(AccountRules.validate(Account(id: AccountID("c"), name: "old co"), among: [archived]).isEmpty,
                "an archived account's name is free again")
        #expect(AccountRules.validate(Account(id: AccountID("c"), name: String(repeating: "x", count: 121)), among: []).count == 1)
        #expect(AccountRules.validate(Account(id: AccountID("c"), name: "N", annualValue: -1), among: []).map(\.field) == [.annualValue])
    }

    @Test func randomIdsAreWellFormedFileNames() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let id = AccountID.random(using: &generator)
            #expect(id.rawValue.count == 16)
            #expect(AccountID.isWellFormed(id.rawValue))
        }
        #expect(!AccountID.isWellFormed("../etc"))
        #expect(!AccountID.isWellFormed("ABC"))
        #expect(!AccountID.isWellFormed(""))
    }

    /// The ASCII fast path of `nameKey` gives what the Unicode path gives, whitespace and case included.
    @Test func nameKeyOfPlainTextMatchesTheUnicodeRule() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array(" \t\n\r\u{0B}\u{0C}aZ09-&.'\"Q\r\n")
        for _ in 0..<2_000 {
            let text = String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(AccountRules.nameKey(text) == text.trimmingWhitespace().lowercased(), "\(text.debugDescription)")
        }
        #expect(AccountRules.nameKey("  Acme GmbH\t") == "acme gmbh")
        #expect(AccountRules.nameKey(" Müller ") == "müller")
        // Latin letters lower-cased from the table, one by one, give what the whole text gives.
        let latin = (0x80...0x24F).compactMap(Unicode.Scalar.init).map { String($0) }
        for text in latin + latin.map { "AB" + $0 + "Ǆ" } + ["\u{00A0}ÉCOLE Ærø\u{00A0}", "İSTANBUL", "ΣΟΦΊΑ", "東京 ÉTÉ"] {
            #expect(AccountRules.nameKey(text) == text.trimmingWhitespace().lowercased(), "\(text.debugDescription)")
        }
    }
}
