import CNcursesw
import TerminalUI

extension NcursesTerminal {
    /// Longest single wait: an infinite wait is cut into slices so a quit signal is never missed.
    private static let waitSlice = 500
    /// How long an ESC waits for the rest of a paste-start sequence (ncurses already waited ESCDELAY).
    private static let escapeFollowUp: Int32 = 25
    /// How long a paste may pause mid-way before what arrived is delivered.
    private static let pasteFollowUp: Int32 = 1000

    public func readEvent(timeoutMilliseconds: Int) -> InputEvent? {
        guard isActive, let window = cnw_stdscr() else { return nil }
        let clock = ContinuousClock()
        let deadline = timeoutMilliseconds >= 0 ? clock.now.advanced(by: .milliseconds(timeoutMilliseconds)) : nil
        var timedOut = false
        while true {
            if !queued.isEmpty { return queued.removeFirst() }
            if TerminalGuard.takeQuitSignal() != nil {
                // SIGINT/SIGTERM/SIGHUP from outside: quit the way Ctrl-C does, through the app's own loop.
                return .key(.control("c"))
            }
            if timedOut { return nil }
            let wait: Int32
            if decoder.isInPaste {
                wait = Self.pasteFollowUp
            } else if decoder.isWaitingAfterEscape {
                wait = Self.escapeFollowUp
            } else if let deadline {
                let remaining = clock.now.duration(to: deadline)
                let milliseconds = max(0, remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000)
                wait = Int32(min(Int64(Self.waitSlice), milliseconds))
            } else {
                wait = Int32(Self.waitSlice)
            }
            wtimeout(window, wait)
            var code: wint_t = 0
            switch wget_wch(window, &code) {
            case OK:
                queued += decoder.feed(.character(UInt32(code)))
            case KEY_CODE_YES where Int32(code) == KEY_RESIZE:
                // ncurses has already resized stdscr (it owns SIGWINCH); report the new size.
                queued.append(.resize(size))
            case KEY_CODE_YES:
                queued += decoder.feed(.keyCode(Int32(code)))
            default:
                // ERR: the wait ran out, or a signal cut it short.
                if decoder.isInPaste || decoder.isWaitingAfterEscape {
                    queued += decoder.timeout()
                } else if let deadline, clock.now >= deadline {
                    timedOut = true
                }
            }
        }
    }
}
