import TerminalUI
import WorkbookModel
import WorkbookStorage

/// The runtime's side of opening as summaries: each selected account read on demand, the oldest
/// opened ones let go, and today's health worked out in the background while keys are answered.
extension AppRuntime {
    /// Takes in the health work once it has finished (at most once), then runs the keys that waited for it.
    @discardableResult
    func takeFinishedHealthWork() -> Bool {
        guard let digests = healthWork?.take() else { return false }
        healthWork = nil
        guard healthWorkDay == state.today else {
            // The day changed while it worked: those figures are already stale.
            startHealthWork()
            return false
        }
        indexNeedsWriting = true
        send(.digestsWorkedOut(digests))
        let waiting = deferredEvents
        deferredEvents.removeAll()
        if !waiting.isEmpty { state.message = nil }
        for event in waiting where !state.shouldQuit { handle(event) }
        return true
    }

    /// Builds the list order's keys on another thread when the open gave the order without them
    /// (after the first frame, which it would otherwise delay).
    func startListOrderWork() {
        guard listOrderWork == nil, let completion = state.listOrderCompletion else { return }
        let work = ListOrderWork(completion)
        listOrderWork = work
        work.start()
    }

    /// Takes in the list order's keys once built (the state ignores them if a change built them first).
    @discardableResult
    func takeFinishedListOrderWork() -> Bool {
        guard let order = listOrderWork?.take() else { return false }
        listOrderWork = nil
        send(.listOrderCompleted(order))
        startHealthWork()
        return true
    }

    /// True until the health work has been taken in (or while it waits for the list's keys).
    public var isWorkingOutHealth: Bool { healthWork != nil || isHealthWorkWaiting }

    /// Health work waits for the list's keys: on two cores, both at once would slow every key.
    private var isHealthWorkWaiting: Bool { listOrderWork != nil && healthWorker != nil && state.isWorkingOutHealth }

    /// Starts working out the health of the summary-only accounts whose figures are not known for
    /// today, on another thread (after the first frame, so it never delays it).
    func startHealthWork() {
        guard let healthWorker, healthWork == nil, listOrderWork == nil, state.isWorkingOutHealth else { return }
        let ids = state.summaryOnly.filter { state.digests[$0]?.rules == nil }.sorted()
        let day = state.today, settings = state.settings
        let work = HealthWork { healthWorker(ids, day, settings) }
        healthWork = work
        healthWorkDay = day
        work.start()
    }

    /// The accounts that must be whole: the selected one, the one in the details pane, the review's.
    var accountsInView: [AccountID] {
        var ids = [state.selectedID, state.accountReview?.currentID].compactMap { $0 }
        if let shown = state.shownID, state.accountsShape == .compact, !ids.contains(shown) { ids.append(shown) }
        return ids
    }

    /// Opens the accounts in view when only their summary is in memory: one file read and decoded
    /// each, so every key and the detail pane work on the whole account.
    func openSelectedAccounts() {
        guard let store else { return }
        for id in accountsInView
        where state.summaryOnly.contains(id) && !unopenable.contains(id) {
            do {
                if let account = try store.reload(id) {
                    send(.accountOpened(account))
                    openedOrder.append(id)
                } else {
                    indexNeedsWriting = true
                    send(.outsideChanges(OutsideChanges(removed: [id])))
                }
            } catch {
                unopenable.insert(id)
                send(.accountNotOpened(id, Self.problem(reading: id, error)))
            }
        }
    }

    /// While health is worked out, a key that needs it (starting a review) and every event after it,
    /// to keep their order, waits and runs as soon as it is known: typing ahead works, nothing is
    /// refused. Ctrl-C and quit are never held back.
    func deferUntilHealthIsKnown(_ event: InputEvent) -> Bool {
        guard isWorkingOutHealth, state.isWorkingOutHealth else { return false }
        if case .key(let key) = event {
            let action = keymap.resolve(key, in: state)
            if action == .command(.interrupt) || action == .command(.quit) {
                deferredEvents.removeAll()
                return false
            }
            guard !deferredEvents.isEmpty || isWaitingForHealth(action) else { return false }
        } else if case .resize = event {
            return false
        } else if deferredEvents.isEmpty {
            return false
        }
        deferredEvents.append(event)
        state.message = StatusMessage("Still working out today's health: your keys run as soon as it is known.")
        return true
    }

    func isWaitingForHealth(_ action: AppAction?) -> Bool {
        guard case .rejected(let reason)? = action else { return false }
        return reason.hasSuffix(CommandAvailability.workingOutHealth)
    }

    /// Puts the oldest opened accounts back to their summaries while more than `wholeAccountLimit`
    /// are open; never one in view (selected, shown, the review's), or one with a change not yet saved.
    func releaseOldAccounts() {
        guard openedOrder.count > wholeAccountLimit else { return }
        let kept = Set(accountsInView).union(state.unsaved).union(state.conflicts)
        var remaining: [AccountID] = []
        var excess = openedOrder.count - wholeAccountLimit
        for id in openedOrder {
            if excess > 0, !kept.contains(id) {
                state.releaseDetails(id)
                excess -= 1
            } else {
                remaining.append(id)
            }
        }
        openedOrder = remaining
    }

    /// A file that could not be read, as the problems list shows it: the path once, then what is wrong.
    static func problem(reading id: AccountID, _ error: any Error) -> StorageProblem {
        let file = "accounts/" + AccountFileFormat.fileName(for: id)
        let text = (error as? StorageError)?.message ?? String(describing: error)
        return StorageProblem(file: file, message: text.hasPrefix(file + ": ") ? String(text.dropFirst(file.count + 2)) : text)
    }

}
