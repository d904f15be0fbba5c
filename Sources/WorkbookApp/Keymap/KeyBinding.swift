import TerminalUI

/// One row of the keymap: keys, what they do, and how the hint bar and help describe them.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var command: Command
    public var scope: KeyScope
    /// Full description for the `?` overlay and KEYBINDINGS.md.
    public var help: String
    /// Short label for the bottom hint bar; nil keeps the binding out of the bar.
    public var hint: String?
    /// Keeps the hint out of the bar while the command is unavailable (the demo key, say), instead of greying it.
    public var hintOnlyWhenAvailable: Bool

    public init(_ keys: [Key], _ command: Command, _ scope: KeyScope, _ help: String, hint: String? = nil, hintOnlyWhenAvailable: Bool = false) {
        self.keys = keys
        self.command = command
        self.scope = scope
        self.help = help
        self.hint = hint
        self.hintOnlyWhenAvailable = hintOnlyWhenAvailable
    }

    /// The keys as written in hints and help: `j/↓`.
    public var keyLabel: String { keys.map(\.description).joined(separator: "/") }
}
