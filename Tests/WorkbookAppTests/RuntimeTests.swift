import Testing
import TerminalUI
import WorkbookModel
import WorkbookStorage
import WorkbookTestSupport
@testable import WorkbookApp

/// The real runtime with a scripted terminal and an in-memory store.
@Suite struct RuntimeTests {
    func runtime(_ backend: ScriptedBackend, store: InMemoryStore, ids: [AccountID] = []) -> AppRuntime {
        var queue = ids
        return AppRuntime(
            state: Fixtures.state(), store: store, backend: backend, theme: BuiltInThemes.standard,
            environment: ReducerEnvironment(newAccountID: { queue.removeFirst() }), today: { Fixtures.today })
    }

    @Test func typingANewAccountSavesItAndShowsIt() {
        let backend = ScriptedBackend(size: Size(width: 100, height: 30))
        backend.type("a")
        backend.type("Nordlicht AG")
        backend.enqueue([.key(.tab), .key(.tab), .key(.tab), .key(.right), .key(.tab)])
        backend.type("250k")
        backend.enqueue([.key(.enter)])
        let store = InMemoryStore(Fixtures.workbook())
        let app = runtime(backend, store: store, ids: [Fixtures.id(77)])
        app.run()
        let saved = store.saved[Fixtures.id(77)]
        #expect(saved?.name == "Nordlicht AG")
        #expect(saved?.stage == .vendor)
        #expect(saved?.annualValue == 250_000)
        #expect(store.saveCount == 1)
        #expect(backend.screen.text.contains("Nordlicht AG"))
        #expect(backend.screen.text.contains("Added \u{201C}Nordlicht AG\u{201D}."))
    }

    @Test func aFailedSaveShowsAPersistentErrorAndRetrySucceedsLater() {
        let backend = ScriptedBackend(size: Size(width: 100, height: 30))
        backend.enqueue([.key(.character("D")), .key(.character("y"))])
        let store = InMemoryStore(Fixtures.workbook())
        store.failure = StorageError("disk full (ENOSPC)")
        let app = runtime(backend, store: store)
        app.run()
        #expect(app.state.unsaved == [Fixtures.id(3)])
        #expect(backend.screen.text.contains("Not saved: Acme Robotics Inc. — disk full (ENOSPC)"))
        #expect(store.saved[Fixtures.id(3)]?.isArchived == false, "the old version stays on disk")
        store.failure = nil
        app.handle(.key(.control("s")))
        #expect(app.state.unsaved.isEmpty)
        #expect(store.saved[Fixtures.id(3)]?.isArchived == true)
    }

    @Test func movingTheCursorRewritesOnlyTheRowsThatChanged() {
        let backend = ScriptedBackend(size: Size(width: 120, height: 40))
        let store = InMemoryStore(Fixtures.workbook())
        let app = runtime(backend, store: store)
        app.drawFrame()
        let before = backend.cellsWritten
        app.handle(.key(.character("j")))
        app.drawFrame()
        let written = backend.cellsWritten - before
        #expect(written > 0)
        // Two list rows and the detail pane change; the title, hints and other rows do not.
        #expect(written < 120 * 12, "wrote \(written) cells for one cursor move")
    }

    @Test func resizeBelowTheMinimumAndBackRecovers() {
        let backend = ScriptedBackend(size: Size(width: 80, height: 24))
        let app = runtime(backend, store: InMemoryStore(Fixtures.workbook()))
        app.drawFrame()
        app.handle(.resize(Size(width: 40, height: 12)))
        app.drawFrame()
        #expect(backend.screen.text.contains("Enlarge the terminal"))
        app.handle(.resize(Size(width: 80, height: 24)))
        app.drawFrame()
        #expect(backend.screen.text.contains("Acme Robotics Inc."))
        #expect(!backend.screen.text.contains("Enlarge"))
    }

    @Test func pasteGoesIntoTheFieldNotIntoCommands() {
        let backend = ScriptedBackend(size: Size(width: 100, height: 30))
        backend.type("a")
        backend.enqueue([.paste("Dq quit"), .key(.enter)])
        let store = InMemoryStore(Fixtures.workbook())
        let app = runtime(backend, store: store, ids: [Fixtures.id(88)])
        app.run()
        #expect(store.saved[Fixtures.id(88)]?.name == "Dq quit")
    }
}

/// Files changed under the running app.
@Suite struct OutsideChangeRuntimeTests {
    func runtime(_ backend: ScriptedBackend, store: InMemoryStore) -> AppRuntime {
        AppRuntime(state: Fixtures.state(), store: store, backend: backend, theme: BuiltInThemes.standard,
                   environment: ReducerEnvironment(newAccountID: { Fixtures.id(99) }), today: { Fixtures.today })
    }

    @Test func aPulledChangeIsReloadedWithCtrlL() {
        let backend = ScriptedBackend(size: Size(width: 100, height: 30))
        let store = InMemoryStore(Fixtures.workbook())
        let app = runtime(backend, store: store)
        app.drawFrame()
        var pulled = Fixtures.accounts[2]
        pulled.notes = "Updated by a teammate"
        store.simulateOutsideEdit(pulled)
        app.handle(.key(.control("l")))
        app.drawFrame()
        #expect(app.state.accounts[pulled.id]?.notes == "Updated by a teammate")
        #expect(backend.screen.text.contains("Reloaded \u{201C}Acme Robotics Inc.\u{201D}: changed on disk"))
    }

    @Test func aSaveAgainstAFileChangedOnDiskIsRefusedAndCtrlLTakesTheirs() {
        let backend = ScriptedBackend(size: Size(width: 120, height: 30))
        let store = InMemoryStore(Fixtures.workbook())
        let app = runtime(backend, store: store)
        var theirs = Fixtures.accounts[2]
        theirs.industry = "Robotics (theirs)"
        store.simulateOutsideEdit(theirs)
        for key in [Key.character("e"), .tab] { app.handle(.key(key)) }
        app.handle(.paste(" & Co"))
        app.handle(.key(.enter))
        app.drawFrame()
        #expect(app.state.unsaved == [Fixtures.id(3)], "the local change is kept, unsaved")
        #expect(store.saved[Fixtures.id(3)]?.industry == "Robotics (theirs)", "the outside change is not overwritten")
        #expect(backend.screen.text.contains("changed on disk too. Ctrl-L: take theirs or keep yours."))
        app.handle(.key(.control("l")))
        #expect(app.state.modal == .resolveConflicts, "dropping a change is never silent")
        app.handle(.key(.character("t")))
        #expect(app.state.accounts[Fixtures.id(3)]?.industry == "Robotics (theirs)")
        #expect(app.state.unsaved.isEmpty)
        #expect(app.state.undoStack.isEmpty, "undo must not write the old version back over theirs")
    }

    @Test func archivingBacksTheFileUpFirst() {
        let backend = ScriptedBackend(size: Size(width: 100, height: 30))
        let store = InMemoryStore(Fixtures.workbook())
        let app = runtime(backend, store: store)
        app.handle(.key(.character("D")))
        app.handle(.key(.character("y")))
        #expect(store.backedUp == [[Fixtures.id(3)]])
        #expect(store.saved[Fixtures.id(3)]?.isArchived == true)
    }
}

@Suite struct EditDuringReloadTests {
    @Test func aFormOpenDuringAReloadWritesOnlyWhatTheUserChanged() {
        let backend = ScriptedBackend(size: Size(width: 120, height: 30))
        let store = InMemoryStore(Fixtures.workbook())
        let app = AppRuntime(state: Fixtures.state(), store: store, backend: backend, theme: BuiltInThemes.standard,
                             environment: ReducerEnvironment(newAccountID: { Fixtures.id(99) }), today: { Fixtures.today })
        app.handle(.key(.character("e")))
        var pulled = Fixtures.accounts[2]
        pulled.industry = "Edited outside"
        store.simulateOutsideEdit(pulled)
        // What the idle check does while the form stays open.
        _ = try? store.reload(pulled.id)
        app.send(.outsideChanges(OutsideChanges(reloaded: [pulled])))
        for _ in 0..<7 { app.handle(.key(.tab)) }
        app.handle(.paste("Notes typed while it changed"))
        app.handle(.key(.enter))
        let saved = store.saved[Fixtures.id(3)]
        #expect(saved?.industry == "Edited outside", "the outside edit survives")
        #expect(saved?.notes == "Notes typed while it changed", "the user's edit is saved")
    }
}

@Suite struct KeepMineTests {
    @Test func keepMineSavesOverTheOutsideChange() {
        let backend = ScriptedBackend(size: Size(width: 120, height: 30))
        let store = InMemoryStore(Fixtures.workbook())
        let app = AppRuntime(state: Fixtures.state(), store: store, backend: backend, theme: BuiltInThemes.standard,
                             environment: ReducerEnvironment(newAccountID: { Fixtures.id(99) }), today: { Fixtures.today })
        var theirs = Fixtures.accounts[2]
        theirs.industry = "Theirs"
        store.simulateOutsideEdit(theirs)
        app.handle(.key(.character("e")))
        app.handle(.key(.tab))
        app.handle(.key(.control("u")))
        app.handle(.paste("Mine"))
        app.handle(.key(.enter))
        #expect(app.state.conflicts == [Fixtures.id(3)])
        app.handle(.key(.control("l")))
        app.handle(.key(.character("m")))
        #expect(store.saved[Fixtures.id(3)]?.industry == "Mine")
        #expect(app.state.unsaved.isEmpty && app.state.conflicts.isEmpty)
    }
}
