import Foundation
import WorkbookModel

/// Saving one account or the settings: atomically, and never over a file that changed or is damaged.
extension FileWorkbookStore {
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
        guard !pendingSummaries.contains(account.id) else {
            throw StorageError("not saved: the account was not read in full — your change is kept", kind: .notWritten(errno: EAGAIN))
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
    func prepareToWrite(_ file: String) throws {
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
    func checkUnchangedOnDisk(
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

    func changedOnDisk(_ file: String, id: AccountID?, removed: Bool) -> StorageError {
        let what = removed ? "was removed on disk" : "changed on disk"
        return StorageError(
            "not saved: \(file) \(what) since it was opened (by git pull, an editor or another program) — your change is kept; reload to see it",
            kind: .changedOnDisk(id))
    }

    func damaged(_ file: String) -> StorageError {
        StorageError("\(file) is damaged and is left untouched: fix or remove it first", kind: .damaged)
    }

    func ensureAccountsFolder() throws {
        do {
            if try fileSystem.status(atPath: accountsDirectory, followLinks: false) == nil {
                try fileSystem.makeDirectory(atPath: accountsDirectory, permissions: 0o700)
                try fileSystem.fsyncDirectory(atPath: directory)
            }
        } catch {
            throw StorageError("not saved: cannot create the accounts folder: \(error.reason) — your change is kept", kind: .notWritten(errno: error.code))
        }
    }

    func replace(file: String, directory: String, name: String, bytes: [UInt8]) throws {
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
    func remember(_ file: String, bytes: [UInt8], formatVersion: Int = FormatVersion.current) {
        let status: FileStatus? = (try? fileSystem.status(atPath: directory + "/" + file, followLinks: false)) ?? nil
        records[file] = KnownFile(fingerprint: status?.fingerprint ?? FileFingerprint(), bytes: bytes, formatVersion: formatVersion)
    }

    static func reason(_ failure: AtomicFileWriter.Failure) -> String {
        switch failure {
        case .notWritten(let error), .writtenButNotFlushed(let error): return error.reason
        }
    }
}
