import Testing
@testable import WorkbookStorage
import WorkbookModel

/// The checklist inside account files, and files written before the checklist existed.
@Suite struct CommitmentFormatTests {
    static let withChecklist = """
    {
      "commitments": [
        {
          "due": "2026-12-01",
          "evidence": "",
          "id": "0000000000000a01",
          "madeOn": "2026-10-02",
          "owner": "Dana",
          "side": "intention",
          "status": "open",
          "text": "Send the benchmark"
        },
        {
          "evidence": "Met the CFO",
          "id": "0000000000000a02",
          "lastReviewed": "2026-11-20",
          "madeOn": "2026-10-02",
          "owner": "Klaus",
          "side": "expectation",
          "sponsor": "a field from a newer build",
          "status": "kept",
          "statusChangedOn": "2026-11-20",
          "text": "Access to key people"
        }
      ],
      "firstMeeting": "2026-10-02",
      "formatVersion": 1,
      "id": "a1b2c3d4e5f60718",
      "industry": "Logistics",
      "name": "Acme Logistics",
      "notes": "",
      "owner": "dana",
      "stage": "partner",
      "stageChangedOn": "2026-11-01"
    }

    """

    @Test func aFileWithAChecklistRoundTripsByteForByte() throws {
        let account = try AccountFileFormat.decode(Array(Self.withChecklist.utf8), fileName: "a1b2c3d4e5f60718.json")
        #expect(account.commitments.count == 2)
        #expect(account.commitments[1].status == .kept)
        #expect(account.commitments[1].unknownFields["sponsor"] == .string("a field from a newer build"))
        #expect(account.stageChangedOn == CalendarDate(iso: "2026-11-01"))
        #expect(String(decoding: AccountFileFormat.encode(account), as: UTF8.self) == Self.withChecklist)
    }

    @Test func aFileFromBeforeTheChecklistLoadsEmptyAndSavesUnchanged() throws {
        let old = """
        {
          "formatVersion": 1,
          "id": "b1",
          "industry": "",
          "name": "Old Co",
          "notes": "",
          "owner": "",
          "stage": "vendor"
        }

        """
        let account = try AccountFileFormat.decode(Array(old.utf8), fileName: "b1.json")
        #expect(account.commitments.isEmpty)
        #expect(account.firstMeeting == nil && account.stageChangedOn == nil)
        #expect(String(decoding: AccountFileFormat.encode(account), as: UTF8.self) == old)
    }

    @Test func commitmentsAreWrittenSortedByIdWhateverTheOrderInMemory() {
        var account = Account(id: AccountID("c1"), name: "C")
        account.commitments = [
            Commitment(id: CommitmentID("zz"), side: .intention, text: "Second"),
            Commitment(id: CommitmentID("aa"), side: .expectation, text: "First"),
        ]
        let text = String(decoding: AccountFileFormat.encode(account), as: UTF8.self)
        #expect(text.range(of: "\"aa\"")!.lowerBound < text.range(of: "\"zz\"")!.lowerBound)
    }

    @Test func badCommitmentsAreNamedByPositionAndId() {
        let cases: [(String, String)] = [
            (#"[{"id": "a1", "side": "ours", "status": "open", "text": "x"}]"#, "commitments[0] (id \"a1\").side"),
            (#"[{"id": "a1", "side": "intention", "status": "open"}]"#, "commitments[0] (id \"a1\").text"),
            (#"[{"id": "a1", "side": "intention", "status": "open", "text": "x"}, {"id": "a1", "side": "intention", "status": "open", "text": "y"}]"#, "used twice"),
            (#"{"id": "a1"}"#, "expected an array"),
            (#"[{"id": "a1", "side": "intention", "status": "open", "text": "x", "due": "soon"}]"#, "due"),
        ]
        for (commitments, expected) in cases {
            let file = #"{"commitments": "# + commitments + #", "formatVersion": 1, "id": "d1", "name": "D", "stage": "vendor"}"#
            do {
                _ = try AccountFileFormat.decode(Array(file.utf8), fileName: "d1.json")
                Issue.record("accepted \(commitments)")
            } catch {
                #expect(error.description.contains(expected), "\(error.description) should mention \(expected)")
            }
        }
    }

    @Test func templatesFileRoundTripsAndRejectsWrongTypes() throws {
        let templates = CommitmentTemplates(intentions: ["Provide help"], expectations: ["Referrals", "Transparency"])
        let bytes = TemplateFile.encode(templates)
        #expect(try TemplateFile.decode(bytes) == templates)
        #expect(throws: FileFormatError.self) { try TemplateFile.decode(Array(#"{"intentions": [1]}"#.utf8)) }
    }
}
