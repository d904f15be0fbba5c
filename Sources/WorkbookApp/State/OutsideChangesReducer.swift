import WorkbookModel
import WorkbookStorage

/// Files changed under the app: reload what is safe to reload, and say what could not be.
enum OutsideChangesReducer {
    static func apply(_ changes: OutsideChanges, to state: inout AppState) {
        for account in changes.reloaded {
            state.setWhole(account)
            forget(account.id, in: &state)
            // A file that could not be read before (markers a repair removed) reads well now.
            state.problems.removeAll { $0.file == "accounts/" + AccountFileFormat.fileName(for: account.id) }
        }
        for id in changes.removed {
            state.accounts.removeValue(forKey: id)
            state.summaryOnly.remove(id)
            state.digests.removeValue(forKey: id)
            forget(id, in: &state)
            // A damaged file that is gone is no longer a problem.
            state.problems.removeAll { $0.file == "accounts/" + AccountFileFormat.fileName(for: id) }
        }
        for problem in changes.problems { state.note(problem) }
        state.refreshVisible(changed: changes.reloaded.map(\.id) + changes.removed)
        AccountsReducer.keepSelectionVisible(&state)
        for id in changes.conflicting { state.conflicts.insert(id) }
        if let first = changes.conflicting.first {
            let name = state.accounts[first]?.name ?? first.rawValue
            state.message = StatusMessage(
                "\u{201C}\(name)\u{201D} changed on disk and here. Ctrl-L: take theirs or keep yours.",
                kind: .error)
        } else if let editing = editedAccount(state), changes.reloaded.contains(where: { $0.id == editing }) {
            let name = state.accounts[editing]?.name ?? ""
            state.message = StatusMessage("\u{201C}\(name)\u{201D} changed on disk while you edit it: saving writes only the fields you change.", kind: .warning)
        } else if !changes.reloaded.isEmpty || !changes.removed.isEmpty {
            var parts: [String] = []
            let names = changes.reloaded.map(\.name).sorted()
            if names.count == 1 { parts.append("reloaded \u{201C}\(names[0])\u{201D}") }
            if names.count > 1 { parts.append("reloaded \(names.count) accounts") }
            if !changes.removed.isEmpty {
                parts.append("\(changes.removed.count) account\(changes.removed.count == 1 ? " was" : "s were") removed")
            }
            let text = parts.joined(separator: ", ")
            state.message = StatusMessage(text.prefix(1).uppercased() + text.dropFirst() + ": changed on disk (a git pull, an editor).")
        }
    }

    /// The account an open form is editing, if any.
    private static func editedAccount(_ state: AppState) -> AccountID? {
        guard case .form(let form) = state.modal else { return nil }
        if case .addAccount = form.purpose { return nil }
        return form.purpose.accountID
    }

    /// A reloaded account's pending change and history no longer apply: undoing would write an old version over the new one.
    private static func forget(_ id: AccountID, in state: inout AppState) {
        state.unsaved.remove(id)
        state.conflicts.remove(id)
        state.undoStack.removeAll { $0.after.id == id }
        state.redoStack.removeAll { $0.after.id == id }
    }
}
