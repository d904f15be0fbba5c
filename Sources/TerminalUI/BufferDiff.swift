/// A run of adjacent cells on one row that changed since the last frame.
public struct CellRun: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var cells: [Cell]

    public init(x: Int, y: Int, cells: [Cell]) {
        self.x = x
        self.y = y
        self.cells = cells
    }
}

/// Computes what a terminal must write to turn one frame into the next.
public enum BufferDiff {
    /// Unchanged cells shorter than this between two changes are rewritten rather than skipped:
    /// a cursor move costs about as many bytes as a few cells.
    static let gapToBridge = 4

    /// The changed runs from `previous` to `next`; every row in full when there is no comparable previous frame.
    public static func runs(from previous: Buffer?, to next: Buffer) -> [CellRun] {
        let width = next.size.width
        guard width > 0 else { return [] }
        guard let previous, previous.size == next.size else {
            return (0..<next.size.height).map { y in
                CellRun(x: 0, y: y, cells: Array(next.cells[(y * width)..<((y + 1) * width)]))
            }
        }
        var runs: [CellRun] = []
        for y in 0..<next.size.height {
            let rowStart = y * width
            var x = 0
            while x < width {
                guard previous.cells[rowStart + x] != next.cells[rowStart + x] else { x += 1; continue }
                var start = x
                if next.cells[rowStart + start].isContinuation, start > 0 { start -= 1 }
                var end = x + 1
                var gap = 0
                var probe = end
                while probe < width, gap <= gapToBridge {
                    if previous.cells[rowStart + probe] != next.cells[rowStart + probe] {
                        end = probe + 1
                        gap = 0
                    } else {
                        gap += 1
                    }
                    probe += 1
                }
                if end < width, next.cells[rowStart + end].isContinuation { end += 1 }
                runs.append(CellRun(x: start, y: y, cells: Array(next.cells[(rowStart + start)..<(rowStart + end)])))
                x = end
            }
        }
        return runs
    }
}
