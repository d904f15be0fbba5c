import Testing
@testable import WorkbookStorage
import WorkbookModel

@Suite struct AccountFileFormatTests {
    static let sampleFile = """
    {
      "annualValue": 120000,
      "formatVersion": 1,
      "id": "a1b2c3d4e5f60718",
      "industry": "Logistics",
      "name": "Acme Logistics",
      "nextMeeting": "2026-03-14",
      "notes": "Prefers \\"short\\" calls.\\nAsk about Q3.",
      "owner": "dana",
      "stage": "reliable-supplier"
    }

    """

    @Test func encodesTheDocumentedShape() {
        #expect(String(decoding: AccountFileFormat.encode(sampleAccount()), as: UTF8.self) == Self.sampleFile)
    }

    @Test func decodesTheDocumentedShape() throws {
        #expect(try AccountFileFormat.decode(bytes(Self.sampleFile), fileName: "a1b2c3d4e5f60718.json") == sampleAccount())
    }

    @Test func emptyStringsAreWrittenAndOptionalValuesOmitted() {
        let account = Account(id: AccountID("x"), name: "")
        let expected = """
        {
          "formatVersion": 1,
          "id": "x",
          "industry": "",
          "name": "",
          "notes": "",
          "owner": "",
          "stage": "prospect"
        }

        """
        #expect(String(decoding: AccountFileFormat.encode(account), as: UTF8.self) == expected)
    }

    @Test func roundTripsEveryField() throws {
        var account = sampleAccount()
        account.archived = ArchiveMark(on: CalendarDate(year: 2025, month: 12, day: 31)!, by: "jo")
        account.annualValue = -5
        account.name = "Ünïcødé 東京 😀"
        let decoded = try AccountFileFormat.decode(AccountFileFormat.encode(account), fileName: "a1b2c3d4e5f60718.json")
        #expect(decoded == account)
    }

    @Test func unknownFieldsSurviveLoadAndSave() throws {
        let file = """
        {
          "archived": {
            "by": "jo",
            "on": "2025-01-02",
            "reason": "merged"
          },
          "formatVersion": 1,
          "health": 0.75,
          "id": "k9",
          "industry": "",
          "name": "Kappa",
          "notes": "",
          "owner": "",
          "stage": "partner",
          "visits": [
            {
              "id": "v1",
              "text": "Plant tour"
            }
          ],
          "zz": null
        }

        """
        let account = try AccountFileFormat.decode(bytes(file), fileName: "k9.json")
        #expect(account.unknownFields["health"] == .number("0.75"))
        #expect(account.unknownFields["zz"] == .null)
        #expect(account.unknownFields["archived"] == .object(["reason": .string("merged")]))
        #expect(account.archived == ArchiveMark(on: CalendarDate(year: 2025, month: 1, day: 2)!, by: "jo"))
        #expect(AccountFileFormat.encode(account) == bytes(file))

        // Editing a known field keeps the unknown ones.
        var edited = account
        edited.name = "Kappa AG"
        let again = try AccountFileFormat.decode(AccountFileFormat.encode(edited), fileName: "k9.json")
        #expect(again.unknownFields == account.unknownFields)
        #expect(again.name == "Kappa AG")
    }

    @Test func knownFieldsWinOverUnknownOnesOfTheSameName() throws {
        var account = sampleAccount()
        account.unknownFields = ["name": .string("stale"), "annualValue": .string("x")]
        account.annualValue = nil
        let decoded = try AccountFileFormat.decode(AccountFileFormat.encode(account))
        #expect(decoded.name == "Acme Logistics")
        #expect(decoded.annualValue == nil)
        #expect(decoded.unknownFields.isEmpty)
    }

    @Test func nullOptionalValuesAreAbsent() throws {
        let file = #"{"formatVersion": 1, "id": "n1", "name": "N", "stage": "vendor", "annualValue": null, "nextMeeting": null, "archived": null}"#
        let account = try AccountFileFormat.decode(bytes(file))
        #expect(account.annualValue == nil && account.nextMeeting == nil && account.archived == nil)
        #expect(account.industry == "" && account.owner == "" && account.notes == "")
    }

    // MARK: Errors name the field

    private func decodeError(_ members: [String: JSONValue], fileName: String? = nil, dropping: [String] = []) -> String? {
        var object: [String: JSONValue] = [
            "formatVersion": .integer(1), "id": .string("abc"), "name": .string("N"), "stage": .string("vendor"),
        ]
        for key in dropping { object.removeValue(forKey: key) }
        object.merge(members) { _, new in new }
        do {
            _ = try AccountFileFormat.decode(.object(object), fileName: fileName)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func fieldErrors() {
        #expect(decodeError(["stage": .string("friend")]) == "field \"stage\": expected one of prospect, vendor, reliable-supplier, partner, lost, found \"friend\"")
        #expect(decodeError([:], dropping: ["name"]) == "field \"name\": missing")
        #expect(decodeError([:], dropping: ["stage"]) == "field \"stage\": missing")
        #expect(decodeError([:], dropping: ["id"]) == "field \"id\": missing")
        #expect(decodeError(["annualValue": .string("12")]) == "field \"annualValue\": expected an integer, found a string")
        #expect(decodeError(["annualValue": .number("1.5")]) == "field \"annualValue\": expected an integer, found 1.5")
        #expect(decodeError(["annualValue": .number("99999999999999999999")]) == "field \"annualValue\": the integer 99999999999999999999 is too large")
        #expect(decodeError(["name": .integer(3)]) == "field \"name\": expected a string, found a number")
        #expect(decodeError(["notes": .array([])]) == "field \"notes\": expected a string, found an array")
        #expect(decodeError(["nextMeeting": .string("2026-02-30")]) == "field \"nextMeeting\": expected a date \"YYYY-MM-DD\", found \"2026-02-30\"")
        #expect(decodeError(["nextMeeting": .bool(true)]) == "field \"nextMeeting\": expected a date \"YYYY-MM-DD\", found a boolean")
        #expect(decodeError(["archived": .string("yes")]) == "field \"archived\": expected an object, found a string")
        #expect(decodeError(["archived": .object(["by": .string("jo")])]) == "field \"archived.on\": missing")
        #expect(decodeError(["archived": .object(["on": .string("2025-01-01")])]) == "field \"archived.by\": missing")
        #expect(decodeError(["id": .string("Not An Id")]) == "field \"id\": \"Not An Id\" is not a valid id (1 to 64 characters: a-z, 0-9, '-' and '_')")
        #expect(decodeError(["formatVersion": .string("1")]) == "field \"formatVersion\": expected an integer, found a string")
        #expect(decodeError(["formatVersion": .integer(-1)]) == "field \"formatVersion\": expected 1, found -1")
        #expect(decodeError(["formatVersion": .number("1.0")]) == "field \"formatVersion\": expected an integer, found 1.0")
        // Version 0 (no formatVersion key) is migrated, not an error: see MigrationTests.
        #expect(decodeError([:], dropping: ["formatVersion"]) == nil)
        #expect(decodeError(["formatVersion": .integer(0)]) == nil)
    }

    @Test func idMustMatchTheFileName() {
        #expect(decodeError(["id": .string("x")], fileName: "y.json") == "the file's id \"x\" does not match its file name \"y.json\"")
        #expect(decodeError(["id": .string("y")], fileName: "y.json") == nil)
    }

    @Test func newerFormatIsReportedBeforeAnythingElse() {
        do {
            // Even with fields this build would reject: a newer format may have changed them.
            _ = try AccountFileFormat.decode(.object(["formatVersion": .integer(3), "stage": .integer(9)]))
            Issue.record("decoded a newer file")
        } catch {
            #expect(error.message == "written by a newer version (format 3); this build reads up to 1 — opened read-only")
            #expect(error.newerFormatVersion == 3)
        }
    }

    @Test func topLevelMustBeAnObjectAndSyntaxErrorsKeepTheirPosition() {
        #expect(throws: FileFormatError("expected a JSON object at the top level, found an array")) {
            try AccountFileFormat.decode(bytes("[]"))
        }
        #expect(throws: FileFormatError("line 2, column 1: expected ',' or '}' after an object member, found '\"'")) {
            try AccountFileFormat.decode(bytes("{\"a\": 1\n\"b\": 2}"))
        }
    }
}

@Suite struct WorkbookFileFormatTests {
    @Test func encodesAndDecodes() throws {
        let settings = WorkbookSettings(owner: "dana", currency: "CHF")
        let expected = """
        {
          "formatVersion": 1,
          "owner": "dana",
          "settings": {
            "currency": "CHF"
          }
        }

        """
        #expect(String(decoding: WorkbookFileFormat.encode(settings), as: UTF8.self) == expected)
        #expect(try WorkbookFileFormat.decode(bytes(expected)) == settings)
    }

    @Test func unknownKeysAtBothLevelsSurvive() throws {
        let file = """
        {
          "formatVersion": 1,
          "owner": "",
          "region": "DACH",
          "settings": {
            "currency": "EUR",
            "fiscalYearStart": "04-01"
          }
        }

        """
        let settings = try WorkbookFileFormat.decode(bytes(file))
        #expect(settings.unknownFields["region"] == .string("DACH"))
        #expect(WorkbookFileFormat.encode(settings) == bytes(file))
    }

    @Test func defaultsAndErrors() throws {
        #expect(try WorkbookFileFormat.decode(bytes(#"{"formatVersion": 1}"#)) == WorkbookSettings(owner: "", currency: "EUR"))
        #expect(throws: FileFormatError("field \"settings.currency\": expected a string, found a number")) {
            try WorkbookFileFormat.decode(bytes(#"{"formatVersion": 1, "settings": {"currency": 978}}"#))
        }
        #expect(throws: FileFormatError("written by a newer version (format 2); this build reads up to 1 — opened read-only", newerFormatVersion: 2)) {
            try WorkbookFileFormat.decode(bytes(#"{"formatVersion": 2}"#))
        }
    }
}
