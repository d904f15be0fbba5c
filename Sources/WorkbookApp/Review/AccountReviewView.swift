import TerminalUI
import WorkbookModel

/// The account review screen: one account per screen, everything a review needs without hunting
/// through panes. Every marker is a character as well as a colour (⚑ flag, ! overdue, ✓ reviewed).
enum AccountReviewView {
    /// One line of a section: a marker that reads without colour, the text, and its role.
    struct Line: Equatable {
        var marker: String
        var text: String
        var role: ThemeRole
        var markerRole: ThemeRole
        init(_ marker: String, _ text: String, role: ThemeRole = .detailValue, markerRole: ThemeRole? = nil) {
            self.marker = marker
            self.text = text
            self.role = role
            self.markerRole = markerRole ?? role
        }
    }

    /// A titled block of lines; `priority` decides who gets spare rows first (lower first), up to
    /// `wanted` lines in a first round, then any number.
    struct Section: Equatable {
        var title: String
        var lines: [Line]
        var priority: Int
        var wanted: Int
        /// Shown only when every other section has the lines it wants (last time's decisions, what
        /// was done): at 80×24 they must not push the overdue items off; Enter lists them.
        var isOptional = false
    }

    static func render(_ state: AppState, theme: Theme, into buffer: inout Buffer, rect: Rect) {
        guard let session = state.accountReview else { return }
        var title = "Review · \(session.scope.title) · \(session.progress)"
        if let timer = session.timerText { title += (session.isOverTime ? " · ! ⏱ " : " · ⏱ ") + timer }
        if let total = session.totalText { title += " · " + total }
        let inner = Box.draw(rect, in: &buffer, border: theme[.paneBorderFocused], title: title, titleStyle: theme[.paneTitle])
        guard inner.width > 4, inner.height > 0 else { return }
        let content = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        guard let id = session.currentID, let account = state.accounts[id], !account.isArchived else {
            buffer.write("This account is no longer in the workbook (removed or archived on disk). Space moves on.",
                         x: content.x, y: content.y, style: theme[.statusWarning], clip: content)
            return
        }
        if state.summaryOnly.contains(id) {
            // Only its summary is known: a page of empty lists would read as "nothing wrong".
            buffer.write("\(account.name): this account's file could not be read (! lists the problems). Space moves on.",
                         x: content.x, y: content.y, style: theme[.statusWarning], clip: content)
            return
        }
        let page = AccountReviewPage(account: account, today: state.today, settings: state.settings)
        var y = content.y
        header(page, state: state, theme: theme, into: &buffer, content: content, y: &y)
        if content.height > 24 { y += 1 }
        let body = Rect(x: content.x, y: y, width: content.width, height: max(0, content.maxY - y))
        if body.width >= 110 {
            let gap = 3
            let leftWidth = (body.width - gap) / 2
            let left = Rect(x: body.x, y: body.y, width: leftWidth, height: body.height)
            let right = Rect(x: body.x + leftWidth + gap, y: body.y, width: body.width - leftWidth - gap, height: body.height)
            draw(Array(sections(page, state: state, width: leftWidth).prefix(3)), theme: theme, into: &buffer, rect: left)
            draw(Array(sections(page, state: state, width: right.width).dropFirst(3)), theme: theme, into: &buffer, rect: right)
        } else {
            draw(sections(page, state: state, width: body.width), theme: theme, into: &buffer, rect: body)
        }
    }

    /// Two lines: "Müller & Söhne · Reliable supplier · €1,200,000 · owner Alex", then the position on
    /// the main objective with, on the right, when the account was last reviewed.
    private static func header(_ page: AccountReviewPage, state: AppState, theme: Theme, into buffer: inout Buffer, content: Rect, y: inout Int) {
        let account = page.account
        var x = content.x
        x += buffer.write(TextWidth.truncate(account.name, toWidth: max(10, content.width / 2)), x: x, y: y, style: theme[.paneTitle], clip: content)
        let facts = [account.stage.title, ValueFormat.amount(account.annualValue, currency: state.settings.currency),
                     "owner \(account.owner.isEmpty ? "—" : account.owner)"]
        buffer.write(TextWidth.truncate(" · " + facts.joined(separator: " · "), toWidth: content.maxX - x), x: x, y: y, style: theme[.detailValue], clip: content)
        y += 1
        guard y < content.maxY else { return }
        var status: String
        var role = ThemeRole.textMuted
        if let today = page.reviewedToday {
            status = " ✓ Reviewed today by \(today.by.isEmpty ? "—" : today.by) "
            role = .badge
        } else if let last = page.lastReview {
            status = "Last reviewed \(last.on.iso) by \(last.by.isEmpty ? "—" : last.by)"
        } else {
            status = "Never reviewed"
        }
        status = TextWidth.truncate(status, toWidth: content.width / 2)
        let statusWidth = TextWidth.width(of: status)
        buffer.write(status, x: content.maxX - statusWidth, y: y, style: theme[role], clip: content)
        let position: String
        if let objective = page.objective {
            let value = objective.position > 0 ? "+\(objective.position)" : objective.position < 0 ? "−\(-objective.position)" : "0"
            position = "Position \(value) on \u{201C}\(objective.title)\u{201D}"
        } else {
            position = "No sales objective"
        }
        buffer.write(TextWidth.truncate(position, toWidth: max(0, content.width - statusWidth - 2)), x: content.x, y: y,
                     style: theme[page.objective == nil ? .textMuted : .detailValue], clip: content)
        y += 1
    }

    /// The six sections, left column first: flags, balance, roles; then changes, next actions, decisions.
    static func sections(_ page: AccountReviewPage, state: AppState, width: Int) -> [Section] {
        let hideRatings = state.hidesRatings
        // The one-way signal and overdue commitments are said under the balance, once.
        // While ratings are hidden, rating-based flags and strengths become one count: a line that
        // exists only for a negative rating would give the rating away.
        let mapFlags = page.flagsBesidesBalance.filter { !(hideRatings && $0.mentionsRating) }
        var flags = mapFlags.map { flag in Line("⚑ ", flag.text, markerRole: .dateOverdue) }
        let hiddenSignals = hideRatings ? page.ratingSignals : 0
        if flags.isEmpty && hiddenSignals == 0 { flags = [Line("✓ ", "No red flags", role: .textMuted)] }
        if hiddenSignals > 0 { flags.append(Line("· ", RatingSignals.hiddenLine(hiddenSignals), role: .textMuted)) }

        var balance = [Line("", page.balanceLine)]
        for commitment in page.overdue {
            let days = commitment.due.map { $0.days(until: state.today) } ?? 0
            balance.append(Line("! ", "overdue \(days) d, \(commitment.side == .intention ? "ours" : "theirs"): \(commitment.text)", markerRole: .dateOverdue))
        }
        if let signal = page.balance.signal {
            // After the overdue items when it fits, but never cut: it is the balance's verdict.
            balance.insert(Line("! ", "\(signal.headline) \(signal.nextStep)", markerRole: .dateOverdue), at: min(balance.count, 2))
        }

        let roleText = page.roles.map { entry in "\(entry.role.badge) \(entry.people.isEmpty ? "— nobody" : entry.people.joined(separator: ", "))" }
        var roles = TextWrap.lines(roleText.joined(separator: " · "), width: max(10, width - 2)).map { Line("", $0) }
        if page.objective == nil { roles = [Line("", "No sales objective: the roles are judged per objective (pane 3, O).", role: .textMuted)] }

        var changes: [Line]
        let since: String
        if let last = page.lastReview {
            since = "Since the last review (\(last.on.iso))"
            let list = page.changes ?? []
            // A flag raised or cleared by a rating's sign is left out: even a count would tell a
            // negative rating from a positive one, and the rating change itself is already listed.
            changes = list.filter { !(hideRatings && $0.isRatingSignal) }
                .map { Line(marker(for: $0.kind), $0.text(hidingRatings: hideRatings), markerRole: markerRole(for: $0.kind)) }
            if changes.isEmpty { changes = [Line("", "No changes since then.", role: .textMuted)] }
        } else {
            since = "Since the last review"
            let text = page.reviewedToday == nil
                ? "First review: nothing to compare with yet. m stores today's picture."
                : "First review: the next one lists what changed since today."
            changes = [Line("", text, role: .textMuted)]
        }

        var next = page.nextActions.map { action -> Line in
            var parts = [action.text]
            if !action.owner.isEmpty { parts.append(action.owner) }
            if let due = action.due { parts.append((action.isOverdue ? "overdue since " : "due ") + due.iso) }
            return Line(action.isOverdue ? "! " : "→ ", parts.joined(separator: " · "), markerRole: action.isOverdue ? .dateOverdue : .detailValue)
        }
        if next.isEmpty { next = [Line("", "Nothing planned: a agrees an action.", role: .textMuted)] }

        func decisionLine(_ decision: ReviewDecision) -> Line { Line("• ", "\(decision.text) (\(decision.by.isEmpty ? "—" : decision.by), \(decision.on.iso))") }
        // With nothing decided yet, the hint bar's "d decide" says enough: the rows go to the rest.
        var decisionSection: [Section] = []
        if !page.decidedLastTime.isEmpty, let last = page.lastReview {
            decisionSection.append(Section(title: "Decided last time (\(last.on.iso))", lines: page.decidedLastTime.map(decisionLine), priority: 5, wanted: 2, isOptional: true))
        }
        if !page.closedSinceLast.isEmpty {
            let lines = page.closedSinceLast.map { action in
                Line("✓ ", "\(action.what) · \(action.owner.isEmpty ? "no owner" : action.owner) · \(action.status.title.lowercased())\(action.closedOn.map { " " + $0.iso } ?? "")")
            }
            decisionSection.append(Section(title: page.lastReview == nil ? "Done" : "Done since the last review", lines: lines, priority: 6, wanted: 1, isOptional: true))
        }
        if !page.recentDecisions.isEmpty {
            decisionSection.append(Section(title: "Decisions", lines: page.recentDecisions.map(decisionLine), priority: 5, wanted: 2))
        }
        return [
            Section(title: "Red flags (\(mapFlags.count))", lines: flags, priority: 0, wanted: 3),
            Section(title: "Commitment balance", lines: balance, priority: 3, wanted: 3),
            Section(title: page.objective.map { "Buying roles — \($0.title)" } ?? "Buying roles", lines: roles, priority: 4, wanted: 2),
            Section(title: since, lines: changes, priority: 2, wanted: 2),
            Section(title: "Next actions", lines: next, priority: 1, wanted: 3),
        ] + decisionSection
    }

    private static func marker(for kind: ReviewChange.Kind) -> String {
        switch kind {
        case .personAdded, .commitmentAdded: return "+ "
        case .personGone: return "− "
        case .commitmentKept, .flagCleared: return "✓ "
        case .commitmentBroken, .commitmentNowOverdue, .flagRaised: return "! "
        default: return "~ "
        }
    }

    private static func markerRole(for kind: ReviewChange.Kind) -> ThemeRole {
        switch kind {
        case .commitmentBroken, .commitmentNowOverdue, .flagRaised: return .dateOverdue
        default: return .detailValue
        }
    }

    /// The whole page as overlay lines: every section uncut, for a list the screen had to cut.
    static func detailLines(_ state: AppState, width: Int) -> [ScrollingOverlayView.Line] {
        guard let id = state.accountReview?.currentID, let account = state.accounts[id] else { return [] }
        let page = AccountReviewPage(account: account, today: state.today, settings: state.settings, nextActionCount: .max)
        var lines: [ScrollingOverlayView.Line] = []
        for section in sections(page, state: state, width: width) {
            if !lines.isEmpty { lines.append(.init(text: "", role: .dialogText)) }
            lines.append(.init(text: section.title, role: .paneTitle))
            for line in section.lines {
                for (index, part) in TextWrap.lines(line.text, width: max(10, width - 4)).enumerated() {
                    lines.append(.init(text: (index == 0 ? " " + line.marker : "   ") + part, role: line.role == .textMuted ? .textMuted : .dialogText))
                }
            }
        }
        return lines
    }

    /// Draws the sections top to bottom, giving each its title and at least one line, then spare rows
    /// by priority; a cut section ends in "… N more".
    static func draw(_ sections: [Section], theme: Theme, into buffer: inout Buffer, rect: Rect) {
        guard rect.height > 0, rect.width > 4 else { return }
        // Where every line fits wrapped (a wide screen), long lines wrap instead of being cut.
        let wrapped = sections.map { section -> Section in
            var section = section
            section.lines = section.lines.flatMap { line -> [Line] in
                let width = max(4, rect.width - 1 - TextWidth.width(of: line.marker))
                let parts = TextWrap.lines(line.text, width: width)
                return parts.enumerated().map { index, part in
                    var piece = line
                    piece.text = part
                    if index > 0 { piece.marker = String(repeating: " ", count: TextWidth.width(of: line.marker)) }
                    return piece
                }
            }
            section.wanted = section.lines.count
            return section
        }
        if wrapped != sections, wrapped.reduce(0, { $0 + 2 + $1.lines.count }) <= rect.height {
            draw(wrapped, theme: theme, into: &buffer, rect: rect)
            return
        }
        let required = sections.filter { !$0.isOptional }
        var needed = required.reduce(0) { $0 + 1 + min($1.wanted, $1.lines.count) }
        var sections = required.isEmpty ? sections : sections.filter { section in
            guard section.isOptional else { return true }
            let cost = 1 + min(section.wanted, section.lines.count)
            guard needed + cost <= rect.height else { return false }
            needed += cost
            return true
        }
        if sections.isEmpty { sections = required }
        let counts = allocate(sections, rows: rect.height)
        var spare = rect.height - sections.count - counts.reduce(0, +)
        var y = rect.y
        for (index, section) in sections.enumerated() where y < rect.maxY {
            if index > 0, spare > 0 {
                y += 1
                spare -= 1
            }
            guard y < rect.maxY else { break }
            let shown = counts[index]
            let x = rect.x + buffer.write(TextWidth.truncate(section.title, toWidth: rect.width), x: rect.x, y: y, style: theme[.detailLabel], clip: rect)
            if shown < section.lines.count {
                // A cut section says so: a short list must not look complete.
                buffer.write("  (+\(section.lines.count - shown) more: Enter shows all)", x: x, y: y, style: theme[.textMuted], clip: rect)
            }
            y += 1
            for line in section.lines.prefix(shown) where y < rect.maxY {
                var lineX = rect.x + 1
                lineX += buffer.write(line.marker, x: lineX, y: y, style: theme[line.markerRole], clip: rect)
                buffer.write(TextWidth.truncate(line.text, toWidth: rect.maxX - lineX), x: lineX, y: y, style: theme[line.role], clip: rect)
                y += 1
            }
        }
    }

    /// Lines shown per section: one each (when it has any), then by priority up to what each wants, then the rest.
    static func allocate(_ sections: [Section], rows: Int) -> [Int] {
        var counts = sections.map { _ in 0 }
        var free = rows - sections.count // a title row each
        for index in sections.indices where free > 0 && !sections[index].lines.isEmpty {
            counts[index] = 1
            free -= 1
        }
        let order = sections.indices.sorted { (sections[$0].priority, $0) < (sections[$1].priority, $1) }
        for round in 0..<2 {
            for index in order where free > 0 {
                let limit = round == 0 ? min(sections[index].wanted, sections[index].lines.count) : sections[index].lines.count
                let given = min(max(0, limit - counts[index]), free)
                counts[index] += given
                free -= given
            }
        }
        return counts
    }
}
