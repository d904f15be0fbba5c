/// The answer to a yes/no question: `y` runs the action, `n` or Esc closes with a message, Ctrl-C quits.
enum ConfirmationReducer {
    static func answer(_ command: Command, _ state: inout AppState, declined: String, yes: (inout AppState) -> [Effect]) -> [Effect] {
        switch command {
        case .confirm:
            state.modal = nil
            return yes(&state)
        case .cancel, .backOut:
            state.modal = nil
            state.message = StatusMessage(declined)
        case .interrupt:
            state.shouldQuit = true
            return [.quit]
        default:
            break
        }
        return []
    }
}
