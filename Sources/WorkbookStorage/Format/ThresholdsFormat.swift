import WorkbookModel

/// `settings.thresholds` in `workbook.json`: the rules' day counts, written only when they differ
/// from the defaults, so a workbook that never changed them keeps its bytes.
enum ThresholdsFormat {
    static func write(_ settings: WorkbookSettings, into nested: inout [String: JSONValue]) {
        var thresholds: [String: JSONValue] = [:]
        if settings.checklistThresholds != CommitmentThresholds() {
            thresholds["checklist"] = .object([
                "unreviewedDays": .integer(settings.checklistThresholds.unreviewedDays),
                "minimumPerSide": .integer(settings.checklistThresholds.minimumPerSide),
            ])
        }
        if settings.influenceThresholds != InfluenceThresholds() {
            thresholds["influence"] = .object([
                "contactDays": .integer(settings.influenceThresholds.contactDays),
                "judgementDays": .integer(settings.influenceThresholds.judgementDays),
                "activeCoachDays": .integer(settings.influenceThresholds.activeCoachDays),
            ])
        }
        if settings.relationshipThresholds != RelationshipThresholds() {
            thresholds["relationship"] = .object(["oneSidedGap": .integer(settings.relationshipThresholds.oneSidedGap)])
        }
        let concentration = settings.concentrationThresholds
        if concentration != ConcentrationThresholds() {
            thresholds["concentration"] = .object([
                "largestHighPercent": .integer(concentration.largestHigh), "largestModeratePercent": .integer(concentration.largestModerate),
                "top3HighPercent": .integer(concentration.top3High), "top3ModeratePercent": .integer(concentration.top3Moderate),
                "hhiHigh": .integer(concentration.hhiHigh), "hhiModerate": .integer(concentration.hhiModerate),
            ])
        }
        if !thresholds.isEmpty { nested["thresholds"] = .object(thresholds) }
    }

    static func read(_ reader: inout ObjectFieldReader, into settings: inout WorkbookSettings) throws(FileFormatError) {
        var checklist = CommitmentThresholds()
        var influence = InfluenceThresholds()
        var relationship = RelationshipThresholds()
        var concentration = ConcentrationThresholds()
        _ = try reader.optionalObject("thresholds") { (thresholds: inout ObjectFieldReader) throws(FileFormatError) in
            _ = try thresholds.optionalObject("checklist") { (nested: inout ObjectFieldReader) throws(FileFormatError) in
                checklist.unreviewedDays = try days(&nested, "unreviewedDays") ?? checklist.unreviewedDays
                checklist.minimumPerSide = try days(&nested, "minimumPerSide") ?? checklist.minimumPerSide
            }
            _ = try thresholds.optionalObject("influence") { (nested: inout ObjectFieldReader) throws(FileFormatError) in
                influence.contactDays = try days(&nested, "contactDays") ?? influence.contactDays
                influence.judgementDays = try days(&nested, "judgementDays") ?? influence.judgementDays
                influence.activeCoachDays = try days(&nested, "activeCoachDays") ?? influence.activeCoachDays
            }
            _ = try thresholds.optionalObject("relationship") { (nested: inout ObjectFieldReader) throws(FileFormatError) in
                relationship.oneSidedGap = try number(&nested, "oneSidedGap", 1...4) ?? relationship.oneSidedGap
            }
            _ = try thresholds.optionalObject("concentration") { (nested: inout ObjectFieldReader) throws(FileFormatError) in
                concentration.largestHigh = try number(&nested, "largestHighPercent", 0...100) ?? concentration.largestHigh
                concentration.largestModerate = try number(&nested, "largestModeratePercent", 0...100) ?? concentration.largestModerate
                concentration.top3High = try number(&nested, "top3HighPercent", 0...100) ?? concentration.top3High
                concentration.top3Moderate = try number(&nested, "top3ModeratePercent", 0...100) ?? concentration.top3Moderate
                concentration.hhiHigh = try number(&nested, "hhiHigh", 0...10000) ?? concentration.hhiHigh
                concentration.hhiModerate = try number(&nested, "hhiModerate", 0...10000) ?? concentration.hhiModerate
            }
        }
        settings.checklistThresholds = checklist
        settings.influenceThresholds = influence
        settings.relationshipThresholds = relationship
        settings.concentrationThresholds = concentration
    }

    private static func number(_ reader: inout ObjectFieldReader, _ key: String, _ range: ClosedRange<Int>) throws(FileFormatError) -> Int? {
        guard let value = try reader.optionalInteger(key) else { return nil }
        guard range.contains(value) else {
            throw FileFormatError.field("settings.thresholds.\(key)", "expected \(range.lowerBound) to \(range.upperBound), found \(value)")
        }
        return value
    }

    private static func days(_ reader: inout ObjectFieldReader, _ key: String) throws(FileFormatError) -> Int? {
        guard let value = try reader.optionalInteger(key) else { return nil }
        guard (0...3650).contains(value) else { throw FileFormatError.field("settings.thresholds.\(key)", "expected 0 to 3650, found \(value)") }
        return value
    }
}
