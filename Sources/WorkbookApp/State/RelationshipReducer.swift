import WorkbookModel

/// Pane 5: the relationship as it really is, what the account buys, its journal and owner history.
/// Every change is an account change: saved at once, undone with `u`.
enum RelationshipReducer {
    static func reduce(_ state: inout AppState, _ command: Command, environment: ReducerEnvironment) -> [Effect] {
        if command == .nextAccount || command == .previousAccount {
            AccountsReducer.move(&state, by: command == .nextAccount ? 1 : -1)
            state.relationshipSelection = nil
            return []
        }
        if command == .editStatement {
            state.modal = .form(RelationshipForms.statement(state.settings))
            return []
        }
        guard let account = state.selectedAccount else { return [] }
        let items = RelationshipNavigation.items(account, journalFilter: state.journalFilter)
        let selected = RelationshipNavigation.selected(account, chosen: state.relationshipSelection, journalFilter: state.journalFilter)
        if let moved = ListCursor.moved(items.firstIndex(of: selected) ?? 0, by: command, count: items.count) {
            state.relationshipSelection = items[moved]
            return []
        }
        switch command {
        case .editRelationship:
            state.modal = .form(RelationshipForms.relationship(of: account))
        case .edit, .open:
            state.modal = editForm(for: selected, in: account, state: state)
        case .add:
            state.modal = .form(RelationshipForms.journalEntry(nil, in: account, author: state.userName, today: state.today, kind: state.journalFilter))
        case .addMilestone:
            state.modal = .form(RelationshipForms.milestone(nil, in: account, owner: state.userName))
        case .addProductLine:
            state.modal = .form(RelationshipForms.productLine(nil, in: account))
        case .handOver:
            state.modal = .form(RelationshipForms.handover(of: account, today: state.today))
        case .cycleJournalFilter:
            let kinds: [JournalKind?] = [nil] + JournalKind.allCases
            let next = kinds[((kinds.firstIndex(of: state.journalFilter) ?? 0) + 1) % kinds.count]
            state.journalFilter = next
            // On a journal row, the cursor stays in the journal: on the first entry the filter shows.
            // (A kind with no entries keeps the choice, so the next kind that has some picks it up.)
            if case .journal = state.relationshipSelection, let first = account.journalNewestFirst(kind: next).first {
                state.relationshipSelection = .journal(first.id)
            }
            state.message = StatusMessage("Journal: " + (next.map { "\($0.title.lowercased()) entries only" } ?? "every kind"))
        case .exportHandover:
            let markdown = HandoverExport.markdown(account, settings: state.settings, today: state.today)
            return [.writeExport(fileName: HandoverExport.fileName(for: account, today: state.today), text: markdown)]
        case .delete:
            if selected.removableNoun != nil { state.modal = .confirmDeleteItem(account.id, selected) }
        default:
            break
        }
        return []
    }

    private static func editForm(for item: RelationshipItem, in account: Account, state: AppState) -> Modal? {
        switch item {
        case .element(let element):
            return .form(RelationshipForms.element(element, of: account))
        case .milestone(let id):
            return account.partnership.milestones.first { $0.id == id }.map { .form(RelationshipForms.milestone($0, in: account, owner: state.userName)) }
        case .productLine(let id):
            return account.productLines.first { $0.id == id }.map { .form(RelationshipForms.productLine($0, in: account)) }
        case .journal(let id):
            return account.journal.first { $0.id == id }.map {
                .form(RelationshipForms.journalEntry($0, in: account, author: state.userName, today: state.today, kind: nil))
            }
        case .owner(let id):
            return account.ownerHistory.first { $0.id == id }.map { .form(RelationshipForms.ownerRecord($0, in: account)) }
        }
    }

    /// Saves one of the pane's forms.
    static func submit(_ form: EditorForm, _ state: inout AppState, _ environment: ReducerEnvironment) -> [Effect] {
        let today = state.today
        if form.purpose == .partnershipStatement {
            state.modal = nil
            state.settings.partnershipStatement = form.state.text("statement").trimmingWhitespace()
            state.message = StatusMessage("Saved what we mean by a partnership (a workbook setting: S changes it, u does not undo it).")
            return [.saveSettings(state.settings)]
        }
        guard let accountID = form.purpose.accountID, let account = state.accounts[accountID] else {
            state.modal = nil
            return []
        }
        var after = account
        var select: RelationshipItem?
        var label = ""
        switch form.purpose {
        case .editRelationship:
            after = RelationshipForms.applyRelationship(form.state, to: account, today: today)
            label = "save the relationship with \(account.name)"
        case .editElement(_, let element):
            after = RelationshipForms.applyElement(form.state, element, to: account)
            label = "save \(element.rawValue), both ways"
        case .addMilestone, .editMilestone:
            var base = Milestone(id: EntityID(""), what: "")
            if case .editMilestone(_, let id) = form.purpose, let existing = account.partnership.milestones.first(where: { $0.id == id }) { base = existing }
            switch RelationshipForms.makeMilestone(form.state, base: base, today: today) {
            case .invalid(let errors):
                FormReducer.reject(form, errors: errors, &state)
                return []
            case .valid(var milestone):
                if milestone.id.rawValue.isEmpty { milestone.id = environment.newEntityID() }
                after.partnership.upsert(milestone)
                select = .milestone(milestone.id)
                label = (base.id.rawValue.isEmpty ? "add" : "save") + " milestone \u{201C}\(milestone.what)\u{201D}"
            }
        case .addProductLine, .editProductLine:
            var base = ProductLine(id: EntityID(""), name: "")
            if case .editProductLine(_, let id) = form.purpose, let existing = account.productLines.first(where: { $0.id == id }) { base = existing }
            switch RelationshipForms.makeProductLine(form.state, base: base) {
            case .invalid(let errors):
                FormReducer.reject(form, errors: errors, &state)
                return []
            case .valid(var line):
                if line.id.rawValue.isEmpty { line.id = environment.newEntityID() }
                after.upsert(line)
                select = .productLine(line.id)
                label = (base.id.rawValue.isEmpty ? "add" : "save") + " product line \(line.name)"
            }
        case .addJournalEntry, .editJournalEntry:
            var base = JournalEntry(id: EntityID(""), date: today, author: state.userName, kind: .meeting, text: "")
            if case .editJournalEntry(_, let id) = form.purpose, let existing = account.journal.first(where: { $0.id == id }) { base = existing }
            switch RelationshipForms.makeJournalEntry(form.state, base: base, today: today) {
            case .invalid(let errors):
                FormReducer.reject(form, errors: errors, &state)
                return []
            case .valid(var entry):
                if entry.id.rawValue.isEmpty { entry.id = environment.newEntityID() }
                after.upsert(entry)
                // A new entry of a kind the filter hides would vanish: show every kind.
                if let filter = state.journalFilter, filter != entry.kind { state.journalFilter = nil }
                select = .journal(entry.id)
                let kind = entry.kind.title.lowercased()
                let article = "aeiou".contains(kind.first ?? "x") ? "an " : "a "
                label = (base.id.rawValue.isEmpty ? "add " + article : "save the ") + "\(kind) in the journal"
            }
        case .handOver:
            let owner = form.state.text("owner").trimmingWhitespace()
            var errors: [String: String] = [:]
            if owner.isEmpty { errors["owner"] = "Name who takes the account over." }
            if owner == account.owner, !owner.isEmpty { errors["owner"] = "\(owner) already owns \(account.name)." }
            var from = today
            form.state.date("date", today: today, errors: &errors) { from = $0 ?? today }
            if errors["date"] == nil, from > today {
                errors["date"] = "Record a handover when it happens: today or an earlier day."
            } else if errors["date"] == nil, let last = account.ownerHistory.compactMap(\.from).max(), from < last {
                errors["date"] = "The last handover was on \(last.iso): a new one cannot come before it."
            }
            guard errors.isEmpty else {
                FormReducer.reject(form, errors: errors, &state)
                return []
            }
            after.handOver(to: owner, on: from, note: form.state.text("note").trimmingWhitespace(), ids: environment.newEntityID)
            select = after.ownerHistory.last.map { .owner($0.id) }
            label = "hand \(account.name) over to \(owner)"
        case .editOwnerRecord(_, let id):
            guard let index = after.ownerHistory.firstIndex(where: { $0.id == id }) else { break }
            after.ownerHistory[index].handoverNote = form.state.text("note").trimmingWhitespace()
            select = .owner(id)
            label = "save \(after.ownerHistory[index].owner)'s handover note"
        default:
            break
        }
        state.modal = nil
        if let select { state.relationshipSelection = select }
        let effects = InfluenceMapReducer.commit(after, replacing: account, label: label, &state)
        if after.stage == .partner, account.stage != .partner { announcePartner(&state) }
        return effects
    }

    /// Setting an account to partner shows what we mean by the word, or asks for it.
    static func announcePartner(_ state: inout AppState) {
        let statement = state.settings.partnershipStatement
        state.message = statement.isEmpty
            ? StatusMessage("Partner — say what a partnership means to us: S in pane 5.", kind: .info)
            : StatusMessage("Partner — what we mean by it: \(statement.replacingNewlines())")
    }

    static func confirmDelete(_ state: inout AppState, accountID: AccountID, item: RelationshipItem, command: Command) -> [Effect] {
        ConfirmationReducer.answer(command, &state, declined: "Nothing removed.") { state in
            guard let account = state.accounts[accountID] else { return [] }
            var after = account
            switch item {
            case .milestone(let id): after.partnership.milestones.removeAll { $0.id == id }
            case .productLine(let id): after.productLines.removeAll { $0.id == id }
            case .journal(let id): after.journal.removeAll { $0.id == id }
            // The current owner stays: only the record of a handover goes.
            case .owner(let id): after.ownerHistory.removeAll { $0.id == id }
            case .element: return []
            }
            state.relationshipSelection = nil
            return InfluenceMapReducer.commit(after, replacing: account, label: "remove the \(item.removableNoun ?? "row")", &state)
        }
    }
}

extension FormPurpose {
    /// The account a form changes, if it changes one.
    var accountID: AccountID? {
        switch self {
        case .addAccount, .partnershipStatement, .startAccountReview, .saveReviewList: return nil
        case .editAccount(let id), .addCommitment(let id), .editCommitment(let id, _), .addPerson(let id), .editPerson(let id, _),
             .editRole(let id, _, _), .addObjective(let id), .editObjective(let id, _), .coverage(let id, _), .editRelationship(let id),
             .editElement(let id, _), .addMilestone(let id), .editMilestone(let id, _), .addProductLine(let id), .editProductLine(let id, _),
             .addJournalEntry(let id), .editJournalEntry(let id, _), .handOver(let id), .editOwnerRecord(let id, _),
             .reviewDecision(let id), .reviewAction(let id), .closeReviewAction(let id),
             .resolveConflict(let id, _):
            return id
        }
    }
}
