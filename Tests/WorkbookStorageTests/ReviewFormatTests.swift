import Testing
@testable import WorkbookStorage
import WorkbookModel
import WorkbookTestSupport

/// The review arrays in an account file and `settings.review` in `workbook.json`.
@Suite struct ReviewFormatTests {
    static let reviewedFile = """
    {
      "actions": [
        {
          "agreedOn": "2026-10-28",
          "due": "2026-11-30",
          "id": "a1",
          "owner": "Dana Wu",
          "status": "open",
          "what": "Call Heike"
        }
      ],
      "decisions": [
        {
          "by": "Dana Wu",
          "id": "d1",
          "on": "2026-10-28",
          "text": "Keep pricing flat"
        }
      ],
      "formatVersion": 1,
      "id": "k1",
      "industry": "",
      "name": "Kappa",
      "notes": "",
      "owner": "",
      "reviews": [
        {
          "by": "Dana Wu",
          "id": "r1",
          "on": "2026-10-28",
          "snapshot": {
            "commitments": [
              {
                "id": "c1",
                "overdue": false,
                "side": "intention",
                "status": "open",
                "text": "Send the TCO model"
              }
            ],
            "flags": [
              {
                "id": "00000000000000ff",
                "rule": "map.noCoach",
                "text": "No Coach"
              }
            ],
            "people": [
              {
                "id": "p1",
                "name": "Heike"
              }
            ],
            "roles": [
              {
                "id": "i1",
                "mode": "even-keel",
                "objective": "o1",
                "person": "p1",
                "rating": 1,
                "roles": [
                  "economic"
                ]
              }
            ]
          }
        }
      ],
      "stage": "partner"
    }

    """

    @Test func readsTheDocumentedShape() throws {
        let account = try AccountFileFormat.decode(Array(Self.reviewedFile.utf8), fileName: "k1.json")
        #expect(account.reviewLog.records.map(\.by) == ["Dana Wu"])
        #expect(account.reviewLog.records[0].snapshot.roles.first?.rating == 1)
        #expect(account.reviewLog.records[0].snapshot.roles.first?.mode == .evenKeel)
        #expect(account.reviewLog.decisions.map(\.text) == ["Keep pricing flat"])
        #expect(account.reviewLog.openActions.map(\.what) == ["Call Heike"])
        #expect(account.unknownFields.isEmpty)
    }

    @Test func anUntouchedFileKeepsItsBytes() throws {
        let bytes = Array(Self.reviewedFile.utf8)
        #expect(AccountFileFormat.encode(try AccountFileFormat.decode(bytes, fileName: "k1.json")) == bytes)
    }

    @Test func aFileWithoutReviewsKeepsItsBytes() throws {
        let bytes = Array(AccountFileFormatTests.sampleFile.utf8)
        #expect(AccountFileFormat.encode(try AccountFileFormat.decode(bytes, fileName: "a1b2c3d4e5f60718.json")) == bytes)
    }

    @Test func anAppModeSnapshotRoundTrips() throws {
        var account = ReviewFixtures.reviewed
        account.reviewLog.append(ReviewRecord(id: EntityID("r2"), on: Fixtures.today, by: "Lee Lead",
                                              snapshot: ReviewSnapshot.capture(account, today: Fixtures.today, settings: WorkbookSettings())))
        account.reviewLog.append(ReviewDecision(id: EntityID("d2"), on: Fixtures.today, by: "Lee Lead", text: "Escalate to the CFO"))
        let decoded = try AccountFileFormat.decode(AccountFileFormat.encode(account), fileName: account.id.rawValue + ".json")
        #expect(decoded.reviewLog.records.map(\.snapshot) == account.reviewLog.records.map(\.snapshot))
        #expect(decoded.reviewLog.decisions == account.reviewLog.decisions)
        #expect(decoded.reviewLog.actions == account.reviewLog.actions)
        // A reloaded file writes exactly what it read.
        #expect(AccountFileFormat.encode(decoded) == AccountFileFormat.encode(account))
    }

    @Test func aClosedActionKeepsTheDayItWasClosed() throws {
        var account = try AccountFileFormat.decode(Array(Self.reviewedFile.utf8), fileName: "k1.json")
        #expect(account.reviewLog.actions[0].closedOn == nil, "older files have no closedOn")
        #expect(!String(decoding: AccountFileFormat.encode(account), as: UTF8.self).contains("closedOn"), "an open action writes none")
        account.reviewLog.actions[0].status = .done
        account.reviewLog.actions[0].closedOn = Fixtures.today
        let written = AccountFileFormat.encode(account)
        #expect(String(decoding: written, as: UTF8.self).contains("\"closedOn\": \"2026-11-25\""))
        #expect(try AccountFileFormat.decode(written, fileName: "k1.json").reviewLog.actions[0].closedOn == Fixtures.today)
    }

    @Test func newEntriesLandAtTheEndOfTheirArrays() throws {
        var account = try AccountFileFormat.decode(Array(Self.reviewedFile.utf8), fileName: "k1.json")
        account.reviewLog.append(ReviewDecision(id: EntityID("0a"), on: Fixtures.today, by: "Lee", text: "Later decision, smaller id"))
        let text = String(decoding: AccountFileFormat.encode(account), as: UTF8.self)
        let first = try #require(text.range(of: "Keep pricing flat"))
        let second = try #require(text.range(of: "Later decision"))
        #expect(first.lowerBound < second.lowerBound, "sorted by date, then id: git sees an append")
    }

    @Test func unknownMembersOfReviewEntriesAndSnapshotsSurvive() throws {
        let file = Self.reviewedFile
            .replacingOccurrences(of: "\"text\": \"Keep pricing flat\"", with: "\"mood\": \"tense\",\n      \"text\": \"Keep pricing flat\"")
            .replacingOccurrences(of: "\"name\": \"Heike\"", with: "\"name\": \"Heike\",\n            \"seat\": 3")
        let account = try AccountFileFormat.decode(Array(file.utf8), fileName: "k1.json")
        let written = String(decoding: AccountFileFormat.encode(account), as: UTF8.self)
        #expect(written.contains("\"mood\": \"tense\""))
        #expect(written.contains("\"seat\": 3"))
    }

    @Test func duplicateIdsAndBadValuesAreNamedErrors() {
        let twice = Self.reviewedFile.replacingOccurrences(of: "\"id\": \"d1\"", with: "\"id\": \"a1\"")
            .replacingOccurrences(of: "\"decisions\": [", with: "\"decisions\": [\n    {\"by\": \"x\", \"id\": \"d9\", \"on\": \"2026-01-01\", \"text\": \"t\"},\n    {\"by\": \"x\", \"id\": \"d9\", \"on\": \"2026-01-01\", \"text\": \"t\"},")
        #expect(throws: FileFormatError.self) { try AccountFileFormat.decode(Array(twice.utf8), fileName: "k1.json") }
        let badStatus = Self.reviewedFile.replacingOccurrences(of: "\"status\": \"open\",\n      \"what\"", with: "\"status\": \"maybe\",\n      \"what\"")
        #expect(throws: FileFormatError.self) { try AccountFileFormat.decode(Array(badStatus.utf8), fileName: "k1.json") }
    }

    @Test func reviewSettingsAreWrittenOnlyWhenSet() throws {
        var settings = WorkbookSettings(owner: "Dana", currency: "EUR")
        let plain = WorkbookFileFormat.encode(settings)
        #expect(!String(decoding: plain, as: UTF8.self).contains("review"))
        settings.review = ReviewSettings(lists: [ReviewList(name: "Q4 focus", accounts: [AccountID("b2"), AccountID("a1")])],
                                         sensitive: [.personNotes, .accountNotes])
        let bytes = WorkbookFileFormat.encode(settings)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\"Q4 focus\": [\n          \"a1\",\n          \"b2\"\n        ]"), "account ids are a sorted set")
        let decoded = try WorkbookFileFormat.decode(bytes)
        #expect(decoded.review == settings.review)
        #expect(WorkbookFileFormat.encode(decoded) == bytes)
    }

    @Test func anUnknownSensitiveFieldIsKept() throws {
        let file = """
        {
          "formatVersion": 1,
          "owner": "Dana",
          "settings": {
            "currency": "EUR",
            "review": {
              "sensitive": [
                "futureField",
                "ratings"
              ],
              "templates": "from a newer build"
            }
          }
        }

        """
        let settings = try WorkbookFileFormat.decode(Array(file.utf8))
        #expect(settings.review.sensitive == [.ratings])
        #expect(WorkbookFileFormat.encode(settings) == Array(file.utf8))
    }
}
