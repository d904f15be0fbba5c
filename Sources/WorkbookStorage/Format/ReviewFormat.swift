import WorkbookModel

/// The team-review arrays of an account file: `reviews` (each with its snapshot), `decisions` and
/// `actions`. Each array holds objects with ids, sorted by date then id so a new entry lands at the
/// end, and is written only when it has something in it, so files from before reviews keep their bytes.
///
/// A snapshot is never edited after it is written: the object read from the file is kept whole
/// (in the record's `unknownFields["snapshot"]`) and written back as it was, newer members included.
enum ReviewFormat {
    static let accountKeys: Set<String> = ["reviews", "decisions", "actions"]
    static let recordKeys: Set<String> = ["id", "on", "by", "snapshot"]
    static let decisionKeys: Set<String> = ["id", "on", "by", "text"]
    static let actionKeys: Set<String> = ["id", "what", "owner", "due", "status", "agreedOn", "closedOn"]

    // MARK: Writing

    static func write(_ log: AccountReviewLog, into members: inout [String: JSONValue]) {
        if !log.records.isEmpty { members["reviews"] = .array(log.records.sorted(by: ReviewRecord.precedes).map(jsonValue)) }
        if !log.decisions.isEmpty { members["decisions"] = .array(log.decisions.sorted(by: ReviewDecision.precedes).map(jsonValue)) }
        if !log.actions.isEmpty { members["actions"] = .array(log.actions.sorted(by: ReviewAction.precedes).map(jsonValue)) }
    }

    static func jsonValue(_ record: ReviewRecord) -> JSONValue {
        var members = record.unknownFields.filter { !recordKeys.contains($0.key) }
        members["id"] = .string(record.id.rawValue)
        members["on"] = .string(record.on.iso)
        members["by"] = .string(record.by)
        members["snapshot"] = record.unknownFields["snapshot"] ?? jsonValue(record.snapshot)
        return .object(members)
    }

    static func jsonValue(_ snapshot: ReviewSnapshot) -> JSONValue {
        var members: [String: JSONValue] = [:]
        if !snapshot.people.isEmpty {
            members["people"] = .array(snapshot.people.map { .object(["id": .string($0.id.rawValue), "name": .string($0.name)]) })
        }
        if !snapshot.roles.isEmpty {
            members["roles"] = .array(snapshot.roles.map { entry in
                var role: [String: JSONValue] = [
                    "id": .string(entry.id.rawValue), "person": .string(entry.person.rawValue),
                    "objective": .string(entry.objective.rawValue), "roles": .array(entry.roles.map { .string($0.rawValue) }),
                ]
                if let mode = entry.mode { role["mode"] = .string(mode.rawValue) }
                if let rating = entry.rating { role["rating"] = .integer(rating) }
                return .object(role)
            })
        }
        if !snapshot.commitments.isEmpty {
            members["commitments"] = .array(snapshot.commitments.map {
                .object(["id": .string($0.id.rawValue), "text": .string($0.text), "side": .string($0.side.rawValue),
                         "status": .string($0.status.rawValue), "overdue": .bool($0.overdue)])
            })
        }
        if !snapshot.flags.isEmpty {
            members["flags"] = .array(snapshot.flags.map { .object(["id": .string($0.id), "rule": .string($0.rule), "text": .string($0.text)]) })
        }
        return .object(members)
    }

    static func jsonValue(_ decision: ReviewDecision) -> JSONValue {
        var members = decision.unknownFields.filter { !decisionKeys.contains($0.key) }
        members["id"] = .string(decision.id.rawValue)
        members["on"] = .string(decision.on.iso)
        members["by"] = .string(decision.by)
        members["text"] = .string(decision.text)
        return .object(members)
    }

    static func jsonValue(_ action: ReviewAction) -> JSONValue {
        var members = action.unknownFields.filter { !actionKeys.contains($0.key) }
        members["id"] = .string(action.id.rawValue)
        members["what"] = .string(action.what)
        members["owner"] = .string(action.owner)
        members["status"] = .string(action.status.rawValue)
        members["agreedOn"] = .string(action.agreedOn.iso)
        if let due = action.due { members["due"] = .string(due.iso) }
        if let closed = action.closedOn { members["closedOn"] = .string(closed.iso) }
        return .object(members)
    }

    // MARK: Reading

    static func read(_ reader: inout ObjectFieldReader) throws(FileFormatError) -> AccountReviewLog {
        let records = try reader.objectArray("reviews") { (nested: inout ObjectFieldReader) throws(FileFormatError) -> ReviewRecord in
            let id = try ElementIdentity.id(&nested)
            let on = try nested.requiredDate("on")
            let by = try nested.optionalString("by")
            let raw = nested.remaining["snapshot"]
            guard let read = try nested.optionalObject("snapshot", readSnapshot) else {
                return ReviewRecord(id: id, on: on, by: by, snapshot: ReviewSnapshot())
            }
            var record = ReviewRecord(id: id, on: on, by: by, snapshot: read.value)
            record.unknownFields["snapshot"] = raw
            return record
        }
        let decisions = try reader.objectArray("decisions") { (nested: inout ObjectFieldReader) throws(FileFormatError) -> ReviewDecision in
            ReviewDecision(id: try ElementIdentity.id(&nested), on: try nested.requiredDate("on"), by: try nested.optionalString("by"),
                           text: try nested.requiredString("text"))
        }
        let actions = try reader.objectArray("actions") { (nested: inout ObjectFieldReader) throws(FileFormatError) -> ReviewAction in
            ReviewAction(id: try ElementIdentity.id(&nested), what: try nested.requiredString("what"), owner: try nested.optionalString("owner"),
                         due: try nested.optionalDate("due"), status: try nested.requiredEnum("status", ReviewActionStatus.self),
                         agreedOn: try nested.requiredDate("agreedOn"), closedOn: try nested.optionalDate("closedOn"))
        }
        return AccountReviewLog(
            records: try ElementIdentity.unique("reviews", reader, records, id: \.id) { $0.unknownFields.merge($1) { own, _ in own } },
            decisions: try ElementIdentity.unique("decisions", reader, decisions, id: \.id) { $0.unknownFields = $1 },
            actions: try ElementIdentity.unique("actions", reader, actions, id: \.id) { $0.unknownFields = $1 })
    }

    /// Reads what this build understands of a snapshot; entries it cannot read are skipped, not an
    /// error, because the snapshot only feeds the words of "since the last review".
    private static func readSnapshot(_ reader: inout ObjectFieldReader) throws(FileFormatError) -> ReviewSnapshot {
        let people = try reader.objectArray("people") { (entry: inout ObjectFieldReader) throws(FileFormatError) in
            ReviewSnapshot.PersonEntry(id: EntityID(try entry.requiredString("id")), name: try entry.optionalString("name"))
        }
        let roles = try reader.objectArray("roles") { (entry: inout ObjectFieldReader) throws(FileFormatError) in
            ReviewSnapshot.RoleEntry(
                id: EntityID(try entry.requiredString("id")), person: EntityID(try entry.requiredString("person")),
                objective: EntityID(try entry.requiredString("objective")), roles: try entry.enumList("roles", BuyingRole.self),
                mode: try entry.enumIfPresent("mode", ResponseMode.self), rating: try entry.optionalInteger("rating"))
        }
        let commitments = try reader.objectArray("commitments") { (entry: inout ObjectFieldReader) throws(FileFormatError) in
            ReviewSnapshot.CommitmentEntry(
                id: CommitmentID(try entry.requiredString("id")), text: try entry.optionalString("text"),
                side: try entry.requiredEnum("side", CommitmentSide.self), status: try entry.requiredEnum("status", CommitmentStatus.self),
                overdue: try entry.optionalBool("overdue"))
        }
        let flags = try reader.objectArray("flags") { (entry: inout ObjectFieldReader) throws(FileFormatError) in
            ReviewSnapshot.FlagEntry(id: try entry.requiredString("id"), rule: try entry.optionalString("rule"), text: try entry.optionalString("text"))
        }
        return ReviewSnapshot(people: people.map(\.value), roles: roles.map(\.value), commitments: commitments.map(\.value), flags: flags.map(\.value))
    }
}
