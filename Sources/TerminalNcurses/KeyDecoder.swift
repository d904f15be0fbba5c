import CNcursesw
import TerminalUI

/// Maps what `wget_wch` returns to the app's `Key`: a pure table, testable without a terminal.
enum KeyDecoder {
    /// The key for a character code (status OK), or nil for a code that is not a character.
    static func key(character code: UInt32) -> Key? {
        switch code {
        case 13: return .enter
        // Enter sends CR in raw mode; LF is Ctrl-J, free for "new line" in multi-line fields.
        case 10: return .control("j")
        case 9: return .tab
        case 127, 8: return .backspace
        case 27: return .escape
        case 0: return .control("@")  // Ctrl-Space and Ctrl-@ both send NUL
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(code) + 96)))
        case 28: return .control("\\")
        case 29: return .control("]")
        case 30: return .control("^")
        case 31: return .control("_")
        default:
            // Linux wint_t holds a whole scalar (no surrogates); anything else is not a character.
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// The key for a key code (status KEY_CODE_YES), or nil when the app has no use for it.
    /// `name` is ncurses' `keyname` for codes above KEY_MAX, which terminfo defines per terminal.
    static func key(keyCode code: Int32, name: String? = nil) -> Key? {
        if let key = fixedKeys[code] { return key }
        let f1 = Int32(KEY_F0) + 1
        if code >= f1, code < Int32(KEY_F0) + 64 {
            // xterm numbers Shift-F1 as F13, Ctrl-F1 as F25…: keep the key, drop the modifier.
            return .function(Int((code - f1) % 12) + 1)
        }
        if isExtended(code), let name { return key(extendedName: name) }
        return nil
    }

    /// True for codes terminfo assigns per terminal (above KEY_MAX), which only `keyname` can identify.
    static func isExtended(_ code: Int32) -> Bool { code > Int32(KEY_MAX) }

    /// The key for an extended terminfo key name such as `kUP5` (Ctrl-↑); modifiers are dropped.
    static func key(extendedName name: String) -> Key? {
        var base = Substring(name)
        while let last = base.last, last.isNumber { base.removeLast() }
        switch base {
        case "kUP": return .up
        case "kDN": return .down
        case "kLFT": return .left
        case "kRIT": return .right
        case "kHOM": return .home
        case "kEND": return .end
        case "kPRV": return .pageUp
        case "kNXT": return .pageDown
        case "kDC": return .delete
        case "kIC": return .insert
        default: return nil
        }
    }

    private static let fixedKeys: [Int32: Key] = {
        let pairs: [(Int32, Key)] = [
            (KEY_UP, .up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
            (KEY_HOME, .home), (KEY_END, .end), (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown),
            (KEY_DC, .delete), (KEY_IC, .insert), (KEY_BACKSPACE, .backspace), (KEY_BTAB, .backTab),
            (KEY_ENTER, .enter),
            // Shifted keys: the app has no modifiers, so Shift-↑ is still ↑.
            (KEY_SR, .up), (KEY_SF, .down), (KEY_SLEFT, .left), (KEY_SRIGHT, .right),
            (KEY_SHOME, .home), (KEY_SEND, .end), (KEY_SPREVIOUS, .pageUp), (KEY_SNEXT, .pageDown),
            (KEY_SDC, .delete), (KEY_SIC, .insert),
            // The keypad's corners, as terminfo names them.
            (KEY_A1, .home), (KEY_A3, .pageUp), (KEY_C1, .end), (KEY_C3, .pageDown), (KEY_BEG, .home),
        ]
        return Dictionary(pairs.map { (Int32($0.0), $0.1) }, uniquingKeysWith: { first, _ in first })
    }()
}
