import TerminalUI
import WorkbookModel

/// A yes/no question in a box: deletes, discards, whose version wins, quitting with unsaved changes.
enum QuestionDialog {
    static func render(question: String, title: String, footer: String = "y yes · n no", border: ThemeRole = .dialogBorder, width: Int = 60,
                       theme: Theme, into buffer: inout Buffer, area: Rect) {
        let width = min(area.width - 2, width)
        let lines = TextWrap.lines(question, width: width - 4)
        let rect = area.centered(Size(width: width, height: lines.count + 4))
        let inner = Box.draw(rect, in: &buffer, border: theme[border], title: title, titleStyle: theme[border],
                             footer: footer, fill: theme[.dialogText])
        for (index, line) in lines.enumerated() {
            buffer.write(line, x: inner.x + 1, y: inner.y + 1 + index, style: theme[.dialogText], clip: inner)
        }
    }

    /// Quitting while some changes could not be saved.
    static func unsavedOnQuit(_ state: AppState, theme: Theme, into buffer: inout Buffer, area: Rect) {
        let names = state.unsaved.compactMap { state.accounts[$0]?.name }.sorted().joined(separator: ", ")
        let count = state.unsaved.count
        let text = "\(count) change\(count == 1 ? " is" : "s are") not saved (\(names)). Quit anyway and lose \(count == 1 ? "it" : "them")? Ctrl-S retries saving."
        render(question: text, title: "Unsaved changes", footer: "y quit · n stay", border: .statusError, width: 64, theme: theme, into: &buffer, area: area)
    }
}

/// A scrollable list of lines in a big box: the help overlay and the unreadable-files list.
enum ScrollingOverlayView {
    struct Line {
        var text: String
        var role: ThemeRole
    }

    static func render(title: String, lines: [Line], scroll: Int, theme: Theme, into buffer: inout Buffer, area: Rect) {
        let rect = area
        let rows = max(1, rect.height - 2)
        let top = min(scroll, max(0, lines.count - rows))
        let footer = lines.count > rows ? "\(top + 1)–\(min(top + rows, lines.count)) of \(lines.count) · j/k scroll · Esc close" : "Esc close"
        let inner = Box.draw(rect, in: &buffer, border: theme[.dialogBorder], title: title, titleStyle: theme[.dialogBorder], footer: footer, fill: theme[.dialogText])
        for (index, line) in lines.dropFirst(top).prefix(rows).enumerated() {
            buffer.write(line.text, x: inner.x + 1, y: inner.y + index, style: theme[line.role], maxWidth: inner.width - 2, clip: inner)
        }
    }

    /// Every binding of the keymap, grouped by scope, with what is unavailable right now and why.
    static func helpLines(_ keymap: Keymap, state: AppState, width: Int) -> [Line] {
        var lines: [Line] = []
        let keyColumn = 18
        // The keys of the pane the user came from first: that is what they opened the help for.
        let active = Keymap.scopes(for: state.closingOverlays()).filter { $0 != .always }
        let ordered = active + KeyScope.allCases.filter { !active.contains($0) }
        for scope in ordered {
            let bindings = keymap.bindings.filter { $0.scope == scope }
            guard !bindings.isEmpty else { continue }
            if !lines.isEmpty { lines.append(Line(text: "", role: .dialogText)) }
            lines.append(Line(text: scope.rawValue, role: .paneTitle))
            for binding in bindings {
                let keys = TextWidth.fit("  " + binding.keyLabel, width: keyColumn)
                var text = binding.help
                var role = ThemeRole.dialogText
                if Keymap.scopes(for: state.closingOverlays()).contains(scope),
                   let reason = CommandAvailability.disabledReason(binding.command, in: state.closingOverlays()) {
                    text += " (now: \(reason))"
                    role = .hintDisabled
                }
                // Wrapped beside the keys' column, so no line runs past the overlay's edge.
                for (index, wrapped) in TextWrap.lines(text, width: max(10, width - keyColumn)).enumerated() {
                    lines.append(Line(text: (index == 0 ? keys : String(repeating: " ", count: keyColumn)) + wrapped, role: role))
                }
            }
        }
        return lines
    }
}

extension AppState {
    /// The state the overlay will return to, for telling which keys work there.
    func closingOverlays() -> AppState {
        var copy = self
        copy.modal = nil
        return copy
    }
}

/// The lines of the help or problems overlay for a state: one source for drawing and for scrolling.
enum OverlayContent {
    static func lines(for state: AppState, keymap: Keymap = .standard) -> [ScrollingOverlayView.Line] {
        let width = ScreenLayout(size: state.screenSize).body.width - 4
        switch state.modal {
        case .help:
            return ScrollingOverlayView.helpLines(keymap, state: state, width: width)
        case .problems:
            var lines: [ScrollingOverlayView.Line] = [
                .init(text: "These files could not be read. They are left untouched; the other accounts are open.", role: .dialogText),
                .init(text: "Fix or remove a file, then restart; `workbook check` lists the same problems.", role: .textMuted),
                .init(text: "", role: .dialogText),
            ]
            if state.canSync {
                lines.insert(.init(text: "A file with <<<<<<< lines was left by a git merge: R merges it again from git's three versions.",
                                   role: .textMuted), at: 2)
            }
            for problem in state.problems {
                lines.append(.init(text: problem.file, role: .paneTitle))
                for line in TextWrap.lines(problem.message, width: max(10, width - 4)) {
                    lines.append(.init(text: "  " + line, role: .dialogText))
                }
            }
            return lines
        case .reviewDetails:
            return AccountReviewView.detailLines(state, width: width)
        default:
            return []
        }
    }
}
