/// The reporting lines of an account's people as a tree, whatever state the data is in: a person
/// whose manager was removed, or a reporting cycle, still appears exactly once.
public enum ReportingTree {
    /// People at the top: no manager, a manager who is not in the list, or the first of a cycle.
    public static func roots(_ people: [Person]) -> [Person] {
        var seen = Set<EntityID>()
        return preorderRows(people).filter { $0.depth == 0 }.map(\.person).filter { seen.insert($0.id).inserted }
    }

    /// Direct reports, sorted by name then id.
    public static func children(of id: EntityID, in people: [Person]) -> [Person] {
        sorted(people.filter { $0.reportsTo == id && $0.id != id })
    }

    /// Every person once, parents before their reports, with their depth in the tree.
    public static func preorder(_ people: [Person]) -> [(person: Person, depth: Int)] {
        preorderRows(people)
    }

    private static func sorted(_ people: [Person]) -> [Person] {
        people.sorted { lhs, rhs in
            let left = lhs.name.lowercased(), right = rhs.name.lowercased()
            return left != right ? left < right : lhs.id < rhs.id
        }
    }

    private static func preorderRows(_ people: [Person]) -> [(person: Person, depth: Int)] {
        let ids = Set(people.map(\.id))
        var byManager: [EntityID: [Person]] = [:]
        for person in people {
            if let manager = person.reportsTo, ids.contains(manager), manager != person.id {
                byManager[manager, default: []].append(person)
            }
        }
        var rows: [(person: Person, depth: Int)] = []
        var visited = Set<EntityID>()
        func visit(_ person: Person, depth: Int) {
            guard visited.insert(person.id).inserted else { return }
            rows.append((person, depth))
            for child in sorted(byManager[person.id] ?? []) { visit(child, depth: depth + 1) }
        }
        // True roots first: no manager, or a manager who is gone.
        let trueRoots = people.filter { person in
            guard let manager = person.reportsTo else { return true }
            return !ids.contains(manager) || manager == person.id
        }
        for root in sorted(trueRoots) { visit(root, depth: 0) }
        // Whoever is left sits in a reporting cycle: break it at the first by name.
        for person in sorted(people) where !visited.contains(person.id) { visit(person, depth: 0) }
        return rows
    }
}
