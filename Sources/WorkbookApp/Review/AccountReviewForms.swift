import WorkbookModel

/// The account review's forms: starting a review, a decision, an action, closing an action.
public enum AccountReviewForms {
    static let timerOptions = AccountReviewSession.timerSteps.map { $0.map { "\($0) min per account" } ?? "Off" }

    /// Which accounts (each choice with how many it holds), the timer, and whether to present.
    public static func start(in state: AppState) -> EditorForm {
        let owners = ReviewScope.ownerCounts(in: state)
        let options = ReviewScope.choices(in: state).map { scope in scope.count(in: state, owners: owners).map { "\(scope.title) (\($0))" } ?? scope.title }
        var form = FormState(title: "Start a review", fields: [
            .choice("scope", "Accounts", options: options, selected: 0),
            .choice("timer", "Timer", options: timerOptions, selected: 0),
            .choice("present", "Presenting", options: ["Off", "On: hide sensitive fields"], selected: 1),
        ])
        form.submitVerb = "start"
        return EditorForm(purpose: .startAccountReview, state: form)
    }

    public static func decision(for account: Account) -> EditorForm {
        EditorForm(purpose: .reviewDecision(account.id), state: FormState(title: "Decision: \(account.name)", fields: [
            .text("text", "Decision", "", placeholder: "what was decided, in a sentence", required: true),
        ]))
    }

    public static func action(for account: Account) -> EditorForm {
        EditorForm(purpose: .reviewAction(account.id), state: FormState(title: "Action: \(account.name)", fields: [
            .text("what", "What", "", placeholder: "the next step, e.g. Call the CFO about the renewal", required: true),
            .text("owner", "Owner", account.owner, placeholder: "who does it"),
            .text("due", "Due", "", placeholder: "YYYY-MM-DD, +7 … (optional)"),
        ]))
    }

    /// A name for the review's accounts; the scope's own name is offered unless it is already a list.
    public static func saveList(_ session: AccountReviewSession) -> EditorForm {
        var name = ""
        if case .list(let listName) = session.scope { name = listName }
        var form = FormState(title: "Save \(session.accounts.count) account\(session.accounts.count == 1 ? "" : "s") as a list", fields: [
            .text("name", "List name", name, placeholder: "e.g. Q4 focus (a list of that name is replaced)", required: true),
        ])
        form.submitVerb = "save the list"
        return EditorForm(purpose: .saveReviewList, state: form)
    }

    /// Nil when the account has no open action to close.
    public static func close(for account: Account) -> EditorForm? {
        let open = account.reviewLog.openActions
        guard !open.isEmpty else { return nil }
        return EditorForm(purpose: .closeReviewAction(account.id), state: FormState(title: "Close an action", fields: [
            .choice("action", "Action", options: open.map { $0.what }, selected: 0),
            .choice("outcome", "Outcome", options: [ReviewActionStatus.done.title, ReviewActionStatus.dropped.title], selected: 0),
        ]))
    }

    /// The action as typed, or the problems by field.
    static func makeAction(from form: FormState, id: EntityID, today: CalendarDate) -> FormOutcome<ReviewAction> {
        var errors: [String: String] = [:]
        let what = form.text("what").trimmingWhitespace()
        if what.isEmpty { errors["what"] = "say what is to be done" }
        var due: CalendarDate?
        form.date("due", today: today, errors: &errors) { due = $0 }
        if !errors.isEmpty { return .invalid(errors) }
        return .valid(ReviewAction(id: id, what: what, owner: form.text("owner").trimmingWhitespace(), due: due, agreedOn: today))
    }
}
