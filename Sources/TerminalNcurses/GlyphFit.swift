import TerminalUI

/// Decides what to write for a cell so that ncurses, the terminal and the buffer agree on its width.
///
/// ncurses advances by the C library's `wcwidth`; the buffer by `TextWidth`. Where they disagree
/// (regional-indicator flags, new emoji on an old libc, a non-UTF-8 locale), writing the glyph
/// would shift the rest of the row, so a stand-in of the right width is written instead.
enum GlyphFit {
    /// What to write for one lead cell.
    enum Plan: Equatable {
        /// Write the grapheme; it covers `columns` cells.
        case glyph(Character, columns: Int)
        /// Write this single-column stand-in, then pad with spaces up to the buffer's width.
        case standIn(Character, columns: Int)
    }

    /// The plan for `cell`, whose buffer width is `columns`; `wcwidth` is the C library's answer for a scalar.
    static func plan(for grapheme: Character, columns: Int, wcwidth: (UInt32) -> Int) -> Plan {
        guard let first = grapheme.unicodeScalars.first else { return .glyph(" ", columns: 1) }
        let cWidth = wcwidth(first.value)
        if cWidth == columns { return .glyph(grapheme, columns: columns) }
        // U+FFFD where the locale can print it; "?" when even that is unknown (C locale).
        let standIn: Character = wcwidth(0xFFFD) == 1 ? "\u{FFFD}" : "?"
        return .standIn(standIn, columns: max(1, columns))
    }
}
