import Testing
@testable import WorkbookStorage
import WorkbookModel

/// The influence map inside account files: canonical bytes, kept unknown members, soft references, named errors.
@Suite struct InfluenceMapFormatTests {
    /// A full map in canonical form, with an unknown member (`x-…`) at every level and references to a
    /// removed person (`p-gone`) and a removed objective (`o-gone`).
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
            "checkedOn": "2026-11-20",
            "x-source": "workshop"
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
          "win": "",
          "x-weight": 3
        },
        {
          "degree": "low",
          "id": "i2",
          "modeJudgement": {
            "basis": "inferred"
          },
          "objective": "o-gone",
          "person": "p-gone",
          "ratingJudgement": {
            "basis": "inferred"
          },
          "result": "",
          "roleJudgement": {
            "basis": "inferred"
          },
          "roles": [],
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
          "title": "40 forklifts",
          "x-stage": "proposal"
        },
        {
          "id": "o2",
          "position": -5,
          "title": "Service contract"
        }
      ],
      "owner": "",
      "people": [
        {
          "coldButtons": "",
          "coverage": [
            {
              "by": "Dana",
              "level": "in-depth",
              "x-since": "2025-01-01"
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
          "nextStepDate": "2026-12-02",
          "notes": "Ex-CFO of a rival; \\"numbers first\\"",
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
          "name": "佐藤 健",
          "newInRole": true,
          "nextStep": "",
          "notes": "",
          "reportsTo": "p-gone",
          "title": "",
          "uncertain": false
        }
      ],
      "stage": "prospect",
      "x-top": true
    }

    """

    func decode(_ text: String, fileName: String = "m1.json") throws -> Account {
        try AccountFileFormat.decode(Array(text.utf8), fileName: fileName)
    }

    func encode(_ account: Account) -> String { String(decoding: AccountFileFormat.encode(account), as: UTF8.self) }

    @Test func aFullMapRoundTripsByteForByte() throws {
        let account = try decode(Self.file)
        #expect(encode(account) == Self.file)
        #expect(account.objectives.map(\.position) == [2, -5])
        #expect(account.objectives.first?.amount == 1_200_000)
        let heike = try #require(account.person(EntityID("p1")))
        #expect(heike.influences == [EntityID("p2"), EntityID("p9")])
        #expect(heike.coverage == [Coverage(by: "Dana", level: .inDepth), Coverage(by: "Sam", level: .brief)])
        #expect(heike.isUncertain && !heike.isNewInRole)
        let influence = try #require(account.influences.first)
        #expect(influence.roles == [.economic, .user])
        #expect(influence.mode == .evenKeel && influence.rating == -2)
        #expect(influence.modeJudgement == Judgement(basis: .observed, checkedOn: CalendarDate(year: 2026, month: 11, day: 20)))
        #expect(influence.ratingJudgement == Judgement(basis: .inferred))
    }

    @Test func referencesToRemovedPeopleAndObjectivesAreKept() throws {
        let account = try decode(Self.file)
        #expect(account.person(EntityID("p2"))?.reportsTo == EntityID("p-gone"), "a removed manager: the map shows a root")
        #expect(account.person(EntityID("p1"))?.influences.contains(EntityID("p9")) == true)
        #expect(account.influences.last?.personID == EntityID("p-gone"))
        #expect(account.influences.last?.objectiveID == EntityID("o-gone"))
    }

    @Test func unknownMembersAreKeptAtEveryLevel() throws {
        var account = try decode(Self.file)
        #expect(account.unknownFields["x-top"] == .bool(true))
        #expect(account.objectives[0].unknownFields == ["x-stage": .string("proposal")])
        #expect(account.people[0].unknownFields["x-newer"] == .integer(7))
        #expect(account.influences[0].unknownFields["x-weight"] == .integer(3))
        // Edits to the known values keep the nested unknown members where they were.
        account.influences[0].modeJudgement.basis = .stated
        account.people[0].coverage[0].level = .multiple
        let edited = encode(account)
        #expect(edited.contains("\"basis\": \"stated\",\n        \"checkedOn\": \"2026-11-20\",\n        \"x-source\": \"workshop\""))
        #expect(edited.contains("\"level\": \"multiple\",\n          \"x-since\": \"2025-01-01\""))
        // Once Dana no longer covers Heike, what was kept about Dana's coverage goes with it.
        account.people[0].coverage.removeAll { $0.by == "Dana" }
        #expect(!encode(account).contains("x-since"))
    }

    @Test func filesWithoutAMapLoadEmptyAndSaveUnchanged() throws {
        let file = """
        {
          "formatVersion": 1,
          "id": "m1",
          "industry": "",
          "name": "Plain",
          "notes": "",
          "owner": "",
          "stage": "vendor"
        }

        """
        let account = try decode(file)
        #expect(account.objectives.isEmpty && account.people.isEmpty && account.influences.isEmpty)
        #expect(encode(account) == file)
    }

    @Test func whateverTheOrderInMemoryTheFileIsSorted() {
        var person = Person(id: EntityID("zz"), name: "Z")
        person.influences = [EntityID("b"), EntityID("a"), EntityID("b")]
        person.coverage = [Coverage(by: "Sam", level: .brief), Coverage(by: "Dana", level: .none)]
        var influence = BuyingInfluence(id: EntityID("i2"), objectiveID: EntityID("o"), personID: EntityID("zz"))
        influence.roles = [.user, .coach, .user]
        let account = Account(
            id: AccountID("s1"), name: "S",
            objectives: [SalesObjective(id: EntityID("o2"), title: "B"), SalesObjective(id: EntityID("o1"), title: "A")],
            people: [person, Person(id: EntityID("aa"), name: "A", level: .senior)],
            influences: [influence, BuyingInfluence(id: EntityID("i1"), objectiveID: EntityID("o"), personID: EntityID("aa"))])
        let text = encode(account)
        func order(_ needles: String...) -> Bool {
            let positions = needles.map { text.range(of: $0)?.lowerBound }
            return positions.allSatisfy { $0 != nil } && zip(positions, positions.dropFirst()).allSatisfy { $0! < $1! }
        }
        #expect(order("\"id\": \"i1\"", "\"id\": \"i2\"", "\"id\": \"o1\"", "\"id\": \"o2\"", "\"id\": \"aa\"", "\"id\": \"zz\""))
        #expect(text.contains("\"roles\": [\n        \"user\",\n        \"coach\"\n      ]"), "a set of roles, in the order of the roles")
        #expect(text.contains("\"influences\": [\n        \"a\",\n        \"b\"\n      ]"))
        #expect(order("\"by\": \"Dana\"", "\"by\": \"Sam\""))
        let decoded = try? AccountFileFormat.decode(AccountFileFormat.encode(account), fileName: "s1.json")
        #expect(decoded.map(encode) == text, "the sorted file is canonical: loading and saving it changes nothing")
    }

    @Test(arguments: [
        (#""people": [{"id": "p1", "name": "A", "level": "boss"}]"#,
         #"field "people[0] (id "p1").level": expected one of executive, senior, middle, operational, found "boss""#),
        (#""people": [{"id": "p1", "level": "middle"}]"#, #"field "people[0] (id "p1").name": missing"#),
        (#""people": [{"id": "p1", "name": "A", "level": "middle"}, {"id": "p1", "name": "B", "level": "middle"}]"#,
         #"field "people[1] (id "p1").id": used twice (also by people[0])"#),
        (#""people": [{"id": "P 1", "name": "A", "level": "middle"}]"#,
         #"field "people[0] (id "P 1").id": "P 1" is not a valid id (1 to 64 characters: a-z, 0-9, '-' and '_')"#),
        (#""people": [{"id": "p1", "name": "A", "level": "middle", "coverage": [{"by": "D", "level": "brief"}, {"by": "D", "level": "none"}]}]"#,
         #"field "people[0] (id "p1").coverage[1].by": "D" is listed twice (also coverage[0])"#),
        (#""people": [{"id": "p1", "name": "A", "level": "middle", "coverage": [{"by": "D", "level": "lots"}]}]"#,
         #"field "people[0] (id "p1").coverage[0].level": expected one of none, brief, multiple, in-depth, found "lots""#),
        (#""people": [{"id": "p1", "name": "A", "level": "middle", "lastContact": "2026-13-01"}]"#,
         #"field "people[0] (id "p1").lastContact": expected a date "YYYY-MM-DD", found "2026-13-01""#),
        (#""people": {}"#, #"field "people": expected an array, found an object"#),
        (#""influences": [{"id": "i1", "objective": "o", "person": "p", "degree": "high", "rating": 9}]"#,
         #"field "influences[0] (id "i1").rating": expected a whole number from -5 to +5, found 9"#),
        (#""influences": [{"id": "i1", "objective": "o", "person": "p", "degree": "high", "roles": ["coach", "boss"]}]"#,
         #"field "influences[0] (id "i1").roles": expected one of economic, technical, user, coach, found "boss""#),
        (#""influences": [{"id": "i1", "objective": "o", "person": "p", "degree": "high", "mode": "calm"}]"#,
         #"field "influences[0] (id "i1").mode": expected one of growth, trouble, even-keel, overconfident, found "calm""#),
        (#""influences": [{"id": "i1", "objective": "o", "person": "p", "degree": "some"}]"#,
         #"field "influences[0] (id "i1").degree": expected one of high, medium, low, found "some""#),
        (#""influences": [{"id": "i1", "objective": "o", "degree": "high"}]"#, #"field "influences[0] (id "i1").person": missing"#),
        (#""influences": [{"id": "i1", "objective": "o", "person": "p", "degree": "high", "modeJudgement": {"basis": "guessed"}}]"#,
         #"field "influences[0] (id "i1").modeJudgement.basis": expected one of stated, observed, inferred, found "guessed""#),
        (#""influences": [{"id": "i1", "objective": "o", "person": "p", "degree": "high", "roleJudgement": "stated"}]"#,
         #"field "influences[0] (id "i1").roleJudgement": expected an object, found a string"#),
        (#""objectives": [{"id": "o1", "title": "T", "position": -6}]"#,
         #"field "objectives[0] (id "o1").position": expected a whole number from -5 to +5, found -6"#),
        (#""objectives": [{"id": "o1", "title": "T"}, {"id": "o2", "title": "U"}, {"id": "o1", "title": "V"}]"#,
         #"field "objectives[2] (id "o1").id": used twice (also by objectives[0])"#),
    ])
    func badValuesAreNamedPrecisely(fragment: String, message: String) {
        let file = #"{"formatVersion": 1, "id": "b1", "name": "B", "stage": "vendor", "# + fragment + "}"
        #expect(throws: FileFormatError(message)) { try decode(file, fileName: "b1.json") }
    }
}
