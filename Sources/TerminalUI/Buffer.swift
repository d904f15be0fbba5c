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

    /// The whole grid as text, one line per row, trailing spaces removed: easy to search in tests.
    public var text: String {
        textLines().map { line in
            var trimmed = Substring(line)
            while trimmed.last == " " { trimmed.removeLast() }
            return String(trimmed)
        }.joined(separator: "\n")
    }
}
