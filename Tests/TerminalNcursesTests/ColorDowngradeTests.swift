import Testing
import TerminalUI
@testable import TerminalNcurses

@Suite struct ColorDowngradeTests {
    private func number(_ color: Color, _ capability: ColorCapability) -> Int32 {
        ColorDowngrade.terminalColor(color, capability: capability).number
    }

    @Test func capabilityFollowsColorCount() {
        #expect(ColorCapability(colorCount: 0) == .none)
        #expect(ColorCapability(colorCount: 2) == .none)
        #expect(ColorCapability(colorCount: 8) == .eight)
        #expect(ColorCapability(colorCount: 16) == .sixteen)
        #expect(ColorCapability(colorCount: 88) == .sixteen)
        #expect(ColorCapability(colorCount: 256) == .palette256)
        #expect(ColorCapability(colorCount: 1 << 24) == .trueColor)
    }

    @Test func rgbToNearest256() {
        #expect(number(.rgb(255, 0, 0), .palette256) == 196)
        #expect(number(.rgb(255, 128, 0), .palette256) == 208)
        #expect(number(.rgb(0, 0, 0), .palette256) == 16)
        #expect(number(.rgb(255, 255, 255), .palette256) == 231)
        // Greys land on the grey ramp, which is finer than the cube's diagonal.
        #expect(number(.rgb(128, 128, 128), .palette256) == 244)
        #expect(number(.rgb(30, 30, 30), .palette256) == 234)
        #expect(number(.rgb(10, 200, 90), .palette256) == 41)
    }

    @Test func palette256KeepsIndexedAndANSI() {
        #expect(number(.indexed(123), .palette256) == 123)
        #expect(number(.ansi(9), .palette256) == 9)
        #expect(number(.default, .palette256) == -1)
    }

    @Test func indexedToNearest16() {
        #expect(number(.indexed(196), .sixteen) == 9)
        #expect(number(.indexed(21), .sixteen) == 4)
        #expect(number(.indexed(46), .sixteen) == 10)
        #expect(number(.indexed(244), .sixteen) == 8)
        #expect(number(.indexed(5), .sixteen) == 5)
        #expect(number(.ansi(14), .sixteen) == 14)
        #expect(number(.rgb(250, 250, 250), .sixteen) == 15)
    }

    @Test func brightANSIBecomesBoldOnEightColours() {
        let bright = ColorDowngrade.terminalColor(.ansi(9), capability: .eight)
        #expect(bright == TerminalColor(1, needsBold: true))
        #expect(ColorDowngrade.terminalColor(.ansi(3), capability: .eight) == TerminalColor(3))
        #expect(ColorDowngrade.terminalColor(.indexed(196), capability: .eight) == TerminalColor(1, needsBold: true))
    }

    @Test func boldStandsInForBrightForegroundOnly() {
        let foreground = ColorDowngrade.resolve(Style(foreground: .ansi(10)), capability: .eight)
        #expect(foreground == ResolvedStyle(foreground: 2, background: -1, attributes: .bold))
        let background = ColorDowngrade.resolve(Style(foreground: .ansi(2), background: .ansi(12)), capability: .eight)
        #expect(background == ResolvedStyle(foreground: 2, background: 4, attributes: []))
    }

    @Test func monoDropsColoursAndKeepsAttributes() {
        let style = Style(foreground: .rgb(1, 2, 3), background: .ansi(4), attributes: [.underline, .reverse])
        #expect(ColorDowngrade.resolve(style, capability: .none) == ResolvedStyle(foreground: -1, background: -1, attributes: [.underline, .reverse]))
    }

    @Test func trueColorPacksRGBAndKeepsANSIPalette() {
        #expect(number(.rgb(0x12, 0x34, 0x56), .trueColor) == 0x123456)
        #expect(number(.ansi(3), .trueColor) == 3)
        // Direct-colour terminfo reads 0–7 as the palette: pure black must not become ANSI black's slot by accident.
        #expect(number(.rgb(0, 0, 0), .trueColor) == 8)
        #expect(number(.ansi(9), .trueColor) == 0xFF0000)
        #expect(number(.indexed(196), .trueColor) == 0xFF0000)
        #expect(number(.default, .trueColor) == -1)
    }
}
