import WorkbookModel

/// The forms of the influence map: a person, their part in an objective, an objective, our coverage of them.
public enum InfluenceForms {
    static let yesNo = ["No", "Yes"]
    static let ratings = ["—"] + (-5...5).map(InfluenceRules.signed)
    /// −5 … +5, so that → always means "more".
    static let positions = (-5...5).map { $0 > 0 ? "+\($0)" : "\($0)" }
    static let degrees: [InfluenceDegree] = [.low, .medium, .high]

    public static func newPerson(in account: Account) -> EditorForm {
        EditorForm(purpose: .addPerson(account.id), state: FormState(title: "New person", fields: personFields(Person(id: EntityID(""), name: ""))))
    }

    public static func editing(_ person: Person, in account: Account) -> EditorForm {
        EditorForm(purpose: .editPerson(account.id, person.id), state: FormState(title: "Edit \(person.name)", fields: personFields(person)))
    }

    static func personFields(_ person: Person) -> [FormField] {
        [
            .text("name", "Name", person.name, required: true),
            .text("title", "Title", person.title, placeholder: "e.g. CFO, Head of Logistics"),
            .choice("level", "Level", options: PersonLevel.allCases.map(\.title), selected: PersonLevel.allCases.firstIndex(of: person.level)!),
            .text("notes", "Personality", person.notes, placeholder: "personality, values, background", keepsNewlines: true),
            .text("hot", "Hot buttons", person.hotButtons, placeholder: "what moves them"),
            .text("cold", "Cold buttons", person.coldButtons, placeholder: "what to avoid"),
            .text("lastContact", "Last contact", person.lastContact?.iso ?? "", placeholder: "YYYY-MM-DD or today"),
            .text("nextStep", "Next step", person.nextStep, placeholder: "the next meeting, as a stepping stone"),
            .text("nextStepDate", "Next step on", person.nextStepDate?.iso ?? "", placeholder: "YYYY-MM-DD, +7 …"),
            .choice("newInRole", "New in role", options: yesNo, selected: person.isNewInRole ? 1 : 0),
            .choice("uncertain", "Uncertain info", options: yesNo, selected: person.isUncertain ? 1 : 0),
        ]
    }

    static func makePerson(from form: FormState, base: Person, today: CalendarDate) -> FormOutcome<Person> {
        var person = base
        var errors: [String: String] = [:]
        // Only what the user changed is written: the account may have been reloaded from disk meanwhile.
        let changed = form.isChanged
        if changed("name") { person.name = form.text("name").trimmingWhitespace() }
        if person.name.isEmpty { errors["name"] = "A name is required." }
        if changed("title") { person.title = form.text("title").trimmingWhitespace() }
        if changed("level") { person.level = PersonLevel.allCases[form.choice("level")] }
        if changed("notes") { person.notes = form.text("notes").trimmingWhitespace() }
        if changed("hot") { person.hotButtons = form.text("hot").trimmingWhitespace() }
        if changed("cold") { person.coldButtons = form.text("cold").trimmingWhitespace() }
        if changed("nextStep") { person.nextStep = form.text("nextStep").trimmingWhitespace() }
        if changed("newInRole") { person.isNewInRole = form.choice("newInRole") == 1 }
        if changed("uncertain") { person.isUncertain = form.choice("uncertain") == 1 }
        if changed("lastContact") { form.date("lastContact", today: today, errors: &errors) { person.lastContact = $0 } }
        if changed("nextStepDate") { form.date("nextStepDate", today: today, errors: &errors) { person.nextStepDate = $0 } }
        return errors.isEmpty ? .valid(person) : .invalid(errors)
    }

    public static func role(of person: Person, in objective: SalesObjective, account: Account) -> EditorForm {
        let current = account.influence(of: person.id, in: objective.id)
            ?? BuyingInfluence(id: EntityID(""), objectiveID: objective.id, personID: person.id)
        let fields: [FormField] = BuyingRole.allCases.map { role in
            .choice("role.\(role.rawValue)", role.title, options: yesNo, selected: current.roles.contains(role) ? 1 : 0)
        } + [
            .choice("degree", "Influence", options: degrees.map(\.title), selected: degrees.firstIndex(of: current.degree)!),
            .choice("mode", "Response mode", options: ["—"] + ResponseMode.allCases.map(\.title),
                    selected: current.mode.map { ResponseMode.allCases.firstIndex(of: $0)! + 1 } ?? 0),
            .choice("rating", "Rating", options: ratings, selected: current.rating.map { $0 + 6 } ?? 0),
            .text("win", "Personal win", current.win, placeholder: "what they get out of it personally"),
            .text("result", "Business result", current.result, placeholder: "the result the win rests on"),
            basisField("roleBasis", "Role basis", current.roleJudgement),
            basisField("modeBasis", "Mode basis", current.modeJudgement),
            basisField("ratingBasis", "Rating basis", current.ratingJudgement),
        ]
        return EditorForm(purpose: .editRole(account.id, objective: objective.id, person: person.id),
                          state: FormState(title: "\(person.name) in \u{201C}\(objective.title)\u{201D}", fields: fields))
    }

    static func basisField(_ key: String, _ title: String, _ judgement: Judgement) -> FormField {
        .choice(key, title, options: JudgementBasis.allCases.map(\.title), selected: JudgementBasis.allCases.firstIndex(of: judgement.basis)!)
    }

    /// The influence the form describes; a judgement whose value or basis changed is stamped checked today.
    static func makeInfluence(from form: FormState, base: BuyingInfluence, today: CalendarDate) -> BuyingInfluence {
        var influence = base
        // Only what the user changed is written: the account may have been reloaded from disk meanwhile.
        let changed = form.isChanged
        if BuyingRole.allCases.contains(where: { changed("role.\($0.rawValue)") }) {
            influence.roles = BuyingRole.allCases.filter { form.choice("role.\($0.rawValue)") == 1 }
        }
        if changed("degree") { influence.degree = degrees[form.choice("degree")] }
        let modeIndex = form.choice("mode")
        if changed("mode") { influence.mode = modeIndex == 0 ? nil : ResponseMode.allCases[modeIndex - 1] }
        let ratingIndex = form.choice("rating")
        if changed("rating") { influence.rating = ratingIndex == 0 ? nil : ratingIndex - 6 }
        if changed("win") { influence.win = form.text("win").trimmingWhitespace() }
        if changed("result") { influence.result = form.text("result").trimmingWhitespace() }
        func judged(_ old: Judgement, _ key: String, changed valueChanged: Bool) -> Judgement {
            guard changed(key) || valueChanged else { return old }
            return Judgement(basis: JudgementBasis.allCases[form.choice(key)], checkedOn: today)
        }
        influence.roleJudgement = judged(base.roleJudgement, "roleBasis", changed: influence.roles != base.roles)
        influence.modeJudgement = judged(base.modeJudgement, "modeBasis", changed: influence.mode != base.mode)
        influence.ratingJudgement = judged(base.ratingJudgement, "ratingBasis", changed: influence.rating != base.rating)
        return influence
    }

    public static func newObjective(in account: Account) -> EditorForm {
        EditorForm(purpose: .addObjective(account.id), state: FormState(title: "New sales objective", fields: objectiveFields(SalesObjective(id: EntityID(""), title: ""))))
    }

    public static func editing(_ objective: SalesObjective, in account: Account) -> EditorForm {
        EditorForm(purpose: .editObjective(account.id, objective.id), state: FormState(title: "Edit sales objective", fields: objectiveFields(objective)))
    }

    static func objectiveFields(_ objective: SalesObjective) -> [FormField] {
        [
            .text("title", "Objective", objective.title, placeholder: "single, specific, measurable", required: true),
            .text("closeDate", "Close date", objective.closeDate?.iso ?? "", placeholder: "YYYY-MM-DD"),
            .text("amount", "Amount", objective.amount.map(String.init) ?? "", placeholder: "e.g. 250k"),
            .choice("position", "Position", options: positions, selected: objective.position + 5),
        ]
    }

    static func makeObjective(from form: FormState, base: SalesObjective, today: CalendarDate) -> FormOutcome<SalesObjective> {
        var objective = base
        var errors: [String: String] = [:]
        objective.title = form.text("title").trimmingWhitespace()
        if objective.title.isEmpty { errors["title"] = "Say what we are selling toward, e.g. \u{201C}40 forklifts for Hamburg by March\u{201D}." }
        form.date("closeDate", today: today, errors: &errors) { objective.closeDate = $0 }
        form.amount("amount", errors: &errors) { objective.amount = $0 }
        objective.position = form.choice("position") - 5
        return errors.isEmpty ? .valid(objective) : .invalid(errors)
    }

    public static func coverage(of person: Person, in account: Account, by colleague: String) -> EditorForm {
        let level = person.coverage.first { $0.by == colleague }?.level ?? .none
        return EditorForm(purpose: .coverage(account.id, person: person.id), state: FormState(title: "Who covers \(person.name)", fields: [
            .text("by", "Our colleague", colleague, required: true),
            .choice("level", "How well", options: CoverageLevel.allCases.map(\.title), selected: level.rank),
        ], focusing: "level"))
    }
}
