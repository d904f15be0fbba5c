/// A field that can be hidden while presenting to a room.
public enum SensitiveField: String, CaseIterable, Sendable, Hashable, Comparable {
    case personNotes, hotButtons, coldButtons, ratings, pricingStory, accountNotes, partnershipNotes
    case soreSpots, handoverNotes, personalWins

    /// What a person reads in the settings documentation and the help.
    public var title: String {
        switch self {
        case .personNotes: return "notes on people"
        case .hotButtons: return "hot buttons"
        case .coldButtons: return "cold buttons"
        case .ratings: return "individual ratings"
        case .pricingStory: return "the pricing story"
        case .accountNotes: return "account notes"
        case .partnershipNotes: return "notes on the partnership elements"
        case .soreSpots: return "sore-spot journal entries"
        case .handoverNotes: return "handover notes"
        case .personalWins: return "personal wins"
        }
    }

    /// Hidden unless the workbook says otherwise: every free-text judgement about the customer and its
    /// people, and pricing. A review is shown to a room, so what is hidden is the safe default.
    public static let defaults: Set<SensitiveField> = Set(allCases)

    /// The journal kinds whose text this field hides.
    public var journalKind: JournalKind? {
        switch self {
        case .pricingStory: return .pricingStory
        case .soreSpots: return .soreSpot
        default: return nil
        }
    }

    public static func < (lhs: SensitiveField, rhs: SensitiveField) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A named set of accounts to review together, kept in `workbook.json` and shared with the team.
public struct ReviewList: Hashable, Sendable {
    public var name: String
    public var accounts: [AccountID]

    public init(name: String, accounts: [AccountID]) {
        self.name = name
        self.accounts = Set(accounts).sorted()
    }
}

/// Workbook-wide review settings: the saved lists and what presenting hides.
public struct ReviewSettings: Hashable, Sendable {
    public var lists: [ReviewList]
    public var sensitive: Set<SensitiveField>
    /// Names in `sensitive` this build does not know, kept so saving does not drop a newer build's choice.
    public var unknownSensitive: [String]
    /// Members of `settings.review` written by a newer build, kept for the next save.
    public var unknownFields: [String: JSONValue] = [:]

    public init(lists: [ReviewList] = [], sensitive: Set<SensitiveField> = SensitiveField.defaults, unknownSensitive: [String] = []) {
        self.lists = lists.sorted { $0.name < $1.name }
        self.sensitive = sensitive
        self.unknownSensitive = unknownSensitive
    }

    public var isDefault: Bool { lists.isEmpty && sensitive == SensitiveField.defaults && unknownSensitive.isEmpty && unknownFields.isEmpty }
}
