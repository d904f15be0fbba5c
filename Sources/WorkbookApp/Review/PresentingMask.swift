import WorkbookModel

/// Presenting to a room: a copy of the state in which every field marked sensitive is replaced by a
/// mask before anything is drawn, so no view, form or picker can put it in the grid. The real state
/// is untouched: saving, export and undo work on the real data.
enum PresentingMask {
    /// What stands in for hidden text.
    static let hiddenText = PresentingText.mask + " hidden while presenting"

    /// The state as the screen may show it; the state itself when presenting is off.
    static func apply(_ state: AppState) -> AppState {
        guard state.isPresenting else { return state }
        let sensitive = state.settings.review.sensitive
        var masked = state
        for id in shownInDetail(state) {
            if let account = state.accounts[id] { masked.accounts[id] = mask(account, sensitive) }
        }
        switch state.modal {
        case .form(let form): masked.modal = .form(mask(form, state))
        case .confirmDiscard(let form): masked.modal = .confirmDiscard(mask(form, state))
        default: break
        }
        return masked
    }

    /// The accounts whose details any view can draw: the selected one, the one in the compact view's
    /// details pane, the review's current one, and the one an open form edits. Lists and the book show other accounts only by name and figures;
    /// masking just these keeps a frame cheap with 10,000 accounts. A view that shows another
    /// account's people, journal or partnership must add it here (the presenting tests walk every pane).
    static func shownInDetail(_ state: AppState) -> Set<AccountID> {
        var ids = Set<AccountID>()
        if let id = state.selectedID { ids.insert(id) }
        // The compact view's details pane shows the account last shown, which may not be the selected one.
        if let id = state.shownID { ids.insert(id) }
        if let id = state.accountReview?.currentID { ids.insert(id) }
        switch state.modal {
        case .form(let form), .confirmDiscard(let form):
            if let id = form.purpose.accountID { ids.insert(id) }
        default:
            break
        }
        return ids
    }

    static func mask(_ account: Account, _ sensitive: Set<SensitiveField>) -> Account {
        var account = account
        if sensitive.contains(.accountNotes) { account.notes = hide(account.notes) }
        for index in account.people.indices {
            if sensitive.contains(.personNotes) { account.people[index].notes = hide(account.people[index].notes) }
            if sensitive.contains(.hotButtons) { account.people[index].hotButtons = hide(account.people[index].hotButtons) }
            if sensitive.contains(.coldButtons) { account.people[index].coldButtons = hide(account.people[index].coldButtons) }
        }
        if sensitive.contains(.personalWins) {
            for index in account.influences.indices { account.influences[index].win = hide(account.influences[index].win) }
        }
        let hiddenKinds = hiddenJournalKinds(sensitive)
        for index in account.journal.indices where hiddenKinds.contains(account.journal[index].kind) {
            account.journal[index].text = hide(account.journal[index].text)
        }
        if sensitive.contains(.handoverNotes) {
            for index in account.ownerHistory.indices { account.ownerHistory[index].handoverNote = hide(account.ownerHistory[index].handoverNote) }
        }
        if sensitive.contains(.partnershipNotes) {
            for (element, sides) in account.partnership.assessments {
                for (side, assessment) in sides {
                    account.partnership.assessments[element]?[side]?.note = hide(assessment.note)
                }
            }
        }
        return account
    }

    static func hiddenJournalKinds(_ sensitive: Set<SensitiveField>) -> Set<JournalKind> {
        Set(sensitive.compactMap(\.journalKind))
    }

    /// Form fields holding a sensitive value show the mask, whatever is typed into them.
    static func mask(_ form: EditorForm, _ state: AppState) -> EditorForm {
        var form = form
        let keys = maskedKeys(form, in: state)
        for index in form.state.fields.indices where keys.contains(form.state.fields[index].key) {
            switch form.state.fields[index].value {
            case .text(let input):
                form.state.fields[index].value = .text(TextInput(hide(input.text)))
            case .choice(let options, let selected):
                form.state.fields[index].value = .choice(options: options.map { _ in PresentingText.mask }, selected: selected)
            }
        }
        return form
    }

    /// The fields of an open form that are masked while presenting, judged on the real data: a
    /// journal entry stored as a pricing story stays masked when the form's kind is changed to
    /// something else, and one whose kind is set to a hidden kind is masked from then on.
    static func maskedKeys(_ form: EditorForm, in state: AppState) -> Set<String> {
        guard state.isPresenting else { return [] }
        let sensitive = state.settings.review.sensitive
        var keys = sensitiveKeys(form.purpose, sensitive)
        let hiddenKinds = hiddenJournalKinds(sensitive)
        switch form.purpose {
        case .addJournalEntry, .editJournalEntry:
            let chosen = JournalKind.allCases.indices.contains(form.state.choice("kind")) ? JournalKind.allCases[form.state.choice("kind")] : nil
            if let chosen, hiddenKinds.contains(chosen) { keys.insert("text") }
            if case .editJournalEntry(let accountID, let entryID) = form.purpose,
               let stored = state.accounts[accountID]?.journal.first(where: { $0.id == entryID }), hiddenKinds.contains(stored.kind) {
                keys.insert("text")
            }
        default:
            break
        }
        return keys
    }

    /// What the status line says when a key would change a masked field.
    static let refusedEdit = "Hidden while presenting \u{2014} Ctrl-P shows it to edit"

    /// The keys of the fields that hold sensitive values in a form of this purpose.
    static func sensitiveKeys(_ purpose: FormPurpose, _ sensitive: Set<SensitiveField>) -> Set<String> {
        var keys = Set<String>()
        switch purpose {
        case .addPerson, .editPerson:
            if sensitive.contains(.personNotes) { keys.insert("notes") }
            if sensitive.contains(.hotButtons) { keys.insert("hot") }
            if sensitive.contains(.coldButtons) { keys.insert("cold") }
        case .editRole:
            if sensitive.contains(.ratings) { keys.insert("rating") }
            if sensitive.contains(.personalWins) { keys.insert("win") }
        case .addAccount, .editAccount:
            if sensitive.contains(.accountNotes) { keys.insert("notes") }
        case .editElement:
            if sensitive.contains(.partnershipNotes) { keys.formUnion(["oursNote", "theirsNote"]) }
        case .handOver, .editOwnerRecord:
            if sensitive.contains(.handoverNotes) { keys.insert("note") }
        default:
            break
        }
        return keys
    }

    private static func hide(_ text: String) -> String { text.isEmpty ? text : hiddenText }
}

extension AppState {
    /// True while presenting with ratings among the hidden fields: views leave rating values out.
    var hidesRatings: Bool { isPresenting && settings.review.sensitive.contains(.ratings) }
}
