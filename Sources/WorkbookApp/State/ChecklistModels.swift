import WorkbookModel

/// The template picker: every standard commitment with a check box; adopted ones are already in the account.
public struct TemplatePicker: Equatable, Sendable {
    /// One line of the picker.
    public struct Item: Equatable, Sendable {
        public var side: CommitmentSide
        public var text: String
        public var isChosen: Bool
        public var isAdopted: Bool
    }

    public var accountID: AccountID
    public var items: [Item]
    public var cursor = 0

    public init(account: Account, templates: CommitmentTemplates) {
        accountID = account.id
        let existing = Set(account.commitments.map { "\($0.side.rawValue)|\($0.text.lowercased())" })
        items = CommitmentSide.allCases.flatMap { side in
            templates.texts(for: side).map { text in
                Item(side: side, text: text, isChosen: false, isAdopted: existing.contains("\(side.rawValue)|\(text.lowercased())"))
            }
        }
    }

    public var chosen: [Item] { items.filter { $0.isChosen && !$0.isAdopted } }
}

/// The review walk: the account's outstanding and never-reviewed commitments, one at a time.
public struct ReviewWalk: Equatable, Sendable {
    public var accountID: AccountID
    public var queue: [CommitmentID]
    public var position = 0
    /// Evidence being typed for the current commitment, or nil.
    public var evidenceInput: TextInput?
    /// Decisions so far, by status, for the closing summary; skips counted apart.
    public var decided: [CommitmentStatus: Int] = [:]
    public var skipped = 0

    public init(accountID: AccountID, queue: [CommitmentID]) {
        self.accountID = accountID
        self.queue = queue
    }

    public var current: CommitmentID? { position < queue.count ? queue[position] : nil }
    public var isFinished: Bool { position >= queue.count }

    /// "2 kept, 1 late, 1 skipped".
    public var summary: String {
        var parts = CommitmentStatus.allCases.compactMap { status in decided[status].map { "\($0) \(status == .open ? "still open" : status.title.lowercased())" } }
        if skipped > 0 { parts.append("\(skipped) skipped") }
        return parts.isEmpty ? "nothing decided" : parts.joined(separator: ", ")
    }
}

/// The order of the checklist pane: promises before asks, outstanding first, then by due date.
public enum ChecklistOrdering {
    public static func ordered(_ commitments: [Commitment]) -> [Commitment] {
        commitments.sorted { lhs, rhs in
            if lhs.side != rhs.side { return lhs.side == .intention }
            let left = statusRank(lhs.status), right = statusRank(rhs.status)
            if left != right { return left < right }
            if let dueFirst = CalendarDate.precedes(lhs.due, rhs.due) { return dueFirst }
            if lhs.text != rhs.text { return lhs.text.lowercased() < rhs.text.lowercased() }
            return lhs.id < rhs.id
        }
    }

    static func statusRank(_ status: CommitmentStatus) -> Int {
        switch status {
        case .late: return 0
        case .open: return 1
        case .broken: return 2
        case .kept: return 3
        case .dropped: return 4
        }
    }

    /// What the review walk visits: outstanding or never reviewed, in pane order.
    public static func reviewQueue(_ commitments: [Commitment]) -> [CommitmentID] {
        ordered(commitments).filter { $0.status.isOutstanding || $0.lastReviewed == nil }.map(\.id)
    }
}
