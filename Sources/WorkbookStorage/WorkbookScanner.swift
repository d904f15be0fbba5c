import Dispatch
import Foundation
import WorkbookModel

/// Reads every file of an existing workbook directory, turning each damaged file into a problem;
/// shared by `FileWorkbookStore.load()` and `WorkbookChecker`, and it never writes.
struct WorkbookScanner {
    static let accountsFolder = "accounts"
    /// A workbook file larger than this is not read: no real account comes near it, and reading it
    /// could exhaust memory.
    static let maximumFileSize = 10 * 1_000_000

    let root: String
    let fileSystem: any FileSystem

    /// What a scan found.
    struct Result {
        /// Nil when `workbook.json` is missing or could not be read.
        var settings: WorkbookSettings?
        var workbookFileMissing = false
        /// Set when `workbook.json` was written by a newer build: the workbook must then stay untouched.
        var newerWorkbookVersion: Int?
        var accounts: [Account] = []
        var problems: [StorageProblem] = []
        /// Relative paths that must never be written: damaged, newer, or oddly named.
        var protectedFiles: Set<String> = []
        /// Relative paths of `.*.tmp` files left by an interrupted save.
        var temporaryFiles: [String] = []
        /// What was read from each file that loaded, by relative path: the base that later saves
        /// and `changedFiles()` compare the disk against.
        var records = KnownFiles()
        /// Files read from an older format version.
        var migrated: [StorageProblem] = []
        /// With `Summarising`: each account's digest (its `accounts` are then summaries).
        var digests: [AccountID: AccountDigest] = [:]
        /// With `Summarising`: how many files were read, rather than taken from the list index.
        var filesRead = 0
    }

    /// Reading for the app: each account is reduced to its `listSummary` and `AccountDigest` as it is
    /// read, so the details of thousands of accounts are never in memory at once, and a file whose
    /// list-index entry still matches it is not read at all.
    struct Summarising {
        var today: CalendarDate
        /// Entries of the list index (empty without one), and where each file's entry is.
        var entries: [ListIndex.Entry] = []
        var positions: [AccountID: Int] = [:]
        /// How much older than its verification a file's last change must be for its entry to be
        /// trusted (nanoseconds): more than any file system's timestamp granularity.
        var settle: Int64 = 2_000_000_000
        /// The day and thresholds the entries' rule figures were worked out under.
        var indexRulesKey = ""
        /// What order the entries are in (`ListIndex.order`).
        var indexOrder = ""
    }

    /// What reading one account file gave.
    private enum Outcome {
        case account(Account, KnownFile)
        /// `indexPosition`: where the list index held it (nil: the file was read).
        case summary(Account, KnownFile, AccountDigest, indexPosition: Int?)
        case problem(String)
    }

    func scan(summarising: Summarising? = nil) -> Result {
        var result = Result()
        scanWorkbookFile(into: &result)
        scanRootTemporaryFiles(into: &result)
        scanAccounts(into: &result, summarising: summarising)
        result.problems.sort { $0.file.utf8.lexicographicallyPrecedes($1.file.utf8) }
        result.migrated.sort { $0.file.utf8.lexicographicallyPrecedes($1.file.utf8) }
        return result
    }

    private func scanWorkbookFile(into result: inout Result) {
        let name = WorkbookFileFormat.fileName
        do {
            let contents = try fileSystem.readFile(atPath: root + "/" + name, limit: Self.maximumFileSize, followLinks: false)
            do {
                let (settings, version) = try Self.decodeWorkbookFile(contents.bytes)
                result.settings = settings
                result.records[name] = KnownFile(contents, formatVersion: version)
                if version < FormatVersion.current {
                    result.migrated.append(StorageProblem(file: name, message: "format \(version) → \(FormatVersion.current)"))
                }
            } catch {
                result.newerWorkbookVersion = error.newerFormatVersion
                result.problems.append(StorageProblem(file: name, message: error.message))
                result.protectedFiles.insert(name)
            }
        } catch .missing {
            result.workbookFileMissing = true
        } catch {
            result.problems.append(StorageProblem(file: name, message: error.message))
            result.protectedFiles.insert(name)
        }
    }

    private func scanRootTemporaryFiles(into result: inout Result) {
        guard let names = try? fileSystem.listDirectory(atPath: root) else { return }
        for name in names where AtomicFileWriter.isTemporaryName(name) {
            result.temporaryFiles.append(name)
        }
    }

    private func scanAccounts(into result: inout Result, summarising: Summarising?) {
        let folder = Self.accountsFolder
        let directory = root + "/" + folder
        let names: [String]
        do {
            guard let status = try fileSystem.status(atPath: directory, followLinks: false) else { return }
            guard status.kind == .directory else {
                let what = status.kind == .symbolicLink ? "is a symbolic link, which is not followed" : "is not a folder"
                result.problems.append(StorageProblem(file: folder, message: "\(what); no account was read"))
                result.protectedFiles.insert(folder)
                return
            }
            names = try fileSystem.listDirectory(atPath: directory)
        } catch {
            result.problems.append(StorageProblem(file: folder, message: "cannot be read: \(error.reason)"))
            result.protectedFiles.insert(folder)
            return
        }

        var candidates: [String] = []
        // With `summarising`: each candidate's id, at the same index (candidates are not sorted then).
        var candidateIDs: [AccountID] = []
        candidates.reserveCapacity(names.count)
        for name in names {
            if name.hasPrefix(".") {
                // Hidden files (.gitkeep, editor swap files) are not accounts; temp files are leftovers.
                if AtomicFileWriter.isTemporaryName(name) { result.temporaryFiles.append(folder + "/" + name) }
                continue
            }
            if let id = AccountID(fileName: name) {
                candidates.append(name)
                if summarising != nil { candidateIDs.append(id) }
            } else {
                result.problems.append(StorageProblem(
                    file: folder + "/" + name,
                    message: "not an account file: names must be <id>.json, with an id of a-z, 0-9, '-' and '_'; it was not read"
                ))
                result.protectedFiles.insert(folder + "/" + name)
            }
        }
        // By id, not by file name: "a-b.json" sorts before "a.json", but "a" before "a-b". Only a
        // '-' (below '.') tells the two orders apart; without one, the plain (much faster) sort is the same.
        // Summaries come out in the list index's order (`indexOrder`), so they are not sorted here.
        if summarising == nil {
            if candidates.contains(where: { $0.utf8.contains(UInt8(ascii: "-")) }) {
                candidates.sort { $0.dropLast(5).utf8.lexicographicallyPrecedes($1.dropLast(5).utf8) }
            } else {
                candidates.sort()
            }
        }

        let settings = result.settings ?? WorkbookSettings()
        let rulesHold = summarising.map { AccountDigest.rulesKey(today: $0.today, settings: settings) == $0.indexRulesKey } ?? false
        // With a list index most files are only `lstat`ed: light work (`ParallelMap.chunksPerCore`).
        let light = summarising.map { !$0.entries.isEmpty } ?? false
        // Each file matched against its entry by `lstat` first, all of them at once (see `linkStatuses`).
        let statuses = light ? fileSystem.linkStatuses(of: candidates, inDirectory: directory) : []
        let ids = candidateIDs
        let outcomes = readInParallel(candidates, directory: directory, light: light) { index, name, fileSystem in
            guard let summarising else { return Self.readAccount(named: name, directory: directory, fileSystem: fileSystem) }
            return Self.summarise(
                named: name, id: ids[index], status: light ? statuses[index] : nil, directory: directory, fileSystem: fileSystem,
                summarising: summarising, settings: settings, rulesHold: rulesHold)
        }
        result.accounts.reserveCapacity(candidates.count)
        result.records.reserveAccountCapacity(candidates.count)
        if summarising != nil { result.digests.reserveCapacity(candidates.count) }
        // No two files give one id: a file's id must match its name (decoding checks it, and an
        // index entry's id is its file's name), and names in a folder are unique.
        // Paths are spelled out only for a problem: 100,000 of them are a cost an open can do without.
        func take(_ account: Account, _ record: KnownFile, fileName: String, into result: inout Result) {
            result.accounts.append(account)
            result.records[account: account.id] = record
            if record.formatVersion < FormatVersion.current {
                result.migrated.append(StorageProblem(file: folder + "/" + fileName, message: "format \(record.formatVersion) → \(FormatVersion.current)"))
            }
        }
        for index in Self.indexOrder(outcomes, entryCount: summarising?.entries.count ?? 0) {
            switch outcomes[index] {
            case .account(let account, let record):
                take(account, record, fileName: candidates[index], into: &result)
            case .summary(let summary, let record, let digest, let position):
                take(summary, record, fileName: candidates[index], into: &result)
                result.digests[summary.id] = digest
                if position == nil { result.filesRead += 1 }
            case .problem(let message):
                let file = folder + "/" + candidates[index]
                result.problems.append(StorageProblem(file: file, message: message))
                result.protectedFiles.insert(file)
            }
        }
    }

    /// The outcomes' indices with those taken from the list index first, in the index's order (the
    /// list order of the session that wrote it), then the rest as listed: accounts handed over in
    /// list order make the app's first sort a single pass over one sorted run.
    private static func indexOrder(_ outcomes: [Outcome], entryCount: Int) -> [Int] {
        guard entryCount > 0 else { return Array(outcomes.indices) }
        var slots = [Int](repeating: -1, count: entryCount)
        var rest: [Int] = []
        for (index, outcome) in outcomes.enumerated() {
            if case .summary(_, _, _, let position?) = outcome { slots[position] = index } else { rest.append(index) }
        }
        var order: [Int] = []
        order.reserveCapacity(outcomes.count)
        for index in slots where index >= 0 { order.append(index) }
        order.append(contentsOf: rest)
        return order
    }

    /// Reads and decodes the files on every core, in the order of `names`.
    private func readInParallel(
        _ names: [String], directory: String, light: Bool, read: @escaping @Sendable (Int, String, any FileSystem) -> Outcome
    ) -> [Outcome] {
        let fileSystem = self.fileSystem
        return ParallelMap.map(names.count, chunksPerCore: light ? ParallelMap.chunksPerCore(4, forLightItems: names.count) : 4) { index in
            read(index, names[index], fileSystem)
        }
    }

    private static func readAccount(named name: String, directory: String, fileSystem: any FileSystem) -> Outcome {
        let contents: FileContents
        do {
            contents = try fileSystem.readFile(atPath: directory + "/" + name, limit: maximumFileSize, followLinks: false)
        } catch {
            return .problem(error.message)
        }
        do {
            let (account, version) = try decodeAccountFile(contents.bytes, fileName: name)
            return .account(account, KnownFile(contents, formatVersion: version))
        } catch {
            return .problem(error.message)
        }
    }

    /// The list-index entry when it still matches the file (its `lstat`, `status`), else the file read and summarised.
    private static func summarise(
        named name: String, id: AccountID, status: FileStatus?, directory: String, fileSystem: any FileSystem, summarising: Summarising,
        settings: WorkbookSettings, rulesHold: Bool
    ) -> Outcome {
        // Rule figures of another day are dropped with the index's key; the app works them out again.
        if let position = summarising.positions[id], case let entry = summarising.entries[position],
           let status, status.kind == .regular, status.fingerprint == entry.fingerprint,
           entry.fingerprint.isSettled(verifiedAt: entry.verifiedAt, settle: summarising.settle) {
            let record = KnownFile(
                fingerprint: entry.fingerprint, hash: entry.hash, formatVersion: entry.formatVersion, verifiedAt: entry.verifiedAt)
            var digest = entry.digest
            if !rulesHold { digest.rules = nil }
            return .summary(entry.summary, record, digest, indexPosition: position)
        }
        switch readAccount(named: name, directory: directory, fileSystem: fileSystem) {
        case .account(let account, let record):
            return .summary(
                account.listSummary, record, AccountDigest(of: account, today: summarising.today, settings: settings), indexPosition: nil)
        case let other:
            return other
        }
    }

    /// An account and the format version its file was written in (before migration).
    static func decodeAccountFile(_ bytes: [UInt8], fileName: String) throws(FileFormatError) -> (Account, Int) {
        let document = try JSONParser.parseFile(bytes)
        let account = try AccountFileFormat.decode(document, fileName: fileName)
        return (account, (try? FormatMigrations.storedVersion(of: document)) ?? FormatVersion.current)
    }

    static func decodeWorkbookFile(_ bytes: [UInt8]) throws(FileFormatError) -> (WorkbookSettings, Int) {
        let document = try JSONParser.parseFile(bytes)
        let settings = try WorkbookFileFormat.decode(document)
        return (settings, (try? FormatMigrations.storedVersion(of: document)) ?? FormatVersion.current)
    }
}
