import Foundation
import WorkbookModel

/// What the account list needs of one account to sort it, filter it and spot a duplicate name,
/// folded once when the account changes instead of on every keystroke and every comparison.
struct AccountListKey: Equatable, Sendable {
    var isLive: Bool
    var foldedName: String
    var nameKey: String
    /// The folded "name␟industry␟owner␟stage" the `/` filter searches, as UTF-8.
    var haystack: [UInt8]
    var annualValue: Int?
    var nextMeeting: CalendarDate?
    var stage: RelationshipStage
    // The unfolded sources, to tell cheaply whether the folded values are still current.
    var name: String
    var industry: String
    var owner: String

    init(_ account: Account) {
        isLive = !account.isArchived
        name = account.name
        industry = account.industry
        owner = account.owner
        stage = account.stage
        annualValue = account.annualValue
        nextMeeting = account.nextMeeting
        foldedName = FilterMatcher.fold(account.name)
        nameKey = AccountRules.nameKey(account.name)
        haystack = Array(FilterMatcher.fold([account.name, account.industry, account.owner, account.stage.title].joined(separator: "\u{1F}")).utf8)
    }

    /// True when `account` would give this same key (so nothing needs folding again).
    func isCurrent(for account: Account) -> Bool {
        isLive == !account.isArchived && name == account.name && industry == account.industry && owner == account.owner
            && stage == account.stage && annualValue == account.annualValue && nextMeeting == account.nextMeeting
    }

    /// The list's order: by the sort's field, then by folded name, then by id, so the order is total.
    static func precedes(_ left: (AccountID, AccountListKey), _ right: (AccountID, AccountListKey), by sort: AccountSort) -> Bool {
        let lhs = left.1, rhs = right.1
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
        }
        if lhs.foldedName != rhs.foldedName { return lhs.foldedName < rhs.foldedName }
        return left.0 < right.0
    }
}

/// The live accounts in list order, with their folded keys and the names used more than once:
/// kept up to date one account at a time, so a save or a filter keystroke does not sort or fold
/// the whole territory again (docs/PERFORMANCE.md).
public struct AccountListOrder: Equatable, Sendable {
    private(set) var keys: [AccountID: AccountListKey] = [:]
    /// Every live account, in the order of `sort`.
    public private(set) var ordered: [AccountID] = []
    /// The filter's haystack of each account in `ordered`, at the same index: a keystroke scans this array, no look-ups.
    private var haystacks: [[UInt8]] = []
    public private(set) var sort: AccountSort = .name
    /// Live accounts by name key (trimmed, lowercased): more than one is a duplicate name.
    private var byNameKey: [String: [AccountID]] = [:]
    private var duplicateKeys: Set<String> = []

    public init() {}

    /// Two orders are equal when they list the same accounts in the same order: the folded keys
    /// are a cache of the accounts, which `AppState` compares on their own.
    public static func == (lhs: AccountListOrder, rhs: AccountListOrder) -> Bool {
        lhs.sort == rhs.sort && lhs.ordered == rhs.ordered
    }

    /// Rebuilds everything for `sort`, folding again only accounts whose listed fields changed.
    mutating func rebuild(from accounts: [AccountID: Account], sort: AccountSort) {
        self.sort = sort
        var fresh: [AccountID: AccountListKey] = [:]
        fresh.reserveCapacity(accounts.count)
        for (id, account) in accounts {
            if let known = keys[id], known.isCurrent(for: account) { fresh[id] = known } else { fresh[id] = AccountListKey(account) }
        }
        keys = fresh
        var live = keys.filter { $0.value.isLive }.map { ($0.key, $0.value) }
        live.sort { AccountListKey.precedes($0, $1, by: sort) }
        ordered = live.map(\.0)
        haystacks = live.map(\.1.haystack)
        byNameKey = [:]
        for (id, key) in live where byNameKey[key.nameKey]?.append(id) == nil { byNameKey[key.nameKey] = [id] }
        for (key, ids) in byNameKey where ids.count > 1 { byNameKey[key] = ids.sorted() }
        duplicateKeys = Set(byNameKey.filter { $0.value.count > 1 }.keys)
    }

    /// Takes in changed, added or removed accounts; costs a binary search and an array move each.
    mutating func update(_ ids: some Sequence<AccountID>, from accounts: [AccountID: Account]) {
        for id in ids {
            let newKey = accounts[id].map(AccountListKey.init)
            let oldKey = keys[id]
            if let oldKey, let newKey, oldKey == newKey { continue }
            if let oldKey, oldKey.isLive {
                if let index = position(of: (id, oldKey)) {
                    ordered.remove(at: index)
                    haystacks.remove(at: index)
                }
                removeName(oldKey.nameKey, id)
            }
            keys[id] = newKey
            if let newKey, newKey.isLive {
                let index = insertionPoint(for: (id, newKey))
                ordered.insert(id, at: index)
                haystacks.insert(newKey.haystack, at: index)
                byNameKey[newKey.nameKey, default: []].append(id)
                byNameKey[newKey.nameKey]!.sort()
                if byNameKey[newKey.nameKey]!.count > 1 { duplicateKeys.insert(newKey.nameKey) }
            }
        }
    }

    private mutating func removeName(_ nameKey: String, _ id: AccountID) {
        guard var ids = byNameKey[nameKey] else { return }
        ids.removeAll { $0 == id }
        byNameKey[nameKey] = ids.isEmpty ? nil : ids
        if ids.count < 2 { duplicateKeys.remove(nameKey) }
    }

    private func insertionPoint(for entry: (AccountID, AccountListKey)) -> Int {
        var low = 0, high = ordered.count
        while low < high {
            let middle = (low + high) / 2
            let id = ordered[middle]
            if AccountListKey.precedes((id, keys[id]!), entry, by: sort) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private func position(of entry: (AccountID, AccountListKey)) -> Int? {
        let index = insertionPoint(for: entry)
        if index < ordered.count, ordered[index] == entry.0 { return index }
        return ordered.firstIndex(of: entry.0)
    }

    /// The live accounts that pass the filter, in list order.
    func filtered(by matcher: FilterMatcher) -> [AccountID] {
        if matcher.words.isEmpty { return ordered }
        let needles = matcher.words.map { Array($0.utf8) }
        var shown: [AccountID] = []
        for (index, haystack) in haystacks.enumerated() where needles.allSatisfy({ FilterMatcher.contains(haystack, $0) }) {
            shown.append(ordered[index])
        }
        return shown
    }

    /// How many accounts are live (not archived).
    public var liveCount: Int { ordered.count }

    /// Live accounts other than `id` whose name key is `nameKey`: what a name clash is checked against.
    func live(namedLike nameKey: String) -> [AccountID] { byNameKey[nameKey] ?? [] }

    /// One name per name key that more than one live account uses (the smallest id's spelling), sorted.
    func duplicateNames(in accounts: [AccountID: Account]) -> [String] {
        duplicateKeys.compactMap { key in byNameKey[key]?.min().flatMap { accounts[$0]?.name } }.sorted()
    }
}
