import Testing
@testable import TerminalUI

@Suite struct TextWidthTests {
    @Test func asciiIsOneColumnEach() {
        #expect(TextWidth.width(of: "Acme Inc.") == 9)
    }

    @Test func cjkAndHangulAreTwoColumns() {
        #expect(TextWidth.width(of: "東京精密") == 8)
        #expect(TextWidth.width(of: "首尔한국") == 8)
    }

    @Test func combiningMarksAddNoWidth() {
        #expect(TextWidth.width(of: "Mu\u{0308}ller") == 6)
        #expect(TextWidth.width(of: "Müller") == 6)
    }

    @Test func emojiIsTwoColumns() {
        #expect(TextWidth.width(of: "🚀") == 2)
    }

    @Test func controlCharactersBecomeVisiblePictures() {
        #expect(TextWidth.sanitized("a\u{1B}[31mb") == "a\u{241B}[31mb")
        #expect(TextWidth.sanitized("x\u{7F}") == "x\u{2421}")
        #expect(TextWidth.sanitized("\u{9B}") == "\u{FFFD}")
        #expect(TextWidth.sanitized("evil\u{202E}txt") == "evil\u{FFFD}txt")
    }

    @Test func truncateNeverSplitsAWideGrapheme() {
        #expect(TextWidth.truncate("東京精密工業", toWidth: 6) == "東京…")
        #expect(TextWidth.truncate("東京精密工業", toWidth: 5) == "東京…")
        #expect(TextWidth.truncate("short", toWidth: 10) == "short")
        #expect(TextWidth.fit("ab", width: 4) == "ab  ")
        #expect(TextWidth.fit("ab", width: 4, alignRight: true) == "  ab")
    }
}
