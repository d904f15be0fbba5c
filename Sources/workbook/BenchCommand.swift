import Foundation
import TerminalUI
import WorkbookApp
import WorkbookModel
import WorkbookStorage

/// Hidden `workbook debug-bench --data DIR [--runs N]`: the two figures of `make bench` that cannot be
/// seen from outside the process. It drives the real runtime (keymap, reducers, the store's save
/// with its fsyncs, the 200×50 render and the cell diff) with a backend that draws nothing, and
/// prints one `RESULT` line. Each save changes the selected account's name and the next one
/// changes it back, so after an even number of runs the workbook holds its original bytes.
@MainActor
enum BenchCommand {
    /// With WORKBOOK_BENCH_OPEN set: the steps of a quick open, timed in-process (for profiling).
    static func timeOpen(directory: String, runs: Int) -> Int32 {
        var quick: [Double] = [], state: [Double] = [], render: [Double] = [], keys: [Double] = []
        for _ in 0..<runs {
            let store = FileWorkbookStore(directory: directory)
            let t0 = DispatchTime.now().uptimeNanoseconds
            guard let workbook = try? store.openSummaries(today: WorkbookCommand.today()) else {
                WorkbookCommand.printError("workbook: cannot open \(directory)")
                return 1
            }
            let t1 = DispatchTime.now().uptimeNanoseconds
            let appState = AppState(workbook: workbook, today: WorkbookCommand.today(), screenSize: Size(width: 200, height: 50), location: directory)
            let t2 = DispatchTime.now().uptimeNanoseconds
            let (t3, t4) = withExtendedLifetime(appState) {
                // Kept alive past the clock: otherwise freeing 100,000 accounts is timed as drawing.
                _ = RootView.render(appState, theme: BuiltInThemes.standard)
                let t3 = DispatchTime.now().uptimeNanoseconds
                // What the runtime does in the background after the first frame (nothing when the
                // open had to build the list's keys itself).
                let completed = appState.listOrderCompletion?()
                return withExtendedLifetime(completed) { (t3, DispatchTime.now().uptimeNanoseconds) }
            }
            quick.append(Double(t1 - t0) / 1e6); state.append(Double(t2 - t1) / 1e6); render.append(Double(t3 - t2) / 1e6)
            keys.append(Double(t4 - t3) / 1e6)
            store.close()
        }
        print("RESULT\topen\tquick_ms_median=\(format(median(quick)))\tstate_ms_median=\(format(median(state)))\trender_ms_median=\(format(median(render)))\tlist_keys_after_ms_median=\(format(median(keys)))")
        return 0
    }

    static func run(directory: String, runs: Int) -> Int32 {
        if ProcessInfo.processInfo.environment["WORKBOOK_BENCH_OPEN"] != nil { return timeOpen(directory: directory, runs: runs) }
        let store = FileWorkbookStore(directory: directory)
        let workbook: LoadedWorkbook
        do {
            // As the app opens: summaries, each account read when it is selected.
            workbook = try store.openSummaries(today: WorkbookCommand.today())
        } catch {
            WorkbookCommand.printError("workbook: \(error)")
            return 1
        }
        guard workbook.readOnlyReason == nil else {
            WorkbookCommand.printError("workbook: \(workbook.readOnlyReason!)")
            return 1
        }
        let backend = SilentBackend(size: Size(width: 200, height: 50))
        let state = AppState(workbook: workbook, today: WorkbookCommand.today(), screenSize: backend.size, location: directory)
        let runtime = AppRuntime(state: state, store: store, backend: backend, theme: BuiltInThemes.standard, today: WorkbookCommand.today)
        runtime.drawFrame()
        // Saves and keystrokes are timed as they are once the list has its keys: the runtime builds
        // them in the background right after the first frame (a few hundred ms at 100,000 accounts).
        if let completion = runtime.state.listOrderCompletion { runtime.send(.listOrderCompleted(completion())) }
        func timed(_ keys: [Key]) -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            for key in keys { runtime.handle(.key(key)) }
            runtime.drawFrame()
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        }

        var saves: [Double] = []
        for run in 0..<runs {
            _ = timed([.character("e")])
            _ = timed([run % 2 == 0 ? .character("x") : .backspace])
            saves.append(timed([.enter]))
            if runtime.state.modal != nil || !runtime.state.unsaved.isEmpty {
                WorkbookCommand.printError("workbook: debug-bench: the save did not go through: \(runtime.state.message?.text ?? "?")")
                return 1
            }
        }

        var filterKeys: [Double] = []
        for query in ["acme", "gmbh", "tok", "zz"] {
            _ = timed([.character("/")])
            for character in query { filterKeys.append(timed([.character(character)])) }
            _ = timed([.escape])
        }
        print("RESULT\tdebug-bench\taccounts=\(runtime.state.liveCount)\tsave_ms_median=\(format(median(saves)))\tsave_ms_max=\(format(saves.max() ?? 0))\tfilter_key_ms_median=\(format(median(filterKeys)))\tfilter_key_ms_max=\(format(filterKeys.max() ?? 0))\truns=\(runs)\tfilter_keys=\(filterKeys.count)")
        return 0
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}

/// A terminal that draws nothing and has no keys: the benchmark hands the runtime its keys itself.
final class SilentBackend: TerminalBackend {
    let size: Size
    init(size: Size) { self.size = size }
    func readEvent(timeoutMilliseconds: Int) -> InputEvent? { nil }
    func draw(_ runs: [CellRun], cursor: CursorPosition?, fullRedraw: Bool) {}
    func suspend() {}
}
