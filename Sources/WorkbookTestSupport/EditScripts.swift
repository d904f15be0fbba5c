import WorkbookApp
import WorkbookMerge
import WorkbookModel
import WorkbookStorage

/// Random edits of an account file, as a rep makes them in the app, for the merge property tests
/// and the edit-mix benchmark. Each edit remembers what it meant, so a test can check it survived.
public enum EditScripts {
    /// One edit and what it leaves behind.
    public enum Edit: Sendable, CustomStringConvertible {
        /// The value at the path is now this.
        case set([String], JSONValue)
        /// The text at the path now has this line.
        case appendLine([String], String)
        /// The element at the path is gone.
        case remove([String])

        public var path: [String] {
            switch self {
            case .set(let path, _), .appendLine(let path, _), .remove(let path): return path
            }
        }

        public var description: String {
            switch self {
            case .set(let path, let value): return "set \(path.joined(separator: "/")) = \(String(decoding: CanonicalJSON.encode(value).dropLast(), as: UTF8.self))"
            case .appendLine(let path, let line): return "append to \(path.joined(separator: "/")): \(line)"
            case .remove(let path): return "remove \(path.joined(separator: "/"))"
            }
        }
    }

    /// Which parts of the account an edit may touch.
    public enum Area: CaseIterable, Sendable {
        case fields, notes, people, commitments, influences
        /// Only appended note lines (no rewrites), and people added or edited but never removed:
        /// edits of this kind never collide with another side's edits elsewhere.
        case appendNotes, editPeople

        public static var allCases: [Area] { [.fields, .notes, .people, .commitments, .influences] }
    }

    /// `count` random edits of `document` by `side` (a letter that keeps new ids apart).
    public static func edit(_ document: inout JSONValue, count: Int, side: String, areas: [Area] = Area.allCases,
                            using rng: inout SplitMix64) -> [Edit] {
        var edits: [Edit] = []
        for number in 0..<count {
            if let edit = one(&document, area: areas[Int(rng.next() % UInt64(areas.count))], tag: "\(side)\(number)\(rng.next() % 100_000)", using: &rng) {
                edits.append(edit)
            }
        }
        return edits
    }

    static func one(_ document: inout JSONValue, area: Area, tag: String, using rng: inout SplitMix64) -> Edit? {
        func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[Int(rng.next() % UInt64(items.count))] }
        func ids(_ key: String) -> [String] { (document.objectValue?[key]?.arrayValue ?? []).compactMap { $0.objectValue?["id"]?.stringValue } }
        func apply(_ edit: Edit) -> Edit {
            switch edit {
            case .set(let path, let value): JSONPath.set(value, at: path, in: &document)
            case .remove(let path): JSONPath.set(nil, at: path, in: &document)
            case .appendLine(let path, let line):
                let old = JSONPath.value(at: path, in: document)?.stringValue ?? ""
                JSONPath.set(.string(old.isEmpty ? line : old + "\n" + line), at: path, in: &document)
            }
            return edit
        }
        let choice = Int(rng.next() % 4)
        switch area {
        case .fields:
            switch choice {
            case 0: return apply(.set(["name"], .string("Account \(tag)")))
            case 1: return apply(.set(["stage"], .string(pick(RelationshipStage.allCases.map(\.rawValue))!)))
            case 2: return apply(.set(["annualValue"], .integer(Int(rng.next() % 1_000_000))))
            default: return apply(.set(["nextMeeting"], .string("2027-0\(1 + rng.next() % 9)-1\(rng.next() % 10)")))
            }
        case .notes, .appendNotes:
            if choice == 0, area == .notes { return apply(.set(["notes"], .string("Rewritten \(tag)"))) }
            return apply(.appendLine(["notes"], "Note \(tag)"))
        case .people, .editPeople:
            let people = ids("people")
            switch area == .editPeople ? choice % 3 : choice {
            case 0:
                let id = "p\(tag)"
                return apply(.set(["people", id], .object([
                    "id": .string(id), "name": .string("Person \(tag)"), "title": .string(""), "level": .string("middle"), "notes": .string(""),
                    "hotButtons": .string(""), "coldButtons": .string(""), "nextStep": .string(""), "influences": .array([]),
                    "coverage": .array([]), "newInRole": .bool(false), "uncertain": .bool(false),
                ])))
            case 1:
                guard let person = pick(people) else { return nil }
                return apply(.set(["people", person, "title"], .string("Title \(tag)")))
            case 2:
                guard let person = pick(people) else { return nil }
                return apply(.appendLine(["people", person, "notes"], "Met \(tag)"))
            default:
                guard let person = pick(people) else { return nil }
                // As the app does: a person's influences go with them.
                for influence in document.objectValue?["influences"]?.arrayValue ?? [] where influence.objectValue?["person"]?.stringValue == person {
                    if let id = influence.objectValue?["id"]?.stringValue { JSONPath.set(nil, at: ["influences", id], in: &document) }
                }
                return apply(.remove(["people", person]))
            }
        case .commitments:
            let commitments = ids("commitments")
            switch choice {
            case 0, 1:
                let id = "c\(tag)"
                return apply(.set(["commitments", id], .object([
                    "id": .string(id), "side": .string("intention"), "text": .string("Promise \(tag)"), "owner": .string(""),
                    "status": .string("open"), "evidence": .string(""),
                ])))
            case 2:
                guard let commitment = pick(commitments) else { return nil }
                return apply(.set(["commitments", commitment, "status"], .string(pick(CommitmentStatus.allCases.map(\.rawValue))!)))
            default:
                guard let commitment = pick(commitments) else { return nil }
                return apply(.remove(["commitments", commitment]))
            }
        case .influences:
            let influences = ids("influences")
            guard let influence = pick(influences) else { return nil }
            switch choice {
            case 0, 1: return apply(.set(["influences", influence, "rating"], .integer(Int(rng.next() % 11) - 5)))
            case 2: return apply(.set(["influences", influence, "degree"], .string(pick(InfluenceDegree.allCases.map(\.rawValue))!)))
            default: return apply(.set(["influences", influence, "win"], .string("Win \(tag)")))
            }
        }
    }

    /// True when the edit still holds in `document` (a later edit on the same side may have undone it).
    public static func holds(_ edit: Edit, in document: JSONValue) -> Bool {
        switch edit {
        case .set(let path, let value): return JSONPath.value(at: path, in: document) == value
        case .remove(let path): return JSONPath.value(at: path, in: document) == nil
        case .appendLine(let path, let line): return contains(JSONPath.value(at: path, in: document), line: line)
        }
    }

    /// True when the edit survived in `merged`, or a recorded conflict holds its value.
    public static func survives(_ edit: Edit, in merged: JSONValue, conflicts: [MergeConflict]) -> (survived: Bool, recorded: Bool) {
        if holds(edit, in: merged) { return (true, false) }
        for conflict in conflicts where edit.path.starts(with: conflict.path) {
            let rest = Array(edit.path.dropFirst(conflict.path.count))
            for value in conflict.values {
                switch edit {
                case .set(_, let expected): if JSONPath.value(at: rest, in: value) == expected { return (false, true) }
                case .appendLine(_, let line): if contains(JSONPath.value(at: rest, in: value), line: line) { return (false, true) }
                case .remove: if value == .null || JSONPath.value(at: rest, in: value) == nil { return (false, true) }
                }
            }
        }
        return (false, false)
    }

    static func contains(_ value: JSONValue?, line: String) -> Bool {
        value?.stringValue?.split(separator: "\n", omittingEmptySubsequences: false).contains { $0 == line } ?? false
    }
}
