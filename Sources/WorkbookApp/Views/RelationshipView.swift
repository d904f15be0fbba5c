import TerminalUI
import WorkbookModel

/// Pane 5: the relationship as it really is — type and why, the reality signal, what each side
/// means, the four elements both ways, the shared plan, what they buy, the journal and the owners.
enum RelationshipView {
    /// One line of the pane's scrolling part: the row the cursor can rest on (if any) and its pieces.
    struct Line {
        var item: RelationshipItem?
        var pieces: [(text: String, role: ThemeRole)]
    }

    static func render(_ state: AppState, theme: Theme, into buffer: inout Buffer, rect: Rect) {
        guard let (account, inner) = EmptyStateView.accountPane("Relationship", state: state, theme: theme, into: &buffer, rect: rect) else { return }
        guard inner.width > 20, inner.height > 4 else { return }
        let content = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        let selected = RelationshipNavigation.selected(account, chosen: state.relationshipSelection, journalFilter: state.journalFilter)
        var y = renderHeader(account, state: state, theme: theme, into: &buffer, area: content)
        let detailHeight = content.maxY - y >= 14 ? 4 : 0
        let lines = body(account, state: state, width: content.width)
        let listArea = Rect(x: content.x, y: y, width: content.width, height: content.maxY - y - detailHeight)
        renderLines(lines, selected: selected, theme: theme, into: &buffer, area: listArea)
        y = listArea.maxY
        if detailHeight > 0 {
            renderDetail(selected, account: account, theme: theme, into: &buffer, area: Rect(x: content.x, y: y, width: content.width, height: detailHeight))
        }
    }

    /// Type and why, health, the signal, what each side means by partnership, and the sponsors.
    private static func renderHeader(_ account: Account, state: AppState, theme: Theme, into buffer: inout Buffer, area: Rect) -> Int {
        var y = area.y
        var type = account.stage.title
        if let since = account.stageChangedOn { type += " since \(since.iso)" }
        if !account.stageChangeReason.isEmpty { type += " — \(account.stageChangeReason)" }
        var x = area.x
        x += buffer.write(TextWidth.truncate(type, toWidth: max(1, area.width - 24)), x: x, y: y, style: theme[.detailValue], clip: area)
        if let health = state.health(of: account) {
            x += buffer.write(" · Health ", x: x, y: y, style: theme[.detailLabel], clip: area)
            buffer.write("\(health.score) \(health.level.marker) \(health.level.title)", x: x, y: y, style: theme[AccountsListView.healthRole(health.level)], clip: area)
        }
        y += 1
        if let signal = RelationshipRules.realitySignal(account, thresholds: state.settings.relationshipThresholds) {
            let wrapped = TextWrap.lines("⚠ \(signal.headline) \(signal.suggestion)", width: area.width)
            for (index, line) in wrapped.prefix(4).enumerated() {
                let line = index == 3 && wrapped.count > 4 ? TextWidth.truncate(line + " …", toWidth: area.width) : line
                buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: theme[.statusWarning])
                buffer.write(line, x: area.x, y: y, style: theme[.statusWarning], clip: area)
                y += 1
            }
        }
        if account.stage == .partner {
            let statement = state.settings.partnershipStatement
            let text = statement.isEmpty ? "We mean: — (S says what a partnership means to us)" : "We mean: \u{201C}\(statement.replacingNewlines())\u{201D}"
            buffer.write(TextWidth.truncate(text, toWidth: area.width), x: area.x, y: y, style: theme[.detailValue], clip: area)
            y += 1
        }
        let partnership = account.partnership
        var meaning = "They mean: \(partnership.customerMeaning.title)"
        if !partnership.meaningWords.isEmpty { meaning += " — \u{201C}\(partnership.meaningWords.replacingNewlines())\u{201D}" }
        buffer.write(TextWidth.truncate(meaning, toWidth: area.width), x: area.x, y: y, style: theme[.detailValue], clip: area)
        y += 1
        if !partnership.ourSponsors.isEmpty || !partnership.theirSponsors.isEmpty || account.stage == .partner {
            func list(_ names: [String]) -> String { names.isEmpty ? "—" : names.joined(separator: ", ") }
            let sponsors = "Sponsors — ours: \(list(partnership.ourSponsors)) · theirs: \(list(partnership.theirSponsors))"
            buffer.write(TextWidth.truncate(sponsors, toWidth: area.width), x: area.x, y: y, style: theme[.detailValue], clip: area)
            y += 1
        }
        return y
    }

    /// The scrolling part: the elements table, the plan, the product lines, the journal, the owners.
    static func body(_ account: Account, state: AppState, width: Int) -> [Line] {
        let sideWidth = max(8, (width - 20) / 2)
        var lines = [Line(item: nil, pieces: [("  " + TextWidth.fit("ELEMENT", width: 17) + TextWidth.fit("US", width: sideWidth) + " THEM", .listHeader)])]
        let partnership = account.partnership
        for element in PartnershipElement.allCases {
            let oneSided = RelationshipRules.isOneSided(partnership, element, thresholds: state.settings.relationshipThresholds)
            let cells = PartnershipSide.allCases.map { side -> String in
                let assessment = partnership.assessment(element, side)
                if assessment.isEmpty { return "— not assessed" }
                let score = assessment.score.map { TextWidth.fit(RelationshipRules.scoreText($0), width: 2, alignRight: true) } ?? " —"
                return [score, assessment.note.replacingNewlines()].filter { !$0.isEmpty }.joined(separator: " ")
            }
            lines.append(Line(item: .element(element), pieces: [
                (TextWidth.fit(element.title + (oneSided ? " ≠" : ""), width: 16) + " ", oneSided ? .dateOverdue : .listRow),
                (TextWidth.fit(cells[0], width: sideWidth) + " " + cells[1], .listRow),
            ]))
        }
        let milestones = RelationshipNavigation.milestones(account)
        if account.stage == .partner || !milestones.isEmpty {
            lines.append(Line(item: nil, pieces: [("SHARED PLAN (\(milestones.count))" + (milestones.isEmpty ? " — m adds a milestone" : ""), .listHeader)]))
            for milestone in milestones {
                let overdue = milestone.status.isOpen && (milestone.due.map { $0 < state.today } ?? false)
                var text = (milestone.due?.iso ?? "no date   ") + (overdue ? " ! " : "   ") + milestone.what
                text += " — " + [milestone.owner, milestone.status.title.lowercased()].filter { !$0.isEmpty }.joined(separator: " · ")
                lines.append(Line(item: .milestone(milestone.id), pieces: [(text, overdue ? .dateOverdue : .listRow)]))
            }
        }
        let products = RelationshipNavigation.productLines(account)
        var buys = "WHAT THEY BUY (\(products.count))" + (products.isEmpty ? " — p adds a product line" : "")
        let linesTotal = products.compactMap(\.annualValue).reduce(0, +)
        if let value = account.annualValue, linesTotal > value {
            buys += " — ! the lines add up to \(ValueFormat.compactAmount(linesTotal, currency: state.settings.currency)), more than the account's \(ValueFormat.compactAmount(value, currency: state.settings.currency))"
        }
        lines.append(Line(item: nil, pieces: [(buys, .listHeader)]))
        for line in products {
            let text = TextWidth.fit(line.name, width: min(30, width / 3)) + " " + TextWidth.fit(ValueFormat.compactAmount(line.annualValue, currency: state.settings.currency), width: 9)
                + " " + (line.supplier.isEmpty ? "no supplier named" : "from \(line.supplier)")
            lines.append(Line(item: .productLine(line.id), pieces: [(text, .listRow)]))
        }
        let entries = account.journalNewestFirst(kind: state.journalFilter)
        let filter = state.journalFilter.map { " · \($0.title.lowercased()) only (f)" } ?? " · all kinds (f filters)"
        lines.append(Line(item: nil, pieces: [("JOURNAL (\(entries.count))" + filter + (account.journal.isEmpty ? " — a adds an entry" : ""), .listHeader)]))
        for entry in entries {
            let head = "\(entry.date.iso) " + TextWidth.fit(entry.kind.title, width: 13) + " " + (entry.author.isEmpty ? "" : entry.author + ": ")
            lines.append(Line(item: .journal(entry.id), pieces: [(head, .detailLabel), (entry.text.replacingNewlines(), .listRow)]))
        }
        lines.append(Line(item: nil, pieces: [("OWNERS" + (account.ownerHistory.isEmpty ? " — \(account.owner.isEmpty ? "no owner" : account.owner); H hands over" : ""), .listHeader)]))
        for (record, period) in zip(account.ownerHistory, OwnerPeriods.describe(account.ownerHistory, currentOwner: account.owner)).reversed() {
            var text = record.owner + " " + period
            if !record.handoverNote.isEmpty { text += ": \u{201C}\(record.handoverNote.replacingNewlines())\u{201D}" }
            lines.append(Line(item: .owner(record.id), pieces: [(text, .listRow)]))
        }
        return lines
    }

    private static func renderLines(_ lines: [Line], selected: RelationshipItem, theme: Theme, into buffer: inout Buffer, area: Rect) {
        guard area.height > 0 else { return }
        let selectedLine = lines.firstIndex { $0.item == selected } ?? 0
        // Keep the section header above the selection in view when it fits.
        let top = max(0, min(selectedLine - area.height + 2, lines.count - area.height))
        for (row, line) in lines.dropFirst(top).prefix(area.height).enumerated() {
            let y = area.y + row
            let isSelected = line.item != nil && line.item == selected
            if isSelected { buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: theme[.listSelected]) }
            var x = area.x + buffer.write(line.item == nil ? "" : (isSelected ? "▶ " : "  "), x: area.x, y: y, style: theme[.listSelected], clip: area)
            for piece in line.pieces where x < area.maxX {
                let shown = TextWidth.truncate(piece.text, toWidth: area.maxX - x)
                x += buffer.write(shown, x: x, y: y, style: isSelected ? theme[.listSelected] : theme[piece.role], clip: area)
            }
        }
    }

    /// The selected row in full: a long note or entry is wrapped here instead of cut off.
    private static func renderDetail(_ item: RelationshipItem, account: Account, theme: Theme, into buffer: inout Buffer, area: Rect) {
        for x in area.x..<area.maxX { buffer.put("─", x: x, y: area.y, style: theme[.paneBorder]) }
        var text = ""
        switch item {
        case .element(let element):
            let ours = account.partnership.assessment(element, .ours), theirs = account.partnership.assessment(element, .theirs)
            text = "Us — \(element.oursQuestion) \(ours.note.isEmpty ? "" : ours.note)\nThem — \(element.theirsQuestion) \(theirs.note.isEmpty ? "" : theirs.note)"
        case .milestone(let id):
            text = account.partnership.milestones.first { $0.id == id }.map { $0.what } ?? ""
        case .productLine(let id):
            text = account.productLines.first { $0.id == id }.map { "\($0.name)" + ($0.supplier.isEmpty ? "" : " — supplied by \($0.supplier)") } ?? ""
        case .journal(let id):
            text = account.journal.first { $0.id == id }.map { "\($0.kind.title), \($0.date.iso)\($0.author.isEmpty ? "" : ", " + $0.author): \($0.text)" } ?? ""
        case .owner(let id):
            text = account.ownerHistory.first { $0.id == id }.map { $0.handoverNote.isEmpty ? "\($0.owner): no handover note (e adds one)" : $0.handoverNote } ?? ""
        }
        let wrapped = text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { TextWrap.lines(String($0), width: area.width) }
        for (index, line) in wrapped.prefix(area.height - 1).enumerated() {
            buffer.write(line, x: area.x, y: area.y + 1 + index, style: theme[.detailValue], clip: area)
        }
    }
}
