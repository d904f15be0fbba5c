import Foundation

/// The reporting lines of an account's people as a tree, whatever state the data is in: a person
/// whose manager was removed, or a reporting cycle, still appears exactly once.
///
/// A person's manager in the tree is their `reportsTo` when that person is on the map. A teammate may
/// have deleted the manager (the person becomes a root), and a merge can close a loop (A reports to B,
/// B to A): each loop is broken at its first member by name, who becomes a root. Lines of influence
/// play no part here, so cycles among them do not matter.
public enum ReportingTree {
    /// People at the top, in name order: no manager, a manager not in the list, or where a cycle is broken.
    public static func roots(_ people: [Person]) -> [Person] {
        let distinct = unique(people)
        let managers = drawnManagers(distinct)
        return sortedByName(distinct.filter { managers[$0.id] == nil })
    }

    /// The people drawn directly under `id`, sorted by name then id.
    public static func children(of id: EntityID, in people: [Person]) -> [Person] {
        let distinct = unique(people)
        let managers = drawnManagers(distinct)
        return sortedByName(distinct.filter { managers[$0.id] == id })
    }

    /// The person drawn directly above `id`, or nil for a root; unlike `reportsTo`, never leads around a cycle.
    public static func parent(of id: EntityID, in people: [Person]) -> Person? {
        let distinct = unique(people)
        guard let manager = drawnManagers(distinct)[id] else { return nil }
        return distinct.first { $0.id == manager }
    }

    /// Every person exactly once, each before their reports, with their depth (0 for a root).
    public static func preorder(_ people: [Person]) -> [(person: Person, depth: Int)] {
        let distinct = unique(people)
        let managers = drawnManagers(distinct)
        var reports: [EntityID: [Person]] = [:]
        for person in distinct { if let manager = managers[person.id] { reports[manager, default: []].append(person) } }
        var rows: [(person: Person, depth: Int)] = []
        // An explicit stack: a long chain of managers must not exhaust the call stack.
        var stack = sortedByName(distinct.filter { managers[$0.id] == nil }).reversed().map { ($0, 0) }
        while let (person, depth) = stack.popLast() {
            rows.append((person, depth))
            stack += sortedByName(reports[person.id] ?? []).reversed().map { ($0, depth + 1) }
        }
        return rows
    }

    /// Name order for people everywhere on the map: ignoring case, accents and width ("Émile" sorts with
    /// "Emil"), independent of the user's locale so every teammate sees the same order; ids break ties.
    public static func sortedByName(_ people: [Person]) -> [Person] {
        people.map { (key: sortKey($0.name), person: $0) }.sorted { lhs, rhs in
            if lhs.key != rhs.key { return lhs.key < rhs.key }
            if lhs.person.name != rhs.person.name { return lhs.person.name < rhs.person.name }
            return lhs.person.id < rhs.person.id
        }.map(\.person)
    }

    static func sortKey(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// The first person with each id; the file format rejects duplicates, but in-memory data might not.
    static func unique(_ people: [Person]) -> [Person] {
        var seen = Set<EntityID>()
        return people.filter { seen.insert($0.id).inserted }
    }

    /// Each person's manager as drawn; a person absent from the result is a root.
    static func drawnManagers(_ people: [Person]) -> [EntityID: EntityID] {
        let ids = Set(people.map(\.id))
        var managers: [EntityID: EntityID] = [:]
        for person in people { if let manager = person.reportsTo, ids.contains(manager) { managers[person.id] = manager } }
        let byID = Dictionary(uniqueKeysWithValues: people.map { ($0.id, $0) })
        for cycle in cycles(managers, from: people.map(\.id)) {
            let first = sortedByName(cycle.compactMap { byID[$0] })[0]
            managers[first.id] = nil
        }
        return managers
    }

    /// The loops in the manager links (reporting to oneself is a loop of one). Each person has at most one
    /// manager, so following the links from every start finds each loop exactly once.
    static func cycles(_ managers: [EntityID: EntityID], from starts: [EntityID]) -> [[EntityID]] {
        var done = Set<EntityID>()
        var found: [[EntityID]] = []
        for start in starts where !done.contains(start) {
            var path: [EntityID] = []
            var position: [EntityID: Int] = [:]
            var current: EntityID? = start
            while let id = current, !done.contains(id), position[id] == nil {
                position[id] = path.count
                path.append(id)
                current = managers[id]
            }
            if let id = current, let index = position[id] { found.append(Array(path[index...])) }
            done.formUnion(path)
        }
        return found
    }
}
