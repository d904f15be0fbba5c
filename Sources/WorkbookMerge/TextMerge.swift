/// A line-by-line three-way merge of text (diff3): a conflict only where both sides changed the same lines differently.
///
/// Where both sides only added lines at the same place (two notes appended at the end), both
/// additions are kept, in code-point order of the added text so that the result does not depend on
/// which side merges.
public enum TextMerge {
    /// Above this many base × side lines the longest-common-subsequence table is not built; the text is a conflict.
    static let maximumCells = 4_000_000

    /// Text merged line by line: notes (any key ending in "note" or "notes") and any text with a line break.
    public static func isLongText(key: String?, _ versions: String...) -> Bool {
        if let key {
            let lower = key.lowercased()
            if lower.hasSuffix("notes") || lower.hasSuffix("note") { return true }
        }
        return versions.contains { $0.contains("\n") }
    }

    /// The merged text, or nil when both sides changed the same lines differently.
    public static func merge(base: String, ours: String, theirs: String) -> String? {
        if ours == theirs { return ours }
        if ours == base { return theirs }
        if theirs == base { return ours }
        let o = lines(base), a = lines(ours), b = lines(theirs)
        guard let toA = matches(o, a), let toB = matches(o, b) else { return nil }
        var result: [Substring] = []
        var i = 0, ja = 0, jb = 0
        while i < o.count || ja < a.count || jb < b.count {
            if i < o.count, toA[i] == ja, toB[i] == jb {
                result.append(o[i]); i += 1; ja += 1; jb += 1
                continue
            }
            // The next base line both sides kept closes the changed region.
            var end = i
            while end < o.count, toA[end] == nil || toB[end] == nil { end += 1 }
            let endA = end < o.count ? toA[end]! : a.count
            let endB = end < o.count ? toB[end]! : b.count
            guard let chunk = resolve(Array(o[i..<end]), Array(a[ja..<endA]), Array(b[jb..<endB])) else { return nil }
            result += chunk
            i = end; ja = endA; jb = endB
        }
        return result.joined(separator: "\n")
    }

    private static func resolve(_ base: [Substring], _ ours: [Substring], _ theirs: [Substring]) -> [Substring]? {
        if ours == theirs { return ours }
        if ours == base { return theirs }
        if theirs == base { return ours }
        guard base.isEmpty else { return nil }
        let first = ours.joined(separator: "\n"), second = theirs.joined(separator: "\n")
        return first.utf8.lexicographicallyPrecedes(second.utf8) ? ours + theirs : theirs + ours
    }

    /// An empty text has no lines, so two notes written into an empty field are both kept.
    static func lines(_ text: String) -> [Substring] {
        text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// For each base line, the index of the side's line it is matched with in a longest common subsequence.
    static func matches(_ base: [Substring], _ side: [Substring]) -> [Int?]? {
        let n = base.count, m = side.count
        guard n * m <= maximumCells else { return nil }
        // Common prefix and suffix first: most edits touch a few lines of a long text.
        var prefix = 0
        while prefix < n, prefix < m, base[prefix] == side[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < n - prefix, suffix < m - prefix, base[n - 1 - suffix] == side[m - 1 - suffix] { suffix += 1 }
        var result = [Int?](repeating: nil, count: n)
        for index in 0..<prefix { result[index] = index }
        for index in 0..<suffix { result[n - 1 - index] = m - 1 - index }
        let rows = n - prefix - suffix, columns = m - prefix - suffix
        guard rows > 0, columns > 0 else { return result }
        var table = [Int](repeating: 0, count: (rows + 1) * (columns + 1))
        for r in stride(from: rows - 1, through: 0, by: -1) {
            for c in stride(from: columns - 1, through: 0, by: -1) {
                table[r * (columns + 1) + c] = base[prefix + r] == side[prefix + c]
                    ? table[(r + 1) * (columns + 1) + c + 1] + 1
                    : max(table[(r + 1) * (columns + 1) + c], table[r * (columns + 1) + c + 1])
            }
        }
        var r = 0, c = 0
        while r < rows, c < columns {
            if base[prefix + r] == side[prefix + c] {
                result[prefix + r] = prefix + c; r += 1; c += 1
            } else if table[(r + 1) * (columns + 1) + c] >= table[r * (columns + 1) + c + 1] {
                r += 1
            } else {
                c += 1
            }
        }
        return result
    }
}
