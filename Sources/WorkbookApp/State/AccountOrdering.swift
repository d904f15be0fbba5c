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
        let haystack = FilterMatcher.fold([account.name, account.industry, account.owner, account.stage.title].joined(separator: "\u{1F}"))
        return words.allSatisfy { haystack.contains($0) }
    }

    /// Lowercased and without accents ("Müller" → "muller"), so typing plain letters finds accented names.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}
