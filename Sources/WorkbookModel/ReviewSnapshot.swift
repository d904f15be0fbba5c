/// What an account looked like when it was reviewed, kept small: who is on the map with which roles,
/// modes and ratings, each commitment's status, and the red flags. The next review compares with it.
public struct ReviewSnapshot: Hashable, Sendable {
    /// A person on the map.
    public struct PersonEntry: Hashable, Sendable {
        public var id: EntityID
        public var name: String
        public init(id: EntityID, name: String) {
            self.id = id
            self.name = name
        }
    }

    /// A person's part in one objective.
    public struct RoleEntry: Hashable, Sendable {
        /// The buying influence's id.
        public var id: EntityID
        public var person: EntityID
        public var objective: EntityID
        public var roles: [BuyingRole]
        public var mode: ResponseMode?
        public var rating: Int?
        public init(id: EntityID, person: EntityID, objective: EntityID, roles: [BuyingRole], mode: ResponseMode?, rating: Int?) {
            self.id = id
            self.person = person
            self.objective = objective
            self.roles = Set(roles).sorted()
            self.mode = mode
            self.rating = rating
        }
    }

    /// A commitment's status, and whether it was overdue that day.
    public struct CommitmentEntry: Hashable, Sendable {
        public var id: CommitmentID
        public var text: String
        public var side: CommitmentSide
        public var status: CommitmentStatus
        public var overdue: Bool
        public init(id: CommitmentID, text: String, side: CommitmentSide, status: CommitmentStatus, overdue: Bool) {
            self.id = id
            self.text = text
            self.side = side
            self.status = status
            self.overdue = overdue
        }
    }

    /// A red flag: `id` is a short fixed-length digest of the flag's stable key.
    public struct FlagEntry: Hashable, Sendable {
        public var id: String
        public var rule: String
        public var text: String
        public init(id: String, rule: String, text: String) {
            self.id = id
            self.rule = rule
            self.text = text
        }

        public var mentionsRating: Bool { AccountFlag(key: id, rule: rule, text: text).mentionsRating }
    }

    public var people: [PersonEntry]
    public var roles: [RoleEntry]
    public var commitments: [CommitmentEntry]
    public var flags: [FlagEntry]

    public init(people: [PersonEntry] = [], roles: [RoleEntry] = [], commitments: [CommitmentEntry] = [], flags: [FlagEntry] = []) {
        self.people = people.sorted { $0.id < $1.id }
        self.roles = roles.sorted { $0.id < $1.id }
        self.commitments = commitments.sorted { $0.id < $1.id }
        self.flags = flags.sorted { $0.id < $1.id }
    }

    /// The account as it stands on `today`.
    public static func capture(_ account: Account, today: CalendarDate, settings: WorkbookSettings) -> ReviewSnapshot {
        ReviewSnapshot(
            people: account.people.map { PersonEntry(id: $0.id, name: $0.name) },
            roles: account.influences.map {
                RoleEntry(id: $0.id, person: $0.personID, objective: $0.objectiveID, roles: $0.roles, mode: $0.mode, rating: $0.rating)
            },
            commitments: account.commitments.map {
                CommitmentEntry(id: $0.id, text: $0.text, side: $0.side, status: $0.status,
                                overdue: CommitmentRules.isOverdue($0, today: today))
            },
            // Overdue commitments are in `commitments` already: as flags they would be said twice.
            flags: AccountFlags.redFlags(for: account, today: today, settings: settings).filter { $0.rule != "checklist.overdue" }.map {
                FlagEntry(id: digest($0.key), rule: $0.rule, text: $0.text)
            })
    }

    /// FNV-1a, 64 bits, as 16 hex digits: the same on every build and platform.
    public static func digest(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// One difference since the last review, as a reviewer reads it.
public struct ReviewChange: Hashable, Sendable {
    /// What kind of change: the report groups by it and presenting hides rating values.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case personAdded, personGone, rolesChanged, modeChanged, ratingChanged
        case commitmentAdded, commitmentKept, commitmentBroken, commitmentNowOverdue, commitmentStatusChanged
        case flagRaised, flagCleared

        /// Most important first: what a review must discuss goes before what has resolved itself,
        /// so a cut list at 80×24 keeps the broken promises and loses the cleared flags.
        public var importance: Int {
            switch self {
            case .commitmentBroken: return 0
            case .commitmentNowOverdue: return 1
            case .commitmentKept: return 2
            case .ratingChanged: return 3
            case .modeChanged: return 4
            case .rolesChanged: return 5
            case .personAdded: return 6
            case .personGone: return 7
            case .flagRaised: return 8
            case .commitmentAdded: return 9
            case .commitmentStatusChanged: return 10
            case .flagCleared: return 11
            }
        }
    }

    public var kind: Kind
    public var text: String
    /// The same line with ratings left out, for a shared screen.
    public var maskedText: String
    /// A flag raised or cleared only because of a rating's sign: hidden altogether while ratings are.
    public var isRatingSignal: Bool

    public init(kind: Kind, text: String, maskedText: String? = nil, isRatingSignal: Bool = false) {
        self.kind = kind
        self.text = text
        self.maskedText = maskedText ?? text
        self.isRatingSignal = isRatingSignal
    }

    /// The line to show: masked when ratings are hidden.
    public func text(hidingRatings: Bool) -> String { hidingRatings ? maskedText : text }
}

/// The differences between two snapshots, in words: people, roles, modes and ratings, commitments, flags.
public enum ReviewDifferences {
    public static func between(_ old: ReviewSnapshot, _ new: ReviewSnapshot, objectiveTitles: [EntityID: String] = [:]) -> [ReviewChange] {
        var changes: [ReviewChange] = []
        let oldPeople = Dictionary(old.people.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newPeople = Dictionary(new.people.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func name(_ id: EntityID) -> String { newPeople[id]?.name ?? oldPeople[id]?.name ?? "someone removed" }
        for person in new.people.sorted(by: byName) where oldPeople[person.id] == nil {
            changes.append(ReviewChange(kind: .personAdded, text: "New on the map: \(person.name)"))
        }
        for person in old.people.sorted(by: byName) where newPeople[person.id] == nil {
            changes.append(ReviewChange(kind: .personGone, text: "No longer on the map: \(person.name)"))
        }
        let oldRoles = Dictionary(old.roles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let objectiveCount = Set(new.roles.map(\.objective)).union(old.roles.map(\.objective)).count
        let shownRoles = new.roles.sorted { (name($0.person), $0.id) < (name($1.person), $1.id) }
        for entry in shownRoles {
            // Only people present both times: an arrival or departure is already said above.
            guard oldPeople[entry.person] != nil, newPeople[entry.person] != nil else { continue }
            let place = objectiveCount > 1 ? " in \(objectiveTitles[entry.objective] ?? "another objective")" : ""
            let who = name(entry.person)
            let before = oldRoles[entry.id]
            let oldSet = before?.roles ?? []
            if oldSet != entry.roles {
                changes.append(ReviewChange(kind: .rolesChanged, text: "\(who)\(place): now \(roleList(entry.roles)) (was \(roleList(oldSet)))"))
            }
            if before?.mode != entry.mode {
                changes.append(ReviewChange(kind: .modeChanged,
                                            text: "\(who)\(place): mode \(before?.mode?.title ?? "not set") → \(entry.mode?.title ?? "not set")"))
            }
            if before?.rating != entry.rating {
                changes.append(ReviewChange(kind: .ratingChanged,
                                            text: "\(who)\(place): rating \(signed(before?.rating)) → \(signed(entry.rating))",
                                            maskedText: "\(who)\(place): rating changed (hidden while presenting)"))
            }
        }
        changes += commitmentChanges(old, new)
        let oldFlags = Set(old.flags.map(\.id))
        let newFlags = Set(new.flags.map(\.id))
        for flag in new.flags where !oldFlags.contains(flag.id) {
            changes.append(ReviewChange(kind: .flagRaised, text: "Flag raised: \(flag.text)",
                                        maskedText: flag.mentionsRating ? "Flag raised: \(PresentingText.maskRating(flag.text))" : nil,
                                        isRatingSignal: flag.mentionsRating))
        }
        for flag in old.flags where !newFlags.contains(flag.id) {
            changes.append(ReviewChange(kind: .flagCleared, text: "Flag cleared: \(flag.text)",
                                        maskedText: flag.mentionsRating ? "Flag cleared: \(PresentingText.maskRating(flag.text))" : nil,
                                        isRatingSignal: flag.mentionsRating))
        }
        // Stable: within a kind, the order above (names, then file order) stands.
        return changes.enumerated().sorted { ($0.element.kind.importance, $0.offset) < ($1.element.kind.importance, $1.offset) }.map(\.element)
    }

    private static func commitmentChanges(_ old: ReviewSnapshot, _ new: ReviewSnapshot) -> [ReviewChange] {
        var changes: [ReviewChange] = []
        let before = Dictionary(old.commitments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for entry in new.commitments {
            let side = entry.side == .intention ? "ours" : "theirs"
            let what = "\u{201C}\(entry.text)\u{201D} (\(side))"
            guard let previous = before[entry.id] else {
                changes.append(ReviewChange(kind: .commitmentAdded, text: "New commitment: \(what), \(entry.status.title.lowercased())"))
                continue
            }
            if previous.status != entry.status {
                switch entry.status {
                case .kept: changes.append(ReviewChange(kind: .commitmentKept, text: "Kept: \(what)"))
                case .broken: changes.append(ReviewChange(kind: .commitmentBroken, text: "Broken: \(what)"))
                default:
                    changes.append(ReviewChange(kind: .commitmentStatusChanged,
                                                text: "\(what): \(previous.status.title.lowercased()) → \(entry.status.title.lowercased())"))
                }
            }
            if entry.overdue, !previous.overdue {
                changes.append(ReviewChange(kind: .commitmentNowOverdue, text: "Now overdue: \(what)"))
            }
        }
        return changes
    }

    private static func byName(_ lhs: ReviewSnapshot.PersonEntry, _ rhs: ReviewSnapshot.PersonEntry) -> Bool {
        (lhs.name, lhs.id) < (rhs.name, rhs.id)
    }

    static func roleList(_ roles: [BuyingRole]) -> String {
        roles.isEmpty ? "no role" : roles.sorted().map(\.title).joined(separator: ", ")
    }

    static func signed(_ rating: Int?) -> String {
        guard let rating else { return "not set" }
        return rating > 0 ? "+\(rating)" : rating < 0 ? "−\(-rating)" : "0"
    }
}

/// Text helpers for a shared screen: where a reason line names a rating, the number is replaced.
public enum PresentingText {
    /// The mark that stands in for a hidden value.
    public static let mask = "▒▒▒"

    /// "X rates our proposal −2 and …" → "X rates our proposal ▒▒▒ and …"; "rates us +3" likewise.
    public static func maskRating(_ text: String) -> String {
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for index in words.indices.dropFirst() where ["proposal", "us", "rating"].contains(words[index - 1]) {
            let word = words[index]
            guard word.contains(where: \.isNumber) else { continue }
            let tail = word.drop { $0.isNumber || $0 == "+" || $0 == "-" || $0 == "\u{2212}" }
            words[index] = mask + tail
        }
        return words.joined(separator: " ")
    }
}
