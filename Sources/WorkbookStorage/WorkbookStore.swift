import WorkbookModel

/// A problem found in one file of a workbook: which file (relative to the workbook), and what is wrong.
public struct StorageProblem: Hashable, Sendable, CustomStringConvertible {
    /// Path relative to the workbook directory, e.g. `accounts/3f2a….json`.
    public var file: String
    public var message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}

/// Everything read when a workbook is opened; damaged files are listed, not fatal.
public struct LoadedWorkbook: Sendable {
    public var settings: WorkbookSettings
    /// Every account that could be read, archived ones included.
    public var accounts: [Account]
    public var problems: [StorageProblem]
    /// Why nothing may be saved, e.g. `workbook.json` was written by a newer version; nil when saving is allowed.
    public var readOnlyReason: String?

    public init(settings: WorkbookSettings, accounts: [Account], problems: [StorageProblem], readOnlyReason: String? = nil) {
        self.settings = settings
        self.accounts = accounts
        self.problems = problems
        self.readOnlyReason = readOnlyReason
    }

    /// True when the workbook must not be changed by this build.
    public var isReadOnly: Bool { readOnlyReason != nil }
}

/// Why an operation on the workbook failed, in words a person can act on.
public struct StorageError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Where accounts are kept. The app reaches files only through this protocol.
public protocol WorkbookStore: AnyObject {
    /// Where the workbook lives, as shown to the user.
    var locationDescription: String { get }
    /// Reads the whole workbook; throws only when the workbook itself cannot be opened.
    func load() throws -> LoadedWorkbook
    /// Saves one account, replacing its previous version atomically.
    func save(_ account: Account) throws
}
