/// What kind of relationship an account really is, from first contact to partnership (or loss).
public enum RelationshipStage: String, CaseIterable, Sendable, Hashable {
    case prospect
    case vendor
    case reliableSupplier = "reliable-supplier"
    case partner
    case lost

    /// The words a person reads.
    public var title: String {
        switch self {
        case .prospect: return "Prospect"
        case .vendor: return "Vendor"
        case .reliableSupplier: return "Reliable supplier"
        case .partner: return "Partner"
        case .lost: return "Lost"
        }
    }

    /// Order used when sorting by stage: the way a relationship normally grows, lost last.
    public var rank: Int { RelationshipStage.allCases.firstIndex(of: self)! }
}
