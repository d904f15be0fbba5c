/// The stable, random identifier of an account; it names the account's file and never changes.
public struct AccountID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// A new random id: 16 lowercase hex digits (64 bits), safe as a file name on every system.
    public static func random<G: RandomNumberGenerator>(using generator: inout G) -> AccountID {
        let value = generator.next()
        let hex = String(value, radix: 16)
        return AccountID(String(repeating: "0", count: 16 - hex.count) + hex)
    }

    /// True when the text could be an id this build wrote: what the storage module accepts as a file name.
    public static func isWellFormed(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 64 && text.utf8.allSatisfy { byte in
            (48...57).contains(byte) || (97...122).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
    }

    public var description: String { rawValue }

    public static func < (lhs: AccountID, rhs: AccountID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// When and by whom an account was archived: deleting keeps the file, so a teammate's edit is not lost.
public struct ArchiveMark: Hashable, Sendable {
    public var on: CalendarDate
    public var by: String

    public init(on: CalendarDate, by: String) {
        self.on = on
        self.by = by
    }
}

/// One customer account and what it is worth to us.
public struct Account: Hashable, Sendable, Identifiable {
    public var id: AccountID
    public var name: String
    public var industry: String
    public var stage: RelationshipStage
    /// Annual value to us, in whole units of the workbook's currency.
    public var annualValue: Int?
    public var nextMeeting: CalendarDate?
    /// The rep who owns the account.
    public var owner: String
    public var notes: String
    /// When the stage last changed; the day an account was won starts the after-signature watch.
    public var stageChangedOn: CalendarDate?
    /// The first meeting, the default date of first-meeting commitments.
    public var firstMeeting: CalendarDate?
    /// The first-meeting checklist: what we promised and what we asked, kept sorted by id.
    public var commitments: [Commitment]
    /// The influence map: objectives, the customer's people, and each person's part in each objective.
    public var objectives: [SalesObjective]
    public var people: [Person]
    public var influences: [BuyingInfluence]
    /// Why the relationship type (`stage`) last changed, in the rep's words.
    public var stageChangeReason: String
    /// The market segment inside the industry, e.g. "Mid-market" or "Public sector".
    public var segment: String
    /// The relationship as it really is: the customer's meaning, the four elements, sponsors and plan.
    public var partnership: Partnership
    /// What the account buys, by line, with value and supplier; kept sorted by id.
    public var productLines: [ProductLine]
    /// Dated tacit knowledge, kept in file order (date, then id).
    public var journal: [JournalEntry]
    /// Who held the account from when, with handover notes, in file order (date, then id).
    public var ownerHistory: [OwnershipRecord]
    public var archived: ArchiveMark?
    /// Team reviews: reviews held (with snapshots), decisions and actions; appended, never rewritten.
    public var reviewLog = AccountReviewLog()
    /// Fields written by a newer build, kept untouched so that saving here does not destroy them.
    public var unknownFields: [String: JSONValue]

    public init(
        id: AccountID,
        name: String,
        industry: String = "",
        stage: RelationshipStage = .prospect,
        annualValue: Int? = nil,
        nextMeeting: CalendarDate? = nil,
        owner: String = "",
        notes: String = "",
        stageChangedOn: CalendarDate? = nil,
        firstMeeting: CalendarDate? = nil,
        commitments: [Commitment] = [],
        objectives: [SalesObjective] = [],
        people: [Person] = [],
        influences: [BuyingInfluence] = [],
        stageChangeReason: String = "",
        segment: String = "",
        partnership: Partnership = Partnership(),
        productLines: [ProductLine] = [],
        journal: [JournalEntry] = [],
        ownerHistory: [OwnershipRecord] = [],
        archived: ArchiveMark? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.id = id
        self.name = name
        self.industry = industry
        self.stage = stage
        self.annualValue = annualValue
        self.nextMeeting = nextMeeting
        self.owner = owner
        self.notes = notes
        self.stageChangedOn = stageChangedOn
        self.firstMeeting = firstMeeting
        self.commitments = commitments.sorted { $0.id < $1.id }
        self.objectives = objectives.sorted { $0.id < $1.id }
        self.people = people.sorted { $0.id < $1.id }
        self.influences = influences.sorted { $0.id < $1.id }
        self.stageChangeReason = stageChangeReason
        self.segment = segment
        self.partnership = partnership
        self.productLines = productLines.sorted { $0.id < $1.id }
        self.journal = journal.sorted(by: JournalEntry.fileOrder)
        self.ownerHistory = ownerHistory.sorted(by: OwnershipRecord.fileOrder)
        self.archived = archived
        self.unknownFields = unknownFields
    }

    public var isArchived: Bool { archived != nil }

    /// The commitment with `id`, if the account has it.
    public func commitment(_ id: CommitmentID) -> Commitment? { commitments.first { $0.id == id } }

    /// Adds or replaces a commitment, keeping the array sorted by id (a stable order for git merges).
    public mutating func upsert(_ commitment: Commitment) {
        if let index = commitments.firstIndex(where: { $0.id == commitment.id }) {
            commitments[index] = commitment
        } else {
            commitments.append(commitment)
            commitments.sort { $0.id < $1.id }
        }
    }
}
