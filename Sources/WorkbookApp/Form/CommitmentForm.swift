import WorkbookModel

/// The add/edit form of a commitment.
public enum CommitmentForm {
    enum Key: String { case side, text, owner, due, madeOn, status, evidence }

    /// A blank commitment on `side`, made at the account's first meeting (or today).
    public static func new(for account: Account, side: CommitmentSide, owner: String, today: CalendarDate) -> EditorForm {
        let draft = Commitment(id: CommitmentID(""), side: side, text: "", madeOn: account.firstMeeting ?? today, owner: owner)
        return EditorForm(purpose: .addCommitment(account.id), state: FormState(title: "New commitment", fields: fields(for: draft), focusing: Key.text.rawValue))
    }

    public static func editing(_ commitment: Commitment, in account: Account, focusing key: String? = nil) -> EditorForm {
        EditorForm(purpose: .editCommitment(account.id, commitment.id),
                   state: FormState(title: "Edit commitment", fields: fields(for: commitment), focusing: key ?? Key.text.rawValue))
    }

    /// The evidence key, for opening the form straight on it.
    public static let evidenceKey = Key.evidence.rawValue

    static func fields(for commitment: Commitment) -> [FormField] {
        [
            .choice(Key.side.rawValue, "Side", options: CommitmentSide.allCases.map(\.shortTitle), selected: CommitmentSide.allCases.firstIndex(of: commitment.side)!),
            .text(Key.text.rawValue, "Commitment", commitment.text, placeholder: "e.g. Send the benchmark report", required: true),
            .text(Key.owner.rawValue, "Owner", commitment.owner, placeholder: "who delivers it, ours or theirs"),
            .text(Key.due.rawValue, "Due", commitment.due?.iso ?? "", placeholder: "YYYY-MM-DD, +14 … (optional)"),
            .text(Key.madeOn.rawValue, "Made at", commitment.madeOn?.iso ?? "", placeholder: "the meeting's date"),
            .choice(Key.status.rawValue, "Status", options: CommitmentStatus.allCases.map(\.title), selected: CommitmentStatus.allCases.firstIndex(of: commitment.status)!),
            .text(Key.evidence.rawValue, "Evidence", commitment.evidence, placeholder: "what was done, briefly"),
        ]
    }

    public static func makeCommitment(from form: FormState, id: CommitmentID, base: Commitment?, today: CalendarDate) -> FormOutcome<Commitment> {
        var errors: [String: String] = [:]
        let side = CommitmentSide.allCases[form.choice(Key.side.rawValue)]
        var commitment = base ?? Commitment(id: id, side: side, text: "")
        // An edit writes only what the user changed (the account may have been reloaded meanwhile).
        func applies(_ key: Key) -> Bool { base == nil || form.isChanged(key.rawValue) }
        if applies(.side) { commitment.side = side }
        if applies(.text) { commitment.text = form.text(Key.text.rawValue).trimmingWhitespace() }
        if applies(.owner) { commitment.owner = form.text(Key.owner.rawValue).trimmingWhitespace() }
        if applies(.evidence) { commitment.evidence = form.text(Key.evidence.rawValue).trimmingWhitespace() }
        if commitment.text.isEmpty { errors[Key.text.rawValue] = "Say what was committed." }
        if applies(.due) { form.date(Key.due.rawValue, today: today, errors: &errors) { commitment.due = $0 } }
        if applies(.madeOn) { form.date(Key.madeOn.rawValue, today: today, errors: &errors) { commitment.madeOn = $0 } }
        let status = CommitmentStatus.allCases[form.choice(Key.status.rawValue)]
        if base == nil || (applies(.status) && status != base?.status) {
            commitment.status = status
            commitment.statusChangedOn = base == nil ? nil : today
        }
        if base != nil, base != commitment { commitment.lastReviewed = today }
        return errors.isEmpty ? .valid(commitment) : .invalid(errors)
    }
}
