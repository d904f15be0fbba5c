/// The cell grid that every view draws into; the terminal shows it by diffing two of them.
public struct Buffer: Hashable, Sendable {
    public private(set) var size: Size
    public private(set) var cells: [Cell]

    public init(size: Size, filling cell: Cell = .blank) {
        self.size = size
        self.cells = Array(repeating: cell, count: size.width * size.height)
    }

    public var bounds: Rect { Rect(size: size) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
    }

    /// Puts one grapheme at (x, y), keeping wide graphemes whole: a wide grapheme that does not fit
    /// becomes a space, and overwriting half of a wide grapheme blanks its other half.
    /// Returns the columns used (0 outside the grid).
    @discardableResult
    public mutating func put(_ grapheme: Character, x: Int, y: Int, style: Style, clip: Rect? = nil) -> Int {
        let area = clip.map { $0.intersection(bounds) } ?? bounds
        guard y >= area.y, y < area.maxY, x >= area.x, x < area.maxX else { return 0 }
        let safe = TextWidth.sanitized(grapheme)
        let columns = TextWidth.width(of: safe)
        if columns == 0 { return 0 }
        if columns == 2 && x + 1 >= area.maxX {
            setSingle(" ", x: x, y: y, style: style)
            return 1
        }
        setSingle(safe, x: x, y: y, style: style)
        if columns == 2 {
            let index = y * size.width + x + 1
            clearWideNeighbours(at: index)
            cells[index] = Cell(" ", style: style, isContinuation: true)
        }
        return columns
    }

    private mutating func setSingle(_ grapheme: Character, x: Int, y: Int, style: Style) {
        let index = y * size.width + x
        clearWideNeighbours(at: index)
        cells[index] = Cell(grapheme, style: style)
    }

    /// Before `index` is overwritten: a continuation loses its lead, a lead loses its continuation.
    private mutating func clearWideNeighbours(at index: Int) {
        let x = index % size.width
        if cells[index].isContinuation, x > 0 {
            cells[index - 1].grapheme = " "
        } else if x + 1 < size.width, cells[index + 1].isContinuation {
            cells[index + 1].isContinuation = false
            cells[index + 1].grapheme = " "
        }
    }

    /// Writes `text` from (x, y) on one line, stopping at `maxWidth` columns or the clip edge.
    /// Returns the columns used.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style, maxWidth: Int = Int.max, clip: Rect? = nil) -> Int {
        let area = clip.map { $0.intersection(bounds) } ?? bounds
        guard y >= area.y, y < area.maxY else { return 0 }
        let limit = maxWidth >= area.maxX - x ? area.maxX : x + max(0, maxWidth)
        var column = x
        for grapheme in text {
            if column >= limit { break }
            let safe = TextWidth.sanitized(grapheme)
            let columns = TextWidth.width(of: safe)
            if columns == 0 { continue }
            if column + columns > limit {
                if column >= area.x { setSingle(" ", x: column, y: y, style: style) }
                column += 1
                break
            }
            if column >= area.x {
                column += put(safe, x: column, y: y, style: style, clip: area)
            } else {
                column += columns
            }
        }
        return column - x
    }

    /// Fills a rectangle with one grapheme in one style.
    public mutating func fill(_ rect: Rect, with grapheme: Character = " ", style: Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { setSingle(grapheme, x: x, y: y, style: style) }
        }
    }

    /// Changes the style of every cell in `rect`, keeping what is written there.
    public mutating func restyle(_ rect: Rect, style: Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { cells[y * size.width + x].style = style }
        }
    }

    /// The widest gap `paintingForm` joins: column separators and padding. Wider blank stretches (an empty
    /// pane row between two borders) keep their style, or text appearing in them would restyle the rest too.
    static let gapTakingNeighbours = 6

    /// The grid as a terminal should paint it. A short gap of blanks between two cells of the same style
    /// takes that style when only its background shows (no underline or reverse) and the background is
    /// the same: the terminal then paints text, gap and text without switching bold or colour off and on
    /// in between. Everything visible stays as it is, and the same frame always gets the same form.
    public func paintingForm() -> Buffer {
        func onlyBackgroundShows(_ style: Style) -> Bool { style.attributes.isDisjoint(with: [.underline, .reverse]) }
        func isPlainBlank(_ cell: Cell) -> Bool { cell.grapheme == " " && !cell.isContinuation && onlyBackgroundShows(cell.style) }
        var copy = self
        for y in 0..<size.height {
            let row = y * size.width
            var left: Style?
            var x = 0
            while x < size.width {
                let cell = cells[row + x]
                guard isPlainBlank(cell) else {
                    if !cell.isContinuation { left = cell.style }
                    x += 1
                    continue
                }
                var end = x + 1
                while end < size.width, isPlainBlank(cells[row + end]), cells[row + end].style.background == cell.style.background {
                    end += 1
                }
                if let style = left, end - x <= Buffer.gapTakingNeighbours, end < size.width, cells[row + end].style == style,
                   style.background == cell.style.background, onlyBackgroundShows(style) {
                    for gap in x..<end { copy.cells[row + gap].style = style }
                }
                left = cells[row + end - 1].style
                x = end
            }
        }
        return copy
    }

    /// The grid as plain text lines (wide graphemes once, trailing spaces kept): what golden files hold.
    public func textLines() -> [String] {
        (0..<size.height).map { y in
            var line = ""
            for x in 0..<size.width {
                let cell = self[x, y]
                if !cell.isContinuation { line.append(cell.grapheme) }
            }
            return line
        }
    }

    /// What a part of the grid reads, one line per row (wide characters once): for tests that look
    /// at one pane.
    public func text(in rect: Rect) -> String {
        (rect.y..<rect.maxY).map { y in String((rect.x..<rect.maxX).compactMap { self[$0, y].isContinuation ? nil : self[$0, y].grapheme }) }
            .joined(separator: "\n")
    }

    /// The whole grid as text, one line per row, trailing spaces removed: easy to search in tests.
    public var text: String {
        textLines().map { line in
            var trimmed = Substring(line)
            while trimmed.last == " " { trimmed.removeLast() }
            return String(trimmed)
        }.joined(separator: "\n")
    }
}
