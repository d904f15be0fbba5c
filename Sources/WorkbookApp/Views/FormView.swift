import TerminalUI
import WorkbookModel

/// The add/edit account form, centred over the panes.
enum FormView {
    static let labelWidth = 15

    static func render(_ form: AccountForm, state: AppState, theme: Theme, into buffer: inout Buffer, area: Rect) -> CursorPosition? {
        let fields = AccountField.allCases
        let width = min(area.width - 2, 76)
        let fieldWidth = width - 4 - labelWidth
        let errorLines = form.errors.mapValues { TextWrap.lines("✗ " + $0, width: max(1, fieldWidth)) }
        let errorRows = errorLines.values.reduce(0) { $0 + $1.count }
        let height = min(area.height, fields.count + errorRows + 5)
        let rect = area.centered(Size(width: width, height: height))
        let inner = Box.draw(rect, in: &buffer, border: theme[.dialogBorder], title: form.title, titleStyle: theme[.dialogBorder],
                             footer: "Enter save · Esc cancel", fill: theme[.dialogText])
        guard inner.width > labelWidth + 4, inner.height > 0 else { return nil }
        let fieldX = inner.x + 1 + labelWidth
        var y = inner.y + 1
        var cursor: CursorPosition?
        for field in fields where y < inner.maxY {
            let focused = field == form.focused
            let required = field == .name ? " *" : ""
            buffer.write((focused ? "▸ " : "  ") + field.title + required, x: inner.x, y: y, style: theme[focused ? .paneTitle : .formLabel], maxWidth: labelWidth + 1, clip: inner)
            let style = theme[focused ? .formFieldFocused : .formField]
            buffer.fill(Rect(x: fieldX, y: y, width: fieldWidth, height: 1), style: style)
            if AccountForm.choiceFields.contains(field) {
                let text = focused ? "◀ \(form.stage.title) ▶" : "  \(form.stage.title)"
                buffer.write(text, x: fieldX, y: y, style: style, maxWidth: fieldWidth, clip: inner)
            } else if let input = form.inputs[field] {
                let position = renderInput(input, x: fieldX, y: y, width: fieldWidth, style: style, into: &buffer, clip: inner)
                if focused { cursor = position }
                if input.characters.isEmpty, !focused, let placeholder = placeholder(field) {
                    buffer.write(placeholder, x: fieldX, y: y, style: style.adding(.dim), maxWidth: fieldWidth, clip: inner)
                }
            }
            y += 1
            for line in errorLines[field] ?? [] where y < inner.maxY {
                buffer.write(line, x: fieldX, y: y, style: theme[.formError], maxWidth: fieldWidth, clip: inner)
                y += 1
            }
        }
        if y + 1 < inner.maxY {
            let help = form.focused == .stage ? "←/→ or Space change the stage · Tab next field" : "Tab/↓ next field · Shift-Tab/↑ previous"
            buffer.write(help, x: inner.x + 1, y: inner.maxY - 1, style: theme[.textMuted], maxWidth: inner.width - 2, clip: inner)
        }
        return cursor
    }

    static func placeholder(_ field: AccountField) -> String? {
        switch field {
        case .annualValue: return "e.g. 120000 or 120k"
        case .nextMeeting: return "YYYY-MM-DD, today, tomorrow or +7"
        default: return nil
        }
    }

    /// Draws a one-line input scrolled so the cursor is visible; returns the cursor's screen position.
    static func renderInput(_ input: TextInput, x: Int, y: Int, width: Int, style: Style, into buffer: inout Buffer, clip: Rect) -> CursorPosition {
        var start = 0
        func widthBetween(_ from: Int, _ to: Int) -> Int {
            TextWidth.width(of: String(input.characters[from..<to]))
        }
        while start < input.cursor, widthBetween(start, input.cursor) > width - 1 { start += 1 }
        let visible = String(input.characters[start...])
        buffer.write(visible, x: x, y: y, style: style, maxWidth: width, clip: clip)
        return CursorPosition(x: x + widthBetween(start, input.cursor), y: y)
    }
}
