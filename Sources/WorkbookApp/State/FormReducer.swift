import WorkbookModel

/// Any open form: moving between fields, typing, choosing, then saving through the form's purpose, or cancelling.
enum FormReducer {
    static func reduce(_ state: inout AppState, _ command: Command, environment: ReducerEnvironment) -> [Effect] {
        guard case .form(var form) = state.modal else { return [] }
        if changesField(command, form), PresentingMask.maskedKeys(form, in: state).contains(form.state.focusedField.key) {
            // Typing blind into a hidden value would change what nobody in the room may see.
            state.message = StatusMessage(PresentingMask.refusedEdit, kind: .warning)
            return []
        }
        switch command {
        case .nextField: form.state.focusNext()
        case .previousField: form.state.focusPrevious()
        case .fieldLeft: form.state.step(forward: false)
        case .fieldRight: form.state.step(forward: true)
        case .text(let edit): form.state.edit(edit)
        case .cancel, .backOut:
            if form.hasChanges {
                state.modal = .confirmDiscard(form)
                return []
            }
            state.modal = nil
            switch form.purpose {
            case .addAccount, .addCommitment, .addPerson, .addObjective, .addMilestone, .addProductLine, .addJournalEntry,
                 .reviewDecision, .reviewAction:
                state.message = StatusMessage("Discarded; nothing was added.")
            case .startAccountReview: state.message = StatusMessage("No review started.")
            default: state.message = StatusMessage("Edit cancelled; nothing changed.")
            }
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

    /// True for the keys that change the focused field's value (a choice steps with ← → and Space).
    private static func changesField(_ command: Command, _ form: EditorForm) -> Bool {
        switch command {
        case .text: return true
        case .fieldLeft, .fieldRight: return form.state.focusedField.isChoice
        default: return false
        }
    }

    private static func submit(_ form: EditorForm, _ state: inout AppState, _ environment: ReducerEnvironment) -> [Effect] {
        switch form.purpose {
        case .addAccount, .editAccount:
            return submitAccount(form, &state, environment)
        case .addCommitment(let accountID), .editCommitment(let accountID, _):
            return ChecklistReducer.submit(form, accountID: accountID, &state, environment)
        case .addPerson, .editPerson, .editRole, .addObjective, .editObjective, .coverage:
            return InfluenceMapReducer.submit(form, &state, environment)
        case .editRelationship, .editElement, .addMilestone, .editMilestone, .addProductLine, .editProductLine, .addJournalEntry,
             .editJournalEntry, .handOver, .editOwnerRecord, .partnershipStatement:
            return RelationshipReducer.submit(form, &state, environment)
        case .resolveConflict(let accountID, let conflictID):
            return MergeConflictsReducer.submit(form, accountID: accountID, conflictID: conflictID, &state)
        case .startAccountReview, .reviewDecision, .reviewAction, .closeReviewAction, .saveReviewList:
            return AccountReviewReducer.submit(form, &state, environment)
        }
    }

    /// The answer to "discard the changes?": y discards, n or Esc returns to the form as it was.
    static func confirmDiscard(_ state: inout AppState, _ form: EditorForm, _ command: Command) -> [Effect] {
        if command == .cancel || command == .backOut {
            state.modal = .form(form)
            return []
        }
        return ConfirmationReducer.answer(command, &state, declined: "") { state in
            state.message = StatusMessage("Changes discarded.")
            return []
        }
    }

    /// Keeps the form open with its problems shown and named in the status line.
    static func reject(_ form: EditorForm, errors: [String: String], _ state: inout AppState) {
        var form = form
        form.state.fail(with: errors)
        state.modal = .form(form)
        state.message = StatusMessage("Not saved yet — \(form.state.firstError ?? "fix the marked fields")", kind: .warning)
    }

    private static func submitAccount(_ form: EditorForm, _ state: inout AppState, _ environment: ReducerEnvironment) -> [Effect] {
        let base: Account?
        let id: AccountID
        if case .editAccount(let existing) = form.purpose {
            id = existing
            base = state.accounts[existing]
        } else {
            id = environment.newAccountID()
            base = nil
        }
        // Only accounts with the same name key can clash; looking them up keeps a save from scanning the territory.
        let name = base.map { form.state.isChanged(AccountField.name.rawValue) ? form.state.text(AccountField.name.rawValue) : $0.name }
            ?? form.state.text(AccountField.name.rawValue)
        let others = state.liveAccounts(withNameKey: AccountRules.nameKey(name.trimmingWhitespace()))
        switch AccountForm.makeAccount(from: form.state, id: id, base: base, among: others, today: state.today) {
        case .invalid(let errors):
            reject(form, errors: errors, &state)
            return []
        case .valid(var account):
            state.modal = nil
            // A new owner is a handover: the history records it, so an inherited account keeps its story.
            let handedOver = base.map { !$0.owner.isEmpty && !account.owner.isEmpty && $0.owner != account.owner } ?? false
            if handedOver, let base {
                let newOwner = account.owner
                account.owner = base.owner
                account.handOver(to: newOwner, on: state.today, note: "", ids: environment.newEntityID)
            }
            if let base, base == account {
                state.message = StatusMessage("No changes.")
                return []
            }
            let label = base == nil ? "add \u{201C}\(account.name)\u{201D}" : "edit \u{201C}\(account.name)\u{201D}"
            let effects = AccountsReducer.apply(AccountChange(before: base, after: account, label: label), to: &state)
            if !state.isVisible(account.id) {
                state.message = StatusMessage("\(base == nil ? "Added" : "Saved") \u{201C}\(account.name)\u{201D} — hidden by the filter; Esc clears it.")
            } else {
                state.message = StatusMessage(base == nil ? "Added \u{201C}\(account.name)\u{201D}." : "Saved \u{201C}\(account.name)\u{201D}.")
            }
            if handedOver {
                state.message = StatusMessage("Saved \u{201C}\(account.name)\u{201D}: handed over to \(account.owner). Pane 5 shows the history; e on it adds a handover note.")
            }
            if account.stage == .partner, base?.stage != .partner { RelationshipReducer.announcePartner(&state) }
            return effects
        }
    }
}
