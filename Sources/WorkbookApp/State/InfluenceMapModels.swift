import WorkbookModel

/// Picking people from a list: whom the subject reports to (one), or whom they influence (several).
public struct PersonPicker: Equatable, Sendable {
    /// What the pick sets.
    public enum Purpose: Equatable, Sendable {
        case reportsTo
        case influences
    }

    /// One person in the list.
    public struct Item: Equatable, Sendable {
        public var id: EntityID?
        public var label: String
        public var isChosen: Bool
    }

    public var accountID: AccountID
    public var subject: EntityID
    public var purpose: Purpose
    public var items: [Item]
    public var cursor = 0

    public init(account: Account, subject: Person, purpose: Purpose) {
        accountID = account.id
        self.subject = subject.id
        self.purpose = purpose
        // Influence lines are the ones outside the reporting line: a manager and direct reports are already linked.
        let others = account.people.filter { person in
            guard person.id != subject.id else { return false }
            return purpose == .reportsTo || (person.id != subject.reportsTo && person.reportsTo != subject.id)
        }.sorted { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }
        var items = others.map { person in
            Item(id: person.id, label: person.title.isEmpty ? person.name : "\(person.name), \(person.title)",
                 isChosen: purpose == .reportsTo ? subject.reportsTo == person.id : subject.influences.contains(person.id))
        }
        if purpose == .reportsTo {
            items.insert(Item(id: nil, label: "— reports to nobody here", isChosen: subject.reportsTo == nil), at: 0)
        }
        self.items = items
        cursor = items.firstIndex { $0.isChosen } ?? 0
    }

    public var title: String { purpose == .reportsTo ? "Reports to — Enter picks" : "Influences — Space ticks, Enter saves" }
}

/// Where the map's selection moves: the tree's order, parents and children.
enum MapNavigation {
    /// The people of the map in the order the tree shows them.
    static func order(_ account: Account) -> [Person] {
        ReportingTree.preorder(account.people).map(\.person)
    }

    /// The objective the map shows: the chosen one if it still exists, else the first by close date.
    static func objective(_ account: Account, chosen: EntityID?) -> SalesObjective? {
        if let chosen, let objective = account.objective(chosen) { return objective }
        return sortedObjectives(account).first
    }

    /// Objectives by close date (undated last), then id: the order `o` cycles through.
    static func sortedObjectives(_ account: Account) -> [SalesObjective] {
        account.objectives.sorted { lhs, rhs in
            CalendarDate.precedes(lhs.closeDate, rhs.closeDate) ?? (lhs.id < rhs.id)
        }
    }

    /// The selected person if they still exist, else the first in tree order.
    static func selected(_ account: Account, chosen: EntityID?) -> Person? {
        if let chosen, let person = account.person(chosen) { return person }
        return order(account).first
    }
}
