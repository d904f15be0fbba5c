import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TerminalUI

/// The real terminal: ncurses behind the `TerminalBackend` protocol. Use from the main loop only.
public final class NcursesTerminal: TerminalBackend {
    /// Bracketed paste mode on and off: xterm private mode 2004, which terminfo does not describe.
    static let bracketedPasteOn = "\u{1B}[?2004h"
    static let bracketedPasteOff = "\u{1B}[?2004l"

    /// The colours this session draws with, after the options and the terminal had their say.
    public let colorCapability: ColorCapability

    let options: NcursesTerminalOptions
    let painter: CellPainter
    var decoder: InputDecoder
    /// Events decoded but not yet handed out: one wget_wch can complete several.
    var queued: [InputEvent] = []
    var cursorVisible = false
    private let screen: OpaquePointer
    private(set) var isActive = true
    private var lastSize: Size

    private init(screen: OpaquePointer, options: NcursesTerminalOptions, capability: ColorCapability, defaultColorsWork: Bool) {
        self.screen = screen
        self.options = options
        self.colorCapability = capability
        self.painter = CellPainter(capability: capability, pairCapacity: Int32(cnw_color_pairs()), defaultColorsWork: defaultColorsWork)
        self.decoder = InputDecoder(keyName: { code in keyname(code).map { String(cString: $0) } })
        self.lastSize = Size(width: Int(cnw_cols()), height: Int(cnw_lines()))
    }

    /// Takes over the terminal: full screen, raw keys, no echo, hidden cursor, bracketed paste.
    /// Throws before touching the screen when stdin/stdout are not a tty or $TERM is unknown.
    public static func start(options: NcursesTerminalOptions = NcursesTerminalOptions()) throws -> NcursesTerminal {
        guard !TerminalGuard.isArmed else { throw NcursesTerminalError.alreadyStarted }
        guard isatty(STDIN_FILENO) == 1 else { throw NcursesTerminalError.notATerminal(stream: "stdin") }
        guard isatty(STDOUT_FILENO) == 1 else { throw NcursesTerminalError.notATerminal(stream: "stdout") }
        // Before curses starts, or every non-ASCII character prints as garbage.
        setlocale(LC_ALL, "")
        let term = getenv("TERM").map { String(cString: $0) }
        guard let term, !term.isEmpty else { throw NcursesTerminalError.unknownTerminal(term: nil) }
        // The shell's modes, for the crash handler: captured before curses changes anything.
        _ = TerminalGuard.saveTerminalModes()
        // newterm, not initscr: initscr exits the whole process when TERM is unknown.
        guard let screen = newterm(nil, cnw_stdout(), cnw_stdin()) else {
            throw NcursesTerminalError.unknownTerminal(term: term)
        }
        // raw, not cbreak: Ctrl-C, Ctrl-Z and Ctrl-S reach the app as keys, so it quits through its own loop.
        raw()
        noecho()
        nonl()
        let window = cnw_stdscr()
        keypad(window, true)
        meta(window, true)
        intrflush(window, false)
        scrollok(window, false)
        idlok(window, false)
        leaveok(window, false)
        // ncurses reads ESCDELAY itself when it is set; otherwise a lone Esc would wait a full second.
        if getenv("ESCDELAY") == nil { set_escdelay(25) }
        curs_set(0)

        var capability = ColorCapability.none
        var defaultColorsWork = false
        if options.colorMode == .auto, has_colors() {
            start_color()
            defaultColorsWork = use_default_colors() == OK
            capability = ColorCapability(colorCount: Int(cnw_colors()))
        }
        let terminal = NcursesTerminal(screen: screen, options: options, capability: capability, defaultColorsWork: defaultColorsWork)
        TerminalGuard.arm()
        writeDirectly(bracketedPasteOn)
        options.log?("terminal started: TERM=\(term), \(terminal.lastSize), \(capability), \(cnw_color_pairs()) colour pairs, default colours \(defaultColorsWork ? "on" : "off")")
        return terminal
    }

    deinit {
        stop()
    }

    /// Gives the terminal back to the shell as it was. Safe to call more than once.
    public func stop() {
        guard isActive else { return }
        isActive = false
        endwin()
        Self.writeDirectly(Self.bracketedPasteOff)
        delscreen(screen)
        TerminalGuard.disarm()
        options.log?("terminal stopped")
    }

    public var size: Size {
        if isActive { lastSize = Size(width: Int(cnw_cols()), height: Int(cnw_lines())) }
        return lastSize
    }

    public func suspend() {
        guard isActive else { return }
        endwin()
        Self.writeDirectly(Self.bracketedPasteOff)
        // Default SIGTSTP action meanwhile: the process stops here until the shell continues it.
        TerminalGuard.stopProcess()
        Self.writeDirectly(Self.bracketedPasteOn)
        // After endwin, doupdate puts the terminal back into program mode; clearok repaints everything
        // in case the shell scribbled over the screen.
        clearok(cnw_curscr(), true)
        wnoutrefresh(cnw_stdscr())
        doupdate()
        if cursorVisible { curs_set(1) } else { curs_set(0) }
    }

    /// Writes control bytes straight to the tty: for modes ncurses does not know about.
    static func writeDirectly(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { write(STDOUT_FILENO, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }
}
