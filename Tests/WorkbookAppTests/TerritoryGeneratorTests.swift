import Testing
import WorkbookModel
@testable import WorkbookApp

/// The benchmark's synthetic territory: deterministic, and with gen_data.py's mix (docs/PERFORMANCE.md).
@Suite struct TerritoryGeneratorTests {
    @Test func splitMixIsTheReferenceSequence() {
        // First outputs of SplitMix64 seeded with 0, as in the reference implementation.
        var rng = SplitMix64(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test func sameSeedSameAccountsOtherSeedOtherAccounts() {
        let first = TerritoryGenerator.accounts(count: 40, seed: 7)
        #expect(first == TerritoryGenerator.accounts(count: 40, seed: 7))
        #expect(first != TerritoryGenerator.accounts(count: 40, seed: 8))
        // Account i depends only on the seed and i: a bigger territory starts with the smaller one.
        #expect(Array(TerritoryGenerator.accounts(count: 60, seed: 7).prefix(40)) == first)
    }

    @Test func theMixOfGenData() {
        let accounts = TerritoryGenerator.accounts(count: 400, seed: 42)
        #expect(Set(accounts.map(\.id)).count == 400)
        #expect(accounts.allSatisfy { AccountID.isWellFormed($0.id.rawValue) })
        for account in accounts {
            #expect((5...12).contains(account.people.count))
            #expect((5...15).contains(account.commitments.count))
            #expect(account.objectives.count == 1)
            #expect(account.influences.count == account.people.count)
            #expect(account.influences.filter { $0.roles.contains(.economic) }.count == 1)
        }
        #expect(accounts.filter { $0.notes.contains(",") }.count > 200)
        let people = Double(accounts.reduce(0) { $0 + $1.people.count }) / 400
        let commitments = Double(accounts.reduce(0) { $0 + $1.commitments.count }) / 400
        #expect((8.0...9.0).contains(people))
        #expect((9.5...10.5).contains(commitments))
        let names = accounts.map(\.name) + accounts.flatMap { $0.people.map(\.name) }
        func has(_ scalars: ClosedRange<UInt32>) -> Bool { names.contains { $0.unicodeScalars.contains { scalars.contains($0.value) } } }
        #expect(has(0x00C0...0x017F)) // accented Latin
        #expect(has(0x4E00...0x9FFF)) // CJK
        #expect(has(0xAC00...0xD7A3)) // Hangul
        #expect(accounts.contains { $0.notes.contains("\"") || $0.notes.contains("'") })
        #expect(Set(accounts.map(\.stage)) == Set(RelationshipStage.allCases))
        // Dates come from the fixed base date, never the clock.
        let base = TerritoryGenerator.baseDate
        #expect(accounts.compactMap(\.nextMeeting).allSatisfy { base.days(until: $0) >= -10 && base.days(until: $0) <= 90 })
    }

    @Test func generateCommandLine() throws {
        #expect(try Invocation.parse(["generate", "--accounts", "50", "--seed", "3", "--data", "/tmp/t"]).get()
                == .generate(.init(accounts: 50, seed: 3, dataDirectory: "/tmp/t")))
        #expect(try Invocation.parse(["generate", "--accounts=5", "--data=d"]).get() == .generate(.init(accounts: 5, seed: 42, dataDirectory: "d")))
        #expect(Invocation.parse(["generate", "--data", "d"]) == .failure(UsageError("generate needs --accounts N")))
        #expect(Invocation.parse(["generate", "--accounts", "5"]) == .failure(UsageError("generate needs --data DIR (a new or empty folder)")))
        #expect(Invocation.parse(["generate", "--accounts", "-1", "--data", "d"]).isFailure)
        #expect(Invocation.parse(["generate", "--accounts", "5", "--seed", "x", "--data", "d"]).isFailure)
    }
}
