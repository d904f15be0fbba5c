import WorkbookModel

/// The checks run on a merged account: disagreements that no single field shows.
///
/// Each side was valid on its own; these find what only the combination breaks.
enum MergeRules {
    /// Reporting lines that form a loop neither side had: the loop is recorded on the person with the
    /// smallest id whose manager changed, offering the ancestor's manager (which breaks it) or the merged one.
    static func reportsToLoops(merged: JSONValue, base: JSONValue?, sides: [JSONValue?], into merger: inout Merger) {
        let managers = self.managers(merged)
        let sideLoops = sides.map { loopMembers(self.managers($0)) }
        let baseManagers = self.managers(base)
        var reported = Set<String>()
        for person in managers.keys.sorted() where !reported.contains(person) {
            guard let loop = loop(from: person, managers) else { continue }
            reported.formUnion(loop)
            if sideLoops.contains(where: { loop.isSubset(of: $0) }) { continue }
            let changed = loop.filter { managers[$0] != baseManagers[$0] }.sorted()
            guard let chosen = changed.first ?? loop.sorted().first else { continue }
            let before = baseManagers[chosen].map(JSONValue.string)
            merger.record(.reportsToLoop, ["people", chosen, "reportsTo"], before, managers[chosen].map(JSONValue.string),
                          shown: managers[chosen].map(JSONValue.string))
        }
    }

    static func managers(_ document: JSONValue?) -> [String: String] {
        var result: [String: String] = [:]
        for person in document?.objectValue?["people"]?.arrayValue ?? [] {
            if let id = person.objectValue?["id"]?.stringValue, let manager = person.objectValue?["reportsTo"]?.stringValue {
                result[id] = manager
            }
        }
        return result
    }

    private static func loop(from start: String, _ managers: [String: String]) -> Set<String>? {
        var path: [String] = [start]
        var seen: Set<String> = [start]
        var current = start
        while let next = managers[current] {
            if seen.contains(next) {
                guard let first = path.firstIndex(of: next) else { return nil }
                return Set(path[first...])
            }
            path.append(next)
            seen.insert(next)
            current = next
        }
        return nil
    }

    private static func loopMembers(_ managers: [String: String]) -> Set<String> {
        var members = Set<String>()
        for person in managers.keys {
            if let loop = loop(from: person, managers) { members.formUnion(loop) }
        }
        return members
    }

    /// Elements removed by one side while the merged file gained references to them (an influence on a
    /// person the other side deleted): the element is put back meanwhile and the removal is recorded.
    static func missingReferences(merged: inout JSONValue, base: JSONValue?, ours: JSONValue?, theirs: JSONValue?, into merger: inout Merger) {
        guard let base else { return }
        let baseElements = elements(base, path: [])
        let mergedIDs = Set(elements(merged, path: []).map(\.id))
        for element in baseElements where !mergedIDs.contains(element.id) {
            let removers = [ours, theirs].compactMap { $0 }.filter { side in !elements(side, path: []).contains { $0.id == element.id } }
            let before = removers.map { references(to: element.id, in: $0) }.max() ?? 0
            guard references(to: element.id, in: merged) > before else { continue }
            JSONPath.set(element.value, at: element.path, in: &merged)
            merger.record(.missingReference, element.path, nil, element.value, shown: element.value)
        }
    }

    /// Every element of an `id`-keyed array, with its path by ids (not inside the conflicts list).
    static func elements(_ value: JSONValue, path: [String]) -> [(id: String, path: [String], value: JSONValue)] {
        switch value {
        case .object(let members):
            return members.sorted { $0.key < $1.key }.flatMap { key, member in
                path.isEmpty && key == JSONMerge.conflictsKey ? [] : elements(member, path: path + [key])
            }
        case .array(let items):
            return items.flatMap { item -> [(id: String, path: [String], value: JSONValue)] in
                guard let id = item.objectValue?["id"]?.stringValue else { return elements(item, path: path) }
                return [(id, path + [id], item)] + elements(item, path: path + [id])
            }
        default:
            return []
        }
    }

    /// How many string values (other than ids themselves) equal `id`.
    static func references(to id: String, in value: JSONValue, key: String? = nil, top: Bool = true) -> Int {
        switch value {
        case .string(let text): return key != "id" && text == id ? 1 : 0
        case .array(let items): return items.reduce(0) { $0 + references(to: id, in: $1, key: nil, top: false) }
        case .object(let members):
            return members.reduce(0) { total, member in
                top && member.key == JSONMerge.conflictsKey ? total : total + references(to: id, in: member.value, key: member.key, top: false)
            }
        default: return 0
        }
    }
}
