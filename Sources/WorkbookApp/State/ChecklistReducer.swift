import WorkbookModel

/// The checklist pane: moving through the selected account's commitments and changing them.
/// Every change is an account change, so it is saved at once and `u` undoes it.
enum ChecklistReducer {
    static func reduce(_ state: inout AppState, _ command: Command, environment: ReducerEnvironment) -> [Effect] {
        if command == .nextAccount || command == .previousAccount {
            // Walking a book account by account without going back to pane 1.
            AccountsReducer.move(&state, by: command == .nextAccount ? 1 : -1)
            state.checklistSelection = nil
            return []
        }
        guard let account = state.selectedAccount else { return [] }
        let ordered = ChecklistOrdering.ordered(account.commitments)
        let index = state.checklistSelection.flatMap { id in ordered.firstIndex { $0.id == id } } ?? 0
        let selected = ordered.isEmpty ? nil : ordered[min(index, ordered.count - 1)]
        switch command {
        case .moveDown: select(ordered, index + 1, &state)
        case .moveUp: select(ordered, index - 1, &state)
        case .moveFirst: select(ordered, 0, &state)
        case .moveLast: select(ordered, ordered.count - 1, &state)
        case .pageDown: select(ordered, index + 10, &state)
        case .pageUp: select(ordered, index - 10, &state)
        case .add:
            state.modal = .form(CommitmentForm.new(for: account, side: selected?.side ?? .intention, owner: state.userName, today: state.today))
        case .edit, .open:
            if let selected { state.modal = .form(CommitmentForm.editing(selected, in: account)) }
        case .addEvidence:
            if let selected { state.modal = .form(CommitmentForm.editing(selected, in: account, focusing: CommitmentForm.evidenceKey)) }
        case .delete:
            if let selected { state.modal = .confirmDeleteCommitment(account.id, selected.id) }
        case .mark(let status):
            guard var commitment = selected else { return [] }
            commitment.mark(status, on: state.today)
            let effects = change(commitment, in: account, label: "mark \u{201C}\(commitment.text)\u{201D} \(status.title.lowercased())", &state)
            // Mark and move on, like a mail reader: the cursor goes to the row that followed, wherever the marked one sorted to.
            if index + 1 < ordered.count { state.checklistSelection = ordered[index + 1].id }
            return effects
        case .markReviewed:
            guard var commitment = selected else { return [] }
            commitment.lastReviewed = state.today
            return change(commitment, in: account, label: "review \u{201C}\(commitment.text)\u{201D}", &state)
        case .openTemplates:
            state.modal = .templates(TemplatePicker(account: account, templates: state.templates))
        case .startReview:
            let queue = ChecklistOrdering.reviewQueue(account.commitments)
            if queue.isEmpty {
                state.message = StatusMessage("Nothing to review: every commitment is settled and reviewed.")
            } else {
                state.modal = .review(ReviewWalk(accountID: account.id, queue: queue))
            }
        default:
            break
        }
        return []
    }

    private static func select(_ ordered: [Commitment], _ index: Int, _ state: inout AppState) {
        guard !ordered.isEmpty else { return }
        state.checklistSelection = ordered[max(0, min(index, ordered.count - 1))].id
    }

    /// Replaces one commitment of `account` as an undoable, saved change.
    static func change(_ commitment: Commitment, in account: Account, label: String, _ state: inout AppState) -> [Effect] {
        var after = account
        after.upsert(commitment)
        return commit(after, replacing: account, selecting: commitment.id, label: label, &state)
    }

    /// Records `after` as one undoable change of the account and says what happened.
    static func commit(_ after: Account, replacing account: Account, selecting id: CommitmentID?, label: String, _ state: inout AppState) -> [Effect] {
        guard let effects = AccountsReducer.record(after, replacing: account, label: label, &state) else { return [] }
        if let id { state.checklistSelection = id }
        return effects
    }

    static func submit(_ form: EditorForm, accountID: AccountID, _ state: inout AppState, _ environment: ReducerEnvironment) -> [Effect] {
        guard let account = state.accounts[accountID] else {
            state.modal = nil
            return []
        }
        var base: Commitment?
        if case .editCommitment(_, let id) = form.purpose { base = account.commitment(id) }
        let id = base?.id ?? environment.newCommitmentID()
        switch CommitmentForm.makeCommitment(from: form.state, id: id, base: base, today: state.today) {
        case .invalid(let errors):
            FormReducer.reject(form, errors: errors, &state)
            return []
        case .valid(let commitment):
            state.modal = nil
            if commitment == base {
                state.message = StatusMessage("No changes.")
                return []
            }
            var after = account
            after.upsert(commitment)
            // The first commitment recorded dates the first meeting, the default for the next ones.
            if after.firstMeeting == nil { after.firstMeeting = commitment.madeOn }
            let label = (base == nil ? "add " : "edit ") + "\u{201C}\(commitment.text)\u{201D}"
            return commit(after, replacing: account, selecting: commitment.id, label: label, &state)
        }
    }

    static func confirmDelete(_ state: inout AppState, accountID: AccountID, id: CommitmentID, command: Command) -> [Effect] {
        ConfirmationReducer.answer(command, &state, declined: "Nothing deleted.") { state in
            guard let account = state.accounts[accountID], let commitment = account.commitment(id) else { return [] }
            var after = account
            after.commitments.removeAll { $0.id == id }
            let effects = commit(after, replacing: account, selecting: nil, label: "delete \u{201C}\(commitment.text)\u{201D}", &state)
            state.message = StatusMessage("Deleted \u{201C}\(commitment.text)\u{201D} — u undoes.")
            return effects
        }
    }
}
