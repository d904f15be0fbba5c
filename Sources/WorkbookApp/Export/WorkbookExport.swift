import WorkbookModel
import WorkbookStorage

/// `workbook export`: the workbook as Markdown for a review note, or as one JSON document.
public enum WorkbookExport {
    /// The formats `--format` accepts.
    public enum Format: String, CaseIterable, Sendable {
        case json, markdown
        /// The handover pack of one account (`--account` required).
        case handover
        /// The review report (`ReviewReport`), with `--owner` and `--since`.
        case review
    }

    /// The live accounts to export: all of them in name order, or the one called `name`.
    public static func select(_ accounts: [Account], named name: String?) -> Result<[Account], ExportError> {
        let live = AccountOrdering.sorted(accounts.filter { !$0.isArchived }, by: .name)
        guard let name else { return .success(live) }
        let key = AccountRules.nameKey(name)
        var matches = live.filter { AccountRules.nameKey($0.name) == key }
        if matches.isEmpty {
            // As in the app's filter, accents may be left out: "muller" finds "Müller".
            let folded = FilterMatcher.fold(key)
            matches = live.filter { FilterMatcher.fold(AccountRules.nameKey($0.name)) == folded }
        }
        if matches.isEmpty {
            // Part of a name finds the account when only one has it; several are named, so the user can pick.
            let folded = FilterMatcher.fold(key)
            let partial = live.filter { FilterMatcher.fold($0.name).contains(folded) }
            if partial.count == 1 { return .success(partial) }
            if partial.count > 1 {
                let names = partial.prefix(5).map { "\u{201C}\($0.name)\u{201D}" }.joined(separator: ", ") + (partial.count > 5 ? ", …" : "")
                return .failure(ExportError("\u{201C}\(name)\u{201D} matches \(partial.count) accounts: \(names); give more of the name"))
            }
            return .failure(ExportError("no account called \u{201C}\(name)\u{201D}"))
        }
        return .success(matches)
    }

    public static func render(_ format: Format, accounts: [Account], settings: WorkbookSettings, today: CalendarDate) -> String {
        switch format {
        case .json: return json(accounts: accounts, settings: settings)
        case .markdown: return markdown(accounts: accounts, settings: settings, today: today)
        case .handover: return accounts.map { HandoverExport.markdown($0, settings: settings, today: today) }.joined(separator: "\n")
        case .review: return ReviewReport.render(accounts: accounts, settings: settings, today: today)
        }
    }

    /// One canonical JSON document: `workbook.json` and each account as its file holds it.
    public static func json(accounts: [Account], settings: WorkbookSettings) -> String {
        let document = JSONValue.object([
            "formatVersion": .integer(FormatVersion.current),
            "workbook": WorkbookFileFormat.jsonValue(settings),
            "accounts": .array(accounts.map(AccountFileFormat.jsonValue)),
        ])
        return String(decoding: CanonicalJSON.encode(document), as: UTF8.self)
    }

    public static func markdown(accounts: [Account], settings: WorkbookSettings, today: CalendarDate) -> String {
        var lines = ["# Account Workbook — \(accounts.count) account\(accounts.count == 1 ? "" : "s") (exported \(today.iso))"]
        for account in accounts {
            lines += ["", "## \(escape(account.name))", ""]
            lines.append("- **Industry:** \(account.industry.isEmpty ? "—" : escape(account.industry))")
            if !account.segment.isEmpty { lines.append("- **Segment:** \(escape(account.segment))") }
            lines.append("- **Stage:** \(account.stage.title)")
            lines.append("- **Annual value:** \(ValueFormat.amount(account.annualValue, currency: settings.currency))")
            if let date = account.nextMeeting {
                lines.append("- **Next meeting:** \(date.iso) (\(ValueFormat.relative(date, today: today)))")
            } else {
                lines.append("- **Next meeting:** —")
            }
            lines.append("- **Owner:** \(account.owner.isEmpty ? "—" : escape(account.owner))")
            if !account.notes.isEmpty {
                lines += ["", "### Notes", ""]
                lines += account.notes.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }
            }
            if hasRelationship(account) { lines += HandoverExport.relationship(account, settings: settings, heading: "###") }
            if !account.commitments.isEmpty { lines += checklist(account, settings: settings, today: today) }
            if !account.objectives.isEmpty { lines += InfluenceMapExport.markdown(account, settings: settings, today: today) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// True when the account records anything about the relationship beyond its type.
    static func hasRelationship(_ account: Account) -> Bool {
        account.stage == .partner || !account.partnership.isEmpty || !account.productLines.isEmpty || !account.stageChangeReason.isEmpty
    }

    /// The commitment checklist of one account: the balance, then each side with status and evidence.
    static func checklist(_ account: Account, settings: WorkbookSettings, today: CalendarDate) -> [String] {
        let balance = CommitmentRules.balance(account.commitments, today: today, thresholds: settings.checklistThresholds)
        var lines = ["", "### Commitment checklist", ""]
        var summary = "Ours: \(balance.oursKept) of \(balance.ours) kept · Theirs: \(balance.theirsKept) of \(balance.theirs) met"
        if balance.overdue > 0 { summary += " · \(balance.overdue) overdue" }
        summary += " · " + (balance.daysSinceReview.map { $0 == 0 ? "reviewed today" : "last review \($0) days ago" } ?? "never reviewed")
        if let first = account.firstMeeting { summary += " · first meeting \(first.iso)" }
        lines.append(summary)
        if let signal = balance.signal { lines += ["", "**\(signal.headline)** \(signal.nextStep)"] }
        let ordered = ChecklistOrdering.ordered(account.commitments)
        for side in CommitmentSide.allCases {
            let items = ordered.filter { $0.side == side }
            guard !items.isEmpty else { continue }
            lines += ["", "#### \(side.title)", ""]
            for item in items {
                let box = item.status == .kept ? "[x]" : "[ ]"
                var facts = [item.status.title]
                if !item.owner.isEmpty { facts.append(escape(item.owner)) }
                if let due = item.due {
                    facts.append(CommitmentRules.isOverdue(item, today: today) ? "overdue since \(due.iso)" : "due \(due.iso)")
                }
                var line = "- \(box) \(escape(item.text)) — \(facts.joined(separator: ", "))"
                if !item.evidence.isEmpty { line += " — evidence: \(escape(item.evidence))" }
                lines.append(line)
            }
        }
        return lines
    }

    /// Markdown-significant characters escaped and control characters removed, so stored text cannot
    /// change the document's structure or reach a terminal raw when the export is printed.
    public static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
               scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                continue
            }
            if "\\`*_[]<>#|".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}

/// Why an export could not be produced.
public struct ExportError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
