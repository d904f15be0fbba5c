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
        case .element, .owner: return nil
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
            switch (lhs.due, rhs.due) {
            case let (l?, r?) where l != r: return l < r
            case (.some, nil): return true
            case (nil, .some): return false
            default: return (lhs.what, lhs.id) < (rhs.what, rhs.id)
            }
        }
    }

    static func productLines(_ account: Account) -> [ProductLine] {
        account.productLines.sorted { ($0.annualValue ?? -1, $1.name) > ($1.annualValue ?? -1, $0.name) }
    }

    /// The selected row if it is still there, else the first.
    static func selected(_ account: Account, chosen: RelationshipItem?, journalFilter: JournalKind?) -> RelationshipItem {
        let all = items(account, journalFilter: journalFilter)
        if let chosen, all.contains(chosen) { return chosen }
        return all[0]
    }
}
