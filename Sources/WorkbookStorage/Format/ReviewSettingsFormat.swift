import WorkbookModel

/// `settings.review` in `workbook.json`: saved review lists and the fields hidden while presenting.
/// Written only when it differs from the defaults, so a workbook that never set it keeps its bytes.
///
/// ```json
/// "review": {
///   "lists": {"Q4 focus": ["3f2a9c01d4e5b678", "4c321c2b3fdbb288"]},
///   "sensitive": ["coldButtons", "hotButtons", "personNotes", "pricingStory", "ratings"]   (missing: all hidden)
/// }
/// ```
/// Lists are an object keyed by name (a name is the list's identity); account ids are a sorted set.
enum ReviewSettingsFormat {
    static func write(_ settings: ReviewSettings, into nested: inout [String: JSONValue]) {
        guard !settings.isDefault else { return }
        var review = settings.unknownFields.filter { $0.key != "lists" && $0.key != "sensitive" }
        if !settings.lists.isEmpty {
            review["lists"] = .object(Dictionary(settings.lists.map { list in
                (list.name, JSONValue.array(Set(list.accounts).sorted().map { .string($0.rawValue) }))
            }, uniquingKeysWith: { first, _ in first }))
        }
        let names = Set(settings.sensitive.map(\.rawValue)).union(settings.unknownSensitive).sorted()
        review["sensitive"] = .array(names.map { .string($0) })
        nested["review"] = .object(review)
    }

    static func read(_ reader: inout ObjectFieldReader) throws(FileFormatError) -> ReviewSettings {
        let read = try reader.optionalObject("review") { (review: inout ObjectFieldReader) throws(FileFormatError) -> ReviewSettings in
            var lists: [ReviewList] = []
            _ = try review.optionalObject("lists") { (named: inout ObjectFieldReader) throws(FileFormatError) in
                for name in named.remaining.keys.sorted() {
                    let ids = try named.stringList(name)
                    for id in ids where !AccountID.isWellFormed(id) {
                        throw named.error(name, "\"\(id)\" is not an account id")
                    }
                    lists.append(ReviewList(name: name, accounts: ids.map(AccountID.init)))
                }
            }
            guard review.remaining["sensitive"] != nil else { return ReviewSettings(lists: lists) }
            var sensitive = Set<SensitiveField>()
            var unknown: [String] = []
            for name in try review.stringList("sensitive") {
                if let field = SensitiveField(rawValue: name) { sensitive.insert(field) } else { unknown.append(name) }
            }
            return ReviewSettings(lists: lists, sensitive: sensitive, unknownSensitive: unknown)
        }
        guard var settings = read?.value else { return ReviewSettings() }
        settings.unknownFields = read?.unknown ?? [:]
        return settings
    }
}
