/// Which way a first-meeting commitment points.
public enum CommitmentSide: String, CaseIterable, Sendable, Hashable {
    /// What we commit to deliver.
    case intention
    /// What we ask of the customer in return.
    case expectation

    public var title: String { self == .intention ? "What we promised" : "What we asked" }
    public var shortTitle: String { self == .intention ? "Intention (ours)" : "Expectation (theirs)" }
}

/// Where a commitment stands.
public enum CommitmentStatus: String, CaseIterable, Sendable, Hashable {
    case open, kept, late, broken, dropped

    public var title: String {
        switch self {
        case .open: return "Open"
        case .kept: return "Kept"
        case .late: return "Late"
        case .broken: return "Broken"
        case .dropped: return "Dropped"
        }
    }

    /// The check-box marker, readable without colour.
    public var marker: String {
        switch self {
        case .open: return "[ ]"
        case .kept: return "[✓]"
        case .late: return "[~]"
        case .broken: return "[✗]"
        case .dropped: return "[-]"
        }
    }

    /// Still to be delivered: open, or running late.
    public var isOutstanding: Bool { self == .open || self == .late }
}

/// The stable, random identifier of a commitment inside its account.
public struct CommitmentID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static func random<G: RandomNumberGenerator>(using generator: inout G) -> CommitmentID {
        CommitmentID(AccountID.random(using: &generator).rawValue)
    }

    public var description: String { rawValue }
    public static func < (lhs: CommitmentID, rhs: CommitmentID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One thing promised or asked at a meeting, and how it has gone since.
public struct Commitment: Hashable, Sendable, Identifiable {
    public var id: CommitmentID
    public var side: CommitmentSide
    public var text: String
    /// The meeting it was made at.
    public var madeOn: CalendarDate?
    /// Who delivers it: a person on our side or theirs.
    public var owner: String
    public var due: CalendarDate?
    public var status: CommitmentStatus
    /// When the status last changed: the commitment's last sign of activity.
    public var statusChangedOn: CalendarDate?
    /// A short note of what was done.
    public var evidence: String
    public var lastReviewed: CalendarDate?
    /// Fields written by a newer build, kept untouched.
    public var unknownFields: [String: JSONValue]

    public init(
        id: CommitmentID, side: CommitmentSide, text: String, madeOn: CalendarDate? = nil, owner: String = "",
        due: CalendarDate? = nil, status: CommitmentStatus = .open, statusChangedOn: CalendarDate? = nil,
        evidence: String = "", lastReviewed: CalendarDate? = nil, unknownFields: [String: JSONValue] = [:]
    ) {
        self.id = id
        self.side = side
        self.text = text
        self.madeOn = madeOn
        self.owner = owner
        self.due = due
        self.status = status
        self.statusChangedOn = statusChangedOn
        self.evidence = evidence
        self.lastReviewed = lastReviewed
        self.unknownFields = unknownFields
    }

    /// The latest date anything happened to it: made, status changed, or reviewed.
    public var lastActivity: CalendarDate? {
        [madeOn, statusChangedOn, lastReviewed].compactMap { $0 }.max()
    }

    /// Sets the status, stamping the day of the change and counting it as a review.
    public mutating func mark(_ newStatus: CommitmentStatus, on day: CalendarDate) {
        if newStatus != status { statusChangedOn = day }
        status = newStatus
        lastReviewed = day
    }
}
