import WorkbookModel

/// The relationship and the book inside an account file: `stageChangeReason`, `segment`, the
/// `partnership` object, and the `productLines`, `journal` and `ownerHistory` arrays.
///
/// Each is written only when it holds something, so files from before they existed keep their
/// bytes. The four elements are an object keyed by element, then by side (`ours`, `theirs`), so two
/// reps scoring different elements or sides merge per field. Sponsors are sorted sets of names.
/// The journal and owner history are sorted by date, then id: entries are appended, never moved.
/// Unknown members are kept at every level; inside the nested `elements` and `sponsors` objects the
/// object as read is kept whole and the known members are written over it.
enum RelationshipFormat {
    static let accountKeys: Set<String> = ["stageChangeReason", "segment", "partnership", "productLines", "journal", "ownerHistory"]
    static let partnershipKeys: Set<String> = ["customerMeaning", "meaningWords", "elements", "sponsors", "milestones"]
    static let milestoneKeys: Set<String> = ["id", "what", "owner", "due", "status"]
    static let productLineKeys: Set<String> = ["id", "name", "annualValue", "supplier"]
    static let journalKeys: Set<String> = ["id", "date", "author", "kind", "text"]
    static let ownerKeys: Set<String> = ["id", "owner", "from", "handoverNote"]

    // MARK: Writing

    static func write(_ account: Account, into members: inout [String: JSONValue]) {
        if !account.stageChangeReason.isEmpty { members["stageChangeReason"] = .string(account.stageChangeReason) }
        if !account.segment.isEmpty { members["segment"] = .string(account.segment) }
        if !account.partnership.isEmpty { members["partnership"] = jsonValue(account.partnership) }
        if !account.productLines.isEmpty {
            members["productLines"] = .array(account.productLines.sorted { $0.id < $1.id }.map(jsonValue))
        }
        if !account.journal.isEmpty { members["journal"] = .array(account.journal.sorted(by: JournalEntry.fileOrder).map(jsonValue)) }
        if !account.ownerHistory.isEmpty {
            members["ownerHistory"] = .array(account.ownerHistory.sorted(by: OwnershipRecord.fileOrder).map(jsonValue))
        }
    }

    static func jsonValue(_ partnership: Partnership) -> JSONValue {
        var members = partnership.unknownFields.filter { !partnershipKeys.contains($0.key) }
        members["customerMeaning"] = .string(partnership.customerMeaning.rawValue)
        members["meaningWords"] = .string(partnership.meaningWords)
        var elements = partnership.unknownFields["elements"]?.objectValue ?? [:]
        for element in PartnershipElement.allCases {
            var sides = elements[element.rawValue]?.objectValue ?? [:]
            for side in PartnershipSide.allCases {
                let assessment = partnership.assessment(element, side)
                var fields = sides[side.rawValue]?.objectValue ?? [:]
                fields["note"] = .string(assessment.note)
                fields["score"] = assessment.score.map(JSONValue.integer)
                sides[side.rawValue] = assessment.isEmpty && fields.count <= 1 ? nil : .object(fields)
            }
            elements[element.rawValue] = sides.isEmpty ? nil : .object(sides)
        }
        if !elements.isEmpty { members["elements"] = .object(elements) }
        var sponsors = partnership.unknownFields["sponsors"]?.objectValue ?? [:]
        sponsors["ours"] = .array(partnership.ourSponsors.map(JSONValue.string))
        sponsors["theirs"] = .array(partnership.theirSponsors.map(JSONValue.string))
        members["sponsors"] = .object(sponsors)
        members["milestones"] = .array(partnership.milestones.sorted { $0.id < $1.id }.map(jsonValue))
        return .object(members)
    }

    static func jsonValue(_ milestone: Milestone) -> JSONValue {
        var members = milestone.unknownFields.filter { !milestoneKeys.contains($0.key) }
        members["id"] = .string(milestone.id.rawValue)
        members["what"] = .string(milestone.what)
        members["owner"] = .string(milestone.owner)
        members["status"] = .string(milestone.status.rawValue)
        if let due = milestone.due { members["due"] = .string(due.iso) }
        return .object(members)
    }

    static func jsonValue(_ line: ProductLine) -> JSONValue {
        var members = line.unknownFields.filter { !productLineKeys.contains($0.key) }
        members["id"] = .string(line.id.rawValue)
        members["name"] = .string(line.name)
        members["supplier"] = .string(line.supplier)
        if let value = line.annualValue { members["annualValue"] = .integer(value) }
        return .object(members)
    }

    static func jsonValue(_ entry: JournalEntry) -> JSONValue {
        var members = entry.unknownFields.filter { !journalKeys.contains($0.key) }
        members["id"] = .string(entry.id.rawValue)
        members["date"] = .string(entry.date.iso)
        members["author"] = .string(entry.author)
        members["kind"] = .string(entry.kind.rawValue)
        members["text"] = .string(entry.text)
        return .object(members)
    }

    static func jsonValue(_ record: OwnershipRecord) -> JSONValue {
        var members = record.unknownFields.filter { !ownerKeys.contains($0.key) }
        members["id"] = .string(record.id.rawValue)
        members["owner"] = .string(record.owner)
        members["handoverNote"] = .string(record.handoverNote)
        if let from = record.from { members["from"] = .string(from.iso) }
        return .object(members)
    }

    // MARK: Reading

    /// What the relationship keys of an account file hold.
    struct Read {
        var stageChangeReason = ""
        var segment = ""
        var partnership = Partnership()
        var productLines: [ProductLine] = []
        var journal: [JournalEntry] = []
        var ownerHistory: [OwnershipRecord] = []
    }

    static func read(_ reader: inout ObjectFieldReader) throws(FileFormatError) -> Read {
        var read = Read()
        read.stageChangeReason = try reader.optionalString("stageChangeReason")
        read.segment = try reader.optionalString("segment")
        if let partnership = try reader.optionalObject("partnership", readPartnership) {
            read.partnership = partnership.value
            read.partnership.unknownFields.merge(partnership.unknown) { own, _ in own }
        }
        let keep = { (value: inout ProductLine, unknown: [String: JSONValue]) in value.unknownFields = unknown }
        read.productLines = try ElementIdentity.unique("productLines", reader, try reader.objectArray("productLines", readProductLine), id: \.id, keep: keep)
        read.journal = try ElementIdentity.unique("journal", reader, try reader.objectArray("journal", readJournalEntry), id: \.id) {
            $0.unknownFields = $1
        }.sorted(by: JournalEntry.fileOrder)
        read.ownerHistory = try ElementIdentity.unique("ownerHistory", reader, try reader.objectArray("ownerHistory", readOwner), id: \.id) {
            $0.unknownFields = $1
        }.sorted(by: OwnershipRecord.fileOrder)
        return read
    }

    private static func readPartnership(_ reader: inout ObjectFieldReader) throws(FileFormatError) -> Partnership {
        var partnership = Partnership()
        let elementsAsRead = reader.peek("elements")
        partnership.customerMeaning = try reader.enumIfPresent("customerMeaning", CustomerMeaning.self) ?? .notAsked
        partnership.meaningWords = try reader.optionalString("meaningWords")
        if let elements = try reader.optionalObject("elements", { (nested: inout ObjectFieldReader) throws(FileFormatError) in
            try readElements(&nested)
        }) {
            for (element, sides) in elements.value {
                for (side, assessment) in sides { partnership.set(assessment, for: element, side) }
            }
        }
        // Kept whole only when it holds more than this build reads: writing lays the known members over it.
        if let elementsAsRead, elementsAsRead != jsonValue(partnership).objectValue?["elements"] {
            partnership.unknownFields["elements"] = elementsAsRead
        }
        if let sponsors = try reader.optionalObject("sponsors", { (nested: inout ObjectFieldReader) throws(FileFormatError) in
            (try nested.stringList("ours"), try nested.stringList("theirs"))
        }) {
            partnership.ourSponsors = Partnership.nameSet(sponsors.value.0)
            partnership.theirSponsors = Partnership.nameSet(sponsors.value.1)
            if !sponsors.unknown.isEmpty { partnership.unknownFields["sponsors"] = .object(sponsors.unknown) }
        }
        partnership.milestones = try ElementIdentity.unique("milestones", reader, try reader.objectArray("milestones", readMilestone), id: \.id) {
            $0.unknownFields = $1
        }
        return partnership
    }

    private static func readElements(_ reader: inout ObjectFieldReader) throws(FileFormatError) -> [PartnershipElement: [PartnershipSide: ElementAssessment]] {
        var result: [PartnershipElement: [PartnershipSide: ElementAssessment]] = [:]
        for element in PartnershipElement.allCases {
            _ = try reader.optionalObject(element.rawValue) { (sides: inout ObjectFieldReader) throws(FileFormatError) in
                for side in PartnershipSide.allCases {
                    _ = try sides.optionalObject(side.rawValue) { (fields: inout ObjectFieldReader) throws(FileFormatError) in
                        let score = try fields.optionalInteger("score")
                        if let score, !ElementAssessment.scoreRange.contains(score) {
                            throw fields.error("score", "expected a whole number from -2 to +2, found \(score)")
                        }
                        result[element, default: [:]][side] = ElementAssessment(score: score, note: try fields.optionalString("note"))
                    }
                }
            }
        }
        return result
    }

    private static func readMilestone(_ reader: inout ObjectFieldReader) throws(FileFormatError) -> Milestone {
        Milestone(id: try ElementIdentity.id(&reader), what: try reader.requiredString("what"), owner: try reader.optionalString("owner"),
                  due: try reader.optionalDate("due"), status: try reader.enumIfPresent("status", MilestoneStatus.self) ?? .planned)
    }

    private static func readProductLine(_ reader: inout ObjectFieldReader) throws(FileFormatError) -> ProductLine {
        ProductLine(id: try ElementIdentity.id(&reader), name: try reader.requiredString("name"),
                    annualValue: try reader.optionalInteger("annualValue"), supplier: try reader.optionalString("supplier"))
    }

    private static func readJournalEntry(_ reader: inout ObjectFieldReader) throws(FileFormatError) -> JournalEntry {
        JournalEntry(id: try ElementIdentity.id(&reader), date: try reader.requiredDate("date"), author: try reader.optionalString("author"),
                     kind: try reader.requiredEnum("kind", JournalKind.self), text: try reader.optionalString("text"))
    }

    private static func readOwner(_ reader: inout ObjectFieldReader) throws(FileFormatError) -> OwnershipRecord {
        OwnershipRecord(id: try ElementIdentity.id(&reader), owner: try reader.requiredString("owner"), from: try reader.optionalDate("from"),
                        handoverNote: try reader.optionalString("handoverNote"))
    }
}
