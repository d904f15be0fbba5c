/// A key as the app understands it, independent of how the terminal encoded it.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case character(Character)
    /// Ctrl plus a letter, e.g. `.control("r")` for Ctrl-R.
    case control(Character)
    case enter, tab, backTab, backspace, delete, escape
    case up, down, left, right, home, end, pageUp, pageDown, insert
    case function(Int)

    /// How the key is written in hints and help: `j`, `Enter`, `Ctrl-R`, `↑`.
    public var description: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .control(let c): return "Ctrl-\(String(c).uppercased())"
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .escape: return "Esc"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .insert: return "Ins"
        case .function(let n): return "F\(n)"
        }
    }
}

/// What the terminal reports to the app loop.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    /// Text pasted with bracketed paste: inserted as text, never read as commands.
    case paste(String)
    /// The terminal changed size; the next frame is drawn in full.
    case resize(Size)
}

/// Where the text cursor should be shown after a frame, or nil to hide it.
public struct CursorPosition: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// The edge between the pure UI and a real terminal: ncurses in the app, a script in tests.
public protocol TerminalBackend: AnyObject {
    /// The current size of the screen in cells.
    var size: Size { get }
    /// Waits up to `timeoutMilliseconds` (negative: forever) for the next event; nil on timeout.
    func readEvent(timeoutMilliseconds: Int) -> InputEvent?
    /// Writes the changed runs and shows the frame; `fullRedraw` repaints everything (after resize or suspend).
    func draw(_ runs: [CellRun], cursor: CursorPosition?, fullRedraw: Bool)
    /// Gives the terminal back to the shell (Ctrl-Z) and takes it again when the process resumes.
    func suspend()
}
