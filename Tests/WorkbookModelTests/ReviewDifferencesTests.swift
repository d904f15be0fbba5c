import Testing
import WorkbookModel
import WorkbookTestSupport

/// Since the last review: each kind of change, said in words, and nothing said when nothing changed.
@Suite struct ReviewDifferencesTests {
    let today = Fixtures.today
    let settings = WorkbookSettings()

    func changes(_ old: ReviewSnapshot, _ new: ReviewSnapshot) -> [ReviewChange] {
        ReviewDifferences.between(old, new)
    }

    func person(_ id: String, _ name: String) -> ReviewSnapshot.PersonEntry { .init(id: EntityID(id), name: name) }

    func role(_ id: String, _ person: String, _ roles: [BuyingRole], mode: ResponseMode? = nil, rating: Int? = nil, objective: String = "o1")
        -> ReviewSnapshot.RoleEntry {
        .init(id: EntityID(id), person: EntityID(person), objective: EntityID(objective), roles: roles, mode: mode, rating: rating)
    }

    func commitment(_ id: String, _ status: CommitmentStatus, overdue: Bool = false, side: CommitmentSide = .intention) -> ReviewSnapshot.CommitmentEntry {
        .init(id: CommitmentID(id), text: "Task \(id)", side: side, status: status, overdue: overdue)
    }

    @Test func anUnchangedAccountHasNoChanges() {
        let snapshot = ReviewSnapshot.capture(ReviewFixtures.reviewed, today: today, settings: settings)
        #expect(changes(snapshot, snapshot).isEmpty)
    }

    @Test func peopleAddedAndGone() {
        let old = ReviewSnapshot(people: [person("a", "Ana"), person("b", "Bo")])
        let new = ReviewSnapshot(people: [person("a", "Ana"), person("c", "Cy")])
        #expect(changes(old, new) == [
            ReviewChange(kind: .personAdded, text: "New on the map: Cy"),
            ReviewChange(kind: .personGone, text: "No longer on the map: Bo"),
        ])
    }

    @Test func roleModeAndRatingChangesNameThePerson() {
        let people = [person("a", "Ana")]
        let old = ReviewSnapshot(people: people, roles: [role("i", "a", [.coach], mode: .evenKeel, rating: 1)])
        let new = ReviewSnapshot(people: people, roles: [role("i", "a", [.coach, .economic], mode: .growth, rating: -2)])
        let found = changes(old, new)
        #expect(found.map(\.kind) == [.ratingChanged, .modeChanged, .rolesChanged], "rating and mode first: they matter most")
        #expect(found[2].text == "Ana: now Economic Buyer, Coach (was Coach)")
        #expect(found[1].text == "Ana: mode Even Keel → Growth")
        #expect(found[0].text == "Ana: rating +1 → −2")
        #expect(found[0].text(hidingRatings: true) == "Ana: rating changed (hidden while presenting)")
        #expect(!found[0].text(hidingRatings: true).contains("2"))
    }

    @Test func aNewPersonIsNotAlsoReportedAsARoleChange() {
        let old = ReviewSnapshot(people: [])
        let new = ReviewSnapshot(people: [person("a", "Ana")], roles: [role("i", "a", [.user], mode: .growth, rating: 2)])
        #expect(changes(old, new).map(\.kind) == [.personAdded])
    }

    @Test func withSeveralObjectivesTheObjectiveIsNamed() {
        let people = [person("a", "Ana")]
        let old = ReviewSnapshot(people: people, roles: [role("i", "a", [.user], mode: .growth), role("j", "a", [.user], objective: "o2")])
        let new = ReviewSnapshot(people: people, roles: [role("i", "a", [.user], mode: .trouble), role("j", "a", [.user], objective: "o2")])
        let found = ReviewDifferences.between(old, new, objectiveTitles: [EntityID("o1"): "Fleet", EntityID("o2"): "Service"])
        #expect(found.map(\.text) == ["Ana in Fleet: mode Growth → Trouble"])
    }

    @Test func commitmentsKeptBrokenNewlyOverdueAndOtherwiseChanged() {
        let old = ReviewSnapshot(commitments: [commitment("1", .open), commitment("2", .open), commitment("3", .open), commitment("4", .open)])
        let new = ReviewSnapshot(commitments: [
            commitment("1", .kept), commitment("2", .broken), commitment("3", .open, overdue: true), commitment("4", .late), commitment("5", .open),
        ])
        let found = changes(old, new)
        #expect(found.map(\.kind) == [.commitmentBroken, .commitmentNowOverdue, .commitmentKept, .commitmentAdded, .commitmentStatusChanged],
                "broken and overdue first")
        #expect(found[2].text == "Kept: \u{201C}Task 1\u{201D} (ours)")
        #expect(found[1].text == "Now overdue: \u{201C}Task 3\u{201D} (ours)")
        #expect(found[4].text == "\u{201C}Task 4\u{201D} (ours): open → late")
    }

    @Test func aCommitmentOverdueBothTimesIsNotNewlyOverdue() {
        let old = ReviewSnapshot(commitments: [commitment("1", .open, overdue: true)])
        let new = ReviewSnapshot(commitments: [commitment("1", .open, overdue: true)])
        #expect(changes(old, new).isEmpty)
    }

    @Test func flagsRaisedAndCleared() {
        let old = ReviewSnapshot(flags: [.init(id: "a", rule: "map.noCoach", text: "No Coach")])
        let new = ReviewSnapshot(flags: [.init(id: "b", rule: "map.negativeHighInfluence", text: "Ana rates our proposal −3 and has high influence")])
        let found = changes(old, new)
        #expect(found.map(\.text) == ["Flag raised: Ana rates our proposal −3 and has high influence", "Flag cleared: No Coach"])
        #expect(found[0].text(hidingRatings: true) == "Flag raised: Ana rates our proposal ▒▒▒ and has high influence")
    }

    @Test func aFlagKeepsItsKeyAsDaysPass() {
        var account = ReviewFixtures.reviewed
        account.reviewLog = AccountReviewLog()
        let now = ReviewSnapshot.capture(account, today: today, settings: settings)
        let later = ReviewSnapshot.capture(account, today: today.adding(days: 3), settings: settings)
        #expect(Set(now.flags.map(\.id)) == Set(later.flags.map(\.id)))
        #expect(now.flags.map(\.text) != later.flags.map(\.text), "the day counts in the texts did move")
    }

    @Test func theFixtureSaysEveryKindOfChangeSinceItsLastReview() {
        let account = ReviewFixtures.reviewed
        let now = ReviewSnapshot.capture(account, today: today, settings: settings)
        let texts = ReviewDifferences.between(ReviewFixtures.lastSnapshot, now).map(\.text)
        #expect(texts.contains("New on the map: 佐藤 健"))
        #expect(texts.contains("No longer on the map: Jonas Weber"))
        #expect(texts.contains("Dr. Heike Vogel: rating +1 → −2"))
        #expect(texts.contains("Klaus Brandt: mode Trouble → Growth"))
        #expect(texts.contains("Kept: \u{201C}Quarterly check-in\u{201D} (ours)"))
        #expect(texts.contains("Broken: \u{201C}Share the fleet data\u{201D} (theirs)"))
        #expect(texts.contains("Now overdue: \u{201C}Send the TCO model\u{201D} (ours)"))
        #expect(texts.contains { $0.hasPrefix("Flag cleared: No Coach") })
        #expect(texts.contains("Flag raised: Dr. Heike Vogel rates our proposal −2 and has high influence"))
    }

    @Test func accountFlagsPutTheChecklistFirst() {
        let flags = AccountFlags.redFlags(for: ReviewFixtures.reviewed, today: today, settings: settings)
        #expect(flags.prefix(2).map(\.text) == ["One-way: we keep our promises, they are not keeping theirs.", "Overdue 5 d (ours): Send the TCO model"])
        #expect(flags.contains { $0.text == "Dr. Heike Vogel rates our proposal −2 and has high influence" && $0.mentionsRating })
        #expect(!flags.contains { $0.text.contains("rates us") }, "strengths are not red flags")
    }

    @Test func maskRatingHidesOnlyTheNumber() {
        #expect(PresentingText.maskRating("Ana rates our proposal −2 and has high influence") == "Ana rates our proposal ▒▒▒ and has high influence")
        #expect(PresentingText.maskRating("Ana: Growth mode and rates us +3 — build on it") == "Ana: Growth mode and rates us ▒▒▒ — build on it")
        #expect(PresentingText.maskRating("Ana has not been contacted for 40 days") == "Ana has not been contacted for 40 days")
    }

    @Test func openActionsComeSoonestDueFirstUndatedLast() {
        let day = Fixtures.today
        let log = AccountReviewLog(actions: [
            ReviewAction(id: EntityID("x"), what: "undated", owner: "", agreedOn: day),
            ReviewAction(id: EntityID("y"), what: "later", owner: "", due: day.adding(days: 9), agreedOn: day),
            ReviewAction(id: EntityID("z"), what: "sooner", owner: "", due: day.adding(days: 2), agreedOn: day),
            ReviewAction(id: EntityID("w"), what: "done", owner: "", due: day, status: .done, agreedOn: day),
        ])
        #expect(log.openActions.map(\.what) == ["sooner", "later", "undated"])
    }

    @Test func aClearedFlagComesAfterEverythingElse() {
        let old = ReviewSnapshot(people: [person("a", "Ana")], commitments: [commitment("1", .open)],
                                 flags: [.init(id: "1", rule: "map.noCoach", text: "No Coach")])
        let new = ReviewSnapshot(people: [person("b", "Bo")], commitments: [commitment("1", .broken)],
                                 flags: [.init(id: "2", rule: "map.noEconomicBuyer", text: "No Economic Buyer")])
        #expect(changes(old, new).map(\.kind) == [.commitmentBroken, .personAdded, .personGone, .flagRaised, .flagCleared])
    }
}
