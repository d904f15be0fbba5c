import WorkbookModel

/// The add/edit form of an account: one text input per text field, a choice for the stage.
public struct AccountForm: Equatable, Sendable {
    /// Whether the form creates a new account or edits an existing one.
    public enum Purpose: Equatable, Sendable {
        case add
        case edit(AccountID)
    }

    public var purpose: Purpose
    public var inputs: [AccountField: TextInput]
    public var stage: RelationshipStage
    public var focused: AccountField = .name
    /// Problems found when saving, by field; cleared for a field when it is edited.
    public var errors: [AccountField: String] = [:]

    /// The stage is a choice, every other field is text.
    public static let choiceFields: Set<AccountField> = [.stage]

    /// A blank form for a new account, owned by `owner` unless changed.
    public init(newAccountOwnedBy owner: String) {
        purpose = .add
        stage = .prospect
        inputs = [:]
        for field in AccountField.allCases where !AccountForm.choiceFields.contains(field) {
            inputs[field] = TextInput(field == .owner ? owner : "")
        }
    }

    /// A form filled with `account`'s current values.
    public init(editing account: Account) {
        purpose = .edit(account.id)
        stage = account.stage
        inputs = [
            .name: TextInput(account.name),
            .industry: TextInput(account.industry),
            .annualValue: TextInput(account.annualValue.map(String.init) ?? ""),
            .nextMeeting: TextInput(account.nextMeeting?.iso ?? ""),
            .owner: TextInput(account.owner),
            .notes: TextInput(account.notes),
        ]
    }

    public var title: String {
        switch purpose {
        case .add: return "New account"
        case .edit: return "Edit account"
        }
    }

    public func text(_ field: AccountField) -> String { inputs[field]?.text ?? "" }

    public mutating func focusNext() {
        let all = AccountField.allCases
        focused = all[(all.firstIndex(of: focused)! + 1) % all.count]
    }

    public mutating func focusPrevious() {
        let all = AccountField.allCases
        focused = all[(all.firstIndex(of: focused)! + all.count - 1) % all.count]
    }

    /// Moves the stage choice one step forward or back, wrapping around.
    public mutating func cycleStage(forward: Bool) {
        let all = RelationshipStage.allCases
        let index = all.firstIndex(of: stage)!
        stage = all[(index + (forward ? 1 : all.count - 1)) % all.count]
    }

    /// Applies an edit to the focused text field.
    public mutating func edit(_ edit: TextEdit) {
        guard var input = inputs[focused] else { return }
        input.apply(edit)
        inputs[focused] = input
        errors[focused] = nil
    }

    /// The account the form describes, or the problems that keep it from being saved.
    public func makeAccount(id: AccountID, base: Account?, among others: [Account], today: CalendarDate) -> FormOutcome {
        var errors: [AccountField: String] = [:]
        var account = base ?? Account(id: id, name: "")
        account.name = text(.name).trimmingWhitespace()
        account.industry = text(.industry).trimmingWhitespace()
        account.owner = text(.owner).trimmingWhitespace()
        account.notes = text(.notes).trimmingWhitespace()
        account.stage = stage
        switch AccountRules.parseAmount(text(.annualValue)) {
        case .success(let value): account.annualValue = value
        case .failure(let failure): errors[.annualValue] = failure.message
        }
        switch AccountRules.parseDate(text(.nextMeeting), today: today) {
        case .success(let date): account.nextMeeting = date
        case .failure(let failure): errors[.nextMeeting] = failure.message
        }
        for issue in AccountRules.validate(account, among: others) where errors[issue.field] == nil {
            errors[issue.field] = issue.message
        }
        return errors.isEmpty ? .valid(account) : .invalid(errors)
    }
}

/// What saving a form gives: the account, or the problems by field.
public enum FormOutcome: Equatable, Sendable {
    case valid(Account)
    case invalid([AccountField: String])
}
