import TerminalUI

/// The line above the hints: the filter prompt, the latest message, or a standing warning.
enum StatusLineView {
    /// Draws the line and returns where the text cursor goes when the filter is being typed.
    static func render(_ state: AppState, theme: Theme, into buffer: inout Buffer, rect: Rect) -> CursorPosition? {
        // Presenting is announced on this line the whole time, whatever else it says.
        guard state.isPresenting else { return renderLine(state, theme: theme, into: &buffer, rect: rect) }
        let badge = " PRESENTING "
        let width = TextWidth.width(of: badge)
        let (line, badgeRect) = rect.splitLeft(max(0, rect.width - width))
        let cursor = renderLine(state, theme: theme, into: &buffer, rect: line)
        buffer.write(badge, x: badgeRect.x, y: badgeRect.y, style: theme[.badge], clip: badgeRect)
        return cursor
    }

    private static func renderLine(_ state: AppState, theme: Theme, into buffer: inout Buffer, rect: Rect) -> CursorPosition? {
        buffer.fill(rect, style: theme[.base])
        if state.isEditingFilter {
            let prompt = "Filter: "
            var x = rect.x + buffer.write(prompt, x: rect.x, y: rect.y, style: theme[.detailLabel], clip: rect)
            let input = state.filterInput
            let before = String(input.characters.prefix(input.cursor))
            let room = max(1, rect.maxX - x - 1)
            let shownBefore = TextWidth.width(of: before) < room ? before : String(before.suffix(room / 2))
            let after = String(input.characters.dropFirst(input.cursor))
            x += buffer.write(shownBefore, x: x, y: rect.y, style: theme[.base], clip: rect)
            let cursor = CursorPosition(x: min(x, rect.maxX - 1), y: rect.y)
            buffer.write(after, x: x, y: rect.y, style: theme[.base], clip: rect)
            let count = " \(state.visible.count) match\(state.visible.count == 1 ? "" : "es") "
            let countX = rect.maxX - TextWidth.width(of: count)
            if countX > x + TextWidth.width(of: after) + 1 {
                buffer.write(count, x: countX, y: rect.y, style: theme[.textMuted], clip: rect)
            }
            return cursor
        }
        if let line = line(for: state) {
            // Anything that needs attention fills the whole line, so it reads as a banner.
            if line.role != .statusInfo && line.role != .textMuted { buffer.fill(rect, style: theme[line.role]) }
            buffer.write(TextWidth.truncate(line.text, toWidth: rect.width), x: rect.x, y: rect.y, style: theme[line.role], clip: rect)
        }
        return nil
    }

    /// What the line says when no filter is being typed: the latest message, else the most important standing warning.
    static func line(for state: AppState) -> (text: String, role: ThemeRole)? {
        if let message = state.message {
            switch message.kind {
            case .info: return (" " + message.text + " ", .statusInfo)
            case .warning: return (" ! " + message.text + " ", .statusWarning)
            case .error: return (" ✗ " + message.text + " ", .statusError)
            }
        }
        if let reason = state.readOnlyReason, reason.contains("in use by") {
            return (" READ-ONLY — \(reason). Ctrl-L takes over once they have quit ", .statusWarning)
        }
        if state.isWorkingOutHealth {
            return (" Working out today's health for every account… everything else works meanwhile ", .textMuted)
        }
        if let name = state.duplicateNames.first {
            return (" ⚠ More than one account is called \u{201C}\(name)\u{201D} — rename one (e) so reviews and exports stay clear ", .statusWarning)
        }
        if let first = state.problems.first {
            let more = state.problems.count > 1 ? " (+\(state.problems.count - 1) more)" : ""
            return (" ⚠ Not loaded: \(first.file): \(first.message)\(more) — ! for details ", .statusWarning)
        }
        if !state.filter.isEmpty {
            return (" Filter \u{201C}\(state.filter)\u{201D}: \(state.visible.count) of \(state.liveCount) shown — / edits, Esc clears", .textMuted)
        }
        return nil
    }
}

/// The bottom line: the keys that work now, generated from the keymap so it never disagrees with it.
enum HintBarView {
    static func render(_ state: AppState, keymap: Keymap, theme: Theme, into buffer: inout Buffer, rect: Rect) {
        buffer.fill(rect, style: theme[.hintText])
        var hints = keymap.hints(for: state)
        if case .form(let form) = state.modal {
            // The bar speaks about this form: no "choice" where there is none, and Enter's own verb.
            if !form.state.fields.contains(where: \.isChoice) { hints.removeAll { $0.binding.command == .fieldRight } }
            for index in hints.indices where hints[index].binding.command == .submitForm { hints[index].binding.hint = form.state.submitVerb }
        }
        var kept = 0
        let isForm: Bool
        if case .form = state.modal { isForm = true } else { isForm = false }
        if !isForm, !state.isEditingFilter {
            // Quitting and the help key (the way to everything else) stay even when the bar is short.
            for command in [Command.quit, .toggleHelp] {
                if let index = hints.firstIndex(where: { $0.binding.command == command }) {
                    hints.append(hints.remove(at: index))
                    kept += 1
                }
            }
        }
        var x = rect.x
        for (position, hint) in hints.enumerated() {
            let key = hint.binding.keys.first.map(\.description) ?? ""
            let label = hint.binding.hint ?? ""
            let width = TextWidth.width(of: key) + TextWidth.width(of: label) + 3
            let isKept = position >= hints.count - max(1, kept)
            let reserve = isKept ? 0 : hints.suffix(max(1, kept)).reduce(0) { $0 + hintWidth($1) }
            if x + width + reserve > rect.maxX, !isKept { continue }
            if x + width > rect.maxX { break }
            let disabled = hint.disabledReason != nil
            x += buffer.write(" " + key + " ", x: x, y: rect.y, style: theme[disabled ? .hintDisabled : .hintKey], clip: rect)
            x += buffer.write(label + " ", x: x, y: rect.y, style: theme[disabled ? .hintDisabled : .hintText], clip: rect)
        }
    }

    private static func hintWidth(_ hint: (binding: KeyBinding, disabledReason: String?)?) -> Int {
        guard let hint else { return 0 }
        return TextWidth.width(of: hint.binding.keys.first?.description ?? "") + TextWidth.width(of: hint.binding.hint ?? "") + 3
    }
}
