import TerminalUI

/// A style after colour downgrade: terminal colour numbers and the attributes to set.
struct ResolvedStyle: Hashable, Sendable {
    var foreground: Int32
    var background: Int32
    var attributes: TextAttributes

    init(foreground: Int32, background: Int32, attributes: TextAttributes) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}
