import WorkbookModel

/// The add/edit form: moving between fields, typing, choosing the stage, saving or cancelling.
enum FormReducer {
    static func reduce(_ state: inout AppState, _ command: Command, environment: ReducerEnvironment) -> [Effect] {
        guard case .form(var form) = state.modal else { return [] }
        switch command {
        case .nextField: form.focusNext()
        case .previousField: form.focusPrevious()
        case .fieldLeft, .fieldRight:
            let forward = command == .fieldRight
            if AccountForm.choiceFields.contains(form.focused) {
                form.cycleStage(forward: forward)
            } else {
                form.edit(forward ? .moveRight : .moveLeft)
            }
        case .text(let edit):
            if AccountForm.choiceFields.contains(form.focused) {
                if case .insert(" ") = edit { form.cycleStage(forward: true) }
            } else {
                form.edit(edit)
            }
        case .cancel, .backOut:
            state.modal = nil
            state.message = StatusMessage(form.purpose == .add ? "New account discarded." : "Edit cancelled; nothing changed.")
            return []
        case .interrupt:
            state.shouldQuit = true
            return [.quit]
        case .submitForm:
            return submit(form, &state, environment)
        default:
            break
        }
        state.modal = .form(form)
        return []
    }

    private static func submit(_ form: AccountForm, _ state: inout AppState, _ environment: ReducerEnvironment) -> [Effect] {
        var form = form
        let base: Account?
        let id: AccountID
        switch form.purpose {
        case .add:
            id = environment.newAccountID()
            base = nil
        case .edit(let existing):
            id = existing
            base = state.accounts[existing]
        }
        switch form.makeAccount(id: id, base: base, among: state.liveAccounts, today: state.today) {
        case .invalid(let errors):
            form.errors = errors
            form.focused = AccountField.allCases.first { errors[$0] != nil } ?? form.focused
            state.modal = .form(form)
            state.message = StatusMessage("Not saved yet — \(errors[form.focused] ?? "fix the marked fields")", kind: .warning)
            return []
        case .valid(let account):
            state.modal = nil
            if let base, base == account {
                state.message = StatusMessage("No changes.")
                return []
            }
            let label = base == nil ? "add \u{201C}\(account.name)\u{201D}" : "edit \u{201C}\(account.name)\u{201D}"
            let effects = AccountsReducer.apply(AccountChange(before: base, after: account, label: label), to: &state)
            if !state.visible.contains(account.id) {
                state.message = StatusMessage("Saved \u{201C}\(account.name)\u{201D} — hidden by the filter; Esc clears it.")
            } else {
                state.message = StatusMessage(base == nil ? "Added \u{201C}\(account.name)\u{201D}." : "Saved \u{201C}\(account.name)\u{201D}.")
            }
            return effects
        }
    }
}
