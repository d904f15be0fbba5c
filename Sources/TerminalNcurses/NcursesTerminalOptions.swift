/// How the app wants the terminal set up; the defaults suit the app.
public struct NcursesTerminalOptions: Sendable {
    /// Colour, or none at all.
    public enum ColorMode: Sendable, Hashable {
        /// As many colours as the terminal has.
        case auto
        /// No colour, attributes only (NO_COLOR, or a theme that asks for it).
        case mono
    }

    public var colorMode: ColorMode
    /// Receives diagnostics (colour capability, pair exhaustion); never stdout or stderr while curses runs.
    public var log: (@Sendable (String) -> Void)?

    public init(colorMode: ColorMode = .auto, log: (@Sendable (String) -> Void)? = nil) {
        self.colorMode = colorMode
        self.log = log
    }
}
