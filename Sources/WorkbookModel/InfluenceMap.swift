/// A stable random identifier for people and sales objectives inside an account.
public struct EntityID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static func random<G: RandomNumberGenerator>(using generator: inout G) -> EntityID {
        EntityID(AccountID.random(using: &generator).rawValue)
    }

    public var description: String { rawValue }
    public static func < (lhs: EntityID, rhs: EntityID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A single, specific, measurable result we are selling toward, with a close date and an amount.
public struct SalesObjective: Hashable, Sendable, Identifiable {
    public var id: EntityID
    public var title: String
    public var closeDate: CalendarDate?
    public var amount: Int?
    /// Where we stand, on the Strategic Selling scale from +5 (euphoric) to −5 (panic).
    public var position: Int
    public var unknownFields: [String: JSONValue]

    public init(id: EntityID, title: String, closeDate: CalendarDate? = nil, amount: Int? = nil, position: Int = 0,
                unknownFields: [String: JSONValue] = [:]) {
        self.id = id
        self.title = title
        self.closeDate = closeDate
        self.amount = amount
        self.position = position
        self.unknownFields = unknownFields
    }
}

/// How senior a person is in the customer's organisation.
public enum PersonLevel: String, CaseIterable, Sendable, Hashable {
    case executive, senior, middle, operational
    public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// How well someone on our side knows a person of theirs.
public enum CoverageLevel: String, CaseIterable, Sendable, Hashable, Comparable {
    case none, brief, multiple, inDepth = "in-depth"

    public var title: String {
        switch self {
        case .none: return "None"
        case .brief: return "Brief"
        case .multiple: return "Multiple contacts"
        case .inDepth: return "In depth"
        }
    }

    public var rank: Int { CoverageLevel.allCases.firstIndex(of: self)! }
    public static func < (lhs: CoverageLevel, rhs: CoverageLevel) -> Bool { lhs.rank < rhs.rank }
}

/// One person on our side covering a person of theirs, and how well.
public struct Coverage: Hashable, Sendable {
    /// Our colleague's name; the grid's columns are these names.
    public var by: String
    public var level: CoverageLevel

    public init(by: String, level: CoverageLevel) {
        self.by = by
        self.level = level
    }
}

/// A person at the customer: who they are, who they report to and influence, what moves them.
public struct Person: Hashable, Sendable, Identifiable {
    public var id: EntityID
    public var name: String
    public var title: String
    public var level: PersonLevel
    public var reportsTo: EntityID?
    /// People this person influences outside the reporting line; a sorted set of ids.
    public var influences: [EntityID]
    /// Personality, values and background.
    public var notes: String
    public var hotButtons: String
    public var coldButtons: String
    /// Who on our side covers them; kept sorted by `by`.
    public var coverage: [Coverage]
    public var lastContact: CalendarDate?
    /// The next meeting as a stepping stone, and when.
    public var nextStep: String
    public var nextStepDate: CalendarDate?
    /// New in the job, or moved in a reorganisation: what we knew may no longer hold.
    public var isNewInRole: Bool
    /// Information about this person is marked uncertain.
    public var isUncertain: Bool
    public var unknownFields: [String: JSONValue]

    public init(
        id: EntityID, name: String, title: String = "", level: PersonLevel = .middle, reportsTo: EntityID? = nil,
        influences: [EntityID] = [], notes: String = "", hotButtons: String = "", coldButtons: String = "",
        coverage: [Coverage] = [], lastContact: CalendarDate? = nil, nextStep: String = "", nextStepDate: CalendarDate? = nil,
        isNewInRole: Bool = false, isUncertain: Bool = false, unknownFields: [String: JSONValue] = [:]
    ) {
        self.id = id
        self.name = name
        self.title = title
        self.level = level
        self.reportsTo = reportsTo
        self.influences = Array(Set(influences)).sorted()
        self.notes = notes
        self.hotButtons = hotButtons
        self.coldButtons = coldButtons
        self.coverage = coverage.sorted { $0.by < $1.by }
        self.lastContact = lastContact
        self.nextStep = nextStep
        self.nextStepDate = nextStepDate
        self.isNewInRole = isNewInRole
        self.isUncertain = isUncertain
        self.unknownFields = unknownFields
    }

    /// The best coverage anyone on our side has of this person.
    public var bestCoverage: CoverageLevel { coverage.map(\.level).max() ?? .none }
}

/// The four buying roles of Strategic Selling.
public enum BuyingRole: String, CaseIterable, Sendable, Hashable, Comparable {
    case economic, technical, user, coach

    public var title: String {
        switch self {
        case .economic: return "Economic Buyer"
        case .technical: return "Technical Buyer"
        case .user: return "User Buyer"
        case .coach: return "Coach"
        }
    }

    /// The badge on a card: EB, TB, UB, CO.
    public var badge: String {
        switch self {
        case .economic: return "EB"
        case .technical: return "TB"
        case .user: return "UB"
        case .coach: return "CO"
        }
    }

    public var rank: Int { BuyingRole.allCases.firstIndex(of: self)! }
    public static func < (lhs: BuyingRole, rhs: BuyingRole) -> Bool { lhs.rank < rhs.rank }
}

/// How much weight a person's view carries in this objective.
public enum InfluenceDegree: String, CaseIterable, Sendable, Hashable {
    case high, medium, low
    public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
    public var letter: String { String(rawValue.prefix(1).uppercased()) }
}

/// The response mode: how the person sees the gap between where they are and where they want to be.
public enum ResponseMode: String, CaseIterable, Sendable, Hashable {
    case growth, trouble, evenKeel = "even-keel", overconfident

    public var title: String {
        switch self {
        case .growth: return "Growth"
        case .trouble: return "Trouble"
        case .evenKeel: return "Even Keel"
        case .overconfident: return "Overconfident"
        }
    }

    /// Growth and Trouble see a gap and are likely to buy; Even Keel and Overconfident are not.
    public var isReceptive: Bool { self == .growth || self == .trouble }
}

/// Where a judgement about a person comes from.
public enum JudgementBasis: String, CaseIterable, Sendable, Hashable {
    case stated, observed, inferred
    public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// A judgement's basis and when it was last checked.
public struct Judgement: Hashable, Sendable {
    public var basis: JudgementBasis
    public var checkedOn: CalendarDate?

    public init(basis: JudgementBasis = .inferred, checkedOn: CalendarDate? = nil) {
        self.basis = basis
        self.checkedOn = checkedOn
    }
}

/// A person's part in one sales objective: roles, influence, mode, rating, win and result.
public struct BuyingInfluence: Hashable, Sendable, Identifiable {
    public var id: EntityID
    public var objectiveID: EntityID
    public var personID: EntityID
    /// A sorted set: a person may hold several roles.
    public var roles: [BuyingRole]
    public var degree: InfluenceDegree
    public var mode: ResponseMode?
    /// How they see our proposal, −5…+5.
    public var rating: Int?
    /// Their personal win, and the business result it rests on.
    public var win: String
    public var result: String
    public var roleJudgement: Judgement
    public var modeJudgement: Judgement
    public var ratingJudgement: Judgement
    public var unknownFields: [String: JSONValue]

    public init(
        id: EntityID, objectiveID: EntityID, personID: EntityID, roles: [BuyingRole] = [], degree: InfluenceDegree = .medium,
        mode: ResponseMode? = nil, rating: Int? = nil, win: String = "", result: String = "",
        roleJudgement: Judgement = Judgement(), modeJudgement: Judgement = Judgement(), ratingJudgement: Judgement = Judgement(),
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.id = id
        self.objectiveID = objectiveID
        self.personID = personID
        self.roles = Array(Set(roles)).sorted()
        self.degree = degree
        self.mode = mode
        self.rating = rating.map { max(-5, min(5, $0)) }
        self.win = win
        self.result = result
        self.roleJudgement = roleJudgement
        self.modeJudgement = modeJudgement
        self.ratingJudgement = ratingJudgement
        self.unknownFields = unknownFields
    }
}
