import WorkbookModel

/// The account review (`R`): choosing the accounts, walking them one per screen, recording decisions
/// and actions, marking each reviewed with a snapshot; and the presenting toggle.
/// Every change is an account change, so it is saved at once and `u` undoes it.
public enum AccountReviewReducer {
    /// Starts a walk over `scope`; false (with a message) when no account is in it.
    @discardableResult
    public static func begin(_ state: inout AppState, scope: ReviewScope, timerMinutes: Int? = nil) -> Bool {
        var scope = scope
        if case .list(let name) = scope {
            guard let list = ReviewScope.savedList(named: name, in: state.settings.review) else {
                let names = state.settings.review.lists.map { "\u{201C}\($0.name)\u{201D}" }
                let known = names.isEmpty ? "There are no saved lists yet (L saves one)." : "Saved lists: \(names.joined(separator: ", "))."
                state.message = StatusMessage("No saved list is named \u{201C}\(name)\u{201D}. \(known)", kind: .warning)
                return false
            }
            // The list's own spelling, so the title reads as the team wrote it.
            scope = .list(list.name)
        }
        let accounts = scope.accounts(in: state)
        guard !accounts.isEmpty else {
            state.message = StatusMessage("No accounts to review in \u{201C}\(scope.title)\u{201D}.", kind: .warning)
            return false
        }
        state.modal = nil
        state.accountReview = AccountReviewSession(scope: scope, accounts: accounts, timerMinutes: timerMinutes)
        state.selectedID = accounts[0]
        state.message = StatusMessage("Review started: \(scope.title), \(accounts.count) account\(accounts.count == 1 ? "" : "s"). Space moves on, m marks reviewed.")
        return true
    }

    static func reduce(_ state: inout AppState, _ command: Command, environment: ReducerEnvironment) -> [Effect] {
        guard var session = state.accountReview else { return [] }
        switch command {
        case .reviewNext, .reviewPrevious:
            move(&state, by: command == .reviewNext ? 1 : -1)
        case .cycleReviewTimer:
            // A new budget, not a new start: the time already spent still counts.
            session.timerMinutes = session.nextTimer
            state.accountReview = session
            state.message = StatusMessage(session.timerMinutes.map { "Timer: \($0) minutes per account." } ?? "Timer off.")
        case .endAccountReview:
            end(&state)
        case .interrupt, .quit:
            state.shouldQuit = true
            return [.quit]
        case .toggleHelp:
            state.modal = .help(scroll: 0)
        case .showReviewDetails:
            state.modal = .reviewDetails(scroll: 0)
        case .saveReviewList:
            state.modal = .form(AccountReviewForms.saveList(session))
        case .undo, .redo:
            return AccountsReducer.reduce(&state, command, environment: environment)
        case .retrySave, .refresh:
            return AppReducer.diskCommand(command, &state)
        case .recordDecision, .addReviewAction, .closeReviewAction, .markAccountReviewed:
            guard let id = session.currentID, let account = state.accounts[id], !account.isArchived else {
                state.message = StatusMessage("This account is no longer in the workbook: Space moves on.", kind: .warning)
                return []
            }
            return change(command, account, &state, environment)
        default:
            break
        }
        return []
    }

    private static func change(_ command: Command, _ account: Account, _ state: inout AppState, _ environment: ReducerEnvironment) -> [Effect] {
        switch command {
        case .recordDecision:
            state.modal = .form(AccountReviewForms.decision(for: account))
        case .addReviewAction:
            state.modal = .form(AccountReviewForms.action(for: account))
        case .closeReviewAction:
            state.modal = AccountReviewForms.close(for: account).map(Modal.form)
        case .markAccountReviewed:
            return markReviewed(account, &state, environment)
        default:
            break
        }
        return []
    }

    /// Stores today's snapshot (replacing one taken earlier today, so a second mark does not pile up
    /// records) and moves on to the next account.
    static func markReviewed(_ account: Account, _ state: inout AppState, _ environment: ReducerEnvironment) -> [Effect] {
        var after = account
        let snapshot = ReviewSnapshot.capture(account, today: state.today, settings: state.settings)
        let again = after.reviewLog.records.firstIndex { $0.on == state.today && $0.by == state.userName }
        if let again {
            after.reviewLog.records[again].snapshot = snapshot
            after.reviewLog.records[again].unknownFields["snapshot"] = nil
        } else {
            after.reviewLog.append(ReviewRecord(id: environment.newEntityID(), on: state.today, by: state.userName, snapshot: snapshot))
        }
        let effects = AccountsReducer.apply(
            AccountChange(before: account, after: after, label: "review \u{201C}\(account.name)\u{201D}"), to: &state)
        state.accountReview?.markedReviewed.insert(account.id)
        let name = "\u{201C}\(account.name)\u{201D}"
        if let session = state.accountReview, session.index + 1 < session.accounts.count {
            move(&state, by: 1)
            state.message = StatusMessage("Marked \(name) reviewed\(again == nil ? "" : " again") — now \(state.accountReview!.progress).")
        } else {
            state.message = StatusMessage("Marked \(name) reviewed — that was the last account; Esc ends the review.")
        }
        return effects
    }

    static func move(_ state: inout AppState, by offset: Int) {
        guard var session = state.accountReview else { return }
        let target = session.index + offset
        guard session.accounts.indices.contains(target) else {
            state.message = StatusMessage(offset > 0 ? "That was the last account: Esc ends the review." : "This is the first account.")
            return
        }
        session.go(to: target)
        state.accountReview = session
        if let id = session.currentID, state.isVisible(id) { state.selectedID = id }
        AccountsReducer.keepSelectionVisible(&state)
    }

    static func end(_ state: inout AppState) {
        guard let session = state.accountReview else { return }
        state.accountReview = nil
        let marked = session.markedReviewed.count
        state.message = StatusMessage("Review ended: \(marked) of \(session.accounts.count) account\(session.accounts.count == 1 ? "" : "s") marked reviewed.")
    }

    static func togglePresenting(_ state: inout AppState) -> [Effect] {
        state.isPresenting.toggle()
        state.message = StatusMessage(state.isPresenting
            ? "Presenting: sensitive fields are hidden on screen (files and exports keep them). Ctrl-P ends it."
            : "Presenting off: every field is shown again.")
        return []
    }

    /// The review's forms, after Enter.
    static func submit(_ form: EditorForm, _ state: inout AppState, _ environment: ReducerEnvironment) -> [Effect] {
        switch form.purpose {
        case .startAccountReview:
            let scopes = ReviewScope.choices(in: state)
            let scope = scopes[min(form.state.choice("scope"), scopes.count - 1)]
            let timer = AccountReviewSession.timerSteps[form.state.choice("timer")]
            guard begin(&state, scope: scope, timerMinutes: timer) else {
                FormReducer.reject(form, errors: ["scope": "no accounts in this set: choose another"], &state)
                return []
            }
            state.isPresenting = form.state.choice("present") == 1
            return []
        case .saveReviewList:
            let name = form.state.text("name").trimmingWhitespace()
            guard !name.isEmpty, let session = state.accountReview else {
                FormReducer.reject(form, errors: ["name": "give the list a name"], &state)
                return []
            }
            var lists = state.settings.review.lists.filter { $0.name != name }
            lists.append(ReviewList(name: name, accounts: session.accounts))
            state.settings.review.lists = lists.sorted { $0.name < $1.name }
            state.modal = nil
            state.message = StatusMessage("Saved the list \u{201C}\(name)\u{201D} (\(session.accounts.count) accounts): R offers it, and workbook review --list.")
            return [.saveSettings(state.settings)]
        case .reviewDecision(let id):
            guard let account = state.accounts[id] else { return closeGone(&state) }
            let text = form.state.text("text").trimmingWhitespace()
            guard !text.isEmpty else {
                FormReducer.reject(form, errors: ["text": "write the decision, or Esc to leave it"], &state)
                return []
            }
            var after = account
            after.reviewLog.append(ReviewDecision(id: environment.newEntityID(), on: state.today, by: state.userName, text: text))
            state.modal = nil
            return AccountsReducer.record(after, replacing: account, label: "add a decision for \u{201C}\(account.name)\u{201D}", &state) ?? []
        case .reviewAction(let id):
            guard let account = state.accounts[id] else { return closeGone(&state) }
            switch AccountReviewForms.makeAction(from: form.state, id: environment.newEntityID(), today: state.today) {
            case .invalid(let errors):
                FormReducer.reject(form, errors: errors, &state)
                return []
            case .valid(let action):
                var after = account
                after.reviewLog.upsert(action)
                state.modal = nil
                return AccountsReducer.record(after, replacing: account, label: "add the action \u{201C}\(action.what)\u{201D}", &state) ?? []
            }
        case .closeReviewAction(let id):
            guard let account = state.accounts[id] else { return closeGone(&state) }
            let open = account.reviewLog.openActions
            guard !open.isEmpty else { return closeGone(&state) }
            var action = open[min(form.state.choice("action"), open.count - 1)]
            action.status = form.state.choice("outcome") == 0 ? .done : .dropped
            action.closedOn = state.today
            var after = account
            after.reviewLog.upsert(action)
            state.modal = nil
            return AccountsReducer.record(after, replacing: account,
                                          label: "mark \u{201C}\(action.what)\u{201D} \(action.status.title.lowercased())", &state) ?? []
        default:
            return []
        }
    }

    private static func closeGone(_ state: inout AppState) -> [Effect] {
        state.modal = nil
        state.message = StatusMessage("Not saved: the account or action is no longer there (changed on disk?).", kind: .warning)
        return []
    }

    /// Why a review key cannot act now.
    static func disabledReason(_ command: Command, session: AccountReviewSession, in state: AppState) -> String? {
        switch command {
        case .reviewNext:
            return session.index + 1 < session.accounts.count ? nil : "this is the last account (Esc ends the review)"
        case .reviewPrevious:
            return session.index > 0 ? nil : "this is the first account"
        case .closeReviewAction:
            guard let account = session.currentID.flatMap({ state.accounts[$0] }) else { return "the account is gone" }
            return account.reviewLog.openActions.isEmpty ? "no open action on this account (a agrees one)" : nil
        case .undo: return state.undoStack.isEmpty ? "nothing to undo" : nil
        case .redo: return state.redoStack.isEmpty ? "nothing to redo" : nil
        case .retrySave: return state.unsaved.isEmpty ? "every change is saved" : nil
        case .refresh: return state.isDemo ? "the demo territory is not shared" : nil
        default: return nil
        }
    }
}
