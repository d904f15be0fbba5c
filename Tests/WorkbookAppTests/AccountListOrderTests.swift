import Testing
import WorkbookModel
import WorkbookTestSupport
@testable import WorkbookApp

/// The list order kept one account at a time must always equal the order rebuilt from scratch.
@Suite struct AccountListOrderTests {
    /// A small deterministic generator, so a failure can be replayed.
    struct Steps: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func anOrderHintNeverChangesTheList() {
        var random = Steps(state: 11)
        let names = ["Acme", "acme ", "Zoë Café", "Zoe Cafe", "東京精密", "Müller", "muller", "Beta"]
        var accounts: [AccountID: Account] = [:]
        for index in 1...40 {
            var account = Account(id: Fixtures.id(index), name: names.randomElement(using: &random)!)
            account.annualValue = Int.random(in: 0...5, using: &random)
            account.archived = index % 7 == 0 ? ArchiveMark(on: Fixtures.today, by: "me") : nil
            accounts[account.id] = account
        }
        for sort in AccountSort.allCases {
            var plain = AccountListOrder()
            plain.rebuild(from: accounts, sort: sort)
            let ids = Array(accounts.keys)
            var duplicated = ids
            duplicated[0] = duplicated[1]
            let hints: [[AccountID]] = [
                plain.ordered + ids.filter { !plain.ordered.contains($0) }, ids.shuffled(using: &random), Array(ids.prefix(10)),
                duplicated, Array(ids.dropFirst()) + [Fixtures.id(999)], [],
            ]
            for hint in hints {
                var hinted = AccountListOrder()
                hinted.rebuild(from: accounts, sort: sort, order: hint)
                #expect(hinted.ordered == plain.ordered, "\(sort)")
                #expect(hinted.liveCount == plain.liveCount)
            }
        }
    }

    @Test func updatingOneAccountAtATimeGivesTheRebuiltOrder() {
        var random = Steps(state: 7)
        let names = ["Acme", "acme ", "Zoë Café", "Zoe Cafe", "東京精密", "서울 바이오텍", "Müller", "muller", "Beta"]
        var accounts: [AccountID: Account] = [:]
        var order = AccountListOrder()
        for sort in AccountSort.allCases {
            for step in 0..<300 {
                let id = Fixtures.id(Int.random(in: 1...25, using: &random))
                switch Int.random(in: 0..<5, using: &random) {
                case 0:
                    accounts[id] = nil
                default:
                    var account = accounts[id] ?? Account(id: id, name: "")
                    account.name = names.randomElement(using: &random)!
                    account.annualValue = Bool.random(using: &random) ? Int.random(in: 0...5, using: &random) : nil
                    account.nextMeeting = Bool.random(using: &random) ? CalendarDate(dayNumber: Int.random(in: 0...3, using: &random)) : nil
                    account.stage = RelationshipStage.allCases.randomElement(using: &random)!
                    account.archived = Int.random(in: 0..<4, using: &random) == 0 ? ArchiveMark(on: Fixtures.today, by: "me") : nil
                    accounts[id] = account
                }
                if step == 0 { order.rebuild(from: accounts, sort: sort) } else { order.update([id], from: accounts) }
                var rebuilt = AccountListOrder()
                rebuilt.rebuild(from: accounts, sort: sort)
                #expect(order.ordered == rebuilt.ordered, "sort \(sort), step \(step)")
                #expect(order.duplicateNames(in: accounts) == rebuilt.duplicateNames(in: accounts), "sort \(sort), step \(step)")
                #expect(order.liveCount == accounts.values.filter { !$0.isArchived }.count)
            }
        }
    }

    @Test func theOrderMatchesTheSortRules() {
        var order = AccountListOrder()
        let accounts = Dictionary(uniqueKeysWithValues: Fixtures.accounts.map { ($0.id, $0) })
        for sort in AccountSort.allCases {
            order.rebuild(from: accounts, sort: sort)
            #expect(order.ordered == AccountOrdering.sorted(Fixtures.accounts.filter { !$0.isArchived }, by: sort).map(\.id))
        }
    }

    @Test func theFilterMatchesWhatTheMatcherMatches() {
        var order = AccountListOrder()
        let accounts = Dictionary(uniqueKeysWithValues: Fixtures.accounts.map { ($0.id, $0) })
        order.rebuild(from: accounts, sort: .name)
        for query in ["", "a", "MULLER", "café", "cafe", "東京", "dana wu", "wu dana", "zz", "ü"] {
            let matcher = FilterMatcher(query: query)
            let expected = order.ordered.filter { matcher.matches(accounts[$0]!) }
            #expect(order.filtered(by: matcher) == expected, "query \(query)")
        }
    }

    /// Folding accented Latin one letter at a time gives exactly what Foundation gives for the whole text.
    @Test func theFastFoldMatchesFoundation() {
        let latin = LatinText.range.compactMap(Unicode.Scalar.init).map { String($0) }
        var samples = latin + ["Straße", "Ærøskøbing", "İstanbul", "ǅemal", "Crème Brûlée SA", "São Paulo Ltda.", "Ĳssel BV",
                               "e\u{301}cole", "Zoë Café Group 🚀", "東京精密", "서울 바이오텍", "ＡＢＣ", ""]
        for (index, first) in latin.enumerated() where index % 7 == 0 {
            for second in latin where second.unicodeScalars.first!.value % 5 == 0 { samples.append("A" + first + second + "z") }
        }
        samples += TerritoryGenerator.accounts(count: 300, seed: 42).map(\.name)
        for text in samples {
            #expect(FilterMatcher.fold(text) == FilterMatcher.foundationFold(text), "\(text.debugDescription)")
        }
        // Text the list orders without normalizing it is text that normalizing would not change.
        for text in samples + ["がぎ ヴ", "\u{304B}\u{3099}", "\u{1100}\u{1161}", "\u{F900}"] {
            let folded = FilterMatcher.fold(text)
            if AccountListKey.isNFCStable(folded) { #expect(Array(folded.precomposedStringWithCanonicalMapping.utf8) == Array(folded.utf8), "\(text.debugDescription)") }
        }
        #expect(!AccountListKey.isNFCStable("\u{304B}\u{3099}"))
    }

    /// The binary search for the selection finds what a scan of the list finds, for every sort and filter.
    @Test func findingAnAccountInTheListMatchesAScan() {
        var accounts = TerritoryGenerator.accounts(count: 400, seed: 3)
        accounts[7].archived = ArchiveMark(on: Fixtures.today, by: "x")
        accounts[9].name = accounts[10].name
        var state = AppState(workbook: Fixtures.workbook(accounts), today: Fixtures.today)
        for sort in AccountSort.allCases {
            for filter in ["", "a", "gmbh", "zz", "東"] {
                state.sort = sort
                state.filter = filter
                state.refreshVisible()
                for account in accounts {
                    #expect(state.listOrder.index(of: account.id, in: state.visible) == state.visible.firstIndex(of: account.id),
                            "\(sort) \(filter) \(account.name)")
                }
            }
        }
    }

    /// An order taken on trust from the list index, without keys, lists what the built order lists,
    /// finds what it finds, and builds its keys the moment a change needs them.
    @Test func anOrderWithoutKeysActsAsTheBuiltOne() {
        var random = Steps(state: 5)
        let names = ["Acme", "acme ", "Zoë Café", "Zoe Cafe", "東京精密", "Müller", "muller", "Beta"]
        var accounts: [AccountID: Account] = [:]
        for index in 1...60 {
            var account = Account(id: Fixtures.id(index), name: names.randomElement(using: &random)! + (index % 3 == 0 ? "" : " \(index)"))
            account.archived = index % 9 == 0 ? ArchiveMark(on: Fixtures.today, by: "me") : nil
            accounts[account.id] = account
        }
        var built = AccountListOrder()
        built.rebuild(from: accounts, sort: .name)
        let everyID = built.ordered + accounts.keys.filter { !built.ordered.contains($0) }
        let trusted = AccountListOrder(listing: built.ordered, allInOrder: everyID)
        #expect(!trusted.hasKeys && trusted == built && trusted.liveCount == built.liveCount)
        for id in accounts.keys {
            #expect(trusted.index(of: id, in: built.ordered) == built.index(of: id, in: built.ordered))
        }
        let completed = trusted.completed(from: accounts)
        #expect(completed.hasKeys && completed == built)
        #expect(completed.duplicateNames(in: accounts) == built.duplicateNames(in: accounts))
        #expect(!completed.duplicateNames(in: accounts).isEmpty, "the names repeat, so the check means something")
        #expect(completed.filtered(by: FilterMatcher(query: "cafe")) == built.filtered(by: FilterMatcher(query: "cafe")))

        // A change before the keys are built builds them, and files the change where it belongs.
        var changed = trusted
        var renamed = accounts[Fixtures.id(2)]!
        renamed.name = "Aardvark"
        accounts[renamed.id] = renamed
        changed.update([renamed.id], from: accounts)
        built.update([renamed.id], from: accounts)
        #expect(changed.hasKeys && changed == built && changed.ordered.first == renamed.id)
        var resorted = trusted
        resorted.rebuild(from: accounts, sort: .value)
        built.rebuild(from: accounts, sort: .value)
        #expect(resorted.hasKeys && resorted == built)
    }
}
