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
    /// Why nothing may be saved, e.g. `workbook.json` was written by a newer version, or another
    /// `workbook` holds the lock ("opened read-only: in use by pid 1234 on host x since …"); nil
    /// when saving is allowed.
    public var readOnlyReason: String?
    /// Who holds the workbook's lock when this instance could not take it; nil when this instance
    /// holds it, or opened without locking (`loadExisting`).
    public var lockHolder: LockHolder?
    /// Files read from an older format version (migrated in memory; rewritten, after a backup,
    /// on their next save), e.g. `accounts/ab.json: format 0 → 1`.
    public var migratedFiles: [StorageProblem]
    /// Accounts handed out as their `listSummary` by `FileWorkbookStore.openSummaries(today:)`:
    /// the details are read when the account is opened (`reload`). Empty after `load()`.
    public var summaryOnly: Set<AccountID>
    /// The digest of each summary-only account (health, red flags, merge conflicts).
    public var digests: [AccountID: AccountDigest]
    /// How many account files were read and decoded (the others came from the list index).
    public var filesDecoded: Int
    /// When every account came from the list index, unchanged, the order the index says `accounts`
    /// are in (the app's tag, given back as the app wrote it); nil otherwise.
    public var listOrderTag: String?

    public init(
        settings: WorkbookSettings, accounts: [Account], problems: [StorageProblem], readOnlyReason: String? = nil,
        lockHolder: LockHolder? = nil, migratedFiles: [StorageProblem] = [], summaryOnly: Set<AccountID> = [],
        digests: [AccountID: AccountDigest] = [:], filesDecoded: Int? = nil, listOrderTag: String? = nil
    ) {
        self.listOrderTag = listOrderTag
        self.summaryOnly = summaryOnly
        self.digests = digests
        self.filesDecoded = filesDecoded ?? accounts.count
        self.settings = settings
        self.accounts = accounts
        self.problems = problems
        self.readOnlyReason = readOnlyReason
        self.lockHolder = lockHolder
        self.migratedFiles = migratedFiles
    }

    /// True when the workbook must not be changed by this build.
    public var isReadOnly: Bool { readOnlyReason != nil }
}

/// Why an operation on the workbook failed, in words a person can act on; `kind` lets the app
/// react (offer a reload, keep retrying) without parsing the words.
public struct StorageError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, for code.
    public enum Kind: Hashable, Sendable {
        /// Anything else (bad path, not a workbook, …).
        case general
        /// Nothing was written: the disk is full, permission was denied, the disk is read-only, an
        /// I/O error… (`errno` says which). The old file is intact; retrying can succeed.
        case notWritten(errno: Int32)
        /// The new file is in place, but the folder could not be flushed: a power cut may undo it.
        case writtenButNotFlushed(errno: Int32)
        /// The file changed on disk since this store read or wrote it (git pull, an editor, another
        /// program); nothing was written. `nil` names `workbook.json`. Reload to see the change.
        case changedOnDisk(AccountID?)
        /// The workbook is read-only for this instance (another instance holds the lock, a newer
        /// build wrote `workbook.json`, or the lock cannot be taken).
        case readOnly
        /// The file is damaged (or a link, a folder, a newer format) and is protected.
        case damaged
    }

    public var message: String
    public var kind: Kind
    public init(_ message: String, kind: Kind = .general) {
        self.message = message
        self.kind = kind
    }
    public var description: String { message }
}

/// Where accounts are kept. The app reaches files only through this protocol.
public protocol WorkbookStore: AnyObject {
    /// Where the workbook lives, as shown to the user.
    var locationDescription: String { get }
    /// Reads the whole workbook; throws only when the workbook itself cannot be opened.
    func load() throws -> LoadedWorkbook
    /// Saves one account, replacing its previous version atomically. Throws a `StorageError`
    /// of kind `.changedOnDisk(id)` when the file changed on disk since it was read.
    func save(_ account: Account) throws
    /// Accounts whose files changed on disk since this store read or wrote them (edited,
    /// replaced, removed, or new); cheap (`stat`, and a read only for files whose `stat` changed).
    func changedFiles() -> [AccountID]
    /// Reads one account's file again and makes it the version later saves compare against;
    /// nil when the file is gone. Throws when the file is damaged (it is then protected).
    func reload(_ id: AccountID) throws -> Account?
    /// Copies the accounts' current files into a dated folder under `.backups/` (before an
    /// archive, an import…).
    func backup(_ ids: [AccountID], reason: String) throws
    /// Saves `workbook.json` atomically (the partnership statement, thresholds…), with the same refusals as `save`.
    func saveSettings(_ settings: WorkbookSettings) throws
    /// Tries to take the workbook's lock (e.g. "take over" after the other instance quit).
    /// After `.acquired`, call `load()` again: the holder may have changed files.
    func acquireLock() -> LockStatus
}

extension WorkbookStore {
    public func changedFiles() -> [AccountID] { [] }
    public func reload(_ id: AccountID) throws -> Account? {
        throw StorageError("this workbook cannot be reloaded")
    }
    public func backup(_ ids: [AccountID], reason: String) throws {}
    public func saveSettings(_ settings: WorkbookSettings) throws {
        throw StorageError("the settings of this workbook cannot be saved")
    }
    public func acquireLock() -> LockStatus { .acquired }
}
