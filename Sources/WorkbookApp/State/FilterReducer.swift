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
        state.refreshVisible(accountsChanged: false)
        state.listTop = 0
        AccountsReducer.keepSelectionVisible(&state)
    }
}

/// The help and problems overlays: scroll, then close.
enum OverlayReducer {
    static func reduce(_ state: inout AppState, _ command: Command) -> [Effect] {
        let page = max(1, ScreenLayout(size: state.screenSize).body.height - 4)
        // The same lines the view draws, so scrolling stops at the last one.
        let lastTop = max(0, OverlayContent.lines(for: state).count - page)
        func scrolled(_ offset: Int) {
            switch state.modal {
            case .help(let scroll): state.modal = .help(scroll: min(lastTop, max(0, scroll + offset)))
            case .problems(let scroll): state.modal = .problems(scroll: min(lastTop, max(0, scroll + offset)))
            case .reviewDetails(let scroll): state.modal = .reviewDetails(scroll: min(lastTop, max(0, scroll + offset)))
            default: break
            }
        }
        switch command {
        case .moveDown: scrolled(1)
        case .moveUp: scrolled(-1)
        case .pageDown: scrolled(page)
        case .pageUp: scrolled(-page)
        case .moveFirst: scrolled(-lastTop - 1)
        case .moveLast: scrolled(lastTop + 1)
        case .closeOverlay, .toggleHelp, .showProblems, .backOut, .cancel: state.modal = nil
        case .interrupt:
            state.shouldQuit = true
            return [.quit]
        default: break
        }
        return []
    }
}
