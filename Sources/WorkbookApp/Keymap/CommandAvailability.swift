/// Why a command cannot run right now, so a key never fails silently and the help can grey it out.
public enum CommandAvailability {
    public static func disabledReason(_ command: Command, in state: AppState) -> String? {
        switch command {
        case .add, .undo, .redo, .delete, .edit, .open, .retrySave, .mark, .addEvidence, .markReviewed, .startReview, .openTemplates:
            if let reason = state.readOnlyReason { return "the workbook is read-only (\(reason))" }
        default:
            break
        }
        if state.focus == .checklist, state.modal == nil {
            return checklistReason(command, in: state)
        }
        switch command {
        case .edit, .open, .delete:
            return state.selectedAccount == nil ? "no account is selected" : nil
        case .undo:
            return state.undoStack.isEmpty ? "nothing to undo" : nil
        case .redo:
            return state.redoStack.isEmpty ? "nothing to redo" : nil
        case .openDemo:
            return state.liveAccounts.isEmpty ? nil : "the demo opens from an empty workbook; run `workbook --demo` to try it"
        case .showProblems:
            return state.problems.isEmpty ? "every file was read" : nil
        case .retrySave:
            return state.unsaved.isEmpty ? "every change is saved" : nil
        default:
            return nil
        }
    }

    private static func checklistReason(_ command: Command, in state: AppState) -> String? {
        switch command {
        case .add, .openTemplates, .startReview:
            return state.selectedAccount == nil ? "select an account in pane 1 first" : nil
        case .edit, .open, .delete, .mark, .addEvidence, .markReviewed:
            guard let account = state.selectedAccount else { return "select an account in pane 1 first" }
            return account.commitments.isEmpty ? "no commitment yet: t adopts templates, a adds one" : nil
        case .undo:
            return state.undoStack.isEmpty ? "nothing to undo" : nil
        case .redo:
            return state.redoStack.isEmpty ? "nothing to redo" : nil
        default:
            return nil
        }
    }
}
