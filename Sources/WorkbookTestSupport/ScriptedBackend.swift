import TerminalUI

/// A terminal that plays a list of events and keeps what was drawn in a cell grid, like a real screen.
public final class ScriptedBackend: TerminalBackend {
    public private(set) var size: Size
    public private(set) var screen: Buffer
    public private(set) var drawCount = 0
    public private(set) var cellsWritten = 0
    public private(set) var lastCursor: CursorPosition?
    /// The runs of the last draw: what a real terminal would have been asked to change.
    public private(set) var lastRuns: [CellRun] = []
    private var events: [InputEvent]

    public init(size: Size, events: [InputEvent] = []) {
        self.size = size
        self.screen = Buffer(size: size)
        self.events = events
    }

    public func enqueue(_ more: [InputEvent]) { events.append(contentsOf: more) }

    /// Events as typed text: each character is a key.
    public func type(_ text: String) { enqueue(text.map { .key(.character($0)) }) }

    public func readEvent(timeoutMilliseconds: Int) -> InputEvent? {
        // At the end of the script: nothing is waiting right now, and a wait for more ends the app.
        guard !events.isEmpty else { return timeoutMilliseconds == 0 ? nil : .key(.control("c")) }
        let event = events.removeFirst()
        if case .resize(let newSize) = event { size = newSize }
        return event
    }

    public func draw(_ runs: [CellRun], cursor: CursorPosition?, fullRedraw: Bool) {
        drawCount += 1
        lastRuns = runs
        if fullRedraw || screen.size != size { screen = Buffer(size: size) }
        var copy = screen
        for run in runs {
            var x = run.x
            for cell in run.cells {
                if !cell.isContinuation { copy.put(cell.grapheme, x: x, y: run.y, style: cell.style) }
                x += 1
                cellsWritten += 1
            }
        }
        screen = copy
        lastCursor = cursor
    }

    public func suspend() {}
}
