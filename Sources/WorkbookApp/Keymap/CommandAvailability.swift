/// Why a command cannot run right now, so a key never fails silently and the help can grey it out.
public enum CommandAvailability {
    public static func disabledReason(_ command: Command, in state: AppState) -> String? {
        switch command {
        case .add, .undo, .redo, .delete, .edit, .open, .retrySave:
            if let reason = state.readOnlyReason { return "the workbook is read-only (\(reason))" }
        default:
            break
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
}
