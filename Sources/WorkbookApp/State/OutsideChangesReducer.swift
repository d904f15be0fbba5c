import WorkbookModel

/// Files changed under the app: reload what is safe to reload, and say what could not be.
enum OutsideChangesReducer {
    static func apply(_ changes: OutsideChanges, to state: inout AppState) {
        for account in changes.reloaded {
            state.accounts[account.id] = account
            forget(account.id, in: &state)
        }
        for id in changes.removed {
            state.accounts.removeValue(forKey: id)
            forget(id, in: &state)
        }
        for problem in changes.problems where !state.problems.contains(problem) { state.problems.append(problem) }
        state.refreshVisible()
        AccountsReducer.keepSelectionVisible(&state)
        if let first = changes.conflicting.first {
            let name = state.accounts[first]?.name ?? first.rawValue
            state.message = StatusMessage(
                "\u{201C}\(name)\u{201D} changed on disk while your change to it is unsaved. Ctrl-L loads the version on disk (yours is dropped).",
                kind: .error)
        } else if !changes.reloaded.isEmpty || !changes.removed.isEmpty {
            let names = changes.reloaded.map(\.name).sorted()
            let what = names.count == 1 ? "\u{201C}\(names[0])\u{201D}" : "\(names.count + changes.removed.count) accounts"
            state.message = StatusMessage("Reloaded \(what): changed on disk (a git pull, an editor).")
        }
    }

    /// A reloaded account's pending change and history no longer apply: undoing would write an old version over the new one.
    private static func forget(_ id: AccountID, in state: inout AppState) {
        state.unsaved.remove(id)
        state.undoStack.removeAll { $0.after.id == id }
        state.redoStack.removeAll { $0.after.id == id }
    }
}
