import TerminalUI
import WorkbookModel

/// The template picker over the checklist.
enum TemplatePickerView {
    static func render(_ picker: TemplatePicker, theme: Theme, into buffer: inout Buffer, area: Rect) {
        let rect = Rect(x: area.x + 2, y: area.y, width: area.width - 4, height: area.height)
        let chosen = picker.chosen.count
        let inner = Box.draw(rect, in: &buffer, border: theme[.dialogBorder], title: "First-meeting commitments — Space ticks, Enter adopts",
                             titleStyle: theme[.dialogBorder], footer: "\(chosen) ticked", fill: theme[.dialogText])
        guard inner.height > 0 else { return }
        var lines: [(Int?, String)] = []
        for side in CommitmentSide.allCases {
            lines.append((nil, side.title.uppercased()))
            for (index, item) in picker.items.enumerated() where item.side == side {
                let box = item.isAdopted ? "[✓]" : (item.isChosen ? "[x]" : "[ ]")
                lines.append((index, "\(box) \(item.text)\(item.isAdopted ? "  (already in the checklist)" : "")"))
            }
        }
        let cursorLine = lines.firstIndex { $0.0 == picker.cursor } ?? 0
        let top = max(0, min(cursorLine - inner.height + 1, lines.count - inner.height))
        for (row, line) in lines.dropFirst(top).prefix(inner.height).enumerated() {
            let y = inner.y + row
            guard let index = line.0 else {
                buffer.write(line.1, x: inner.x + 1, y: y, style: theme[.listHeader], clip: inner)
                continue
            }
            let isCursor = index == picker.cursor
            let style = isCursor ? theme[.listSelected] : (picker.items[index].isAdopted ? theme[.textMuted] : theme[.dialogText])
            if isCursor { buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style) }
            buffer.write((isCursor ? "▶ " : "  ") + line.1, x: inner.x, y: y, style: style, maxWidth: inner.width, clip: inner)
        }
    }
}

/// One commitment at a time during the review walk.
enum ReviewWalkView {
    static func render(_ walk: ReviewWalk, state: AppState, theme: Theme, into buffer: inout Buffer, area: Rect) -> CursorPosition? {
        guard let account = state.accounts[walk.accountID], let id = walk.current, let commitment = account.commitment(id) else { return nil }
        let width = min(area.width - 2, 72)
        let rect = area.centered(Size(width: width, height: min(area.height, 13)))
        let inner = Box.draw(rect, in: &buffer, border: theme[.dialogBorder], title: "Review — \(walk.position + 1) of \(walk.queue.count)",
                             titleStyle: theme[.dialogBorder], footer: account.name, fill: theme[.dialogText])
        let content = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        var y = content.y + 1
        buffer.write(commitment.side.title, x: content.x, y: y, style: theme[.detailLabel], clip: content)
        y += 1
        for line in TextWrap.lines(commitment.status.marker + " " + commitment.text, width: content.width).prefix(2) {
            buffer.write(line, x: content.x, y: y, style: theme[.paneTitle], clip: content)
            y += 1
        }
        let (_, note, _) = ChecklistView.condition(commitment, account: account, today: state.today, thresholds: state.settings.checklistThresholds)
        let facts = "Owner \(commitment.owner.isEmpty ? "—" : commitment.owner) · \(commitment.status.title) · \(note) · reviewed \(commitment.lastReviewed?.iso ?? "never")"
        buffer.write(TextWidth.truncate(facts, toWidth: content.width), x: content.x, y: y, style: theme[.detailValue], clip: content)
        y += 2
        buffer.write("Evidence:", x: content.x, y: y, style: theme[.detailLabel], clip: content)
        var cursor: CursorPosition?
        if let input = walk.evidenceInput {
            let style = theme[.formFieldFocused]
            buffer.fill(Rect(x: content.x + 10, y: y, width: content.width - 10, height: 1), style: style)
            cursor = FormView.renderInput(input, x: content.x + 10, y: y, width: content.width - 10, style: style, into: &buffer, clip: content)
        } else {
            buffer.write(TextWidth.truncate(commitment.evidence.isEmpty ? "—" : commitment.evidence, toWidth: content.width - 10),
                         x: content.x + 10, y: y, style: theme[.detailValue], clip: content)
        }
        let keys = walk.evidenceInput == nil
            ? "c kept · l late · b broken · x drop · o still open · s skip · n evidence · Esc stop"
            : "Enter keeps the evidence · Esc discards it"
        for (index, line) in TextWrap.lines(keys, width: content.width).prefix(2).enumerated() {
            buffer.write(line, x: content.x, y: content.maxY - 2 + index, style: theme[.textMuted], clip: content)
        }
        return cursor
    }
}
