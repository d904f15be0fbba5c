import TerminalUI

/// Any form, centred over the panes: a label and an input per field, problems under their field.
enum FormView {
    static func render(_ form: FormState, theme: Theme, into buffer: inout Buffer, area: Rect) -> CursorPosition? {
        // Wide enough for the longest title with its marker and star, within reason.
        let labelWidth = min(22, max(15, form.fields.map { TextWidth.width(of: $0.title) + ($0.isRequired ? 4 : 2) }.max() ?? 15))
        let width = min(area.width - 2, 76)
        let fieldWidth = width - 4 - labelWidth
        let errorLines = form.errors.mapValues { TextWrap.lines("✗ " + $0, width: max(1, fieldWidth)) }
        let errorRows = errorLines.values.reduce(0) { $0 + $1.count }
        let height = min(area.height, form.fields.count + errorRows + 5)
        let rect = area.centered(Size(width: width, height: height))
        let inner = Box.draw(rect, in: &buffer, border: theme[.dialogBorder], title: form.title, titleStyle: theme[.dialogBorder],
                             footer: "Enter \(form.submitVerb) · Esc cancel", fill: theme[.dialogText])
        guard inner.width > labelWidth + 4, inner.height > 0 else { return nil }
        let fieldX = inner.x + 1 + labelWidth
        var y = inner.y + 1
        var cursor: CursorPosition?
        for (index, field) in form.fields.enumerated() where y < inner.maxY {
            let focused = index == form.focusedIndex
            let label = (focused ? "▸ " : "  ") + field.title + (field.isRequired ? " *" : "")
            buffer.write(label, x: inner.x, y: y, style: theme[focused ? .paneTitle : .formLabel], maxWidth: labelWidth + 1, clip: inner)
            let style = theme[focused ? .formFieldFocused : .formField]
            buffer.fill(Rect(x: fieldX, y: y, width: fieldWidth, height: 1), style: style)
            switch field.value {
            case .choice(let options, let selected):
                let text = focused ? "◀ \(options[selected]) ▶" : "  \(options[selected])"
                buffer.write(text, x: fieldX, y: y, style: style, maxWidth: fieldWidth, clip: inner)
            case .text(let input):
                let position = renderInput(input, x: fieldX, y: y, width: fieldWidth, style: style, into: &buffer, clip: inner)
                if focused { cursor = position }
                if input.characters.isEmpty, !focused, let placeholder = field.placeholder {
                    buffer.write(placeholder, x: fieldX, y: y, style: style.adding(.dim), maxWidth: fieldWidth, clip: inner)
                }
            }
            y += 1
            for line in errorLines[field.key] ?? [] where y < inner.maxY {
                buffer.write(line, x: fieldX, y: y, style: theme[.formError], maxWidth: fieldWidth, clip: inner)
                y += 1
            }
        }
        if y + 1 < inner.maxY {
            let help = form.focusedField.isChoice ? "←/→ or Space change the choice · Tab next field" : "Tab/↓ next field · Shift-Tab/↑ previous"
            buffer.write(help, x: inner.x + 1, y: inner.maxY - 1, style: theme[.textMuted], maxWidth: inner.width - 2, clip: inner)
        }
        return cursor
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
