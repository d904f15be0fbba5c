import Foundation
import WorkbookModel

/// Writing a new workbook (the demo territory) and the path helpers it shares with opening one.
extension FileWorkbookStore {
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
    /// The path from the root, written one way ("./wb/", "wb" and "a/../wb" are one folder): the
    /// title shows it and the per-user list index is keyed by it.
    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for part in full.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}
