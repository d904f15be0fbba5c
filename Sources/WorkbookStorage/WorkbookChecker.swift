import Foundation
import WorkbookModel

/// `workbook check`: every problem of a workbook, one per file and rule, without changing anything.
public enum WorkbookChecker {
    /// Problems sorted by file; empty when the workbook is sound. Creates, removes and rewrites nothing.
    public static func check(directory: String) -> [StorageProblem] {
        check(directory: directory, fileSystem: POSIXFileSystem())
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
