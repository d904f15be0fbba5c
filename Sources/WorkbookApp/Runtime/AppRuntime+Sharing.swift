import WorkbookModel

/// What the executable lends the runtime for sharing through git: both run git as subprocesses
/// (WorkbookSync) while this app holds the workbook lock, and report in one line.
public struct SharingHooks: Sendable {
    /// Commit, pull, push; `progress` receives each step ("pulling").
    public var sync: @Sendable (_ progress: (String) -> Void) -> (succeeded: Bool, summary: String)
    /// Merge unmerged files again from git's three stages.
    public var repair: @Sendable () -> (succeeded: Bool, summary: String)

    public init(sync: @escaping @Sendable (_ progress: (String) -> Void) -> (succeeded: Bool, summary: String),
                repair: @escaping @Sendable () -> (succeeded: Bool, summary: String)) {
        self.sync = sync
        self.repair = repair
    }
}

extension AppRuntime {
    /// Runs a sync or a repair with its progress on the status line, then reloads what git changed.
    func runSharing(_ effect: Effect) -> [AppAction] {
        guard let sharing else { return [.warning("This workbook is not shared through git.")] }
        let outcome: (succeeded: Bool, summary: String)
        if case .sync = effect {
            outcome = sharing.sync { [self] step in
                send(.info("Syncing: \(step)…"))
                drawFrame()
            }
        } else {
            send(.info("Repairing from git…"))
            drawFrame()
            outcome = sharing.repair()
        }
        var actions: [AppAction] = []
        var changes = outsideChanges(takeTheirs: false) ?? OutsideChanges()
        // Files that could not be read (conflict markers) are not watched: read them again after git touched them.
        for problem in state.problems where problem.file.hasPrefix("accounts/") && problem.file.hasSuffix(".json") {
            let id = AccountID(String(problem.file.dropFirst("accounts/".count).dropLast(".json".count)))
            guard !changes.reloaded.contains(where: { $0.id == id }), let account = try? store?.reload(id) else { continue }
            changes.reloaded.append(account)
        }
        if !changes.isEmpty { actions.append(.outsideChanges(changes)) }
        let first = outcome.summary.prefix(1).uppercased() + outcome.summary.dropFirst()
        actions.append(outcome.succeeded ? .info(first) : .warning("Sync failed: " + outcome.summary))
        return actions
    }
}
