import Foundation
import TerminalNcurses
import TerminalUI
import WorkbookApp
import WorkbookModel
import WorkbookStorage

/// The `workbook` command: parse the command line, wire storage, terminal and app together, run.
@MainActor
enum WorkbookCommand {
    static let environment = ProcessInfo.processInfo.environment

    static func main() -> Int32 {
        switch Invocation.parse(Array(CommandLine.arguments.dropFirst())) {
        case .failure(let error):
            printError("workbook: \(error)\n\n\(Invocation.usage)")
            return 2
        case .success(.help):
            print(Invocation.usage)
            return 0
        case .success(.version):
            print("workbook \(Invocation.versionNumber)")
            return 0
        case .success(.check(let data)):
            return StorageCommands.check(dataDirectory(data))
        case .success(.restore(let backup, let data)):
            return StorageCommands.restore(backup, directory: dataDirectory(data))
        case .success(.debugSaveBurst(let options)):
            return StorageCommands.saveBurst(options, directory: dataDirectory(options.dataDirectory))
        case .success(.sharing(let command)):
            return SharingCommands.run(command)
        case .success(.generate(let options)):
            return GenerateCommand.run(options)
        case .success(.debugBench(let data, let runs)):
            return BenchCommand.run(directory: data, runs: runs)
        case .success(.export(let options)):
            return export(options)
        case .success(.open(let options)):
            return open(options)
        }
    }

    static func dataDirectory(_ option: String?) -> String {
        option ?? WorkbookLocation.defaultDataDirectory(environment: environment)
    }

    static func today() -> CalendarDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1) ?? CalendarDate(dayNumber: 0)
    }

    static func export(_ options: Invocation.ExportOptions) -> Int32 {
        let options = options.resolved(today: today())
        let directory = dataDirectory(options.dataDirectory)
        let workbook: LoadedWorkbook
        do {
            workbook = try FileWorkbookStore(directory: directory).loadExisting()
        } catch {
            printError("workbook: \(error)")
            return 1
        }
        for problem in workbook.problems { printError("warning: not exported: \(problem.file): \(problem.message)") }
        switch WorkbookExport.select(workbook.accounts, named: options.account) {
        case .failure(let error):
            printError("workbook: \(error)")
            return 1
        case .success(let accounts):
            if options.format == .review, let problem = ReviewReport.ownerProblem(accounts, options: options.report) {
                printError(TextWidth.sanitized("workbook: \(problem)"))
                return 1
            }
            let text = options.format == .review
                ? ReviewReport.render(accounts: accounts, settings: workbook.settings, today: today(), options: options.report)
                : WorkbookExport.render(options.format, accounts: accounts, settings: workbook.settings, today: today())
            FileHandle.standardOutput.write(Data(text.utf8))
            return 0
        }
    }

    static func open(_ options: Invocation.OpenOptions) -> Int32 {
        let themeName = options.theme ?? ((environment["NO_COLOR"] ?? "").isEmpty ? "default" : "mono")
        let theme: Theme
        switch ThemeLoader.load(themeName, searchDirectories: themeDirectories(), read: { try ResourceFiles.read(path: $0) }) {
        case .success(let loaded): theme = loaded
        case .failure(let error):
            printError("workbook: \(error)")
            return 2
        }
        // The terminal first: without one, nothing should be created on disk.
        let terminal: NcursesTerminal
        do {
            let mono = theme.styles.values.allSatisfy { $0.foreground == .default && $0.background == .default }
            terminal = try NcursesTerminal.start(options: NcursesTerminalOptions(colorMode: mono ? .mono : .auto))
        } catch {
            printError("workbook: \(error)")
            return 1
        }
        let store: FileWorkbookStore
        var workbook: LoadedWorkbook
        var healthWorker: HealthWorker?
        // Files had to be read (or health worked out): the next start should find them in the list index.
        var writeIndexAfterOpen = false
        // The list index is written behind the first frame; quitting waits for it, so it is never cut short.
        let indexWrite = DispatchGroup()
        do {
            if options.demo {
                (store, workbook) = try openDemo()
            } else if options.readOnly {
                store = FileWorkbookStore(directory: dataDirectory(options.dataDirectory))
                workbook = try store.loadExisting()
            } else {
                store = FileWorkbookStore(directory: dataDirectory(options.dataDirectory))
                // Summaries and digests only (from the per-user list index where it still matches the
                // files): each account's details are read when it is opened (docs/PERFORMANCE.md).
                let day = today()
                workbook = try openShowingProgress(store, today: day, terminal: terminal, theme: theme)
                let settings = workbook.settings
                // A review started from the command line needs every account's flags at once.
                let unknown = options.review == nil ? [] : workbook.summaryOnly.filter { workbook.digests[$0]?.rules == nil }.sorted()
                if !unknown.isEmpty {
                    for (id, digest) in store.digests(for: unknown, today: day, settings: settings) { workbook.digests[id] = digest }
                }
                healthWorker = { [store] ids, day, settings in store.digests(for: ids, today: day, settings: settings) }
                writeIndexAfterOpen = workbook.filesDecoded > 0 || !unknown.isEmpty
            }
        } catch {
            terminal.stop()
            printError("workbook: \(error)")
            return 1
        }
        let user = userName(default: workbook.settings.owner)
        // Consumed: the state must hold the only reference to its tables, or its first change (the
        // first account opened) copies all of them (20 ms at 100,000 accounts).
        var state = AppState(
            workbook: consume workbook, today: today(), screenSize: terminal.size, location: displayPath(store.directory),
            readOnlyReason: options.readOnly ? "--read-only" : nil, isDemo: options.demo, userName: user)
        /// The list index of what `state` knows, in its list order, for the next start.
        func listIndex(of state: AppState) -> PendingListIndex? {
            store.listIndex(for: state.listIndexEntries, rulesKey: state.rulesKey, order: state.listIndexOrderTag)
        }
        if writeIndexAfterOpen, let index = listIndex(of: state) {
            DispatchQueue.global(qos: .utility).async(group: indexWrite) { index.write() }
        }
        state.useTemplates(from: TemplateFile.load(workbookDirectory: store.directory, seedIfMissing: state.readOnlyReason == nil))
        state.isPresenting = options.present
        state.isSlowLink = options.slowLink
        // The person's view (compact or table), from the per-user state folder: never the workbook's.
        let viewPath = ViewPreferencesFile.path(environment: environment)
        let (preferences, preferencesProblem) = ViewPreferencesFile.load(path: viewPath)
        // Not a workbook file, so not in the `!` list (`workbook check` would not know it): said at once.
        state.useView(preferences.accountsView, unreadable: preferencesProblem.map { displayPath($0.file) + ": " + $0.message })
        if let scope = options.review {
            AccountReviewReducer.begin(&state, scope: scope, timerMinutes: options.reviewTimer)
        }
        let sharingAuthor = state.userName
        let runtime = AppRuntime(
            state: consume state, store: options.readOnly ? nil : store, backend: terminal, theme: theme, today: today,
            openDemo: {
                let (demoStore, demoWorkbook) = try openDemo()
                return (demoStore, demoWorkbook, displayPath(demoStore.directory))
            },
            exportWriter: { name, bytes in try UserDocumentWriter.write(bytes, named: name) }, healthWorker: healthWorker,
            findSharing: options.demo || options.readOnly ? nil : { [sharingAuthor] in
                SharingCommands.hooks(directory: store.directory, author: sharingAuthor)
            },
            rememberView: { view in
                var chosen = preferences
                chosen.accountsView = view
                try ViewPreferencesFile.save(chosen, path: viewPath)
            })
        runtime.run()
        terminal.stop()
        indexWrite.wait()
        // The next start draws from the list index: keep it true to the files as they are now.
        if runtime.indexNeedsWriting, !runtime.isWorkingOutHealth, !runtime.state.isDemo, runtime.state.readOnlyReason == nil,
           let index = listIndex(of: runtime.state) {
            index.write()
        }
        let unsaved = runtime.state.unsaved.compactMap { runtime.state.accounts[$0]?.name }.sorted()
        if !unsaved.isEmpty {
            printError(TextWidth.sanitized("workbook: \(unsaved.count) change\(unsaved.count == 1 ? " was" : "s were") not saved: \(unsaved.joined(separator: ", "))"))
            return 1
        }
        if runtime.state.isDemo {
            print("The demo territory stays in \(runtime.state.location) until you delete it.")
        }
        return 0
    }

    /// Opens the workbook as summaries; when that takes long enough to be noticed (a first open of
    /// a large workbook reads every file), an opening screen names the folder meanwhile, so a blank
    /// terminal never looks like a hang. A quick open draws nothing before its first frame.
    static func openShowingProgress(_ store: FileWorkbookStore, today day: CalendarDate, terminal: NcursesTerminal, theme: Theme) throws -> LoadedWorkbook {
        final class Outcome: @unchecked Sendable { var result: Result<LoadedWorkbook, any Error>? }
        let outcome = Outcome(), done = DispatchSemaphore(value: 0)
        DispatchQueue.global(qos: .userInitiated).async {
            outcome.result = Result { try store.openSummaries(today: day) }
            done.signal()
        }
        if done.wait(timeout: .now() + .milliseconds(openingScreenDelayMilliseconds)) == .timedOut {
            let opening = OpeningView.render(location: displayPath(store.directory), size: terminal.size, theme: theme)
            terminal.draw(BufferDiff.runs(from: nil, to: opening), cursor: nil, fullRedraw: true)
            done.wait()
        }
        return try outcome.result!.get()
    }

    /// How long an open may take before the opening screen is drawn.
    static let openingScreenDelayMilliseconds = 100

    static func openDemo() throws -> (FileWorkbookStore, LoadedWorkbook) {
        let folder = try FileWorkbookStore.temporaryDirectory(prefix: "account-workbook-demo-")
        var generator = SystemRandomNumberGenerator()
        let accounts = DemoTerritory.accounts(today: today(), newID: { AccountID.random(using: &generator) })
        let store = try FileWorkbookStore.createWorkbook(at: folder, settings: DemoTerritory.settings(), accounts: accounts)
        return (store, try store.load())
    }

    /// Where themes are looked for: the user's config folder first, then `Themes/` near the binary
    /// (the repository when run from `.build`, or `share/account-workbook/themes` when installed).
    static func themeDirectories() -> [String] {
        var directories = [WorkbookLocation.themesDirectory(environment: environment)]
        if let override = environment["WORKBOOK_THEMES_DIR"] { directories.insert(override, at: 0) }
        var folder = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 where folder.path != "/" {
            directories.append(folder.appendingPathComponent("Themes").path)
            directories.append(folder.appendingPathComponent("share/account-workbook/themes").path)
            folder = folder.deletingLastPathComponent()
        }
        var seen = Set<String>()
        return directories.filter { seen.insert($0).inserted }
    }

    /// Who is at the keyboard, from the login name; the workbook's owner when the environment has none.
    static func userName(default fallback: String) -> String {
        for key in ["USER", "LOGNAME"] {
            if let name = environment[key], !name.isEmpty { return name }
        }
        return fallback
    }

    /// A path with the home folder shown as `~`.
    static func displayPath(_ path: String) -> String {
        guard let home = environment["HOME"], !home.isEmpty, path.hasPrefix(home + "/") else { return path }
        return "~" + path.dropFirst(home.count)
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

exit(WorkbookCommand.main())
