import WorkbookModel

/// How amounts, dates and stages are written on screen.
public enum ValueFormat {
    static let symbols = ["EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "CHF": "CHF ", "INR": "₹"]

    /// `EUR 1,200,000` becomes `€1,200,000`: full value with thousands separators.
    public static func amount(_ value: Int?, currency: String) -> String {
        guard let value else { return "—" }
        return prefix(currency) + grouped(value)
    }

    /// A short amount for narrow columns: `€950`, `€120k`, `€1.2M`.
    public static func compactAmount(_ value: Int?, currency: String) -> String {
        guard let value else { return "—" }
        if value < 10_000 { return prefix(currency) + grouped(value) }
        // The unit is chosen after rounding, so 999,950,000 reads €1B, not €1000M.
        let units: [(Int, String)] = [(1_000, "k"), (1_000_000, "M"), (1_000_000_000, "B"), (1_000_000_000_000, "T")]
        for (index, (size, suffix)) in units.enumerated() {
            let tenths = (value * 10 + size / 2) / size
            if tenths < 10_000 || index == units.count - 1 {
                let body = size == 1_000 ? "\((value + 500) / 1_000)" : (tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)")
                if size == 1_000, (value + 500) / 1_000 >= 1_000 { continue }
                return prefix(currency) + body + suffix
            }
        }
        return prefix(currency) + grouped(value)
    }

    static func prefix(_ currency: String) -> String {
        symbols[currency] ?? (currency.isEmpty ? "" : currency + " ")
    }

    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (value < 0 ? "-" : "") + result
    }


    /// "in 3 days", "today", "2 days ago": how far a date is from today.
    public static func relative(_ date: CalendarDate, today: CalendarDate) -> String {
        let days = today.days(until: date)
        switch days {
        case 0: return "today"
        case 1: return "tomorrow"
        case -1: return "yesterday"
        case 2...: return "in \(days) days"
        default: return "\(-days) days ago"
        }
    }

    /// Stage names short enough for a list column.
    public static func shortStage(_ stage: RelationshipStage) -> String {
        stage == .reliableSupplier ? "Rel. supplier" : stage.title
    }
}
