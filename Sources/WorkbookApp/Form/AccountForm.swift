import WorkbookModel

/// The add/edit form of an account, built on the generic form.
public enum AccountForm {
    /// A blank form for a new account, owned by `owner` unless changed.
    public static func new(ownedBy owner: String) -> EditorForm {
        EditorForm(purpose: .addAccount, state: FormState(title: "New account", fields: fields(for: Account(id: AccountID(""), name: "", owner: owner))))
    }

    /// A form filled with `account`'s current values.
    public static func editing(_ account: Account) -> EditorForm {
        EditorForm(purpose: .editAccount(account.id), state: FormState(title: "Edit account", fields: fields(for: account)))
    }

    static func fields(for account: Account) -> [FormField] {
        AccountField.allCases.map { field in
            switch field {
            case .name: return .text(field.rawValue, field.title, account.name, required: true)
            case .industry: return .text(field.rawValue, field.title, account.industry)
            case .segment: return .text(field.rawValue, field.title, account.segment, placeholder: "e.g. Mid-market, Public sector")
            case .stage:
                return .choice(field.rawValue, field.title, options: RelationshipStage.allCases.map(\.title), selected: account.stage.rank)
            case .annualValue:
                return .text(field.rawValue, field.title, account.annualValue.map(String.init) ?? "", placeholder: "e.g. 120000 or 120k")
            case .nextMeeting:
                return .text(field.rawValue, field.title, account.nextMeeting?.iso ?? "", placeholder: "YYYY-MM-DD, today, tomorrow or +7")
            case .owner: return .text(field.rawValue, field.title, account.owner)
            case .notes: return .text(field.rawValue, field.title, account.notes, keepsNewlines: true)
            }
        }
    }

    /// The account the form describes, or the problems that keep it from being saved.
    public static func makeAccount(from form: FormState, id: AccountID, base: Account?, among others: [Account], today: CalendarDate) -> FormOutcome<Account> {
        var errors: [String: String] = [:]
        var account = base ?? Account(id: id, name: "")
        // An edit writes only what the user changed: `base` may have been reloaded from disk meanwhile.
        func applies(_ field: AccountField) -> Bool { base == nil || form.isChanged(field.rawValue) }
        if applies(.name) { account.name = form.text(AccountField.name.rawValue).trimmingWhitespace() }
        if applies(.industry) { account.industry = form.text(AccountField.industry.rawValue).trimmingWhitespace() }
        if applies(.segment) { account.segment = form.text(AccountField.segment.rawValue).trimmingWhitespace() }
        if applies(.owner) { account.owner = form.text(AccountField.owner.rawValue).trimmingWhitespace() }
        if applies(.notes) { account.notes = form.text(AccountField.notes.rawValue).trimmingWhitespace() }
        let stage = RelationshipStage.allCases[form.choice(AccountField.stage.rawValue)]
        if applies(.stage), stage != account.stage {
            account.stage = stage
            account.stageChangedOn = today
            // The reason given for the previous type does not explain this one; pane 5 asks for it.
            account.stageChangeReason = ""
        }
        if applies(.annualValue) { form.amount(AccountField.annualValue.rawValue, errors: &errors) { account.annualValue = $0 } }
        if applies(.nextMeeting) { form.date(AccountField.nextMeeting.rawValue, today: today, errors: &errors) { account.nextMeeting = $0 } }
        for issue in AccountRules.validate(account, among: others) where errors[issue.field.rawValue] == nil {
            errors[issue.field.rawValue] = issue.message
        }
        return errors.isEmpty ? .valid(account) : .invalid(errors)
    }
}

/// What saving a form gives: the value, or the problems by field key.
public enum FormOutcome<Value: Equatable & Sendable>: Equatable, Sendable {
    case valid(Value)
    case invalid([String: String])
}
