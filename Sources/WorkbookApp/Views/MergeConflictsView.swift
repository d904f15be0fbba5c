import TerminalUI
import WorkbookModel

/// The merge conflicts of one account, in words, with both values and the one the file shows meanwhile.
enum MergeConflictsView {
    static func render(_ list: MergeConflictList, state: AppState, theme: Theme, into buffer: inout Buffer, area: Rect) {
        guard let account = state.accounts[list.accountID] else { return }
        let conflicts = account.conflicts
        let title = "Merge conflicts · \(account.name)"
        let inner = Box.draw(area, in: &buffer, border: theme[.dialogBorder], title: title, titleStyle: theme[.dialogBorder],
                             footer: "1/2 keep that value · e type one · j/k move · Esc close", fill: theme[.dialogText])
        guard inner.width > 4, inner.height > 0 else { return }
        let width = inner.width - 2
        var lines: [(text: String, role: ThemeRole, selected: Bool)] = []
        for line in TextWrap.lines("A teammate changed the same thing differently. Until you choose, the file keeps the value marked \u{201C}now\u{201D}; choosing is an ordinary change (u undoes it).", width: width) {
            lines.append((line, .textMuted, false))
        }
        lines.append(("", .dialogText, false))
        var selectedLine = 0
        for (index, conflict) in conflicts.enumerated() {
            let selected = index == list.selection
            if selected { selectedLine = lines.count }
            for (number, line) in TextWrap.lines(ConflictWording.sentence(conflict, in: account), width: width - 2).enumerated() {
                lines.append(((number == 0 ? (selected ? "▶ " : "  ") : "  ") + line, selected ? .listSelected : .dialogText, selected))
            }
            if selected {
                for (number, value) in conflict.values.prefix(2).enumerated() {
                    let now = value == conflict.shown ? "  (now)" : ""
                    lines.append(("    \(number + 1)  \(ConflictWording.describe(value))\(now)", .detailValue, false))
                }
            }
        }
        if conflicts.isEmpty { lines.append(("No conflicts are left.", .dialogText, false)) }
        let top = max(0, min(selectedLine - inner.height / 2, lines.count - inner.height))
        for (row, line) in lines.dropFirst(top).prefix(inner.height).enumerated() {
            let style = theme[line.role]
            if line.selected { buffer.fill(Rect(x: inner.x, y: inner.y + row, width: inner.width, height: 1), style: style) }
            buffer.write(line.text, x: inner.x + 1, y: inner.y + row, style: style, maxWidth: width, clip: inner)
        }
    }
}
