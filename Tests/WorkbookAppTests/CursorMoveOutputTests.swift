import Testing
import TerminalUI
import WorkbookModel
import WorkbookTestSupport
@testable import WorkbookApp

/// What one cursor move asks the terminal to change: the fewer cells, the fewer bytes on a slow link.
@Suite struct CursorMoveOutputTests {
    static let labels = ["Industry", "Stage", "Health", "Annual value", "Next meeting", "Owner", "Notes"]

    /// The row of each detail label, looked up in the pane's own columns (the list header has "Stage" too).
    static func labelRows(_ frame: Buffer, pane: Rect) -> [String: Int] {
        var rows: [String: Int] = [:]
        for y in pane.y..<pane.maxY {
            // Column by column: a wide name in the list must not shift what is read from the pane.
            let inside = String((pane.x + 2..<pane.maxX).compactMap { frame[$0, y].isContinuation ? nil : frame[$0, y].grapheme })
            for label in labels where inside.hasPrefix(label) && rows[label] == nil { rows[label] = y }
        }
        return rows
    }

    static func render(_ state: AppState) -> Buffer { RootView.render(state, theme: BuiltInThemes.standard).0 }

    /// Wide enough for every value but health's reason on one row (narrower panes wrap long values, and rows move then).
    @Test(arguments: [Size(width: 120, height: 40), Size(width: 200, height: 50)])
    func detailLabelsKeepTheirRowsFromOneAccountToTheNext(size: Size) {
        var accounts = Fixtures.accounts
        // A health reason long enough to take a second row beside one that fits on one, and a long name.
        accounts[0].notes = ""
        accounts[2].name = "Acme Robotics International Holdings and Subsidiaries of the Greater Region Inc."
        var state = Fixtures.state(accounts, width: size.width, height: size.height)
        state.accountsView = .table
        let pane = ScreenLayout(size: size).details
        var seen: [[String: Int]] = []
        var healthSecondRows: Set<Bool> = []
        for id in state.visible {
            state.selectedID = id
            let frame = Self.render(state)
            let rows = Self.labelRows(frame, pane: pane)
            #expect(rows.count == Self.labels.count, "\(rows) for \(id)")
            seen.append(rows)
            if let health = rows["Health"] {
                let valueColumn = pane.x + 2 + AccountDetailView.labelWidth
                healthSecondRows.insert(frame[valueColumn, health + 1].grapheme != " ")
            }
        }
        // An account still being read has no health yet: its rows stay where they are too.
        state.summaryOnly = [state.visible[0]]
        state.selectedID = state.visible[0]
        let reading = Self.labelRows(Self.render(state), pane: pane)
        seen.append(reading)
        #expect(Set(seen).count == 1, "labels moved: \(seen)")
        if size.width == 120 { #expect(healthSecondRows == [true, false], "the fixtures must have one- and two-row health values") }
    }

    /// The real runtime on the fixtures' workbook, drawing into a scripted terminal of `size`.
    static func runtime(size: Size) -> (AppRuntime, ScriptedBackend) {
        let backend = ScriptedBackend(size: size)
        let app = AppRuntime(state: Fixtures.state(width: size.width, height: size.height), store: InMemoryStore(Fixtures.workbook()),
                             backend: backend, theme: BuiltInThemes.standard,
                             environment: ReducerEnvironment(newAccountID: { Fixtures.id(99) }), today: { Fixtures.today })
        return (app, backend)
    }

    @Test func inTheTableViewACursorMoveRepaintsTheTwoListRowsAndTheDetailValuesOnly() throws {
        let size = Size(width: 200, height: 50)
        let (app, backend) = Self.runtime(size: size)
        app.state.accountsView = .table
        app.drawFrame()
        let before = app.lastFrame!
        let layout = ScreenLayout(size: size)
        let oldRow = try #require(rowOfMarker(in: before, list: layout.list))
        app.handle(.key(.down))
        app.drawFrame()
        let after = app.lastFrame!
        let newRow = try #require(rowOfMarker(in: after, list: layout.list))
        #expect(newRow == oldRow + 1)
        let runs = backend.lastRuns
        #expect(!runs.isEmpty)
        let labelCells = Self.labelRows(after, pane: layout.details)
        for run in runs {
            let end = run.x + run.cells.count
            if run.x < layout.list.maxX - 1 {
                #expect([oldRow, newRow].contains(run.y), "the list changed on row \(run.y)")
            }
            #expect(run.y > layout.titleBar.maxY - 1 && run.y < layout.statusLine.y, "row \(run.y) is outside the body")
            for (label, y) in labelCells where y == run.y {
                let labelStart = layout.details.x + 2
                #expect(end <= labelStart || run.x >= labelStart + label.count, "\(label) was rewritten: \(run)")
            }
        }
    }

    @Test func whatTheTerminalShowsLooksLikeTheFrameAfterEveryMove() {
        // The terminal is handed the painting form (gaps joined to their neighbours' style): only invisible parts may differ.
        func visible(_ buffer: Buffer) -> [String] {
            buffer.cells.map { cell in
                let shown = cell.style.attributes.intersection([.underline, .reverse])
                let blank = cell.grapheme == " " && !cell.isContinuation && shown.isEmpty
                return "\(cell.grapheme)|\(cell.style.background)|\(shown.rawValue)|\(blank ? "" : "\(cell.style)")"
            }
        }
        let size = Size(width: 200, height: 50)
        let (app, backend) = Self.runtime(size: size)
        app.drawFrame()
        for key in [Key.down, .down, .down, .up, .end, .home] {
            app.handle(.key(key))
            app.drawFrame()
            let frame = app.lastFrame!
            #expect(visible(backend.screen) == visible(frame), "after \(key)")
        }
    }

    /// The compact view (the default): the details stay on the account shown, so a move rewrites
    /// the two list rows and nothing else, whichever way it goes; → then brings the details up to date.
    @Test func inTheCompactViewACursorMoveRepaintsTheTwoListRowsOnly() throws {
        let size = Size(width: 200, height: 50)
        let (app, backend) = Self.runtime(size: size)
        #expect(app.state.accountsView == .compact)
        app.drawFrame()
        let layout = ScreenLayout(size: size, accounts: .compact)
        let first = app.state.selectedAccount!.name
        var row = try #require(rowOfMarker(in: app.lastFrame!, list: layout.list))
        for key in [Key.down, .down, .up, .down] {
            app.handle(.key(key))
            app.drawFrame()
            let next = try #require(rowOfMarker(in: app.lastFrame!, list: layout.list))
            // The first move away also says in the details' footer that → shows the new selection.
            let footer = key == .down && row == layout.list.y + 2 ? [layout.details.maxY - 1] : []
            for run in backend.lastRuns {
                #expect(([row, next] + footer).contains(run.y), "\(key) changed row \(run.y): \(run)")
                if run.y != layout.details.maxY - 1 { #expect(run.x + run.cells.count <= layout.list.maxX - 1, "\(key) wrote beyond the list: \(run)") }
            }
            row = next
        }
        #expect(app.state.detailsAccount?.name == first)
        #expect(app.lastFrame!.text(in: layout.details).contains(first), "the details still show the first account")
        let selected = app.state.selectedAccount!.name
        app.handle(.key(.right))
        app.drawFrame()
        #expect(app.state.detailsAccount?.name == selected)
        // Showing rewrites the details pane, and the › of the account shown before.
        #expect(backend.lastRuns.allSatisfy { $0.x >= layout.details.x || ($0.x == layout.list.x + 1 && $0.cells.count == 1) }, "\(backend.lastRuns)")
        #expect(app.lastFrame!.text(in: layout.details).contains(selected))
        #expect(!app.lastFrame!.text.contains("→ shows the selected account"))
    }

    /// `--slow-link`: the selection is the ▶ alone and there is no detail pane, so a move changes
    /// two cells and nothing else; the list has the whole width.
    @Test func withASlowLinkAMoveChangesTheTwoMarkersOnly() throws {
        let size = Size(width: 200, height: 50)
        let (app, backend) = Self.runtime(size: size)
        app.state.isSlowLink = true
        app.drawFrame()
        let before = app.lastFrame!
        let layout = ScreenLayout(size: size, accounts: .listOnly)
        #expect(layout.list.width == size.width && !before.text.contains("Details"))
        let oldRow = try #require(rowOfMarker(in: before, list: layout.list))
        let theme = BuiltInThemes.standard
        #expect(before[layout.list.x + 1, oldRow].style == theme[.listSelected], "the marker shows the selection")
        #expect(before[layout.list.x + 4, oldRow].style == theme[.listRow], "the rest of the row is not highlighted")
        for key in [Key.down, .down, .up] {
            app.handle(.key(key))
            app.drawFrame()
            let changed = backend.lastRuns.reduce(0) { $0 + $1.cells.count }
            #expect(changed == 2, "\(key): \(backend.lastRuns)")
            #expect(backend.lastRuns.allSatisfy { $0.x == layout.list.x + 1 })
        }
        #expect(try #require(rowOfMarker(in: app.lastFrame!, list: layout.list)) == oldRow + 1)
    }

    private func rowOfMarker(in frame: Buffer, list: Rect) -> Int? {
        (list.y..<list.maxY).first { frame[list.x + 1, $0].grapheme == "▶" }
    }
}
