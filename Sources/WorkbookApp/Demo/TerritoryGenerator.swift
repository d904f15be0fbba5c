import WorkbookModel

/// A small, fast, seedable generator (Steele, Lea & Flood's SplitMix64): the same seed gives the
/// same sequence on every machine and every run, which `SystemRandomNumberGenerator` never does.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `range`, from this generator only (the standard library's algorithm may change).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// A number in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    mutating func weighted<T>(_ pairs: [(T, Int)]) -> T {
        var r = int(0...(pairs.reduce(0) { $0 + $1.1 } - 1))
        for (value, weight) in pairs {
            if r < weight { return value }
            r -= weight
        }
        return pairs[pairs.count - 1].0
    }
}

/// A deterministic synthetic territory for the benchmark (`workbook generate`, docs/PERFORMANCE.md),
/// modelled on `../shared/perf/gen_data.py`: names in Latin, accented Latin, CJK and Hangul scripts,
/// 5–12 people (~8.5) with buying influences in one sales objective, 5–15 commitments (~10) per account,
/// notes with commas and quotes, every stage, dates relative to a fixed base date. The same seed and
/// count always give the same accounts; account `i` depends only on the seed and `i`.
public enum TerritoryGenerator {
    /// The fixed "today" of generated data, so output does not depend on the clock.
    public static let baseDate = CalendarDate(year: 2025, month: 6, day: 2)!
    public static let owner = "Bench Owner"

    public static func settings() -> WorkbookSettings { WorkbookSettings(owner: owner, currency: "EUR") }

    public static func accounts(count: Int, seed: UInt64) -> [Account] {
        let reps = self.reps(seed: seed)
        return (0..<max(0, count)).map { account(index: $0, seed: seed, reps: reps) }
    }

    /// The 25 reps accounts are owned by and people are covered by.
    static func reps(seed: UInt64) -> [String] {
        var rng = SplitMix64(seed: seed ^ 0x5EED_0F_2E95)
        return (0..<25).map { _ in personName(&rng) }
    }

    static func account(index: Int, seed: UInt64, reps: [String]) -> Account {
        // One stream per account: mixing the index in keeps accounts independent of each other.
        var rng = SplitMix64(seed: seed &+ UInt64(index) &* 0xD1B5_4A32_D192_ED03)
        let id = AccountID.random(using: &rng)
        let owner = rng.pick(reps)
        let name = companyName(&rng, index: index)
        let stage = rng.weighted(stages)
        let firstMeeting = baseDate.adding(days: -rng.int(30...900))
        var account = Account(
            id: id, name: name, industry: rng.pick(industries), stage: stage,
            annualValue: rng.unit() < 0.9 ? annualValue(&rng) : nil,
            nextMeeting: rng.unit() < 0.9 ? baseDate.adding(days: rng.int(-10...90)) : nil,
            owner: owner, notes: "", firstMeeting: firstMeeting)
        if stage == .reliableSupplier || stage == .partner {
            account.stageChangedOn = baseDate.adding(days: -rng.int(10...400))
        }

        // People and their part in the one objective; the first is the economic buyer.
        let objective = SalesObjective(
            id: EntityID.random(using: &rng), title: "\(rng.pick(objectiveVerbs)) the \(rng.pick(topics)) \(rng.pick(objectiveNouns))",
            closeDate: baseDate.adding(days: rng.int(20...240)), amount: (account.annualValue ?? 100_000) / 2, position: rng.int(0...4))
        account.objectives = [objective]
        var people: [Person] = []
        var influences: [BuyingInfluence] = []
        for k in 0..<rng.int(5...12) {
            let personID = EntityID.random(using: &rng)
            let level: PersonLevel = k == 0 ? .executive : rng.weighted([(.senior, 3), (.middle, 4), (.operational, 3)])
            let reportsTo = k == 0 ? nil : people[rng.int(0...(k - 1))].id
            let coverage = rng.unit() < 0.7 ? [Coverage(by: rng.unit() < 0.6 ? owner : rng.pick(reps), level: rng.weighted(coverageLevels))] : []
            let hasNextStep = rng.unit() < 0.4
            let person = Person(
                id: personID, name: personName(&rng), title: rng.pick(titles), level: level, reportsTo: reportsTo,
                influences: k > 1 && rng.unit() < 0.2 ? [people[rng.int(0...(k - 1))].id] : [],
                notes: rng.unit() < 0.5 ? notesText(&rng, contact: "them", limit: 80) : "",
                hotButtons: rng.unit() < 0.5 ? "\(rng.pick(topics)), \(rng.pick(topics))" : "",
                coldButtons: rng.unit() < 0.3 ? "long slide decks, \"surprises\"" : "",
                coverage: coverage, lastContact: rng.unit() < 0.8 ? baseDate.adding(days: -rng.int(0...120)) : nil,
                nextStep: hasNextStep ? "Review the \(rng.pick(topics)) plan" : "",
                nextStepDate: hasNextStep ? baseDate.adding(days: rng.int(1...45)) : nil,
                isNewInRole: rng.unit() < 0.05, isUncertain: rng.unit() < 0.05)
            people.append(person)
            var role = rng.weighted(roles)
            if k == 0 { role = .economic } else if role == .economic { role = .technical }
            let checked = Judgement(basis: rng.weighted([(.stated, 3), (.observed, 2), (.inferred, 5)]), checkedOn: baseDate.adding(days: -rng.int(0...150)))
            influences.append(BuyingInfluence(
                id: EntityID.random(using: &rng), objectiveID: objective.id, personID: personID, roles: [role],
                degree: rng.weighted(degrees), mode: rng.unit() < 0.85 ? rng.weighted(modes) : nil,
                rating: rng.unit() < 0.8 ? rng.int(-5...5) : nil,
                win: rng.unit() < 0.5 ? "a smoother \(rng.pick(topics)) process" : "", result: rng.unit() < 0.5 ? "lower \(rng.pick(topics)) cost" : "",
                roleJudgement: checked, modeJudgement: checked, ratingJudgement: checked))
        }
        account.people = people.sorted { $0.id < $1.id }
        account.influences = influences.sorted { $0.id < $1.id }
        account.notes = notesText(&rng, contact: people[0].name, limit: 190)

        var commitments: [Commitment] = []
        for _ in 0..<rng.int(5...15) {
            let ours = rng.unit() < 0.55
            let template = rng.pick(ours ? ourCommitments : theirCommitments)
            let text = template
                .replacing("{c}", with: rng.pick(people).name)
                .replacing("{x}", with: rng.pick(topics))
                .replacing("{i}", with: rng.pick(industries))
            let due: CalendarDate? = rng.unit() < 0.8 ? baseDate.adding(days: rng.int(-120...180)) : nil
            let past = (due ?? baseDate) < baseDate
            let status = rng.weighted(past ? statusPast : statusFuture)
            var commitment = Commitment(
                id: CommitmentID.random(using: &rng), side: ours ? .intention : .expectation, text: text, madeOn: firstMeeting,
                owner: ours ? owner : rng.pick(people).name, due: due, status: status,
                evidence: status == .kept ? "Done, see the \"\(rng.pick(topics))\" notes" : "")
            if rng.unit() < 0.6 {
                let reviewed = baseDate.adding(days: -rng.int(0...90))
                commitment.lastReviewed = reviewed
                if status != .open { commitment.statusChangedOn = reviewed }
            }
            commitments.append(commitment)
        }
        account.commitments = commitments.sorted { $0.id < $1.id }
        return account
    }

    // MARK: Pieces

    static func personName(_ rng: inout SplitMix64) -> String {
        let r = rng.unit()
        if r < 0.10 { return rng.pick(cjkPersons) }
        let first = rng.pick(r < 0.30 ? firstNamesAccented : firstNames)
        let last = rng.pick(rng.unit() < 0.25 ? lastNamesAccented : lastNames)
        return "\(first) \(last)"
    }

    static func companyName(_ rng: inout SplitMix64, index: Int) -> String {
        let r = rng.unit()
        let stem: String, suffix: String
        if r < 0.10 {
            stem = rng.pick(stemsCJK); suffix = rng.pick(["株式会社", "有限公司", "集团", "주식회사", "Co., Ltd."])
        } else if r < 0.30 {
            stem = rng.pick(stemsAccented); suffix = rng.pick(suffixes)
        } else {
            stem = rng.pick(stems); suffix = rng.pick(suffixes)
        }
        // A city and a short number keep names mostly unique in big territories.
        return "\(stem) \(suffix) (\(rng.pick(cities)) \(index % 997 + 1))"
    }

    /// Roughly log-normal, median ~3 million, long tail; rounded to thousands.
    static func annualValue(_ rng: inout SplitMix64) -> Int {
        var sum = 0.0
        for _ in 0..<6 { sum += rng.unit() }
        let normal = (sum - 3) * 1.414 // approximately N(0, 1)
        let value = 3_300_000 * pow2(normal * 2.0)
        return max(1_000, Int(value / 1_000) * 1_000)
    }

    /// 2^x without Foundation.
    private static func pow2(_ x: Double) -> Double {
        var result = 1.0
        let whole = Int(x.rounded(.down))
        let fraction = x - Double(whole)
        result = whole >= 0 ? Double(1 << min(whole, 40)) : 1 / Double(1 << min(-whole, 40))
        // 2^f = e^(f ln 2), a short series is plenty for test data.
        let y = fraction * 0.6931471805599453
        var term = 1.0, series = 1.0
        for n in 1...10 { term *= y / Double(n); series += term }
        return result * series
    }

    static func notesText(_ rng: inout SplitMix64, contact: String, limit: Int) -> String {
        var fragments = noteFragments
        var parts: [String] = []
        var length = 0
        while !fragments.isEmpty, length < limit {
            let fragment = fragments.remove(at: rng.int(0...(fragments.count - 1)))
                .replacing("{q}", with: String(rng.int(1...4)))
                .replacing("{x}", with: rng.pick(topics))
                .replacing("{p}", with: String(rng.int(5...60)))
                .replacing("{c}", with: contact)
                .replacing("{city}", with: rng.pick(cities))
            parts.append(fragment)
            length += fragment.count + 2
        }
        let text = parts.joined(separator: "; ")
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    // MARK: The mix (gen_data.py's lists, mapped onto the workbook's model)

    static let stages: [(RelationshipStage, Int)] = [(.prospect, 40), (.vendor, 20), (.reliableSupplier, 18), (.partner, 10), (.lost, 12)]
    static let roles: [(BuyingRole, Int)] = [(.economic, 1), (.technical, 3), (.user, 4), (.coach, 2)]
    static let degrees: [(InfluenceDegree, Int)] = [(.high, 3), (.medium, 4), (.low, 3)]
    static let modes: [(ResponseMode, Int)] = [(.growth, 3), (.trouble, 2), (.evenKeel, 4), (.overconfident, 1)]
    static let coverageLevels: [(CoverageLevel, Int)] = [(.brief, 5), (.multiple, 3), (.inDepth, 2)]
    static let statusPast: [(CommitmentStatus, Int)] = [(.kept, 65), (.late, 20), (.broken, 5), (.dropped, 10)]
    static let statusFuture: [(CommitmentStatus, Int)] = [(.open, 85), (.kept, 12), (.dropped, 3)]

    static let stems = [
        "Acme", "Northwind", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Vandelay", "Hooli", "Soylent", "Cyberdyne",
        "Tyrell", "Wonka", "Gringotts", "Oceanic", "Monarch", "Blue Harbor", "Red Rock", "Silver Lake", "Granite", "Evergreen",
        "Summit", "Keystone", "Pinnacle", "Horizon", "Atlas", "Beacon", "Cobalt", "Delta", "Everest", "Falcon", "Harbor",
        "Ironwood", "Juniper", "Kestrel", "Lighthouse", "Meridian", "Nimbus", "Orion", "Polaris", "Quarry", "Riverside",
        "Sequoia", "Tidewater", "Vanguard", "Willow", "Zenith", "Bright Path", "Clearwater", "Fairfield",
    ]
    static let stemsAccented = [
        "Café Müller", "Société Générale du Nord", "Bäckerei Krüger", "Ñandú Logística", "Łódź Przemysł", "Øresund Shipping",
        "Crème Brûlée Foods", "São Paulo Têxtil", "Zürich Präzision", "Málaga Energía", "Göteborg Stål", "Kraków Wełna",
        "Dvořák Audio", "Ærø Fiskeri", "Île-de-France Médical", "Señorío de Córdoba", "Smørrebrød Nordic", "Þór Orka",
        "Ça Va Télécom", "Jyväskylä Metsä",
    ]
    static let stemsCJK = [
        "東京精密工業", "大阪物流", "北京云端科技", "上海华信", "深圳创新电子", "名古屋機械", "横浜化学", "台北半導體",
        "서울전자", "京都陶器", "広州贸易", "札幌食品", "杭州数据", "부산해운", "成都医药",
    ]
    static let suffixes = [
        "Inc.", "LLC", "Ltd", "GmbH", "S.A.", "AG", "Group", "Holdings", "Partners", "Systems", "Industries", "Solutions",
        "Corp.", "& Co.", "Labs", "B.V.", "S.p.A.", "Oy", "AB", "plc",
    ]
    static let cities = [
        "Boston", "Austin", "Denver", "Seattle", "Chicago", "Atlanta", "Toronto", "London", "Paris", "Berlin", "Madrid",
        "Lisbon", "Dublin", "Milan", "Oslo", "Kyoto", "Osaka", "München", "Genève", "Montréal", "Bogotá", "Reykjavík",
        "Kraków", "Malmö", "São Paulo",
    ]
    static let industries = [
        "Manufacturing", "Logistics", "Healthcare", "Financial Services", "Retail", "Energy", "Telecommunications",
        "Software", "Education", "Public Sector", "Construction", "Food & Beverage", "Pharmaceuticals", "Automotive",
        "Media", "Insurance",
    ]
    static let firstNames = [
        "Alice", "Bob", "Carol", "David", "Emma", "Frank", "Grace", "Henry", "Isabel", "Jack", "Karen", "Liam", "Maria",
        "Noah", "Olivia", "Peter", "Quinn", "Rachel", "Sam", "Tina", "Uma", "Victor", "Wendy", "Xavier", "Yusuf", "Zoe",
        "Priya", "Omar", "Fatima", "Ivan",
    ]
    static let firstNamesAccented = [
        "José", "François", "Zoë", "Søren", "Łukasz", "Renée", "Björn", "Ångström", "Mónica", "Jürgen", "Eléonore", "Çağla",
        "Ntombizodwa", "Siân", "Žofia", "Andrés", "Inès", "Håkon",
    ]
    static let lastNames = [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
        "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker", "Young", "Allen",
        "King", "Wright", "Scott", "Patel", "Nguyen", "Kim", "O'Brien", "MacLeod", "van der Berg",
    ]
    static let lastNamesAccented = [
        "Müller", "Dvořák", "Sánchez", "Łukaszewicz", "Ødegaard", "Gómez", "Lefèvre", "Kröger", "Núñez", "Brontë", "Şahin",
        "Nuñez-Peña", "Björklund", "Pérez", "Dubois-Crête",
    ]
    static let cjkPersons = [
        "王伟", "李娜", "张敏", "刘洋", "陈静", "佐藤健", "鈴木花子", "高橋誠", "田中美咲", "渡辺翔", "山本優", "中村蓮",
        "김민준", "이서연", "박지훈",
    ]
    static let titles = [
        "Chief Executive Officer", "Chief Financial Officer", "Chief Operating Officer", "Chief Information Officer",
        "VP Sales", "VP Operations", "VP Engineering", "Director of Procurement", "Head of IT", "IT Manager", "Plant Manager",
        "Operations Manager", "Finance Manager", "Controller", "Purchasing Agent", "Project Manager", "Solutions Architect",
        "Security Officer", "Team Lead", "Business Analyst", "Office Manager", "Logistics Coordinator", "Head of Legal",
    ]
    static let ourCommitments = [
        "Send the ROI analysis to {c}", "Spend a day on site to understand the {x} problem",
        "Give our best advice on the {x} roll-out, even if it means a smaller order",
        "Challenge the current thinking on {x} with a written point of view", "Introduce {c} to a reference customer in {i}",
        "Prepare a pilot plan for {x}", "Review last quarter's service incidents with {c}", "Deliver the revised pricing proposal",
        "Share the implementation timeline for {x}", "Bring our solutions architect to the next meeting",
        "Follow up on open support tickets before the review", "Help {c} build the business case for the board",
    ]
    static let theirCommitments = [
        "Give us access to the economic buyer", "Share honest feedback on the pilot", "Provide last year's usage figures for {x}",
        "Introduce us to {c}'s counterpart in finance", "Confirm the budget cycle and decision date",
        "Be transparent about competing bids", "Send the security questionnaire back",
        "Refer us to another division if the pilot succeeds", "Schedule the technical deep-dive with the IT team",
        "Sign the mutual NDA",
    ]
    static let topics = [
        "warehouse", "billing", "fleet", "ERP", "onboarding", "reporting", "data migration", "compliance", "cloud",
        "call-centre", "supply-chain", "maintenance", "payroll",
    ]
    static let objectiveVerbs = ["Replace", "Consolidate", "Modernise", "Outsource", "Automate", "Renew"]
    static let objectiveNouns = ["platform", "contract", "tooling", "service", "fleet"]
    static let noteFragments = [
        "Long-standing customer, renewal due in Q{q}", "the CFO is sceptical about {x} spending",
        "our champion left in March, need a new coach", "they buy from two vendors, we are the 'reliable supplier'",
        "risk of dependency: they are {p}% of the rep's quota", "met {c} at the trade fair in {city}",
        "procurement insists on a three-year term", "IT prefers on-premise, business wants cloud",
        "strong relationship with the plant manager, weak at HQ", "competitor offered a {p}% discount last year",
        "decision expected after the board meeting", "inherited account, history is in the old CRM notes",
        "pilot in {city} went well, roll-out pending", "ask about the {x} project before the next review",
        "{c} said \"not before Q{q}, and only with a pilot\"",
    ]
}
