import WorkbookModel

/// The relationship side of the demo: one partnership that is real, one that is a partnership in
/// name only, product lines that lean on one supplier, journals and a handover.
enum DemoRelationships {
    static func add(to accounts: inout [Account], today: CalendarDate, newID: () -> EntityID) {
        func day(_ offset: Int) -> CalendarDate { today.adding(days: offset) }
        func lines(_ index: Int, _ rows: [(String, Int, String)]) {
            guard accounts.indices.contains(index) else { return }
            for row in rows { accounts[index].upsert(ProductLine(id: newID(), name: row.0, annualValue: row.1, supplier: row.2)) }
        }
        func journal(_ index: Int, _ rows: [(Int, String, JournalKind, String)]) {
            guard accounts.indices.contains(index) else { return }
            for row in rows { accounts[index].upsert(JournalEntry(id: newID(), date: day(row.0), author: row.1, kind: row.2, text: row.3)) }
        }
        func score(_ index: Int, _ element: PartnershipElement, _ ours: Int, _ oursNote: String, _ theirs: Int, _ theirsNote: String) {
            guard accounts.indices.contains(index) else { return }
            accounts[index].partnership.set(ElementAssessment(score: ours, note: oursNote), for: element, .ours)
            accounts[index].partnership.set(ElementAssessment(score: theirs, note: theirsNote), for: element, .theirs)
        }
        let segments = ["Enterprise", "Enterprise", "Mid-market", "Mid-market", "Mid-market", "Mid-market", "Small business", "Mid-market",
                        "Small business", "Enterprise", "Mid-market", "Public sector"]
        for (index, segment) in segments.enumerated() where accounts.indices.contains(index) { accounts[index].segment = segment }

        lines(0, [("Forklifts", 900_000, "Linde"), ("Fleet service", 300_000, "Us")])
        journal(0, [(-40, DemoTerritory.owner, .meeting, "Met the CFO: she wants a three-year TCO before anything else."),
                    (-200, DemoTerritory.owner, .pricingStory, "We held the 2025 price when steel went up; Klaus remembers it and quotes it to his board.")])

        // 東京精密: called a partner, but the reward runs our way.
        if accounts.indices.contains(1) {
            accounts[1].stageChangeReason = "Joint roadmap signed with Sato-san"
            accounts[1].partnership.customerMeaning = .betterPricing
            accounts[1].partnership.meaningWords = "Partners get the best price and first delivery slots."
            accounts[1].partnership.ourSponsors = ["Alex Demo"]
            accounts[1].partnership.theirSponsors = ["Sato-san"]
            accounts[1].partnership.upsert(Milestone(id: newID(), what: "Second plant audit", owner: "Kenji Sato", due: day(-5), status: .slipped))
            accounts[1].ownerHistory = [
                OwnershipRecord(id: newID(), owner: DemoTerritory.owner, from: nil),
                OwnershipRecord(id: newID(), owner: "Kenji Sato", from: day(-120),
                                handoverNote: "Alex gave them free calibration twice in 2025 — they now expect it. Keep it once more, then talk about it."),
            ]
        }
        score(1, .reward, 2, "good margin on gauges", -1, "they feel overcharged since the 2025 price rise")
        score(1, .risk, 1, "", 0, "they dual-source everything")
        lines(1, [("Gauges", 400_000, "Mitutoyo"), ("Calibration service", 240_000, "Us")])
        journal(1, [(-10, "Kenji Sato", .soreSpot, "Never bring up the March delivery delay; the plant manager was blamed for it."),
                    (-60, "Kenji Sato", .pricingStory, "They accepted +4 % only because we absorbed the freight surcharge.")])

        lines(2, [("Forklifts", 310_000, "Linde")])
        journal(5, [(-30, "Camille Roy", .soreSpot, "They pay late every December: expect it, do not escalate.")])
        lines(5, [("Spare parts", 185_000, "Us")])
        lines(7, [("Robot grippers", 75_000, "Schunk")])

        // 北京云端科技: a partnership that is one — both sides give and get.
        if accounts.indices.contains(9) {
            accounts[9].stageChangeReason = "Co-selling agreement, both sides staff the account team"
            accounts[9].partnership.customerMeaning = .sharedGoals
            accounts[9].partnership.meaningWords = "We win the big tenders together."
            accounts[9].partnership.ourSponsors = ["Alex Demo", "Kenji Sato"]
            accounts[9].partnership.theirSponsors = ["Li Wei (COO)"]
            accounts[9].partnership.upsert(Milestone(id: newID(), what: "Joint bid for the Shenzhen tender", owner: "Li Wei", due: day(40), status: .underway))
            accounts[9].partnership.upsert(Milestone(id: newID(), what: "Shared forecast for 2027", owner: "Kenji Sato", due: day(20), status: .planned))
        }
        score(9, .reward, 1, "fair margin, steady volume", 2, "priority support and fair pricing")
        score(9, .risk, 1, "two engineers dedicated to them", 1, "single-sourced the platform")
        score(9, .accountability, 2, "joint incident reviews", 1, "their COO joins escalations")
        score(9, .philosophy, 1, "long-term, engineering-led", 1, "")
        lines(9, [("Cloud licences", 700_000, "Us"), ("Support", 280_000, "Us")])
        journal(9, [(-3, "Kenji Sato", .insight, "Li Wei wants a case study before the Shenzhen bid — offer ours.")])
        lines(10, [("Imaging devices", 260_000, "Linde Medical")])
    }
}
