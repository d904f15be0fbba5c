import Foundation
import WorkbookModel

/// Noticing files changed under the app (a git pull, an editor) and reading them again.
extension FileWorkbookStore {
    // MARK: Changes from outside

    /// Accounts whose files changed on disk since this store read or wrote them: edited, replaced
    /// (`sed -i`, `git pull`), removed, or new files. Cheap: one `lstat` per known file and one
    /// folder listing; a file is read (and hashed) only when its `stat` changed, so `touch` alone
    /// does not count as a change. A damaged (protected) file is reported once it changes again
    /// (repaired, replaced or removed), so reading it again can clear its problem.
    public func changedFiles() -> [AccountID] {
        mutex.lock()
        defer { mutex.unlock() }
        guard hasLoaded else { return [] }
        let prefix = WorkbookScanner.accountsFolder + "/"
        var changed = Set<AccountID>()
        for (id, known) in records.accounts {
            let path = accountsDirectory + "/" + AccountFileFormat.fileName(for: id)
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
            records[account: id]?.fingerprint = contents.status.fingerprint // Touched, not changed.
            records[account: id]?.verifiedAt = Self.now()
        }
        for file in protectedFiles where file.hasPrefix(prefix) && file.hasSuffix(".json") {
            let idText = String(file.dropFirst(prefix.count).dropLast(5))
            guard AccountID.isWellFormed(idText) else { continue }
            let status = (try? fileSystem.status(atPath: directory + "/" + file, followLinks: false)) ?? nil
            let now = status.map { $0.fingerprint }
            if let seen = protectedSeen[file], seen != now { changed.insert(AccountID(idText)) }
            protectedSeen[file] = .some(now)
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
    /// when the file is gone. This is also how a summary-only account is opened: it can be saved after. A damaged file is protected and throws (`.damaged`); a file that was
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
            pendingSummaries.remove(id)
            return account
        } catch {
            records[file] = nil
            protectedFiles.insert(file)
            // As it is now: a repair from here on is noticed by `changedFiles()`.
            protectedSeen[file] = .some(contents.status.fingerprint)
            throw StorageError("\(file): \(error.message)", kind: .damaged)
        }
    }
}
