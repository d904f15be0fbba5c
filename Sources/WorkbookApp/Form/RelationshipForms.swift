import WorkbookModel

/// The forms of the relationship pane: the relationship itself, an element, a milestone, a product
/// line, a journal entry, a handover, and the workbook's own statement of what a partnership is.
public enum RelationshipForms {
    static let scores = ["—"] + ElementAssessment.scoreRange.map { RelationshipRules.scoreText($0) }

    public static func relationship(of account: Account) -> EditorForm {
        let partnership = account.partnership
        return EditorForm(purpose: .editRelationship(account.id), state: FormState(title: "The relationship with \(account.name)", fields: [
            .choice("stage", "Relationship", options: RelationshipStage.allCases.map(\.title), selected: account.stage.rank),
            .text("reason", "Why (last change)", account.stageChangeReason, placeholder: "why it is this kind of relationship now"),
            .choice("meaning", "They mean", options: CustomerMeaning.allCases.map(\.title),
                    selected: CustomerMeaning.allCases.firstIndex(of: partnership.customerMeaning)!),
            .text("words", "In their words", partnership.meaningWords, placeholder: "what \u{201C}partnership\u{201D} means to them"),
            .text("ourSponsors", "Our sponsors", partnership.ourSponsors.joined(separator: ", "), placeholder: "names, separated by commas"),
            .text("theirSponsors", "Their sponsors", partnership.theirSponsors.joined(separator: ", "), placeholder: "names, separated by commas"),
        ]))
    }

    /// Applies the form; a changed type is stamped today, with the reason typed (or none).
    static func applyRelationship(_ form: FormState, to account: Account, today: CalendarDate) -> Account {
        var account = account
        let changed = form.isChanged
        let stage = RelationshipStage.allCases[form.choice("stage")]
        if changed("stage"), stage != account.stage {
            account.stage = stage
            account.stageChangedOn = today
            account.stageChangeReason = form.text("reason").trimmingWhitespace()
        } else if changed("reason") {
            account.stageChangeReason = form.text("reason").trimmingWhitespace()
        }
        if changed("meaning") { account.partnership.customerMeaning = CustomerMeaning.allCases[form.choice("meaning")] }
        if changed("words") { account.partnership.meaningWords = form.text("words").trimmingWhitespace() }
        if changed("ourSponsors") { account.partnership.ourSponsors = names(form.text("ourSponsors")) }
        if changed("theirSponsors") { account.partnership.theirSponsors = names(form.text("theirSponsors")) }
        return account
    }

    static func names(_ text: String) -> [String] {
        Partnership.nameSet(text.split(separator: ",").map(String.init))
    }

    public static func element(_ element: PartnershipElement, of account: Account) -> EditorForm {
        let ours = account.partnership.assessment(element, .ours), theirs = account.partnership.assessment(element, .theirs)
        func scoreIndex(_ score: Int?) -> Int { score.map { $0 - ElementAssessment.scoreRange.lowerBound + 1 } ?? 0 }
        return EditorForm(purpose: .editElement(account.id, element), state: FormState(title: "\(element.title), both ways", fields: [
            .choice("oursScore", "Us: score", options: scores, selected: scoreIndex(ours.score)),
            .text("oursNote", "Us: note", ours.note, placeholder: element.oursQuestion),
            .choice("theirsScore", "Them: score", options: scores, selected: scoreIndex(theirs.score)),
            .text("theirsNote", "Them: note", theirs.note, placeholder: element.theirsQuestion),
        ]))
    }

    static func applyElement(_ form: FormState, _ element: PartnershipElement, to account: Account) -> Account {
        var account = account
        for side in PartnershipSide.allCases {
            let key = side.rawValue
            guard form.isChanged("\(key)Score") || form.isChanged("\(key)Note") else { continue }
            var assessment = account.partnership.assessment(element, side)
            if form.isChanged("\(key)Score") {
                let index = form.choice("\(key)Score")
                assessment.score = index == 0 ? nil : index - 1 + ElementAssessment.scoreRange.lowerBound
            }
            if form.isChanged("\(key)Note") { assessment.note = form.text("\(key)Note").trimmingWhitespace() }
            account.partnership.set(assessment, for: element, side)
        }
        return account
    }

    public static func milestone(_ milestone: Milestone?, in account: Account, owner: String) -> EditorForm {
        let base = milestone ?? Milestone(id: EntityID(""), what: "", owner: owner)
        let purpose: FormPurpose = milestone.map { .editMilestone(account.id, $0.id) } ?? .addMilestone(account.id)
        return EditorForm(purpose: purpose, state: FormState(title: milestone == nil ? "New milestone of the shared plan" : "Edit milestone", fields: [
            .text("what", "What", base.what, placeholder: "e.g. joint forecast for Q1", required: true),
            .text("owner", "Owner", base.owner, placeholder: "who makes it happen (either side)"),
            .text("due", "Due", base.due?.iso ?? "", placeholder: "YYYY-MM-DD, +30 …"),
            .choice("status", "Status", options: MilestoneStatus.allCases.map(\.title), selected: MilestoneStatus.allCases.firstIndex(of: base.status)!),
        ]))
    }

    static func makeMilestone(_ form: FormState, base: Milestone, today: CalendarDate) -> FormOutcome<Milestone> {
        var milestone = base
        var errors: [String: String] = [:]
        if form.isChanged("what") || base.what.isEmpty { milestone.what = form.text("what").trimmingWhitespace() }
        if milestone.what.isEmpty { errors["what"] = "Say what the milestone is." }
        if form.isChanged("owner") { milestone.owner = form.text("owner").trimmingWhitespace() }
        if form.isChanged("status") { milestone.status = MilestoneStatus.allCases[form.choice("status")] }
        if form.isChanged("due") { form.date("due", today: today, errors: &errors) { milestone.due = $0 } }
        return errors.isEmpty ? .valid(milestone) : .invalid(errors)
    }

    public static func productLine(_ line: ProductLine?, in account: Account) -> EditorForm {
        let base = line ?? ProductLine(id: EntityID(""), name: "")
        let purpose: FormPurpose = line.map { .editProductLine(account.id, $0.id) } ?? .addProductLine(account.id)
        return EditorForm(purpose: purpose, state: FormState(title: line == nil ? "New product line" : "Edit product line", fields: [
            .text("name", "Product line", base.name, placeholder: "what they buy, e.g. Forklifts", required: true),
            .text("value", "Annual value", base.annualValue.map(String.init) ?? "", placeholder: "e.g. 120000 or 120k"),
            .text("supplier", "Supplier", base.supplier, placeholder: "whose product it is (us, or a vendor we resell)"),
        ]))
    }

    static func makeProductLine(_ form: FormState, base: ProductLine) -> FormOutcome<ProductLine> {
        var line = base
        var errors: [String: String] = [:]
        if form.isChanged("name") || base.name.isEmpty { line.name = form.text("name").trimmingWhitespace() }
        if line.name.isEmpty { errors["name"] = "Name the product line." }
        if form.isChanged("supplier") { line.supplier = form.text("supplier").trimmingWhitespace() }
        if form.isChanged("value") { form.amount("value", errors: &errors) { line.annualValue = $0 } }
        return errors.isEmpty ? .valid(line) : .invalid(errors)
    }

    public static func journalEntry(_ entry: JournalEntry?, in account: Account, author: String, today: CalendarDate,
                                    kind: JournalKind?) -> EditorForm {
        let base = entry ?? JournalEntry(id: EntityID(""), date: today, author: author, kind: kind ?? .meeting, text: "")
        let purpose: FormPurpose = entry.map { .editJournalEntry(account.id, $0.id) } ?? .addJournalEntry(account.id)
        return EditorForm(purpose: purpose, state: FormState(title: entry == nil ? "New journal entry" : "Edit journal entry", fields: [
            .choice("kind", "Kind", options: JournalKind.allCases.map(\.title), selected: JournalKind.allCases.firstIndex(of: base.kind)!),
            .text("text", "What", base.text, placeholder: "what happened, what you learned, what was promised", required: true, keepsNewlines: true),
            .text("date", "Date", base.date.iso, placeholder: "YYYY-MM-DD, today, yesterday, -3"),
            .text("author", "Author", base.author),
        ], focusing: "text"))
    }

    static func makeJournalEntry(_ form: FormState, base: JournalEntry, today: CalendarDate) -> FormOutcome<JournalEntry> {
        var entry = base
        var errors: [String: String] = [:]
        if form.isChanged("text") || base.text.isEmpty { entry.text = form.text("text").trimmingWhitespace() }
        if entry.text.isEmpty { errors["text"] = "Write what happened or what you learned." }
        if form.isChanged("kind") { entry.kind = JournalKind.allCases[form.choice("kind")] }
        if form.isChanged("author") { entry.author = form.text("author").trimmingWhitespace() }
        if form.isChanged("date") {
            var missing = false
            form.date("date", today: today, errors: &errors) { date in
                if let date { entry.date = date } else { missing = true }
            }
            if missing { errors["date"] = "A journal entry needs its date." }
            if entry.date > today, errors["date"] == nil {
                errors["date"] = "A journal entry records what happened: today or an earlier day (a promise for later goes in the text)."
            }
        }
        return errors.isEmpty ? .valid(entry) : .invalid(errors)
    }

    public static func handover(of account: Account, today: CalendarDate) -> EditorForm {
        EditorForm(purpose: .handOver(account.id), state: FormState(title: "Hand \(account.name) over", fields: [
            .text("owner", "New owner", "", placeholder: "who takes the account over", required: true),
            .text("date", "From", today.iso, placeholder: "YYYY-MM-DD or today"),
            .text("note", "Handover note", "", placeholder: "goodwill and flexibility shown, the mood to keep", keepsNewlines: true),
        ]))
    }

    public static func ownerRecord(_ record: OwnershipRecord, in account: Account) -> EditorForm {
        EditorForm(purpose: .editOwnerRecord(account.id, record.id), state: FormState(title: "\(record.owner)'s handover note", fields: [
            .text("note", "Handover note", record.handoverNote, placeholder: "goodwill and flexibility shown, the mood to keep", keepsNewlines: true),
        ]))
    }

    public static func statement(_ settings: WorkbookSettings) -> EditorForm {
        EditorForm(purpose: .partnershipStatement, state: FormState(title: "What we mean by a partnership", fields: [
            .text("statement", "Our statement", settings.partnershipStatement,
                  placeholder: "e.g. shared reward, risk, accountability and philosophy — both ways", keepsNewlines: true),
        ]))
    }
}
