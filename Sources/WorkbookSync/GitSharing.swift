import Foundation
import WorkbookMerge
import WorkbookModel
import WorkbookStorage

/// Sharing a workbook through git: set up, check, repair. `WorkbookSync+Sync.swift` holds `sync`.
///
/// The workbook folder is the clone's top folder. The merge driver is registered in the clone's
/// own `.git/config`, never from a file in the repository: anyone who can push could change such a
/// file, and git would run what it says on every teammate's machine.
public struct GitSharing: Sendable {
    /// The driver's name in `.gitattributes` and `.git/config`.
    public static let driverName = "workbook"
    /// The lines `.gitattributes` needs.
    public static let attributeLines = ["accounts/*.json merge=\(driverName)", "workbook.json merge=\(driverName)"]

    public let folder: String
    public let git: Git
    /// The command git runs for the driver, e.g. `'/usr/local/bin/workbook' merge-driver %O %A %B %P`.
    public let driverCommand: String

    public init(folder: String, workbookBinary: String, gitExecutable: String = "git") {
        self.folder = folder
        self.git = Git(folder: folder, executable: gitExecutable)
        self.driverCommand = Self.shellQuoted(workbookBinary) + " merge-driver %O %A %B %P"
    }

    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// True when the folder is inside a git work tree.
    public var isClone: Bool {
        git.value(["rev-parse", "--is-inside-work-tree"]) == "true"
    }

    /// The driver command git would run, if registered.
    public var registeredDriver: String? {
        git.value(["config", "--get", "merge.\(Self.driverName).driver"])
    }

    /// What `.gitattributes` says about the account files' merge (should be "workbook").
    public var attributeInEffect: String? {
        let line = git.value(["check-attr", "merge", "--", "accounts/0000000000000000.json"]) ?? ""
        return line.components(separatedBy: ": ").last
    }

    // MARK: Setting up

    /// `workbook git-setup`: registers the driver in `.git/config`, adds the `.gitattributes` lines,
    /// and commits `.gitattributes` (and a new workbook's files) when they changed. Returns what it did.
    public func setUp() throws -> [String] {
        guard isClone else { throw SharingError("\(folder) is not a git clone: run `git init` there, or `workbook clone URL` for a shared one") }
        var done: [String] = []
        git.run(["config", "merge.\(Self.driverName).name", "Account Workbook: merges workbook files field by field"])
        if registeredDriver != driverCommand {
            let output = git.run(["config", "merge.\(Self.driverName).driver", driverCommand])
            guard output.succeeded else { throw SharingError("could not register the merge driver: \(output.lastLine)") }
            done.append("registered the merge driver in .git/config: \(driverCommand)")
        }
        let attributesPath = folder + "/.gitattributes"
        let existing = String(decoding: try SharedFiles.read(path: attributesPath) ?? [], as: UTF8.self)
        let lines = existing.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let missing = Self.attributeLines.filter { !lines.contains($0) }
        if !missing.isEmpty {
            var text = existing
            if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
            text += missing.joined(separator: "\n") + "\n"
            try SharedFiles.replace(path: attributesPath, with: Array(text.utf8))
            done.append("added to .gitattributes: \(missing.joined(separator: ", "))")
        }
        let toCommit = [".gitattributes", ".gitignore", "workbook.json"].filter { FileManager.default.fileExists(atPath: folder + "/" + $0) }
        if !unmergedPaths().isEmpty {
            done.append("a merge is stopped here: .gitattributes is committed by the next `workbook sync`, after `workbook repair`")
            return done
        }
        git.run(["add", "--"] + toCommit)
        if !git.run(["diff", "--cached", "--quiet"]).succeeded {
            let commit = git.run(identityArguments() + ["commit", "-m", "Share this workbook through git: merge workbook files with `workbook merge-driver`"])
            guard commit.succeeded else { throw SharingError("could not commit .gitattributes: \(commit.lastLine)") }
            done.append("committed \(toCommit.joined(separator: ", "))")
        }
        if done.isEmpty { done.append("already set up") }
        return done
    }

    /// `-c user.name=… -c user.email=…` (before the subcommand) when git has no identity, so a commit never stops.
    func identityArguments() -> [String] {
        guard git.value(["config", "user.name"]) == nil || git.value(["config", "user.email"]) == nil else { return [] }
        let name = ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "workbook"
        return ["-c", "user.name=\(git.value(["config", "user.name"]) ?? name)", "-c", "user.email=\(git.value(["config", "user.email"]) ?? name + "@localhost")"]
    }

    // MARK: Checking

    /// What `workbook check` adds in a clone.
    public struct Report: Sendable, Equatable {
        /// Stops the check (exit 1).
        public var problems: [String] = []
        /// Worth knowing.
        public var notes: [String] = []
        /// Recorded conflicts waiting in the app, by file.
        public var recordedConflicts: [String: Int] = [:]
    }

    /// Nil when the folder is not a clone (then there is nothing to add).
    public func check() -> Report? {
        guard isClone else { return nil }
        var report = Report()
        if registeredDriver == nil {
            report.problems.append("the merge driver is not set up in this clone: git would fall back to a line merge and could put <<<<<<< markers into account files; run `workbook git-setup --data \(folder)`")
        } else if attributeInEffect != Self.driverName {
            report.problems.append(".gitattributes does not send account files to the merge driver: run `workbook git-setup --data \(folder)`")
        }
        for path in unmergedPaths() {
            report.problems.append("\(path): unmerged (a merge or rebase stopped); run `workbook repair --data \(folder)`")
        }
        for path in markerFiles() {
            report.problems.append("\(path): has conflict markers; run `workbook repair --data \(folder)`")
        }
        for path in workbookFiles() {
            guard let bytes = try? SharedFiles.read(path: folder + "/" + path), let document = try? JSONParser.parse(bytes) else { continue }
            let count = document.objectValue?[JSONMerge.conflictsKey]?.arrayValue?.count ?? 0
            if count > 0 { report.recordedConflicts[path] = count }
        }
        if git.value(["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}"]) == nil {
            report.notes.append("no upstream branch: `workbook sync` commits here but has nowhere to push")
        }
        return report
    }

    /// Paths git lists as unmerged.
    public func unmergedPaths() -> [String] {
        let output = git.run(["ls-files", "-u", "-z"])
        var paths: [String] = []
        for entry in output.stdout.split(separator: "\0") {
            guard let tab = entry.firstIndex(of: "\t") else { continue }
            let path = String(entry[entry.index(after: tab)...])
            if !paths.contains(path) { paths.append(path) }
        }
        return paths
    }

    /// `workbook.json` and `accounts/*.json`, relative to the folder.
    func workbookFiles() -> [String] {
        var files = (try? ResourceFiles.listJSONFiles(in: folder + "/accounts"))?.map { "accounts/" + ($0.split(separator: "/").last.map(String.init) ?? $0) } ?? []
        if FileManager.default.fileExists(atPath: folder + "/workbook.json") { files.insert("workbook.json", at: 0) }
        return files
    }

    /// Workbook files on disk with conflict-marker lines.
    public func markerFiles() -> [String] {
        workbookFiles().filter { path in
            guard let bytes = try? SharedFiles.read(path: folder + "/" + path) else { return false }
            return FileMerge.markerLine(bytes) != nil
        }
    }

    // MARK: Repairing

    /// `workbook repair`: merges every unmerged workbook file again from git's three stages
    /// (`:1:` ancestor, `:2:` ours, `:3:` theirs) with the same merge, writes it, and marks it
    /// resolved; then lets a stopped merge or rebase go on. Returns what it did.
    public func repair() throws -> [String] {
        var done: [String] = []
        let unmerged = unmergedPaths()
        for path in unmerged {
            let kind = FileMerge.Kind(path: path)
            guard path == "workbook.json" || kind != .other else {
                done.append("\(path): not a workbook file; left for git")
                continue
            }
            let base = stage(1, path), ours = stage(2, path), theirs = stage(3, path)
            guard let ours, let theirs else {
                done.append("\(path): removed on one side; left for git (`git rm` or `git add` it)")
                continue
            }
            switch FileMerge.merge(base: base, ours: ours, theirs: theirs, kind: kind) {
            case .failure(let refusal):
                done.append("\(path): cannot be merged: \(refusal)")
            case .success(let merged):
                try SharedFiles.replace(path: folder + "/" + path, with: merged.bytes)
                git.run(["add", "--", path])
                done.append("\(path): merged again" + (merged.newConflicts.isEmpty ? "" : ", \(merged.newConflicts.count) conflict(s) recorded for the app"))
            }
        }
        for path in markerFiles() where !unmerged.contains(path) {
            done.append("\(path): has conflict markers but git holds no stages for it; restore it with `git checkout <commit> -- \(path)`")
        }
        if unmergedPaths().isEmpty {
            if gitPath("MERGE_HEAD").map({ FileManager.default.fileExists(atPath: $0) }) == true {
                let commit = git.run(identityArguments() + ["commit", "--no-edit"])
                done.append(commit.succeeded ? "finished the merge" : "could not finish the merge: \(commit.lastLine)")
            } else if ["rebase-merge", "rebase-apply"].contains(where: { gitPath($0).map { FileManager.default.fileExists(atPath: $0) } == true }) {
                let step = git.run(identityArguments() + ["rebase", "--continue"])
                done.append(step.succeeded ? "finished the rebase" : "could not finish the rebase: \(step.lastLine)")
            }
        }
        if done.isEmpty { done.append("nothing to repair") }
        return done
    }

    func stage(_ number: Int, _ path: String) -> [UInt8]? {
        let output = git.run(["show", ":\(number):\(path)"])
        return output.succeeded ? Array(output.stdout.utf8) : nil
    }

    func gitPath(_ name: String) -> String? {
        guard let path = git.value(["rev-parse", "--git-path", name]) else { return nil }
        return path.hasPrefix("/") ? path : folder + "/" + path
    }
}

/// Why a sharing command could not do its job; the message says what to do.
public struct SharingError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
