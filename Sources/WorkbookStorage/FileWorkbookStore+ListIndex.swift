import Dispatch
import Foundation
import WorkbookModel

/// Opening in two steps: the list from the per-user list index first, every account decoded after.
extension FileWorkbookStore {
    /// More stale entries than this (and more than a twentieth of the files) make the quick open
    /// give up: decoding them one by one would cost as much as the full load.
    static let quickOpenStaleLimit = 64

    /// Opens an existing workbook like `load()` (lock, `workbook.json`) but takes each account
    /// whose file is unchanged since the list index was written (same inode, device, size, mtime
    /// and ctime, and changed clearly before the index was taken) from the index: a summary with only the listed fields, named in
    /// `LoadedWorkbook.summaryOnly`. Changed and new files are decoded here. Returns nil when
    /// there is no usable index, or anything unusual (a new or damaged `workbook.json`, many
    /// changed files) is better left to `load()`, which must follow in any case: it reads every
    /// file and reports every problem. Until it has, summaries cannot be saved.
    public func loadQuickly() throws -> LoadedWorkbook? {
        mutex.lock()
        defer { mutex.unlock() }
        guard try inspect(mode: .createIfMissing) == .workbook else { return nil }
        _ = acquireLockLocked()
        guard let contents = try? fileSystem.readFile(atPath: directory + "/" + WorkbookFileFormat.fileName, limit: WorkbookScanner.maximumFileSize, followLinks: false),
              let (settings, _) = try? WorkbookScanner.decodeWorkbookFile(contents.bytes) else { return nil }
        let (folder, name) = ListIndex.location(for: directory, environment: environment)
        guard let bytes = try? fileSystem.readFile(atPath: folder + "/" + name, limit: 1_000_000_000, followLinks: false).bytes,
              let index = ListIndex.decode(bytes, directory: directory),
              let names = try? fileSystem.listDirectory(atPath: accountsDirectory) else { return nil }
        var entries: [String: ListIndex.Entry] = [:]
        entries.reserveCapacity(index.entries.count)
        for entry in index.entries { entries[entry.fileName] = entry }

        let candidates = names.filter { $0.first != "." && $0.hasSuffix(".json") && AccountID.isWellFormed(String($0.dropLast(5))) }
        let statuses = statusesInParallel(candidates)
        var accounts: [Account] = []
        var summaryOnly = Set<AccountID>()
        var stale: [String] = []
        accounts.reserveCapacity(candidates.count)
        summaryOnly.reserveCapacity(candidates.count)
        let settled = index.readAt - indexSettleNanoseconds
        for (name, status) in zip(candidates, statuses) {
            if let entry = entries[name], let status, status.kind == .regular, status.fingerprint == entry.fingerprint,
               entry.fingerprint.changed < settled, entry.fingerprint.modified < settled {
                accounts.append(entry.summary)
                summaryOnly.insert(entry.summary.id)
            } else {
                stale.append(name)
            }
        }
        guard stale.count <= max(Self.quickOpenStaleLimit, names.count / 20) else { return nil }
        for name in stale {
            // A file that does not read well is left out here; the full load names it as a problem.
            guard let contents = try? fileSystem.readFile(atPath: accountsDirectory + "/" + name, limit: WorkbookScanner.maximumFileSize, followLinks: false),
                  let (account, _) = try? WorkbookScanner.decodeAccountFile(contents.bytes, fileName: name) else { continue }
            accounts.append(account)
        }
        pendingSummaries = summaryOnly
        return LoadedWorkbook(
            settings: settings, accounts: accounts, problems: [], readOnlyReason: readOnlyReason, lockHolder: lockHolder,
            summaryOnly: summaryOnly)
    }

    /// `lstat` of each account file, on every core: at 100,000 files the calls alone take a tenth of a second.
    private func statusesInParallel(_ names: [String]) -> [FileStatus?] {
        let count = names.count
        guard count > 0 else { return [] }
        let slots = UnsafeMutableBufferPointer<FileStatus?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer {
            slots.deinitialize()
            slots.deallocate()
        }
        let box = StatusSlots(slots: slots)
        let fileSystem = self.fileSystem, folder = accountsDirectory
        let chunks = min(count, max(1, ProcessInfo.processInfo.activeProcessorCount * 2))
        let size = (count + chunks - 1) / chunks
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            for index in (chunk * size)..<min(count, (chunk + 1) * size) {
                box.slots[index] = (try? fileSystem.status(atPath: folder + "/" + names[index], followLinks: false)) ?? nil
            }
        }
        return Array(slots)
    }

    /// The list index for the accounts of the last `load()`, ready to be written into the per-user
    /// cache so the next start can draw from it. Call it right after `load()`, before anything is
    /// saved: each entry pairs an account with the fingerprint of the file it was read from. Nil
    /// when this instance does not hold the workbook's lock.
    public func listIndex(for accounts: [Account]) -> PendingListIndex? {
        mutex.lock()
        defer { mutex.unlock() }
        guard hasLoaded, heldLock != nil || !locking, readOnlyReason == nil else { return nil }
        var entries: [ListIndex.Entry] = []
        entries.reserveCapacity(accounts.count)
        for account in accounts {
            let fileName = AccountFileFormat.fileName(for: account.id)
            guard let record = records[WorkbookScanner.accountsFolder + "/" + fileName] else { continue }
            entries.append(ListIndex.Entry(
                fileName: fileName, fingerprint: record.fingerprint, hash: record.hash, formatVersion: record.formatVersion,
                summary: ListIndex.summary(of: account)))
        }
        let (folder, name) = ListIndex.location(for: directory, environment: environment)
        return PendingListIndex(index: ListIndex(directory: directory, readAt: lastScanStartedAt, entries: entries), folder: folder, name: name, fileSystem: fileSystem)
    }
}

/// A list index taken from a load, to be written (on any thread) into the per-user cache.
public struct PendingListIndex: Sendable {
    let index: ListIndex
    let folder: String
    let name: String
    let fileSystem: any FileSystem

    /// Best effort: a cache that cannot be written costs only speed at the next start.
    public func write() {
        do {
            try FileWorkbookStore.makeDirectories(folder, fileSystem: fileSystem)
            try AtomicFileWriter(fileSystem: fileSystem).replace(directory: folder, name: name, with: index.encode())
        } catch {
            return
        }
    }
}

/// The stat slots shared by the threads of `statusesInParallel`; each thread writes only its own indices.
private struct StatusSlots: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<FileStatus?>
}
