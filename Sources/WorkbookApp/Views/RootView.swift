import TerminalUI

/// Draws the whole screen for a state: a pure function from state to cells.
public enum RootView {
    /// Renders `state` into a fresh buffer of the state's screen size; returns the buffer and where the cursor goes.
    public static func render(_ state: AppState, theme: Theme, keymap: Keymap = .standard) -> (Buffer, CursorPosition?) {
        var buffer = Buffer(size: state.screenSize, filling: Cell(" ", style: theme[.base]))
        let cursor = render(state, theme: theme, keymap: keymap, into: &buffer)
        return (buffer, cursor)
    }

    static func render(_ state: AppState, theme: Theme, keymap: Keymap, into buffer: inout Buffer) -> CursorPosition? {
        // Presenting: every view below draws from the masked copy, so no sensitive value can reach the grid.
        let state = PresentingMask.apply(state)
        let layout = ScreenLayout(size: state.screenSize, accounts: state.accountsShape)
        if state.screenSize.width == 0 || state.screenSize.height == 0 { return nil }
        if layout.isTooSmall {
            TooSmallView.render(state.screenSize, theme: theme, into: &buffer)
            return nil
        }
        TitleBarView.render(state, theme: theme, into: &buffer, rect: layout.titleBar)
        switch state.focus {
        case _ where state.accountReview != nil:
            AccountReviewView.render(state, theme: theme, into: &buffer, rect: layout.body)
        case .accounts:
            // The compact view's list is names and health beside wide details; without room for
            // them (a narrow terminal) the list shows its columns whatever the view.
            let compact = state.accountsShape == .compact && !layout.details.isEmpty
            AccountsListView.render(state, theme: theme, into: &buffer, rect: layout.list, focused: state.modal == nil, compact: compact)
            if !layout.details.isEmpty { AccountDetailView.render(state, theme: theme, into: &buffer, rect: layout.details) }
        case .checklist:
            ChecklistView.render(state, theme: theme, into: &buffer, rect: layout.body)
        case .influenceMap:
            InfluenceMapView.render(state, theme: theme, into: &buffer, rect: layout.body)
        case .book:
            BookView.render(state, theme: theme, into: &buffer, rect: layout.body)
        case .relationship:
            RelationshipView.render(state, theme: theme, into: &buffer, rect: layout.body)
        }
        var cursor = StatusLineView.render(state, theme: theme, into: &buffer, rect: layout.statusLine)
        HintBarView.render(state, keymap: keymap, theme: theme, into: &buffer, rect: layout.hintBar)
        switch state.modal {
        case .form(let form):
            cursor = FormView.render(form.state, theme: theme, into: &buffer, area: layout.body)
        case .confirmDelete(let id):
            let name = state.accounts[id]?.name ?? id.rawValue
            QuestionDialog.render(
                question: "Delete \u{201C}\(name)\u{201D}? It is archived inside its file, so a teammate's edits are not lost, and u undoes it.",
                title: "Delete account", footer: "y delete · n keep", theme: theme, into: &buffer, area: layout.body)
        case .confirmQuit:
            QuestionDialog.unsavedOnQuit(state, theme: theme, into: &buffer, area: layout.body)
        case .personPicker(let picker):
            PersonPickerView.render(picker, theme: theme, into: &buffer, area: layout.body)
        case .confirmDeletePerson(let accountID, let id):
            let name = state.accounts[accountID]?.person(id)?.name ?? ""
            QuestionDialog.render(question: "Remove \u{201C}\(name)\u{201D} from the map, with their buying roles? u undoes it.",
                                     title: "Remove person", footer: "y remove · n keep", theme: theme, into: &buffer, area: layout.body)
        case .resolveConflicts:
            let names = state.conflicts.compactMap { state.accounts[$0]?.name }.sorted().joined(separator: ", ")
            QuestionDialog.render(
                question: "Changed both here and on disk (a git pull, an editor): \(names). t takes the version on disk and drops yours; m keeps yours and saves it over theirs.",
                title: "Whose version wins?", footer: "t theirs · m mine · Esc later", theme: theme, into: &buffer, area: layout.body)
        case .confirmDiscard:
            QuestionDialog.render(question: "Discard what you typed in this form?", title: "Discard changes", footer: "y discard · n back to the form",
                                     theme: theme, into: &buffer, area: layout.body)
        case .confirmDeleteCommitment(let accountID, let id):
            let text = state.accounts[accountID]?.commitment(id)?.text ?? ""
            QuestionDialog.render(question: "Delete the commitment \u{201C}\(text)\u{201D}? u undoes it.", title: "Delete commitment",
                                     footer: "y delete · n keep", theme: theme, into: &buffer, area: layout.body)
        case .templates(let picker):
            TemplatePickerView.render(picker, theme: theme, into: &buffer, area: layout.body)
        case .review(let walk):
            cursor = ReviewWalkView.render(walk, state: state, theme: theme, into: &buffer, area: layout.body)
        case .confirmDeleteItem(let accountID, let item):
            QuestionDialog.render(question: "Remove the \(item.removableNoun ?? "row") \u{201C}\(state.accounts[accountID].map { RelationshipNavigation.summary(of: item, in: $0) } ?? "")\u{201D} from \(state.accounts[accountID]?.name ?? "the account")? u undoes it.",
                                  title: "Remove", footer: "y remove · n keep", theme: theme, into: &buffer, area: layout.body)
        case .help(let scroll):
            ScrollingOverlayView.render(title: "Keys", lines: OverlayContent.lines(for: state), scroll: scroll, theme: theme, into: &buffer, area: layout.body)
        case .reviewDetails(let scroll):
            let name = state.accountReview?.currentID.flatMap { state.accounts[$0]?.name } ?? ""
            ScrollingOverlayView.render(title: "Everything on \u{201C}\(name)\u{201D}", lines: OverlayContent.lines(for: state), scroll: scroll,
                                        theme: theme, into: &buffer, area: layout.body)
        case .problems(let scroll):
            ScrollingOverlayView.render(title: "Unreadable files", lines: OverlayContent.lines(for: state), scroll: scroll, theme: theme, into: &buffer, area: layout.body)
        case .mergeConflicts(let list):
            MergeConflictsView.render(list, state: state, theme: theme, into: &buffer, area: layout.body)
        case nil:
            break
        }
        return cursor
    }
}

/// Shown instead of the layout when the terminal is too small; it recovers by itself on resize.
enum TooSmallView {
    static func render(_ size: Size, theme: Theme, into buffer: inout Buffer) {
        let minimum = ScreenLayout.minimumSize
        EmptyStateView.render(theme: theme, into: &buffer, rect: Rect(size: size), lines: [
            "Enlarge the terminal",
            "Account Workbook needs \(minimum.width)×\(minimum.height); this one is \(size.width)×\(size.height).",
            "q quits.",
        ])
    }
}
