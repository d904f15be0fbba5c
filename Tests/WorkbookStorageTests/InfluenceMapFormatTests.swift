import Testing
@testable import WorkbookStorage
import WorkbookModel

/// The influence map inside account files.
@Suite struct InfluenceMapFormatTests {
    static let file = """
    {
      "formatVersion": 1,
      "id": "m1",
      "industry": "",
      "influences": [
        {
          "degree": "high",
          "id": "i1",
          "mode": "even-keel",
          "modeJudgement": {
            "basis": "observed",
            "checkedOn": "2026-11-20"
          },
          "objective": "o1",
          "person": "p1",
          "rating": -2,
          "ratingJudgement": {
            "basis": "inferred"
          },
          "result": "lower cost",
          "roleJudgement": {
            "basis": "stated",
            "checkedOn": "2026-11-01"
          },
          "roles": [
            "economic",
            "user"
          ],
          "win": ""
        }
      ],
      "name": "Map Co",
      "notes": "",
      "objectives": [
        {
          "amount": 1200000,
          "closeDate": "2027-03-31",
          "id": "o1",
          "position": 2,
          "title": "40 forklifts"
        }
      ],
      "owner": "",
      "people": [
        {
          "coldButtons": "",
          "coverage": [
            {
              "by": "Dana",
              "level": "in-depth"
            },
            {
              "by": "Sam",
              "level": "brief"
            }
          ],
          "hotButtons": "cash flow",
          "id": "p1",
          "influences": [
            "p2",
            "p9"
          ],
          "lastContact": "2026-11-10",
          "level": "executive",
          "name": "Heike Vogel",
          "newInRole": false,
          "nextStep": "TCO review",
          "notes": "",
          "title": "CFO",
          "uncertain": true,
          "x-newer": 7
        },
        {
          "coldButtons": "",
          "coverage": [],
          "hotButtons": "",
          "id": "p2",
          "influences": [],
          "level": "middle",
          "name": "Jonas",
          "newInRole": true,
          "nextStep": "",
          "notes": "",
          "reportsTo": "p-gone",
          "title": "",
          "uncertain": false
        }
      ],
      "stage": "prospect"
    }

    """

    @Test func aFullMapRoundTripsByteForByteAndKeepsDanglingReferences() throws {
        let account = try AccountFileFormat.decode(Array(Self.file.utf8), fileName: "m1.json")
        #expect(account.objectives.first?.position == 2)
        #expect(account.people.count == 2)
        #expect(account.person(EntityID("p2"))?.reportsTo == EntityID("p-gone"), "a removed manager is kept, not an error")
        #expect(account.person(EntityID("p1"))?.influences == [EntityID("p2"), EntityID("p9")])
        #expect(account.person(EntityID("p1"))?.unknownFields["x-newer"] == .integer(7))
        let influence = try #require(account.influences.first)
        #expect(influence.roles == [.economic, .user])
        #expect(influence.mode == .evenKeel && influence.rating == -2)
        #expect(influence.ratingJudgement == Judgement(basis: .inferred))
        #expect(String(decoding: AccountFileFormat.encode(account), as: UTF8.self) == Self.file)
    }

    @Test func whateverTheOrderInMemoryTheFileIsSorted() {
        var account = Account(id: AccountID("s1"), name: "S")
        account.people = [Person(id: EntityID("zz"), name: "Z", influences: [EntityID("b"), EntityID("a")]), Person(id: EntityID("aa"), name: "A")]
        let text = String(decoding: AccountFileFormat.encode(account), as: UTF8.self)
        #expect(text.range(of: "\"id\": \"aa\"")!.lowerBound < text.range(of: "\"id\": \"zz\"")!.lowerBound)
        #expect(text.range(of: "\"a\"")!.lowerBound < text.range(of: "\"b\"")!.lowerBound)
    }

    @Test func badValuesAreNamed() {
        let cases: [(String, String)] = [
            (#""people": [{"id": "p1", "name": "A", "level": "boss"}]"#, "level"),
            (#""people": [{"id": "p1", "name": "A", "level": "middle"}, {"id": "p1", "name": "B", "level": "middle"}]"#, "used twice"),
            (#""influences": [{"id": "i1", "objective": "o", "person": "p", "degree": "high", "rating": 9}]"#, "-5 to +5"),
            (#""influences": [{"id": "i1", "objective": "o", "person": "p", "degree": "high", "roles": ["boss"]}]"#, "roles"),
            (#""objectives": [{"id": "o1", "title": "T", "position": -6}]"#, "position"),
            (#""people": [{"id": "p1", "name": "A", "level": "middle", "coverage": [{"by": "D", "level": "brief"}, {"by": "D", "level": "in-depth"}]}]"#, "listed twice"),
        ]
        for (fragment, expected) in cases {
            let file = #"{"formatVersion": 1, "id": "b1", "name": "B", "stage": "vendor", "# + fragment + "}"
            do {
                _ = try AccountFileFormat.decode(Array(file.utf8), fileName: "b1.json")
                Issue.record("accepted \(fragment)")
            } catch {
                #expect(error.description.contains(expected), "\(error.description) should mention \(expected)")
            }
        }
    }
}

@Suite struct ThresholdSettingsTests {
    @Test func defaultThresholdsAreNotWrittenAndChangedOnesRoundTrip() throws {
        let plain = String(decoding: WorkbookFileFormat.encode(WorkbookSettings(owner: "dana")), as: UTF8.self)
        #expect(!plain.contains("thresholds"), "a workbook that never changed them keeps its bytes")
        var settings = WorkbookSettings(owner: "dana")
        settings.influenceThresholds.contactDays = 14
        settings.checklistThresholds.unreviewedDays = 45
        let bytes = WorkbookFileFormat.encode(settings)
        #expect(String(decoding: bytes, as: UTF8.self).contains("\"contactDays\": 14"))
        let read = try WorkbookFileFormat.decode(bytes)
        #expect(read.influenceThresholds.contactDays == 14)
        #expect(read.influenceThresholds.judgementDays == 60)
        #expect(read.checklistThresholds.unreviewedDays == 45)
        #expect(throws: FileFormatError.self) {
            try WorkbookFileFormat.decode(Array(#"{"formatVersion": 1, "settings": {"thresholds": {"influence": {"contactDays": -1}}}}"#.utf8))
        }
    }
}
