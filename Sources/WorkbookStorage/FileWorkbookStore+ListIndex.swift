import Dispatch
import Foundation
import WorkbookModel

/// Opening for the app: accounts as summaries (from the per-user list index where it still matches
/// the files), each account's details read only when it is opened.
extension FileWorkbookStore {
    /// Opens the workbook like `load()` (lock, `workbook.json`, temp files, every problem reported),
    /// but hands out each account as its `listSummary` with its `AccountDigest`, all named in
    /// `LoadedWorkbook.summaryOnly`: details are read by `reload(_:)` when the account is opened,
    /// and a summary cannot be saved until then. A file whose list-index entry still matches it
    /// (same inode, device, size, mtime and ctime, changed clearly before the entry was verified) is
    /// not read at all; the others are read and summarised on every core, and never kept whole.
    /// Rule figures of another day or other thresholds come back as nil: `digests(for:today:)`
    /// works them out again.
    public func openSummaries(today: CalendarDate) throws -> LoadedWorkbook {
        mutex.lock()
        defer { mutex.unlock() }
        var summarising = WorkbookScanner.Summarising(today: today)
        if let index = readListIndex() {
            var positions: [AccountID: Int] = [:]
            positions.reserveCapacity(index.entries.count)
            for (position, entry) in index.entries.enumerated() { positions[entry.summary.id] = position }
            summarising.entries = index.entries
            summarising.positions = positions
            summarising.settle = indexSettleNanoseconds
            summarising.indexRulesKey = index.rulesKey
            summarising.indexOrder = index.order
        }
        return try loadLocked(mode: .createIfMissing, summarising: summarising)
    }

    private func readListIndex() -> ListIndex? {
        let (folder, name) = ListIndex.location(for: directory, environment: environment)
        guard let bytes = try? fileSystem.readFile(atPath: folder + "/" + name, limit: 1_000_000_000, followLinks: false).bytes else {
            return nil
        }
        return ListIndex.decode(bytes, directory: directory)
    }

    /// The digests of these accounts as of `today`, each file read and decoded on every core and
    /// dropped at once (for rule figures of another day). A file that no longer reads is left out:
    /// opening the account reports it.
    public func digests(for ids: [AccountID], today: CalendarDate, settings: WorkbookSettings) -> [AccountID: AccountDigest] {
        let folder = accountsDirectory, fileSystem = self.fileSystem
        let digests = ParallelMap.map(ids.count, chunksPerCore: 4) { index -> AccountDigest? in
            let name = AccountFileFormat.fileName(for: ids[index])
            guard let contents = try? fileSystem.readFile(atPath: folder + "/" + name, limit: WorkbookScanner.maximumFileSize, followLinks: false),
                  let (account, _) = try? WorkbookScanner.decodeAccountFile(contents.bytes, fileName: name) else { return nil }
            return AccountDigest(of: account, today: today, settings: settings)
        }
        var result: [AccountID: AccountDigest] = [:]
        result.reserveCapacity(ids.count)
        for (id, digest) in zip(ids, digests) where digest != nil { result[id] = digest }
        return result
    }

    /// The list index for these accounts (each the summary and digest of what its file holds now),
    /// ready to be written into the per-user cache for the next start: after opening, and at quit.
    /// An account is left out when this store has no record of its file, or the file changed too
    /// shortly before it was last verified for `stat` to tell a later change apart (it is read
    /// again next time). Nil when this instance does not hold the workbook's lock.
    /// `order` says what order `accounts` come in (the app's own tag); an open gives it back in
    /// `LoadedWorkbook.listOrderTag` when every account is still as the index says.
    public func listIndex(for accounts: [(summary: Account, digest: AccountDigest)], rulesKey: String, order: String = "") -> PendingListIndex? {
        mutex.lock()
        defer { mutex.unlock() }
        guard hasLoaded, heldLock != nil || !locking, readOnlyReason == nil else { return nil }
        var entries: [ListIndex.Entry] = []
        entries.reserveCapacity(accounts.count)
        for (summary, digest) in accounts {
            guard let record = records[account: summary.id],
                  record.fingerprint.isSettled(verifiedAt: record.verifiedAt, settle: indexSettleNanoseconds) else { continue }
            entries.append(ListIndex.Entry(
                fingerprint: record.fingerprint, verifiedAt: record.verifiedAt, hash: record.hash,
                formatVersion: record.formatVersion, summary: summary, digest: digest))
        }
        let (folder, name) = ListIndex.location(for: directory, environment: environment)
        let index = ListIndex(directory: directory, readAt: Self.now(), rulesKey: rulesKey, order: order, entries: entries)
        return PendingListIndex(index: index, folder: folder, name: name, fileSystem: fileSystem)
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
