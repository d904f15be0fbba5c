import Foundation
import TerminalUI
import WorkbookModel

/// The details beside the list: of the selected account in the table view, of the account last
/// shown (→) in the compact view.
enum AccountDetailView {
    static let labelWidth = 13

    static func render(_ state: AppState, theme: Theme, into buffer: inout Buffer, rect: Rect) {
        let account = state.detailsAccount
        // In the compact view the pane says when it shows another account than the selected one;
        // the footer changes only as the selection leaves or reaches the shown account.
        let compact = state.accountsShape == .compact
        let footer = compact && state.selectedID != nil && account?.id != state.selectedID ? "→ shows the selected account" : nil
        let inner = Box.draw(rect, in: &buffer, border: theme[.paneBorder], title: "Details", titleStyle: theme[.paneTitle], footer: footer)
        guard inner.width > 2, inner.height > 0 else { return }
        guard let account else {
            let text = compact && state.selectedID != nil ? "No account shown: → shows the selected one." : "No account selected."
            buffer.write(text, x: inner.x + 1, y: inner.y, style: theme[.textMuted], clip: inner)
            return
        }
        let content = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 1, height: inner.height)
        // Every label keeps its row from one account to the next (the name and health take two
        // rows whether they need them or not), so moving through the list rewrites only the values.
        var y = content.y
        let nameLines = TextWrap.lines(account.name, width: content.width)
        for (index, line) in nameLines.prefix(2).enumerated() {
            let shown = index == 1 && nameLines.count > 2 ? TextWidth.truncate(line + " …", toWidth: content.width) : line
            buffer.write(shown, x: content.x, y: y + index, style: theme[.paneTitle], clip: content)
        }
        // A name on one line is followed by a blank row; a long name uses that row for its second line.
        y += 2
        var rows: [(String, String, ThemeRole)] = [
            ("Industry", account.industry.isEmpty ? "—" : account.industry + (account.segment.isEmpty ? "" : " · " + account.segment), .detailValue),
            ("Stage", account.stage.title, .detailValue),
            ("Annual value", ValueFormat.amount(account.annualValue, currency: state.settings.currency), .detailValue),
            meetingRow(account, today: state.today),
            ("Owner", account.owner.isEmpty ? "—" : account.owner, .detailValue),
        ]
        let healthRow = 2
        if let health = state.health(of: account) {
            // The first reason is the one to act on; pane 5 and the handover pack list them all.
            let reason = health.reasons.first.map { " — " + $0 } ?? ""
            rows.insert(("Health", "\(health.score) \(health.level.marker) \(health.level.title)\(reason)", AccountsListView.healthRole(health.level)), at: healthRow)
        } else {
            // Kept like the list's health column: "…" while it is being worked out, "—" when there is none.
            rows.insert(("Health", state.isHealthPending(account) ? "…" : "—", .textMuted), at: healthRow)
        }
        let labelWidth = min(AccountDetailView.labelWidth, content.width / 2)
        for (row, (label, value, role)) in rows.enumerated() where y < content.maxY {
            buffer.write(label, x: content.x, y: y, style: theme[.detailLabel], maxWidth: labelWidth, clip: content)
            // A value that does not fit continues on a second line rather than losing its end ("5 days ago").
            let valueWidth = content.width - labelWidth
            let lines = TextWrap.lines(value, width: valueWidth)
            for (index, line) in lines.prefix(2).enumerated() where y + index < content.maxY {
                let shown = index == 1 && lines.count > 2 ? TextWidth.truncate(line + " …", toWidth: valueWidth) : line
                buffer.write(shown, x: content.x + labelWidth, y: y + index, style: theme[role], clip: content)
            }
            // Health's reason often takes a second line; its two rows are kept either way.
            y += row == healthRow ? 2 : min(2, max(1, lines.count))
        }
        guard y + 2 < content.maxY else { return }
        y += 1
        buffer.write("Notes", x: content.x, y: y, style: theme[.detailLabel], clip: content)
        y += 1
        // A summary whose file could not be opened has no notes: say so rather than show an empty field.
        let notes = state.summaryOnly.contains(account.id) ? ["(not read: ! lists the problems)"]
            : account.notes.isEmpty ? ["—"] : TextWrap.lines(account.notes, width: content.width)
        for (index, line) in notes.enumerated() {
            if y >= content.maxY { break }
            if y == content.maxY - 1, index < notes.count - 1 {
                buffer.write(TextWidth.truncate(line + " …", toWidth: content.width), x: content.x, y: y, style: theme[.detailValue], clip: content)
                break
            }
            buffer.write(line, x: content.x, y: y, style: theme[.detailValue], clip: content)
            y += 1
        }
    }

    private static func meetingRow(_ account: Account, today: CalendarDate) -> (String, String, ThemeRole) {
        guard let date = account.nextMeeting else { return ("Next meeting", "—", .detailValue) }
        let days = today.days(until: date)
        let role: ThemeRole = days < 0 ? .dateOverdue : (days <= 7 ? .dateSoon : .detailValue)
        let marker = days < 0 ? "! " : ""
        // Non-breaking spaces keep "(in 5 days)" together when the value wraps.
        let relative = ValueFormat.relative(date, today: today).replacingOccurrences(of: " ", with: "\u{00A0}")
        return ("Next meeting", "\(marker)\(date.iso) (\(relative))", role)
    }
}
