import Dispatch
import Foundation
import WorkbookModel

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
    /// Live accounts by name key (trimmed, lowercased): a key more than one uses is a duplicate name.
    private var names = NameTables()

    /// False while the order is known but the keys are not built (`init(listing:allInOrder:)`).
    public private(set) var hasKeys = true
    /// For an order without keys: every account (archived ones too) in the order the keys are best
    /// built in, the list's order.
    private var buildOrder: [AccountID] = []

    /// Names the order `ordered` is in when the list is sorted by name, for the list index: an
    /// index written in it is in this order at the next open, when no file changed. Change it
    /// whenever folding or `AccountListKey.precedes` changes, so an older index is not trusted.
    public static let nameOrderTag = "name/1"

    public init() {}

    /// An order known without building keys: `live` are the live accounts in name order (an
    /// open's list index, with every file unchanged since it was written, says so). The list shows
    /// at once; the keys are built by `completed(from:)`, by the runtime in the background, or by
    /// the first change that needs them (`rebuild`, `update`).
    init(listing live: [AccountID], allInOrder all: [AccountID]) {
        ordered = live
        sort = .name
        hasKeys = false
        buildOrder = all
    }

    /// This order with its keys built (itself when it has them): the same list.
    func completed(from accounts: [AccountID: Account]) -> AccountListOrder {
        guard !hasKeys else { return self }
        var full = AccountListOrder()
        full.rebuild(from: accounts, sort: sort, order: buildOrder)
        return full
    }

    /// Two orders are equal when they list the same accounts in the same order: the folded keys
    /// are a cache of the accounts, which `AppState` compares on their own.
    public static func == (lhs: AccountListOrder, rhs: AccountListOrder) -> Bool {
        lhs.sort == rhs.sort && lhs.ordered == rhs.ordered
    }

    /// Rebuilds everything for `sort`, folding again only accounts whose listed fields changed.
    /// When the sort is the same and only a few accounts changed (a full read replacing the
    /// summaries it started from), it updates those instead of sorting everything again.
    /// `health` gives an account's health score for the health sort (nil: none); health depends on
    /// the day and the settings too, so sorting by health always scores every account again.
    /// `order`, when given, lists every account once, in the order they most likely sort in: an open
    /// hands them over in the list order of the session that wrote the list index, and the sort then
    /// finds one long sorted run instead of comparing its way through a shuffle.
    mutating func rebuild(
        from accounts: [AccountID: Account], sort: AccountSort, health: (Account) -> Int? = { _ in nil }, order: [AccountID]? = nil
    ) {
        if sort == self.sort, sort != .health, !keys.isEmpty {
            var changed: [AccountID] = []
            for (id, account) in accounts where !(keys[id]?.isCurrent(for: account) ?? false) {
                changed.append(id)
                if changed.count > accounts.count / 10 { break }
            }
            if changed.count <= accounts.count / 10 {
                for id in keys.keys where accounts[id] == nil { changed.append(id) }
                if changed.count <= max(1, accounts.count / 10) {
                    update(changed, from: accounts)
                    return
                }
            }
        }
        self.sort = sort
        let order = order ?? (hasKeys ? nil : buildOrder)
        (hasKeys, buildOrder) = (true, [])
        // In `order` when it names every account (each once), else in the dictionary's order.
        let ids = order.flatMap { $0.count == accounts.count ? $0 : nil } ?? Array(accounts.keys)
        var keyed = [AccountListKey?](repeating: nil, count: ids.count)
        var toFold: [Account] = [], foldAt: [Int] = []
        for (index, id) in ids.enumerated() {
            guard let account = accounts[id] else {
                // An order naming an account there is not: the dictionary's own order then.
                return rebuild(from: accounts, sort: sort, health: health)
            }
            if !keys.isEmpty, let known = keys[id], known.isCurrent(for: account) {
                keyed[index] = known.withHealthScore(101)
            } else {
                toFold.append(account)
                foldAt.append(index)
            }
        }
        for (index, key) in zip(foldAt, Self.keysInParallel(toFold)) { keyed[index] = key }
        toFold = []
        var fresh: [AccountID: AccountListKey] = [:]
        var liveIDs: [AccountID] = []
        var liveKeys: [AccountListKey] = []
        fresh.reserveCapacity(ids.count)
        liveIDs.reserveCapacity(ids.count)
        liveKeys.reserveCapacity(ids.count)
        for (id, key) in zip(ids, keyed) {
            // Keys are made with no health score (101): only the health sort needs one.
            let key = sort == .health ? key!.withHealthScore(accounts[id].flatMap(health) ?? 101) : key!
            fresh[id] = key
            if key.isLive {
                liveIDs.append(id)
                liveKeys.append(key)
            }
        }
        // An order naming one account twice (and so missing another): the dictionary's order then.
        if fresh.count != accounts.count { return rebuild(from: accounts, sort: sort, health: health) }
        keys = fresh
        // The duplicate-name table does not depend on the order: it is built on another core while
        // this one sorts (each is tens of milliseconds at 100,000 accounts).
        let slots = RebuildSlots()
        let (liveKeysTaken, liveIDsTaken) = (liveKeys, liveIDs)
        DispatchQueue.concurrentPerform(iterations: liveKeys.count < 2_000 ? 1 : 2) { part in
            if part == 1 { slots.names = Self.nameTables(liveKeysTaken, liveIDsTaken); return }
            slots.positions = Self.sortedPositions(liveKeysTaken, liveIDsTaken, by: sort)
            if liveKeysTaken.count < 2_000 { slots.names = Self.nameTables(liveKeysTaken, liveIDsTaken) }
        }
        ordered = slots.positions.map { liveIDs[$0] }
        haystacks = slots.positions.map { liveKeys[$0].haystack }
        names = slots.names
    }

    /// The positions of `keys` in list order. Sorting positions against flat arrays: moving or
    /// copying a key would retain all its strings.
    private static func sortedPositions(_ keys: [AccountListKey], _ ids: [AccountID], by sort: AccountSort) -> [Int] {
        var primaries: [Int] = []
        var starts: [Int] = []
        var blob: [UInt8] = []
        primaries.reserveCapacity(keys.count)
        starts.reserveCapacity(keys.count + 1)
        for key in keys {
            primaries.append(key.primary(for: sort))
            starts.append(blob.count)
            blob.append(contentsOf: key.sortBytes)
        }
        starts.append(blob.count)
        return blob.withUnsafeBufferPointer { bytes in
            Array(0..<ids.count).sorted { left, right in
                if primaries[left] != primaries[right] { return primaries[left] < primaries[right] }
                let leftCount = starts[left + 1] - starts[left], rightCount = starts[right + 1] - starts[right]
                let common = memcmp(bytes.baseAddress! + starts[left], bytes.baseAddress! + starts[right], min(leftCount, rightCount))
                if common != 0 { return common < 0 }
                if leftCount != rightCount { return leftCount < rightCount }
                return ids[left] < ids[right]
            }
        }
    }

    /// `byNameKey` and `sharedNames` for these live accounts (in any order: shared ids are sorted).
    private static func nameTables(_ keys: [AccountListKey], _ ids: [AccountID]) -> NameTables {
        var tables = NameTables()
        tables.byNameKey.reserveCapacity(keys.count)
        for (key, id) in zip(keys, ids) { tables.add(key.nameKey, id) }
        return tables
    }

    /// Folding thousands of names is the cost of opening a big workbook: split it over the cores.
    static func keysInParallel(_ accounts: [Account]) -> [AccountListKey] {
        let chunks = accounts.count < 2_000 ? 1 : max(1, ProcessInfo.processInfo.activeProcessorCount)
        let size = (accounts.count + chunks - 1) / max(1, chunks)
        let results = KeySlots(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var memo: [String: String] = [:]
            var part: [AccountListKey] = []
            for index in (chunk * size)..<min(accounts.count, (chunk + 1) * size) {
                part.append(AccountListKey(accounts[index], memo: &memo))
            }
            results.set(chunk, part)
        }
        return results.joined()
    }

    /// Takes in changed, added or removed accounts; costs a binary search and an array move each.
    mutating func update(_ ids: some Sequence<AccountID>, from accounts: [AccountID: Account], health: (Account) -> Int? = { _ in nil }) {
        guard hasKeys else { return rebuild(from: accounts, sort: sort, health: health) }
        for id in ids {
            var newKey = accounts[id].map { AccountListKey($0) }
            if sort == .health, let account = accounts[id] { newKey = newKey?.withHealthScore(health(account) ?? 101) }
            let oldKey = keys[id]
            if let oldKey, let newKey, oldKey == newKey { continue }
            if let oldKey, oldKey.isLive {
                if let index = position(of: (id, oldKey)) {
                    ordered.remove(at: index)
                    haystacks.remove(at: index)
                }
                names.remove(oldKey.nameKey, id)
            }
            keys[id] = newKey
            if let newKey, newKey.isLive {
                let index = insertionPoint(for: (id, newKey))
                ordered.insert(id, at: index)
                haystacks.insert(newKey.haystack, at: index)
                names.add(newKey.nameKey, id)
            }
        }
    }

    private func insertionPoint(for entry: (AccountID, AccountListKey)) -> Int {
        var low = 0, high = ordered.count
        while low < high {
            let middle = (low + high) / 2
            let id = ordered[middle]
            if AccountListKey.precedes(id, keys[id]!, entry.0, entry.1, by: sort) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private func position(of entry: (AccountID, AccountListKey)) -> Int? {
        let index = insertionPoint(for: entry)
        if index < ordered.count, ordered[index] == entry.0 { return index }
        return ordered.firstIndex(of: entry.0)
    }

    /// True when the account is in `ordered` (live, and keyed); needs the keys.
    func lists(_ id: AccountID) -> Bool { keys[id]?.isLive ?? false }

    /// Where `id` is in `list` (this order, or a filtered part of it): a binary search, not a scan
    /// of 100,000 ids. Nil when it is not there.
    func index(of id: AccountID, in list: [AccountID]) -> Int? {
        guard hasKeys else { return list.firstIndex(of: id) }
        guard let key = keys[id], key.isLive else { return nil }
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            let other = list[middle]
            guard let otherKey = keys[other] else { return list.firstIndex(of: id) }
            if AccountListKey.precedes(other, otherKey, id, key, by: sort) { low = middle + 1 } else { high = middle }
        }
        if low < list.count, list[low] == id { return low }
        return nil
    }

    /// The live accounts that pass the filter, in list order.
    /// Needs the keys when a word is typed (`AppState` builds them first).
    func filtered(by matcher: FilterMatcher) -> [AccountID] {
        if matcher.words.isEmpty { return ordered }
        precondition(hasKeys, "filtering an order without its keys")
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
    func live(namedLike nameKey: String) -> [AccountID] {
        precondition(hasKeys, "looking up a name in an order without its keys")
        return names.live(namedLike: nameKey)
    }

    /// One name per name key that more than one live account uses (the smallest id's spelling), sorted.
    func duplicateNames(in accounts: [AccountID: Account]) -> [String] {
        names.sharedNames.values.compactMap { ids in ids.first.flatMap { accounts[$0]?.name } }.sorted()
    }
}

/// The live account with each name key, and the name keys more than one live account uses (with
/// their accounts sorted by id): the duplicates.
private struct NameTables: Sendable {
    var byNameKey: [String: AccountID] = [:]
    var sharedNames: [String: [AccountID]] = [:]

    mutating func add(_ nameKey: String, _ id: AccountID) {
        if !sharedNames.isEmpty, var ids = sharedNames[nameKey] {
            ids.append(id)
            sharedNames[nameKey] = ids.sorted()
        } else if let first = byNameKey.updateValue(id, forKey: nameKey), first != id {
            // Hashing a name is the cost of an open (100,000 of them): one look-up for a name met
            // once, and only a duplicate pays for putting the first account back.
            byNameKey[nameKey] = first
            sharedNames[nameKey] = [first, id].sorted()
        }
    }

    mutating func remove(_ nameKey: String, _ id: AccountID) {
        if var ids = sharedNames[nameKey] {
            ids.removeAll { $0 == id }
            if ids.count > 1 {
                sharedNames[nameKey] = ids
            } else {
                sharedNames[nameKey] = nil
                byNameKey[nameKey] = ids.first
            }
        } else if byNameKey[nameKey] == id {
            byNameKey[nameKey] = nil
        }
    }

    /// The live accounts whose name key is `nameKey`.
    func live(namedLike nameKey: String) -> [AccountID] { sharedNames[nameKey] ?? byNameKey[nameKey].map { [$0] } ?? [] }
}

/// What the two halves of a rebuild give, each written by one iteration of `concurrentPerform`
/// and read after it returns.
private final class RebuildSlots: @unchecked Sendable {
    var names = NameTables()
    var positions: [Int] = []
}

/// Each thread's share of `keysInParallel`, written once per chunk under a lock.
private final class KeySlots: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [[AccountListKey]]
    init(count: Int) { parts = Array(repeating: [], count: count) }
    func set(_ chunk: Int, _ part: [AccountListKey]) {
        lock.lock()
        parts[chunk] = part
        lock.unlock()
    }
    func joined() -> [AccountListKey] { parts.flatMap { $0 } }
}
