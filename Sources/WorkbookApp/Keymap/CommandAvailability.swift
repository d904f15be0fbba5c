import WorkbookModel

/// Why a command cannot run right now, so a key never fails silently and the help can grey it out.
public enum CommandAvailability {
    /// Why a review waits while the health of summary-only accounts is worked out again.
    static let workingOutHealth = "health is still being worked out"
    /// Why the details pane cannot show: `--slow-link` keeps the list alone on screen.
    static let slowLinkReason = "--slow-link shows the list alone"
    /// Why a command cannot act on a selected account whose file could not be opened.
    static let notReadInFull = "this account's file could not be read (! lists the problems)"

    public static func disabledReason(_ command: Command, in state: AppState) -> String? {
        if state.isWorkingOutHealth, command == .startAccountReview { return workingOutHealth }
        if let id = state.selectedID, state.summaryOnly.contains(id), needsWholeAccount(command, in: state) { return notReadInFull }
        switch command {
        case .add, .undo, .redo, .delete, .edit, .open, .retrySave, .mark, .addEvidence, .markReviewed, .startReview, .openTemplates,
             .editRole, .pickReportsTo, .pickInfluences, .editCoverage, .contactToday, .addObjective, .editObjective,
             .editRelationship, .addMilestone, .addProductLine, .handOver, .editStatement,
             .recordDecision, .addReviewAction, .closeReviewAction, .markAccountReviewed, .saveReviewList, .keepValue, .sync, .repairFromGit:
            if let reason = state.readOnlyReason { return "the workbook is read-only (\(reason))" }
        default:
            break
        }
        if let reason = sharingReason(command, in: state) { return reason }
        if let session = state.accountReview, state.modal == nil {
            return AccountReviewReducer.disabledReason(command, session: session, in: state)
        }
        // A pane's own reasons apply to its own commands only: leaving, help and quitting always work.
        if state.modal == nil, !isPaneIndependent(command) {
            switch state.focus {
            case .checklist: return checklistReason(command, in: state)
            case .influenceMap: return mapReason(command, in: state)
            case .relationship: return relationshipReason(command, in: state)
            case .book: return bookReason(command, in: state)
            case .accounts: break
            }
        }
        switch command {
        case .edit, .open, .delete:
            return state.selectedAccount == nil ? "no account is selected" : nil
        case .showDetails:
            if state.accountsShape != .compact { return state.isSlowLink ? slowLinkReason : "the details already follow the selection (v: compact view)" }
            if ScreenLayout(size: state.screenSize, accounts: .compact).details.isEmpty { return "no room for them below 72 columns" }
            return state.selectedAccount == nil ? "no account is selected" : nil
        case .switchAccountsView:
            return state.isSlowLink ? slowLinkReason : nil
        case .undo, .redo:
            return historyReason(command, in: state)
        case .startAccountReview:
            return state.liveCount == 0 ? "no accounts to review yet" : nil
        case .openDemo:
            return state.liveCount == 0 ? nil : "the demo opens from an empty workbook; run `workbook --demo` to try it"
        case .showProblems:
            return state.problems.isEmpty ? "every file was read" : nil
        case .retrySave:
            return state.unsaved.isEmpty ? "every change is saved" : nil
        case .refresh:
            return state.isDemo ? "the demo territory is not shared" : nil
        default:
            return nil
        }
    }

    /// Commands that mean the same in every pane, whatever it shows.
    static func isPaneIndependent(_ command: Command) -> Bool {
        switch command {
        case .interrupt, .quit, .suspend, .nextPane, .previousPane, .showPane, .toggleHelp, .showProblems, .closeOverlay, .backOut,
             .retrySave, .refresh, .undo, .redo, .takeTheirs, .keepMine, .confirm, .cancel, .openDemo,
             .startAccountReview, .togglePresenting, .showMergeConflicts, .sync:
            return true
        default:
            return false
        }
    }

    private static func mapReason(_ command: Command, in state: AppState) -> String? {
        guard let account = state.selectedAccount else {
            switch command {
            case .undo, .redo, .toggleMapView: break
            default: return "select an account in pane 1 first"
            }
            return nil
        }
        switch command {
        case .edit, .open, .delete, .pickReportsTo, .pickInfluences, .editCoverage, .contactToday:
            return account.people.isEmpty ? "nobody on the map yet: a adds a person" : nil
        case .editRole:
            if account.people.isEmpty { return "nobody on the map yet: a adds a person" }
            return account.objectives.isEmpty ? "no sales objective yet: O adds one" : nil
        case .editObjective, .nextObjective:
            return account.objectives.isEmpty ? "no sales objective yet: O adds one" : nil
        default:
            return historyReason(command, in: state)
        }
    }

    private static func checklistReason(_ command: Command, in state: AppState) -> String? {
        switch command {
        case .add, .openTemplates, .startReview:
            return state.selectedAccount == nil ? "select an account in pane 1 first" : nil
        case .edit, .open, .delete, .mark, .addEvidence, .markReviewed:
            guard let account = state.selectedAccount else { return "select an account in pane 1 first" }
            return account.commitments.isEmpty ? "no commitment yet: t adopts templates, a adds one" : nil
        default:
            return historyReason(command, in: state)
        }
    }

    /// Commands that act on the selected account's details: not on a summary whose file could not be
    /// read. Moving, leaving, the review's walk and everything else still work.
    private static func needsWholeAccount(_ command: Command, in state: AppState) -> Bool {
        if state.modal != nil { return false }
        switch command {
        case .edit, .delete, .mark, .addEvidence, .markReviewed, .startReview, .openTemplates, .editRole, .pickReportsTo,
             .pickInfluences, .editCoverage, .contactToday, .addObjective, .editObjective, .editRelationship, .addMilestone,
             .addProductLine, .handOver, .exportHandover, .recordDecision, .addReviewAction, .closeReviewAction,
             .markAccountReviewed, .keepValue, .showMergeConflicts:
            return state.focus != .book || state.accountReview != nil
        case .add:
            return [.checklist, .influenceMap, .relationship].contains(state.focus) && state.accountReview == nil
        default:
            return false
        }
    }

    private static func relationshipReason(_ command: Command, in state: AppState) -> String? {
        switch command {
        case .undo, .redo: return historyReason(command, in: state)
        case .editStatement: return nil
        default: break
        }
        guard let account = state.selectedAccount else { return "select an account in pane 1 first" }
        if command == .delete {
            let item = RelationshipNavigation.selected(account, chosen: state.relationshipSelection, journalFilter: state.journalFilter)
            return item.removableNoun == nil ? "an element is cleared in its form (e), not removed" : nil
        }
        return nil
    }

    private static func bookReason(_ command: Command, in state: AppState) -> String? {
        switch command {
        case .open:
            guard state.bookDimension == .customer else { return "only a customer opens; v switches to customers" }
            return BookFigures.concentration(state).shares.isEmpty ? "no account in this book has an annual value" : nil
        case .nextOwner:
            return ConcentrationRules.owners(Array(state.accounts.values)).isEmpty ? "no account we sell to has an owner yet" : nil
        default:
            return historyReason(command, in: state)
        }
    }

    /// Undo and redo need something to undo or redo, whichever pane has the focus.
    private static func historyReason(_ command: Command, in state: AppState) -> String? {
        switch command {
        case .undo: return state.undoStack.isEmpty ? "nothing to undo" : nil
        case .redo: return state.redoStack.isEmpty ? "nothing to redo" : nil
        default: return nil
        }
    }
}

extension CommandAvailability {
    /// Sync, repair and the merge-conflicts list; nil when the command is not one of them or can run.
    static func sharingReason(_ command: Command, in state: AppState) -> String? {
        switch command {
        case .showMergeConflicts:
            guard let account = state.selectedAccount else { return "no account is selected" }
            return account.conflicts.isEmpty ? "\(account.name) has no merge conflicts" : nil
        case .sync:
            if !state.canSync { return "this workbook is not shared through git (see README: Sharing with a team)" }
            if !state.unsaved.isEmpty { return "some changes are not saved yet: Ctrl-S first" }
            return nil
        case .repairFromGit:
            guard case .problems = state.modal else { return "it repairs files listed by !" }
            return state.canSync ? nil : "this workbook is not shared through git"
        default:
            return nil
        }
    }
}
