/// Thresholds of the influence-map rules (documented in docs/RULES.md), kept together for settings.
public struct InfluenceThresholds: Hashable, Sendable {
    /// A buying influence not contacted for this many days is a red flag.
    public var contactDays: Int
    /// A judgement not checked for this many days is a red flag.
    public var judgementDays: Int
    /// A coach counts as active when contacted within this many days.
    public var activeCoachDays: Int

    public init(contactDays: Int = 30, judgementDays: Int = 60, activeCoachDays: Int = 30) {
        self.contactDays = contactDays
        self.judgementDays = judgementDays
        self.activeCoachDays = activeCoachDays
    }
}

/// Which rule raised a flag; each has a test with positive and negative cases.
public enum InfluenceRule: String, CaseIterable, Sendable, Hashable {
    // Red flags.
    case noEconomicBuyer, roleUnfilled, noCoach, neverContacted, notContactedRecently, uncertainInformation, newInRole,
         complacentHighInfluence, negativeHighInfluence, noWinOrResult, notCovered, nextStepMissing, nextStepPast,
         judgementOnlyInferred, judgementNotChecked
    // Strengths.
    case receptivePositive, activeCoach

    public var isStrength: Bool { self == .receptivePositive || self == .activeCoach }

    /// Raised only by a rating's sign (negative for the flag, positive for the strength): while
    /// ratings are hidden, whether such a line exists or which kind it is would give the rating away.
    public var revealsRating: Bool { self == .negativeHighInfluence || self == .receptivePositive }

    /// Position in `allCases`: a person's flags are listed in this order.
    var order: Int { Self.allCases.firstIndex(of: self)! }
}

/// A red flag or a strength, with the reason line a person reads.
public struct InfluenceFlag: Hashable, Sendable {
    public var rule: InfluenceRule
    /// The person it is about, or nil for the objective as a whole (a role with no one in it).
    public var personID: EntityID?
    public var reason: String

    public init(rule: InfluenceRule, personID: EntityID?, reason: String) {
        self.rule = rule
        self.personID = personID
        self.reason = reason
    }

    public var isStrength: Bool { rule.isStrength }
}

/// The influence-map rules (documented in docs/RULES.md): red flags and strengths for one objective.
public enum InfluenceRules {
    /// A rule that applies, with its reason line.
    typealias Finding = (rule: InfluenceRule, reason: String)

    /// Who fills each role in the objective, each role's people in name order; roles nobody holds are absent.
    public static func roleHolders(for account: Account, objective: EntityID) -> [BuyingRole: [Person]] {
        var holders: [BuyingRole: [Person]] = [:]
        for (person, influence) in judged(account, objective) {
            for role in influence.roles { holders[role, default: []].append(person) }
        }
        return holders
    }

    /// Objective-level flags first, then each person's in name order, rules in `InfluenceRule.allCases` order.
    public static func flags(
        for account: Account, objective: EntityID, today: CalendarDate, thresholds: InfluenceThresholds = .init()
    ) -> [InfluenceFlag] {
        var flags = objectiveFlags(roleHolders(for: account, objective: objective))
        for (person, influence) in judged(account, objective) {
            let findings = personFindings(person, influence, today: today, thresholds: thresholds)
            flags += findings.map { InfluenceFlag(rule: $0.rule, personID: person.id, reason: $0.reason) }
        }
        return flags
    }

    /// The people with a part in the objective, in name order, each once with their part. A git merge can
    /// leave two parts for one person: the one with the smallest id counts. A part whose person a teammate
    /// removed is skipped rather than guessed at.
    static func judged(_ account: Account, _ objective: EntityID) -> [(person: Person, influence: BuyingInfluence)] {
        var seen = Set<EntityID>()
        var parts: [EntityID: BuyingInfluence] = [:]
        for influence in account.influences(in: objective).sorted(by: { $0.id < $1.id }) where seen.insert(influence.personID).inserted {
            parts[influence.personID] = influence
        }
        let people = ReportingTree.sortedByName(account.people.filter { parts[$0.id] != nil })
        var listed = Set<EntityID>()
        return people.compactMap { person in
            guard listed.insert(person.id).inserted, let influence = parts[person.id] else { return nil }
            return (person, influence)
        }
    }

    static func objectiveFlags(_ holders: [BuyingRole: [Person]]) -> [InfluenceFlag] {
        func missing(_ role: BuyingRole) -> Bool { holders[role, default: []].isEmpty }
        var findings: [Finding] = []
        if missing(.economic) { findings.append((.noEconomicBuyer, "No Economic Buyer identified: who gives the final yes?")) }
        if missing(.technical) {
            findings.append((.roleUnfilled, "No Technical Buyer identified: who will judge it against the specifications?"))
        }
        if missing(.user) { findings.append((.roleUnfilled, "No User Buyer identified: who will judge it by its effect on their job?")) }
        if missing(.coach) {
            findings.append((.noCoach, "No Coach: nobody is guiding us to the others and telling us how to position ourselves."))
        }
        return findings.map { InfluenceFlag(rule: $0.rule, personID: nil, reason: $0.reason) }
    }

    /// One person's red flags and strengths in one objective, in rule order.
    static func personFindings(
        _ person: Person, _ influence: BuyingInfluence, today: CalendarDate, thresholds: InfluenceThresholds
    ) -> [Finding] {
        let findings = contact(person, influence, today: today, thresholds: thresholds) + facts(person) + stance(person, influence)
            + plan(person, today: today) + judgements(person, influence, today: today, thresholds: thresholds)
            + strengths(person, influence, today: today, thresholds: thresholds)
        // Several judgements interleave their rules; a stable sort puts them back in rule order.
        return findings.enumerated().sorted { ($0.element.rule.order, $0.offset) < ($1.element.rule.order, $1.offset) }.map(\.element)
    }

    static func contact(_ person: Person, _ influence: BuyingInfluence, today: CalendarDate, thresholds: InfluenceThresholds) -> [Finding] {
        let who = person.name + (influence.roles.isEmpty ? "" : " (" + influence.roles.map(\.title).joined(separator: ", ") + ")")
        guard let last = person.lastContact else { return [(.neverContacted, "\(who) has never been contacted")] }
        let days = last.days(until: today)
        return days > thresholds.contactDays ? [(.notContactedRecently, "\(who) has not been contacted for \(days) days")] : []
    }

    static func facts(_ person: Person) -> [Finding] {
        var findings: [Finding] = []
        if person.isUncertain { findings.append((.uncertainInformation, "Information about \(person.name) is marked uncertain")) }
        if person.isNewInRole {
            findings.append((.newInRole, "\(person.name) is new in the role or moved in a reorganisation: check what still holds"))
        }
        return findings
    }

    /// How they stand toward us: mode and rating where their word weighs most, what they want, who knows them.
    static func stance(_ person: Person, _ influence: BuyingInfluence) -> [Finding] {
        let name = person.name
        var findings: [Finding] = []
        if influence.degree == .high, let mode = influence.mode, !mode.isReceptive {
            findings.append((.complacentHighInfluence, "\(name): \(mode.title) with high influence — sees no gap, so no reason to change"))
        }
        if influence.degree == .high, let rating = influence.rating, rating < 0 {
            findings.append((.negativeHighInfluence, "\(name) rates our proposal \(signed(rating)) and has high influence"))
        }
        switch (isBlank(influence.win), isBlank(influence.result)) {
        case (true, true): findings.append((.noWinOrResult, "\(name): no win or result recorded"))
        case (true, false): findings.append((.noWinOrResult, "\(name): no personal win recorded"))
        case (false, true): findings.append((.noWinOrResult, "\(name): no business result recorded"))
        case (false, false): break
        }
        if person.bestCoverage == .none { findings.append((.notCovered, "\(name): nobody on our side covers them")) }
        return findings
    }

    /// The next meeting as a stepping stone: missing, or its date gone by (due today is not past yet).
    static func plan(_ person: Person, today: CalendarDate) -> [Finding] {
        if isBlank(person.nextStep) { return [(.nextStepMissing, "\(person.name): the next step is missing")] }
        if let date = person.nextStepDate, date < today { return [(.nextStepPast, "\(person.name): the next step was due \(date.iso)")] }
        return []
    }

    /// Only judgements that are set are judged. An inferred one is flagged as such and not also as
    /// unchecked: checking it with the person clears both.
    static func judgements(
        _ person: Person, _ influence: BuyingInfluence, today: CalendarDate, thresholds: InfluenceThresholds
    ) -> [Finding] {
        let set: [(String, Judgement)] = [
            influence.roles.isEmpty ? nil : ("role", influence.roleJudgement),
            influence.mode == nil ? nil : ("mode", influence.modeJudgement),
            influence.rating == nil ? nil : ("rating", influence.ratingJudgement),
        ].compactMap { $0 }
        return set.compactMap { label, judgement -> Finding? in
            if judgement.basis == .inferred { return (.judgementOnlyInferred, "\(person.name): \(label) is only inferred — check it") }
            guard let checked = judgement.checkedOn else { return (.judgementNotChecked, "\(person.name): \(label) never checked") }
            let days = checked.days(until: today)
            return days > thresholds.judgementDays ? (.judgementNotChecked, "\(person.name): \(label) not checked for \(days) days") : nil
        }
    }

    /// Leverage: receptive people who like our proposal, and a Coach we are actually talking to. A Coach
    /// whose rating is not set yet still counts: holding the role already says they want us to win.
    static func strengths(_ person: Person, _ influence: BuyingInfluence, today: CalendarDate, thresholds: InfluenceThresholds) -> [Finding] {
        var findings: [Finding] = []
        if let mode = influence.mode, mode.isReceptive, let rating = influence.rating, rating > 0 {
            findings.append((.receptivePositive, "\(person.name): \(mode.title) mode and rates us \(signed(rating)) — build on it"))
        }
        if influence.roles.contains(.coach), (influence.rating ?? 0) >= 0, let last = person.lastContact {
            let days = last.days(until: today)
            if days <= thresholds.activeCoachDays {
                let when = days <= 0 ? "today" : days == 1 ? "yesterday" : "\(days) days ago"
                findings.append((.activeCoach, "\(person.name) is an active Coach (contacted \(when))"))
            }
        }
        return findings
    }

    /// A rating as a rep writes it: +3, 0, −2 (a true minus sign).
    public static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : value < 0 ? "\u{2212}\(-value)" : "0" }

    static func isBlank(_ text: String) -> Bool { text.allSatisfy(\.isWhitespace) }
}
