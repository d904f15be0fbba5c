import Testing
import WorkbookModel

/// Shares, largest, top 3 and HHI with their thresholds, per dimension, with fixed numbers.
@Suite struct ConcentrationRulesTests {
    func account(_ name: String, _ value: Int?, stage: RelationshipStage = .vendor, owner: String = "Dana", industry: String = "",
                 segment: String = "", lines: [(String, Int?, String)] = []) -> Account {
        Account(id: AccountID(name.lowercased()), name: name, industry: industry, stage: stage, annualValue: value, owner: owner,
                segment: segment, productLines: lines.enumerated().map { index, line in
                    ProductLine(id: EntityID("\(name.lowercased())-\(index)"), name: line.0, annualValue: line.1, supplier: line.2)
                })
    }

    @Test func oneDominantCustomer() {
        let book = [account("Big", 600), account("B", 100), account("C", 100), account("D", 100), account("E", 100)]
        let figures = ConcentrationRules.concentration(of: book, by: .customer)
        #expect(figures.total == 1000)
        #expect(figures.shares.map(\.label) == ["Big", "B", "C", "D", "E"], "largest first, ties by name")
        #expect(figures.largest == 0.6)
        #expect(abs(figures.top3 - 0.8) < 1e-9)
        // 60² + 4 × 10² = 3,600 + 400.
        #expect(figures.hhi == 4000)
        #expect(figures.largestLevel == .high && figures.top3Level == .high && figures.hhiLevel == .high)
        #expect(figures.shares.first?.accountID == AccountID("big"))
    }

    @Test func aBalancedBookIsLowOnEveryFigure() {
        let book = (1...20).map { account("A\($0)", 50) }
        let figures = ConcentrationRules.concentration(of: book, by: .customer)
        #expect(figures.largest == 0.05)
        #expect(abs(figures.top3 - 0.15) < 1e-9)
        #expect(figures.hhi == 500)
        #expect(figures.level == .low)
    }

    @Test func thresholdsAtTheirEdges() {
        // Five equal: largest 20 % (moderate, not high), top 3 60 % (high), HHI 2,000 (moderate).
        let five = ConcentrationRules.concentration(of: (1...5).map { account("A\($0)", 10) }, by: .customer)
        #expect(five.largestLevel == .moderate && five.top3Level == .high && five.hhiLevel == .moderate)
        // Ten equal: largest 10 % is moderate (10–20), top 3 30 % moderate (25–40), HHI 1,000 low.
        let ten = ConcentrationRules.concentration(of: (1...10).map { account("A\($0)", 10) }, by: .customer)
        #expect(ten.largestLevel == .moderate && ten.top3Level == .moderate && ten.hhiLevel == .low)
        // Four equal: HHI exactly 2,500 is moderate; high needs more.
        let four = ConcentrationRules.concentration(of: (1...4).map { account("A\($0)", 10) }, by: .customer)
        #expect(four.hhi == 2500 && four.hhiLevel == .moderate)
        // Custom thresholds move the edges.
        let strict = ConcentrationThresholds(largestHigh: 15, largestModerate: 5, top3High: 40, top3Moderate: 25, hhiHigh: 1500, hhiModerate: 500)
        let strictFive = ConcentrationRules.concentration(of: (1...5).map { account("A\($0)", 10) }, by: .customer, thresholds: strict)
        #expect(strictFive.largestLevel == .high && strictFive.hhiLevel == .high)
    }

    @Test func productLinesAndSuppliersAddUpAcrossAccounts() {
        let book = [
            account("A", 500, lines: [("Forklifts", 300, "Linde"), ("Service", 200, "Us"), ("Parts", 100, "")]),
            account("B", 300, lines: [("forklifts", 300, "Linde")]),
            account("C", 200),
        ]
        let lines = ConcentrationRules.concentration(of: book, by: .productLine)
        #expect(lines.shares.map(\.label) == ["Forklifts", "Service", "Parts"], "names match without regard to case")
        #expect(lines.shares.map(\.value) == [600, 200, 100])
        #expect(lines.accountsWithoutData == ["C"], "the account that records no line is named")
        let suppliers = ConcentrationRules.concentration(of: book, by: .supplier)
        #expect(suppliers.shares.map(\.label) == ["Linde"], "our own products (\"Us\", no supplier) depend on no vendor")
        #expect(suppliers.ownProductValue == 300)
        #expect(suppliers.largest == 1 && suppliers.hhi == 10_000)
    }

    @Test func marketsAndSegmentsGroupByIndustryAndSegment() {
        let book = [account("A", 300, industry: "Retail", segment: "Mid-market"), account("B", 100, industry: "retail"),
                    account("C", 100, industry: "")]
        let markets = ConcentrationRules.concentration(of: book, by: .market)
        #expect(markets.shares.map(\.label) == ["Retail"])
        #expect(markets.shares.map(\.value) == [400])
        #expect(markets.accountsWithoutData == ["C"], "an account with no industry is in no market")
        let segments = ConcentrationRules.concentration(of: book, by: .segment)
        #expect(segments.shares.map(\.label) == ["Mid-market"])
        #expect(segments.accountsWithoutData == ["B", "C"])
        // A book where no account has a segment leans on no segment: nothing is counted, no level.
        let unsegmented = ConcentrationRules.concentration(of: [account("B", 100), account("C", 100, segment: " ")], by: .segment)
        #expect(unsegmented.isEmpty && unsegmented.level == .low && unsegmented.accountsWithoutData == ["B", "C"])
    }

    @Test func theBookCountsLiveAccountsWeSellToPerOwner() {
        let accounts = [
            account("A", 100, owner: "Dana"), account("B", 100, owner: "Sam"), account("P", 900, stage: .prospect),
            account("L", 900, stage: .lost), Account(id: AccountID("x"), name: "X", stage: .vendor, annualValue: 900,
                                                    archived: ArchiveMark(on: CalendarDate(year: 2026, month: 1, day: 1)!, by: "me")),
        ]
        #expect(ConcentrationRules.bookAccounts(accounts).map(\.name) == ["A", "B"])
        #expect(ConcentrationRules.bookAccounts(accounts, owner: "Sam").map(\.name) == ["B"])
        #expect(ConcentrationRules.owners(accounts) == ["Dana", "Sam"])
        let spelledTwice = accounts + [account("C", 100, owner: "sam")]
        #expect(ConcentrationRules.owners(spelledTwice) == ["Dana", "Sam"], "sam and Sam hold one book")
        #expect(ConcentrationRules.bookAccounts(spelledTwice, owner: "Sam").map(\.name) == ["B", "C"])
    }

    @Test func anEmptyBookHasNoFiguresAndNoAlarm() {
        let figures = ConcentrationRules.concentration(of: [account("A", nil)], by: .customer)
        #expect(figures.isEmpty && figures.hhi == 0 && figures.level == .low && figures.accountsWithoutData == ["A"])
    }

    @Test func percentagesReadAsPeopleWriteThem() {
        #expect(ConcentrationRules.percentText(0.2345) == "23.5 %")
        #expect(ConcentrationRules.percentText(1) == "100.0 %")
        #expect(ConcentrationRules.percentText(0) == "0.0 %")
    }
}
