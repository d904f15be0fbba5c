import WorkbookModel
import WorkbookStorage

/// A store that keeps accounts in memory, counts saves, and can be told to fail: for runtime tests.
public final class InMemoryStore: WorkbookStore {
    public private(set) var saved: [AccountID: Account] = [:]
    public private(set) var saveCount = 0
    /// When set, every save throws this error and changes nothing.
    public var failure: StorageError?
    private let workbook: LoadedWorkbook

    public init(_ workbook: LoadedWorkbook) {
        self.workbook = workbook
        for account in workbook.accounts { saved[account.id] = account }
    }

    public var locationDescription: String { "memory" }

    public func load() throws -> LoadedWorkbook {
        LoadedWorkbook(settings: savedSettings ?? workbook.settings, accounts: saved.values.sorted { $0.id < $1.id }, problems: workbook.problems)
    }

    public func save(_ account: Account) throws {
        if let failure { throw failure }
        if changedOutside.contains(account.id) {
            throw StorageError("not saved: changed on disk", kind: .changedOnDisk(account.id))
        }
        saved[account.id] = account
        saveCount += 1
    }

    /// Accounts changed "on disk" by someone else since this store last read or wrote them.
    public private(set) var changedOutside = Set<AccountID>()
    public private(set) var backedUp: [[AccountID]] = []

    /// Another program (a git pull) rewrites an account's file.
    public func simulateOutsideEdit(_ account: Account) {
        saved[account.id] = account
        changedOutside.insert(account.id)
    }

    public func changedFiles() -> [AccountID] { changedOutside.sorted() }

    /// Accounts whose "file" no longer reads: `reload` throws as the file store does for a damaged file.
    public var unreadable = Set<AccountID>()
    /// How many times each account was read again (opened, or reloaded after an outside change).
    public private(set) var reloadCount: [AccountID: Int] = [:]

    public func reload(_ id: AccountID) throws -> Account? {
        if unreadable.contains(id) {
            throw StorageError("accounts/\(id.rawValue).json: line 3: unexpected end of the file", kind: .damaged)
        }
        reloadCount[id, default: 0] += 1
        changedOutside.remove(id)
        return saved[id]
    }

    public func backup(_ ids: [AccountID], reason: String) throws { backedUp.append(ids) }

    /// The settings last saved, if any were.
    public private(set) var savedSettings: WorkbookSettings?

    public func saveSettings(_ settings: WorkbookSettings) throws {
        if let failure { throw failure }
        savedSettings = settings
    }
}
