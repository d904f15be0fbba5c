import TerminalUI
import WorkbookModel

/// The account list: columns that fit the width (in the compact view only the column it is sorted
/// by), a full-row highlight with a ▶ marker (only the marker with `--slow-link`), the sort shown in
/// the header.
enum AccountsListView {
    /// A column of the list, added in priority order while the name keeps a readable width.
    struct Column {
        var title: String
        var width: Int
        var alignRight: Bool
        var sort: AccountSort?
        /// The cell's text; the row's health is computed once and handed to every column.
        var value: (Account, AppState, AccountHealth?) -> String
        /// The cell's colour on an unselected row, when it says something (a level, an overdue date).
        var role: (Account, AppState, AccountHealth?) -> ThemeRole? = { _, _, _ in nil }
    }

    static let minimumNameWidth = 14
    static let markerWidth = 2

    /// `compact`: the column the list is sorted by, if any, and no other; names and health markers
    /// are what a move through a compact list rewrites.
    static func columns(forInnerWidth width: Int, compact: Bool = false, sort: AccountSort = .name) -> (nameWidth: Int, columns: [Column]) {
        let candidates: [Column] = [
            Column(title: "Stage", width: width >= 100 ? 17 : 13, alignRight: false, sort: .stage) { account, _, _ in
                width >= 100 ? account.stage.title : ValueFormat.shortStage(account.stage)
            },
            Column(title: "Value", width: 9, alignRight: true, sort: .value) { account, state, _ in
                ValueFormat.compactAmount(account.annualValue, currency: state.settings.currency)
            },
            Column(title: "Next meeting", width: 14, alignRight: false, sort: .nextMeeting, value: { account, state, _ in
                guard let date = account.nextMeeting else { return "—" }
                return date < state.today ? "! " + date.iso : date.iso
            }, role: { account, state, _ in (account.nextMeeting.map { $0 < state.today } ?? false) ? .dateOverdue : nil }),
            Column(title: "Health", width: 8, alignRight: false, sort: .health, value: { account, state, health in
                state.isHealthPending(account) ? "…" : health.map { "\($0.score) \($0.level.marker)" } ?? "—"
            }, role: { _, _, health in health.map { healthRole($0.level) } }),
            Column(title: "Industry", width: 16, alignRight: false, sort: nil) { account, _, _ in account.industry },
            Column(title: "Owner", width: 12, alignRight: false, sort: nil) { account, _, _ in account.owner },
        ]
        var remaining = width - markerWidth
        var chosen: [Column] = []
        // Names are what people scan for: they keep a third of the width before optional columns join.
        let nameFloor = max(minimumNameWidth, width / 3)
        for column in candidates where (!compact || column.sort == sort) && remaining - (column.width + 1) >= nameFloor {
            chosen.append(column)
            remaining -= column.width + 1
        }
        return (max(0, remaining), chosen)
    }

    static func render(_ state: AppState, theme: Theme, into buffer: inout Buffer, rect: Rect, focused: Bool, compact: Bool = false) {
        let total = state.liveCount
        var title = "Accounts (\(total))"
        if !state.filter.isEmpty { title = "Accounts (\(state.visible.count) of \(total) match \u{201C}\(state.filter)\u{201D})" }
        // The order is named in the title too: its column may be too narrow to show, or hidden.
        if state.sort != .name { title += " · by \(state.sort.title)" }
        let rows = max(1, rect.height - 3)
        let top = clampedTop(state, rows: rows)
        var footer: String?
        if state.visible.count > rows {
            footer = "\(top + 1)–\(min(top + rows, state.visible.count)) of \(state.visible.count)"
        }
        let inner = Box.draw(rect, in: &buffer, border: theme[focused ? .paneBorderFocused : .paneBorder],
                             title: title, titleStyle: theme[.paneTitle], footer: footer)
        guard inner.width > 0, inner.height > 0 else { return }
        if total == 0 {
            EmptyStateView.render(theme: theme, into: &buffer, rect: inner, lines: [
                "Welcome to Account Workbook.",
                "",
                "No accounts yet.",
                "Press a to add your first account,",
                "or d to open a demo territory and look around.",
            ])
            return
        }
        let layout = columns(forInnerWidth: inner.width, compact: compact, sort: state.sort)
        renderHeader(state, layout, theme: theme, into: &buffer, at: inner)
        if state.visible.isEmpty {
            EmptyStateView.render(theme: theme, into: &buffer, rect: Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1), lines: [
                "No account matches \u{201C}\(state.filter)\u{201D}.",
                "Esc clears the filter.",
            ])
            return
        }
        let inline = !layout.columns.contains { $0.sort == .health }
        for row in 0..<min(rows, state.visible.count - top) {
            let id = state.visible[top + row]
            guard let account = state.accounts[id] else { continue }
            let y = inner.y + 1 + row
            // For a slow link only the marker shows the selection: a move then rewrites two cells.
            let marked = id == state.selectedID
            let selected = marked && !state.isSlowLink
            // The compact view's details belong to this account while the selection is elsewhere.
            let shown = compact && !marked && id == state.shownID
            let selectedStyle = theme[focused ? .listSelected : .listSelectedUnfocused]
            let style = selected ? selectedStyle : theme[.listRow]
            buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style)
            var x = inner.x
            x += buffer.write(marked ? "▶" : shown ? "›" : " ", x: x, y: y, style: marked ? selectedStyle : style, clip: inner)
            let health = state.health(of: account)
            // Without room for the health column, its marker (✓ ▲ ✖) still shows beside the name.
            if inline {
                x += buffer.write(health?.level.marker ?? " ", x: x, y: y,
                                  style: selected || health == nil ? style : theme[healthRole(health!.level)], clip: inner)
            }
            // A merge conflict waiting for a choice shows as ≠ before the name (C resolves it).
            let badge = state.hasMergeConflicts(account) ? "≠ " : ""
            x += buffer.write(" " + TextWidth.fit(badge + account.name, width: layout.nameWidth - (inline ? 1 : 0)), x: x, y: y, style: style, clip: inner)
            for column in layout.columns {
                x += 1
                let text = TextWidth.fit(column.value(account, state, health), width: column.width, alignRight: column.alignRight)
                let role = selected ? nil : column.role(account, state, health)
                x += buffer.write(text, x: x, y: y, style: role.map { theme[$0] } ?? style, clip: inner)
            }
        }
    }

    /// The colour of a health level; its marker (✓ ▲ ✖) says the same without colour.
    static func healthRole(_ level: HealthLevel) -> ThemeRole {
        switch level {
        case .good: return .listRow
        case .watch: return .dateSoon
        case .atRisk: return .dateOverdue
        }
    }

    /// The first row to show: the state's scroll position, corrected so the selection is always visible.
    static func clampedTop(_ state: AppState, rows: Int) -> Int {
        var top = state.listTop
        if let index = state.selectedIndex {
            if index < top { top = index }
            if index >= top + rows { top = index - rows + 1 }
        }
        return max(0, min(top, max(0, state.visible.count - rows)))
    }

    private static func renderHeader(_ state: AppState, _ layout: (nameWidth: Int, columns: [Column]), theme: Theme, into buffer: inout Buffer, at inner: Rect) {
        let style = theme[.listHeader]
        func label(_ title: String, _ sort: AccountSort?) -> String {
            guard let sort, sort == state.sort else { return title }
            return title + (sort == .value ? " ▼" : " ▲")
        }
        buffer.fill(Rect(x: inner.x, y: inner.y, width: inner.width, height: 1), style: Style(background: style.background))
        let inline = !layout.columns.contains { $0.sort == .health }
        var x = inner.x + markerWidth + (inline ? 1 : 0)
        x += buffer.write(TextWidth.fit(label("Name", .name), width: layout.nameWidth - (inline ? 1 : 0)), x: x, y: inner.y, style: style, clip: inner)
        for column in layout.columns {
            x += 1
            x += buffer.write(TextWidth.fit(label(column.title, column.sort), width: column.width, alignRight: column.alignRight),
                              x: x, y: inner.y, style: style, clip: inner)
        }
    }
}

/// A few centred lines that tell the user what to do next.
enum EmptyStateView {
    /// The frame of a pane about the selected account: "Title — name", and the account's place in the
    /// list in the footer (after `footerPrefix`). Nil, with the empty state drawn, when none is selected.
    static func accountPane(_ title: String, state: AppState, theme: Theme, into buffer: inout Buffer, rect: Rect,
                            footerPrefix: (Account) -> String = { _ in "" }) -> (account: Account, inner: Rect)? {
        guard let account = state.selectedAccount else {
            noAccount(title: title, theme: theme, into: &buffer, rect: rect)
            return nil
        }
        let position = state.selectedIndex.map { "\($0 + 1) of \(state.visible.count) · [ ] switch" } ?? ""
        let inner = Box.draw(rect, in: &buffer, border: theme[.paneBorderFocused], title: "\(title) — \(account.name)",
                             titleStyle: theme[.paneTitle], footer: footerPrefix(account) + position)
        return (account, inner)
    }

    /// A pane about one account, shown when no account is selected.
    static func noAccount(title: String, theme: Theme, into buffer: inout Buffer, rect: Rect) {
        let inner = Box.draw(rect, in: &buffer, border: theme[.paneBorderFocused], title: title, titleStyle: theme[.paneTitle])
        render(theme: theme, into: &buffer, rect: inner, lines: ["No account selected.", "", "Press 1 and pick an account first."])
    }

    static func render(theme: Theme, into buffer: inout Buffer, rect: Rect, lines: [String]) {
        let wrapped = lines.flatMap { $0.isEmpty ? [""] : TextWrap.lines($0, width: max(1, rect.width - 2)) }
        let top = rect.y + max(0, (rect.height - wrapped.count) / 2)
        for (index, line) in wrapped.enumerated() where top + index < rect.maxY {
            let width = TextWidth.width(of: line)
            let style = index == 0 ? theme[.emptyState] : theme[.base]
            buffer.write(line, x: rect.x + max(0, (rect.width - width) / 2), y: top + index, style: style, clip: rect)
        }
    }
}
