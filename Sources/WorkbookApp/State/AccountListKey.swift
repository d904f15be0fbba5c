import Foundation
import WorkbookModel

/// What the account list needs of one account to sort it, filter it and spot a duplicate name,
/// folded once when the account changes instead of on every keystroke and every comparison.
/// Immutable and shared: the order keeps it in a dictionary and in flat arrays, and an open makes
/// 100,000 of them, so a copy is one retain instead of one per string (docs/PERFORMANCE.md).
final class AccountListKey: Equatable, Sendable {
    let isLive: Bool
    let foldedName: String
    /// The folded name's Unicode scalars in NFC as UTF-8: comparing these bytes orders names exactly
    /// as comparing the strings does, without normalizing them again in every comparison.
    let sortBytes: [UInt8]
    let nameKey: String
    /// The folded "name␟industry␟owner␟stage" the `/` filter searches, as UTF-8.
    let haystack: [UInt8]
    let annualValue: Int?
    let nextMeeting: CalendarDate?
    let stage: RelationshipStage
    /// The health score when the list is sorted by health (101: none, or not known yet), else 101.
    let healthScore: Int
    // The unfolded sources, to tell cheaply whether the folded values are still current.
    let name: String
    let industry: String
    let owner: String

    convenience init(_ account: Account) {
        var memo: [String: String] = [:]
        self.init(account, memo: &memo)
    }

    private init(copying key: AccountListKey, healthScore: Int) {
        (isLive, foldedName, sortBytes, nameKey, haystack) = (key.isLive, key.foldedName, key.sortBytes, key.nameKey, key.haystack)
        (annualValue, nextMeeting, stage, name, industry, owner) = (key.annualValue, key.nextMeeting, key.stage, key.name, key.industry, key.owner)
        self.healthScore = healthScore
    }

    /// This key with another health score (itself when the score is the same).
    func withHealthScore(_ score: Int) -> AccountListKey {
        score == healthScore ? self : AccountListKey(copying: self, healthScore: score)
    }

    static func == (lhs: AccountListKey, rhs: AccountListKey) -> Bool {
        lhs === rhs || (lhs.isLive == rhs.isLive && lhs.foldedName == rhs.foldedName && lhs.sortBytes == rhs.sortBytes
            && lhs.nameKey == rhs.nameKey && lhs.haystack == rhs.haystack && lhs.annualValue == rhs.annualValue
            && lhs.nextMeeting == rhs.nextMeeting && lhs.stage == rhs.stage && lhs.healthScore == rhs.healthScore
            && lhs.name == rhs.name && lhs.industry == rhs.industry && lhs.owner == rhs.owner)
    }

    /// `memo` remembers folded industries, owners and stages: a territory repeats a few hundred of them.
    init(_ account: Account, memo: inout [String: String]) {
        isLive = !account.isArchived
        name = account.name
        industry = account.industry
        owner = account.owner
        stage = account.stage
        annualValue = account.annualValue
        nextMeeting = account.nextMeeting
        healthScore = 101
        foldedName = FilterMatcher.fold(account.name)
        sortBytes = Array((Self.isNFCStable(foldedName) ? foldedName : foldedName.precomposedStringWithCanonicalMapping).utf8)
        nameKey = AccountRules.nameKey(account.name)
        func folded(_ text: String) -> String {
            if let known = memo[text] { return known }
            let result = FilterMatcher.fold(text)
            memo[text] = result
            return result
        }
        haystack = FilterMatcher.haystack(foldedName: foldedName, folded(account.industry), folded(account.owner), folded(account.stage.title))
    }

    /// True when normalizing to NFC cannot change the text: ASCII, kana, CJK ideographs and Hangul
    /// syllables only (what folded names mostly are), so the costly normalization can be skipped.
    static func isNFCStable(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            let value = scalar.value
            return value < 0x80 || (0x3041...0x3096).contains(value) || (0x30A1...0x30FA).contains(value)
                || (0x4E00...0x9FFF).contains(value) || (0xAC00...0xD7A3).contains(value)
        }
    }

    /// True when the two give the same key: the list shows them alike, in the same place.
    static func listsAlike(_ one: Account, _ other: Account) -> Bool {
        AccountListKey(one).isCurrent(for: other)
    }

    /// True when `account` would give this same key (so nothing needs folding again).
    func isCurrent(for account: Account) -> Bool {
        isLive == !account.isArchived && name == account.name && industry == account.industry && owner == account.owner
            && stage == account.stage && annualValue == account.annualValue && nextMeeting == account.nextMeeting
    }

    /// The sort's own field as a number that orders ascending: value high to low (none last), next
    /// meeting soonest first (none last), stage by progress; 0 for name.
    func primary(for sort: AccountSort) -> Int {
        switch sort {
        case .name: return 0
        case .value: return -(annualValue ?? -1)
        case .nextMeeting: return nextMeeting.map(\.dayNumber) ?? Int.max
        case .stage: return stage.rank
        case .health: return healthScore
        }
    }

    /// The list's order: by the sort's field, then by folded name, then by id, so the order is total.
    static func precedes(_ leftID: AccountID, _ lhs: borrowing AccountListKey, _ rightID: AccountID, _ rhs: borrowing AccountListKey, by sort: AccountSort) -> Bool {
        switch sort {
        case .name:
            break
        case .value:
            let leftValue = lhs.annualValue ?? -1, rightValue = rhs.annualValue ?? -1
            if leftValue != rightValue { return leftValue > rightValue }
        case .nextMeeting:
            switch (lhs.nextMeeting, rhs.nextMeeting) {
            case let (leftDate?, rightDate?) where leftDate != rightDate: return leftDate < rightDate
            case (.some, nil): return true
            case (nil, .some): return false
            default: break
            }
        case .stage:
            if lhs.stage != rhs.stage { return lhs.stage.rank < rhs.stage.rank }
        case .health:
            if lhs.healthScore != rhs.healthScore { return lhs.healthScore < rhs.healthScore }
        }
        if lhs.sortBytes != rhs.sortBytes { return lhs.sortBytes.lexicographicallyPrecedes(rhs.sortBytes) }
        return leftID < rightID
    }
}
