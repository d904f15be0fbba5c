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
        if !thresholds.isEmpty { nested["thresholds"] = .object(thresholds) }
    }

    static func read(_ reader: inout ObjectFieldReader) throws(FileFormatError) -> (CommitmentThresholds, InfluenceThresholds) {
        var checklist = CommitmentThresholds()
        var influence = InfluenceThresholds()
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
        }
        return (checklist, influence)
    }

    private static func days(_ reader: inout ObjectFieldReader, _ key: String) throws(FileFormatError) -> Int? {
        guard let value = try reader.optionalInteger(key) else { return nil }
        guard (0...3650).contains(value) else { throw FileFormatError.field("settings.thresholds.\(key)", "expected 0 to 3650, found \(value)") }
        return value
    }
}
