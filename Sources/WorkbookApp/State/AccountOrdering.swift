import Foundation
import WorkbookModel

/// The orders of the account list: name A–Z, value high to low, next meeting soonest first, stage by progress.
public enum AccountOrdering {
    public static func sorted(_ accounts: [Account], by sort: AccountSort) -> [Account] {
        accounts.sorted { lhs, rhs in
            switch sort {
            case .name:
                break
            case .value:
                let left = lhs.annualValue ?? -1, right = rhs.annualValue ?? -1
                if left != right { return left > right }
            case .nextMeeting:
                switch (lhs.nextMeeting, rhs.nextMeeting) {
                case let (left?, right?) where left != right: return left < right
                case (.some, nil): return true
                case (nil, .some): return false
                default: break
                }
            case .stage:
                if lhs.stage != rhs.stage { return lhs.stage.rank < rhs.stage.rank }
            }
            return nameOrder(lhs, rhs)
        }
    }

    /// Case- and accent-insensitive name order, ids breaking ties so the order is total and stable.
    static func nameOrder(_ lhs: Account, _ rhs: Account) -> Bool {
        let left = FilterMatcher.fold(lhs.name), right = FilterMatcher.fold(rhs.name)
        if left != right { return left < right }
        return lhs.id < rhs.id
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
        let haystack = FilterMatcher.fold([account.name, account.industry, account.owner, account.stage.title].joined(separator: "\u{1F}"))
        return words.allSatisfy { haystack.contains($0) }
    }

    /// Lowercased and without accents ("Müller" → "muller"), so typing plain letters finds accented names.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}
