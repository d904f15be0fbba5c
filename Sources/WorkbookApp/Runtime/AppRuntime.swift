import TerminalUI
import WorkbookModel
import WorkbookStorage

/// Opens a workbook other than the current one (the demo territory): the store, what it holds, where it is.
public typealias WorkbookOpener = () throws -> (store: WorkbookStore, workbook: LoadedWorkbook, location: String)

/// Writes a user's document (a file name, its bytes) and returns the path written; storage supplies it.
public typealias ExportWriter = (String, [UInt8]) throws -> String

/// Keeps the user's choice of accounts view for the next start; storage supplies it.
public typealias ViewRememberer = (AccountsView) throws -> Void

/// The one loop: read an event, turn it into an action, reduce, run the effects, draw what changed.
public final class AppRuntime {
    public internal(set) var state: AppState
    private(set) var store: WorkbookStore?
    private let backend: TerminalBackend
    private let theme: Theme
    let keymap: Keymap
    private let environment: ReducerEnvironment
    private let today: () -> CalendarDate
    private let openDemo: WorkbookOpener?
    /// Writes a document for the user (the handover pack) and returns where it went.
    private let exportWriter: ExportWriter?
    /// Writes the accounts view the user chose (`view.json`); nil keeps it for this session only.
    private let rememberView: ViewRememberer?
    /// Sync and repair through git, supplied by the executable (the app never runs git itself).
    private(set) var sharing: SharingHooks?
    /// Looks for git sharing (it runs git): called after the first frame, so it never delays it.
    private var findSharing: (() -> SharingHooks?)?
    private var previousFrame: Buffer?
    /// `previousFrame` as it was painted (`Buffer.paintingForm`): what the next frame is diffed against.
    private var previousPainted: Buffer?
    private var needsFullRedraw = true
    /// Idle seconds between looks at the disk for changes made outside (a git pull).
    private let outsideCheckInterval = 2
    private var idleSeconds = 0
    /// Conflicts already reported, so an idle check does not repeat the same warning.
    private var reportedConflicts = Set<AccountID>()
    /// Works out the health of summary-only accounts for a new day (nil: figures never go stale here).
    let healthWorker: HealthWorker?
    /// Today's health of every summary-only account, being worked out, until it has arrived.
    var healthWork: HealthWork?
    /// The list order's keys being built in the background, after an open from the list index.
    var listOrderWork: ListOrderWork?
    /// The day `healthWork` works for: a result for another day is not taken.
    var healthWorkDay: CalendarDate?
    /// Keys pressed while health is worked out that need it (a review), with everything typed after them.
    var deferredEvents: [InputEvent] = []
    /// How often the loop looks for the health work's result: short enough to feel immediate.
    private let workPollMilliseconds = 10
    /// Summary-only accounts whose files could not be read when they were opened (not retried on every frame).
    var unopenable = Set<AccountID>()
    /// Accounts opened from their summaries, oldest first: beyond `wholeAccountLimit`, the oldest
    /// go back to their summaries, so flicking through thousands of accounts does not keep them all.
    var openedOrder: [AccountID] = []
    var wholeAccountLimit = 64
    /// True once a file was written, found changed on disk, or health was worked out: the list index
    /// kept for the next start is then worth writing again at quit.
    public internal(set) var indexNeedsWriting = false
    /// Where the review timer last counted from; nil while no timer runs.
    private var reviewClockMark: ContinuousClock.Instant?

    /// `store` nil means nothing is ever written (read-only workbooks).
    public init(
        state: AppState, store: WorkbookStore?, backend: TerminalBackend, theme: Theme, keymap: Keymap = .standard,
        environment: ReducerEnvironment = .live, today: @escaping () -> CalendarDate, openDemo: WorkbookOpener? = nil,
        exportWriter: ExportWriter? = nil, healthWorker: HealthWorker? = nil, sharing: SharingHooks? = nil,
        findSharing: (() -> SharingHooks?)? = nil, rememberView: ViewRememberer? = nil
    ) {
        self.rememberView = rememberView
        self.findSharing = findSharing
        self.healthWorker = healthWorker
        self.sharing = sharing
        self.exportWriter = exportWriter
        self.state = state
        self.store = store
        self.backend = backend
        self.theme = theme
        self.keymap = keymap
        self.environment = environment
        self.today = today
        self.openDemo = openDemo
        self.state.screenSize = backend.size
    }

    /// Runs until the user quits. Draws only when something changed, so an idle app writes nothing.
    public func run() {
        drawFrame()
        startListOrderWork()
        startHealthWork()
        if let find = findSharing {
            findSharing = nil
            sharing = find()
            if sharing != nil {
                send(.sharingFound)
                drawFrame()
            }
        }
        while !state.shouldQuit {
            if healthWork != nil || listOrderWork != nil {
                // Keys first: the background work must never hold up an answer to the user.
                var changed = false
                if let event = backend.readEvent(timeoutMilliseconds: workPollMilliseconds) {
                    handle(event)
                    while !state.shouldQuit, let pending = backend.readEvent(timeoutMilliseconds: 0) { handle(pending) }
                    changed = true
                }
                if takeFinishedHealthWork() { changed = true }
                if takeFinishedListOrderWork() { changed = true }
                if changed, !state.shouldQuit { drawFrame() }
                continue
            }
            guard let event = backend.readEvent(timeoutMilliseconds: 1_000) else {
                var changed = false
                let day = today()
                if day != state.today {
                    send(.dayChanged(day))
                    startHealthWork()
                    changed = true
                }
                idleSeconds += 1
                if idleSeconds % outsideCheckInterval == 0, let changes = outsideChanges(takeTheirs: false) {
                    indexNeedsWriting = true
                    send(.outsideChanges(changes))
                    changed = true
                }
                if tickReviewClock() { changed = true }
                // Nothing is drawn while nothing changed: an idle app writes no bytes.
                if changed { drawFrame() }
                continue
            }
            idleSeconds = 0
            handle(event)
            // Keys already waiting (typing fast, a slow link) are handled before drawing: one frame for the lot.
            while !state.shouldQuit, let pending = backend.readEvent(timeoutMilliseconds: 0) {
                handle(pending)
            }
            _ = tickReviewClock()
            if !state.shouldQuit { drawFrame() }
        }
    }

    /// Counts whole seconds on the review's current account while its timer is on; true when it moved.
    /// The clock lives here, not in the reducer, so the reducer stays a pure function of its actions.
    private func tickReviewClock() -> Bool {
        guard state.accountReview?.timerMinutes != nil else {
            reviewClockMark = nil
            return false
        }
        let now = ContinuousClock.now
        guard let mark = reviewClockMark else {
            reviewClockMark = now
            return false
        }
        let seconds = Int((now - mark).components.seconds)
        guard seconds > 0 else { return false }
        reviewClockMark = mark + .seconds(seconds)
        send(.reviewClock(seconds))
        return true
    }

    /// Turns one terminal event into actions.
    public func handle(_ event: InputEvent) {
        openSelectedAccounts()
        if deferUntilHealthIsKnown(event) { return }
        switch event {
        case .key(let key):
            if state.message?.kind != .error { state.message = nil }
            if let action = keymap.resolve(key, in: state) { send(action) }
        case .paste(let text):
            send(.paste(text))
        case .resize(let size):
            needsFullRedraw = true
            send(.resized(size))
        }
    }

    /// Reduces one action and runs the effects it asks for, feeding their results back in.
    public func send(_ action: AppAction) {
        var queue = [action]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            let effects = AppReducer.reduce(&state, next, environment: environment)
            for effect in effects { queue.append(contentsOf: run(effect)) }
        }
    }

    private func run(_ effect: Effect) -> [AppAction] {
        switch effect {
        case .save(let account):
            guard let store, state.readOnlyReason == nil else {
                return [.saveFailed(account.id, "the workbook is read-only")]
            }
            do {
                try store.save(account)
                indexNeedsWriting = true
                return [.saveSucceeded(account.id)]
            } catch let error as StorageError {
                if case .changedOnDisk = error.kind {
                    reportedConflicts.insert(account.id)
                    return [.saveConflict(account.id)]
                }
                return [.saveFailed(account.id, error.message)]
            } catch {
                return [.saveFailed(account.id, String(describing: error))]
            }
        case .backup(let ids, let reason):
            guard let store, state.readOnlyReason == nil else { return [] }
            do {
                try store.backup(ids, reason: reason)
                return []
            } catch {
                return [.warning("No backup could be made (\(error)); the change goes ahead and u undoes it.")]
            }
        case .refreshFromDisk(let takeTheirs):
            return refresh(takeTheirs: takeTheirs)
        case .overwrite(let accounts):
            guard let store else { return [] }
            var actions: [AppAction] = []
            for account in accounts {
                // Reading the file again makes it the version the save replaces, on purpose this time.
                _ = try? store.reload(account.id)
                reportedConflicts.remove(account.id)
                actions.append(contentsOf: run(.save(account)))
            }
            return actions + [.info("Kept yours: saved over the version on disk.")]
        case .openDemo:
            guard let openDemo else { return [.openFailed("The demo territory is not available here.")] }
            do {
                let opened = try openDemo()
                store = opened.store
                return [.workbookOpened(opened.workbook, location: opened.location, isDemo: true)]
            } catch {
                return [.openFailed("Could not open the demo: \(error)")]
            }
        case .saveSettings(let settings):
            guard let store, state.readOnlyReason == nil else { return [.warning("Not saved: the workbook is read-only.")] }
            do {
                try store.saveSettings(settings)
                return []
            } catch {
                return [.warning("Settings not saved: \(error). They apply until you quit.")]
            }
        case .writeExport(let fileName, let text):
            guard let exportWriter else { return [.warning("Exports cannot be written here.")] }
            do {
                let path = try exportWriter(fileName, Array(text.utf8))
                let name = path.split(separator: "/").last.map(String.init) ?? path
                let folder = String(path.dropLast(name.count + 1))
                return [.info("Handover pack written: \(name) in \(folder.isEmpty ? "/" : folder)")]
            } catch {
                return [.warning("The handover pack was not written: \(error)")]
            }
        case .rememberView(let view):
            guard let rememberView else { return [] }
            do {
                try rememberView(view)
                return []
            } catch {
                return [.warning("The view is not remembered for the next start: \(error)")]
            }
        case .sync, .repairFromGit:
            return runSharing(effect)
        case .suspend:
            backend.suspend()
            needsFullRedraw = true
            return [.resized(backend.size)]
        case .quit:
            return []
        }
    }

    /// Ctrl-L: take over a workbook whose other user has gone, else reload what changed on disk.
    private func refresh(takeTheirs: Bool) -> [AppAction] {
        guard let store else { return [] }
        if state.readOnlyReason?.contains("in use by") == true {
            guard case .acquired = store.acquireLock() else {
                return [.warning("Still in use by its other user; the workbook stays read-only.")]
            }
            do {
                let workbook = try store.load()
                let focus = state.focus
                return [.workbookOpened(workbook, location: state.location, isDemo: state.isDemo), .command(.showPane(focus)),
                        .info("Took over the workbook: it is writable now.")]
            } catch {
                return [.openFailed("Could not reopen the workbook: \(error)")]
            }
        }
        guard let changes = outsideChanges(takeTheirs: takeTheirs) else {
            return [.info("Nothing changed on disk.")]
        }
        indexNeedsWriting = true
        return [.outsideChanges(changes)]
    }

    /// Asks the store which files changed under the app and reads them again. An account with an
    /// unsaved change here is reloaded only when the user takes the version on disk.
    func outsideChanges(takeTheirs: Bool) -> OutsideChanges? {
        guard let store else { return nil }
        var ids = Set(store.changedFiles())
        if takeTheirs { ids.formUnion(reportedConflicts) }
        var changes = OutsideChanges()
        for id in ids.sorted() {
            if state.unsaved.contains(id) && !takeTheirs {
                if !reportedConflicts.contains(id) { changes.conflicting.append(id) }
                reportedConflicts.insert(id)
                continue
            }
            do {
                if let account = try store.reload(id) { changes.reloaded.append(account) } else { changes.removed.append(id) }
                reportedConflicts.remove(id)
                unopenable.remove(id)
            } catch {
                changes.problems.append(Self.problem(reading: id, error))
            }
        }
        return changes.isEmpty ? nil : changes
    }

    /// Renders the state and writes only the cells that changed since the last frame.
    public func drawFrame() {
        openSelectedAccounts()
        releaseOldAccounts()
        let (frame, cursor) = RootView.render(state, theme: theme, keymap: keymap)
        let full = needsFullRedraw || previousFrame?.size != frame.size
        let painted = frame.paintingForm()
        let runs = BufferDiff.runs(from: full ? nil : previousPainted, to: painted)
        if !runs.isEmpty || full || cursor != nil {
            backend.draw(runs, cursor: cursor, fullRedraw: full)
        }
        previousFrame = frame
        previousPainted = painted
        needsFullRedraw = false
    }

    /// The last frame drawn, for tests.
    public var lastFrame: Buffer? { previousFrame }
}
