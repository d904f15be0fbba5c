import TerminalUI

/// Maps theme colours to what a terminal can show: truecolor → 256 → 16 → 8 → none. Pure maths, no ncurses.
enum ColorDowngrade {
    /// The terminal colour for `color` at `capability`.
    static func terminalColor(_ color: Color, capability: ColorCapability) -> TerminalColor {
        switch capability {
        case .none:
            return .default
        case .trueColor:
            return TerminalColor(direct(color))
        case .palette256:
            return TerminalColor(palette256(color))
        case .sixteen:
            return TerminalColor(sixteen(color))
        case .eight:
            let index = sixteen(color)
            if index >= 8 { return TerminalColor(index - 8, needsBold: true) }
            return TerminalColor(index)
        }
    }

    /// A colour number for a direct-colour terminal, where 0–7 still mean the ANSI palette.
    static func direct(_ color: Color) -> Int32 {
        func packed(_ rgb: (UInt8, UInt8, UInt8)) -> Int32 {
            // 0x000000–0x000007 would be read as ANSI 0–7; one step of blue is invisible.
            max(8, Int32(rgb.0) << 16 | Int32(rgb.1) << 8 | Int32(rgb.2))
        }
        switch color {
        case .default: return -1
        case .ansi(let i) where i < 8, .indexed(let i) where i < 8: return Int32(i)
        case .ansi(let i): return packed(XtermPalette.rgb(i & 15))
        case .indexed(let i): return packed(XtermPalette.rgb(i))
        case .rgb(let r, let g, let b): return packed((r, g, b))
        }
    }

    /// A colour number in the 256-colour palette.
    static func palette256(_ color: Color) -> Int32 {
        switch color {
        case .default: return -1
        case .ansi(let i): return Int32(i & 15)
        case .indexed(let i): return Int32(i)
        case .rgb(let r, let g, let b): return Int32(XtermPalette.nearest256((r, g, b)))
        }
    }

    /// A colour number among the 16 ANSI colours.
    static func sixteen(_ color: Color) -> Int32 {
        switch color {
        case .default: return -1
        case .ansi(let i): return Int32(i & 15)
        case .indexed(let i) where i < 16: return Int32(i)
        case .indexed(let i): return Int32(XtermPalette.nearestANSI(XtermPalette.rgb(i), count: 16))
        case .rgb(let r, let g, let b): return Int32(XtermPalette.nearestANSI((r, g, b), count: 16))
        }
    }

    /// The resolved colours and attributes of a style, ready for a colour pair.
    static func resolve(_ style: Style, capability: ColorCapability) -> ResolvedStyle {
        let foreground = terminalColor(style.foreground, capability: capability)
        var background = terminalColor(style.background, capability: capability)
        var attributes = style.attributes
        if foreground.needsBold { attributes.insert(.bold) }
        // Bold brightens only the foreground; a bright background just loses its brightness.
        background.needsBold = false
        return ResolvedStyle(foreground: foreground.number, background: background.number, attributes: attributes)
    }

    /// An approximate RGB for a terminal colour number, to find the nearest pair when pairs run out.
    static func approximateRGB(_ number: Int32, capability: ColorCapability, isForeground: Bool) -> (UInt8, UInt8, UInt8) {
        if number < 0 { return isForeground ? (229, 229, 229) : (0, 0, 0) }
        if capability == .trueColor, number >= 8 {
            return (UInt8(number >> 16 & 0xFF), UInt8(number >> 8 & 0xFF), UInt8(number & 0xFF))
        }
        return XtermPalette.rgb(UInt8(clamping: number))
    }
}
