import Foundation
import WorkbookModel

/// One backup folder: `.backups/<name>/` holding copies of workbook files (same relative paths)
/// and `backup.json` (when, why, which files).
public struct BackupInfo: Hashable, Sendable, CustomStringConvertible {
    /// The folder name, e.g. `2026-11-25T09-14-03Z`; what `workbook restore` takes.
    public var name: String
    /// ISO 8601, UTC.
    public var created: String
    public var reason: String
    /// Relative paths, e.g. `accounts/ab12.json`.
    public var files: [String]

    public var description: String {
        "\(WorkbookBackups.folder)/\(name): \(reason) (\(files.count) file\(files.count == 1 ? "" : "s"))"
    }
}

/// Dated copies of workbook files inside the workbook (`.backups/`, git-ignored), taken before a
/// migration rewrite, an archive, an import or a restore; the newest `keep` are kept.
///
/// A backup is built in a hidden `.<name>.partial` folder, every file `fsync`ed, then renamed into
/// place: a crash leaves either a whole backup or a hidden partial one (removed by the next backup).
struct WorkbookBackups {
    static let folder = ".backups"
    static let manifestName = "backup.json"
    static let keep = 20

    let root: String
    let fileSystem: any FileSystem

    private var backupsDirectory: String { root + "/" + Self.folder }

    /// Copies `files` (relative paths; missing ones are skipped) into a new backup folder.
    func create(files: [String], reason: String, now: Date = Date()) throws(SystemCallError) -> BackupInfo {
        if try fileSystem.status(atPath: backupsDirectory, followLinks: false) == nil {
            try fileSystem.makeDirectory(atPath: backupsDirectory, permissions: 0o700)
            try fileSystem.fsyncDirectory(atPath: root)
        }
        let existing = Set(try fileSystem.listDirectory(atPath: backupsDirectory))
        let base = Self.folderName(now)
        // Same second as an earlier backup: a higher `-N` than any before, so names stay in order
        // even after pruning removed the first of them.
        var name = base
        let taken = existing.filter { $0 == base || $0.hasPrefix(base + "-") || $0.hasPrefix("." + base) }
        if !taken.isEmpty {
            let highest = taken.compactMap { name -> Int? in
                let plain = name.hasPrefix(".") ? String(name.dropFirst().dropLast(".partial".count)) : name
                return plain == base ? 1 : Int(plain.dropFirst(base.count + 1))
            }.max() ?? 1
            name = base + "-\(highest + 1)"
        }
        let partial = backupsDirectory + "/." + name + ".partial"
        try fileSystem.makeDirectory(atPath: partial, permissions: 0o700)
        let writer = AtomicFileWriter(fileSystem: fileSystem)
        var copied: [String] = []
        var subfolders: Set<String> = []
        for file in files.sorted() where !copied.contains(file) {
            let bytes: [UInt8]
            do {
                bytes = try fileSystem.readRegularFile(atPath: root + "/" + file, limit: WorkbookScanner.maximumFileSize, followLinks: false)
            } catch .missing {
                continue
            } catch .system(let error) {
                throw error
            } catch {
                continue // A link, a folder, an oversized file: not ours to copy.
            }
            let parts = file.split(separator: "/")
            if parts.count == 2 {
                let sub = partial + "/" + parts[0]
                if subfolders.insert(String(parts[0])).inserted {
                    try fileSystem.makeDirectory(atPath: sub, permissions: 0o700)
                }
            }
            try writer.createNew(path: partial + "/" + file, with: bytes, sync: true)
            copied.append(file)
        }
        let info = BackupInfo(name: name, created: Self.isoUTC(now), reason: reason, files: copied)
        try writer.createNew(path: partial + "/" + Self.manifestName, with: CanonicalJSON.encode(Self.manifest(info)), sync: true)
        for sub in subfolders { try fileSystem.fsyncDirectory(atPath: partial + "/" + sub) }
        try fileSystem.fsyncDirectory(atPath: partial)
        try fileSystem.rename(from: partial, to: backupsDirectory + "/" + name)
        try fileSystem.fsyncDirectory(atPath: backupsDirectory)
        prune()
        return info
    }

    /// Every complete backup, oldest first.
    func list() -> [BackupInfo] {
        guard let names = try? fileSystem.listDirectory(atPath: backupsDirectory) else { return [] }
        return Self.chronological(names.filter { !$0.hasPrefix(".") }).compactMap { read(name: $0) }
    }

    /// One backup's manifest; nil when it is not a backup folder.
    func read(name: String) -> BackupInfo? {
        guard Self.isPlainName(name),
              let bytes = try? fileSystem.readRegularFile(atPath: backupsDirectory + "/" + name + "/" + Self.manifestName, limit: 1_000_000, followLinks: false),
              let members = (try? JSONParser.parse(bytes))?.objectValue
        else { return nil }
        let files = (members["files"]?.arrayValue ?? []).compactMap(\.stringValue).filter(Self.isWorkbookFile)
        return BackupInfo(name: name, created: members["created"]?.stringValue ?? "", reason: members["reason"]?.stringValue ?? "", files: files)
    }

    /// The bytes of one file in a backup.
    func bytes(of file: String, in backup: BackupInfo) throws(FileReadFailure) -> [UInt8] {
        try fileSystem.readRegularFile(atPath: backupsDirectory + "/" + backup.name + "/" + file, limit: WorkbookScanner.maximumFileSize, followLinks: false)
    }

    /// Removes the oldest backups beyond `keep`, and partial folders left by a crash.
    func prune() {
        guard let names = try? fileSystem.listDirectory(atPath: backupsDirectory) else { return }
        for name in names where name.hasPrefix(".") && name.hasSuffix(".partial") {
            removeTree(backupsDirectory + "/" + name)
        }
        let complete = Self.chronological(names.filter { !$0.hasPrefix(".") && read(name: $0) != nil })
        for name in complete.dropLast(Self.keep) {
            removeTree(backupsDirectory + "/" + name)
        }
    }

    /// Deletes a folder two levels deep at most (a backup: files and `accounts/`), never following links.
    private func removeTree(_ path: String, depth: Int = 0) {
        guard depth < 3, let names = try? fileSystem.listDirectory(atPath: path) else { return }
        for name in names {
            let child = path + "/" + name
            let status: FileStatus? = (try? fileSystem.status(atPath: child, followLinks: false)) ?? nil
            if status?.kind == .directory {
                removeTree(child, depth: depth + 1)
            } else {
                try? fileSystem.unlink(atPath: child)
            }
        }
        try? fileSystem.removeDirectory(atPath: path)
    }

    private static func manifest(_ info: BackupInfo) -> JSONValue {
        .object([
            "created": .string(info.created),
            "files": .array(info.files.map { .string($0) }),
            "reason": .string(info.reason),
        ])
    }

    /// `2026-11-25T09-14-03Z`: sorts by time, and has no `:` (which some file systems refuse).
    static func folderName(_ date: Date) -> String {
        isoUTC(date).replacingOccurrences(of: ":", with: "-")
    }

    /// Oldest first: by the time in the name, then by the `-N` added for same-second backups.
    static func chronological(_ names: [String]) -> [String] {
        func key(_ name: String) -> (String, Int) {
            guard let dash = name.lastIndex(of: "-"), name[..<dash].hasSuffix("Z"), let counter = Int(name[name.index(after: dash)...]) else {
                return (name, 1)
            }
            return (String(name[..<dash]), counter)
        }
        return names.sorted { key($0) < key($1) }
    }

    static func isoUTC(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/")
    }

    /// Only `workbook.json` and `accounts/<id>.json` can be restored: a manifest cannot send a
    /// restore anywhere else.
    static func isWorkbookFile(_ file: String) -> Bool {
        if file == WorkbookFileFormat.fileName { return true }
        let parts = file.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0] == WorkbookScanner.accountsFolder, parts[1].hasSuffix(".json") else { return false }
        return AccountID.isWellFormed(String(parts[1].dropLast(5)))
    }
}
