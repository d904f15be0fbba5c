import Foundation
import WorkbookModel

/// Dated copies of account files before anything is archived, migrated or restored.
extension FileWorkbookStore {
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
}
