import TerminalUI
import WorkbookModel

/// What the reducer needs from outside that is not state: injected so tests are deterministic.
public struct ReducerEnvironment {
    public var newAccountID: () -> AccountID
    public var newCommitmentID: () -> CommitmentID
    public var newEntityID: () -> EntityID

    public init(newAccountID: @escaping () -> AccountID, newCommitmentID: (() -> CommitmentID)? = nil, newEntityID: (() -> EntityID)? = nil) {
        self.newAccountID = newAccountID
        self.newEntityID = newEntityID ?? {
            var generator = SystemRandomNumberGenerator()
            return EntityID.random(using: &generator)
        }
        self.newCommitmentID = newCommitmentID ?? {
            var generator = SystemRandomNumberGenerator()
            return CommitmentID.random(using: &generator)
        }
    }

    /// Random ids from the system generator: what the real app uses.
    public static var live: ReducerEnvironment {
        ReducerEnvironment(newAccountID: {
            var generator = SystemRandomNumberGenerator()
            return AccountID.random(using: &generator)
        })
    }
}

/// The one place state changes: `reduce(&state, action)` returns the effects for the runtime to run.
public enum AppReducer {
    public static func reduce(_ state: inout AppState, _ action: AppAction, environment: ReducerEnvironment) -> [Effect] {
        switch action {
        case .command(let command):
            return handle(command, &state, environment)
        case .rejected(let reason):
            state.message = StatusMessage("Can't: \(reason)", kind: .warning)
        case .paste(let text):
            if case .form = state.modal {
                return FormReducer.reduce(&state, .text(.insert(text)), environment: environment)
            } else if state.isEditingFilter {
                return handle(.text(.insert(text.replacingNewlines())), &state, environment)
            }
        case .resized(let size):
            state.screenSize = size
            AccountsReducer.keepSelectionVisible(&state)
        case .dayChanged(let day):
            state.today = day
            state.forgetRuleFigures()
        case .saveSucceeded(let id):
            state.unsaved.remove(id)
            state.conflicts.remove(id)
            if state.unsaved.isEmpty, state.message?.kind == .error, state.message?.text.hasPrefix("Not saved") == true {
                state.message = StatusMessage("All changes saved.")
            }
        case .saveFailed(let id, let reason):
            state.unsaved.insert(id)
            let name = state.accounts[id]?.name ?? id.rawValue
            state.message = StatusMessage("Not saved: \(name) — \(saveFailureCore(reason)). Your change is kept; Ctrl-S retries.", kind: .error)
        case .workbookOpened(let workbook, let location, let isDemo):
            let size = state.screenSize
            let previous = state
            state = AppState(workbook: workbook, today: state.today, screenSize: size, location: location, isDemo: isDemo, userName: state.userName)
            // What belongs to the person, not the workbook, stays.
            state.templates = previous.templates
            state.accountsView = previous.accountsView
            state.canRememberView = previous.canRememberView
            state.isSlowLink = previous.isSlowLink
            state.isPresenting = previous.isPresenting
            state.message = StatusMessage(isDemo ? "Demo territory opened: changes stay in \(location)." : "Workbook opened.")
        case .accountOpened(let account):
            state.takeOpened(account)
        case .accountNotOpened(let id, let problem):
            state.note(problem)
            let name = state.accounts[id]?.name ?? id.rawValue
            state.message = StatusMessage("\u{201C}\(name)\u{201D} could not be read: \(problem.message) — ! for details", kind: .error)
        case .sharingFound:
            state.canSync = true
        case .digestsWorkedOut(let digests):
            state.takeDigests(digests)
        case .listOrderCompleted(let order):
            state.takeCompletedListOrder(order)
        case .openFailed(let reason):
            state.message = StatusMessage(reason, kind: .error)
        case .warning(let text):
            state.message = StatusMessage(text, kind: .warning)
        case .info(let text):
            state.message = StatusMessage(text)
        case .saveConflict(let id):
            state.unsaved.insert(id)
            state.conflicts.insert(id)
            let name = state.accounts[id]?.name ?? id.rawValue
            state.message = StatusMessage("Not saved: \u{201C}\(name)\u{201D} changed on disk too. Ctrl-L: take theirs or keep yours.", kind: .error)
        case .outsideChanges(let changes):
            OutsideChangesReducer.apply(changes, to: &state)
        case .reviewClock(let seconds):
            state.accountReview?.secondsOnAccount += seconds
            state.accountReview?.totalSeconds += seconds
        }
        return []
    }

    private static func handle(_ command: Command, _ state: inout AppState, _ environment: ReducerEnvironment) -> [Effect] {
        if let reason = CommandAvailability.disabledReason(command, in: state) {
            state.message = StatusMessage("Can't: \(reason)", kind: .warning)
            return []
        }
        // Presenting works over anything, a form or a question included: the room may be watching any of them.
        if command == .togglePresenting { return AccountReviewReducer.togglePresenting(&state) }
        switch state.modal {
        case .form: return FormReducer.reduce(&state, command, environment: environment)
        case .confirmDelete(let id): return AccountsReducer.confirmDelete(&state, id: id, command: command)
        case .personPicker(let picker):
            return PersonPickerReducer.reduce(&state, picker, command)
        case .confirmDeletePerson(let accountID, let id):
            return InfluenceMapReducer.confirmDelete(&state, accountID: accountID, id: id, command: command)
        case .confirmDeleteItem(let accountID, let item):
            return RelationshipReducer.confirmDelete(&state, accountID: accountID, item: item, command: command)
        case .resolveConflicts:
            switch command {
            case .takeTheirs:
                state.modal = nil
                return [.refreshFromDisk(takeTheirs: true)]
            case .keepMine:
                state.modal = nil
                let mine = state.conflicts.sorted().compactMap { state.accounts[$0] }
                return [.overwrite(mine)]
            case .cancel, .backOut:
                state.modal = nil
            case .interrupt:
                state.shouldQuit = true
                return [.quit]
            default:
                break
            }
            return []
        case .confirmDiscard(let form):
            return FormReducer.confirmDiscard(&state, form, command)
        case .confirmDeleteCommitment(let accountID, let id):
            return ChecklistReducer.confirmDelete(&state, accountID: accountID, id: id, command: command)
        case .templates(let picker):
            return TemplatePickerReducer.reduce(&state, picker, command, environment: environment)
        case .review(let walk):
            return ReviewWalkReducer.reduce(&state, walk, command)
        case .confirmQuit:
            return ConfirmationReducer.answer(command, &state, declined: "Not quitting: Ctrl-S retries the saves.") { state in
                state.shouldQuit = true
                return [.quit]
            }
        case .problems where command == .repairFromGit:
            state.modal = nil
            return [.repairFromGit]
        case .help, .problems, .reviewDetails: return OverlayReducer.reduce(&state, command)
        case .mergeConflicts(let list): return MergeConflictsReducer.reduce(&state, list, command)
        case nil: break
        }
        if state.accountReview != nil { return AccountReviewReducer.reduce(&state, command, environment: environment) }
        if state.isEditingFilter { return FilterReducer.reduce(&state, command) }
        switch command {
        case .quit where !state.unsaved.isEmpty:
            state.modal = .confirmQuit
        case .interrupt, .quit:
            state.shouldQuit = true
            return [.quit]
        case .suspend:
            return [.suspend]
        case .nextPane:
            state.focus = Pane(rawValue: state.focus.rawValue % Pane.allCases.count + 1)!
        case .previousPane:
            state.focus = Pane(rawValue: (state.focus.rawValue + Pane.allCases.count - 2) % Pane.allCases.count + 1)!
        case .showPane(let pane):
            state.focus = pane
        case .toggleHelp:
            state.modal = .help(scroll: 0)
        case .showProblems:
            state.modal = .problems(scroll: 0)
        case .showMergeConflicts:
            MergeConflictsReducer.open(&state)
        case .sync:
            return [.sync]
        case .backOut:
            if !state.filter.isEmpty {
                return FilterReducer.reduce(&state, .clearFilter)
            }
            state.message = nil
        case .openDemo:
            return [.openDemo]
        case .startAccountReview:
            state.modal = .form(AccountReviewForms.start(in: state))
        case .retrySave, .refresh:
            return diskCommand(command, &state)
        case .undo, .redo:
            return AccountsReducer.reduce(&state, command, environment: environment)
        default:
            if state.focus == .checklist { return ChecklistReducer.reduce(&state, command, environment: environment) }
            if state.focus == .influenceMap { return InfluenceMapReducer.reduce(&state, command, environment: environment) }
            if state.focus == .book { return BookReducer.reduce(&state, command) }
            if state.focus == .relationship { return RelationshipReducer.reduce(&state, command, environment: environment) }
            return AccountsReducer.reduce(&state, command, environment: environment)
        }
        return []
    }
}

extension AppReducer {
    /// Ctrl-S retries the saves that failed; Ctrl-L reloads from disk, or first asks whose version
    /// wins when a change is pending on both sides. The same in the panes and in a review.
    static func diskCommand(_ command: Command, _ state: inout AppState) -> [Effect] {
        if command == .retrySave { return state.unsaved.sorted().compactMap { state.accounts[$0] }.map { .save($0) } }
        if !state.conflicts.isEmpty {
            state.modal = .resolveConflicts
            return []
        }
        return [.refreshFromDisk(takeTheirs: false)]
    }
}

/// The cause alone, without the "not saved … your change is kept" framing that storage errors carry,
/// so the status line says each thing once.
func saveFailureCore(_ reason: String) -> String {
    var core = Substring(reason)
    if core.lowercased().hasPrefix("not saved: ") { core = core.dropFirst("not saved: ".count) }
    if let range = core.range(of: " — your change is kept") { core = core[..<range.lowerBound] }
    return String(core)
}

extension String {
    /// Newlines as spaces, for one-line inputs such as the filter.
    func replacingNewlines() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}
