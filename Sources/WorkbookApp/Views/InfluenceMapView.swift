import TerminalUI
import WorkbookModel

/// Pane 3: the Blue-Sheet map of the selected objective: roles at the top, the reporting tree of
/// cards, influence lines, and the red flags and strengths that follow.
enum InfluenceMapView {
    static func render(_ state: AppState, theme: Theme, into buffer: inout Buffer, rect: Rect) {
        guard let (account, inner) = EmptyStateView.accountPane("Influence map", state: state, theme: theme, into: &buffer, rect: rect) else { return }
        guard inner.width > 20, inner.height > 4 else { return }
        let content = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        guard let objective = MapNavigation.objective(account, chosen: state.mapObjective) else {
            EmptyStateView.render(theme: theme, into: &buffer, rect: content, lines: [
                "No sales objective yet for \u{201C}\(account.name)\u{201D}.", "",
                "A complex sale is mapped per objective: one specific, measurable result with a close date and an amount.",
                "O adds the objective · then a adds the people · b sets each one's buying role.",
            ])
            return
        }
        var y = content.y
        y = renderHeader(account, objective: objective, state: state, theme: theme, into: &buffer, content: content, y: y)
        var flags = InfluenceRules.flags(for: account, objective: objective.id, today: state.today, thresholds: state.settings.influenceThresholds)
        // A flag or strength that exists only for a rating's sign gives the rating away: one neutral count instead.
        let hiddenSignals = state.hidesRatings ? flags.filter(\.rule.revealsRating).count : 0
        if state.hidesRatings { flags.removeAll { $0.rule.revealsRating } }
        let wide = content.width >= 110
        let flagsWidth = wide ? min(56, content.width / 3) : 0
        // At 80×24 the cards are one line each: the flags get whatever rows the tree does not need.
        let room = content.maxY - y
        let bottomHeight = wide ? 0 : max(4, min(room / 2 + 2, room - max(3, account.people.count)))
        let mapArea = Rect(x: content.x, y: y, width: content.width - (wide ? flagsWidth + 1 : 0), height: content.maxY - y - bottomHeight)
        let selected = MapNavigation.selected(account, chosen: state.mapSelection)
        if account.people.isEmpty {
            EmptyStateView.render(theme: theme, into: &buffer, rect: mapArea, lines: ["Nobody on the map yet.", "a adds a person: start with whoever gives the final yes."])
        } else if state.mapShowsCoverage {
            CoverageGridView.render(account, objective: objective, selected: selected?.id, theme: theme, into: &buffer, area: mapArea)
        } else {
            MapTreeView.render(account, objective: objective, selected: selected?.id, today: state.today, expanded: content.height >= 40, hidingRatings: state.hidesRatings,
                               theme: theme, into: &buffer, area: mapArea)
        }
        if wide {
            let area = Rect(x: mapArea.maxX + 1, y: y, width: flagsWidth, height: content.maxY - y)
            for row in area.y..<area.maxY { buffer.put("│", x: area.x - 1, y: row, style: theme[.paneBorder]) }
            FlagListView.render(flags, hiddenSignals: hiddenSignals, account: account, selected: selected?.id, theme: theme, into: &buffer, area: area)
        } else {
            let area = Rect(x: content.x, y: content.maxY - bottomHeight, width: content.width, height: bottomHeight)
            for x in area.x..<area.maxX { buffer.put("─", x: x, y: area.y, style: theme[.paneBorder]) }
            FlagListView.render(flags, hiddenSignals: hiddenSignals, account: account, selected: selected?.id, theme: theme, into: &buffer,
                                area: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1))
        }
    }

    /// The objective line and the four roles with who fills each.
    private static func renderHeader(_ account: Account, objective: SalesObjective, state: AppState, theme: Theme, into buffer: inout Buffer, content: Rect, y start: Int) -> Int {
        var y = start
        let objectives = MapNavigation.sortedObjectives(account)
        let index = (objectives.firstIndex { $0.id == objective.id } ?? 0) + 1
        var parts = ["◆ \(objective.title)"]
        if let amount = objective.amount { parts.append(ValueFormat.amount(amount, currency: state.settings.currency)) }
        if let close = objective.closeDate { parts.append("close \(close.iso)") }
        parts.append("position " + InfluenceRules.signed(objective.position))
        if objectives.count > 1 { parts.append("\(index) of \(objectives.count), o next") }
        buffer.write(TextWidth.truncate(parts.joined(separator: " · "), toWidth: content.width), x: content.x, y: y, style: theme[.paneTitle], clip: content)
        y += 1
        let holders = InfluenceRules.roleHolders(for: account, objective: objective.id)
        let roles = BuyingRole.allCases.map { role -> String in
            let names = holders[role, default: []].map(\.name)
            return "\(role.badge) \(names.isEmpty ? "— nobody" : names.joined(separator: ", "))"
        }
        buffer.write(TextWidth.truncate(roles.joined(separator: "  ·  "), toWidth: content.width), x: content.x, y: y, style: theme[.detailValue], clip: content)
        return y + 2
    }
}

/// The reporting lines as a tree of cards: one line per person at 80×24, two when there is room.
enum MapTreeView {
    static func render(_ account: Account, objective: SalesObjective, selected: EntityID?, today: CalendarDate, expanded: Bool, hidingRatings: Bool = false,
                       theme: Theme, into buffer: inout Buffer, area: Rect) {
        let rows = ReportingTree.preorder(account.people)
        let rowHeight = expanded ? 2 : 1
        var lines: [(person: Person, prefix: String, continuation: String)] = []
        var lastAtDepth: [Bool] = []
        for (position, row) in rows.enumerated() {
            // The last child of its parent: no later sibling before the tree climbs above this depth.
            let rest = rows[(position + 1)...]
            let subtreeEnd = rest.firstIndex { $0.depth < row.depth } ?? rows.endIndex
            let isLast = !rows[(position + 1)..<subtreeEnd].contains { $0.depth == row.depth }
            if lastAtDepth.count <= row.depth { lastAtDepth.append(contentsOf: Array(repeating: false, count: row.depth + 1 - lastAtDepth.count)) }
            lastAtDepth[row.depth] = isLast
            var prefix = ""
            var continuation = ""
            if row.depth > 0 {
                for level in 1..<row.depth { prefix += lastAtDepth[level] ? "   " : "│  " }
                continuation = prefix + (isLast ? "   " : "│  ")
                prefix += isLast ? "└─ " : "├─ "
            }
            lines.append((row.person, prefix, continuation))
        }
        let selectedIndex = lines.firstIndex { $0.person.id == selected } ?? 0
        let visibleCards = max(1, area.height / rowHeight)
        let top = max(0, min(selectedIndex - visibleCards + 1, lines.count - visibleCards))
        var y = area.y
        for line in lines.dropFirst(top).prefix(visibleCards) {
            let isSelected = line.person.id == selected
            let style = isSelected ? theme[.listSelected] : theme[.listRow]
            if isSelected { buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style) }
            var x = area.x
            x += buffer.write((isSelected ? "▶ " : "  ") + line.prefix, x: x, y: y, style: isSelected ? style : theme[.paneBorder], clip: area)
            let influence = account.influence(of: line.person.id, in: objective.id)
            x += buffer.write(TextWidth.truncate(card(line.person, influence: influence, hidingRating: hidingRatings), toWidth: area.maxX - x), x: x, y: y, style: style, clip: area)
            let links = line.person.influences.compactMap { account.person($0)?.name }
            if !links.isEmpty, x + 4 < area.maxX {
                buffer.write("  ↝ " + links.joined(separator: ", "), x: x, y: y, style: isSelected ? style : theme[.textMuted], maxWidth: area.maxX - x, clip: area)
            }
            y += 1
            if expanded, y < area.maxY {
                let detail = details(line.person, influence: influence, today: today)
                buffer.write(TextWidth.truncate("  " + line.continuation + "   " + detail, toWidth: area.width), x: area.x, y: y,
                             style: theme[.textMuted], clip: area)
                y += 1
            }
        }
    }

    /// "Klaus Brandt, CFO [EB] Growth +3 H": name, roles, mode, rating, influence.
    static func card(_ person: Person, influence: BuyingInfluence?, hidingRating: Bool = false) -> String {
        var text = person.title.isEmpty ? person.name : "\(person.name), \(person.title)"
        guard let influence else { return text + "  (no role in this objective)" }
        if !influence.roles.isEmpty { text += "  [" + influence.roles.map(\.badge).joined(separator: "][") + "]" }
        if let mode = influence.mode { text += " \(mode.title)" }
        if let rating = influence.rating { text += hidingRating ? " " + PresentingText.mask : " " + InfluenceRules.signed(rating) }
        text += " \(influence.degree.letter)"
        return text
    }

    static func details(_ person: Person, influence: BuyingInfluence?, today: CalendarDate) -> String {
        var parts: [String] = []
        if let influence {
            parts.append("win: \(influence.win.isEmpty ? "?" : influence.win)")
            parts.append("result: \(influence.result.isEmpty ? "?" : influence.result)")
        }
        let covered = person.coverage.map { "\($0.by) (\($0.level.title.lowercased()))" }
        parts.append("covered by: \(covered.isEmpty ? "nobody" : covered.joined(separator: ", "))")
        parts.append("contact: \(person.lastContact.map { "\($0.days(until: today)) d ago" } ?? "never")")
        if !person.nextStep.isEmpty { parts.append("next: \(person.nextStep)\(person.nextStepDate.map { " on \($0.iso)" } ?? "")") }
        return parts.joined(separator: " · ")
    }
}

/// The coverage grid: buying influences down, our colleagues across, each cell how well they know them.
enum CoverageGridView {
    static func render(_ account: Account, objective: SalesObjective, selected: EntityID?, theme: Theme, into buffer: inout Buffer, area: Rect) {
        let colleagues = Array(Set(account.people.flatMap { $0.coverage.map(\.by) })).sorted()
        let people = MapNavigation.order(account)
        let nameWidth = min(28, max(12, area.width / 3))
        let cellWidth = 12
        var x = area.x + 2 + nameWidth
        buffer.write("Buying influence", x: area.x + 2, y: area.y, style: theme[.listHeader], maxWidth: nameWidth, clip: area)
        for colleague in colleagues where x + cellWidth <= area.maxX {
            buffer.write(TextWidth.fit(colleague, width: cellWidth - 1), x: x, y: area.y, style: theme[.listHeader], clip: area)
            x += cellWidth
        }
        if colleagues.isEmpty {
            buffer.write("(nobody on our side yet: c records who covers a person)", x: x, y: area.y, style: theme[.textMuted], clip: area)
        }
        for (row, person) in people.prefix(area.height - 1).enumerated() {
            let y = area.y + 1 + row
            let isSelected = person.id == selected
            let style = isSelected ? theme[.listSelected] : theme[.listRow]
            if isSelected { buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style) }
            let roles = account.influence(of: person.id, in: objective.id)?.roles.map(\.badge).joined(separator: " ") ?? ""
            let label = roles.isEmpty ? person.name : "\(person.name) [\(roles)]"
            buffer.write((isSelected ? "▶ " : "  ") + TextWidth.fit(label, width: nameWidth), x: area.x, y: y, style: style, clip: area)
            var cellX = area.x + 2 + nameWidth
            for colleague in colleagues where cellX + cellWidth <= area.maxX {
                let level = person.coverage.first { $0.by == colleague }?.level ?? .none
                let text = level == .none ? "·" : level.title
                buffer.write(TextWidth.fit(text, width: cellWidth - 1), x: cellX, y: y, style: isSelected ? style : theme[level == .none ? .textMuted : .detailValue], clip: area)
                cellX += cellWidth
            }
            if person.bestCoverage == .none {
                buffer.write("✗ nobody covers", x: cellX, y: y, style: isSelected ? style : theme[.dateOverdue], clip: area)
            }
        }
    }
}

/// Red flags (⚑) and strengths (✓) with their reasons; the selected person's first.
enum FlagListView {
    static func render(_ flags: [InfluenceFlag], hiddenSignals: Int = 0, account: Account, selected: EntityID?, theme: Theme, into buffer: inout Buffer, area: Rect) {
        guard area.height > 0 else { return }
        let red = flags.filter { !$0.isStrength }
        let strengths = flags.filter(\.isStrength)
        // Missing roles first (they concern the whole sale), then the selected person's, then the rest.
        let ordered = red.filter { $0.personID == nil } + red.filter { $0.personID != nil && $0.personID == selected }
            + red.filter { $0.personID != nil && $0.personID != selected }
        var y = area.y
        buffer.write("⚑ \(red.count) red flag\(red.count == 1 ? "" : "s") · ✓ \(strengths.count) strength\(strengths.count == 1 ? "" : "s")",
                     x: area.x, y: y, style: theme[.paneTitle], clip: area)
        y += 1
        if hiddenSignals > 0 {
            for (index, line) in TextWrap.lines("· " + RatingSignals.hiddenLine(hiddenSignals), width: area.width - 2).enumerated() where y < area.maxY {
                buffer.write(index == 0 ? line : "  " + line, x: area.x, y: y, style: theme[.textMuted], clip: area)
                y += 1
            }
        }
        let all = ordered + strengths
        for (position, flag) in all.enumerated() {
            let marker = flag.isStrength ? "✓ " : "⚑ "
            let role: ThemeRole = flag.isStrength ? .statusInfo : (flag.personID == selected ? .dateOverdue : .detailValue)
            let lines = TextWrap.lines(marker + flag.reason, width: area.width - 2)
            // Keep the last row to say how many did not fit: a cut list must not look complete.
            let rest = all.count - position
            if y + lines.count > area.maxY - (rest > 1 ? 1 : 0) {
                if y < area.maxY {
                    buffer.write("… \(rest) more (the export lists them all; select a person to see theirs first)",
                                 x: area.x, y: y, style: theme[.textMuted], maxWidth: area.width, clip: area)
                }
                return
            }
            for (index, line) in lines.enumerated() {
                buffer.write(index == 0 ? line : "  " + line, x: area.x, y: y, style: theme[role], clip: area)
                y += 1
            }
        }
    }
}

/// The person picker over the map.
enum PersonPickerView {
    static func render(_ picker: PersonPicker, theme: Theme, into buffer: inout Buffer, area: Rect) {
        let width = min(area.width - 2, 60)
        let rect = area.centered(Size(width: width, height: min(area.height, picker.items.count + 4)))
        let inner = Box.draw(rect, in: &buffer, border: theme[.dialogBorder], title: picker.title, titleStyle: theme[.dialogBorder],
                             footer: "Esc cancel", fill: theme[.dialogText])
        guard inner.height > 1 else { return }
        let rows = inner.height - 1
        let top = max(0, min(picker.cursor - rows + 1, picker.items.count - rows))
        for (offset, item) in picker.items.dropFirst(top).prefix(rows).enumerated() {
            let index = top + offset
            let y = inner.y + 1 + offset
            let isCursor = index == picker.cursor
            let style = isCursor ? theme[.listSelected] : theme[.dialogText]
            if isCursor { buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style) }
            let box = picker.purpose == .influences ? (item.isChosen ? "[x] " : "[ ] ") : (item.isChosen ? "(•) " : "( ) ")
            buffer.write((isCursor ? "▶ " : "  ") + box + item.label, x: inner.x, y: y, style: style, maxWidth: inner.width, clip: inner)
        }
    }
}
