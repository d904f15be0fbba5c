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
        LoadedWorkbook(settings: workbook.settings, accounts: saved.values.sorted { $0.id < $1.id }, problems: workbook.problems)
    }

    public func save(_ account: Account) throws {
        if let failure { throw failure }
        saved[account.id] = account
        saveCount += 1
    }
}
