import WorkbookModel

/// Pane 4: the book's concentration along one dimension, for the whole workbook or one owner.
enum BookReducer {
    static func reduce(_ state: inout AppState, _ command: Command) -> [Effect] {
        let figures = BookFigures.concentration(state)
        if let moved = ListCursor.moved(state.bookSelection, by: command, count: figures.shares.count) {
            state.bookSelection = moved
            return []
        }
        switch command {
        case .nextDimension, .previousDimension:
            let all = BookDimension.allCases
            let step = command == .nextDimension ? 1 : all.count - 1
            state.bookDimension = all[(all.firstIndex(of: state.bookDimension)! + step) % all.count]
            state.bookSelection = 0
        case .nextOwner:
            let owners: [String?] = [nil] + ConcentrationRules.owners(Array(state.accounts.values))
            let index = owners.firstIndex(of: state.bookOwner) ?? 0
            state.bookOwner = owners[(index + 1) % owners.count]
            state.bookSelection = 0
            state.message = StatusMessage("Book: " + BookFigures.scopeTitle(state.bookOwner))
        case .open:
            guard figures.shares.indices.contains(state.bookSelection), let id = figures.shares[state.bookSelection].accountID else { break }
            if !state.isVisible(id) {
                // The filter hides the customer: clear it rather than open nothing.
                _ = FilterReducer.reduce(&state, .clearFilter)
            }
            state.selectedID = id
            state.focus = .accounts
            AccountsReducer.keepSelectionVisible(&state)
        case .editStatement:
            state.modal = .form(RelationshipForms.statement(state.settings))
        default:
            break
        }
        return []
    }
}

/// What the book pane shows, computed from the state (never stored: shares are not data).
enum BookFigures {
    static func concentration(_ state: AppState) -> Concentration {
        concentration(state, dimension: state.bookDimension, owner: state.bookOwner)
    }

    static func concentration(_ state: AppState, dimension: BookDimension, owner: String?) -> Concentration {
        let book = ConcentrationRules.bookAccounts(Array(state.accounts.values), owner: owner)
        return ConcentrationRules.concentration(of: book, by: dimension, thresholds: state.settings.concentrationThresholds)
    }

    static func scopeTitle(_ owner: String?) -> String {
        guard let owner else { return "the whole workbook" }
        return owner.isEmpty ? "accounts with no owner" : "\(owner)'s book"
    }
}
