import WorkbookModel

/// The `commitments` array of an account file: one object per commitment, sorted by id.
enum CommitmentFormat {
    static let knownKeys: Set<String> = [
        "id", "side", "text", "madeOn", "owner", "due", "status", "statusChangedOn", "evidence", "lastReviewed",
    ]

    static func jsonValue(_ commitments: [Commitment]) -> JSONValue {
        .array(commitments.sorted { $0.id < $1.id }.map(jsonValue))
    }

    static func jsonValue(_ commitment: Commitment) -> JSONValue {
        var members = commitment.unknownFields.filter { !knownKeys.contains($0.key) }
        members["id"] = .string(commitment.id.rawValue)
        members["side"] = .string(commitment.side.rawValue)
        members["text"] = .string(commitment.text)
        members["owner"] = .string(commitment.owner)
        members["status"] = .string(commitment.status.rawValue)
        members["evidence"] = .string(commitment.evidence)
        if let date = commitment.madeOn { members["madeOn"] = .string(date.iso) }
        if let date = commitment.due { members["due"] = .string(date.iso) }
        if let date = commitment.statusChangedOn { members["statusChangedOn"] = .string(date.iso) }
        if let date = commitment.lastReviewed { members["lastReviewed"] = .string(date.iso) }
        return .object(members)
    }

    /// Reads the array; duplicate ids are an error, since merges match commitments by id.
    static func decode(_ reader: inout ObjectFieldReader) throws(FileFormatError) -> [Commitment] {
        let entries = try reader.objectArray("commitments") { (nested: inout ObjectFieldReader) throws(FileFormatError) -> Commitment in
            let id = try nested.requiredString("id")
            guard AccountID.isWellFormed(id) else {
                throw FileFormatError.field("commitments.id", "\"\(id)\" is not a valid id")
            }
            return Commitment(
                id: CommitmentID(id),
                side: try nested.requiredEnum("side", CommitmentSide.self),
                text: try nested.requiredString("text"),
                madeOn: try nested.optionalDate("madeOn"),
                owner: try nested.optionalString("owner"),
                due: try nested.optionalDate("due"),
                status: try nested.requiredEnum("status", CommitmentStatus.self),
                statusChangedOn: try nested.optionalDate("statusChangedOn"),
                evidence: try nested.optionalString("evidence"),
                lastReviewed: try nested.optionalDate("lastReviewed"))
        }
        var seen = Set<CommitmentID>()
        var commitments: [Commitment] = []
        for var entry in entries {
            guard seen.insert(entry.value.id).inserted else {
                throw FileFormatError.field("commitments", "the id \"\(entry.value.id)\" is used twice")
            }
            entry.value.unknownFields = entry.unknown
            commitments.append(entry.value)
        }
        return commitments.sorted { $0.id < $1.id }
    }
}
