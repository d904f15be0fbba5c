/// Why the terminal could not be started; the description is meant for the user.
public enum NcursesTerminalError: Error, Equatable, CustomStringConvertible {
    /// stdin or stdout is a pipe or file, not a terminal.
    case notATerminal(stream: String)
    /// ncurses does not know $TERM (nil when TERM is unset).
    case unknownTerminal(term: String?)
    /// A terminal is already running in this process.
    case alreadyStarted

    public var description: String {
        switch self {
        case .notATerminal(let stream):
            return "workbook needs a terminal: \(stream) is not a tty"
        case .unknownTerminal(nil):
            return "workbook cannot start the terminal: TERM is not set (try TERM=xterm-256color)"
        case .unknownTerminal(let term?):
            return "workbook cannot start the terminal: TERM=\(term) is unknown to ncurses (try TERM=xterm-256color, or install its terminfo)"
        case .alreadyStarted:
            return "workbook cannot start the terminal: it is already running"
        }
    }
}
