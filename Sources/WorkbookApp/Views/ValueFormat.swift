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
        let body: String
        switch value {
        case ..<10_000: body = grouped(value)
        case ..<1_000_000: body = "\(value / 1_000)k"
        case ..<1_000_000_000: body = oneDecimal(value, 1_000_000) + "M"
        default: body = oneDecimal(value, 1_000_000_000) + "B"
        }
        return prefix(currency) + body
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

    static func oneDecimal(_ value: Int, _ unit: Int) -> String {
        let tenths = (value * 10 + unit / 2) / unit
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
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
