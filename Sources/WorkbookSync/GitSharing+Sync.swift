import Foundation
import WorkbookMerge
import WorkbookModel
import WorkbookStorage

extension GitSharing {
    /// How a sync ended, in one line for the status bar and the command line.
    public struct SyncOutcome: Sendable, Equatable {
        public var succeeded: Bool
        public var summary: String
        /// Files the pull changed (relative paths), so the app can reload them.
        public var changedFiles: [String] = []
    }

    /// How many times a push is retried after the remote moved in between.
    static let attempts = 5

    /// `workbook sync`: commit this rep's changes, pull (the driver merges), push; pull again and
    /// retry when someone pushed in between. The caller holds the workbook lock. A pull that stops
    /// is repaired from git's stages or aborted, so the clone is never left half-merged.
    public func sync(author: String, progress: (String) -> Void = { _ in }) -> SyncOutcome {
        guard isClone else { return SyncOutcome(succeeded: false, summary: "not a git clone: use `workbook clone URL` or `workbook git-setup`") }
        guard registeredDriver != nil else {
            return SyncOutcome(succeeded: false, summary: "the merge driver is not set up in this clone: run `workbook git-setup` first")
        }
        if !unmergedPaths().isEmpty {
            progress("repairing a stopped merge")
            _ = try? repair()
            guard unmergedPaths().isEmpty else { return SyncOutcome(succeeded: false, summary: "files are still unmerged: run `workbook repair`") }
        }
        progress("committing")
        let committed: Bool
        switch commitChanges(author: author) {
        case .failure(let error): return SyncOutcome(succeeded: false, summary: error.description)
        case .success(let made): committed = made
        }
        guard let branch = git.value(["symbolic-ref", "--short", "HEAD"]) else {
            return SyncOutcome(succeeded: false, summary: "not on a branch (detached HEAD): check out the shared branch first")
        }
        if git.value(["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}"]) == nil {
            guard git.value(["remote"])?.split(separator: "\n").contains("origin") == true else {
                return SyncOutcome(succeeded: true, summary: committed ? "committed locally; no remote to sync with" : "nothing to sync: no changes and no remote")
            }
            progress("fetching")
            _ = git.run(["fetch", "origin"])
            if git.value(["rev-parse", "--verify", "--quiet", "refs/remotes/origin/\(branch)"]) != nil {
                git.run(["branch", "--set-upstream-to=origin/\(branch)"])
            } else {
                progress("pushing")
                let push = git.run(["push", "-u", "origin", "HEAD"])
                return push.succeeded
                    ? SyncOutcome(succeeded: true, summary: "synced: published the workbook as origin/\(branch)")
                    : SyncOutcome(succeeded: false, summary: "push failed: \(push.lastLine)")
            }
        }
        let before = git.value(["rev-parse", "HEAD"])
        let rebase = git.value(["config", "--bool", "pull.rebase"]) == "true"
        for attempt in 1...Self.attempts {
            progress(attempt == 1 ? "pulling" : "pulling again (attempt \(attempt))")
            if let failure = pull(rebase: rebase) { return SyncOutcome(succeeded: false, summary: failure) }
            let ahead = Int(git.value(["rev-list", "--count", "@{u}..HEAD"]) ?? "0") ?? 0
            if ahead == 0 { return finished(before: before, sent: false) }
            progress("pushing")
            let push = git.run(["push"])
            if push.succeeded { return finished(before: before, sent: true) }
            let text = push.stderr
            guard text.contains("rejected") || text.contains("fetch first") || text.contains("non-fast-forward") else {
                return SyncOutcome(succeeded: false, summary: "push failed: \(push.lastLine)")
            }
        }
        return SyncOutcome(succeeded: false, summary: "the remote kept moving: \(Self.attempts) pushes were rejected; try again")
    }

    /// Commits everything but ignored files; true when a commit was made.
    func commitChanges(author: String) -> Result<Bool, SharingError> {
        git.run(["add", "-A", "--", "."])
        if git.run(["diff", "--cached", "--quiet"]).succeeded { return .success(false) }
        let changed = git.run(["diff", "--cached", "--name-only", "-z"]).stdout.split(separator: "\0").map(String.init)
        let commit = git.run(identityArguments() + ["commit", "-m", Self.message(author: author, changed: changed, names: accountNames(changed))])
        return commit.succeeded ? .success(true) : .failure(SharingError("commit failed: \(commit.lastLine)"))
    }

    /// "Workbook sync by Dana Wu: 2 accounts (Acme Corp, Fjord Foods)".
    static func message(author: String, changed: [String], names: [String]) -> String {
        let accounts = changed.filter { $0.hasPrefix("accounts/") }.count
        var parts: [String] = []
        if accounts > 0 {
            let shown = names.prefix(3).joined(separator: ", ") + (names.count > 3 ? " and \(names.count - 3) more" : "")
            parts.append("\(accounts) account\(accounts == 1 ? "" : "s")" + (shown.isEmpty ? "" : " (\(shown))"))
        }
        let others = changed.filter { !$0.hasPrefix("accounts/") }
        if !others.isEmpty { parts.append(others.joined(separator: ", ")) }
        return "Workbook sync by \(author.isEmpty ? "a teammate" : author): " + parts.joined(separator: "; ")
    }

    func accountNames(_ paths: [String]) -> [String] {
        paths.filter { $0.hasPrefix("accounts/") }.compactMap { path in
            guard let bytes = try? SharedFiles.read(path: folder + "/" + path), let document = try? JSONParser.parse(bytes) else { return nil }
            return document.objectValue?["name"]?.stringValue
        }.sorted()
    }

    /// Nil on success; a stopped pull is repaired from the stages, else aborted.
    func pull(rebase: Bool) -> String? {
        let pull = git.run(identityArguments() + ["pull", "--no-edit", rebase ? "--rebase" : "--no-rebase"])
        if pull.succeeded { return nil }
        if !unmergedPaths().isEmpty {
            _ = try? repair()
            if unmergedPaths().isEmpty, !inProgress() { return nil }
        }
        if inProgress() {
            git.run(rebase ? ["rebase", "--abort"] : ["merge", "--abort"])
            return "pull stopped and was undone (\(pull.lastLine)); nothing was lost: run `workbook check`"
        }
        return "pull failed: \(pull.lastLine)"
    }

    /// True while a merge or rebase is half-way.
    public func inProgress() -> Bool {
        ["MERGE_HEAD", "rebase-merge", "rebase-apply"].contains { gitPath($0).map { FileManager.default.fileExists(atPath: $0) } == true }
    }

    func finished(before: String?, sent: Bool) -> SyncOutcome {
        let changed = before.map { git.run(["diff", "--name-only", "-z", $0, "HEAD"]).stdout.split(separator: "\0").map(String.init) } ?? []
        let accounts = changed.filter { $0.hasPrefix("accounts/") }.count
        var parts = [sent ? "sent your changes" : "nothing to send"]
        parts.append(accounts == 0 ? "nothing new from the team" : "\(accounts) account\(accounts == 1 ? "" : "s") updated from the team")
        let conflicts = changed.reduce(0) { total, path in
            guard let bytes = try? SharedFiles.read(path: folder + "/" + path), let document = try? JSONParser.parse(bytes) else { return total }
            return total + (document.objectValue?[JSONMerge.conflictsKey]?.arrayValue?.count ?? 0)
        }
        if conflicts > 0 { parts.append("\(conflicts) conflict\(conflicts == 1 ? "" : "s") to resolve") }
        return SyncOutcome(succeeded: true, summary: "synced: " + parts.joined(separator: ", "), changedFiles: changed)
    }
}
