import WorkbookModel

/// The handover pack: everything a colleague needs to take an account over without changing its
/// mood by accident, as Markdown (`x` in pane 5, `workbook export --format handover --account NAME`).
public enum HandoverExport {
    static let escape = WorkbookExport.escape

    /// A file name for the pack: `handover-nordlicht-logistik-2026-11-25.md`.
    public static func fileName(for account: Account, today: CalendarDate) -> String {
        let folded = FilterMatcher.fold(account.name)
        var slug = ""
        // Letters of any script stay (東京精密 is a fine file name); everything else becomes one dash.
        for character in folded {
            if character.isLetter || character.isNumber { slug.append(character) } else if !slug.hasSuffix("-") { slug.append("-") }
        }
        slug = String(slug.trimmingCharacters(in: ["-"]).prefix(40))
        return "handover-\(slug.isEmpty ? account.id.rawValue : slug)-\(today.iso).md"
    }

    public static func markdown(_ account: Account, settings: WorkbookSettings, today: CalendarDate) -> String {
        var lines = ["# Handover: \(escape(account.name))", "", "*Prepared \(today.iso) from the Account Workbook.*"]
        lines += status(account, settings: settings, today: today)
        lines += relationship(account, settings: settings)
        lines += whoDecides(account)
        lines += promised(account, today: today)
        lines += journalSection("Sore spots", account.journalNewestFirst(kind: .soreSpot), empty: "none recorded")
        lines += journalSection("The pricing story", account.journalNewestFirst(kind: .pricingStory), empty: "not recorded")
        lines += redFlags(account, settings: settings, today: today)
        lines += nextSteps(account, today: today)
        lines += owners(account)
        lines += journalSection("Journal, newest first", account.journalNewestFirst(), empty: "empty")
        return lines.joined(separator: "\n") + "\n"
    }

    static func status(_ account: Account, settings: WorkbookSettings, today: CalendarDate) -> [String] {
        let type = account.stage == .prospect ? "a prospect" : "a **\(account.stage.title.lowercased())**"
        var sentence = "\(escape(account.name)) "
        if let since = account.stageChangedOn { sentence += "has been \(type) since \(since.iso)" } else { sentence += "is \(type)" }
        if !account.stageChangeReason.isEmpty { sentence += " (\(escape(account.stageChangeReason)))" }
        sentence += account.annualValue.map { ", worth \(ValueFormat.amount($0, currency: settings.currency)) a year" } ?? ", with no annual value recorded"
        sentence += account.owner.isEmpty ? ", with no owner." : ", owned by \(escape(account.owner))."
        var lines = ["", "## Status", "", sentence]
        if !account.industry.isEmpty || !account.segment.isEmpty {
            lines += ["", "Market: " + [account.industry, account.segment].filter { !$0.isEmpty }.map(escape).joined(separator: ", ") + "."]
        }
        if let health = HealthRules.health(account, today: today, settings: settings) {
            var line = "Health: \(health.score) of 100 (\(health.level.title))"
            line += health.reasons.isEmpty ? " — nothing wrong on record." : ":"
            lines += ["", line]
            lines += health.reasons.map { "- \(escape($0))" }
        }
        if let next = account.nextMeeting { lines += ["", "Next meeting: \(next.iso) (\(ValueFormat.relative(next, today: today)))."] }
        return lines
    }

    /// The relationship section; `heading` is its Markdown level (`##` in the pack, `###` in the workbook export).
    static func relationship(_ account: Account, settings: WorkbookSettings, heading: String = "##") -> [String] {
        let partnership = account.partnership
        var type = "- **Type:** \(account.stage.title)"
        if let since = account.stageChangedOn { type += " since \(since.iso)" }
        if !account.stageChangeReason.isEmpty { type += " — \(escape(account.stageChangeReason))" }
        var lines = ["", "\(heading) The relationship", "", type]
        var meaning = "- **What \u{201C}partnership\u{201D} means to them:** \(partnership.customerMeaning.title)"
        if !partnership.meaningWords.isEmpty { meaning += " — \u{201C}\(escape(partnership.meaningWords))\u{201D}" }
        lines.append(meaning)
        if account.stage == .partner, !settings.partnershipStatement.isEmpty {
            lines.append("- **What we mean by it:** \(escape(settings.partnershipStatement.replacingNewlines()))")
        }
        if let signal = RelationshipRules.realitySignal(account, thresholds: settings.relationshipThresholds) {
            lines += ["", "**\(escape(signal.headline))** \(signal.suggestion)"]
        }
        lines += ["", "| Element | Us | Them |", "|---|---|---|"]
        for element in PartnershipElement.allCases {
            let cells = PartnershipSide.allCases.map { side -> String in
                let assessment = partnership.assessment(element, side)
                let text = [assessment.score == nil ? "" : RelationshipRules.scoreText(assessment.score), escape(assessment.note.replacingNewlines())]
                    .filter { !$0.isEmpty }.joined(separator: " ")
                return text.isEmpty ? "not assessed" : text
            }
            lines.append("| \(element.title) | \(cells[0]) | \(cells[1]) |")
        }
        if !partnership.ourSponsors.isEmpty || !partnership.theirSponsors.isEmpty {
            lines += ["", "Sponsors — ours: \(names(partnership.ourSponsors)); theirs: \(names(partnership.theirSponsors))."]
        }
        if !account.productLines.isEmpty {
            lines += ["", "They buy: " + RelationshipNavigation.productLines(account).map { line in
                var text = escape(line.name)
                var facts: [String] = []
                if let value = line.annualValue { facts.append(ValueFormat.amount(value, currency: settings.currency)) }
                if !line.supplier.isEmpty { facts.append("from \(escape(line.supplier))") }
                if !facts.isEmpty { text += " (" + facts.joined(separator: ", ") + ")" }
                return text
            }.joined(separator: "; ") + "."]
        }
        return lines
    }

    static func names(_ list: [String]) -> String { list.isEmpty ? "none" : list.map(escape).joined(separator: ", ") }

    /// The real decision maker, the champion and the sceptic, over every objective of the map.
    static func whoDecides(_ account: Account) -> [String] {
        var lines = ["", "## Who really decides", ""]
        guard !account.people.isEmpty else { return lines + ["No one is on the influence map yet."] }
        let parts = account.influences.compactMap { influence in account.person(influence.personID).map { (person: $0, influence: influence) } }
        func describe(_ person: Person, _ influence: BuyingInfluence?) -> String {
            var text = escape(person.name)
            if !person.title.isEmpty { text += ", \(escape(person.title))" }
            var facts: [String] = []
            if let mode = influence?.mode { facts.append(mode.title) }
            if let rating = influence?.rating { facts.append("rating \(RelationshipRules.scoreText(rating))") }
            if !facts.isEmpty { text += " (" + facts.joined(separator: ", ") + ")" }
            return text
        }
        let deciders = parts.filter { $0.influence.roles.contains(.economic) }
        lines.append("- **Decision maker (Economic Buyer):** " + (deciders.isEmpty ? "not identified — find out who gives the final yes" :
            unique(deciders).map { describe($0.person, $0.influence) }.joined(separator: "; ")))
        let rated = parts.filter { $0.influence.rating != nil }
        let champion = parts.filter { $0.influence.roles.contains(.coach) }.max { ($0.influence.rating ?? -6) < ($1.influence.rating ?? -6) }
            ?? rated.filter { ($0.influence.rating ?? 0) >= 3 }.max { $0.influence.rating! < $1.influence.rating! }
        lines.append("- **Champion:** " + (champion.map { describe($0.person, $0.influence) } ?? "none — no coach and no one rating us +3 or better"))
        let sceptic = rated.filter { $0.influence.rating! < 0 }.min { $0.influence.rating! < $1.influence.rating! }
        lines.append("- **Sceptic:** " + (sceptic.map { describe($0.person, $0.influence) } ?? "none on record"))
        return lines
    }

    /// One row per person, the first part found.
    private static func unique(_ parts: [(person: Person, influence: BuyingInfluence)]) -> [(person: Person, influence: BuyingInfluence)] {
        var seen = Set<EntityID>()
        return parts.filter { seen.insert($0.person.id).inserted }
    }

    static func promised(_ account: Account, today: CalendarDate) -> [String] {
        var lines = ["", "## Promised and still open", ""]
        let open = ChecklistOrdering.ordered(account.commitments).filter { $0.status.isOutstanding }
        for side in CommitmentSide.allCases {
            for item in open where item.side == side {
                var line = "- \(side == .intention ? "We" : "They") promised: \(escape(item.text))"
                if let due = item.due { line += CommitmentRules.isOverdue(item, today: today) ? " — **overdue since \(due.iso)**" : " — due \(due.iso)" }
                lines.append(line)
            }
        }
        for entry in account.journalNewestFirst(kind: .promise) {
            lines.append("- Promise noted \(entry.date.iso) by \(escape(entry.author)): \(escape(entry.text.replacingNewlines()))")
        }
        for milestone in RelationshipNavigation.milestones(account) where milestone.status.isOpen {
            var line = "- Shared plan: \(escape(milestone.what)) — \(milestone.status.title.lowercased())"
            if !milestone.owner.isEmpty { line += ", \(escape(milestone.owner))" }
            if let due = milestone.due { line += ", due \(due.iso)" }
            lines.append(line)
        }
        if lines.count == 3 { lines.append("Nothing open.") }
        return lines
    }

    static func journalSection(_ title: String, _ entries: [JournalEntry], empty: String) -> [String] {
        var lines = ["", "## \(title)", ""]
        if entries.isEmpty { return lines + ["- \(empty)"] }
        for entry in entries {
            var head = "- \(entry.date.iso)"
            if title.hasPrefix("Journal") { head += " · \(entry.kind.title)" }
            if !entry.author.isEmpty { head += " · \(escape(entry.author))" }
            let body = entry.text.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }
            lines.append("\(head): \(body.first ?? "")")
            lines += body.dropFirst().map { "  \($0)" }
        }
        return lines
    }

    static func redFlags(_ account: Account, settings: WorkbookSettings, today: CalendarDate) -> [String] {
        var lines = ["", "## Open red flags", ""]
        if let signal = RelationshipRules.realitySignal(account, thresholds: settings.relationshipThresholds) {
            lines.append("- \(escape(signal.headline))")
        }
        let balance = CommitmentRules.balance(account.commitments, today: today, thresholds: settings.checklistThresholds)
        if let signal = balance.signal { lines.append("- \(signal.headline) \(signal.nextStep)") }
        if balance.overdue > 0 { lines.append("- \(balance.overdue) commitment\(balance.overdue == 1 ? " is" : "s are") overdue.") }
        for objective in MapNavigation.sortedObjectives(account) {
            let red = InfluenceRules.flags(for: account, objective: objective.id, today: today, thresholds: settings.influenceThresholds)
                .filter { !$0.isStrength }
            lines += red.map { "- \(escape(objective.title)): \(escape($0.reason))" }
        }
        if lines.count == 3 { lines.append("- none") }
        return lines
    }

    static func nextSteps(_ account: Account, today: CalendarDate) -> [String] {
        var steps: [(date: CalendarDate?, text: String)] = []
        if let next = account.nextMeeting { steps.append((next, "Next meeting with \(escape(account.name))")) }
        for person in account.people where !person.nextStep.isEmpty {
            steps.append((person.nextStepDate, "\(escape(person.name)): \(escape(person.nextStep))"))
        }
        for milestone in account.partnership.milestones where milestone.status.isOpen {
            steps.append((milestone.due, "Shared plan: \(escape(milestone.what))"))
        }
        let ordered = steps.sorted { lhs, rhs in
            CalendarDate.precedes(lhs.date, rhs.date) ?? (lhs.text < rhs.text)
        }
        var lines = ["", "## Next steps", ""]
        lines += ordered.isEmpty ? ["- none recorded — agree the next meeting"] : ordered.map { "- " + ($0.date.map { "\($0.iso): " } ?? "") + $0.text }
        return lines
    }

    static func owners(_ account: Account) -> [String] {
        var lines = ["", "## Owner history", ""]
        guard !account.ownerHistory.isEmpty else {
            return lines + ["- \(account.owner.isEmpty ? "No owner" : escape(account.owner)) (no handover recorded)"]
        }
        for (record, period) in zip(account.ownerHistory, OwnerPeriods.describe(account.ownerHistory, currentOwner: account.owner)) {
            var line = "- \(escape(record.owner))" + (period.isEmpty ? "" : " " + period)
            if !record.handoverNote.isEmpty { line += ": \u{201C}\(escape(record.handoverNote.replacingNewlines()))\u{201D}" }
            lines.append(line)
        }
        return lines
    }
}
