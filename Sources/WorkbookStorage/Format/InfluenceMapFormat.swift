import WorkbookModel

/// The influence map inside an account file: `objectives`, `people` and `influences`, each an array
/// of objects sorted by id; lists of ids and roles are sorted sets; coverage is sorted by colleague.
/// A reference to a person or objective that is not there is kept, not an error: a teammate may have
/// removed that person, and the map shows their reports as roots.
enum InfluenceMapFormat {
    static let objectiveKeys: Set<String> = ["id", "title", "closeDate", "amount", "position"]
    static let personKeys: Set<String> = [
        "id", "name", "title", "level", "reportsTo", "influences", "notes", "hotButtons", "coldButtons", "coverage",
        "lastContact", "nextStep", "nextStepDate", "newInRole", "uncertain",
    ]
    static let influenceKeys: Set<String> = [
        "id", "objective", "person", "roles", "degree", "mode", "rating", "win", "result", "roleJudgement", "modeJudgement", "ratingJudgement",
    ]

    // MARK: Writing

    static func write(_ account: Account, into members: inout [String: JSONValue]) {
        if !account.objectives.isEmpty { members["objectives"] = .array(account.objectives.sorted { $0.id < $1.id }.map(jsonValue)) }
        if !account.people.isEmpty { members["people"] = .array(account.people.sorted { $0.id < $1.id }.map(jsonValue)) }
        if !account.influences.isEmpty { members["influences"] = .array(account.influences.sorted { $0.id < $1.id }.map(jsonValue)) }
    }

    static func jsonValue(_ objective: SalesObjective) -> JSONValue {
        var members = objective.unknownFields.filter { !objectiveKeys.contains($0.key) }
        members["id"] = .string(objective.id.rawValue)
        members["title"] = .string(objective.title)
        members["position"] = .integer(objective.position)
        if let date = objective.closeDate { members["closeDate"] = .string(date.iso) }
        if let amount = objective.amount { members["amount"] = .integer(amount) }
        return .object(members)
    }

    static func jsonValue(_ person: Person) -> JSONValue {
        var members = person.unknownFields.filter { !personKeys.contains($0.key) }
        members["id"] = .string(person.id.rawValue)
        members["name"] = .string(person.name)
        members["title"] = .string(person.title)
        members["level"] = .string(person.level.rawValue)
        members["notes"] = .string(person.notes)
        members["hotButtons"] = .string(person.hotButtons)
        members["coldButtons"] = .string(person.coldButtons)
        members["nextStep"] = .string(person.nextStep)
        members["influences"] = .array(Array(Set(person.influences)).sorted().map { .string($0.rawValue) })
        members["coverage"] = .array(person.coverage.sorted { $0.by < $1.by }.map { .object(["by": .string($0.by), "level": .string($0.level.rawValue)]) })
        members["newInRole"] = .bool(person.isNewInRole)
        members["uncertain"] = .bool(person.isUncertain)
        if let manager = person.reportsTo { members["reportsTo"] = .string(manager.rawValue) }
        if let date = person.lastContact { members["lastContact"] = .string(date.iso) }
        if let date = person.nextStepDate { members["nextStepDate"] = .string(date.iso) }
        return .object(members)
    }

    static func jsonValue(_ influence: BuyingInfluence) -> JSONValue {
        var members = influence.unknownFields.filter { !influenceKeys.contains($0.key) }
        members["id"] = .string(influence.id.rawValue)
        members["objective"] = .string(influence.objectiveID.rawValue)
        members["person"] = .string(influence.personID.rawValue)
        members["roles"] = .array(Array(Set(influence.roles)).sorted().map { .string($0.rawValue) })
        members["degree"] = .string(influence.degree.rawValue)
        members["win"] = .string(influence.win)
        members["result"] = .string(influence.result)
        if let mode = influence.mode { members["mode"] = .string(mode.rawValue) }
        if let rating = influence.rating { members["rating"] = .integer(rating) }
        members["roleJudgement"] = jsonValue(influence.roleJudgement)
        members["modeJudgement"] = jsonValue(influence.modeJudgement)
        members["ratingJudgement"] = jsonValue(influence.ratingJudgement)
        return .object(members)
    }

    static func jsonValue(_ judgement: Judgement) -> JSONValue {
        var members: [String: JSONValue] = ["basis": .string(judgement.basis.rawValue)]
        if let date = judgement.checkedOn { members["checkedOn"] = .string(date.iso) }
        return .object(members)
    }

    // MARK: Reading

    static func read(_ reader: inout ObjectFieldReader) throws(FileFormatError) -> (objectives: [SalesObjective], people: [Person], influences: [BuyingInfluence]) {
        let objectives = try unique("objectives", try reader.objectArray("objectives") { (nested: inout ObjectFieldReader) throws(FileFormatError) -> SalesObjective in
            SalesObjective(id: try id(&nested), title: try nested.requiredString("title"), closeDate: try nested.optionalDate("closeDate"),
                           amount: try nested.optionalInteger("amount"), position: try scale(&nested, "position") ?? 0)
        }) { $0.id } apply: { $0.unknownFields = $1 }
        let people = try unique("people", try reader.objectArray("people") { (nested: inout ObjectFieldReader) throws(FileFormatError) -> Person in
            try readPerson(&nested)
        }) { $0.id } apply: { $0.unknownFields = $1 }
        let influences = try unique("influences", try reader.objectArray("influences") { (nested: inout ObjectFieldReader) throws(FileFormatError) -> BuyingInfluence in
            try readInfluence(&nested)
        }) { $0.id } apply: { $0.unknownFields = $1 }
        return (objectives, people, influences)
    }

    private static func readPerson(_ nested: inout ObjectFieldReader) throws(FileFormatError) -> Person {
        let coverage = try nested.objectArray("coverage") { (entry: inout ObjectFieldReader) throws(FileFormatError) -> Coverage in
            Coverage(by: try entry.requiredString("by"), level: try entry.requiredEnum("level", CoverageLevel.self))
        }.map(\.value)
        if Set(coverage.map(\.by)).count != coverage.count {
            throw FileFormatError.field("people.coverage", "a colleague is listed twice")
        }
        return Person(
            id: try id(&nested), name: try nested.requiredString("name"), title: try nested.optionalString("title"),
            level: try nested.requiredEnum("level", PersonLevel.self), reportsTo: try nested.stringIfPresent("reportsTo").map(EntityID.init),
            influences: try nested.stringList("influences").map(EntityID.init), notes: try nested.optionalString("notes"),
            hotButtons: try nested.optionalString("hotButtons"), coldButtons: try nested.optionalString("coldButtons"), coverage: coverage,
            lastContact: try nested.optionalDate("lastContact"), nextStep: try nested.optionalString("nextStep"),
            nextStepDate: try nested.optionalDate("nextStepDate"), isNewInRole: try nested.optionalBool("newInRole"),
            isUncertain: try nested.optionalBool("uncertain"))
    }

    private static func readInfluence(_ nested: inout ObjectFieldReader) throws(FileFormatError) -> BuyingInfluence {
        var roles: [BuyingRole] = []
        for text in try nested.stringList("roles") {
            guard let role = BuyingRole(rawValue: text) else {
                throw FileFormatError.field("influences.roles", "expected economic, technical, user or coach, found \"\(text)\"")
            }
            roles.append(role)
        }
        let mode = try nested.stringIfPresent("mode")
        let parsedMode = try mode.map { (text: String) throws(FileFormatError) -> ResponseMode in
            guard let value = ResponseMode(rawValue: text) else {
                throw FileFormatError.field("influences.mode", "expected growth, trouble, even-keel or overconfident, found \"\(text)\"")
            }
            return value
        }
        return BuyingInfluence(
            id: try id(&nested), objectiveID: EntityID(try nested.requiredString("objective")), personID: EntityID(try nested.requiredString("person")),
            roles: roles, degree: try nested.requiredEnum("degree", InfluenceDegree.self), mode: parsedMode, rating: try scale(&nested, "rating"),
            win: try nested.optionalString("win"), result: try nested.optionalString("result"),
            roleJudgement: try judgement(&nested, "roleJudgement"), modeJudgement: try judgement(&nested, "modeJudgement"),
            ratingJudgement: try judgement(&nested, "ratingJudgement"))
    }

    private static func judgement(_ reader: inout ObjectFieldReader, _ key: String) throws(FileFormatError) -> Judgement {
        try reader.optionalObject(key) { (nested: inout ObjectFieldReader) throws(FileFormatError) -> Judgement in
            Judgement(basis: try nested.requiredEnum("basis", JudgementBasis.self), checkedOn: try nested.optionalDate("checkedOn"))
        }?.value ?? Judgement()
    }

    private static func id(_ reader: inout ObjectFieldReader) throws(FileFormatError) -> EntityID {
        let text = try reader.requiredString("id")
        guard AccountID.isWellFormed(text) else { throw FileFormatError.field("id", "\"\(text)\" is not a valid id") }
        return EntityID(text)
    }

    /// A value on the −5…+5 scale of Strategic Selling.
    private static func scale(_ reader: inout ObjectFieldReader, _ key: String) throws(FileFormatError) -> Int? {
        guard let value = try reader.optionalInteger(key) else { return nil }
        guard (-5...5).contains(value) else { throw FileFormatError.field(key, "expected a whole number from -5 to +5, found \(value)") }
        return value
    }

    /// Duplicate ids are an error (merges match elements by id); unread members become unknown fields.
    private static func unique<T>(
        _ name: String, _ entries: [(value: T, unknown: [String: JSONValue])], id: (T) -> EntityID, apply: (inout T, [String: JSONValue]) -> Void
    ) throws(FileFormatError) -> [T] {
        var seen = Set<EntityID>()
        var result: [T] = []
        for entry in entries {
            var value = entry.value
            guard seen.insert(id(value)).inserted else { throw FileFormatError.field(name, "the id \"\(id(value))\" is used twice") }
            apply(&value, entry.unknown)
            result.append(value)
        }
        return result.sorted { id($0) < id($1) }
    }
}
