import Foundation

/// How concentrated a book is along one dimension; each figure has its own level.
public enum ConcentrationLevel: Int, Comparable, Sendable, Hashable, CaseIterable {
    case low, moderate, high

    public var title: String {
        switch self {
        case .low: return "low"
        case .moderate: return "moderate"
        case .high: return "HIGH"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The thresholds of the concentration figures (docs/RULES.md), editable in `workbook.json`. Percentages.
public struct ConcentrationThresholds: Hashable, Sendable {
    public var largestHigh: Int
    public var largestModerate: Int
    public var top3High: Int
    public var top3Moderate: Int
    public var hhiHigh: Int
    public var hhiModerate: Int

    public init(largestHigh: Int = 20, largestModerate: Int = 10, top3High: Int = 40, top3Moderate: Int = 25,
                hhiHigh: Int = 2500, hhiModerate: Int = 1500) {
        self.largestHigh = largestHigh
        self.largestModerate = largestModerate
        self.top3High = top3High
        self.top3Moderate = top3Moderate
        self.hhiHigh = hhiHigh
        self.hhiModerate = hhiModerate
    }
}

/// What a book can depend on too much: one customer, one product line, one market or one supplier.
public enum BookDimension: String, CaseIterable, Sendable, Hashable {
    case customer, productLine = "product-line", market, segment, supplier

    public var title: String {
        switch self {
        case .customer: return "Customers"
        case .productLine: return "Product lines"
        case .market: return "Markets (industry)"
        case .segment: return "Segments"
        case .supplier: return "Suppliers"
        }
    }

    /// The singular, for sentences: "one customer", "one product line".
    public var noun: String {
        switch self {
        case .customer: return "customer"
        case .productLine: return "product line"
        case .market: return "market"
        case .segment: return "segment"
        case .supplier: return "supplier"
        }
    }

    /// What to do when the book leans too hard on one of these.
    public var counterMoves: [String] {
        switch self {
        case .customer:
            return ["Keep prospecting: fill the pipeline so no single customer decides your year.",
                    "Keep asking your biggest customers whether they are really happy, and watch the competitors around them."]
        case .productLine:
            return ["Keep prospecting for the other lines, with new and existing customers.",
                    "Re-purpose what you sell for another market, so one line's fortunes are not yours."]
        case .market, .segment:
            return ["Re-purpose what you sell for another market.",
                    "Keep prospecting outside the \(noun) you depend on."]
        case .supplier:
            return ["Line up alternate suppliers for what you sell.",
                    "Keep asking customers whether they are really happy with the supplier's product, and watch its competitors."]
        }
    }
}

/// One slice of a book: a customer, a product line…, what it is worth and its share.
public struct BookShare: Hashable, Sendable {
    public var label: String
    public var value: Int
    /// 0…1 of the book's total.
    public var share: Double
    /// The account, when the slice is one customer.
    public var accountID: AccountID?
}

/// The concentration figures of one dimension of a book.
public struct Concentration: Hashable, Sendable {
    public var dimension: BookDimension
    /// Largest first (ties by label).
    public var shares: [BookShare]
    public var total: Int
    /// The names of the book's accounts that record nothing for this dimension (no value, no product lines…).
    public var accountsWithoutData: [String]
    /// For suppliers: the value of lines that are our own products, which depend on no supplier.
    public var ownProductValue: Int
    public var largest: Double
    public var top3: Double
    /// Herfindahl–Hirschman index on percentage shares: 0 (spread thin) to 10,000 (one slice).
    public var hhi: Int
    public var largestLevel: ConcentrationLevel
    public var top3Level: ConcentrationLevel
    public var hhiLevel: ConcentrationLevel

    public var level: ConcentrationLevel { max(largestLevel, top3Level, hhiLevel) }
    public var isEmpty: Bool { shares.isEmpty }
}

/// The concentration rules (docs/RULES.md): shares, largest, top 3 and HHI, per dimension.
public enum ConcentrationRules {
    /// The accounts a book is made of: live ones we sell to. Prospects' values are hopes and lost
    /// accounts pay nothing, so neither makes us dependent.
    public static func bookAccounts(_ accounts: [Account], owner: String? = nil) -> [Account] {
        accounts.filter { account in
            !account.isArchived && account.stage != .prospect && account.stage != .lost
                && (owner == nil || AccountRules.nameKey(account.owner) == AccountRules.nameKey(owner!))
        }
    }

    public static func concentration(of accounts: [Account], by dimension: BookDimension,
                                     thresholds: ConcentrationThresholds = .init()) -> Concentration {
        var values: [String: (label: String, value: Int, account: AccountID?)] = [:]
        var withoutData: [String] = []
        var own = 0
        func add(_ label: String, _ value: Int, account: AccountID? = nil) {
            let key = account?.rawValue ?? AccountRules.nameKey(label)
            let existing = values[key]
            values[key] = (existing?.label ?? label, (existing?.value ?? 0) + value, account)
        }
        for account in accounts {
            switch dimension {
            case .customer, .market, .segment:
                // An account with no industry (or segment) is in no market: counted as one, the
                // blanks would read as a market the book leans on.
                let label = dimension == .market ? account.industry : dimension == .segment ? account.segment : account.name
                guard let value = account.annualValue, value > 0, !label.trimmingWhitespace().isEmpty else {
                    withoutData.append(account.name)
                    continue
                }
                add(label, value, account: dimension == .customer ? account.id : nil)
            case .productLine, .supplier:
                let lines = account.productLines.filter { ($0.annualValue ?? 0) > 0 }
                if lines.isEmpty { withoutData.append(account.name) }
                for line in lines {
                    if dimension == .supplier, ProductLine.isOwnProduct(supplier: line.supplier) {
                        own += line.annualValue!
                        continue
                    }
                    let label = dimension == .productLine ? line.name : line.supplier
                    add(label.isEmpty ? "(unnamed)" : label, line.annualValue!)
                }
            }
        }
        let total = values.values.reduce(0) { $0 + $1.value }
        let shares = values.values.map { slice in
            BookShare(label: slice.label, value: slice.value, share: total > 0 ? Double(slice.value) / Double(total) : 0, accountID: slice.account)
        }.sorted { ($0.value, $1.label) > ($1.value, $0.label) }
        let largest = shares.first?.share ?? 0
        let top3 = shares.prefix(3).reduce(0) { $0 + $1.share }
        let hhi = Int(shares.reduce(0.0) { $0 + ($1.share * 100) * ($1.share * 100) }.rounded())
        return Concentration(
            dimension: dimension, shares: shares, total: total,
            accountsWithoutData: sortedNames(withoutData), ownProductValue: own,
            largest: largest, top3: top3, hhi: hhi,
            largestLevel: level(percent: largest * 100, high: thresholds.largestHigh, moderate: thresholds.largestModerate, moderateInclusive: true),
            top3Level: level(percent: top3 * 100, high: thresholds.top3High, moderate: thresholds.top3Moderate, moderateInclusive: true),
            hhiLevel: level(percent: Double(hhi), high: thresholds.hhiHigh, moderate: thresholds.hhiModerate, moderateInclusive: false))
    }

    /// Names in the order people expect (numbers by value); past a few hundred, by lower-cased name
    /// instead: the locale-aware comparison costs seconds over tens of thousands of accounts.
    static func sortedNames(_ names: [String]) -> [String] {
        if names.count <= 300 { return names.sorted { $0.localizedStandardCompare($1) == .orderedAscending } }
        return names.map { (AccountRules.nameKey($0), $0) }.sorted { $0 < $1 }.map(\.1)
    }

    /// Above `high` is high; from `moderate` (or above it, for HHI) up to `high` is moderate.
    static func level(percent: Double, high: Int, moderate: Int, moderateInclusive: Bool) -> ConcentrationLevel {
        // Shares are compared at a hundredth of a percent, so 20.000001 % from floating point is still 20 %.
        let value = (percent * 100).rounded() / 100
        if value > Double(high) { return .high }
        if moderateInclusive ? value >= Double(moderate) : value > Double(moderate) { return .moderate }
        return .low
    }

    /// The owners of the book's accounts, by name; an account with no owner counts under "".
    public static func owners(_ accounts: [Account]) -> [String] {
        // "sam" and "Sam" are one person's book: the first spelling met (by name order) stands for both.
        var seen: [String: String] = [:]
        for owner in bookAccounts(accounts).map(\.owner).sorted() where seen[AccountRules.nameKey(owner)] == nil {
            seen[AccountRules.nameKey(owner)] = owner
        }
        return seen.values.sorted { $0.localizedStandardCompare($1) == .orderedAscending }
    }

    /// A percentage as a person reads it: "23.4 %".
    public static func percentText(_ share: Double) -> String {
        let tenths = Int((share * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10) %"
    }
}
