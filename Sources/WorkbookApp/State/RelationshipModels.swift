import TerminalUI
import WorkbookModel

/// A row of the relationship pane that the cursor can rest on.
public enum RelationshipItem: Hashable, Sendable {
    case element(PartnershipElement)
    case milestone(EntityID)
    case productLine(EntityID)
    case journal(EntityID)
    case owner(EntityID)

    /// What `D` would remove, in words; nil for rows that cannot be removed.
    var removableNoun: String? {
        switch self {
        case .milestone: return "milestone"
        case .productLine: return "product line"
        case .journal: return "journal entry"
        case .owner: return "handover record"
        case .element: return nil
        }
    }
}

/// The order of the relationship pane's rows, which the cursor walks.
enum RelationshipNavigation {
    /// Milestones by due date (undated last), then what; product lines by value; journal newest first; owners in order held.
    static func items(_ account: Account, journalFilter: JournalKind?) -> [RelationshipItem] {
        PartnershipElement.allCases.map(RelationshipItem.element)
            + milestones(account).map { .milestone($0.id) }
            + productLines(account).map { .productLine($0.id) }
            + account.journalNewestFirst(kind: journalFilter).map { .journal($0.id) }
            + account.ownerHistory.reversed().map { .owner($0.id) }
    }

    static func milestones(_ account: Account) -> [Milestone] {
        account.partnership.milestones.sorted { lhs, rhs in
            CalendarDate.precedes(lhs.due, rhs.due) ?? ((lhs.what, lhs.id) < (rhs.what, rhs.id))
        }
    }

    static func productLines(_ account: Account) -> [ProductLine] {
        account.productLines.sorted { ($0.annualValue ?? -1, $1.name) > ($1.annualValue ?? -1, $0.name) }
    }

    /// A row in a few words, for questions about it ("Remove the milestone “Joint forecast”?").
    static func summary(of item: RelationshipItem, in account: Account) -> String {
        let text: String
        switch item {
        case .element(let element): text = element.title
        case .milestone(let id): text = account.partnership.milestones.first { $0.id == id }?.what ?? ""
        case .productLine(let id): text = account.productLines.first { $0.id == id }?.name ?? ""
        case .journal(let id): text = account.journal.first { $0.id == id }.map { "\($0.date.iso): \($0.text.replacingNewlines())" } ?? ""
        case .owner(let id): text = account.ownerHistory.first { $0.id == id }.map { $0.owner + ($0.from.map { " from \($0.iso)" } ?? "") } ?? ""
        }
        return TextWidth.truncate(text, toWidth: 60)
    }

    /// The selected row if it is still there, else the first.
    static func selected(_ account: Account, chosen: RelationshipItem?, journalFilter: JournalKind?) -> RelationshipItem {
        let all = items(account, journalFilter: journalFilter)
        if let chosen, all.contains(chosen) { return chosen }
        return all[0]
    }
}

/// How long each owner held the account, in words: "from 2026-03-01 (owner now)", "2025-01-01 – 2026-03-01".
enum OwnerPeriods {
    static func describe(_ history: [OwnershipRecord], currentOwner: String) -> [String] {
        history.enumerated().map { index, record in
            let until = history.dropFirst(index + 1).first?.from
            let isLast = index == history.count - 1
            switch (record.from, until) {
            case let (from?, until?): return "\(from.iso) – \(until.iso)"
            case (nil, let until?): return "until \(until.iso)"
            case (let from?, nil): return "from \(from.iso)" + (isLast && AccountRules.nameKey(record.owner) == AccountRules.nameKey(currentOwner) ? " (owner now)" : "")
            case (nil, nil): return isLast ? "(owner now)" : ""
            }
        }
    }
}
