import Testing
@testable import WorkbookStorage
import WorkbookModel

/// The relationship and the book inside account files: canonical bytes, kept unknown members, named errors.
@Suite struct RelationshipFormatTests {
    /// Everything #8 adds, in canonical form, with an unknown member (`x-…`) at every level.
    static let file = """
    {
      "formatVersion": 1,
      "id": "r1",
      "industry": "Logistics",
      "journal": [
        {
          "author": "Dana",
          "date": "2026-10-01",
          "id": "j2",
          "kind": "pricing-story",
          "text": "They accepted +4 % because we absorbed the 2024 freight surcharge."
        },
        {
          "author": "Sam",
          "date": "2026-11-20",
          "id": "j1",
          "kind": "sore-spot",
          "text": "Never mention the Q2 outage, \\"the incident\\".",
          "x-mood": "tense"
        }
      ],
      "name": "Nordlicht",
      "notes": "",
      "owner": "Sam",
      "ownerHistory": [
        {
          "handoverNote": "",
          "id": "h1",
          "owner": "Dana"
        },
        {
          "from": "2026-09-01",
          "handoverNote": "Dana waived the rush fee twice; keep doing it this year.",
          "id": "h2",
          "owner": "Sam"
        }
      ],
      "partnership": {
        "customerMeaning": "better-pricing",
        "elements": {
          "reward": {
            "ours": {
              "note": "thin margin",
              "score": -1
            },
            "theirs": {
              "note": "",
              "score": 2,
              "x-basis": "survey"
            }
          },
          "risk": {
            "ours": {
              "note": "we built a depot for them"
            }
          }
        },
        "meaningWords": "\\"Partners get our best price.\\"",
        "milestones": [
          {
            "due": "2027-01-31",
            "id": "m1",
            "owner": "Sam",
            "status": "underway",
            "what": "Joint forecast, Q1"
          }
        ],
        "sponsors": {
          "ours": [
            "Ana (VP Sales)"
          ],
          "theirs": [
            "Heike Brandt"
          ],
          "x-exec": true
        },
        "x-review": "2026"
      },
      "productLines": [
        {
          "annualValue": 300000,
          "id": "l1",
          "name": "Forklifts",
          "supplier": "Linde"
        },
        {
          "id": "l2",
          "name": "Service",
          "supplier": "",
          "x-term": 3
        }
      ],
      "segment": "Mid-market",
      "stage": "partner",
      "stageChangeReason": "Signed the three-year frame contract"
    }

    """

    func decode(_ text: String, fileName: String = "r1.json") throws -> Account {
        try AccountFileFormat.decode(Array(text.utf8), fileName: fileName)
    }

    func encode(_ account: Account) -> String { String(decoding: AccountFileFormat.encode(account), as: UTF8.self) }

    @Test func everythingRoundTripsByteForByte() throws {
        let account = try decode(Self.file)
        #expect(encode(account) == Self.file)
        #expect(account.stageChangeReason == "Signed the three-year frame contract")
        #expect(account.segment == "Mid-market")
        #expect(account.partnership.customerMeaning == .betterPricing)
        #expect(account.partnership.assessment(.reward, .ours) == ElementAssessment(score: -1, note: "thin margin"))
        #expect(account.partnership.assessment(.risk, .ours) == ElementAssessment(score: nil, note: "we built a depot for them"))
        #expect(account.partnership.assessment(.philosophy, .theirs).isEmpty)
        #expect(account.partnership.ourSponsors == ["Ana (VP Sales)"])
        #expect(account.partnership.milestones.first?.status == .underway)
        #expect(account.productLines.map(\.annualValue) == [300_000, nil])
        #expect(account.journal.map(\.id) == [EntityID("j2"), EntityID("j1")], "file order is by date")
        #expect(account.journalNewestFirst().map(\.kind) == [.soreSpot, .pricingStory])
        #expect(account.ownerHistory.map(\.owner) == ["Dana", "Sam"])
        #expect(account.ownerHistory.first?.from == nil)
    }

    @Test func unknownMembersSurviveAnEdit() throws {
        var account = try decode(Self.file)
        account.partnership.set(ElementAssessment(score: 0, note: "better now"), for: .reward, .theirs)
        account.partnership.theirSponsors.append("Jonas")
        let edited = encode(account)
        #expect(edited.contains("\"note\": \"better now\",\n          \"score\": 0,\n          \"x-basis\": \"survey\""))
        #expect(edited.contains("\"x-exec\": true") && edited.contains("\"x-review\": \"2026\""))
        #expect(edited.contains("\"x-mood\": \"tense\"") && edited.contains("\"x-term\": 3"))
        #expect(try decode(edited).partnership.theirSponsors == ["Heike Brandt", "Jonas"])
    }

    @Test func clearingAnAssessmentRemovesItFromTheFile() throws {
        var account = try decode(Self.file)
        account.partnership.set(ElementAssessment(), for: .risk, .ours)
        #expect(!encode(account).contains("\"risk\""))
    }

    @Test func filesWithoutTheseFieldsLoadEmptyAndSaveUnchanged() throws {
        let file = """
        {
          "formatVersion": 1,
          "id": "r2",
          "industry": "",
          "name": "Plain",
          "notes": "",
          "owner": "",
          "stage": "vendor"
        }

        """
        let account = try decode(file, fileName: "r2.json")
        #expect(account.partnership.isEmpty && account.journal.isEmpty && account.productLines.isEmpty && account.ownerHistory.isEmpty)
        #expect(encode(account) == file)
    }

    @Test func aJournalEntryAppendedOnALaterDayGoesLast() throws {
        var account = try decode(Self.file)
        account.upsert(JournalEntry(id: EntityID("a0"), date: CalendarDate(year: 2026, month: 11, day: 24)!, author: "Sam", kind: .meeting, text: "QBR"))
        let ids = try decode(encode(account)).journal.map(\.id.rawValue)
        #expect(ids == ["j2", "j1", "a0"], "old entries keep their place: a clean append in git")
    }

    @Test func badValuesAreNamedByField() {
        let badScore = Self.file.replacingOccurrences(of: "\"score\": 2,", with: "\"score\": 3,")
        #expect(throws: FileFormatError.self) { try decode(badScore) }
        do { _ = try decode(badScore) } catch { #expect("\(error)".contains("partnership.elements.reward.theirs.score")) }
        let badKind = Self.file.replacingOccurrences(of: "\"kind\": \"sore-spot\"", with: "\"kind\": \"gossip\"")
        do { _ = try decode(badKind); Issue.record("an unknown kind must not load") } catch { #expect("\(error)".contains("journal[1]")) }
        let twice = Self.file.replacingOccurrences(of: "\"id\": \"j1\"", with: "\"id\": \"j2\"")
        do { _ = try decode(twice); Issue.record("a duplicate id must not load") } catch { #expect("\(error)".contains("used twice")) }
    }

    @Test func settingsKeepTheStatementAndThresholds() throws {
        var settings = WorkbookSettings(owner: "Dana")
        let plain = WorkbookFileFormat.encode(settings)
        #expect(!String(decoding: plain, as: UTF8.self).contains("partnershipStatement"), "unset settings add no bytes")
        settings.partnershipStatement = "Shared reward, risk, accountability and philosophy — both ways."
        settings.concentrationThresholds.largestHigh = 30
        settings.relationshipThresholds.oneSidedGap = 3
        let read = try WorkbookFileFormat.decode(WorkbookFileFormat.encode(settings))
        #expect(read == settings)
        let text = String(decoding: WorkbookFileFormat.encode(settings), as: UTF8.self)
        #expect(text.contains("\"largestHighPercent\": 30") && text.contains("\"oneSidedGap\": 3"))
        let outOfRange = text.replacingOccurrences(of: "\"largestHighPercent\": 30", with: "\"largestHighPercent\": 300")
        #expect(throws: FileFormatError.self) { try WorkbookFileFormat.decode(Array(outOfRange.utf8)) }
    }
}
