import TerminalUI
import WorkbookModel

/// Pane 2: the selected account's first-meeting commitments, the balance, and the signals that follow.
enum ChecklistView {
    static func render(_ state: AppState, theme: Theme, into buffer: inout Buffer, rect: Rect) {
        guard let (account, inner) = EmptyStateView.accountPane("Checklist", state: state, theme: theme, into: &buffer, rect: rect,
                                                                 footerPrefix: { $0.firstMeeting.map { "first meeting \($0.iso) · " } ?? "" }) else { return }
        guard inner.width > 10, inner.height > 3 else { return }
        let content = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        if account.commitments.isEmpty {
            EmptyStateView.render(theme: theme, into: &buffer, rect: content, lines: [
                "No commitments yet for \u{201C}\(account.name)\u{201D}",
                "",
                "At a first meeting, say what you will deliver and what you ask in return.",
                "t adopts the standard first-meeting commitments · a writes your own.",
            ])
            return
        }
        var y = content.y
        y = renderBalance(account, state: state, theme: theme, into: &buffer, content: content, y: y)
        let ordered = ChecklistOrdering.ordered(account.commitments)
        let selectedID = state.checklistSelection.flatMap { id in ordered.contains { $0.id == id } ? id : nil } ?? ordered.first?.id
        let detailHeight = content.height >= 16 ? 4 : 0
        let listArea = Rect(x: content.x, y: y, width: content.width, height: content.maxY - y - detailHeight)
        renderRows(ordered, account: account, selected: selectedID, state: state, theme: theme, into: &buffer, area: listArea)
        if detailHeight > 0, let selected = ordered.first(where: { $0.id == selectedID }) {
            renderDetail(selected, today: state.today, theme: theme, into: &buffer,
                         area: Rect(x: content.x, y: content.maxY - detailHeight, width: content.width, height: detailHeight))
        }
    }

    /// One summary line, then the one-way signal and the after-signature warning when they apply.
    private static func renderBalance(_ account: Account, state: AppState, theme: Theme, into buffer: inout Buffer, content: Rect, y start: Int) -> Int {
        var y = start
        let balance = CommitmentRules.balance(account.commitments, today: state.today, thresholds: state.settings.checklistThresholds)
        var parts = ["Ours: \(balance.oursKept) of \(balance.ours) kept", "Theirs: \(balance.theirsKept) of \(balance.theirs) met"]
        if balance.overdue > 0 { parts.append("! \(balance.overdue) overdue") }
        parts.append(balance.daysSinceReview.map { $0 == 0 ? "reviewed today" : "last review \($0) days ago" } ?? "never reviewed")
        buffer.write(TextWidth.truncate(parts.joined(separator: " · "), toWidth: content.width), x: content.x, y: y, style: theme[.detailValue], clip: content)
        y += 1
        if let signal = balance.signal {
            for line in TextWrap.lines("⚠ \(signal.headline) \(signal.nextStep)", width: content.width).prefix(2) {
                buffer.fill(Rect(x: content.x, y: y, width: content.width, height: 1), style: theme[.statusWarning])
                buffer.write(line, x: content.x, y: y, style: theme[.statusWarning], clip: content)
                y += 1
            }
        }
        let idle = account.commitments.filter { CommitmentRules.isIdleSinceSignature($0, account: account) }.count
        if idle > 0, let signed = account.stageChangedOn {
            let text = "* \(idle) commitment\(idle == 1 ? " has" : "s have") seen no activity since the account became \(account.stage.title.lowercased()) on \(signed.iso) — don't switch off after signature."
            for line in TextWrap.lines(text, width: content.width).prefix(2) {
                buffer.write(line, x: content.x, y: y, style: theme[.dateSoon], clip: content)
                y += 1
            }
        }
        return y + 1
    }

    private static func renderRows(_ ordered: [Commitment], account: Account, selected: CommitmentID?, state: AppState, theme: Theme, into buffer: inout Buffer, area: Rect) {
        var lines: [(Commitment?, String)] = []
        for side in CommitmentSide.allCases {
            let items = ordered.filter { $0.side == side }
            lines.append((nil, side.title.uppercased() + " (\(items.count))"))
            lines += items.map { ($0, "") }
        }
        let selectedLine = lines.firstIndex { $0.0?.id == selected } ?? 0
        let top = max(0, min(selectedLine - area.height + 1, lines.count - area.height))
        let statusWidth = min(24, area.width / 4)
        let ownerWidth = min(14, area.width / 6)
        let textWidth = max(4, area.width - 6 - ownerWidth - statusWidth - 2)
        for (row, line) in lines.dropFirst(max(0, top)).prefix(area.height).enumerated() {
            let y = area.y + row
            guard let commitment = line.0 else {
                buffer.write(line.1, x: area.x, y: y, style: theme[.listHeader], clip: area)
                continue
            }
            let isSelected = commitment.id == selected
            let base = isSelected ? theme[.listSelected] : theme[.listRow]
            buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: base)
            let (flag, note, role) = condition(commitment, account: account, today: state.today, thresholds: state.settings.checklistThresholds)
            var x = area.x
            x += buffer.write((isSelected ? "▶" : " ") + commitment.status.marker + flag, x: x, y: y, style: base, clip: area)
            x += buffer.write(" " + TextWidth.fit(commitment.text, width: textWidth), x: x, y: y, style: base, clip: area)
            x += buffer.write(" " + TextWidth.fit(commitment.owner.isEmpty ? "—" : commitment.owner, width: ownerWidth), x: x, y: y, style: base, clip: area)
            buffer.write(" " + TextWidth.fit(note, width: statusWidth), x: x, y: y, style: isSelected || role == nil ? base : theme[role!], clip: area)
        }
    }

    /// The marker after the check box and the words that explain it: "!" overdue, "?" long unreviewed,
    /// "*" idle since the account was won. Works without colour.
    static func condition(_ commitment: Commitment, account: Account, today: CalendarDate, thresholds: CommitmentThresholds = .init()) -> (String, String, ThemeRole?) {
        if CommitmentRules.isOverdue(commitment, today: today), let due = commitment.due {
            return ("!", "overdue \(due.days(until: today)) d", .dateOverdue)
        }
        if CommitmentRules.isIdleSinceSignature(commitment, account: account) {
            return ("*", "idle since signature", .dateSoon)
        }
        if CommitmentRules.isLongUnreviewed(commitment, today: today, thresholds: thresholds) {
            let days = (commitment.lastReviewed ?? commitment.madeOn).map { "\($0.days(until: today)) d" } ?? "ever"
            return ("?", "not reviewed \(days)", .dateSoon)
        }
        switch commitment.status {
        case .open, .late:
            return (" ", commitment.due.map { "due \($0.iso)" } ?? "no due date", nil)
        default:
            return (" ", commitment.status.title.lowercased(), commitment.status == .broken ? .dateOverdue : .textMuted)
        }
    }

    private static func renderDetail(_ commitment: Commitment, today: CalendarDate, theme: Theme, into buffer: inout Buffer, area: Rect) {
        for x in area.x..<area.maxX { buffer.put("─", x: x, y: area.y, style: theme[.paneBorder]) }
        let facts = [
            commitment.side.shortTitle, commitment.status.title,
            "made \(commitment.madeOn?.iso ?? "—")", "due \(commitment.due?.iso ?? "—")",
            "reviewed \(commitment.lastReviewed.map { $0 == today ? "today" : $0.iso } ?? "never")",
        ].joined(separator: " · ")
        buffer.write(TextWidth.truncate(facts, toWidth: area.width), x: area.x, y: area.y + 1, style: theme[.detailLabel], clip: area)
        let evidence = "Evidence: " + (commitment.evidence.isEmpty ? "— (n adds it)" : commitment.evidence)
        for (index, line) in TextWrap.lines(evidence, width: area.width).prefix(2).enumerated() {
            buffer.write(line, x: area.x, y: area.y + 2 + index, style: theme[.detailValue], clip: area)
        }
    }
}
