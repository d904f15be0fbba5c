/// One terminal cell: a grapheme and its style; the right half of a wide grapheme is a continuation cell.
public struct Cell: Hashable, Sendable {
    public var grapheme: Character
    public var style: Style
    /// True for the cell covered by the wide grapheme to its left; it draws nothing itself.
    public var isContinuation: Bool

    public init(_ grapheme: Character = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.grapheme = grapheme
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}
