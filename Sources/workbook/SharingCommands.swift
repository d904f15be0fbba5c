import Foundation
import TerminalUI
import WorkbookApp
import WorkbookStorage
import WorkbookSync

/// `workbook merge-driver`, `git-setup`, `clone`, `sync` and `repair` (README "Sharing with a team").
@MainActor
enum SharingCommands {
    static func run(_ command: SharingCommand) -> Int32 {
        switch command {
        case .mergeDriver(let base, let ours, let theirs, let path):
            let outcome = MergeDriver.run(base: base, ours: ours, theirs: theirs, path: path)
            if let message = outcome.message { WorkbookCommand.printError(TextWidth.sanitized(message)) }
            return outcome.status
        case .gitSetup(let data):
            return setUp(WorkbookCommand.dataDirectory(data))
        case .clone(let url, let directory):
            // Absolute first: git runs in the parent folder, and a bare name ("team") has no parent to split off.
            let target = absolute(WorkbookCommand.dataDirectory(directory))
            let parent = String(target[..<(target.lastIndex(of: "/") ?? target.startIndex)])
            let clone = Git(folder: parent.isEmpty ? "/" : parent).run(["clone", "--", url, target])
            guard clone.succeeded else {
                WorkbookCommand.printError(TextWidth.sanitized("workbook: git clone failed: \(clone.lastLine)"))
                return 1
            }
            say("cloned \(url) into \(target)")
            return setUp(target)
        case .sync(let data):
            return sync(WorkbookCommand.dataDirectory(data))
        case .repair(let data):
            let sharing = sharing(WorkbookCommand.dataDirectory(data))
            do {
                for line in try sharing.repair() { say(line) }
                return sharing.unmergedPaths().isEmpty && sharing.markerFiles().isEmpty ? 0 : 1
            } catch {
                WorkbookCommand.printError(TextWidth.sanitized("workbook: \(error)"))
                return 1
            }
        }
    }

    /// Sync and repair for the app, when the workbook is a clone with the driver set up.
    static func hooks(directory: String, author: String) -> SharingHooks? {
        let sharing = sharing(directory)
        guard sharing.registeredDriver != nil else { return nil }
        return SharingHooks(
            sync: { progress in
                let outcome = sharing.sync(author: author, progress: progress)
                return (outcome.succeeded, outcome.summary)
            },
            repair: {
                do {
                    let lines = try sharing.repair()
                    let fixed = sharing.unmergedPaths().isEmpty && sharing.markerFiles().isEmpty
                    return (fixed, lines.joined(separator: "; "))
                } catch {
                    return (false, "\(error)")
                }
            })
    }

    static func sharing(_ directory: String) -> GitSharing {
        GitSharing(folder: absolute(directory), workbookBinary: binaryPath())
    }

    /// The path from the current folder, without a trailing slash.
    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: full).standardizedFileURL.path
    }

    /// This binary's absolute path, which git will run as the driver.
    static func binaryPath() -> String {
        (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath().path
    }

    /// Registers the driver, commits `.gitattributes`, creates the workbook if the clone was empty, then checks.
    static func setUp(_ directory: String) -> Int32 {
        let store = FileWorkbookStore(directory: directory)
        do {
            _ = try store.load() // An empty clone becomes a workbook; a damaged one is reported by the check below.
            store.close()
            for line in try sharing(directory).setUp() { say(line) }
        } catch {
            WorkbookCommand.printError(TextWidth.sanitized("workbook: \(error)"))
            return 1
        }
        return StorageCommands.check(directory)
    }

    static func sync(_ directory: String) -> Int32 {
        let store = FileWorkbookStore(directory: directory)
        // Only the owner's name is needed: reading every account would cost seconds in a large workbook.
        let settingsPath = absolute(directory) + "/" + WorkbookFileFormat.fileName
        guard let bytes = try? SharedFiles.read(path: settingsPath) else {
            WorkbookCommand.printError(TextWidth.sanitized("workbook: no workbook at \(directory)"))
            return 1
        }
        let owner = (try? WorkbookFileFormat.decode(bytes))?.owner ?? ""
        switch store.acquireLock() {
        case .acquired: break
        case .heldBy(let holder):
            WorkbookCommand.printError(TextWidth.sanitized("workbook: the workbook is open (\(holder)); press Y there to sync, or quit it first"))
            return 1
        case .unavailable(let reason):
            WorkbookCommand.printError(TextWidth.sanitized("workbook: cannot lock the workbook: \(reason)"))
            return 1
        }
        defer { store.close() }
        let outcome = sharing(directory).sync(author: WorkbookCommand.userName(default: owner)) { step in say("… \(step)") }
        if outcome.succeeded {
            say(outcome.summary)
            return 0
        }
        WorkbookCommand.printError(TextWidth.sanitized("workbook: sync failed: \(outcome.summary)"))
        return 1
    }

    static func say(_ text: String) {
        print(TextWidth.sanitized(text))
    }
}
