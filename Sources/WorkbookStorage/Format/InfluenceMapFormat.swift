import WorkbookModel

/// The influence map inside an account file: `objectives`, `people` and `influences`, each an array
/// of objects sorted by id; lists of ids and roles are sorted sets; coverage is sorted by colleague.
///
/// Made for git merges: a reference to a person or objective that is not there is kept, not an error
/// (a teammate may have removed that person; the map shows their reports as roots). Unknown members
/// are kept at every level. The model has no place for them inside a coverage entry or a judgement,
/// so those ride in the owner's `unknownFields` under the same key (`coverage` keyed by colleague,
/// `roleJudgement`…) and are merged back on writing, as `archived` does for the account.
enum InfluenceMapFormat {
    static let objectiveKeys: Set<String> = ["id", "title", "closeDate", "amount", "position"]
    static let personKeys: Set<String> = [
        "id", "name", "title", "level", "reportsTo", "influences", "notes", "hotButtons", "coldButtons", "coverage",
        "lastContact", "nextStep", "nextStepDate", "newInRole", "uncertain",
    ]
    static let influenceKeys: Set<String> = [
        "id", "objective", "person", "roles", "degree", "mode", "rating", "win", "result", "roleJudgement", "modeJudgement", "ratingJudgement",
    ]
    static let coverageKeys: Set<String> = ["by", "level"]
    static let judgementKeys: Set<String> = ["basis", "checkedOn"]

    // MARK: Writing

    /// Adds the three arrays, each only when it has something in it, so older files stay byte-identical.
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
        members["influences"] = .array(Set(person.influences).sorted().map { .string($0.rawValue) })
        members["coverage"] = coverageValue(person)
        members["newInRole"] = .bool(person.isNewInRole)
        members["uncertain"] = .bool(person.isUncertain)
        if let manager = person.reportsTo { members["reportsTo"] = .string(manager.rawValue) }
        if let date = person.lastContact { members["lastContact"] = .string(date.iso) }
        if let date = person.nextStepDate { members["nextStepDate"] = .string(date.iso) }
        return .object(members)
    }

    /// Sorted by colleague; an entry's kept unknown members come back only while that colleague still covers the person.
    static func coverageValue(_ person: Person) -> JSONValue {
        let kept = person.unknownFields["coverage"]?.objectValue ?? [:]
        return .array(person.coverage.sorted { $0.by < $1.by }.map { entry in
            var members = (kept[entry.by]?.objectValue ?? [:]).filter { !coverageKeys.contains($0.key) }
            members["by"] = .string(entry.by)
            members["level"] = .string(entry.level.rawValue)
            return .object(members)
        })
    }

    static func jsonValue(_ influence: BuyingInfluence) -> JSONValue {
        var members = influence.unknownFields.filter { !influenceKeys.contains($0.key) }
        members["id"] = .string(influence.id.rawValue)
        members["objective"] = .string(influence.objectiveID.rawValue)
        members["person"] = .string(influence.personID.rawValue)
        members["roles"] = .array(Set(influence.roles).sorted().map { .string($0.rawValue) })
        members["degree"] = .string(influence.degree.rawValue)
        members["win"] = .string(influence.win)
        members["result"] = .string(influence.result)
        if let mode = influence.mode { members["mode"] = .string(mode.rawValue) }
        if let rating = influence.rating { members["rating"] = .integer(rating) }
        for (key, judgement) in [("roleJudgement", influence.roleJudgement), ("modeJudgement", influence.modeJudgement),
                                 ("ratingJudgement", influence.ratingJudgement)] {
            members[key] = jsonValue(judgement, kept: influence.unknownFields[key]?.objectValue ?? [:])
        }
        return .object(members)
    }

    static func jsonValue(_ judgement: Judgement, kept: [String: JSONValue]) -> JSONValue {
        var members = kept.filter { !judgementKeys.contains($0.key) }
        members["basis"] = .string(judgement.basis.rawValue)
        if let date = judgement.checkedOn { members["checkedOn"] = .string(date.iso) }
        return .object(members)
    }

    // MARK: Reading

    static func read(_ reader: inout ObjectFieldReader) throws(FileFormatError) -> (objectives: [SalesObjective], people: [Person], influences: [BuyingInfluence]) {
        let objectiveEntries = try reader.objectArray("objectives", readObjective)
        let personEntries = try reader.objectArray("people", readPerson)
        let influenceEntries = try reader.objectArray("influences", readInfluence)
        // A read element may already hold kept members of its nested objects; its own unread ones join them.
        let objectives = try ElementIdentity.unique("objectives", reader, objectiveEntries) { $0.id } keep: { $0.unknownFields.merge($1) { own, _ in own } }
        let people = try ElementIdentity.unique("people", reader, personEntries) { $0.id } keep: { $0.unknownFields.merge($1) { own, _ in own } }
        let influences = try ElementIdentity.unique("influences", reader, influenceEntries) { $0.id } keep: { $0.unknownFields.merge($1) { own, _ in own } }
        return (objectives, people, influences)
    }

    private static func readObjective(_ nested: inout ObjectFieldReader) throws(FileFormatError) -> SalesObjective {
        SalesObjective(id: try ElementIdentity.id(&nested), title: try nested.requiredString("title"), closeDate: try nested.optionalDate("closeDate"),
                       amount: try nested.optionalInteger("amount"), position: try scale(&nested, "position") ?? 0)
    }

    private static func readPerson(_ nested: inout ObjectFieldReader) throws(FileFormatError) -> Person {
        let id = try ElementIdentity.id(&nested)
        let (coverage, keptCoverage) = try readCoverage(&nested)
        var person = Person(
            id: id, name: try nested.requiredString("name"), title: try nested.optionalString("title"),
            level: try nested.requiredEnum("level", PersonLevel.self), reportsTo: try nested.stringIfPresent("reportsTo").map(EntityID.init),
            influences: try nested.stringList("influences").map(EntityID.init), notes: try nested.optionalString("notes"),
            hotButtons: try nested.optionalString("hotButtons"), coldButtons: try nested.optionalString("coldButtons"), coverage: coverage,
            lastContact: try nested.optionalDate("lastContact"), nextStep: try nested.optionalString("nextStep"),
            nextStepDate: try nested.optionalDate("nextStepDate"), isNewInRole: try nested.optionalBool("newInRole"),
            isUncertain: try nested.optionalBool("uncertain"))
        if !keptCoverage.isEmpty { person.unknownFields["coverage"] = .object(keptCoverage) }
        return person
    }

    /// The colleague's name is the entry's key: a name twice is an error, as a duplicate id would be.
    private static func readCoverage(_ nested: inout ObjectFieldReader) throws(FileFormatError) -> ([Coverage], [String: JSONValue]) {
        let entries = try nested.objectArray("coverage") { (entry: inout ObjectFieldReader) throws(FileFormatError) -> Coverage in
            Coverage(by: try entry.requiredString("by"), level: try entry.requiredEnum("level", CoverageLevel.self))
        }
        var seen: [String: Int] = [:]
        var kept: [String: JSONValue] = [:]
        for (index, entry) in entries.enumerated() {
            if let first = seen.updateValue(index, forKey: entry.value.by) {
                throw nested.error("coverage[\(index)].by", "\"\(entry.value.by)\" is listed twice (also coverage[\(first)])")
            }
            if !entry.unknown.isEmpty { kept[entry.value.by] = .object(entry.unknown) }
        }
        return (entries.map(\.value), kept)
    }

    private static func readInfluence(_ nested: inout ObjectFieldReader) throws(FileFormatError) -> BuyingInfluence {
        var kept: [String: JSONValue] = [:]
        var influence = BuyingInfluence(
            id: try ElementIdentity.id(&nested), objectiveID: EntityID(try nested.requiredString("objective")),
            personID: EntityID(try nested.requiredString("person")), roles: try nested.enumList("roles", BuyingRole.self),
            degree: try nested.requiredEnum("degree", InfluenceDegree.self), mode: try nested.enumIfPresent("mode", ResponseMode.self),
            rating: try scale(&nested, "rating"), win: try nested.optionalString("win"), result: try nested.optionalString("result"),
            roleJudgement: try judgement(&nested, "roleJudgement", kept: &kept),
            modeJudgement: try judgement(&nested, "modeJudgement", kept: &kept),
            ratingJudgement: try judgement(&nested, "ratingJudgement", kept: &kept))
        influence.unknownFields = kept
        return influence
    }

    /// `{"basis": "stated", "checkedOn": "2026-11-20"}`; missing is an unchecked inference.
    private static func judgement(
        _ reader: inout ObjectFieldReader, _ key: String, kept: inout [String: JSONValue]
    ) throws(FileFormatError) -> Judgement {
        guard let read = try reader.optionalObject(key, { (nested: inout ObjectFieldReader) throws(FileFormatError) -> Judgement in
            Judgement(basis: try nested.requiredEnum("basis", JudgementBasis.self), checkedOn: try nested.optionalDate("checkedOn"))
        }) else { return Judgement() }
        if !read.unknown.isEmpty { kept[key] = .object(read.unknown) }
        return read.value
    }

    /// A value on the −5…+5 scale of Strategic Selling.
    private static func scale(_ reader: inout ObjectFieldReader, _ key: String) throws(FileFormatError) -> Int? {
        guard let value = try reader.optionalInteger(key) else { return nil }
        guard (-5...5).contains(value) else { throw reader.error(key, "expected a whole number from -5 to +5, found \(value)") }
        return value
    }
}
