/// A product line the account buys from us, what it is worth a year, and whose product it is.
public struct ProductLine: Hashable, Sendable, Identifiable {
    public var id: EntityID
    public var name: String
    /// Annual value of this line, in whole units of the workbook's currency.
    public var annualValue: Int?
    /// The vendor behind what we sell (our own company, or a principal we resell).
    public var supplier: String
    public var unknownFields: [String: JSONValue]

    /// A line with no supplier named (or "us", "our own") is our own product: it depends on no vendor.
    public static func isOwnProduct(supplier: String) -> Bool {
        ["", "us", "ours", "our own", "own", "we"].contains(AccountRules.nameKey(supplier))
    }

    public init(id: EntityID, name: String, annualValue: Int? = nil, supplier: String = "", unknownFields: [String: JSONValue] = [:]) {
        self.id = id
        self.name = name
        self.annualValue = annualValue
        self.supplier = supplier
        self.unknownFields = unknownFields
    }
}

/// What a journal entry records; sore spots and the pricing story matter most at a handover.
public enum JournalKind: String, CaseIterable, Sendable, Hashable {
    case meeting, insight
    case soreSpot = "sore-spot"
    case pricingStory = "pricing-story"
    case promise, escalation

    public var title: String {
        switch self {
        case .meeting: return "Meeting"
        case .insight: return "Insight"
        case .soreSpot: return "Sore spot"
        case .pricingStory: return "Pricing story"
        case .promise: return "Promise"
        case .escalation: return "Escalation"
        }
    }
}

/// One dated piece of tacit knowledge about the account. Entries are added, not rewritten, so two
/// reps writing on the same day never collide in git.
public struct JournalEntry: Hashable, Sendable, Identifiable {
    public var id: EntityID
    public var date: CalendarDate
    public var author: String
    public var kind: JournalKind
    public var text: String
    public var unknownFields: [String: JSONValue]

    public init(id: EntityID, date: CalendarDate, author: String, kind: JournalKind, text: String, unknownFields: [String: JSONValue] = [:]) {
        self.id = id
        self.date = date
        self.author = author
        self.kind = kind
        self.text = text
        self.unknownFields = unknownFields
    }

    /// The order in the file: by date, then id — appending on another day never moves old entries.
    public static func fileOrder(_ lhs: JournalEntry, _ rhs: JournalEntry) -> Bool {
        (lhs.date, lhs.id) < (rhs.date, rhs.id)
    }
}

/// Who held the account from when, and what they handed over.
public struct OwnershipRecord: Hashable, Sendable, Identifiable {
    public var id: EntityID
    public var owner: String
    /// When they took the account over; nil for an owner from before the history was kept.
    public var from: CalendarDate?
    /// What the previous owner passes on: goodwill shown, flexibility given, the mood to keep.
    public var handoverNote: String
    public var unknownFields: [String: JSONValue]

    public init(id: EntityID, owner: String, from: CalendarDate?, handoverNote: String = "", unknownFields: [String: JSONValue] = [:]) {
        self.id = id
        self.owner = owner
        self.from = from
        self.handoverNote = handoverNote
        self.unknownFields = unknownFields
    }

    /// File order: undated first, then by date, then id.
    public static func fileOrder(_ lhs: OwnershipRecord, _ rhs: OwnershipRecord) -> Bool {
        CalendarDate.precedes(lhs.from, rhs.from, undatedFirst: true) ?? (lhs.id < rhs.id)
    }
}

extension Account {
    /// Journal entries newest first (the order a person reads them), optionally of one kind.
    public func journalNewestFirst(kind: JournalKind? = nil) -> [JournalEntry] {
        journal.filter { kind == nil || $0.kind == kind }.sorted { JournalEntry.fileOrder($1, $0) }
    }

    public mutating func upsert(_ entry: JournalEntry) {
        journal.removeAll { $0.id == entry.id }
        journal.append(entry)
        journal.sort(by: JournalEntry.fileOrder)
    }

    public mutating func upsert(_ line: ProductLine) {
        if let index = productLines.firstIndex(where: { $0.id == line.id }) { productLines[index] = line } else {
            productLines.append(line)
            productLines.sort { $0.id < $1.id }
        }
    }

    /// Hands the account to `newOwner`: the history gains a record (and, the first time, one for the
    /// owner it had before the history was kept).
    public mutating func handOver(to newOwner: String, on date: CalendarDate, note: String, ids: () -> EntityID) {
        if ownerHistory.isEmpty, !owner.isEmpty {
            ownerHistory.append(OwnershipRecord(id: ids(), owner: owner, from: nil))
        }
        ownerHistory.append(OwnershipRecord(id: ids(), owner: newOwner, from: date, handoverNote: note))
        ownerHistory.sort(by: OwnershipRecord.fileOrder)
        owner = newOwner
    }
}
