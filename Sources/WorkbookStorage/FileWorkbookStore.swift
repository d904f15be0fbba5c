import Foundation
import WorkbookModel

/// The workbook as a directory of JSON files: `workbook.json` and `accounts/<id>.json`.
///
/// - **One writer:** `load()` takes the workbook's lock (`.lock`, `flock`); when another instance
///   holds it, the workbook opens read-only and says who holds it. `close()` (or deinit) releases it.
/// - **No lost outside changes:** the store remembers what it read from each file; a save against
///   a file that changed on disk since then is refused (`StorageError.Kind.changedOnDisk`), and
///   `changedFiles()` / `reload(_:)` let the app notice and pick up such changes.
/// - **Damaged files** are reported and then protected: this store never writes over a file it
///   could not read, so fixing it stays possible and nobody's data is replaced by a guess.
///
/// It is safe to call from any thread; calls are serialized.
public final class FileWorkbookStore: WorkbookStore, @unchecked Sendable {
    /// The workbook folder, absolute.
    public let directory: String
    private let fileSystem: any FileSystem
    private let environment: [String: String]
    /// False only in tests that play a program which ignores the lock (an older build, a script).
    private let locking: Bool
    private let mutex = NSLock()

    // Guarded by `mutex`.
    private var hasLoaded = false
    private var protectedFiles: Set<String> = []
    private var newerVersionReason: String?
    private var lockReason: String?
    private var lockHolder: LockHolder?
    private var heldLock: WorkbookLock?
    /// What this store last read or wrote, per relative path.
    private var records: [String: KnownFile] = [:]

    public convenience init(directory: String) {
        self.init(directory: directory, fileSystem: POSIXFileSystem(), environment: ProcessInfo.processInfo.environment)
    }

    public convenience init(directory: URL) {
        self.init(directory: directory.path)
    }

    /// `environment` supplies USER/LOGNAME for the owner of a new workbook.
    init(directory: String, fileSystem: any FileSystem, environment: [String: String], locking: Bool = true) {
        self.directory = Self.absolute(directory)
        self.fileSystem = fileSystem
        self.environment = environment
        self.locking = locking
    }

    public var locationDescription: String { directory }

    private var accountsDirectory: String { directory + "/" + WorkbookScanner.accountsFolder }

    private var readOnlyReason: String? { newerVersionReason ?? lockReason }

    /// True while this store holds the workbook's lock.
    public var holdsLock: Bool {
        mutex.lock()
        defer { mutex.unlock() }
        return heldLock != nil
    }

    // MARK: Loading

    /// Opens the workbook, creating it when nothing is at the path yet, and takes its lock. With
    /// the lock, it also removes temp files left by an interrupted save and writes a `.gitignore`
    /// when there is none. Without it (another instance holds it), the result is read-only.
    public func load() throws -> LoadedWorkbook {
        mutex.lock()
        defer { mutex.unlock() }
        return try loadLocked(mode: .createIfMissing)
    }

    /// Opens an existing workbook and changes nothing on disk (for `--read-only`, `export`):
    /// throws "no workbook at PATH" instead of creating one, takes no lock, and leaves stale temp
    /// files alone.
    public func loadExisting() throws -> LoadedWorkbook {
        mutex.lock()
        defer { mutex.unlock() }
        return try loadLocked(mode: .existingOnly)
    }

    /// Releases the lock; later saves are refused until `acquireLock()` or `load()` takes it again.
    public func close() {
        mutex.lock()
        defer { mutex.unlock() }
        heldLock?.release()
        heldLock = nil
        if locking, hasLoaded { lockReason = "closed" }
    }

    /// Tries to take the lock (the other instance may have quit, or been killed: the kernel frees
    /// a dead process's lock). After `.acquired`, call `load()` again to see the holder's changes.
    public func acquireLock() -> LockStatus {
        mutex.lock()
        defer { mutex.unlock() }
        return acquireLockLocked()
    }

    private func acquireLockLocked() -> LockStatus {
        guard locking else {
            lockReason = nil
            return .acquired
        }
        if heldLock != nil { return .acquired }
        let (lock, status) = WorkbookLock.acquire(directory: directory)
        switch status {
        case .acquired:
            heldLock = lock
            lockReason = nil
            lockHolder = nil
        case .heldBy(let holder):
            lockHolder = holder
            lockReason = "opened read-only: in use by \(holder)"
        case .unavailable(let reason):
            lockHolder = nil
            lockReason = "opened read-only: \(reason)"
        }
        return status
    }

    private enum OpenMode {
        case createIfMissing, existingOnly
    }

    private func loadLocked(mode: OpenMode) throws -> LoadedWorkbook {
        let found = try inspect(mode: mode)
        var created = false
        if mode == .createIfMissing {
            if found == .missing {
                do {
                    try Self.makeDirectories(directory, fileSystem: fileSystem)
                } catch {
                    throw StorageError("cannot create a workbook at \(directory): \(error.reason)")
                }
            }
            _ = acquireLockLocked()
            if found != .workbook, lockReason == nil {
                try createWorkbookFolder(settings: defaultSettings())
                created = true
            }
        }
        let scan = WorkbookScanner(root: directory, fileSystem: fileSystem).scan()
        protectedFiles = scan.protectedFiles
        records = scan.records
        newerVersionReason = scan.newerWorkbookVersion.map { version in
            "\(WorkbookFileFormat.fileName) was written by a newer version (format \(version)); this build reads up to \(FormatVersion.current) — opened read-only"
        }
        var problems = scan.problems
        var settings = scan.settings
        if mode == .createIfMissing, readOnlyReason == nil {
            removeTemporaryFiles(scan.temporaryFiles)
            ensureGitignore()
            if settings == nil, scan.workbookFileMissing, !created {
                // A folder with accounts but no workbook.json (deleted, or lost in a merge): recreate
                // it rather than refuse the accounts.
                let fresh = defaultSettings()
                try writeNewWorkbookFile(fresh)
                settings = fresh
            }
        } else if scan.workbookFileMissing {
            problems.insert(StorageProblem(file: WorkbookFileFormat.fileName, message: "missing; default settings are used"), at: 0)
        }
        hasLoaded = true
        return LoadedWorkbook(
            settings: settings ?? defaultSettings(),
            accounts: scan.accounts,
            problems: problems,
            readOnlyReason: mode == .createIfMissing ? readOnlyReason : newerVersionReason,
            lockHolder: mode == .createIfMissing ? lockHolder : nil,
            migratedFiles: scan.migrated
        )
    }

    private enum Found {
        case workbook, empty, missing
    }

    /// Checks what is at the path: a workbook, nothing, or a folder that may become one.
    private func inspect(mode: OpenMode) throws -> Found {
        let status: FileStatus?
        do {
            status = try fileSystem.status(atPath: directory, followLinks: true)
        } catch {
            throw StorageError("cannot open the workbook at \(directory): \(error.reason)")
        }
        guard let status else {
            guard mode == .createIfMissing else { throw StorageError("no workbook at \(directory)") }
            return .missing
        }
        guard status.kind == .directory else {
            throw StorageError("cannot open the workbook at \(directory): it is a file, not a folder")
        }
        guard fileSystem.isReadableDirectory(atPath: directory) else {
            throw StorageError("cannot open the workbook at \(directory): \(ErrnoText.describe(EACCES))")
        }
        let names: [String]
        do {
            names = try fileSystem.listDirectory(atPath: directory)
        } catch {
            throw StorageError("cannot open the workbook at \(directory): \(error.reason)")
        }
        if names.contains(WorkbookFileFormat.fileName) { return .workbook }
        let visible = names.filter { !$0.hasPrefix(".") }
        if visible.contains(WorkbookScanner.accountsFolder) { return .workbook }
        if visible.isEmpty {
            guard mode == .createIfMissing else { throw StorageError("no workbook at \(directory)") }
            // An empty folder (perhaps a fresh git clone holding only .git) becomes a workbook.
            return .empty
        }
        throw StorageError(
            "\(directory) is not a workbook: it has no \(WorkbookFileFormat.fileName) and holds other files; choose an empty folder or an existing workbook"
        )
    }

    private func defaultSettings() -> WorkbookSettings {
        WorkbookSettings(owner: environment["USER"] ?? environment["LOGNAME"] ?? "", currency: "EUR")
    }

    /// Makes the folder (and missing parents) 0700, `accounts/`, and `workbook.json` 0600.
    private func createWorkbookFolder(settings: WorkbookSettings) throws {
        do {
            try Self.makeDirectories(directory, fileSystem: fileSystem)
            if try fileSystem.status(atPath: accountsDirectory, followLinks: false) == nil {
                try fileSystem.makeDirectory(atPath: accountsDirectory, permissions: 0o700)
            }
        } catch {
            throw StorageError("cannot create a workbook at \(directory): \(error.reason)")
        }
        try writeNewWorkbookFile(settings)
    }

    private func writeNewWorkbookFile(_ settings: WorkbookSettings) throws {
        let writer = AtomicFileWriter(fileSystem: fileSystem)
        let bytes = WorkbookFileFormat.encode(settings)
        do {
            try writer.replace(directory: directory, name: WorkbookFileFormat.fileName, with: bytes)
        } catch {
            throw StorageError("cannot create \(WorkbookFileFormat.fileName) in \(directory): \(Self.reason(error))")
        }
        remember(WorkbookFileFormat.fileName, bytes: bytes)
    }

    /// Removes `.*.tmp` files left by a save that was killed midway; they never hold the only copy.
    /// Called only while holding the lock: another live instance's temp file is never touched.
    private func removeTemporaryFiles(_ files: [String]) {
        guard readOnlyReason == nil else { return }
        for file in files {
            let path = directory + "/" + file
            // Only plain files: anything else with such a name was not made by this store.
            let status: FileStatus? = (try? fileSystem.status(atPath: path, followLinks: false)) ?? nil
            guard status?.kind == .regular else { continue }
            try? fileSystem.unlink(atPath: path)
        }
    }

    static let gitignoreName = ".gitignore"
    /// What a team repository must not share: the lock, temp files and backups are per machine.
    static let gitignoreContent = """
    # Written by workbook: per-machine files that must not be shared through git.
    /.lock
    /.backups/
    .*.tmp

    """

    /// Writes `.gitignore` when the workbook has none; an existing one is never changed.
    private func ensureGitignore() {
        let path = directory + "/" + Self.gitignoreName
        do {
            guard try fileSystem.status(atPath: path, followLinks: false) == nil else { return }
        } catch {
            return
        }
        try? AtomicFileWriter(fileSystem: fileSystem).createNew(path: path, with: Array(Self.gitignoreContent.utf8))
    }

    // MARK: Saving

    /// Atomically replaces `accounts/<id>.json`. Refused (nothing written, the old file intact) when
    /// the workbook is read-only, the file is damaged, or the file changed on disk since this store
    /// read or wrote it. A file in an older format is backed up before its first rewrite.
    public func save(_ account: Account) throws {
        mutex.lock()
        defer { mutex.unlock() }
        guard AccountID.isWellFormed(account.id.rawValue) else {
            throw StorageError("not saved: the id \"\(account.id)\" cannot be a file name — your change is kept")
        }
        let name = AccountFileFormat.fileName(for: account.id)
        let file = WorkbookScanner.accountsFolder + "/" + name
        try prepareToWrite(file)
        let bytes = AccountFileFormat.encode(account)
        let proceed = try checkUnchangedOnDisk(file, id: account.id, newBytes: bytes) { bytes throws(FileFormatError) in
            _ = try AccountFileFormat.decode(bytes, fileName: name)
        }
        guard proceed else { return }
        try ensureAccountsFolder()
        try replace(file: file, directory: accountsDirectory, name: name, bytes: bytes)
    }

    /// Atomically replaces `workbook.json`, with the same refusals as `save`.
    public func saveSettings(_ settings: WorkbookSettings) throws {
        mutex.lock()
        defer { mutex.unlock() }
        let file = WorkbookFileFormat.fileName
        try prepareToWrite(file)
        let bytes = WorkbookFileFormat.encode(settings)
        let proceed = try checkUnchangedOnDisk(file, id: nil, newBytes: bytes) { bytes throws(FileFormatError) in
            _ = try WorkbookFileFormat.decode(bytes)
        }
        guard proceed else { return }
        try replace(file: file, directory: directory, name: file, bytes: bytes)
    }

    /// The checks every write passes: the workbook was read, may be written, and the file is not protected.
    private func prepareToWrite(_ file: String) throws {
        if !hasLoaded { _ = try loadLocked(mode: .createIfMissing) }
        if let readOnlyReason {
            throw StorageError("not saved: \(readOnlyReason) — your change is kept", kind: .readOnly)
        }
        if protectedFiles.contains(file) || protectedFiles.contains(WorkbookScanner.accountsFolder) && file.hasPrefix(WorkbookScanner.accountsFolder + "/") {
            throw damaged(file)
        }
    }

    /// Re-reads the file about to be replaced and compares it with what this store last read or
    /// wrote. Returns false when the disk already holds `newBytes` (nothing to write); throws when
    /// the file changed (refused: `.changedOnDisk`), turned bad (protected), or cannot be read.
    /// Backs the file up first when this save would rewrite an older format version.
    private func checkUnchangedOnDisk(
        _ file: String, id: AccountID?, newBytes: [UInt8], validate: ([UInt8]) throws(FileFormatError) -> Void
    ) throws -> Bool {
        let current: FileContents?
        do {
            current = try fileSystem.readFile(atPath: directory + "/" + file, limit: WorkbookScanner.maximumFileSize, followLinks: false)
        } catch .missing {
            current = nil
        } catch .system(let error) {
            throw StorageError("not saved: cannot read the current \(file): \(error.reason) — your change is kept", kind: .notWritten(errno: error.code))
        } catch {
            protectedFiles.insert(file)
            throw damaged(file)
        }
        let known = records[file]
        if let current {
            if current.bytes == newBytes {
                // Already there (written by us before a crash, or by someone making the same change).
                records[file] = KnownFile(current, formatVersion: FormatVersion.current)
                return false
            }
            guard let known, known.matches(current.bytes) else {
                do {
                    try validate(current.bytes)
                } catch {
                    protectedFiles.insert(file)
                    throw damaged(file)
                }
                throw changedOnDisk(file, id: id, removed: false)
            }
        } else if known != nil {
            throw changedOnDisk(file, id: id, removed: true)
        }
        if let known, known.formatVersion < FormatVersion.current {
            do {
                _ = try WorkbookBackups(root: directory, fileSystem: fileSystem).create(
                    files: [file], reason: "before rewriting \(file) from format \(known.formatVersion) to format \(FormatVersion.current)")
            } catch {
                throw StorageError("not saved: cannot back up \(file) before rewriting it in the new format: \(error.reason) — your change is kept", kind: .notWritten(errno: error.code))
            }
        }
        return true
    }

    private func changedOnDisk(_ file: String, id: AccountID?, removed: Bool) -> StorageError {
        let what = removed ? "was removed on disk" : "changed on disk"
        return StorageError(
            "not saved: \(file) \(what) since it was opened (by git pull, an editor or another program) — your change is kept; reload to see it",
            kind: .changedOnDisk(id))
    }

    private func damaged(_ file: String) -> StorageError {
        StorageError("\(file) is damaged and is left untouched: fix or remove it first", kind: .damaged)
    }

    private func ensureAccountsFolder() throws {
        do {
            if try fileSystem.status(atPath: accountsDirectory, followLinks: false) == nil {
                try fileSystem.makeDirectory(atPath: accountsDirectory, permissions: 0o700)
                try fileSystem.fsyncDirectory(atPath: directory)
            }
        } catch {
            throw StorageError("not saved: cannot create the accounts folder: \(error.reason) — your change is kept", kind: .notWritten(errno: error.code))
        }
    }

    private func replace(file: String, directory: String, name: String, bytes: [UInt8]) throws {
        do {
            try AtomicFileWriter(fileSystem: fileSystem).replace(directory: directory, name: name, with: bytes)
        } catch .notWritten(let error) {
            throw StorageError("not saved: \(error.reason) while writing \(file) — your change is kept", kind: .notWritten(errno: error.code))
        } catch .writtenButNotFlushed(let error) {
            remember(file, bytes: bytes)
            throw StorageError(
                "\(file) was written, but the folder could not be flushed to disk (\(error.reason)): the change may be lost if the computer loses power",
                kind: .writtenButNotFlushed(errno: error.code))
        }
        remember(file, bytes: bytes)
    }

    /// Records bytes this store just wrote as the version later saves compare against.
    private func remember(_ file: String, bytes: [UInt8], formatVersion: Int = FormatVersion.current) {
        let status: FileStatus? = (try? fileSystem.status(atPath: directory + "/" + file, followLinks: false)) ?? nil
        records[file] = KnownFile(fingerprint: status?.fingerprint ?? FileFingerprint(), bytes: bytes, formatVersion: formatVersion)
    }

    private static func reason(_ failure: AtomicFileWriter.Failure) -> String {
        switch failure {
        case .notWritten(let error), .writtenButNotFlushed(let error): return error.reason
        }
    }

    // MARK: Changes from outside

    /// Accounts whose files changed on disk since this store read or wrote them: edited, replaced
    /// (`sed -i`, `git pull`), removed, or new files. Cheap: one `lstat` per known file and one
    /// folder listing; a file is read (and hashed) only when its `stat` changed, so `touch` alone
    /// does not count as a change. Damaged (protected) files are not reported.
    public func changedFiles() -> [AccountID] {
        mutex.lock()
        defer { mutex.unlock() }
        guard hasLoaded else { return [] }
        let prefix = WorkbookScanner.accountsFolder + "/"
        var changed = Set<AccountID>()
        for (file, known) in records where file.hasPrefix(prefix) {
            let id = AccountID(String(file.dropFirst(prefix.count).dropLast(5)))
            let path = directory + "/" + file
            guard let status = (try? fileSystem.status(atPath: path, followLinks: false)) ?? nil, status.kind == .regular else {
                changed.insert(id)
                continue
            }
            if status.fingerprint == known.fingerprint { continue }
            guard let contents = try? fileSystem.readFile(atPath: path, limit: WorkbookScanner.maximumFileSize, followLinks: false),
                  known.matches(contents.bytes)
            else {
                changed.insert(id)
                continue
            }
            records[file]?.fingerprint = contents.status.fingerprint // Touched, not changed.
        }
        if let names = try? fileSystem.listDirectory(atPath: accountsDirectory) {
            for name in names where !name.hasPrefix(".") && name.hasSuffix(".json") {
                let idText = String(name.dropLast(5))
                let file = prefix + name
                guard AccountID.isWellFormed(idText), records[file] == nil, !protectedFiles.contains(file) else { continue }
                changed.insert(AccountID(idText))
            }
        }
        return changed.sorted()
    }

    /// Reads one account's file again and makes it the version later saves compare against; nil
    /// when the file is gone. A damaged file is protected and throws (`.damaged`); a file that was
    /// damaged and now reads well is no longer protected.
    public func reload(_ id: AccountID) throws -> Account? {
        mutex.lock()
        defer { mutex.unlock() }
        guard AccountID.isWellFormed(id.rawValue) else { throw StorageError("the id \"\(id)\" cannot be a file name") }
        let name = AccountFileFormat.fileName(for: id)
        let file = WorkbookScanner.accountsFolder + "/" + name
        let contents: FileContents
        do {
            contents = try fileSystem.readFile(atPath: directory + "/" + file, limit: WorkbookScanner.maximumFileSize, followLinks: false)
        } catch .missing {
            records[file] = nil
            protectedFiles.remove(file)
            return nil
        } catch .system(let error) {
            throw StorageError("cannot read \(file): \(error.reason)")
        } catch {
            records[file] = nil
            protectedFiles.insert(file)
            throw StorageError("\(file): \(error.message)", kind: .damaged)
        }
        do {
            let (account, version) = try WorkbookScanner.decodeAccountFile(contents.bytes, fileName: name)
            records[file] = KnownFile(contents, formatVersion: version)
            protectedFiles.remove(file)
            return account
        } catch {
            records[file] = nil
            protectedFiles.insert(file)
            throw StorageError("\(file): \(error.message)", kind: .damaged)
        }
    }

    // MARK: Backups

    /// Copies the accounts' files into a new `.backups/<date>/` folder (missing files are
    /// skipped); call it before archiving or importing. Refused when read-only.
    public func backup(_ ids: [AccountID], reason: String) throws {
        _ = try backup(files: ids.map { WorkbookScanner.accountsFolder + "/" + AccountFileFormat.fileName(for: $0) }, reason: reason)
    }

    /// Copies workbook files (relative paths) into a new backup folder and returns it.
    @discardableResult
    public func backup(files: [String], reason: String) throws -> BackupInfo {
        mutex.lock()
        defer { mutex.unlock() }
        if !hasLoaded { _ = try loadLocked(mode: .createIfMissing) }
        if let readOnlyReason { throw StorageError("no backup made: \(readOnlyReason)", kind: .readOnly) }
        guard files.allSatisfy(WorkbookBackups.isWorkbookFile) else {
            throw StorageError("no backup made: only workbook.json and accounts/<id>.json can be backed up")
        }
        do {
            return try WorkbookBackups(root: directory, fileSystem: fileSystem).create(files: files, reason: reason)
        } catch {
            throw StorageError("no backup made: \(error.reason) (\(error.operation) \(error.path))", kind: .notWritten(errno: error.code))
        }
    }

    /// Every backup in `.backups/`, oldest first.
    public func backups() -> [BackupInfo] {
        WorkbookBackups(root: directory, fileSystem: fileSystem).list()
    }

    /// What `restore` did.
    public struct RestoreResult: Sendable {
        /// The backup that was restored.
        public var restored: BackupInfo
        /// The backup of the files it replaced, taken first.
        public var safetyBackup: BackupInfo
    }

    /// Puts every file of a backup back in place (atomically, one file at a time), after backing up
    /// the files it replaces. Files created after the backup are left as they are. Needs the lock.
    public func restore(backup name: String) throws -> RestoreResult {
        mutex.lock()
        defer { mutex.unlock() }
        if !hasLoaded { _ = try loadLocked(mode: .createIfMissing) }
        if let readOnlyReason { throw StorageError("nothing restored: \(readOnlyReason)", kind: .readOnly) }
        let backups = WorkbookBackups(root: directory, fileSystem: fileSystem)
        guard let info = backups.read(name: name) else {
            throw StorageError("nothing restored: there is no backup \"\(name)\" in \(directory)/\(WorkbookBackups.folder) (`workbook check` lists them)")
        }
        var contents: [(file: String, bytes: [UInt8])] = []
        for file in info.files {
            do {
                contents.append((file, try backups.bytes(of: file, in: info)))
            } catch {
                throw StorageError("nothing restored: the backup's copy of \(file) \(error.message)")
            }
        }
        let safety: BackupInfo
        do {
            safety = try backups.create(files: info.files, reason: "before restoring \(name)")
        } catch {
            throw StorageError("nothing restored: cannot back up the current files first: \(error.reason)", kind: .notWritten(errno: error.code))
        }
        for (file, bytes) in contents {
            let parts = file.split(separator: "/")
            let folder = parts.count == 2 ? directory + "/" + parts[0] : directory
            if parts.count == 2 { try ensureAccountsFolder() }
            do {
                try AtomicFileWriter(fileSystem: fileSystem).replace(directory: folder, name: String(parts.last!), with: bytes)
            } catch {
                throw StorageError("restore stopped at \(file): \(Self.reason(error)); the files before it were restored, and \(WorkbookBackups.folder)/\(safety.name) holds what they replaced")
            }
            let version = (try? JSONParser.parse(bytes)).flatMap { try? FormatMigrations.storedVersion(of: $0) } ?? FormatVersion.current
            remember(file, bytes: bytes, formatVersion: version)
            protectedFiles.remove(file)
        }
        return RestoreResult(restored: info, safetyBackup: safety)
    }

    // MARK: New workbooks

    /// Writes a new workbook holding `accounts` (e.g. the demo territory) into a folder that is
    /// missing or empty, and returns a store for it.
    ///
    /// Files are created exclusively and synced once at the end rather than one by one: nothing a
    /// person typed is at risk, and ten thousand `fsync`s would take seconds.
    @discardableResult
    public static func createWorkbook(at path: String, settings: WorkbookSettings, accounts: [Account]) throws -> FileWorkbookStore {
        try createWorkbook(at: path, settings: settings, accounts: accounts, fileSystem: POSIXFileSystem())
    }

    static func createWorkbook(at path: String, settings: WorkbookSettings, accounts: [Account], fileSystem: any FileSystem) throws -> FileWorkbookStore {
        let root = absolute(path)
        let accountsDirectory = root + "/" + WorkbookScanner.accountsFolder
        var ids = Set<AccountID>()
        for account in accounts {
            guard AccountID.isWellFormed(account.id.rawValue) else {
                throw StorageError("cannot create a workbook: the id \"\(account.id)\" cannot be a file name")
            }
            guard ids.insert(account.id).inserted else {
                throw StorageError("cannot create a workbook: the id \"\(account.id)\" is used twice")
            }
        }
        do {
            if let status = try fileSystem.status(atPath: root, followLinks: true) {
                guard status.kind == .directory else {
                    throw StorageError("cannot create a workbook at \(root): it is a file, not a folder")
                }
                guard try fileSystem.listDirectory(atPath: root).allSatisfy({ $0.hasPrefix(".") }) else {
                    throw StorageError("cannot create a workbook at \(root): the folder is not empty")
                }
            } else {
                try makeDirectories(root, fileSystem: fileSystem)
            }
            try fileSystem.makeDirectory(atPath: accountsDirectory, permissions: 0o700)
            let writer = AtomicFileWriter(fileSystem: fileSystem)
            for account in accounts {
                try writer.createNew(path: accountsDirectory + "/" + AccountFileFormat.fileName(for: account.id), with: AccountFileFormat.encode(account))
            }
            try fileSystem.fsyncDirectory(atPath: accountsDirectory)
            // workbook.json last: a folder without it is visibly unfinished, never a short workbook.
            try writer.createNew(path: root + "/" + WorkbookFileFormat.fileName, with: WorkbookFileFormat.encode(settings))
            try fileSystem.fsyncDirectory(atPath: root)
        } catch let error as SystemCallError {
            throw StorageError("cannot create a workbook at \(root): \(error.reason) (\(error.operation) \(error.path))")
        }
        return FileWorkbookStore(directory: root, fileSystem: fileSystem, environment: ProcessInfo.processInfo.environment)
    }

    /// A new empty folder (mode 0700) under the system's temporary folder, e.g. for the demo workbook.
    public static func temporaryDirectory(prefix: String) throws -> String {
        let base = FileManager.default.temporaryDirectory.path
        var template = Array((base + "/" + prefix + "XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer in mkdtemp(buffer.baseAddress!) }
        guard created != nil else {
            throw StorageError("cannot create a temporary folder in \(base): \(ErrnoText.describe(errno))")
        }
        return String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    // MARK: Paths

    /// `mkdir -p` with mode 0700 for every folder it makes: a workbook holds private notes.
    static func makeDirectories(_ path: String, fileSystem: any FileSystem) throws(SystemCallError) {
        if let status = try fileSystem.status(atPath: path, followLinks: true) {
            if status.kind == .directory { return }
            throw SystemCallError(operation: "mkdir", path: path, code: ENOTDIR)
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path { try makeDirectories(parent, fileSystem: fileSystem) }
        do {
            try fileSystem.makeDirectory(atPath: path, permissions: 0o700)
        } catch where error.code == EEXIST {
            // Made by someone else meanwhile: fine.
        }
    }

    /// An absolute path without a trailing slash, so that later changes of the working directory
    /// do not matter and relative paths join cleanly.
    static func absolute(_ path: String) -> String {
        var result = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        while result.count > 1, result.hasSuffix("/") { result.removeLast() }
        return result
    }
}
