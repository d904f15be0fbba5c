import WorkbookModel

/// The accounts pane: moving through the list, and adding, editing, deleting, undoing.
enum AccountsReducer {
    static func reduce(_ state: inout AppState, _ command: Command, environment: ReducerEnvironment) -> [Effect] {
        let rows = ScreenLayout(size: state.screenSize).listRows
        switch command {
        case .moveDown: move(&state, by: 1)
        case .moveUp: move(&state, by: -1)
        case .pageDown: move(&state, by: rows)
        case .pageUp: move(&state, by: -rows)
        case .moveFirst: move(&state, by: -state.visible.count)
        case .moveLast: move(&state, by: state.visible.count)
        case .add:
            state.modal = .form(AccountForm.new(ownedBy: state.userName))
        case .edit, .open:
            if let account = state.selectedAccount { state.modal = .form(AccountForm.editing(account)) }
        case .delete:
            if let id = state.selectedID { state.modal = .confirmDelete(id) }
        case .startFilter:
            state.isEditingFilter = true
            state.filterInput = TextInput(state.filter)
        case .cycleSort:
            state.sort = state.sort.next
            state.refreshVisible()
            keepSelectionVisible(&state)
            state.message = StatusMessage("Sorted by \(state.sort.title).")
        case .showDetails:
            state.showSelected()
        case .switchAccountsView:
            return switchView(&state)
        case .undo:
            return undo(&state)
        case .redo:
            return redo(&state)
        default:
            break
        }
        return []
    }

    static func move(_ state: inout AppState, by offset: Int) {
        guard !state.visible.isEmpty else { return }
        let current = state.selectedIndex ?? 0
        let target = min(max(0, current + offset), state.visible.count - 1)
        state.selectedID = state.visible[target]
        keepSelectionVisible(&state)
    }

    /// Scrolls the list just enough that the selected row is on screen.
    static func keepSelectionVisible(_ state: inout AppState) {
        let rows = ScreenLayout(size: state.screenSize).listRows
        let index = state.selectedIndex ?? 0
        if index < state.listTop { state.listTop = index }
        if index >= state.listTop + rows { state.listTop = index - rows + 1 }
        state.listTop = max(0, min(state.listTop, max(0, state.visible.count - rows)))
    }

    /// Records and applies a change: the state shows it at once, the save effect writes it.
    static func apply(_ change: AccountChange, to state: inout AppState, select: Bool = true) -> [Effect] {
        state.setWhole(change.after)
        state.undoStack.append(change)
        state.redoStack.removeAll()
        state.refreshVisible(changed: [change.after.id])
        if select, !change.after.isArchived, state.isVisible(change.after.id) {
            state.selectedID = change.after.id
            state.showSelected()
        }
        keepSelectionVisible(&state)
        return [.save(change.after)]
    }

    /// Records `after` as one undoable, saved change of `account` and says what was done; nil when nothing changed.
    static func record(_ after: Account, replacing account: Account, label: String, _ state: inout AppState) -> [Effect]? {
        if after == account { return nil }
        state.message = StatusMessage(ActionLabel.done(label))
        return apply(AccountChange(before: account, after: after, label: label), to: &state)
    }

    static func confirmDelete(_ state: inout AppState, id: AccountID, command: Command) -> [Effect] {
        ConfirmationReducer.answer(command, &state, declined: "Nothing deleted.") { state in
            guard var account = state.accounts[id] else { return [] }
            let before = account
            let index = state.selectedIndex ?? 0
            account.archived = ArchiveMark(on: state.today, by: state.userName)
            let effects = [Effect.backup([id], reason: "before archiving \(account.name)")]
                + apply(AccountChange(before: before, after: account, label: "delete \u{201C}\(account.name)\u{201D}"), to: &state, select: false)
            if !state.visible.isEmpty { state.selectedID = state.visible[min(index, state.visible.count - 1)] }
            if state.shownID == id { state.showSelected() }
            keepSelectionVisible(&state)
            state.message = StatusMessage("Deleted \u{201C}\(account.name)\u{201D} (archived in its file) — u undoes.")
            return effects
        }
    }

    static func undo(_ state: inout AppState) -> [Effect] {
        guard let change = state.undoStack.popLast() else { return [] }
        var restored: Account
        if let before = change.before {
            restored = before
        } else {
            restored = change.after
            restored.archived = ArchiveMark(on: state.today, by: state.userName)
        }
        if !restored.isArchived, let clash = nameClash(restored, in: state) {
            state.undoStack.append(change)
            state.message = StatusMessage("Can't undo: another account is now called \u{201C}\(clash.name)\u{201D}.", kind: .warning)
            return []
        }
        state.setWhole(restored)
        state.redoStack.append(change)
        state.refreshVisible(changed: [restored.id])
        if !restored.isArchived || state.shownID == restored.id {
            if !restored.isArchived { state.selectedID = restored.id }
            state.showSelected()
        }
        keepSelectionVisible(&state)
        state.message = StatusMessage("Undid: \(change.label).")
        return [.save(restored)]
    }

    static func redo(_ state: inout AppState) -> [Effect] {
        guard let change = state.redoStack.popLast() else { return [] }
        if !change.after.isArchived, let clash = nameClash(change.after, in: state) {
            state.redoStack.append(change)
            state.message = StatusMessage("Can't redo: another account is now called \u{201C}\(clash.name)\u{201D}.", kind: .warning)
            return []
        }
        state.setWhole(change.after)
        state.undoStack.append(change)
        state.refreshVisible(changed: [change.after.id])
        if !change.after.isArchived || state.shownID == change.after.id {
            if !change.after.isArchived { state.selectedID = change.after.id }
            state.showSelected()
        }
        keepSelectionVisible(&state)
        state.message = StatusMessage("Redid: \(change.label).")
        return [.save(change.after)]
    }

    /// Compact view (names, details shown with →) or table view (columns, details following): the
    /// user's choice, remembered for the next start unless `view.json` could not be read.
    static func switchView(_ state: inout AppState) -> [Effect] {
        state.accountsView = state.accountsView == .compact ? .table : .compact
        state.showSelected()
        keepSelectionVisible(&state)
        let said = state.accountsView == .table
            ? "Table view: every column that fits, and the details follow the selection."
            : "Compact view: names and health; → shows an account's details."
        guard state.canRememberView else {
            state.message = StatusMessage(said + " For this session only: view.json could not be read, and is left as it is.", kind: .warning)
            return []
        }
        state.message = StatusMessage(said + " v switches back.")
        return [.rememberView(state.accountsView)]
    }

    private static func nameClash(_ account: Account, in state: AppState) -> Account? {
        state.liveAccounts(withNameKey: AccountRules.nameKey(account.name)).first { $0.id != account.id }
    }
}
