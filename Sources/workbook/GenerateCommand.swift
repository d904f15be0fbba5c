import Foundation
import TerminalUI
import WorkbookApp
import WorkbookModel
import WorkbookStorage

/// `workbook generate --accounts N --seed S --data DIR`: a deterministic synthetic territory in the
/// app's own format, for the benchmark (docs/PERFORMANCE.md). Never writes into a folder with files.
@MainActor
enum GenerateCommand {
    static func run(_ options: Invocation.GenerateOptions) -> Int32 {
        let directory = options.dataDirectory
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                WorkbookCommand.printError("workbook: cannot generate into \(directory): it is a file, not a folder")
                return 1
            }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? ["?"]
            guard entries.isEmpty else {
                WorkbookCommand.printError(TextWidth.sanitized("workbook: cannot generate into \(directory): the folder is not empty (\(entries.count) entr\(entries.count == 1 ? "y" : "ies")); give a new or empty folder"))
                return 1
            }
        }
        let accounts = TerritoryGenerator.accounts(count: options.accounts, seed: options.seed)
        do {
            _ = try FileWorkbookStore.createWorkbook(at: directory, settings: TerritoryGenerator.settings(), accounts: accounts)
        } catch {
            WorkbookCommand.printError(TextWidth.sanitized("workbook: \(error)"))
            return 1
        }
        let people = accounts.reduce(0) { $0 + $1.people.count }
        let commitments = accounts.reduce(0) { $0 + $1.commitments.count }
        print("generated \(accounts.count) accounts (\(people) people, \(commitments) commitments) with seed \(options.seed) in \(directory)")
        return 0
    }
}
