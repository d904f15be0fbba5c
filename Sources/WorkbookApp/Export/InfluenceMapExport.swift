import WorkbookModel

/// The influence map in the Markdown export: per objective, the influence table, the red flags
/// and strengths, and the next steps.
enum InfluenceMapExport {
    static func markdown(_ account: Account, settings: WorkbookSettings, today: CalendarDate) -> [String] {
        var lines: [String] = []
        for objective in MapNavigation.sortedObjectives(account) {
            let escape = WorkbookExport.escape
            var heading = "### Objective: \(escape(objective.title))"
            var facts: [String] = []
            if let amount = objective.amount { facts.append(ValueFormat.amount(amount, currency: settings.currency)) }
            if let close = objective.closeDate { facts.append("close \(close.iso)") }
            facts.append("position " + InfluenceRules.signed(objective.position))
            heading += " (" + facts.joined(separator: ", ") + ")"
            lines += ["", heading, "",
                      "| Person | Title | Reports to | Roles | Influence | Mode | Rating | Win | Result | Covered by | Last contact |",
                      "|---|---|---|---|---|---|---|---|---|---|---|"]
            for person in MapNavigation.order(account) {
                guard let influence = account.influence(of: person.id, in: objective.id) else { continue }
                let cells = [
                    escape(person.name), escape(person.title), escape(person.reportsTo.flatMap { account.person($0)?.name } ?? ""),
                    influence.roles.map(\.title).joined(separator: ", "), influence.degree.title,
                    influence.mode?.title ?? "—", influence.rating.map(InfluenceRules.signed) ?? "—",
                    escape(influence.win), escape(influence.result),
                    person.coverage.map { "\(escape($0.by)) (\($0.level.title.lowercased()))" }.joined(separator: ", "),
                    person.lastContact?.iso ?? "never",
                ]
                lines.append("| " + cells.map { $0.isEmpty ? "—" : $0 }.joined(separator: " | ") + " |")
            }
            let flags = InfluenceRules.flags(for: account, objective: objective.id, today: today, thresholds: settings.influenceThresholds)
            let red = flags.filter { !$0.isStrength }
            lines += ["", "**Red flags (\(red.count))**", ""]
            lines += red.isEmpty ? ["- none"] : red.map { "- \(escape($0.reason))" }
            let strengths = flags.filter(\.isStrength)
            if !strengths.isEmpty {
                lines += ["", "**Strengths**", ""]
                lines += strengths.map { "- \(escape($0.reason))" }
            }
            let steps = MapNavigation.order(account).filter { account.influence(of: $0.id, in: objective.id) != nil && !$0.nextStep.isEmpty }
            lines += ["", "**Next steps**", ""]
            lines += steps.isEmpty ? ["- none recorded"] : steps.map { person in
                "- \(escape(person.name)): \(escape(person.nextStep))" + (person.nextStepDate.map { " — \($0.iso)" } ?? "")
            }
        }
        return lines
    }
}
