import CNcursesw
import TerminalUI

/// Writes cell runs into stdscr: one `setcchar` + `mvwadd_wch` per lead cell, colours through lazy pairs.
final class CellPainter {
    private let capability: ColorCapability
    private var pairs: ColorPairTable
    /// Resolving a style costs a few table look-ups; frames repeat a handful of styles.
    private var resolved: [Style: (attributes: attr_t, pair: Int32)] = [:]
    private let masks: [(TextAttributes, attr_t)] = [
        (.bold, cnw_a_bold()), (.dim, cnw_a_dim()), (.italic, cnw_a_italic()),
        (.underline, cnw_a_underline()), (.reverse, cnw_a_reverse()),
    ]

    /// `defaultColorsWork` is false when `use_default_colors` failed: -1 cannot be used in a pair then.
    init(capability: ColorCapability, pairCapacity: Int32, defaultColorsWork: Bool) {
        self.capability = capability
        self.pairs = ColorPairTable(capacity: pairCapacity, capability: capability) { number, foreground, background in
            let fg = foreground < 0 && !defaultColorsWork ? Int32(COLOR_WHITE) : foreground
            let bg = background < 0 && !defaultColorsWork ? Int32(COLOR_BLACK) : background
            if init_extended_pair(number, fg, bg) == OK { return true }
            guard number <= Int32(Int16.max), let fg16 = Int16(exactly: fg), let bg16 = Int16(exactly: bg) else { return false }
            return init_pair(Int16(number), fg16, bg16) == OK
        }
    }

    /// Colour pairs defined so far (for the log).
    var pairCount: Int { pairs.count }

    /// Puts every run into stdscr; nothing reaches the terminal until `doupdate`.
    func paint(_ runs: [CellRun], in window: UnsafeMutablePointer<WINDOW>, size: Size) {
        var cell = cchar_t()
        var text = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
        for run in runs where run.y >= 0 && run.y < size.height {
            var x = run.x
            var index = 0
            while index < run.cells.count {
                let current = run.cells[index]
                defer { index += 1; x += 1 }
                // ncurses advanced past the wide glyph on its own; the right half has nothing to write.
                if current.isContinuation || x < 0 { continue }
                if x >= size.width { break }
                let (attributes, pair) = look(current.style)
                let columns = max(1, TextWidth.width(of: current.grapheme))
                switch GlyphFit.plan(for: current.grapheme, columns: columns, wcwidth: { Int(cnw_wcwidth($0)) }) {
                case .glyph(let grapheme, _):
                    put(grapheme, at: x, run.y, attributes, pair, window, &cell, &text)
                case .standIn(let standIn, let width):
                    put(standIn, at: x, run.y, attributes, pair, window, &cell, &text)
                    // The buffer holds a continuation here; fill it so old content does not show through.
                    if width > 1 {
                        for pad in 1..<width where x + pad < size.width {
                            put(" ", at: x + pad, run.y, attributes, pair, window, &cell, &text)
                        }
                    }
                }
            }
        }
    }

    private func put(_ grapheme: Character, at x: Int, _ y: Int, _ attributes: attr_t, _ pair: Int32,
                     _ window: UnsafeMutablePointer<WINDOW>, _ cell: inout cchar_t, _ text: inout [wchar_t]) {
        var count = 0
        for scalar in grapheme.unicodeScalars where count < Int(CCHARW_MAX) {
            text[count] = wchar_t(bitPattern: scalar.value)
            count += 1
        }
        text[count] = 0
        guard cnw_setcchar(&cell, text, attributes, pair) == OK else { return }
        // Moving to every cell costs no bytes: ncurses works out the cheapest output at doupdate.
        // The bottom-right cell returns ERR (the cursor cannot advance without scrolling); the cell is written anyway.
        _ = wmove(window, Int32(y), Int32(x))
        _ = wadd_wch(window, &cell)
    }

    private func look(_ style: Style) -> (attr_t, Int32) {
        if let known = resolved[style] { return known }
        let resolvedStyle = ColorDowngrade.resolve(style, capability: capability)
        var attributes = cnw_a_normal()
        for (flag, mask) in masks where resolvedStyle.attributes.contains(flag) { attributes |= mask }
        let pair = capability == .none ? 0 : pairs.pair(foreground: resolvedStyle.foreground, background: resolvedStyle.background)
        resolved[style] = (attributes, pair)
        return (attributes, pair)
    }
}
