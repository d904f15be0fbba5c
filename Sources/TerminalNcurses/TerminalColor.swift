/// A colour as the terminal numbers it (-1 is its default), plus whether bold must stand in for brightness.
struct TerminalColor: Hashable, Sendable {
    /// ncurses' colour number: -1 default, a palette index, or 0xRRGGBB on a direct-colour terminal.
    var number: Int32
    /// True when a bright ANSI foreground became its normal colour on an 8-colour terminal.
    var needsBold: Bool

    init(_ number: Int32, needsBold: Bool = false) {
        self.number = number
        self.needsBold = needsBold
    }

    static let `default` = TerminalColor(-1)
}
