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
    let fileSystem: any FileSystem
    let environment: [String: String]
    /// False only in tests that play a program which ignores the lock (an older build, a script).
    let locking: Bool
    let mutex = NSLock()

    // Guarded by `mutex`.
    var hasLoaded = false
    var protectedFiles: Set<String> = []
    /// How each protected file looked (`lstat`; nil: absent) when `changedFiles()` last looked, to
    /// notice it being repaired, replaced or removed.
    var protectedSeen: [String: FileFingerprint?] = [:]
    var newerVersionReason: String?
    var lockReason: String?
    var lockHolder: LockHolder?
    var heldLock: WorkbookLock?
    /// What this store last read or wrote, per relative path.
    var records = KnownFiles()
    /// Accounts handed out as summaries by `openSummaries(today:)` and not read in full since:
    /// saving one would write a summary over the whole account, so it is refused.
    var pendingSummaries: Set<AccountID> = []
    /// When the last full scan began (nanoseconds since 1970), for the list index.
    var lastScanStartedAt: Int64 = 0
    /// How much older than the scan a file's ctime must be for its index entry to be trusted:
    /// more than any file system's timestamp granularity.
    var indexSettleNanoseconds: Int64 = 2_000_000_000

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

    var accountsDirectory: String { directory + "/" + WorkbookScanner.accountsFolder }

    var readOnlyReason: String? { newerVersionReason ?? lockReason }

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

    func acquireLockLocked() -> LockStatus {
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

    enum OpenMode {
        case createIfMissing, existingOnly
    }

    func loadLocked(mode: OpenMode, summarising: WorkbookScanner.Summarising? = nil) throws -> LoadedWorkbook {
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
        lastScanStartedAt = Self.now()
        let scan = WorkbookScanner(root: directory, fileSystem: fileSystem).scan(summarising: summarising)
        pendingSummaries = summarising == nil ? [] : Set(scan.accounts.map(\.id))
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
            migratedFiles: scan.migrated,
            summaryOnly: pendingSummaries,
            digests: scan.digests,
            filesDecoded: summarising == nil ? scan.accounts.count : scan.filesRead,
            // Every account came from the index, in its order: the order holds for them (files
            // removed since leave the rest in order; any file read, new or changed, would not).
            listOrderTag: summarising.flatMap { $0.entries.isEmpty || scan.filesRead > 0 || $0.indexOrder.isEmpty ? nil : $0.indexOrder }
        )
    }

    enum Found {
        case workbook, empty, missing
    }

    /// Checks what is at the path: a workbook, nothing, or a folder that may become one.
    func inspect(mode: OpenMode) throws -> Found {
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

    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    func defaultSettings() -> WorkbookSettings {
        WorkbookSettings(owner: environment["USER"] ?? environment["LOGNAME"] ?? "", currency: "EUR")
    }

    /// Makes the folder (and missing parents) 0700, `accounts/`, and `workbook.json` 0600.
    func createWorkbookFolder(settings: WorkbookSettings) throws {
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

    func writeNewWorkbookFile(_ settings: WorkbookSettings) throws {
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
    func removeTemporaryFiles(_ files: [String]) {
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
    func ensureGitignore() {
        let path = directory + "/" + Self.gitignoreName
        do {
            guard try fileSystem.status(atPath: path, followLinks: false) == nil else { return }
        } catch {
            return
        }
        try? AtomicFileWriter(fileSystem: fileSystem).createNew(path: path, with: Array(Self.gitignoreContent.utf8))
    }

}
