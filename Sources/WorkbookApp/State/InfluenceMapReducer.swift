import WorkbookModel

/// Pane 3: moving through the reporting tree, editing people, their roles, our coverage and the objectives.
/// Every change is an account change: saved at once, undone with `u`.
enum InfluenceMapReducer {
    static func reduce(_ state: inout AppState, _ command: Command, environment: ReducerEnvironment) -> [Effect] {
        if command == .nextAccount || command == .previousAccount {
            AccountsReducer.move(&state, by: command == .nextAccount ? 1 : -1)
            state.mapSelection = nil
            state.mapObjective = nil
            return []
        }
        guard let account = state.selectedAccount else { return [] }
        let order = MapNavigation.order(account)
        let selected = MapNavigation.selected(account, chosen: state.mapSelection)
        let objective = MapNavigation.objective(account, chosen: state.mapObjective)
        let index = selected.flatMap { person in order.firstIndex { $0.id == person.id } } ?? 0
        func select(_ position: Int) {
            guard !order.isEmpty else { return }
            state.mapSelection = order[max(0, min(position, order.count - 1))].id
        }
        switch command {
        case .moveDown: select(index + 1)
        case .moveUp: select(index - 1)
        case .moveFirst: select(0)
        case .moveLast: select(order.count - 1)
        case .moveToParent:
            if let selected, let parent = ReportingTree.parent(of: selected.id, in: account.people) { state.mapSelection = parent.id }
        case .moveToChild:
            if let selected, let child = ReportingTree.children(of: selected.id, in: account.people).first { state.mapSelection = child.id }
        case .toggleMapView:
            state.mapShowsCoverage.toggle()
        case .nextObjective:
            let objectives = MapNavigation.sortedObjectives(account)
            guard !objectives.isEmpty else { break }
            let current = objectives.firstIndex { $0.id == objective?.id } ?? -1
            state.mapObjective = objectives[(current + 1) % objectives.count].id
        case .addObjective:
            state.modal = .form(InfluenceForms.newObjective(in: account))
        case .editObjective:
            if let objective { state.modal = .form(InfluenceForms.editing(objective, in: account)) }
        case .add:
            state.modal = .form(InfluenceForms.newPerson(in: account))
        case .edit, .open:
            if let selected { state.modal = .form(InfluenceForms.editing(selected, in: account)) }
        case .editRole:
            if let selected, let objective { state.modal = .form(InfluenceForms.role(of: selected, in: objective, account: account)) }
        case .editCoverage:
            if let selected { state.modal = .form(InfluenceForms.coverage(of: selected, in: account, by: state.userName)) }
        case .pickReportsTo:
            if let selected { state.modal = .personPicker(PersonPicker(account: account, subject: selected, purpose: .reportsTo)) }
        case .pickInfluences:
            if let selected { state.modal = .personPicker(PersonPicker(account: account, subject: selected, purpose: .influences)) }
        case .contactToday:
            guard var person = selected else { break }
            person.lastContact = state.today
            return changePerson(person, in: account, label: "contact with \(person.name) today", &state)
        case .delete:
            if let selected { state.modal = .confirmDeletePerson(account.id, selected.id) }
        default:
            break
        }
        return []
    }

    static func changePerson(_ person: Person, in account: Account, label: String, _ state: inout AppState) -> [Effect] {
        var after = account
        after.upsert(person)
        state.mapSelection = person.id
        return commit(after, replacing: account, label: label, &state)
    }

    static func commit(_ after: Account, replacing account: Account, label: String, _ state: inout AppState) -> [Effect] {
        guard let effects = AccountsReducer.record(after, replacing: account, label: label, &state) else {
            state.message = StatusMessage("No changes.")
            return []
        }
        return effects
    }

    /// Saves one of the map's forms.
    static func submit(_ form: EditorForm, _ state: inout AppState, _ environment: ReducerEnvironment) -> [Effect] {
        let today = state.today
        switch form.purpose {
        case .addPerson(let accountID), .editPerson(let accountID, _):
            guard let account = state.accounts[accountID] else { break }
            var base: Person?
            if case .editPerson(_, let id) = form.purpose { base = account.person(id) }
            switch InfluenceForms.makePerson(from: form.state, base: base ?? Person(id: EntityID(""), name: ""), today: today) {
            case .invalid(let errors):
                FormReducer.reject(form, errors: errors, &state)
                return []
            case .valid(var person):
                // A new id only once the form is valid, so a refused form uses none up.
                if base == nil { person.id = environment.newEntityID() }
                state.modal = nil
                return changePerson(person, in: account, label: (account.person(person.id) == nil ? "add " : "edit ") + person.name, &state)
            }
        case .editRole(let accountID, let objectiveID, let personID):
            guard let account = state.accounts[accountID], let person = account.person(personID) else { break }
            let base = account.influence(of: personID, in: objectiveID)
                ?? BuyingInfluence(id: environment.newEntityID(), objectiveID: objectiveID, personID: personID)
            let influence = InfluenceForms.makeInfluence(from: form.state, base: base, today: today)
            state.modal = nil
            var after = account
            after.upsert(influence)
            return commit(after, replacing: account, label: "update \(person.name)'s part", &state)
        case .addObjective(let accountID), .editObjective(let accountID, _):
            guard let account = state.accounts[accountID] else { break }
            var base: SalesObjective?
            if case .editObjective(_, let id) = form.purpose { base = account.objective(id) }
            switch InfluenceForms.makeObjective(from: form.state, base: base ?? SalesObjective(id: EntityID(""), title: ""), today: today) {
            case .invalid(let errors):
                FormReducer.reject(form, errors: errors, &state)
                return []
            case .valid(var objective):
                if base == nil { objective.id = environment.newEntityID() }
                state.modal = nil
                var after = account
                after.upsert(objective)
                state.mapObjective = objective.id
                return commit(after, replacing: account, label: "save objective \u{201C}\(objective.title)\u{201D}", &state)
            }
        case .coverage(let accountID, let personID):
            guard let account = state.accounts[accountID], var person = account.person(personID) else { break }
            let colleague = form.state.text("by").trimmingWhitespace()
            guard !colleague.isEmpty else {
                FormReducer.reject(form, errors: ["by": "Name the colleague who covers them."], &state)
                return []
            }
            let level = CoverageLevel.allCases[form.state.choice("level")]
            person.coverage.removeAll { $0.by == colleague }
            if level != .none { person.coverage.append(Coverage(by: colleague, level: level)) }
            person.coverage.sort { $0.by < $1.by }
            state.modal = nil
            return changePerson(person, in: account, label: "\(colleague) covers \(person.name): \(level.title.lowercased())", &state)
        default:
            break
        }
        state.modal = nil
        return []
    }

    static func confirmDelete(_ state: inout AppState, accountID: AccountID, id: EntityID, command: Command) -> [Effect] {
        ConfirmationReducer.answer(command, &state, declined: "Nothing removed.") { state in
            guard let account = state.accounts[accountID], let person = account.person(id) else { return [] }
            var after = account
            after.removePerson(id)
            state.mapSelection = person.reportsTo
            return commit(after, replacing: account, label: "remove \(person.name)", &state)
        }
    }
}

/// The person picker: reports-to takes one person, influences toggles several.
enum PersonPickerReducer {
    static func reduce(_ state: inout AppState, _ picker: PersonPicker, _ command: Command) -> [Effect] {
        var picker = picker
        if let moved = ListCursor.moved(picker.cursor, by: command, count: picker.items.count) {
            picker.cursor = moved
            state.modal = .personPicker(picker)
            return []
        }
        switch command {
        case .toggleChoice where picker.purpose == .influences:
            guard picker.items.indices.contains(picker.cursor) else { break }
            picker.items[picker.cursor].isChosen.toggle()
            // Tick and move on, as in the template picker.
            picker.cursor = ListCursor.moved(picker.cursor, by: .moveDown, count: picker.items.count) ?? picker.cursor
        case .confirm, .toggleChoice:
            state.modal = nil
            return save(picker, &state)
        case .cancel, .backOut:
            state.modal = nil
            return []
        case .interrupt:
            state.shouldQuit = true
            return [.quit]
        default:
            break
        }
        state.modal = .personPicker(picker)
        return []
    }

    private static func save(_ picker: PersonPicker, _ state: inout AppState) -> [Effect] {
        guard let account = state.accounts[picker.accountID], var person = account.person(picker.subject) else { return [] }
        switch picker.purpose {
        case .reportsTo:
            guard picker.items.indices.contains(picker.cursor) else { return [] }
            let chosen = picker.items[picker.cursor]
            person.reportsTo = chosen.id
            let label = chosen.id == nil ? "\(person.name) reports to nobody here" : "\(person.name) reports to \(account.person(chosen.id!)?.name ?? "")"
            return InfluenceMapReducer.changePerson(person, in: account, label: label, &state)
        case .influences:
            person.influences = picker.items.filter(\.isChosen).compactMap(\.id).sorted()
            let count = person.influences.count
            return InfluenceMapReducer.changePerson(person, in: account, label: "\(person.name) influences \(count) \(count == 1 ? "person" : "people")", &state)
        }
    }
}
