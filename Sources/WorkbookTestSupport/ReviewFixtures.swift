import WorkbookApp
import WorkbookModel
import WorkbookStorage

/// A territory for the account review: one account reviewed a month ago that has changed since, with
/// sensitive notes that must never reach a presenting screen, and two accounts never reviewed.
public enum ReviewFixtures {
    /// Every sensitive text in the fixtures: none may appear on a presenting screen.
    public static let secrets = ["SECRET-NOTE-HEIKE", "SECRET-HOT-HEIKE", "SECRET-COLD-HEIKE", "SECRET-NOTE-KLAUS", "SECRET-HOT-KLAUS"]

    static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    public static let objective = EntityID("o1")
    public static let heike = EntityID("p1"), klaus = EntityID("p2"), sato = EntityID("p3"), jonas = EntityID("p4")

    /// The snapshot taken at the last review (2026-10-28): Jonas was still there, Heike rated us +1,
    /// Klaus was in Trouble mode, nothing was overdue, and one flag stood that has since cleared.
    public static let lastSnapshot = ReviewSnapshot(
        people: [.init(id: heike, name: "Dr. Heike Vogel"), .init(id: klaus, name: "Klaus Brandt"), .init(id: jonas, name: "Jonas Weber")],
        roles: [
            .init(id: EntityID("i1"), person: heike, objective: objective, roles: [.economic], mode: .evenKeel, rating: 1),
            .init(id: EntityID("i2"), person: klaus, objective: objective, roles: [.technical], mode: .trouble, rating: 3),
            .init(id: EntityID("i4"), person: jonas, objective: objective, roles: [.user], mode: .growth, rating: 2),
        ],
        commitments: [
            .init(id: CommitmentID("c1"), text: "Send the TCO model", side: .intention, status: .open, overdue: false),
            .init(id: CommitmentID("c2"), text: "Quarterly check-in", side: .intention, status: .open, overdue: false),
            .init(id: CommitmentID("c3"), text: "Share the fleet data", side: .expectation, status: .open, overdue: false),
        ],
        flags: [.init(id: "00000000000000ff", rule: "map.noCoach", text: "No Coach: nobody is guiding us to the others and telling us how to position ourselves.")])

    public static var reviewed: Account {
        var account = Account(
            id: Fixtures.id(1), name: "Müller & Söhne GmbH", industry: "Manufacturing", stage: .reliableSupplier, annualValue: 1_200_000,
            owner: "Dana Wu", notes: "Procurement moved to Stuttgart.",
            commitments: [
                Commitment(id: CommitmentID("c1"), side: .intention, text: "Send the TCO model", owner: "Dana Wu", due: day("2026-11-20")),
                Commitment(id: CommitmentID("c2"), side: .intention, text: "Quarterly check-in", owner: "Dana Wu", status: .kept),
                Commitment(id: CommitmentID("c3"), side: .expectation, text: "Share the fleet data", owner: "Klaus", due: day("2026-11-01"), status: .broken),
                Commitment(id: CommitmentID("c4"), side: .expectation, text: "Referrals", owner: "Klaus"),
            ],
            objectives: [SalesObjective(id: objective, title: "Fleet renewal 2027", closeDate: day("2027-03-01"), amount: 900_000, position: 2)],
            people: [
                Person(id: heike, name: "Dr. Heike Vogel", title: "CFO", level: .executive, notes: "SECRET-NOTE-HEIKE",
                       hotButtons: "SECRET-HOT-HEIKE", coldButtons: "SECRET-COLD-HEIKE", coverage: [Coverage(by: "Dana Wu", level: .brief)],
                       lastContact: day("2026-10-01"), nextStep: "TCO review", nextStepDate: day("2026-12-04")),
                Person(id: klaus, name: "Klaus Brandt", title: "Head of Procurement", level: .senior, reportsTo: heike, notes: "SECRET-NOTE-KLAUS",
                       hotButtons: "SECRET-HOT-KLAUS", coverage: [Coverage(by: "Dana Wu", level: .inDepth)], lastContact: day("2026-11-20"),
                       nextStep: "Price-lock proposal", nextStepDate: day("2026-12-01")),
                Person(id: sato, name: "佐藤 健", title: "Consultant", level: .senior, coverage: [Coverage(by: "Dana Wu", level: .multiple)],
                       lastContact: day("2026-11-21"), nextStep: "Coffee in Hamburg", nextStepDate: day("2026-12-09")),
            ],
            influences: [
                BuyingInfluence(id: EntityID("i1"), objectiveID: objective, personID: heike, roles: [.economic], degree: .high, mode: .evenKeel,
                                rating: -2, win: "a TCO she can defend", result: "lower fleet cost",
                                roleJudgement: checked, modeJudgement: checked, ratingJudgement: checked),
                BuyingInfluence(id: EntityID("i2"), objectiveID: objective, personID: klaus, roles: [.technical], degree: .high, mode: .growth,
                                rating: 3, win: "a price lock", result: "budget certainty",
                                roleJudgement: checked, modeJudgement: checked, ratingJudgement: checked),
                BuyingInfluence(id: EntityID("i3"), objectiveID: objective, personID: sato, roles: [.coach], degree: .medium, mode: .growth,
                                rating: 4, win: "a reference", result: "credibility",
                                roleJudgement: checked, modeJudgement: checked, ratingJudgement: checked),
            ])
        account.reviewLog = AccountReviewLog(
            records: [ReviewRecord(id: EntityID("r1"), on: day("2026-10-28"), by: "Dana Wu", snapshot: lastSnapshot)],
            decisions: [ReviewDecision(id: EntityID("d1"), on: day("2026-10-28"), by: "Dana Wu", text: "Keep pricing flat for 2027")],
            actions: [ReviewAction(id: EntityID("a1"), what: "Call Heike about the TCO", owner: "Dana Wu", due: day("2026-11-30"), agreedOn: day("2026-10-28"))])
        return account
    }

    static let checked = Judgement(basis: .stated, checkedOn: day("2026-11-10"))

    /// The reviewed account, a partner owned by Kenji Sato, and a prospect of Dana's: none of the others reviewed.
    public static var accounts: [Account] {
        [
            reviewed,
            Account(id: Fixtures.id(2), name: "東京精密", industry: "Precision instruments", stage: .partner, annualValue: 640_000, owner: "Kenji Sato"),
            Account(id: Fixtures.id(3), name: "Acme Robotics Inc.", industry: "Automation", stage: .prospect, annualValue: 85_000, owner: "Dana Wu",
                    commitments: [Commitment(id: CommitmentID("c9"), side: .intention, text: "Send a quote", owner: "Dana Wu", due: day("2026-11-10"))]),
        ]
    }

    public static func state(width: Int = 80, height: Int = 24) -> AppState {
        AppState(workbook: LoadedWorkbook(settings: WorkbookSettings(owner: "Dana Wu", currency: "EUR"), accounts: accounts, problems: []),
                             today: Fixtures.today, screenSize: .init(width: width, height: height), location: "~/workbook", userName: "Lee Lead")
    }
}
