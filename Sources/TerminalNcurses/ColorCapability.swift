/// How many colours the terminal can show, from none to 24-bit.
public enum ColorCapability: Int, Hashable, Sendable, Comparable, CustomStringConvertible {
    case none, eight, sixteen, palette256, trueColor

    /// The capability that `colors` (ncurses' COLORS) allows; anything odd rounds down.
    public init(colorCount colors: Int) {
        switch colors {
        case (1 << 24)...: self = .trueColor
        case 256...: self = .palette256
        case 16...: self = .sixteen
        case 8...: self = .eight
        default: self = .none
        }
    }

    public static func < (lhs: ColorCapability, rhs: ColorCapability) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .none: return "no colour"
        case .eight: return "8 colours"
        case .sixteen: return "16 colours"
        case .palette256: return "256 colours"
        case .trueColor: return "24-bit colour"
        }
    }
}
