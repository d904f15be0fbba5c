import Foundation
import WorkbookModel

/// The workbook as a directory of JSON files: `workbook.json` and `accounts/<id>.json`.
///
/// Damaged files are reported and then protected: this store never writes over a file it could not
/// read, so fixing it stays possible and nobody's data is replaced by a guess. It is safe to call
/// from any thread; calls are serialized.
public final class FileWorkbookStore: WorkbookStore, @unchecked Sendable {
    /// The workbook folder, absolute.
    public let directory: String
    private let fileSystem: any FileSystem
    private let environment: [String: String]
    private let lock = NSLock()

    // Guarded by `lock`.
    private var hasLoaded = false
    private var protectedFiles: Set<String> = []
    private var readOnlyReason: String?

    public convenience init(directory: String) {
        self.init(directory: directory, fileSystem: POSIXFileSystem(), environment: ProcessInfo.processInfo.environment)
    }

    public convenience init(directory: URL) {
        self.init(directory: directory.path)
    }

    /// `environment` supplies USER/LOGNAME for the owner of a new workbook.
    init(directory: String, fileSystem: any FileSystem, environment: [String: String]) {
        self.directory = Self.absolute(directory)
        self.fileSystem = fileSystem
        self.environment = environment
    }

    public var locationDescription: String { directory }

    private var accountsDirectory: String { directory + "/" + WorkbookScanner.accountsFolder }

    // MARK: Loading

    /// Opens the workbook, creating it when nothing is at the path yet; removes temp files left by
    /// an interrupted save.
    public func load() throws -> LoadedWorkbook {
        lock.lock()
        defer { lock.unlock() }
        return try loadLocked(mode: .createIfMissing)
    }

    /// Opens an existing workbook and changes nothing on disk (for `--read-only`, `export`):
    /// throws "no workbook at PATH" instead of creating one, and leaves stale temp files alone.
    public func loadExisting() throws -> LoadedWorkbook {
        lock.lock()
        defer { lock.unlock() }
        return try loadLocked(mode: .existingOnly)
    }

    private enum OpenMode {
        case createIfMissing, existingOnly
    }

    private func loadLocked(mode: OpenMode) throws -> LoadedWorkbook {
        let created = try openOrCreate(mode: mode)
        let scan = WorkbookScanner(root: directory, fileSystem: fileSystem).scan()
        protectedFiles = scan.protectedFiles
        readOnlyReason = scan.newerWorkbookVersion.map { version in
            "\(WorkbookFileFormat.fileName) was written by a newer version (format \(version)); this build reads up to \(FormatVersion.current) — opened read-only"
        }
        var problems = scan.problems
        var settings = scan.settings
        if mode == .createIfMissing {
            removeTemporaryFiles(scan.temporaryFiles)
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
            readOnlyReason: readOnlyReason
        )
    }

    /// Checks the folder, or creates a new workbook; returns true when it created one.
    private func openOrCreate(mode: OpenMode) throws -> Bool {
        let status: FileStatus?
        do {
            status = try fileSystem.status(atPath: directory, followLinks: true)
        } catch {
            throw StorageError("cannot open the workbook at \(directory): \(error.reason)")
        }
        guard let status else {
            guard mode == .createIfMissing else { throw StorageError("no workbook at \(directory)") }
            try createWorkbookFolder(settings: defaultSettings())
            return true
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
        if names.contains(WorkbookFileFormat.fileName) { return false }
        let visible = names.filter { !$0.hasPrefix(".") }
        if visible.contains(WorkbookScanner.accountsFolder) { return false }
        if visible.isEmpty {
            guard mode == .createIfMissing else { throw StorageError("no workbook at \(directory)") }
            // An empty folder (perhaps a fresh git clone holding only .git) becomes a workbook.
            try createWorkbookFolder(settings: defaultSettings())
            return true
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
        do {
            try writer.replace(directory: directory, name: WorkbookFileFormat.fileName, with: WorkbookFileFormat.encode(settings))
        } catch {
            throw StorageError("cannot create \(WorkbookFileFormat.fileName) in \(directory): \(Self.reason(error))")
        }
    }

    /// Removes `.*.tmp` files left by a save that was killed midway; they never hold the only copy.
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

    // MARK: Saving

    /// Atomically replaces `accounts/<id>.json`; refuses ids whose file is damaged.
    public func save(_ account: Account) throws {
        lock.lock()
        defer { lock.unlock() }
        guard AccountID.isWellFormed(account.id.rawValue) else {
            throw StorageError("not saved: the id \"\(account.id)\" cannot be a file name — your change is kept")
        }
        let name = AccountFileFormat.fileName(for: account.id)
        let file = WorkbookScanner.accountsFolder + "/" + name
        try prepareToWrite(file)
        let bytes = AccountFileFormat.encode(account)
        if try currentBytes(of: file, validate: { bytes throws(FileFormatError) in
            _ = try AccountFileFormat.decode(bytes, fileName: name)
        }) == bytes {
            return // Nothing changed: leave the file (and its mtime) alone.
        }
        try ensureAccountsFolder()
        try replace(file: file, directory: accountsDirectory, name: name, bytes: bytes)
    }

    /// Atomically replaces `workbook.json`.
    public func saveSettings(_ settings: WorkbookSettings) throws {
        lock.lock()
        defer { lock.unlock() }
        let file = WorkbookFileFormat.fileName
        try prepareToWrite(file)
        let bytes = WorkbookFileFormat.encode(settings)
        if try currentBytes(of: file, validate: { bytes throws(FileFormatError) in
            _ = try WorkbookFileFormat.decode(bytes)
        }) == bytes {
            return
        }
        try replace(file: file, directory: directory, name: file, bytes: bytes)
    }

    /// The checks every write passes: the workbook was read, may be written, and the file is not protected.
    private func prepareToWrite(_ file: String) throws {
        if !hasLoaded { _ = try loadLocked(mode: .createIfMissing) }
        if let readOnlyReason {
            throw StorageError("not saved: \(readOnlyReason) — your change is kept")
        }
        if protectedFiles.contains(file) || protectedFiles.contains(WorkbookScanner.accountsFolder) && file.hasPrefix(WorkbookScanner.accountsFolder + "/") {
            throw damaged(file)
        }
    }

    /// Re-reads the file about to be replaced: it may have been damaged (or replaced by a newer
    /// build's version, or by a link) since the workbook was loaded, e.g. by a `git pull`.
    private func currentBytes(of file: String, validate: ([UInt8]) throws(FileFormatError) -> Void) throws -> [UInt8]? {
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.readRegularFile(atPath: directory + "/" + file, limit: WorkbookScanner.maximumFileSize, followLinks: false)
        } catch .missing {
            return nil
        } catch .system(let error) {
            throw StorageError("not saved: cannot read the current \(file): \(error.reason) — your change is kept")
        } catch {
            protectedFiles.insert(file)
            throw damaged(file)
        }
        do {
            try validate(bytes)
        } catch {
            protectedFiles.insert(file)
            throw damaged(file)
        }
        return bytes
    }

    private func damaged(_ file: String) -> StorageError {
        StorageError("\(file) is damaged and is left untouched: fix or remove it first")
    }

    private func ensureAccountsFolder() throws {
        do {
            if try fileSystem.status(atPath: accountsDirectory, followLinks: false) == nil {
                try fileSystem.makeDirectory(atPath: accountsDirectory, permissions: 0o700)
                try fileSystem.fsyncDirectory(atPath: directory)
            }
        } catch {
            throw StorageError("not saved: cannot create the accounts folder: \(error.reason) — your change is kept")
        }
    }

    private func replace(file: String, directory: String, name: String, bytes: [UInt8]) throws {
        do {
            try AtomicFileWriter(fileSystem: fileSystem).replace(directory: directory, name: name, with: bytes)
        } catch .notWritten(let error) {
            throw StorageError("not saved: \(error.reason) while writing \(file) — your change is kept")
        } catch .writtenButNotFlushed(let error) {
            throw StorageError("\(file) was written, but the folder could not be flushed to disk (\(error.reason)): the change may be lost if the computer loses power")
        }
    }

    private static func reason(_ failure: AtomicFileWriter.Failure) -> String {
        switch failure {
        case .notWritten(let error), .writtenButNotFlushed(let error): return error.reason
        }
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
