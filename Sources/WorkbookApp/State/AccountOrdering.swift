import Foundation
import WorkbookModel

/// The orders of the account list: name A–Z, value high to low, next meeting soonest first, stage by
/// progress, health worst first (accounts without a health, lost ones, last).
public enum AccountOrdering {
    public static func sorted(_ accounts: [Account], by sort: AccountSort, health: (Account) -> AccountHealth? = { _ in nil }) -> [Account] {
        // Folding a name (and computing health) is the costly part of a comparison: do it once per account.
        let keyed = accounts.map { account in
            (account: account, name: FilterMatcher.fold(account.name), health: sort == .health ? health(account)?.score ?? 101 : 0)
        }
        return keyed.sorted { left, right in
            let lhs = left.account, rhs = right.account
            switch sort {
            case .name:
                break
            case .value:
                let leftValue = lhs.annualValue ?? -1, rightValue = rhs.annualValue ?? -1
                if leftValue != rightValue { return leftValue > rightValue }
            case .nextMeeting:
                if let sooner = CalendarDate.precedes(lhs.nextMeeting, rhs.nextMeeting) { return sooner }
            case .stage:
                if lhs.stage != rhs.stage { return lhs.stage.rank < rhs.stage.rank }
            case .health:
                if left.health != right.health { return left.health < right.health }
            }
            // Case- and accent-insensitive name order, ids breaking ties so the order is total and stable.
            if left.name != right.name { return left.name < right.name }
            return lhs.id < rhs.id
        }.map(\.account)
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
        var folded: [UInt8] = []
        folded.reserveCapacity(utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                folded.append((65...90).contains(value) ? UInt8(value + 32) : UInt8(value))
            } else if latinRange.contains(value) {
                folded.append(contentsOf: latinFolds[Int(value - latinRange.lowerBound)])
            } else {
                return foundationFold(text)
            }
        }
        return String(decoding: folded, as: UTF8.self)
    }

    /// Latin-1 Supplement and Latin Extended-A and -B: precomposed letters, each folded on its own.
    static let latinRange: ClosedRange<UInt32> = 0xC0...0x24F
    /// Foundation's folding of each scalar of `latinRange`, worked out once (a few hundred calls).
    static let latinFolds: [[UInt8]] = latinRange.map { Array(foundationFold(String(Unicode.Scalar($0)!)).utf8) }

    static func foundationFold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}
