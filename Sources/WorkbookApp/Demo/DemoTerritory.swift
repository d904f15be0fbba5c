import WorkbookModel

/// A realistic sample territory for `workbook --demo` and the empty state's `d`: names in several scripts,
/// every stage, dates around today, notes that read like a rep's.
public enum DemoTerritory {
    public static let owner = "Alex Demo"

    public static func settings() -> WorkbookSettings {
        WorkbookSettings(owner: owner, currency: "EUR",
                         partnershipStatement: "A partnership shares reward, risk, accountability and philosophy — both ways. Anything less is a supplier relationship, done well.")
    }

    public static func accounts(today: CalendarDate, newID: () -> AccountID) -> [Account] {
        func day(_ offset: Int?) -> CalendarDate? { offset.map { today.adding(days: $0) } }
        let rows: [(String, String, RelationshipStage, Int?, Int?, String, String)] = [
            ("Müller & Söhne GmbH", "Industrial machinery", .reliableSupplier, 1_200_000, 6, "Alex Demo",
             "Klaus Brandt (Head of Procurement) wants a call before any email. Renewal talks start in Q1; they asked for a two-year price lock."),
            ("東京精密", "Precision instruments", .partner, 640_000, -3, "Kenji Sato",
             "Joint roadmap reviewed quarterly. Sato-san sponsors us internally; the plant manager in Hachiōji is sceptical."),
            ("Nordlys Shipping AS", "Logistics", .vendor, 310_000, 14, "Alex Demo",
             "Buys on price through a tender every spring. Ingrid runs the tender; the CFO signs."),
            ("Société Lumière SA", "Retail", .prospect, 90_000, 2, "Camille Roy",
             "First meeting went well: they want help cutting returns. Promised a benchmark by next week."),
            ("서울 바이오텍", "Pharmaceuticals", .prospect, 420_000, 21, "Kenji Sato",
             "Introduced by 東京精密. Regulatory team decides; our coach is Dr. Park."),
            ("São Paulo Têxtil Ltda", "Textiles", .reliableSupplier, 185_000, nil, "Camille Roy",
             "Stable for four years. Pays late every December: expect it, do not escalate."),
            ("Kraków Wełna sp. z o.o.", "Textiles", .lost, nil, nil, "Alex Demo",
             "Lost to a cheaper local supplier in 2025. Still friendly with the COO; check in twice a year."),
            ("Acme Robotics Inc.", "Automation", .vendor, 75_000, 35, "Alex Demo",
             "Engineering loves the product; procurement treats us as a line item."),
            ("Dvořák Audio s.r.o.", "Consumer electronics", .prospect, 40_000, nil, "Camille Roy",
             "Small but growing fast. Founder answers emails at night."),
            ("北京云端科技", "Software", .partner, 980_000, 9, "Kenji Sato",
             "Co-selling agreement since 2024. Both sides staff the joint account team; review the shared plan monthly."),
            ("Øresund Medical ApS", "Healthcare", .reliableSupplier, 260_000, -10, "Alex Demo",
             "Meeting was postponed twice; reschedule before the budget freeze."),
            ("Île-de-France Énergie", "Energy", .prospect, 1_500_000, 45, "Camille Roy",
             "Large tender expected next year. We do not know the economic buyer yet."),
        ]
        var accounts = rows.map { row in
            Account(id: newID(), name: row.0, industry: row.1, stage: row.2, annualValue: row.3, nextMeeting: day(row.4),
                    owner: row.5, notes: row.6)
        }
        addCommitments(to: &accounts, today: today, newID: { CommitmentID(newID().rawValue) })
        if !accounts.isEmpty { addInfluenceMap(to: &accounts[0], today: today, newID: { EntityID(newID().rawValue) }) }
        DemoRelationships.add(to: &accounts, today: today, newID: { EntityID(newID().rawValue) })
        return accounts
    }

    /// Three checklists that show the pane's signals: a healthy one, a one-way one, and one idle since signature.
    static func addCommitments(to accounts: inout [Account], today: CalendarDate, newID: () -> CommitmentID) {
        func day(_ offset: Int) -> CalendarDate { today.adding(days: offset) }
        typealias Row = (CommitmentSide, String, String, Int?, CommitmentStatus, String, Int?)
        let plans: [(Int, Int, [Row])] = [
            (0, -120, [
                (.intention, "Spend the time to truly understand the problem", owner, nil, .kept, "Two plant visits in Stuttgart", -100),
                (.intention, "Give best advice and a fresh perspective", owner, -20, .kept, "Sent the line-balancing study", -25),
                (.intention, "Help the business become more profitable", owner, 30, .open, "", -10),
                (.expectation, "Access to key people", "Klaus Brandt", nil, .kept, "Met the CFO in October", -40),
                (.expectation, "Regular honest feedback", "Klaus Brandt", nil, .open, "", -12),
            ]),
            (2, -200, [
                (.intention, "Provide help", owner, nil, .kept, "On-site support during the tender", -150),
                (.intention, "Regularly show that we care", owner, nil, .kept, "Quarterly check-ins held", -30),
                (.expectation, "Transparency", "Ingrid", -60, .broken, "Tender criteria changed without notice", -50),
                (.expectation, "Regular honest feedback", "Ingrid", -14, .open, "", nil),
                (.expectation, "Referrals", "Ingrid", nil, .open, "", nil),
            ]),
            (1, -400, [
                (.intention, "Maintain the relationship for years", "Kenji Sato", nil, .open, "", -300),
                (.intention, "Help the business grow", "Kenji Sato", 20, .open, "", -280),
                (.expectation, "A shared view of the desired outcome", "Sato-san", nil, .kept, "Joint roadmap signed", -250),
            ]),
        ]
        for (index, firstMeeting, rows) in plans where accounts.indices.contains(index) {
            accounts[index].firstMeeting = day(firstMeeting)
            if accounts[index].stage.isWon { accounts[index].stageChangedOn = day(firstMeeting / 2) }
            for row in rows {
                var commitment = Commitment(id: newID(), side: row.0, text: row.1, madeOn: day(firstMeeting), owner: row.2,
                                            due: row.3.map(day), status: row.4, evidence: row.5)
                if let reviewed = row.6 {
                    commitment.lastReviewed = day(reviewed)
                    if row.4 != .open { commitment.statusChangedOn = day(reviewed) }
                }
                accounts[index].upsert(commitment)
            }
        }
    }

    /// A map for Müller & Söhne with a full cast, a reorganised plant manager and a gap in coverage.
    static func addInfluenceMap(to account: inout Account, today: CalendarDate, newID: () -> EntityID) {
        func day(_ offset: Int) -> CalendarDate { today.adding(days: offset) }
        let objective = SalesObjective(id: newID(), title: "Replace 40 forklifts at the Hamburg plant", closeDate: day(120), amount: 1_200_000, position: 2)
        let cfo = newID(), procurement = newID(), plant = newID(), fleet = newID(), coach = newID()
        account.upsert(objective)
        let people = [
            Person(id: cfo, name: "Dr. Heike Vogel", title: "CFO", level: .executive, notes: "Numbers first; wants a three-year TCO.",
                   hotButtons: "cash flow, predictability", coldButtons: "long slide decks", coverage: [Coverage(by: "Sam Ortiz", level: .brief)],
                   lastContact: day(-52), nextStep: "TCO review with Klaus", nextStepDate: day(9)),
            Person(id: procurement, name: "Klaus Brandt", title: "Head of Procurement", level: .senior, reportsTo: cfo,
                   notes: "Call before any email.", hotButtons: "two-year price lock", coverage: [Coverage(by: owner, level: .inDepth)],
                   lastContact: day(-6), nextStep: "Price-lock proposal", nextStepDate: day(6)),
            Person(id: plant, name: "Jonas Weber", title: "Plant manager", level: .middle, reportsTo: cfo, influences: [fleet],
                   coverage: [Coverage(by: owner, level: .brief)], lastContact: day(-35), isNewInRole: true),
            Person(id: fleet, name: "Mia Krüger", title: "Fleet supervisor", level: .operational, reportsTo: plant, lastContact: day(-12)),
            Person(id: coach, name: "佐藤 健", title: "Consultant (outside)", level: .senior, influences: [cfo],
                   coverage: [Coverage(by: owner, level: .multiple)], lastContact: day(-4), nextStep: "Coffee in Hamburg", nextStepDate: day(14)),
        ]
        for person in people { account.upsert(person) }
        let checked = Judgement(basis: .stated, checkedOn: day(-10))
        let roles: [(EntityID, [BuyingRole], InfluenceDegree, ResponseMode?, Int?, String, String)] = [
            (cfo, [.economic], .high, .evenKeel, 1, "", "lower fleet cost"),
            (procurement, [.technical], .high, .growth, 3, "a price lock he can show the board", "two-year budget certainty"),
            (plant, [.user], .medium, .trouble, -1, "fewer breakdowns on night shift", "uptime"),
            (fleet, [.user], .low, .growth, 2, "easier maintenance", "fewer repair hours"),
            (coach, [.coach], .medium, .growth, 4, "a reference project", "his firm's credibility"),
        ]
        for role in roles {
            account.upsert(BuyingInfluence(id: newID(), objectiveID: objective.id, personID: role.0, roles: role.1, degree: role.2, mode: role.3,
                                           rating: role.4, win: role.5, result: role.6, roleJudgement: checked,
                                           modeJudgement: role.0 == plant ? Judgement(basis: .inferred, checkedOn: day(-90)) : checked,
                                           ratingJudgement: checked))
        }
    }
}
