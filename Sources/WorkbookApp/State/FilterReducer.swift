/// The `/` filter prompt: typing narrows the list live, Enter keeps the filter, Esc clears it.
enum FilterReducer {
    static func reduce(_ state: inout AppState, _ command: Command) -> [Effect] {
        switch command {
        case .text(let edit):
            state.filterInput.apply(edit)
            setFilter(&state, state.filterInput.text)
        case .acceptFilter:
            state.isEditingFilter = false
            if state.filter.isEmpty { state.message = nil }
        case .clearFilter:
            state.isEditingFilter = false
            state.filterInput = TextInput()
            setFilter(&state, "")
            state.message = StatusMessage("Filter cleared.")
        case .moveDown:
            AccountsReducer.move(&state, by: 1)
        case .moveUp:
            AccountsReducer.move(&state, by: -1)
        case .interrupt:
            state.shouldQuit = true
            return [.quit]
        default:
            break
        }
        return []
    }

    private static func setFilter(_ state: inout AppState, _ text: String) {
        state.filter = text
        state.refreshVisible()
        state.listTop = 0
        AccountsReducer.keepSelectionVisible(&state)
    }
}

/// The help and problems overlays: scroll, then close.
enum OverlayReducer {
    static func reduce(_ state: inout AppState, _ command: Command) -> [Effect] {
        let page = max(1, ScreenLayout(size: state.screenSize).body.height - 4)
        func scrolled(_ offset: Int) {
            switch state.modal {
            case .help(let scroll): state.modal = .help(scroll: max(0, scroll + offset))
            case .problems(let scroll): state.modal = .problems(scroll: max(0, scroll + offset))
            default: break
            }
        }
        switch command {
        case .moveDown: scrolled(1)
        case .moveUp: scrolled(-1)
        case .pageDown: scrolled(page)
        case .pageUp: scrolled(-page)
        case .closeOverlay, .toggleHelp, .showProblems, .backOut, .cancel: state.modal = nil
        case .interrupt:
            state.shouldQuit = true
            return [.quit]
        default: break
        }
        return []
    }
}
