import WorkbookModel
import WorkbookStorage

/// A three-way merge of two edited JSON documents against their common ancestor, field by field.
///
/// Generic over the shape, so fields added later merge without changes here, as long as they follow
/// the format rules (docs/FORMAT.md): objects merge per key; arrays of objects that all carry an `id`
/// (or, for coverage, a `by`) merge element by element; sorted arrays of plain values merge as sets;
/// notes and other multi-line text merge line by line; anything else that both sides changed
/// differently is a conflict. Every choice is symmetric, so `merge(O, A, B)` equals `merge(O, B, A)`.
public enum JSONMerge {
    /// The merged document and the disagreements found on the way (not yet in the document).
    public struct Outcome: Sendable {
        public var value: JSONValue?
        public var conflicts: [MergeConflict]
    }

    /// The top-level key that holds recorded conflicts; it is merged without recording conflicts about itself.
    public static let conflictsKey = "conflicts"

    /// Merges `ours` and `theirs` against `base` (nil: both sides added the document).
    public static func merge(base: JSONValue?, ours: JSONValue?, theirs: JSONValue?) -> Outcome {
        var merger = Merger()
        let value = merger.merge([], key: nil, base, ours, theirs)
        return Outcome(value: value, conflicts: merger.conflicts)
    }

    /// The deterministic choice between two values: the one whose canonical bytes sort last.
    static func pick(_ first: JSONValue?, _ second: JSONValue?) -> JSONValue? {
        guard let first else { return second }
        guard let second else { return first }
        return order(first, second) ? second : first
    }

    /// A total order on values by their canonical bytes.
    static func order(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        CanonicalJSON.encode(lhs).lexicographicallyPrecedes(CanonicalJSON.encode(rhs))
    }
}

/// The recursive worker: collects conflicts while it walks.
struct Merger {
    var conflicts: [MergeConflict] = []
    /// False inside the `conflicts` list itself: records about records would never end.
    var recording = true

    /// `nil` stands for "absent"; JSON `null` counts as absent (docs/FORMAT.md).
    mutating func merge(_ path: [String], key: String?, _ base: JSONValue?, _ ours: JSONValue?, _ theirs: JSONValue?) -> JSONValue? {
        var b = Self.present(base), o = Self.present(ours), t = Self.present(theirs)
        // An optional array is left out when empty: absent and [] are the same list.
        let omittedArray = (o == nil || t == nil)
        if [b, o, t].contains(where: { $0?.arrayValue != nil }) {
            b = b ?? .array([]); o = o ?? .array([]); t = t ?? .array([])
        }
        let result = mergePresent(path, key: key, b, o, t)
        if omittedArray, result?.arrayValue?.isEmpty == true { return nil }
        return result
    }

    private mutating func mergePresent(_ path: [String], key: String?, _ b: JSONValue?, _ o: JSONValue?, _ t: JSONValue?) -> JSONValue? {
        if o == t { return o }
        if o == b { return t }
        if t == b { return o }
        guard let o, let t else {
            // Removed on one side, changed on the other: keep the changed value, nothing is lost.
            let kept = o ?? t
            record(.removedAndChanged, path, o, t, shown: kept)
            return kept
        }
        switch (b, o, t) {
        case (nil, .object(let x), .object(let y)):
            return .object(mergeObject(path, [:], x, y))
        case (.object(let base)?, .object(let x), .object(let y)):
            return .object(mergeObject(path, base, x, y))
        case (_, .array(let x), .array(let y)) where b == nil || b?.arrayValue != nil:
            if let merged = mergeArray(path, b?.arrayValue ?? [], x, y) { return .array(merged) }
        case (_, .string(let x), .string(let y)) where b == nil || b?.stringValue != nil:
            let base = b?.stringValue ?? ""
            if TextMerge.isLongText(key: key, base, x, y), let merged = TextMerge.merge(base: base, ours: x, theirs: y) {
                return .string(merged)
            }
        default:
            break
        }
        let shown = JSONMerge.pick(o, t)
        record(b == nil ? .addedTwice : .bothChanged, path, o, t, shown: shown)
        return shown
    }

    private mutating func mergeObject(
        _ path: [String], _ base: [String: JSONValue], _ ours: [String: JSONValue], _ theirs: [String: JSONValue]
    ) -> [String: JSONValue] {
        var keys = Set(base.keys)
        keys.formUnion(ours.keys)
        keys.formUnion(theirs.keys)
        var result: [String: JSONValue] = [:]
        for key in keys.sorted() {
            let wasRecording = recording
            if path.isEmpty, key == JSONMerge.conflictsKey { recording = false }
            if let value = merge(path + [key], key: key, base[key], ours[key], theirs[key]) { result[key] = value }
            recording = wasRecording
        }
        return result
    }

    /// Nil when the arrays follow no merge rule (then both versions are a conflict as a whole).
    private mutating func mergeArray(_ path: [String], _ base: [JSONValue], _ ours: [JSONValue], _ theirs: [JSONValue]) -> [JSONValue]? {
        if let keyField = ArrayShape.keyField(base, ours, theirs) {
            return mergeKeyed(path, keyField: keyField, base, ours, theirs)
        }
        if ArrayShape.isSet(base), ArrayShape.isSet(ours), ArrayShape.isSet(theirs) {
            return ArrayShape.mergeSets(base, ours, theirs)
        }
        return nil
    }

    private mutating func mergeKeyed(_ path: [String], keyField: String, _ base: [JSONValue], _ ours: [JSONValue], _ theirs: [JSONValue]) -> [JSONValue] {
        let b = ArrayShape.index(base, by: keyField), o = ArrayShape.index(ours, by: keyField), t = ArrayShape.index(theirs, by: keyField)
        var keys = Set(b.keys)
        keys.formUnion(o.keys)
        keys.formUnion(t.keys)
        var merged: [JSONValue] = []
        for key in keys.sorted(by: ArrayShape.byteOrder) {
            if let element = merge(path + [key], key: nil, b[key], o[key], t[key]) { merged.append(element) }
        }
        return ArrayShape.ordered(merged, keyField: keyField, like: ours, theirs)
    }

    mutating func record(_ kind: MergeConflict.Kind, _ path: [String], _ first: JSONValue?, _ second: JSONValue?, shown: JSONValue?) {
        guard recording else { return }
        let values = [first ?? .null, second ?? .null].sorted(by: JSONMerge.order)
        conflicts.append(MergeConflict(id: MergeConflict.stableID(kind: kind.rawValue, path: path), kindName: kind.rawValue,
                                       path: path, values: values, shown: shown ?? .null))
    }

    static func present(_ value: JSONValue?) -> JSONValue? {
        if case .null? = value { return nil }
        return value
    }
}
