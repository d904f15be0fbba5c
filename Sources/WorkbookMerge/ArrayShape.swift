import WorkbookModel
import WorkbookStorage

/// How an array is merged: which member keys its elements, whether it is a set, and its order.
enum ArrayShape {
    /// Element keys, tried in order: `id` everywhere; `by` for the coverage entries, keyed by colleague.
    static let keyCandidates = ["id", "by"]

    /// The member that identifies every element of all three arrays (unique within each), if any.
    static func keyField(_ arrays: [JSONValue]...) -> String? {
        let all = arrays.flatMap { $0 }
        guard !all.isEmpty else { return nil }
        candidates: for candidate in keyCandidates {
            for array in arrays {
                var seen = Set<String>()
                for element in array {
                    guard let key = element.objectValue?[candidate]?.stringValue, seen.insert(key).inserted else { continue candidates }
                }
            }
            return candidate
        }
        return nil
    }

    static func index(_ array: [JSONValue], by keyField: String) -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for element in array {
            if let key = element.objectValue?[keyField]?.stringValue { result[key] = element }
        }
        return result
    }

    /// Code-point order, as the canonical writer sorts keys: independent of locale and normalization.
    static func byteOrder(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    /// A plain-value array kept as a set (docs/FORMAT.md): scalars only, none twice.
    static func isSet(_ array: [JSONValue]) -> Bool {
        array.allSatisfy(isScalar) && Set(array).count == array.count
    }

    static func isScalar(_ value: JSONValue) -> Bool {
        switch value {
        case .array, .object: return false
        default: return true
        }
    }

    /// Strings by code point (ids, roles); other scalars by their canonical bytes.
    static func scalarOrder(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        if case .string(let x) = lhs, case .string(let y) = rhs { return byteOrder(x, y) }
        return JSONMerge.order(lhs, rhs)
    }

    /// Kept: in both, or added by either; gone: removed by either. Sorted by code point; a known
    /// list with its own order (roles) is put in that order when the file is read and written back.
    static func mergeSets(_ base: [JSONValue], _ ours: [JSONValue], _ theirs: [JSONValue]) -> [JSONValue] {
        let b = Set(base), o = Set(ours), t = Set(theirs)
        let kept = o.intersection(t).union(o.subtracting(b)).union(t.subtracting(b))
        return kept.sorted(by: scalarOrder)
    }

    /// The merged elements in the order both sides keep: by key, or by another member then key
    /// (journal entries sorted by date); when the sides disagree, by key.
    static func ordered(_ merged: [JSONValue], keyField: String, like ours: [JSONValue], _ theirs: [JSONValue]) -> [JSONValue] {
        let byKey: (JSONValue, JSONValue) -> Bool = { byteOrder(key($0, keyField), key($1, keyField)) }
        if isSorted(ours, byKey), isSorted(theirs, byKey) { return merged.sorted(by: byKey) }
        let sides = ours + theirs
        let shared = sides.reduce(into: Set(sides.first?.objectValue?.keys.map { $0 } ?? [])) { common, element in
            common.formIntersection(element.objectValue?.keys.map { $0 } ?? [])
        }
        for field in shared.sorted() where field != keyField {
            let ordering: (JSONValue, JSONValue) -> Bool = { lhs, rhs in
                let x = lhs.objectValue?[field].map(sortText) ?? "", y = rhs.objectValue?[field].map(sortText) ?? ""
                return x == y ? byKey(lhs, rhs) : byteOrder(x, y)
            }
            if isSorted(ours, ordering), isSorted(theirs, ordering), merged.allSatisfy({ $0.objectValue?[field] != nil }) {
                return merged.sorted(by: ordering)
            }
        }
        return merged.sorted(by: byKey)
    }

    private static func key(_ element: JSONValue, _ field: String) -> String {
        element.objectValue?[field]?.stringValue ?? ""
    }

    private static func sortText(_ value: JSONValue) -> String {
        value.stringValue ?? String(decoding: CanonicalJSON.encode(value), as: UTF8.self)
    }

    private static func isSorted(_ array: [JSONValue], _ ordered: (JSONValue, JSONValue) -> Bool) -> Bool {
        zip(array, array.dropFirst()).allSatisfy { !ordered($1, $0) }
    }
}
