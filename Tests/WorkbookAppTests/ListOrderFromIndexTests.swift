import Foundation
import Testing
import TerminalUI
import WorkbookModel
import WorkbookStorage
import WorkbookTestSupport
@testable import WorkbookApp

/// An open whose accounts all came from the list index, in its name order, shows the list before
/// its keys are built (docs/PERFORMANCE.md): it must show and do exactly what the built list does.
@Suite struct ListOrderFromIndexTests {
    static let size = Size(width: 160, height: 40)

    /// A territory with archived accounts and a name used twice.
    static let accounts: [Account] = {
        var accounts = TerritoryGenerator.accounts(count: 300, seed: 4)
        accounts[5].archived = ArchiveMark(on: Fixtures.today, by: "dana")
        accounts[80].archived = ArchiveMark(on: Fixtures.today, by: "dana")
        accounts[12].name = accounts[40].name
        return accounts
    }()

    /// The state built with keys, and the same accounts handed over as an open from the index would.
    static func pair(tag: String = AccountListOrder.nameOrderTag) -> (built: AppState, trusted: AppState) {
        let built = AppState(workbook: Fixtures.workbook(accounts), today: Fixtures.today, screenSize: size)
        var workbook = Fixtures.workbook(built.listIndexEntries.map { entry in accounts.first { $0.id == entry.summary.id }! })
        workbook.listOrderTag = tag
        return (built, AppState(workbook: workbook, today: Fixtures.today, screenSize: size))
    }

    static func screen(_ state: AppState) -> String { RootView.render(state, theme: BuiltInThemes.standard).0.text }

    @Test func theListShowsAtOnceAndTheKeysMakeNoDifference() {
        var (built, trusted) = Self.pair()
        #expect(!trusted.listOrder.hasKeys)
        #expect(trusted.visible == built.visible && trusted.selectedID == built.selectedID && trusted.liveCount == built.liveCount)
        // Listed accounts in list order, then the archived ones (in no particular order).
        let entries = trusted.listIndexEntries.map(\.summary.id), builtEntries = built.listIndexEntries.map(\.summary.id)
        #expect(Array(entries.prefix(built.liveCount)) == Array(builtEntries.prefix(built.liveCount)))
        #expect(entries.count == builtEntries.count && Set(entries) == Set(builtEntries))
        let twice = AccountRules.nameKey(Self.accounts[12].name)
        #expect(trusted.liveAccounts(withNameKey: twice).map(\.id) == built.liveAccounts(withNameKey: twice).map(\.id))
        #expect(trusted.liveAccounts(withNameKey: twice).count == 2)
        #expect(!built.duplicateNames.isEmpty && trusted.duplicateNames.isEmpty, "the warning waits for the keys")

        trusted.takeCompletedListOrder(trusted.listOrderCompletion!())
        #expect(trusted.listOrder.hasKeys && trusted.listOrderCompletion == nil)
        #expect(trusted.duplicateNames == built.duplicateNames)
        #expect(Self.screen(trusted) == Self.screen(built))
        built.selectedID = built.visible[7]
        trusted.selectedID = trusted.visible[7]
        #expect(Self.screen(trusted) == Self.screen(built))
    }

    @Test func whatNeedsTheKeysBuildsThemFirst() {
        var (built, trusted) = Self.pair()
        let later = trusted.listOrderCompletion!
        built.filter = "gmbh"
        built.refreshVisible(accountsChanged: false)
        trusted.filter = "gmbh"
        trusted.refreshVisible(accountsChanged: false)
        #expect(trusted.listOrder.hasKeys && !trusted.visible.isEmpty && trusted.visible == built.visible)
        #expect(trusted.duplicateNames == built.duplicateNames)
        // The background result, arriving after, changes nothing.
        let before = trusted
        trusted.takeCompletedListOrder(later())
        #expect(trusted == before)

        var (_, edited) = Self.pair()
        var renamed = edited.accounts[edited.visible[20]]!
        renamed.name = "Aaa first of all"
        edited.setWhole(renamed)
        edited.refreshVisible(changed: [renamed.id])
        #expect(edited.listOrder.hasKeys && edited.visible.first == renamed.id)
    }

    @Test func openingAnAccountWithItsListedFieldsUnchangedNeedsNoKeys() {
        var (_, trusted) = Self.pair()
        var summaries = trusted
        let id = trusted.visible[3]
        let whole = Self.accounts.first { $0.id == id }!
        summaries.summaryOnly = Set(summaries.accounts.keys)
        summaries.takeOpened(whole)
        #expect(!summaries.listOrder.hasKeys && summaries.accounts[id] == whole)
        // Its file changed what the list shows: the list files it anew.
        var changed = whole
        changed.name = "Aaa first of all"
        trusted.summaryOnly = Set(trusted.accounts.keys)
        trusted.takeOpened(changed)
        #expect(trusted.listOrder.hasKeys && trusted.visible.first == id)
    }

    @Test func anIndexOfAnotherOrderOrVersionIsNotTrusted() {
        for tag in ["", "name/0", "value/1"] {
            let (built, other) = Self.pair(tag: tag)
            #expect(other.listOrder.hasKeys, "\(tag)")
            #expect(other.visible == built.visible)
        }
        #expect(AppState(workbook: Fixtures.workbook(Self.accounts), today: Fixtures.today).listIndexOrderTag == AccountListOrder.nameOrderTag)
        var sorted = AppState(workbook: Fixtures.workbook(Self.accounts), today: Fixtures.today)
        sorted.sort = .value
        sorted.refreshVisible()
        #expect(sorted.listIndexOrderTag.isEmpty, "an index in another sort's order says none")
    }

    @Test func theRuntimeBuildsTheKeysAfterTheFirstFrameWhileKeysAreAnswered() {
        let (_, trusted) = Self.pair()
        let backend = ScriptedBackend(size: Self.size)
        let app = AppRuntime(state: trusted, store: InMemoryStore(Fixtures.workbook()), backend: backend,
                             theme: BuiltInThemes.standard, today: { Fixtures.today })
        app.drawFrame()
        app.startListOrderWork()
        app.handle(.key(.down))
        #expect(app.state.selectedIndex == 1)
        let deadline = Date().addingTimeInterval(10)
        while !app.takeFinishedListOrderWork(), Date() < deadline { usleep(1_000) }
        #expect(app.state.listOrder.hasKeys && app.state.selectedIndex == 1)
        app.drawFrame()
        #expect(backend.screen.text.contains(Self.accounts[12].name), "the duplicate-name warning shows once the keys are built")
        #expect(!app.state.duplicateNames.isEmpty)
    }

    /// On another day health is worked out after the keys are built (both at once would slow every
    /// key on two cores); a review asked for meanwhile waits for both, then starts.
    @Test func healthWorkWaitsForTheKeysAndAReviewWaitsForHealth() {
        let built = AppState(workbook: Fixtures.workbook(Self.accounts), today: Fixtures.today, screenSize: Self.size)
        let inOrder = built.listIndexEntries.map { entry in Self.accounts.first { $0.id == entry.summary.id }! }
        var workbook = Fixtures.workbook(inOrder.map(\.listSummary))
        workbook.summaryOnly = Set(inOrder.map(\.id))
        for account in inOrder { workbook.digests[account.id] = AccountDigest(hasMergeConflicts: false, rules: nil) }
        workbook.listOrderTag = AccountListOrder.nameOrderTag
        let asked = SummaryOpenTests.Locked(false)
        let worker: HealthWorker = { ids, day, settings in
            asked.set(true)
            return Dictionary(uniqueKeysWithValues: inOrder.filter { ids.contains($0.id) }.map { ($0.id, AccountDigest(of: $0, today: day, settings: settings)) })
        }
        let app = AppRuntime(state: AppState(workbook: workbook, today: Fixtures.today, screenSize: Self.size),
                             store: InMemoryStore(Fixtures.workbook(inOrder)), backend: ScriptedBackend(size: Self.size),
                             theme: BuiltInThemes.standard, today: { Fixtures.today }, healthWorker: worker)
        app.drawFrame()
        app.startListOrderWork()
        app.startHealthWork()
        #expect(app.isWorkingOutHealth && !app.state.listOrder.hasKeys)
        #expect(app.healthWork == nil, "health work waits for the keys")
        app.handle(.key(.character("R")))
        #expect(app.state.message?.text.contains("your keys run as soon as it is known") == true)
        #expect(app.state.modal == nil)
        let deadline = Date().addingTimeInterval(20)
        while !app.takeFinishedListOrderWork(), Date() < deadline { usleep(1_000) }
        #expect(app.state.listOrder.hasKeys && app.isWorkingOutHealth)
        while !app.takeFinishedHealthWork(), Date() < deadline { usleep(1_000) }
        #expect(asked.value && !app.isWorkingOutHealth && !app.state.isWorkingOutHealth)
        #expect(app.state.modal != nil, "the review's start form opens once health is known")
    }
}
