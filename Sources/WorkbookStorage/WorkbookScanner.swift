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
        var records: [String: KnownFile] = [:]
        /// Files read from an older format version.
        var migrated: [StorageProblem] = []
    }

    /// What reading one account file gave.
    private enum Outcome {
        case account(Account, KnownFile)
        case problem(String)
    }

    func scan() -> Result {
        var result = Result()
        scanWorkbookFile(into: &result)
        scanRootTemporaryFiles(into: &result)
        scanAccounts(into: &result)
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

    private func scanAccounts(into result: inout Result) {
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
        candidates.reserveCapacity(names.count)
        for name in names {
            if name.hasPrefix(".") {
                // Hidden files (.gitkeep, editor swap files) are not accounts; temp files are leftovers.
                if AtomicFileWriter.isTemporaryName(name) { result.temporaryFiles.append(folder + "/" + name) }
                continue
            }
            if name.hasSuffix(".json"), AccountID.isWellFormed(String(name.dropLast(5))) {
                candidates.append(name)
            } else {
                result.problems.append(StorageProblem(
                    file: folder + "/" + name,
                    message: "not an account file: names must be <id>.json, with an id of a-z, 0-9, '-' and '_'; it was not read"
                ))
                result.protectedFiles.insert(folder + "/" + name)
            }
        }
        // By id, not by file name: "a-b.json" sorts before "a.json", but "a" before "a-b".
        candidates.sort { $0.dropLast(5).utf8.lexicographicallyPrecedes($1.dropLast(5).utf8) }

        let outcomes = readInParallel(candidates, directory: directory)
        var seen: [AccountID: String] = [:]
        for (name, outcome) in zip(candidates, outcomes) {
            let file = folder + "/" + name
            switch outcome {
            case .account(let account, let record):
                // File names are unique and must match the id, so this guards only against future
                // rules (e.g. case-insensitive names); a duplicate is never loaded twice.
                if let first = seen[account.id] {
                    result.problems.append(StorageProblem(file: file, message: "the id \"\(account.id)\" is also used by \(first)"))
                    result.protectedFiles.insert(file)
                } else {
                    seen[account.id] = file
                    result.accounts.append(account)
                    result.records[file] = record
                    if record.formatVersion < FormatVersion.current {
                        result.migrated.append(StorageProblem(file: file, message: "format \(record.formatVersion) → \(FormatVersion.current)"))
                    }
                }
            case .problem(let message):
                result.problems.append(StorageProblem(file: file, message: message))
                result.protectedFiles.insert(file)
            }
        }
    }

    /// Reads and decodes the files on every core into preallocated slots, one slot per file, so
    /// that the order of the results does not depend on the order the threads finish in.
    private func readInParallel(_ names: [String], directory: String) -> [Outcome] {
        let count = names.count
        guard count > 0 else { return [] }
        let slots = UnsafeMutableBufferPointer<Outcome?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer {
            slots.deinitialize()
            slots.deallocate()
        }
        let fileSystem = self.fileSystem
        // A few chunks per core keeps the cores busy when file sizes differ, without a task per file.
        let chunkCount = min(count, max(1, ProcessInfo.processInfo.activeProcessorCount * 4))
        let chunkSize = (count + chunkCount - 1) / chunkCount
        let box = SlotBox(slots: slots)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let start = chunk * chunkSize
            let end = min(count, start + chunkSize)
            guard start < end else { return }
            for index in start..<end {
                box.slots[index] = Self.readAccount(named: names[index], directory: directory, fileSystem: fileSystem)
            }
        }
        return slots.map { $0! }
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

    /// An account and the format version its file was written in (before migration).
    static func decodeAccountFile(_ bytes: [UInt8], fileName: String) throws(FileFormatError) -> (Account, Int) {
        let document = try parse(bytes)
        let account = try AccountFileFormat.decode(document, fileName: fileName)
        return (account, (try? FormatMigrations.storedVersion(of: document)) ?? FormatVersion.current)
    }

    static func decodeWorkbookFile(_ bytes: [UInt8]) throws(FileFormatError) -> (WorkbookSettings, Int) {
        let document = try parse(bytes)
        let settings = try WorkbookFileFormat.decode(document)
        return (settings, (try? FormatMigrations.storedVersion(of: document)) ?? FormatVersion.current)
    }

    private static func parse(_ bytes: [UInt8]) throws(FileFormatError) -> JSONValue {
        do {
            return try JSONParser.parse(bytes)
        } catch {
            throw FileFormatError(error.description)
        }
    }
}

/// The result slots shared by the reading threads; each thread writes only its own indices.
private struct SlotBox<T>: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<T>
}


/// One version of a file as this store last read or wrote it: how it looked to `stat`, and a hash
/// of its bytes (what decides whether it changed).
struct KnownFile: Hashable, Sendable {
    var fingerprint: FileFingerprint
    var size: Int
    var hash: UInt64
    /// The format version the bytes were written in (older ones are backed up before a rewrite).
    var formatVersion: Int

    init(fingerprint: FileFingerprint, bytes: [UInt8], formatVersion: Int) {
        self.fingerprint = fingerprint
        self.size = bytes.count
        self.hash = Self.hash(bytes)
        self.formatVersion = formatVersion
    }

    init(_ contents: FileContents, formatVersion: Int) {
        self.init(fingerprint: contents.status.fingerprint, bytes: contents.bytes, formatVersion: formatVersion)
    }

    func matches(_ bytes: [UInt8]) -> Bool {
        bytes.count == size && Self.hash(bytes) == hash
    }

    /// 64-bit FNV-1a: fast, and plenty to tell two versions of one small file apart.
    static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { buffer in
            var value: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in buffer {
                value ^= UInt64(byte)
                value = value &* 0x0000_0100_0000_01b3
            }
            return value
        }
    }
}
