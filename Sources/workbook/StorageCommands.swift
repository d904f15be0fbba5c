import Foundation
import TerminalUI
import WorkbookApp
import WorkbookStorage
import WorkbookSync
#if canImport(Glibc)
import Glibc
#endif

/// The storage commands of the command line: `check`, `restore` and the hidden `debug-save-burst`.
@MainActor
enum StorageCommands {
    /// Problems (exit 1), then warnings, older-format files, leftovers, the lock holder and backups;
    /// in a git clone also the merge driver, unmerged and marker files, and recorded conflicts.
    static func check(_ directory: String) -> Int32 {
        let report = WorkbookChecker.report(directory: directory)
        let sharing = SharingCommands.sharing(directory).check()
        for problem in report.problems { say("\(problem.file): \(problem.message)") }
        for problem in sharing?.problems ?? [] { say("git: \(problem)") }
        for note in sharing?.notes ?? [] { say("note: git: \(note)") }
        if let recorded = sharing?.recordedConflicts {
            let total = recorded.values.reduce(0, +)
            say(total == 0 ? "conflicts: none recorded" : "conflicts: \(total) recorded in \(recorded.count) file\(recorded.count == 1 ? "" : "s"), waiting to be resolved in the app:")
            for (file, count) in recorded.sorted(by: { $0.key < $1.key }) { say("  \(file): \(count)") }
        }
        for warning in report.warnings { say("warning: \(warning.file): \(warning.message)") }
        for file in report.migratedFiles { say("note: \(file.file): older \(file.message); rewritten (after a backup) on its next save") }
        for file in report.temporaryFiles { say("note: \(file): left by an interrupted save; removed the next time the workbook is opened") }
        if let holder = report.lockHolder { say("note: in use by \(holder)") }
        if report.backups.isEmpty {
            say("backups: none")
        } else {
            say("backups (restore one with: workbook restore NAME --data \(directory)):")
            for backup in report.backups.reversed() { say("  \(backup.name)  \(backup.reason) (\(backup.files.count) file\(backup.files.count == 1 ? "" : "s"))") }
        }
        let count = report.problems.count + (sharing?.problems.count ?? 0)
        if count == 0 {
            say("\(directory): every file is valid.")
            return 0
        }
        WorkbookCommand.printError("\(count) problem\(count == 1 ? "" : "s") in \(directory)")
        return 1
    }

    static func restore(_ backup: String, directory: String) -> Int32 {
        let store = FileWorkbookStore(directory: directory)
        do {
            _ = try store.loadExisting() // Refuses a missing workbook without creating one.
            let result = try store.restore(backup: backup)
            for file in result.restored.files { say("restored \(file)") }
            say("restored \(result.restored.files.count) file\(result.restored.files.count == 1 ? "" : "s") from \(backup); the files they replaced are in .backups/\(result.safetyBackup.name)")
            store.close()
            return 0
        } catch {
            WorkbookCommand.printError(TextWidth.sanitized("workbook: \(error)"))
            return 1
        }
    }

    /// Each confirmation is one unbuffered `write`, issued only after the save returned.
    static func saveBurst(_ options: Invocation.SaveBurstOptions, directory: String) -> Int32 {
        do {
            try SaveBurst.run(directory: directory, count: options.count, accounts: options.accounts) { line in
                let bytes = Array((line + "\n").utf8)
                var offset = 0
                while offset < bytes.count {
                    let written = bytes[offset...].withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
                    if written <= 0 { if errno == EINTR { continue }; return }
                    offset += written
                }
            }
            return 0
        } catch {
            WorkbookCommand.printError("workbook: \(error)")
            return 1
        }
    }

    private static func say(_ text: String) {
        print(TextWidth.sanitized(text))
    }
}
