/// What the account list, the book and the review need of an account whose details stay on disk
/// until it is opened (docs/PERFORMANCE.md): worked out from the whole account when its file was
/// read, and kept with the list index in the per-user cache, never in a shared file.
public struct AccountDigest: Hashable, Sendable {
    /// Merge conflicts wait for a choice in the account (the list's ≠ badge).
    public var hasMergeConflicts: Bool
    /// The figures that depend on the day and the thresholds; nil when they are not known for the
    /// day and thresholds in force (`AccountDigest.rulesKey`), until they are worked out again.
    public var rules: RuleFigures?

    /// Health and red flags as the rules give them on one day under one set of thresholds.
    public struct RuleFigures: Hashable, Sendable {
        /// The health score; nil for an archived or lost account.
        public var health: Int?
        /// The health score while ratings are hidden (presenting): without the flags a rating's sign raises.
        public var healthHidingRatings: Int?
        /// At least one red flag the review's "flagged accounts" counts.
        public var isFlagged: Bool

        public init(health: Int?, healthHidingRatings: Int?, isFlagged: Bool) {
            self.health = health
            self.healthHidingRatings = healthHidingRatings
            self.isFlagged = isFlagged
        }
    }

    public init(hasMergeConflicts: Bool, rules: RuleFigures?) {
        self.hasMergeConflicts = hasMergeConflicts
        self.rules = rules
    }

    /// The digest of a whole account, its rule figures as of `today` under `settings`.
    public init(of account: Account, today: CalendarDate, settings: WorkbookSettings) {
        hasMergeConflicts = account.hasMergeConflicts
        let scores = HealthRules.scores(account, today: today, settings: settings)
        rules = RuleFigures(
            health: scores.shown, healthHidingRatings: scores.hidingRatings,
            isFlagged: AccountFlags.isFlagged(account, today: today, settings: settings, mapHasRedFlags: scores.mapHasRedFlags))
    }

    /// Names the day and the thresholds rule figures were worked out under: figures kept under
    /// another key are not used. Stable across runs (no per-process hashing).
    public static func rulesKey(today: CalendarDate, settings: WorkbookSettings) -> String {
        let thresholds = String(describing: settings.checklistThresholds) + String(describing: settings.influenceThresholds)
            + String(describing: settings.relationshipThresholds)
        return today.iso + "/" + String(StableHash.fnv1a(Array(thresholds.utf8)), radix: 16)
    }
}

/// 64-bit FNV-1a over bytes: the same value in every run and on every machine, unlike `Hasher`.
public enum StableHash {
    /// A checksum of many megabytes (the list index): eight bytes a step, each step a multiply and
    /// a shift, so a bit changed anywhere changes the result; several times faster than `fnv1a`,
    /// which waits on one multiply per byte. The same value in every run and on every machine.
    public static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var value: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var offset = 0
        let raw = UnsafeRawBufferPointer(bytes)
        while offset + 8 <= bytes.count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            value = (value ^ word) &* 0xFF51_AFD7_ED55_8CCD
            value ^= value >> 32
            offset += 8
        }
        var tail: UInt64 = 0
        for index in offset..<bytes.count { tail |= UInt64(bytes[index]) << (8 * UInt64(index - offset)) }
        value = (value ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return value ^ (value >> 29)
    }

    public static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { buffer in
            var value: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in buffer {
                value ^= UInt64(byte)
                value = value &* 0x0000_0100_0000_01b3
            }
            return value
        }
    }
}

extension Account {
    /// The account with only what the list, the book and the filter show (the listed fields and
    /// the product lines); everything else is read when the account is opened.
    public var listSummary: Account {
        var summary = Account(id: id, name: name)
        summary.industry = industry
        summary.segment = segment
        summary.stage = stage
        summary.annualValue = annualValue
        summary.nextMeeting = nextMeeting
        summary.owner = owner
        summary.archived = archived
        summary.productLines = productLines.map { line in
            ProductLine(id: line.id, name: line.name, annualValue: line.annualValue, supplier: line.supplier)
        }
        return summary
    }

    /// Merge conflicts recorded by git's merge driver wait for a choice.
    public var hasMergeConflicts: Bool { unknownFields["conflicts"] != nil }
}
