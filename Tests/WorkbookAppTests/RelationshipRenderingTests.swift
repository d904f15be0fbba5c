import Testing
import TerminalUI
import WorkbookModel
import WorkbookTestSupport
@testable import WorkbookApp

/// Panes 4 and 5 drawn into the cell grid, compared with golden files (`make goldens` refreshes them).
@Suite struct RelationshipRenderingTests {
    let goldens = Golden.directory(besides: #filePath)

    /// One customer (Müller) carries most of the book; product lines lean on one supplier.
    static func dominantBook(width: Int, height: Int) -> AppState {
        var state = RelationshipFixture.state(width: width, height: height, focus: .book)
        var muller = state.accounts[Fixtures.id(1)]!
        muller.upsert(ProductLine(id: RelationshipFixture.e(60), name: "Gauges", annualValue: 900_000, supplier: "Mitutoyo"))
        state.accounts[muller.id] = muller
        return state
    }

    /// Twenty equal customers, four owners, four industries: nothing stands out.
    static func balancedBook(width: Int, height: Int) -> AppState {
        let owners = ["Dana Wu", "Kenji Sato", "Sam Ortiz", "Zoë Brandt"]
        let industries = ["Retail", "Logistics", "Pharma", "Energy"]
        let accounts = (1...20).map { index in
            Account(id: Fixtures.id(100 + index), name: "Customer \(index)", industry: industries[index % 4], stage: .vendor,
                    annualValue: 50_000, owner: owners[index % 4], segment: index % 2 == 0 ? "Mid-market" : "Enterprise")
        }
        var state = Fixtures.state(accounts, width: width, height: height)
        state.focus = .book
        return state
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func aBookWithOneDominantCustomerSaysSoAndListsTheCounterMoves(width: Int, height: Int) {
        let buffer = RootView.render(Self.dominantBook(width: width, height: height), theme: BuiltInThemes.mono).0
        let text = buffer.text
        #expect(text.contains("Largest 64.8 % ▲ HIGH"), "Müller's €1.2M of €1.85M")
        #expect(text.contains("This book leans hard on one customer"))
        #expect(text.contains("Keep prospecting"))
        #expect(text.contains("┊"), "the thresholds are drawn on the bars")
        if width >= 120 { #expect(text.contains("Each owner's book")) }
        Golden.assertMatches(buffer, named: "book-dominant-\(width)x\(height)", in: goldens)
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func aBalancedBookRaisesNoAlarm(width: Int, height: Int) {
        let buffer = RootView.render(Self.balancedBook(width: width, height: height), theme: BuiltInThemes.mono).0
        let text = buffer.text
        #expect(text.contains("Largest 5.0 % ✓ low · Top 3 15.0 % ✓ low · HHI 500 ✓ low"))
        #expect(!text.contains("⚠"), "no warning for the customers: four industries may be, the book is not")
        #expect(text.contains("[Customers] ✓"))
        Golden.assertMatches(buffer, named: "book-balanced-\(width)x\(height)", in: goldens)
    }

    @Test func theSupplierDimensionNamesTheVendorBehindTheLines() {
        var state = Self.dominantBook(width: 120, height: 40)
        state.bookDimension = .supplier
        let text = RootView.render(state, theme: BuiltInThemes.mono).0.text
        #expect(text.contains("Mitutoyo") && text.contains("Line up alternate suppliers"))
    }

    @Test func anEmptyBookSaysWhatToDo() {
        var state = Fixtures.state([Account(id: Fixtures.id(1), name: "Only a prospect", stage: .prospect, annualValue: 10)])
        state.focus = .book
        let text = RootView.render(state, theme: BuiltInThemes.mono).0.text
        #expect(text.contains("No account in this book has an annual value yet"))
        #expect(text.contains("prospects and lost"))
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func theRelationshipPaneShowsTheSignalTheElementsAndTheJournal(width: Int, height: Int) {
        var state = RelationshipFixture.state(width: width, height: height)
        state.settings.partnershipStatement = "Shared reward, risk, accountability and philosophy — both ways."
        let buffer = RootView.render(state, theme: BuiltInThemes.mono).0
        let text = buffer.text
        #expect(text.contains("Partner since 2026-05-09 — Signed the three-year"))
        #expect(text.contains("⚠ Called a partnership, but reward is one-sided (us +2, them \u{2212}1)."))
        #expect(text.contains("Reward ≠"), "the one-sided element is marked without colour")
        #expect(text.contains("We mean: \u{201C}Shared reward"))
        #expect(text.contains("Never bring up the March delivery"))
        Golden.assertMatches(buffer, named: "relationship-\(width)x\(height)", in: goldens)
    }

    @Test func theHealthColumnShowsScoreAndMarker() {
        var state = RelationshipFixture.state(width: 120, height: 20, focus: .accounts)
        state.accountsView = .table
        let text = RootView.render(state, theme: BuiltInThemes.mono).0.text
        #expect(text.contains("Health"))
        #expect(text.contains("75 ▲"), "東京精密: −25 for the one-sided partnership")
    }

    @Test func tabsStayReadableAt80Columns() {
        let text = RootView.render(RelationshipFixture.state(), theme: BuiltInThemes.mono).0.text
        let title = text.split(separator: "\n").first.map(String.init) ?? ""
        #expect(title.contains("[ 5 Relationship ]") && title.contains(" 4 "))
    }
}

@Suite struct HandoverExportTests {
    @Test func thePackMatchesItsGolden() {
        var account = RelationshipFixture.account
        account.commitments = [
            Commitment(id: CommitmentID("c1"), side: .intention, text: "Quarterly calibration report", madeOn: Fixtures.today.adding(days: -100),
                       due: Fixtures.today.adding(days: -3), status: .open),
            Commitment(id: CommitmentID("c2"), side: .expectation, text: "Access to the plant manager", madeOn: Fixtures.today.adding(days: -100),
                       status: .kept),
        ]
        account.upsert(MapFixture.objective)
        account.upsert(Person(id: MapFixture.e(10), name: "Heike Vogel", title: "CFO", nextStep: "TCO review", nextStepDate: Fixtures.today.adding(days: 5)))
        account.upsert(Person(id: MapFixture.e(11), name: "Klaus Brandt", title: "Procurement"))
        account.upsert(BuyingInfluence(id: MapFixture.e(20), objectiveID: MapFixture.e(1), personID: MapFixture.e(10), roles: [.economic], mode: .evenKeel, rating: 1))
        account.upsert(BuyingInfluence(id: MapFixture.e(21), objectiveID: MapFixture.e(1), personID: MapFixture.e(11), roles: [.technical], mode: .overconfident, rating: -3))
        account.upsert(JournalEntry(id: RelationshipFixture.e(30), date: Fixtures.today.adding(days: -2), author: "Kenji Sato", kind: .promise,
                                    text: "Promised a loaner gauge during calibration"))
        let text = HandoverExport.markdown(account, settings: WorkbookSettings(currency: "EUR", partnershipStatement: "Both ways."), today: Fixtures.today)
        #expect(text.contains("**Decision maker (Economic Buyer):** Heike Vogel, CFO"))
        #expect(text.contains("**Sceptic:** Klaus Brandt"))
        #expect(text.contains("We promised: Quarterly calibration report — **overdue since 2026-11-22**"))
        #expect(!text.contains("Access to the plant manager"), "kept commitments are not open")
        #expect(text.contains("## Sore spots\n\n- 2026-11-20 · Kenji Sato: Never bring up the March delivery delay."))
        #expect(text.contains("absorbed the freight surcharge"))
        Golden.assertText(text, named: "handover-pack.md", in: Golden.directory(besides: #filePath))
    }

    @Test func theWorkbookExportCarriesTheRelationshipOfAccountsThatHaveOne() {
        let text = WorkbookExport.markdown(accounts: [RelationshipFixture.account, Fixtures.accounts[2]], settings: WorkbookSettings(), today: Fixtures.today)
        #expect(text.contains("### The relationship\n\n- **Type:** Partner since 2026-05-09 — Signed the three-year frame contract"))
        #expect(text.contains("| Reward | +2 steady margin | \u{2212}1 they feel overcharged |"))
        #expect(text.components(separatedBy: "### The relationship").count == 2, "a prospect with nothing recorded gets no section")
    }

    @Test func theWorkbookExportNamesASegmentWhereThereIsOne() {
        var segmented = Fixtures.accounts[0]
        segmented.segment = "Mid-market *key*"
        var plain = Fixtures.accounts[1]
        plain.segment = ""
        let text = WorkbookExport.markdown(accounts: [segmented, plain], settings: WorkbookSettings(), today: Fixtures.today)
        #expect(text.contains("- **Segment:** Mid-market \\*key\\*"))
        #expect(text.components(separatedBy: "**Segment:**").count == 2, "no empty segment line")
    }

    @Test func markdownInStoredTextCannotChangeTheDocument() {
        var account = RelationshipFixture.account
        account.upsert(JournalEntry(id: RelationshipFixture.e(31), date: Fixtures.today, author: "x", kind: .soreSpot, text: "# not a heading \u{1B}[31m"))
        let text = HandoverExport.markdown(account, settings: WorkbookSettings(), today: Fixtures.today)
        #expect(text.contains("\\# not a heading \\[31m"))
        #expect(!text.contains("\u{1B}"))
    }
}
