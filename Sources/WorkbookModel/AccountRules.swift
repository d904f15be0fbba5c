import Foundation

/// The fields of an account a person can edit, in form order.
public enum AccountField: String, CaseIterable, Sendable, Hashable {
    case name, industry, segment, stage, annualValue, nextMeeting, owner, notes

    public var title: String {
        switch self {
        case .name: return "Name"
        case .industry: return "Industry"
        case .segment: return "Segment"
        case .stage: return "Stage"
        case .annualValue: return "Annual value"
        case .nextMeeting: return "Next meeting"
        case .owner: return "Owner"
        case .notes: return "Notes"
        }
    }
}

/// A rule an account broke, tied to the field a person should fix.
public struct ValidationIssue: Hashable, Sendable {
    public var field: AccountField
    public var message: String

    public init(field: AccountField, message: String) {
        self.field = field
        self.message = message
    }
}

/// The rules an account must satisfy, and the parsing of what people type into value and date fields.
public enum AccountRules {
    public static let maximumNameLength = 120

    /// Names compare without case and surrounding space, so "Acme " and "acme" are the same account.
    public static func nameKey(_ name: String) -> String {
        // Plain ASCII (most names) without the Unicode machinery: the same result, many times faster.
        var bytes = Array(name.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            // Whitespace at either end is rare: trimming by characters only when an end may be some.
            let plainEnds = bytes.first.map { $0 > 0x20 && $0 < 0x80 } == true && bytes.last.map { $0 > 0x20 && $0 < 0x80 } == true
            return LatinText.lowercased(plainEnds ? name : name.trimmingWhitespace())
        }
        func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        var start = 0, end = bytes.count
        while start < end, isWhitespace(bytes[start]) { start += 1 }
        while end > start, isWhitespace(bytes[end - 1]) { end -= 1 }
        for index in start..<end where (65...90).contains(bytes[index]) { bytes[index] += 32 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Problems with `account` among the other live (not archived) accounts of the workbook.
    public static func validate(_ account: Account, among others: [Account]) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        let name = account.name.trimmingWhitespace()
        if name.isEmpty {
            issues.append(ValidationIssue(field: .name, message: "A name is required."))
        } else if name.count > maximumNameLength {
            issues.append(ValidationIssue(field: .name, message: "The name is longer than \(maximumNameLength) characters."))
        } else {
            let key = nameKey(name)
            if let clash = others.first(where: { $0.id != account.id && !$0.isArchived && nameKey($0.name) == key }) {
                issues.append(ValidationIssue(field: .name, message: "Another account is already called \u{201C}\(clash.name)\u{201D}."))
            }
        }
        if let value = account.annualValue, value < 0 {
            issues.append(ValidationIssue(field: .annualValue, message: "The annual value cannot be negative."))
        }
        return issues
    }

    /// Parses a whole amount as people type it: `120000`, `120,000`, `120.000`, `120 000`, `120k`,
    /// `1.5m`, `1,5M`, `€250k`; empty text is no value.
    ///
    /// Ambiguous input is refused rather than guessed: without a k/m/b suffix a separator must group
    /// thousands (so `120.000` is 120,000 and `1,5` is an error), and amounts are whole units.
    public static func parseAmount(_ text: String) -> Result<Int?, ParseFailure> {
        var cleaned = text.trimmingWhitespace().lowercased()
        if cleaned.isEmpty { return .success(nil) }
        cleaned.removeAll { " \u{00A0}\u{202F}'_€$£¥".contains($0) }
        let failure = ParseFailure("\u{201C}\(text)\u{201D} is not a whole amount: write 120000, 120,000, 120k or 1.5m.")
        var multiplier = 1.0
        if let last = cleaned.last, let factor = ["k": 1_000.0, "m": 1_000_000.0, "b": 1_000_000_000.0][last] {
            multiplier = factor
            cleaned.removeLast()
        }
        guard !cleaned.isEmpty, cleaned.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }) else { return .failure(failure) }
        let separators = cleaned.filter { $0 == "." || $0 == "," }
        let number: Double
        if multiplier > 1 {
            // With a suffix one separator is a decimal mark, whichever the writer's locale uses.
            guard separators.count <= 1, let value = Double(cleaned.replacingOccurrences(of: ",", with: ".")) else { return .failure(failure) }
            number = value * multiplier
        } else if separators.isEmpty {
            guard let value = Double(cleaned) else { return .failure(failure) }
            number = value
        } else {
            // Without a suffix, separators must all be the same and group thousands: 1,234,567 or 1.234.567.
            let mark = separators.first!
            let groups = cleaned.split(separator: mark, omittingEmptySubsequences: false)
            guard Set(separators).count == 1, let head = groups.first, (1...3).contains(head.count),
                  groups.dropFirst().allSatisfy({ $0.count == 3 }), let value = Double(groups.joined()) else { return .failure(failure) }
            number = value
        }
        let value = number.rounded()
        guard value == number || multiplier > 1 else { return .failure(failure) }
        guard value < 1e15 else { return .failure(ParseFailure("That amount is too large.")) }
        return .success(Int(value))
    }

    /// Parses `YYYY-MM-DD`, `today`, `tomorrow` or `+N` (days from today); empty text is no date.
    public static func parseDate(_ text: String, today: CalendarDate) -> Result<CalendarDate?, ParseFailure> {
        let cleaned = text.trimmingWhitespace().lowercased()
        if cleaned.isEmpty { return .success(nil) }
        if cleaned == "today" { return .success(today) }
        if cleaned == "tomorrow" { return .success(today.adding(days: 1)) }
        if cleaned == "yesterday" { return .success(today.adding(days: -1)) }
        if let sign = cleaned.first, sign == "+" || sign == "-" || sign == "\u{2212}",
           let days = Int(cleaned.dropFirst().filter { $0 != "d" }), days < 100_000 {
            return .success(today.adding(days: sign == "+" ? days : -days))
        }
        if let date = CalendarDate(iso: cleaned) { return .success(date) }
        return .failure(ParseFailure("\u{201C}\(text)\u{201D} is not a date: use YYYY-MM-DD, today, yesterday, tomorrow, +7 or -3."))
    }
}

/// Why a typed value could not be read, in words for the person who typed it.
public struct ParseFailure: Error, Hashable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

extension String {
    /// The text without leading and trailing white space (including newlines).
    public func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

/// Lower-casing text of ASCII and precomposed Latin letters one scalar at a time, from a table the
/// standard library filled: the same as `lowercased()` (no Latin letter lower-cases by context),
/// without its cost per call. Other text goes to `lowercased()`.
enum LatinText {
    static let range: ClosedRange<UInt32> = 0x80...0x24F
    static let lowercase: [[UInt8]] = range.map { Array(String(Unicode.Scalar($0)!).lowercased().utf8) }

    static func lowercased(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                bytes.append((65...90).contains(value) ? UInt8(value + 32) : UInt8(value))
            } else if range.contains(value) {
                bytes.append(contentsOf: lowercase[Int(value - range.lowerBound)])
            } else {
                return text.lowercased()
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
