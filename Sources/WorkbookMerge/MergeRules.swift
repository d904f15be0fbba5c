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
        let mergedIDs = ids(merged)
        var removed: [(id: String, path: [String], value: JSONValue)] = []
        var path: [String] = []
        collect(base, path: &path, into: &removed) { !mergedIDs.contains($0) }
        guard !removed.isEmpty else { return }
        let sides = [ours, theirs].compactMap { $0 }.map { ($0, ids($0)) }
        for element in removed {
            let before = sides.filter { !$0.1.contains(element.id) }.map { references(to: element.id, in: $0.0) }.max() ?? 0
            guard references(to: element.id, in: merged) > before else { continue }
            JSONPath.set(element.value, at: element.path, in: &merged)
            merger.record(.missingReference, element.path, nil, element.value, shown: element.value)
        }
    }

    /// The ids of every element of an `id`-keyed array (not inside the conflicts list).
    static func ids(_ value: JSONValue) -> Set<String> {
        var result = Set<String>()
        var path: [String] = []
        var found: [(id: String, path: [String], value: JSONValue)] = []
        collect(value, path: &path, into: &found) { result.insert($0); return false }
        return result
    }

    /// Walks the document; `wanted` sees every element id and says whether to keep the element with its path by ids.
    static func collect(_ value: JSONValue, path: inout [String], into found: inout [(id: String, path: [String], value: JSONValue)],
                        _ wanted: (String) -> Bool) {
        switch value {
        case .object(let members):
            for (key, member) in members {
                if path.isEmpty, key == JSONMerge.conflictsKey { continue }
                switch member {
                case .object, .array:
                    path.append(key)
                    collect(member, path: &path, into: &found, wanted)
                    path.removeLast()
                default: break
                }
            }
        case .array(let items):
            for item in items {
                guard case .object(let members) = item else { continue }
                if let id = members["id"]?.stringValue {
                    path.append(id)
                    if wanted(id) { found.append((id, path, item)) }
                    collect(item, path: &path, into: &found, wanted)
                    path.removeLast()
                } else {
                    collect(item, path: &path, into: &found, wanted)
                }
            }
        default:
            break
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
