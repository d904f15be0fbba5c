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
///
/// The fields live in one shared, copy-on-write box: copying an account (into a list, a dictionary,
/// an undo step) costs one reference, not thirty, which is what keeps 100,000 accounts cheap to move.
public struct Account: Hashable, Sendable, Identifiable {
    /// The stored fields of an account.
    struct Fields: Hashable, Sendable {
        var id: AccountID
        var name: String
        var industry: String
        var stage: RelationshipStage
        var annualValue: Int?
        var nextMeeting: CalendarDate?
        var owner: String
        var notes: String
        var stageChangedOn: CalendarDate?
        var firstMeeting: CalendarDate?
        var commitments: [Commitment]
        var objectives: [SalesObjective]
        var people: [Person]
        var influences: [BuyingInfluence]
        var stageChangeReason: String
        var segment: String
        var partnership: Partnership
        var productLines: [ProductLine]
        var journal: [JournalEntry]
        var ownerHistory: [OwnershipRecord]
        var archived: ArchiveMark?
        var reviewLog: AccountReviewLog = AccountReviewLog()
        var unknownFields: [String: JSONValue]
    }

    /// The box the fields live in; replaced by a copy before a change when it is shared.
    final class Box: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
    }

    public static func == (lhs: Account, rhs: Account) -> Bool { lhs.box === rhs.box || lhs.box.fields == rhs.box.fields }

    public func hash(into hasher: inout Hasher) { hasher.combine(box.fields) }

    public var id: AccountID {
        get { box.fields.id }
        _modify {
            makeUnique()
            yield &box.fields.id
        }
    }
    public var name: String {
        get { box.fields.name }
        _modify {
            makeUnique()
            yield &box.fields.name
        }
    }
    public var industry: String {
        get { box.fields.industry }
        _modify {
            makeUnique()
            yield &box.fields.industry
        }
    }
    public var stage: RelationshipStage {
        get { box.fields.stage }
        _modify {
            makeUnique()
            yield &box.fields.stage
        }
    }
    /// Annual value to us, in whole units of the workbook's currency.
    public var annualValue: Int? {
        get { box.fields.annualValue }
        _modify {
            makeUnique()
            yield &box.fields.annualValue
        }
    }
    public var nextMeeting: CalendarDate? {
        get { box.fields.nextMeeting }
        _modify {
            makeUnique()
            yield &box.fields.nextMeeting
        }
    }
    /// The rep who owns the account.
    public var owner: String {
        get { box.fields.owner }
        _modify {
            makeUnique()
            yield &box.fields.owner
        }
    }
    public var notes: String {
        get { box.fields.notes }
        _modify {
            makeUnique()
            yield &box.fields.notes
        }
    }
    /// When the stage last changed; the day an account was won starts the after-signature watch.
    public var stageChangedOn: CalendarDate? {
        get { box.fields.stageChangedOn }
        _modify {
            makeUnique()
            yield &box.fields.stageChangedOn
        }
    }
    /// The first meeting, the default date of first-meeting commitments.
    public var firstMeeting: CalendarDate? {
        get { box.fields.firstMeeting }
        _modify {
            makeUnique()
            yield &box.fields.firstMeeting
        }
    }
    /// The first-meeting checklist: what we promised and what we asked, kept sorted by id.
    public var commitments: [Commitment] {
        get { box.fields.commitments }
        _modify {
            makeUnique()
            yield &box.fields.commitments
        }
    }
    /// The influence map: objectives, the customer's people, and each person's part in each objective.
    public var objectives: [SalesObjective] {
        get { box.fields.objectives }
        _modify {
            makeUnique()
            yield &box.fields.objectives
        }
    }
    public var people: [Person] {
        get { box.fields.people }
        _modify {
            makeUnique()
            yield &box.fields.people
        }
    }
    public var influences: [BuyingInfluence] {
        get { box.fields.influences }
        _modify {
            makeUnique()
            yield &box.fields.influences
        }
    }
    /// Why the relationship type (`stage`) last changed, in the rep's words.
    public var stageChangeReason: String {
        get { box.fields.stageChangeReason }
        _modify {
            makeUnique()
            yield &box.fields.stageChangeReason
        }
    }
    /// The market segment inside the industry, e.g. "Mid-market" or "Public sector".
    public var segment: String {
        get { box.fields.segment }
        _modify {
            makeUnique()
            yield &box.fields.segment
        }
    }
    /// The relationship as it really is: the customer's meaning, the four elements, sponsors and plan.
    public var partnership: Partnership {
        get { box.fields.partnership }
        _modify {
            makeUnique()
            yield &box.fields.partnership
        }
    }
    /// What the account buys, by line, with value and supplier; kept sorted by id.
    public var productLines: [ProductLine] {
        get { box.fields.productLines }
        _modify {
            makeUnique()
            yield &box.fields.productLines
        }
    }
    /// Dated tacit knowledge, kept in file order (date, then id).
    public var journal: [JournalEntry] {
        get { box.fields.journal }
        _modify {
            makeUnique()
            yield &box.fields.journal
        }
    }
    /// Who held the account from when, with handover notes, in file order (date, then id).
    public var ownerHistory: [OwnershipRecord] {
        get { box.fields.ownerHistory }
        _modify {
            makeUnique()
            yield &box.fields.ownerHistory
        }
    }
    public var archived: ArchiveMark? {
        get { box.fields.archived }
        _modify {
            makeUnique()
            yield &box.fields.archived
        }
    }
    /// Team reviews: reviews held (with snapshots), decisions and actions; appended, never rewritten.
    public var reviewLog: AccountReviewLog {
        get { box.fields.reviewLog }
        _modify {
            makeUnique()
            yield &box.fields.reviewLog
        }
    }
    /// Fields written by a newer build, kept untouched so that saving here does not destroy them.
    public var unknownFields: [String: JSONValue] {
        get { box.fields.unknownFields }
        _modify {
            makeUnique()
            yield &box.fields.unknownFields
        }
    }

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
        box = Box(Fields(
            id: id, name: name, industry: industry, stage: stage, annualValue: annualValue, nextMeeting: nextMeeting,
            owner: owner, notes: notes, stageChangedOn: stageChangedOn, firstMeeting: firstMeeting,
            commitments: commitments.sorted { $0.id < $1.id },
            objectives: objectives.sorted { $0.id < $1.id },
            people: people.sorted { $0.id < $1.id },
            influences: influences.sorted { $0.id < $1.id },
            stageChangeReason: stageChangeReason, segment: segment, partnership: partnership,
            productLines: productLines.sorted { $0.id < $1.id },
            journal: journal.sorted(by: JournalEntry.fileOrder),
            ownerHistory: ownerHistory.sorted(by: OwnershipRecord.fileOrder),
            archived: archived, unknownFields: unknownFields))
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
