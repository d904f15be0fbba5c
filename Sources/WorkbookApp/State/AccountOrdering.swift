import Foundation
import WorkbookModel

/// The orders of the account list: name A–Z, value high to low, next meeting soonest first, stage by
/// progress, health worst first (accounts without a health, lost ones, last).
public enum AccountOrdering {
    public static func sorted(_ accounts: [Account], by sort: AccountSort, health: (Account) -> AccountHealth? = { _ in nil }) -> [Account] {
        // The list's own keys and comparison, so a review or an export lists accounts as the list does;
        // folding a name (and computing health) once per account, not per comparison.
        var memo: [String: String] = [:]
        let keyed = accounts.map { account in
            (account: account, key: AccountListKey(account, memo: &memo).withHealthScore(sort == .health ? health(account)?.score ?? 101 : 101))
        }
        return keyed.sorted { AccountListKey.precedes($0.account.id, $0.key, $1.account.id, $1.key, by: sort) }.map(\.account)
    }
}

/// Matches the `/` filter: every word must appear in the name, industry, owner or stage, ignoring case and accents.
public struct FilterMatcher: Sendable {
    let words: [String]

    public init(query: String) {
        words = FilterMatcher.fold(query).split(whereSeparator: { $0 == " " }).map(String.init)
    }

    public func matches(_ account: Account) -> Bool {
        if words.isEmpty { return true }
        let haystack = Self.haystack(foldedName: Self.fold(account.name), Self.fold(account.industry), Self.fold(account.owner), Self.fold(account.stage.title))
        return words.allSatisfy { Self.contains(haystack, Array($0.utf8)) }
    }

    /// What the filter searches: the folded name, industry, owner and stage, kept apart so a word
    /// cannot match across two of them.
    static func haystack(foldedName: String, _ industry: String, _ owner: String, _ stage: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(foldedName.utf8.count + industry.utf8.count + owner.utf8.count + stage.utf8.count + 3)
        bytes.append(contentsOf: foldedName.utf8)
        for part in [industry, owner, stage] {
            bytes.append(0x1F)
            bytes.append(contentsOf: part.utf8)
        }
        return bytes
    }

    /// True when `needle` occurs in `haystack` (both folded UTF-8): the filter's inner loop, without building strings.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count else { return false }
        let last = haystack.count - needle.count
        var start = 0
        while start <= last {
            if haystack[start] == first {
                var offset = 1
                while offset < needle.count, haystack[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }

    /// Lowercased and without accents ("Müller" → "muller"), so typing plain letters finds accented names.
    static func fold(_ text: String) -> String {
        // Plain ASCII (most names) folds to its lower case; Foundation's folding costs microseconds a call.
        var utf8 = Array(text.utf8)
        if utf8.allSatisfy({ $0 < 0x80 }) {
            for index in utf8.indices where utf8[index] >= 65 && utf8[index] <= 90 { utf8[index] += 32 }
            return String(decoding: utf8, as: UTF8.self)
        }
        // Accented Latin letters (the other common case) fold one by one, from a table Foundation filled.
        return LatinText.mapped(text, through: latinFolds) ?? foundationFold(text)
    }

    /// Foundation's folding of each scalar of `LatinText.range`, worked out once (a few hundred calls).
    static let latinFolds = LatinText.table { foundationFold(String($0)) }

    static func foundationFold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}
