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
    /// Who fills each role in the objective, sorted by name.
    public static func roleHolders(for account: Account, objective: EntityID) -> [BuyingRole: [Person]] {
        var holders: [BuyingRole: [Person]] = [:]
        for influence in account.influences(in: objective) {
            guard let person = account.person(influence.personID) else { continue }
            for role in influence.roles { holders[role, default: []].append(person) }
        }
        return holders.mapValues { $0.sorted { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) } }
    }

    /// Objective-level flags first, then each person's in name order, rules in declaration order.
    public static func flags(for account: Account, objective: EntityID, today: CalendarDate, thresholds: InfluenceThresholds = .init()) -> [InfluenceFlag] {
        let holders = roleHolders(for: account, objective: objective)
        var flags: [InfluenceFlag] = []
        if holders[.economic, default: []].isEmpty {
            flags.append(InfluenceFlag(rule: .noEconomicBuyer, personID: nil, reason: "No Economic Buyer identified: who gives the final yes?"))
        }
        for role in [BuyingRole.technical, .user] where holders[role, default: []].isEmpty {
            flags.append(InfluenceFlag(rule: .roleUnfilled, personID: nil, reason: "No \(role.title) identified: who will judge it \(role == .technical ? "against the specifications" : "by its effect on their job")?"))
        }
        if holders[.coach, default: []].isEmpty {
            flags.append(InfluenceFlag(rule: .noCoach, personID: nil, reason: "No Coach: nobody is guiding us to the others and telling us how to position ourselves."))
        }
        let people = account.influences(in: objective).compactMap { influence in account.person(influence.personID).map { ($0, influence) } }
            .sorted { ($0.0.name.lowercased(), $0.0.id) < ($1.0.name.lowercased(), $1.0.id) }
        for (person, influence) in people {
            flags += personFlags(person, influence, today: today, thresholds: thresholds)
        }
        return flags
    }

    static func personFlags(_ person: Person, _ influence: BuyingInfluence, today: CalendarDate, thresholds: InfluenceThresholds) -> [InfluenceFlag] {
        var flags: [InfluenceFlag] = []
        func flag(_ rule: InfluenceRule, _ reason: String) { flags.append(InfluenceFlag(rule: rule, personID: person.id, reason: reason)) }
        let name = person.name
        let roles = influence.roles.isEmpty ? "" : " (" + influence.roles.map(\.title).joined(separator: ", ") + ")"
        if let last = person.lastContact {
            let days = last.days(until: today)
            if days > thresholds.contactDays { flag(.notContactedRecently, "\(name)\(roles) has not been contacted for \(days) days") }
        } else {
            flag(.neverContacted, "\(name)\(roles) has never been contacted")
        }
        if person.isUncertain { flag(.uncertainInformation, "Information about \(name) is marked uncertain") }
        if person.isNewInRole { flag(.newInRole, "\(name) is new in the role or moved in a reorganisation: check what still holds") }
        if influence.degree == .high, let mode = influence.mode, !mode.isReceptive {
            flag(.complacentHighInfluence, "\(name): \(mode.title) with high influence — sees no gap, so no reason to change")
        }
        if influence.degree == .high, let rating = influence.rating, rating < 0 {
            flag(.negativeHighInfluence, "\(name) rates our proposal \(rating) and has high influence")
        }
        if influence.win.isEmpty || influence.result.isEmpty {
            flag(.noWinOrResult, "\(name): no \(influence.win.isEmpty ? "personal win" : "business result") recorded")
        }
        if person.bestCoverage == .none { flag(.notCovered, "\(name): nobody on our side covers them") }
        if person.nextStep.isEmpty {
            flag(.nextStepMissing, "\(name): the next step is missing")
        } else if let date = person.nextStepDate, date < today {
            flag(.nextStepPast, "\(name): the next step was due \(date.iso)")
        }
        let judgements: [(String, Judgement, Bool)] = [
            ("role", influence.roleJudgement, !influence.roles.isEmpty),
            ("mode", influence.modeJudgement, influence.mode != nil),
            ("rating", influence.ratingJudgement, influence.rating != nil),
        ]
        for (label, judgement, isSet) in judgements where isSet {
            if judgement.basis == .inferred {
                flag(.judgementOnlyInferred, "\(name): \(label) is only inferred — check it")
            } else if let checked = judgement.checkedOn {
                let days = checked.days(until: today)
                if days > thresholds.judgementDays { flag(.judgementNotChecked, "\(name): \(label) not checked for \(days) days") }
            } else {
                flag(.judgementNotChecked, "\(name): \(label) never checked")
            }
        }
        if let mode = influence.mode, mode.isReceptive, let rating = influence.rating, rating > 0 {
            flag(.receptivePositive, "\(name): \(mode.title) mode and rates us +\(rating) — build on it")
        }
        if influence.roles.contains(.coach), influence.rating.map({ $0 > 0 }) ?? true,
           let last = person.lastContact, last.days(until: today) <= thresholds.activeCoachDays {
            flag(.activeCoach, "\(name) is an active Coach (contacted \(last.days(until: today)) days ago)")
        }
        return flags
    }
}
