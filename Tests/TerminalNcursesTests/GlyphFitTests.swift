import Testing
@testable import TerminalNcurses

@Suite struct GlyphFitTests {
    /// A UTF-8 libc's answers for the scalars used here.
    private func utf8Width(_ code: UInt32) -> Int {
        switch code {
        case 0x6F22, 0x1F600: return 2
        case 0x1F1EB: return 1  // regional indicators: one column to glibc, two to the buffer
        default: return 1
        }
    }

    @Test func agreeingWidthsWriteTheGlyph() {
        #expect(GlyphFit.plan(for: "a", columns: 1, wcwidth: utf8Width) == .glyph("a", columns: 1))
        #expect(GlyphFit.plan(for: "漢", columns: 2, wcwidth: utf8Width) == .glyph("漢", columns: 2))
        #expect(GlyphFit.plan(for: "e\u{301}", columns: 1, wcwidth: utf8Width) == .glyph("e\u{301}", columns: 1))
    }

    @Test func disagreeingWidthsWriteAStandInOfTheBufferWidth() {
        #expect(GlyphFit.plan(for: "🇫🇷", columns: 2, wcwidth: utf8Width) == .standIn("\u{FFFD}", columns: 2))
    }

    @Test func cLocaleFallsBackToQuestionMark() {
        let cLocale: (UInt32) -> Int = { $0 < 0x80 ? 1 : -1 }
        #expect(GlyphFit.plan(for: "é", columns: 1, wcwidth: cLocale) == .standIn("?", columns: 1))
        #expect(GlyphFit.plan(for: "x", columns: 1, wcwidth: cLocale) == .glyph("x", columns: 1))
    }
}
