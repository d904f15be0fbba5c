/// What team reviews left in an account: the reviews held, the decisions taken, the actions agreed.
///
/// Every entry is appended as a new object with its own id and never edited in place (an action's
/// status is the one exception, and it is a single field), so two reviewers' work merges in git.
public struct AccountReviewLog: Hashable, Sendable {
    /// Reviews held, sorted by date then id: the last one is what "since the last review" compares with.
    public var records: [ReviewRecord]
    public var decisions: [ReviewDecision]
    public var actions: [ReviewAction]

    public init(records: [ReviewRecord] = [], decisions: [ReviewDecision] = [], actions: [ReviewAction] = []) {
        self.records = records.sorted(by: ReviewRecord.precedes)
        self.decisions = decisions.sorted(by: ReviewDecision.precedes)
        self.actions = actions.sorted(by: ReviewAction.precedes)
    }

    public var isEmpty: Bool { records.isEmpty && decisions.isEmpty && actions.isEmpty }

    /// The most recent review, if the account was ever reviewed.
    public var lastRecord: ReviewRecord? { records.last }

    /// Open actions, soonest due first (undated last), then by when they were agreed.
    public var openActions: [ReviewAction] {
        actions.filter { $0.status == .open }.sorted { CalendarDate.precedes($0.due, $1.due) ?? ReviewAction.precedes($0, $1) }
    }

    public mutating func append(_ record: ReviewRecord) {
        records.append(record)
        records.sort(by: ReviewRecord.precedes)
    }

    public mutating func append(_ decision: ReviewDecision) {
        decisions.append(decision)
        decisions.sort(by: ReviewDecision.precedes)
    }

    /// Adds the action, or replaces the one with its id (a status change).
    public mutating func upsert(_ action: ReviewAction) {
        if let index = actions.firstIndex(where: { $0.id == action.id }) {
            actions[index] = action
        } else {
            actions.append(action)
            actions.sort(by: ReviewAction.precedes)
        }
    }
}

/// One review of the account: when, by whom, and what the account looked like then.
public struct ReviewRecord: Hashable, Sendable, Identifiable {
    public var id: EntityID
    public var on: CalendarDate
    public var by: String
    public var snapshot: ReviewSnapshot
    public var unknownFields: [String: JSONValue]

    public init(id: EntityID, on: CalendarDate, by: String, snapshot: ReviewSnapshot, unknownFields: [String: JSONValue] = [:]) {
        self.id = id
        self.on = on
        self.by = by
        self.snapshot = snapshot
        self.unknownFields = unknownFields
    }

    /// Date, then id: a stable order in which a new review lands at the end of the array.
    public static func precedes(_ lhs: ReviewRecord, _ rhs: ReviewRecord) -> Bool {
        lhs.on != rhs.on ? lhs.on < rhs.on : lhs.id < rhs.id
    }
}

/// A decision taken about the account in a review, in the reviewer's words.
public struct ReviewDecision: Hashable, Sendable, Identifiable {
    public var id: EntityID
    public var on: CalendarDate
    public var by: String
    public var text: String
    public var unknownFields: [String: JSONValue]

    public init(id: EntityID, on: CalendarDate, by: String, text: String, unknownFields: [String: JSONValue] = [:]) {
        self.id = id
        self.on = on
        self.by = by
        self.text = text
        self.unknownFields = unknownFields
    }

    public static func precedes(_ lhs: ReviewDecision, _ rhs: ReviewDecision) -> Bool {
        lhs.on != rhs.on ? lhs.on < rhs.on : lhs.id < rhs.id
    }
}

/// Where an agreed action stands.
public enum ReviewActionStatus: String, CaseIterable, Sendable, Hashable {
    case open, done, dropped

    public var title: String {
        switch self {
        case .open: return "Open"
        case .done: return "Done"
        case .dropped: return "Dropped"
        }
    }
}

/// An action agreed in a review: what, who, by when.
public struct ReviewAction: Hashable, Sendable, Identifiable {
    public var id: EntityID
    public var what: String
    public var owner: String
    public var due: CalendarDate?
    public var status: ReviewActionStatus
    /// The day it was agreed: orders the array and dates it in the report.
    public var agreedOn: CalendarDate
    /// The day it was marked done or dropped, so the next review can say what was closed since; nil
    /// while open, and for actions closed by a build that did not record it.
    public var closedOn: CalendarDate?
    public var unknownFields: [String: JSONValue]

    public init(id: EntityID, what: String, owner: String, due: CalendarDate? = nil, status: ReviewActionStatus = .open,
                agreedOn: CalendarDate, closedOn: CalendarDate? = nil, unknownFields: [String: JSONValue] = [:]) {
        self.closedOn = closedOn
        self.id = id
        self.what = what
        self.owner = owner
        self.due = due
        self.status = status
        self.agreedOn = agreedOn
        self.unknownFields = unknownFields
    }

    public static func precedes(_ lhs: ReviewAction, _ rhs: ReviewAction) -> Bool {
        lhs.agreedOn != rhs.agreedOn ? lhs.agreedOn < rhs.agreedOn : lhs.id < rhs.id
    }

    /// Open and past its due date (due today is not overdue yet), as for commitments.
    public func isOverdue(today: CalendarDate) -> Bool {
        guard status == .open, let due else { return false }
        return due < today
    }
}
