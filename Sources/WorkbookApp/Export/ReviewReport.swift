import WorkbookModel

/// `workbook export --format review`: the Markdown note to send after a review meeting. Per account:
/// the red flags, the commitment balance, the changes since the last review, the decisions taken and
/// the open actions. It is written from the real data: presenting masks only the screen.
public enum ReviewReport {
    /// Which accounts and which period the report covers.
    public struct Options: Equatable, Sendable {
        /// Only this owner's accounts (case and surrounding spaces ignored).
        public var owner: String?
        /// Only accounts reviewed, or with decisions or actions agreed, on or after this day; and only
        /// those decisions. Without it: every account, and the decisions since each one's last review.
        public var since: CalendarDate?

        public init(owner: String? = nil, since: CalendarDate? = nil) {
            self.owner = owner
            self.since = since
        }
    }

    /// Why `--owner` cannot be reported on: no live account has that owner. Nil when it can.
    public static func ownerProblem(_ accounts: [Account], options: Options) -> String? {
        guard let owner = options.owner else { return nil }
        let live = accounts.filter { !$0.isArchived }
        let key = AccountRules.nameKey(owner)
        guard !live.contains(where: { AccountRules.nameKey($0.owner) == key }) else { return nil }
        let owners = Set(live.map(\.owner).filter { !$0.isEmpty }).sorted { $0.lowercased() < $1.lowercased() }
        return "no account is owned by \u{201C}\(owner)\u{201D}" + (owners.isEmpty ? "" : "; owners: \(owners.joined(separator: ", "))")
    }

    public static func render(accounts: [Account], settings: WorkbookSettings, today: CalendarDate, options: Options = .init()) -> String {
        var chosen = AccountOrdering.sorted(accounts.filter { !$0.isArchived }, by: .name)
        if let owner = options.owner {
            let key = AccountRules.nameKey(owner)
            chosen = chosen.filter { AccountRules.nameKey($0.owner) == key }
        }
        if let since = options.since {
            chosen = chosen.filter { account in
                account.reviewLog.records.contains { $0.on >= since } || account.reviewLog.decisions.contains { $0.on >= since }
                    || account.reviewLog.actions.contains { $0.agreedOn >= since }
            }
        }
        var scope: [String] = []
        if let owner = options.owner { scope.append("owner \(escape(owner))") }
        if let since = options.since { scope.append("since \(since.iso)") }
        var lines = ["# Account review — \(today.iso)", ""]
        let count = "\(chosen.count) account\(chosen.count == 1 ? "" : "s")"
        lines.append(scope.isEmpty ? count + "." : count + ", " + scope.joined(separator: ", ") + ".")
        let reviewedToday = chosen.filter { $0.reviewLog.records.contains { $0.on == today } }.count
        lines.append("Reviewed today: \(reviewedToday) of \(chosen.count).")
        for account in chosen {
            lines += [""] + section(account, settings: settings, today: today, since: options.since)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func section(_ account: Account, settings: WorkbookSettings, today: CalendarDate, since: CalendarDate?) -> [String] {
        let page = AccountReviewPage(account: account, today: today, settings: settings)
        var lines = ["## \(escape(account.name))", ""]
        var facts = ["**Owner:** \(account.owner.isEmpty ? "—" : escape(account.owner))", "**Type:** \(account.stage.title)",
                     "**Value:** \(ValueFormat.amount(account.annualValue, currency: settings.currency))"]
        if let objective = page.objective {
            let position = objective.position > 0 ? "+\(objective.position)" : objective.position < 0 ? "−\(-objective.position)" : "0"
            facts.append("**Position:** \(position) on \u{201C}\(escape(objective.title))\u{201D}")
        }
        lines.append(facts.joined(separator: " · "))
        if let record = account.reviewLog.lastRecord {
            lines.append("")
            lines.append("Reviewed \(record.on.iso) by \(record.by.isEmpty ? "—" : escape(record.by)).")
        } else {
            lines += ["", "Not reviewed yet."]
        }
        lines += ["", "### Red flags", ""]
        lines += page.flagsBesidesBalance.isEmpty ? ["None."] : page.flagsBesidesBalance.map { "- \(escape($0.text))" }
        lines += ["", "### Commitment balance", "", "- \(page.balanceLine)"]
        if let signal = page.balance.signal { lines.append("- \(signal.headline) \(signal.nextStep)") }
        for commitment in page.overdue {
            let days = commitment.due.map { $0.days(until: today) } ?? 0
            lines.append("- Overdue \(days) d (\(commitment.side == .intention ? "ours" : "theirs")): \(escape(commitment.text))")
        }
        if let last = page.lastReview {
            lines += ["", "### Since the last review (\(last.on.iso))", ""]
            let changes = page.changes ?? []
            lines += changes.isEmpty ? ["No changes."] : changes.map { "- \(escape($0.text))" }
        } else {
            lines += ["", "### Since the last review", "", "First review: nothing to compare with."]
        }
        func decisionLine(_ decision: ReviewDecision) -> String { "- \(decision.on.iso) (\(decision.by.isEmpty ? "—" : escape(decision.by))): \(escape(decision.text))" }
        if since == nil, let last = page.lastReview, !page.decidedLastTime.isEmpty {
            lines += ["", "### Decided last time (\(last.on.iso))", ""] + page.decidedLastTime.map(decisionLine)
        }
        let decisions = since.map { day in account.reviewLog.decisions.filter { $0.on >= day } } ?? page.recentDecisions
        lines += ["", "### Decisions", ""]
        lines += decisions.isEmpty ? ["None recorded."] : decisions.map(decisionLine)
        if !page.closedSinceLast.isEmpty {
            lines += ["", page.lastReview == nil ? "### Done" : "### Done since the last review", ""]
            lines += page.closedSinceLast.map { action in
                "- [x] \(escape(action.what)) — \(action.owner.isEmpty ? "no owner" : escape(action.owner)) — \(action.status.title.lowercased())\(action.closedOn.map { " " + $0.iso } ?? "")"
            }
        }
        let actions = account.reviewLog.openActions
        lines += ["", "### Open actions", ""]
        lines += actions.isEmpty ? ["None."] : actions.map { action in
            var parts = [escape(action.what)]
            parts.append(action.owner.isEmpty ? "no owner" : escape(action.owner))
            if let due = action.due { parts.append((action.isOverdue(today: today) ? "overdue since " : "due ") + due.iso) }
            return "- [ ] " + parts.joined(separator: " — ")
        }
        return lines
    }

    static func escape(_ text: String) -> String { WorkbookExport.escape(text) }
}
