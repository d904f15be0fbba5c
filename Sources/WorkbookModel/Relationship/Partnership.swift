import Foundation

/// The four things a real partnership shares, both ways.
public enum PartnershipElement: String, CaseIterable, Sendable, Hashable {
    case reward, risk, accountability, philosophy

    public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// What the score means for our side, shown beside it.
    public var oursQuestion: String {
        switch self {
        case .reward: return "Do we get fair profit and access?"
        case .risk: return "Do we share their risk (effort poured into one customer)?"
        case .accountability: return "Do we sit at the table when things go wrong?"
        case .philosophy: return "Do our guiding beliefs match theirs?"
        }
    }

    /// What the score means for their side.
    public var theirsQuestion: String {
        switch self {
        case .reward: return "Do they get attention and fair pricing?"
        case .risk: return "Do they share ours (dependence on fewer suppliers)?"
        case .accountability: return "Do they sit at the table when things go wrong?"
        case .philosophy: return "Do their guiding beliefs match ours?"
        }
    }
}

/// Whose side of the relationship an assessment is about.
public enum PartnershipSide: String, CaseIterable, Sendable, Hashable {
    case ours, theirs
    public var title: String { self == .ours ? "Us" : "Them" }
}

/// One side's view of one element: a short score from −2 (absent, or against) to +2 (fully shared), and a note.
public struct ElementAssessment: Hashable, Sendable {
    public static let scoreRange = -2...2
    public var score: Int?
    public var note: String

    public init(score: Int? = nil, note: String = "") {
        self.score = score.map { max(Self.scoreRange.lowerBound, min(Self.scoreRange.upperBound, $0)) }
        self.note = note
    }

    public var isEmpty: Bool { score == nil && note.isEmpty }
}

/// What the customer says "partnership" means to them; "a better price" is the classic warning.
public enum CustomerMeaning: String, CaseIterable, Sendable, Hashable {
    case notAsked = "not-asked"
    case betterPricing = "better-pricing"
    case moreAttention = "more-attention"
    case sharedGoals = "shared-goals"

    public var title: String {
        switch self {
        case .notAsked: return "Not asked yet"
        case .betterPricing: return "A better price"
        case .moreAttention: return "More attention and service"
        case .sharedGoals: return "Shared goals, risk and reward"
        }
    }
}

/// How far a milestone of the shared plan has come.
public enum MilestoneStatus: String, CaseIterable, Sendable, Hashable {
    case planned, underway, done, slipped
    public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
    public var isOpen: Bool { self == .planned || self == .underway || self == .slipped }
}

/// One step of a partnership's shared plan: what, who owns it, when, and how it stands.
public struct Milestone: Hashable, Sendable, Identifiable {
    public var id: EntityID
    public var what: String
    public var owner: String
    public var due: CalendarDate?
    public var status: MilestoneStatus
    public var unknownFields: [String: JSONValue]

    public init(id: EntityID, what: String, owner: String = "", due: CalendarDate? = nil, status: MilestoneStatus = .planned,
                unknownFields: [String: JSONValue] = [:]) {
        self.id = id
        self.what = what
        self.owner = owner
        self.due = due
        self.status = status
        self.unknownFields = unknownFields
    }
}

/// The relationship as it really is: what the customer means by partnership, the four elements on
/// each side, the sponsors and the shared plan.
public struct Partnership: Hashable, Sendable {
    public var customerMeaning: CustomerMeaning
    /// The customer's own words about what a partnership would be.
    public var meaningWords: String
    /// Each element's assessment, per side; an element never assessed is absent.
    public var assessments: [PartnershipElement: [PartnershipSide: ElementAssessment]]
    /// Sponsors: names on our side and theirs, each a sorted set.
    public var ourSponsors: [String]
    public var theirSponsors: [String]
    /// The shared plan, kept sorted by id.
    public var milestones: [Milestone]
    /// Members of the `partnership` object written by a newer build, and its nested objects as read.
    public var unknownFields: [String: JSONValue]

    public init(customerMeaning: CustomerMeaning = .notAsked, meaningWords: String = "",
                assessments: [PartnershipElement: [PartnershipSide: ElementAssessment]] = [:],
                ourSponsors: [String] = [], theirSponsors: [String] = [], milestones: [Milestone] = [],
                unknownFields: [String: JSONValue] = [:]) {
        self.customerMeaning = customerMeaning
        self.meaningWords = meaningWords
        self.assessments = assessments.compactMapValues { sides in
            let kept = sides.filter { !$0.value.isEmpty }
            return kept.isEmpty ? nil : kept
        }
        self.ourSponsors = Partnership.nameSet(ourSponsors)
        self.theirSponsors = Partnership.nameSet(theirSponsors)
        self.milestones = milestones.sorted { $0.id < $1.id }
        self.unknownFields = unknownFields
    }

    /// Names trimmed, empty ones dropped, sorted and unique: a set that merges cleanly.
    public static func nameSet(_ names: [String]) -> [String] {
        Array(Set(names.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })).sorted()
    }

    public func assessment(_ element: PartnershipElement, _ side: PartnershipSide) -> ElementAssessment {
        assessments[element]?[side] ?? ElementAssessment()
    }

    public mutating func set(_ assessment: ElementAssessment, for element: PartnershipElement, _ side: PartnershipSide) {
        var sides = assessments[element] ?? [:]
        sides[side] = assessment.isEmpty ? nil : assessment
        assessments[element] = sides.isEmpty ? nil : sides
    }

    public var isEmpty: Bool {
        customerMeaning == .notAsked && meaningWords.isEmpty && assessments.isEmpty && ourSponsors.isEmpty
            && theirSponsors.isEmpty && milestones.isEmpty && unknownFields.isEmpty
    }

    public mutating func upsert(_ milestone: Milestone) {
        if let index = milestones.firstIndex(where: { $0.id == milestone.id }) { milestones[index] = milestone } else {
            milestones.append(milestone)
            milestones.sort { $0.id < $1.id }
        }
    }
}
