import TerminalUI
import WorkbookModel

/// Pane 4: how concentrated the book is — shares as bars with the thresholds, the three figures
/// with their levels in words, every dimension at a glance, each owner's book, and the counter-moves.
enum BookView {
    static func render(_ state: AppState, theme: Theme, into buffer: inout Buffer, rect: Rect) {
        let figures = BookFigures.concentration(state)
        let scope = BookFigures.scopeTitle(state.bookOwner)
        let inner = Box.draw(rect, in: &buffer, border: theme[.paneBorderFocused], title: "Book — \(scope) · \(state.bookDimension.title)",
                             titleStyle: theme[.paneTitle], footer: "v dimension · o owner")
        guard inner.width > 20, inner.height > 4 else { return }
        let content = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        let book = ConcentrationRules.bookAccounts(Array(state.accounts.values), owner: state.bookOwner)
        if figures.isEmpty {
            EmptyStateView.render(theme: theme, into: &buffer, rect: content, lines: emptyLines(state, figures: figures, bookSize: book.count))
            return
        }
        let wide = content.width >= 120
        let left = wide ? Rect(x: content.x, y: content.y, width: content.width * 3 / 5 - 1, height: content.height) : content
        var y = renderSummary(figures, state: state, bookSize: book.count, theme: theme, into: &buffer, area: left)
        y = renderDimensions(state, shown: figures, theme: theme, into: &buffer, area: left, y: y)
        let side = wide ? Rect(x: left.maxX + 2, y: content.y, width: content.maxX - left.maxX - 2, height: content.height) : nil
        var barsBottom = left.maxY
        var sideBottom = side?.y ?? 0
        if let side {
            sideBottom = renderOwners(state, theme: theme, into: &buffer, area: side) + 1
        } else if left.maxY - y > 8 {
            barsBottom -= 1
            renderOwnersLine(state, theme: theme, into: &buffer, x: left.x, y: left.maxY - 1, width: left.width)
        }
        if figures.level == .high {
            let moves = counterMoves(figures)
            if let side {
                renderMoves(moves, theme: theme, into: &buffer, area: Rect(x: side.x, y: sideBottom, width: side.width, height: max(0, side.maxY - sideBottom)))
            } else {
                y = renderMoves(moves, theme: theme, into: &buffer, area: Rect(x: left.x, y: y, width: left.width, height: barsBottom - y))
            }
        }
        renderBars(figures, state: state, theme: theme, into: &buffer, area: Rect(x: left.x, y: y + 1, width: left.width, height: max(0, barsBottom - y - 1)))
    }

    static func emptyLines(_ state: AppState, figures: Concentration, bookSize: Int) -> [String] {
        if figures.ownProductValue > 0 {
            return ["Every product line in this book is our own", "",
                    "The book depends on no outside supplier (a line with a supplier named counts here).",
                    "v switches to another dimension · o to another owner's book."]
        }
        switch state.bookDimension {
        case .productLine, .supplier:
            return ["No product lines with a value yet", "",
                    "Record what each account buys, with its value and supplier: p in pane 5.",
                    "v switches to another dimension · o to another owner's book."]
        default:
            return ["No account in this book has an annual value yet", "",
                    bookSize == 0 ? "The book counts the accounts we sell to: prospects and lost accounts are not in it."
                        : "\(bookSize) account\(bookSize == 1 ? " is" : "s are") in the book without a value: e in pane 1 sets it.",
                    "v switches to another dimension · o to another owner's book."]
        }
    }

    /// The total, the three figures with their levels, and what is not counted.
    private static func renderSummary(_ figures: Concentration, state: AppState, bookSize: Int, theme: Theme, into buffer: inout Buffer, area: Rect) -> Int {
        var y = area.y
        let currency = state.settings.currency
        let summary = "\(figures.shares.count) \(figures.dimension.noun)\(figures.shares.count == 1 ? "" : "s") · \(ValueFormat.amount(figures.total, currency: currency)) a year"
            + " · \(bookSize) account\(bookSize == 1 ? "" : "s") we sell to"
        buffer.write(TextWidth.truncate(summary, toWidth: area.width), x: area.x, y: y, style: theme[.detailValue], clip: area)
        y += 1
        var x = area.x
        let limits = state.settings.concentrationThresholds
        // Each figure says the limit it passed, so HIGH never stands unexplained.
        func limit(_ level: ConcentrationLevel, high: String, moderate: String) -> String {
            level == .high ? " (> \(high))" : level == .moderate ? " (> \(moderate))" : ""
        }
        let parts: [(String, ConcentrationLevel, String)] = [
            ("Largest \(ConcentrationRules.percentText(figures.largest))", figures.largestLevel,
             limit(figures.largestLevel, high: "\(limits.largestHigh) %", moderate: "\(limits.largestModerate) %").replacingOccurrences(of: "> \(limits.largestModerate)", with: "≥ \(limits.largestModerate)")),
            ("Top 3 \(ConcentrationRules.percentText(figures.top3))", figures.top3Level,
             limit(figures.top3Level, high: "\(limits.top3High) %", moderate: "\(limits.top3Moderate) %").replacingOccurrences(of: "> \(limits.top3Moderate)", with: "≥ \(limits.top3Moderate)")),
            ("HHI \(ValueFormat.grouped(figures.hhi))", figures.hhiLevel,
             limit(figures.hhiLevel, high: ValueFormat.grouped(limits.hhiHigh), moderate: ValueFormat.grouped(limits.hhiModerate))),
        ]
        let wide = parts.reduce(0) { $0 + TextWidth.width(of: $1.0 + levelText($1.1) + $1.2) + 4 } <= area.width
        for (index, part) in parts.enumerated() {
            if index > 0 { x += buffer.write(" · ", x: x, y: y, style: theme[.textMuted], clip: area) }
            x += buffer.write(part.0 + " ", x: x, y: y, style: theme[.detailValue], clip: area)
            x += buffer.write(levelText(part.1) + (wide ? part.2 : ""), x: x, y: y, style: theme[levelRole(part.1)], clip: area)
        }
        y += 1
        var notes: [String] = []
        if figures.ownProductValue > 0 {
            notes.append("Our own products (\(ValueFormat.compactAmount(figures.ownProductValue, currency: currency))) depend on no supplier and are not counted.")
        }
        if !figures.accountsWithoutData.isEmpty {
            let what = switch figures.dimension {
            case .productLine, .supplier: "no product line with a value"
            case .market: "no annual value or no industry"
            case .segment: "no annual value or no segment"
            case .customer: "no annual value"
            }
            // One line on screen: a dozen names say who; the count says how many.
            let names = figures.accountsWithoutData
            let shown = names.prefix(12).joined(separator: ", ") + (names.count > 12 ? " … and \(names.count - 12) more" : "")
            notes.append("Not counted (\(what), \(names.count)): " + shown)
        }
        for note in notes {
            buffer.write(TextWidth.truncate(note, toWidth: area.width), x: area.x, y: y, style: theme[.textMuted], clip: area)
            y += 1
        }
        return y
    }

    /// Every dimension's overall level on one line, so a high one elsewhere is not missed.
    /// `shown` is the dimension on screen, already computed: only the others are worked out here.
    private static func renderDimensions(_ state: AppState, shown: Concentration, theme: Theme, into buffer: inout Buffer, area: Rect, y: Int) -> Int {
        let levels = BookDimension.allCases.map { dimension -> (String, ConcentrationLevel?) in
            let figures = dimension == shown.dimension ? shown : BookFigures.concentration(state, dimension: dimension, owner: state.bookOwner)
            let name = dimension.title.components(separatedBy: " (").first ?? dimension.title
            return (dimension == state.bookDimension ? "[\(name)]" : name, figures.isEmpty ? nil : figures.level)
        }
        // Where the words do not fit, the markers alone (▲ △ ✓) still say every level.
        let full = 5 + levels.reduce(0) { $0 + TextWidth.width(of: $1.0) + 3 + ($1.1.map { TextWidth.width(of: levelText($0)) } ?? 1) } <= area.width
        var x = area.x
        x += buffer.write("All: ", x: x, y: y, style: theme[.detailLabel], clip: area)
        for (index, entry) in levels.enumerated() {
            if index > 0 { x += buffer.write(" · ", x: x, y: y, style: theme[.textMuted], clip: area) }
            x += buffer.write(entry.0 + " ", x: x, y: y, style: theme[.detailValue], clip: area)
            let level = entry.1.map { full ? levelText($0) : String(levelText($0).prefix(1)) } ?? "—"
            x += buffer.write(level, x: x, y: y, style: entry.1.map { theme[levelRole($0)] } ?? theme[.textMuted], clip: area)
        }
        return y + 1
    }

    static func levelText(_ level: ConcentrationLevel) -> String {
        switch level {
        case .high: return "▲ HIGH"
        case .moderate: return "△ moderate"
        case .low: return "✓ low"
        }
    }

    static func levelRole(_ level: ConcentrationLevel) -> ThemeRole {
        switch level {
        case .high: return .dateOverdue
        case .moderate: return .dateSoon
        case .low: return .textMuted
        }
    }

    /// The warning in words, then what to do about it.
    static func counterMoves(_ figures: Concentration) -> [String] {
        let biggest = figures.shares.first.map { "\u{201C}\($0.label)\u{201D} is \(ConcentrationRules.percentText($0.share)) of it" } ?? ""
        let headline = "⚠ This book leans hard on one \(figures.dimension.noun): \(biggest) — a dependency culture in the making."
        return [headline] + figures.dimension.counterMoves.map { "• " + $0 }
    }

    @discardableResult
    private static func renderMoves(_ moves: [String], theme: Theme, into buffer: inout Buffer, area: Rect) -> Int {
        var y = area.y
        for (index, move) in moves.enumerated() {
            for line in TextWrap.lines(move, width: max(1, area.width - (index == 0 ? 0 : 2))) where y < area.maxY {
                let x = area.x + (index == 0 || line.hasPrefix("•") ? 0 : 2)
                if index == 0 { buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: theme[.statusWarning]) }
                buffer.write(line, x: x, y: y, style: theme[index == 0 ? .statusWarning : .detailValue], clip: area)
                y += 1
            }
        }
        return y
    }

    /// One bar per slice on a scale that fits the largest; ┊ marks the largest-share thresholds.
    private static func renderBars(_ figures: Concentration, state: AppState, theme: Theme, into buffer: inout Buffer, area: Rect) {
        guard area.height >= 2 else { return }
        let thresholds = state.settings.concentrationThresholds
        let labelWidth = min(28, max(10, area.width / 3))
        let figureWidth = 18
        let barWidth = max(5, area.width - labelWidth - figureWidth - 4)
        let scale = max(figures.largest, Double(thresholds.largestHigh) / 100 * 1.25)
        let ticks = [thresholds.largestModerate, thresholds.largestHigh].map { Int((Double($0) / 100 / scale * Double(barWidth)).rounded()) }
        let barX = area.x + 2 + labelWidth + 1
        var header = String(repeating: " ", count: barWidth)
        for (tick, percent) in zip(ticks, [thresholds.largestModerate, thresholds.largestHigh]) where tick < barWidth {
            let label = "\(percent) %"
            let start = max(0, min(barWidth - label.count, tick - label.count / 2))
            header.replaceSubrange(header.index(header.startIndex, offsetBy: start)..<header.index(header.startIndex, offsetBy: start + label.count), with: label)
        }
        buffer.write(TextWidth.fit("Share of the book", width: labelWidth), x: area.x + 2, y: area.y, style: theme[.listHeader], clip: area)
        buffer.write(header, x: barX, y: area.y, style: theme[.textMuted], clip: area)
        // The last free row explains the ticks, when the bars leave one.
        let legendRow = figures.shares.count < area.height - 1
        let rows = area.height - 1 - (legendRow ? 1 : 0)
        if legendRow {
            let legend = "┊ the largest-share limits: \(thresholds.largestModerate) % moderate, \(thresholds.largestHigh) % high"
            buffer.write(TextWidth.truncate(legend, toWidth: area.width - 2), x: area.x + 2, y: area.maxY - 1, style: theme[.textMuted], clip: area)
        }
        let selected = min(state.bookSelection, figures.shares.count - 1)
        let top = max(0, min(selected - rows + 1, figures.shares.count - rows))
        for (row, share) in figures.shares.enumerated().dropFirst(top).prefix(rows) {
            let y = area.y + 1 + (row - top)
            let isSelected = row == selected
            let base = isSelected ? theme[.listSelected] : theme[.listRow]
            if isSelected { buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: base) }
            buffer.write((isSelected ? "▶ " : "  ") + TextWidth.fit(share.label, width: labelWidth), x: area.x, y: y, style: base, clip: area)
            let filled = Int((share.share / scale * Double(barWidth)).rounded())
            let overHigh = share.share * 100 > Double(thresholds.largestHigh)
            for column in 0..<barWidth {
                let glyph: Character = column < filled ? "█" : (ticks.contains(column) ? "┊" : "·")
                let style = column < filled ? (overHigh && !isSelected ? theme[.dateOverdue] : base) : (isSelected ? base : theme[.textMuted])
                buffer.put(glyph, x: barX + column, y: y, style: style, clip: area)
            }
            let figure = TextWidth.fit(ConcentrationRules.percentText(share.share), width: 7, alignRight: true) + " "
                + TextWidth.fit(ValueFormat.compactAmount(share.value, currency: state.settings.currency), width: 7, alignRight: true)
            buffer.write(" " + TextWidth.fit(figure, width: figureWidth), x: barX + barWidth, y: y, style: base, clip: area)
        }
    }

    /// Each owner's book for this dimension: the team lead's view.
    private static func renderOwners(_ state: AppState, theme: Theme, into buffer: inout Buffer, area: Rect) -> Int {
        var y = area.y
        buffer.write("Each owner's book — \(state.bookDimension.title)", x: area.x, y: y, style: theme[.listHeader], clip: area)
        y += 1
        let header = " " + TextWidth.fit("Owner", width: 15) + "  Value     Largest  Top 3   HHI    Level"
        buffer.write(header, x: area.x, y: y, style: theme[.detailLabel], clip: area)
        y += 1
        for owner in ConcentrationRules.owners(Array(state.accounts.values)) where y < area.maxY - 6 {
            let figures = BookFigures.concentration(state, dimension: state.bookDimension, owner: owner)
            let isCurrent = state.bookOwner == owner
            let style = isCurrent ? theme[.listSelected] : theme[.listRow]
            let name = owner.isEmpty ? "(no owner)" : owner
            var line = (isCurrent ? "▶" : " ") + TextWidth.fit(name, width: 15) + "  "
            if figures.isEmpty {
                line += "—"
            } else {
                line += TextWidth.fit(ValueFormat.compactAmount(figures.total, currency: state.settings.currency), width: 9) + " "
                line += TextWidth.fit(ConcentrationRules.percentText(figures.largest), width: 8) + " "
                line += TextWidth.fit(ConcentrationRules.percentText(figures.top3), width: 7) + " "
                line += TextWidth.fit(ValueFormat.grouped(figures.hhi), width: 6) + " "
            }
            let width = buffer.write(line, x: area.x, y: y, style: style, clip: area)
            if !figures.isEmpty {
                buffer.write(levelText(figures.level), x: area.x + width, y: y, style: isCurrent ? style : theme[levelRole(figures.level)], clip: area)
            }
            y += 1
        }
        return y
    }

    /// The owners' levels on one line, for narrow screens.
    private static func renderOwnersLine(_ state: AppState, theme: Theme, into buffer: inout Buffer, x: Int, y: Int, width: Int) {
        let owners = ConcentrationRules.owners(Array(state.accounts.values))
        guard !owners.isEmpty else { return }
        let parts = owners.map { owner -> String in
            let figures = BookFigures.concentration(state, dimension: state.bookDimension, owner: owner)
            return (owner.isEmpty ? "(no owner)" : owner) + " " + (figures.isEmpty ? "—" : levelText(figures.level))
        }
        let text = "Per owner (o): " + parts.joined(separator: " · ")
        buffer.write(TextWidth.truncate(text, toWidth: width), x: x, y: y, style: theme[.textMuted], clip: Rect(x: x, y: y, width: width, height: 1))
    }
}
