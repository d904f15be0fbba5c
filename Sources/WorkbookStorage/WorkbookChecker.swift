import Foundation
import WorkbookModel

/// Everything `workbook check` says about a workbook.
public struct CheckReport: Sendable {
    /// Damaged files and broken rules: `workbook check` exits 1 when there is any.
    public var problems: [StorageProblem] = []
    /// Worth fixing, but the workbook is sound: files or folders others can read.
    public var warnings: [StorageProblem] = []
    /// Files in an older format (read fine; rewritten, after a backup, on their next save).
    public var migratedFiles: [StorageProblem] = []
    /// Temp files left by an interrupted save (removed the next time the workbook is opened).
    public var temporaryFiles: [String] = []
    /// Who the lock file names, when it names a process that may still run.
    public var lockHolder: LockHolder?
    /// Backups in `.backups/`, oldest first.
    public var backups: [BackupInfo] = []
}

/// `workbook check`: every problem of a workbook, one per file and rule, without changing anything.
public enum WorkbookChecker {
    /// Problems sorted by file; empty when the workbook is sound. Creates, removes and rewrites nothing.
    public static func check(directory: String) -> [StorageProblem] {
        check(directory: directory, fileSystem: POSIXFileSystem())
    }

    /// Problems, privacy warnings, older-format files, leftovers, the lock holder and the backups.
    /// Creates, removes and rewrites nothing (it does not even try the lock).
    public static func report(directory: String) -> CheckReport {
        report(directory: directory, fileSystem: POSIXFileSystem())
    }

    static func report(directory path: String, fileSystem: any FileSystem) -> CheckReport {
        let root = FileWorkbookStore.absolute(path)
        var report = CheckReport()
        report.problems = check(directory: root, fileSystem: fileSystem)
        guard (try? fileSystem.status(atPath: root, followLinks: true))??.kind == .directory, fileSystem.isReadableDirectory(atPath: root) else {
            return report
        }
        let scan = WorkbookScanner(root: root, fileSystem: fileSystem).scan()
        report.migratedFiles = scan.migrated
        report.temporaryFiles = scan.temporaryFiles.sorted()
        report.warnings = privacyWarnings(root: root, fileSystem: fileSystem)
        if let holder = WorkbookLock.recordedHolder(directory: root), holder.isRunning != false {
            report.lockHolder = holder
        }
        report.backups = WorkbookBackups(root: root, fileSystem: fileSystem).list()
        return report
    }

    /// The workbook folder, `accounts/`, `.backups/` and every data file must be private to their
    /// owner (folders 0700, files 0600): a workbook holds notes about customers.
    static func privacyWarnings(root: String, fileSystem: any FileSystem) -> [StorageProblem] {
        var warnings: [StorageProblem] = []
        func inspect(_ relative: String) {
            let path = relative.isEmpty ? root : root + "/" + relative
            guard let status = (try? fileSystem.status(atPath: path, followLinks: false)) ?? nil,
                  status.kind == .regular || status.kind == .directory
            else { return }
            let open = status.permissions & 0o077
            guard open != 0 else { return }
            var who: [String] = []
            if open & 0o070 != 0 { who.append("its group") }
            if open & 0o007 != 0 { who.append("every user") }
            let mode = "0" + String(status.permissions & 0o777, radix: 8)
            let fix = status.kind == .directory ? "chmod 700" : "chmod 600"
            warnings.append(StorageProblem(
                file: relative.isEmpty ? "." : relative,
                message: "mode \(mode): \(who.joined(separator: " and ")) can reach it; private notes belong to you only (\(fix))"))
        }
        inspect("")
        inspect(WorkbookFileFormat.fileName)
        inspect(WorkbookScanner.accountsFolder)
        inspect(WorkbookBackups.folder)
        if let names = try? fileSystem.listDirectory(atPath: root + "/" + WorkbookScanner.accountsFolder) {
            for name in names.sorted() where !name.hasPrefix(".") {
                inspect(WorkbookScanner.accountsFolder + "/" + name)
            }
        }
        return warnings
    }

    static func check(directory path: String, fileSystem: any FileSystem) -> [StorageProblem] {
        let root = FileWorkbookStore.absolute(path)
        let workbookFile = WorkbookFileFormat.fileName
        do {
            guard let status = try fileSystem.status(atPath: root, followLinks: true) else {
                return [StorageProblem(file: workbookFile, message: "no workbook at \(root)")]
            }
            guard status.kind == .directory else {
                return [StorageProblem(file: workbookFile, message: "no workbook at \(root): it is a file, not a folder")]
            }
        } catch {
            return [StorageProblem(file: workbookFile, message: "cannot open \(root): \(error.reason)")]
        }
        guard fileSystem.isReadableDirectory(atPath: root) else {
            return [StorageProblem(file: workbookFile, message: "cannot open \(root): \(ErrnoText.describe(EACCES))")]
        }
        let scan = WorkbookScanner(root: root, fileSystem: fileSystem).scan()
        var problems = scan.problems
        if scan.workbookFileMissing {
            problems.append(StorageProblem(file: workbookFile, message: "no workbook at \(root): \(workbookFile) is missing"))
        }
        problems += ruleProblems(scan.accounts)
        return problems.sorted { $0.file.utf8.lexicographicallyPrecedes($1.file.utf8) }
    }

    /// The domain rules (`AccountRules`) for each account, and duplicate names among live accounts.
    static func ruleProblems(_ accounts: [Account]) -> [StorageProblem] {
        var problems: [StorageProblem] = []
        func file(_ id: AccountID) -> String { WorkbookScanner.accountsFolder + "/" + AccountFileFormat.fileName(for: id) }
        for account in accounts {
            // Duplicates are found below with a dictionary: `validate(among:)` would be quadratic.
            for issue in AccountRules.validate(account, among: []) {
                problems.append(StorageProblem(file: file(account.id), message: "field \"\(issue.field.rawValue)\": \(issue.message)"))
            }
        }
        var firstByName: [String: Account] = [:]
        for account in accounts.sorted(by: { $0.id < $1.id }) where !account.isArchived {
            let key = AccountRules.nameKey(account.name)
            guard !key.isEmpty else { continue }
            if let first = firstByName[key] {
                problems.append(StorageProblem(
                    file: file(account.id),
                    message: "field \"name\": \"\(account.name)\" is also the name of \(file(first.id)) (\"\(first.name)\")"
                ))
            } else {
                firstByName[key] = account
            }
        }
        return problems
    }
}
