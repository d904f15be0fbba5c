import WorkbookModel

/// One field of a form: a line of text, or a choice among fixed options.
public struct FormField: Equatable, Sendable {
    /// What the field holds.
    public enum Value: Equatable, Sendable {
        case text(TextInput)
        case choice(options: [String], selected: Int)
    }

    public var key: String
    public var title: String
    public var value: Value
    public var placeholder: String?
    public var isRequired: Bool
    /// Pasted newlines are kept (notes) instead of turned into spaces.
    public var keepsNewlines: Bool

    public static func text(_ key: String, _ title: String, _ text: String, placeholder: String? = nil,
                            required: Bool = false, keepsNewlines: Bool = false) -> FormField {
        FormField(key: key, title: title, value: .text(TextInput(text)), placeholder: placeholder, isRequired: required, keepsNewlines: keepsNewlines)
    }

    public static func choice(_ key: String, _ title: String, options: [String], selected: Int) -> FormField {
        FormField(key: key, title: title, value: .choice(options: options, selected: selected), placeholder: nil, isRequired: false, keepsNewlines: false)
    }

    public var isChoice: Bool {
        if case .choice = value { return true }
        return false
    }
}

/// The fields of a form, which one has focus, and the problems found when saving.
public struct FormState: Equatable, Sendable {
    public var title: String
    public var fields: [FormField]
    public var focusedIndex = 0
    /// Problems by field key; a field's problem is cleared when it is edited.
    public var errors: [String: String] = [:]
    /// What Enter does, in the form's frame ("Enter save"); the review's start form says "start".
    public var submitVerb = "save"

    /// What each field held when the form opened, by key.
    public let initialContent: [String: String]

    public init(title: String, fields: [FormField], focusing key: String? = nil) {
        self.title = title
        self.fields = fields
        initialContent = Dictionary(fields.map { ($0.key, FormState.content(of: $0)) }, uniquingKeysWith: { first, _ in first })
        if let key, let index = fields.firstIndex(where: { $0.key == key }) { focusedIndex = index }
    }

    static func content(of field: FormField) -> String {
        switch field.value {
        case .text(let input): return input.text
        case .choice(_, let selected): return String(selected)
        }
    }

    /// True when the user changed this field. Saving an edit writes only these, so a change made on
    /// disk meanwhile (a git pull) to another field is not written back over.
    public func isChanged(_ key: String) -> Bool {
        guard let field = fields.first(where: { $0.key == key }) else { return false }
        return FormState.content(of: field) != initialContent[key]
    }

    public var focusedField: FormField { fields[focusedIndex] }

    public func text(_ key: String) -> String {
        guard let field = fields.first(where: { $0.key == key }), case .text(let input) = field.value else { return "" }
        return input.text
    }

    public func choice(_ key: String) -> Int {
        guard let field = fields.first(where: { $0.key == key }), case .choice(_, let selected) = field.value else { return 0 }
        return selected
    }

    public mutating func focus(_ key: String) {
        if let index = fields.firstIndex(where: { $0.key == key }) { focusedIndex = index }
    }

    public mutating func focusNext() { focusedIndex = (focusedIndex + 1) % fields.count }
    public mutating func focusPrevious() { focusedIndex = (focusedIndex + fields.count - 1) % fields.count }

    /// ←/→: the cursor in a text field, the option in a choice.
    public mutating func step(forward: Bool) {
        switch fields[focusedIndex].value {
        case .choice(let options, let selected):
            fields[focusedIndex].value = .choice(options: options, selected: (selected + (forward ? 1 : options.count - 1)) % options.count)
        case .text:
            edit(forward ? .moveRight : .moveLeft)
        }
    }

    /// Typing: into a text field, or Space cycles a choice.
    public mutating func edit(_ edit: TextEdit) {
        switch fields[focusedIndex].value {
        case .choice:
            if case .insert(" ") = edit { step(forward: true) }
        case .text(var input):
            if case .insert(let text) = edit {
                input.apply(.insert(TextInput.cleaned(text, keepingNewlines: fields[focusedIndex].keepsNewlines)))
            } else {
                input.apply(edit)
            }
            fields[focusedIndex].value = .text(input)
            errors[fields[focusedIndex].key] = nil
        }
    }

    /// Shows `errors` and moves the focus to the first field that has one.
    public mutating func fail(with errors: [String: String]) {
        self.errors = errors
        if let first = fields.firstIndex(where: { errors[$0.key] != nil }) { focusedIndex = first }
    }

    /// The problem of the focused field, or any, for the status line.
    public var firstError: String? { errors[focusedField.key] ?? fields.lazy.compactMap { errors[$0.key] }.first }
}

extension FormState {
    /// The field read as a date (`YYYY-MM-DD`, today, +7…): `apply` gets it, or the field gets the error.
    func date(_ key: String, today: CalendarDate, errors: inout [String: String], _ apply: (CalendarDate?) -> Void) {
        switch AccountRules.parseDate(text(key), today: today) {
        case .success(let value): apply(value)
        case .failure(let failure): errors[key] = failure.message
        }
    }

    /// The field read as a whole amount (120000, 120k, 1,5M): `apply` gets it, or the field gets the error.
    func amount(_ key: String, errors: inout [String: String], _ apply: (Int?) -> Void) {
        switch AccountRules.parseAmount(text(key)) {
        case .success(let value): apply(value)
        case .failure(let failure): errors[key] = failure.message
        }
    }
}

/// What a form is for, so that saving it knows what to change.
public enum FormPurpose: Equatable, Sendable {
    case addAccount
    case editAccount(AccountID)
    case addCommitment(AccountID)
    case editCommitment(AccountID, CommitmentID)
    case addPerson(AccountID)
    case editPerson(AccountID, EntityID)
    case editRole(AccountID, objective: EntityID, person: EntityID)
    case addObjective(AccountID)
    case editObjective(AccountID, EntityID)
    case coverage(AccountID, person: EntityID)
    case editRelationship(AccountID)
    case editElement(AccountID, PartnershipElement)
    case addMilestone(AccountID)
    case editMilestone(AccountID, EntityID)
    case addProductLine(AccountID)
    case editProductLine(AccountID, EntityID)
    case addJournalEntry(AccountID)
    case editJournalEntry(AccountID, EntityID)
    case handOver(AccountID)
    case editOwnerRecord(AccountID, EntityID)
    /// The workbook's own statement of what a partnership is (a setting, not an account).
    case partnershipStatement
    /// The value of one recorded merge conflict (its id), typed by hand.
    case resolveConflict(AccountID, String)
    /// The account review: which accounts, timer and presenting; then a decision, an action, closing an action.
    case startAccountReview
    case reviewDecision(AccountID)
    case reviewAction(AccountID)
    case closeReviewAction(AccountID)
    /// Saving the review's accounts as a named list (a workbook setting).
    case saveReviewList
}

/// An open form: its purpose and its fields.
public struct EditorForm: Equatable, Sendable {
    public var purpose: FormPurpose
    public var state: FormState
    public init(purpose: FormPurpose, state: FormState) {
        self.purpose = purpose
        self.state = state
    }

    /// True when something was typed or chosen since the form opened, so Esc would throw work away.
    public var hasChanges: Bool { state.fields.contains { state.isChanged($0.key) } }
}
