import CNcursesw
import Testing
import TerminalUI
@testable import TerminalNcurses

@Suite struct KeyDecoderTests {
    @Test func controlCodes() {
        #expect(KeyDecoder.key(character: 13) == .enter)
        #expect(KeyDecoder.key(character: 10) == .control("j"), "LF is Ctrl-J; Enter sends CR")
        #expect(KeyDecoder.key(character: 9) == .tab)
        #expect(KeyDecoder.key(character: 127) == .backspace)
        #expect(KeyDecoder.key(character: 8) == .backspace)
        #expect(KeyDecoder.key(character: 27) == .escape)
        #expect(KeyDecoder.key(character: 3) == .control("c"))
        #expect(KeyDecoder.key(character: 18) == .control("r"))
        #expect(KeyDecoder.key(character: 1) == .control("a"))
        #expect(KeyDecoder.key(character: 26) == .control("z"))
        #expect(KeyDecoder.key(character: 0) == .control("@"))
        #expect(KeyDecoder.key(character: 31) == .control("_"))
    }

    @Test func wideCharactersBecomeCharacters() {
        #expect(KeyDecoder.key(character: 0x61) == .character("a"))
        #expect(KeyDecoder.key(character: 0x20) == .character(" "))
        #expect(KeyDecoder.key(character: 0xE9) == .character("é"))
        #expect(KeyDecoder.key(character: 0x6F22) == .character("漢"))
        #expect(KeyDecoder.key(character: 0x1F600) == .character("😀"))
        // Not Unicode scalars: a lone surrogate, and beyond U+10FFFF.
        #expect(KeyDecoder.key(character: 0xD800) == nil)
        #expect(KeyDecoder.key(character: 0x110000) == nil)
    }

    @Test func functionKeys() {
        let table: [(Int32, Key)] = [
            (KEY_UP, .up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
            (KEY_HOME, .home), (KEY_END, .end), (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown),
            (KEY_DC, .delete), (KEY_IC, .insert), (KEY_BACKSPACE, .backspace), (KEY_BTAB, .backTab),
            (KEY_ENTER, .enter), (KEY_SHOME, .home), (KEY_SEND, .end), (KEY_SR, .up), (KEY_SF, .down),
            (cnw_key_f(1), .function(1)), (cnw_key_f(12), .function(12)),
            // Shift-F1 is F13 in xterm's numbering.
            (cnw_key_f(13), .function(1)), (cnw_key_f(29), .function(5)),
        ]
        for (code, key) in table {
            #expect(KeyDecoder.key(keyCode: code) == key, "code \(code)")
        }
        #expect(KeyDecoder.key(keyCode: KEY_MOUSE) == nil)
    }

    @Test func extendedKeysByTerminfoName() {
        #expect(KeyDecoder.key(extendedName: "kUP5") == .up)
        #expect(KeyDecoder.key(extendedName: "kDN3") == .down)
        #expect(KeyDecoder.key(extendedName: "kLFT5") == .left)
        #expect(KeyDecoder.key(extendedName: "kRIT7") == .right)
        #expect(KeyDecoder.key(extendedName: "kDC5") == .delete)
        #expect(KeyDecoder.key(extendedName: "kNXT3") == .pageDown)
        #expect(KeyDecoder.key(extendedName: "kxIN") == nil)
        #expect(KeyDecoder.key(keyCode: Int32(KEY_MAX) + 10, name: "kHOM5") == .home)
        // A code ncurses defines statically never needs the name.
        #expect(KeyDecoder.key(keyCode: KEY_UP, name: "ignored") == .up)
    }
}
