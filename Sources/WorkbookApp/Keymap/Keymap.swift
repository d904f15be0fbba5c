import Foundation
import TerminalUI

/// The one table of key bindings: it drives dispatch, the hint bar, the `?` overlay and docs/KEYBINDINGS.md.
public struct Keymap: Sendable {
    public var bindings: [KeyBinding]

    public init(bindings: [KeyBinding]) { self.bindings = bindings }

    /// What the user gets: terminal conventions from vim, less, lazygit and htop.
    public static let standard = Keymap(bindings: [
        KeyBinding([.control("c")], .interrupt, .always, "Quit at once (everything confirmed is already saved)"),
        KeyBinding([.control("p")], .togglePresenting, .always, "Presenting on or off: hide the sensitive fields on screen (PRESENTING shows while on)"),

        KeyBinding([.character("j"), .down], .moveDown, .accounts, "Next account", hint: nil),
        KeyBinding([.character("k"), .up], .moveUp, .accounts, "Previous account"),
        KeyBinding([.character("g"), .home], .moveFirst, .accounts, "First account"),
        KeyBinding([.character("G"), .end], .moveLast, .accounts, "Last account"),
        KeyBinding([.pageDown, .control("f")], .pageDown, .accounts, "Page down"),
        KeyBinding([.pageUp, .control("b")], .pageUp, .accounts, "Page up"),
        KeyBinding([.character("a")], .add, .accounts, "Add an account", hint: "add"),
        KeyBinding([.character("e"), .enter], .edit, .accounts, "Edit the selected account", hint: "edit"),
        KeyBinding([.character("D")], .delete, .accounts, "Delete the selected account (asks first; u undoes)", hint: "delete"),
        KeyBinding([.character("/")], .startFilter, .accounts, "Filter accounts by name, industry, owner or stage", hint: "filter"),
        KeyBinding([.character("s")], .cycleSort, .accounts, "Sort by name, value, next meeting, stage, health", hint: "sort"),
        KeyBinding([.character("v")], .switchAccountsView, .accounts, "Switch the view (compact: → shows details; table: details follow), kept for next time"),
        KeyBinding([.character("C")], .showMergeConflicts, .accounts, "Resolve the selected account's merge conflicts (marked ≠)", hint: "conflicts", hintOnlyWhenAvailable: true),
        KeyBinding([.right, .character("l"), .character(" ")], .showDetails, .accounts, "Show the selected account's details (compact view)", hint: "details", hintOnlyWhenAvailable: true),
        KeyBinding([.character("R")], .startAccountReview, .accounts, "Start an account review: choose the accounts, then one per screen", hint: "review", hintOnlyWhenAvailable: true),
        KeyBinding([.character("d")], .openDemo, .accounts, "Open the demo territory (from an empty workbook)", hint: "demo", hintOnlyWhenAvailable: true),

        KeyBinding([.character("c")], .mark(.kept), .checklist, "Mark the commitment kept", hint: "kept"),
        KeyBinding([.character("l")], .mark(.late), .checklist, "Mark it late (still to deliver)", hint: "late"),
        KeyBinding([.character("b")], .mark(.broken), .checklist, "Mark it broken", hint: "broken"),
        KeyBinding([.character("x")], .mark(.dropped), .checklist, "Mark it dropped (no longer expected)", hint: "drop"),
        KeyBinding([.character("o")], .mark(.open), .checklist, "Reopen it"),
        KeyBinding([.character("a")], .add, .checklist, "Add a commitment of your own", hint: "add"),
        KeyBinding([.character("t")], .openTemplates, .checklist, "Adopt first-meeting commitments from the templates", hint: "templates"),
        KeyBinding([.character("n")], .addEvidence, .checklist, "Add evidence: what was done", hint: "evidence"),
        KeyBinding([.character("r")], .startReview, .checklist, "Review the open and unreviewed commitments one by one", hint: "review"),
        KeyBinding([.character("m")], .markReviewed, .checklist, "Mark the commitment reviewed today"),
        KeyBinding([.character("e"), .enter], .edit, .checklist, "Edit the commitment"),
        KeyBinding([.character("D")], .delete, .checklist, "Delete the commitment (asks first; u undoes)"),
        KeyBinding([.character("]")], .nextAccount, .checklist, "Next account (in the list's order)"),
        KeyBinding([.character("[")], .previousAccount, .checklist, "Previous account"),
        KeyBinding([.character("j"), .down], .moveDown, .checklist, "Next commitment"),
        KeyBinding([.character("k"), .up], .moveUp, .checklist, "Previous commitment"),
        KeyBinding([.character("g"), .home], .moveFirst, .checklist, "First commitment"),
        KeyBinding([.character("G"), .end], .moveLast, .checklist, "Last commitment"),

        KeyBinding([.character("a")], .add, .influenceMap, "Add a person", hint: "person"),
        KeyBinding([.character("b")], .editRole, .influenceMap, "Set their buying role, influence, mode, rating, win and result", hint: "role"),
        KeyBinding([.character("r")], .pickReportsTo, .influenceMap, "Pick whom they report to", hint: "reports to"),
        KeyBinding([.character("i")], .pickInfluences, .influenceMap, "Pick whom they influence (outside the reporting line)", hint: "influences"),
        KeyBinding([.character("c")], .editCoverage, .influenceMap, "Who on our side covers them, and how well", hint: "cover"),
        KeyBinding([.character("t")], .contactToday, .influenceMap, "Mark a contact with them today", hint: "contact"),
        KeyBinding([.character("v")], .toggleMapView, .influenceMap, "Switch between the map and the coverage grid", hint: "grid"),
        KeyBinding([.character("o")], .nextObjective, .influenceMap, "Next sales objective", hint: "objective"),
        KeyBinding([.character("O")], .addObjective, .influenceMap, "Add a sales objective"),
        KeyBinding([.character("P")], .editObjective, .influenceMap, "Edit the objective and our position on it"),
        KeyBinding([.character("e"), .enter], .edit, .influenceMap, "Edit the person"),
        KeyBinding([.character("D")], .delete, .influenceMap, "Remove the person (asks first; u undoes)"),
        KeyBinding([.character("j"), .down], .moveDown, .influenceMap, "Next person in the tree"),
        KeyBinding([.character("k"), .up], .moveUp, .influenceMap, "Previous person in the tree"),
        KeyBinding([.character("h"), .left], .moveToParent, .influenceMap, "Up to their manager"),
        KeyBinding([.character("l"), .right], .moveToChild, .influenceMap, "Down to their first report"),
        KeyBinding([.character("g"), .home], .moveFirst, .influenceMap, "First person"),
        KeyBinding([.character("G"), .end], .moveLast, .influenceMap, "Last person"),
        KeyBinding([.character("]")], .nextAccount, .influenceMap, "Next account"),
        KeyBinding([.character("[")], .previousAccount, .influenceMap, "Previous account"),

        KeyBinding([.character("v"), .right, .character("l")], .nextDimension, .book, "Next dimension: customers, product lines, markets, segments, suppliers", hint: "dimension"),
        KeyBinding([.character("V"), .left, .character("h")], .previousDimension, .book, "Previous dimension"),
        KeyBinding([.character("o")], .nextOwner, .book, "Whose book: the whole workbook, then each owner in turn", hint: "owner"),
        KeyBinding([.enter], .open, .book, "Open the selected customer in pane 1", hint: "open"),
        KeyBinding([.character("j"), .down], .moveDown, .book, "Next slice"),
        KeyBinding([.character("k"), .up], .moveUp, .book, "Previous slice"),
        KeyBinding([.character("g"), .home], .moveFirst, .book, "Largest slice"),
        KeyBinding([.character("G"), .end], .moveLast, .book, "Smallest slice"),
        KeyBinding([.character("S")], .editStatement, .book, "Say what a partnership means to us (a workbook setting)"),

        KeyBinding([.character("r")], .editRelationship, .relationship, "Edit the relationship: type and why, what they mean by partnership, sponsors", hint: "relationship"),
        KeyBinding([.character("e"), .enter], .edit, .relationship, "Edit the selected row (element, milestone, product line, entry, handover note)", hint: "edit"),
        KeyBinding([.character("a")], .add, .relationship, "Add a journal entry", hint: "journal"),
        KeyBinding([.character("m")], .addMilestone, .relationship, "Add a milestone to the shared plan"),
        KeyBinding([.character("p")], .addProductLine, .relationship, "Add a product line they buy"),
        KeyBinding([.character("f")], .cycleJournalFilter, .relationship, "Filter the journal by kind (cycles; all kinds after the last)"),
        KeyBinding([.character("H")], .handOver, .relationship, "Hand the account over to a colleague, with a note", hint: "hand over"),
        KeyBinding([.character("x")], .exportHandover, .relationship, "Write the handover pack (Markdown) to the current folder", hint: "pack"),
        KeyBinding([.character("S")], .editStatement, .relationship, "Say what a partnership means to us (a workbook setting)"),
        KeyBinding([.character("D")], .delete, .relationship, "Remove the selected milestone, product line, journal entry or handover record (asks first; u undoes)"),
        KeyBinding([.character("j"), .down], .moveDown, .relationship, "Next row"),
        KeyBinding([.character("k"), .up], .moveUp, .relationship, "Previous row"),
        KeyBinding([.character("g"), .home], .moveFirst, .relationship, "First row"),
        KeyBinding([.character("G"), .end], .moveLast, .relationship, "Last row"),
        KeyBinding([.character("]")], .nextAccount, .relationship, "Next account"),
        KeyBinding([.character("[")], .previousAccount, .relationship, "Previous account"),

        KeyBinding([.tab], .nextPane, .global, "Next pane"),
        KeyBinding([.backTab], .previousPane, .global, "Previous pane"),
        KeyBinding([.character("1")], .showPane(.accounts), .global, "Accounts pane"),
        KeyBinding([.character("2")], .showPane(.checklist), .global, "Commitment checklist pane"),
        KeyBinding([.character("3")], .showPane(.influenceMap), .global, "Influence map pane"),
        KeyBinding([.character("4")], .showPane(.book), .global, "Book pane: how concentrated the book is"),
        KeyBinding([.character("5")], .showPane(.relationship), .global, "Relationship pane: partnership reality, journal, handover"),
        KeyBinding([.character("R")], .startAccountReview, .global, "Start an account review (from any pane)"),
        KeyBinding([.character("u")], .undo, .global, "Undo the last change", hint: "undo"),
        KeyBinding([.control("r")], .redo, .global, "Redo what was undone"),
        KeyBinding([.control("s")], .retrySave, .global, "Retry saving changes that could not be saved"),
        KeyBinding([.control("l")], .refresh, .global, "Reload files changed on disk (git pull, an editor) and take over a workbook its other user has closed"),
        KeyBinding([.character("!")], .showProblems, .global, "List files that could not be read"),
        KeyBinding([.character("C")], .showMergeConflicts, .global, "Resolve the selected account's merge conflicts (a teammate changed the same field)", hint: "conflicts", hintOnlyWhenAvailable: true),
        KeyBinding([.character("Y")], .sync, .global, "Sync with the team: commit your changes, pull theirs, push (git)", hint: "sync", hintOnlyWhenAvailable: true),
        KeyBinding([.escape], .backOut, .global, "Back out: clear the filter or the message (never quits)"),
        KeyBinding([.control("z")], .suspend, .global, "Suspend to the shell (fg resumes)"),
        KeyBinding([.character("?")], .toggleHelp, .global, "Show all keys", hint: "help"),
        KeyBinding([.character("q")], .quit, .global, "Quit (changes are saved as you make them)", hint: "quit"),

        KeyBinding([.enter], .acceptFilter, .filter, "Keep the filter and go back to the list", hint: "keep"),
        KeyBinding([.escape], .clearFilter, .filter, "Clear the filter", hint: "clear"),
        KeyBinding([.down], .moveDown, .filter, "Next match"),
        KeyBinding([.up], .moveUp, .filter, "Previous match"),

        KeyBinding([.tab, .down], .nextField, .form, "Next field", hint: "next field"),
        KeyBinding([.backTab, .up], .previousField, .form, "Previous field"),
        KeyBinding([.left], .fieldLeft, .form, "Move left, or previous choice"),
        KeyBinding([.right], .fieldRight, .form, "Move right, or next choice (Space too)", hint: "choice"),
        KeyBinding([.enter], .submitForm, .form, "Save the account", hint: "save"),
        KeyBinding([.escape], .cancel, .form, "Cancel without saving", hint: "cancel"),

        KeyBinding([.backspace], .text(.backspace), .textField, "Delete the character before the cursor"),
        KeyBinding([.delete, .control("d")], .text(.deleteForward), .textField, "Delete the character under the cursor"),
        KeyBinding([.home, .control("a")], .text(.moveToStart), .textField, "Cursor to the start"),
        KeyBinding([.end, .control("e")], .text(.moveToEnd), .textField, "Cursor to the end"),
        KeyBinding([.control("u")], .text(.deleteToStart), .textField, "Delete to the start"),
        KeyBinding([.control("k")], .text(.deleteToEnd), .textField, "Delete to the end"),
        KeyBinding([.control("w")], .text(.deleteWordBackward), .textField, "Delete the word before the cursor"),
        KeyBinding([.control("j")], .text(.insert("\n")), .textField, "New line (in notes)"),
        KeyBinding([.left], .text(.moveLeft), .textField, "Cursor left"),
        KeyBinding([.right], .text(.moveRight), .textField, "Cursor right"),

        KeyBinding([.character("y")], .confirm, .confirm, "Yes, do it (Enter is not yes: a reflex must not delete)", hint: "yes"),
        KeyBinding([.character("n"), .escape], .cancel, .confirm, "No, keep it", hint: "no"),

        KeyBinding([.character("q")], .quit, .tooSmall, "Quit", hint: "quit"),

        KeyBinding([.character(" ")], .toggleChoice, .templates, "Tick or untick the template", hint: "tick"),
        KeyBinding([.enter], .confirm, .templates, "Adopt the ticked commitments", hint: "adopt"),
        KeyBinding([.escape], .cancel, .templates, "Close without adopting", hint: "cancel"),
        KeyBinding([.character("j"), .down], .moveDown, .templates, "Next template"),
        KeyBinding([.character("k"), .up], .moveUp, .templates, "Previous template"),

        KeyBinding([.character(" ")], .toggleChoice, .personPicker, "Tick (influences) or pick (reports to)", hint: "tick"),
        KeyBinding([.enter], .confirm, .personPicker, "Save the pick", hint: "save"),
        KeyBinding([.escape], .cancel, .personPicker, "Close without changing", hint: "cancel"),
        KeyBinding([.character("j"), .down], .moveDown, .personPicker, "Next person"),
        KeyBinding([.character("k"), .up], .moveUp, .personPicker, "Previous person"),

        KeyBinding([.character("c")], .mark(.kept), .review, "Kept", hint: "kept"),
        KeyBinding([.character("l")], .mark(.late), .review, "Late", hint: "late"),
        KeyBinding([.character("b")], .mark(.broken), .review, "Broken", hint: "broken"),
        KeyBinding([.character("x")], .mark(.dropped), .review, "Dropped", hint: "drop"),
        KeyBinding([.character("o")], .mark(.open), .review, "Still open (reviewed)", hint: "open"),
        KeyBinding([.character("s"), .character(" ")], .skip, .review, "Skip without reviewing", hint: "skip"),
        KeyBinding([.character("n")], .addEvidence, .review, "Type evidence for this commitment", hint: "evidence"),
        KeyBinding([.escape, .character("q")], .cancel, .review, "Stop the review", hint: "stop"),
        KeyBinding([.enter], .confirm, .reviewEvidence, "Keep the evidence", hint: "keep"),
        KeyBinding([.escape], .cancel, .reviewEvidence, "Discard what was typed", hint: "discard"),

        KeyBinding([.character(" "), .character("n"), .right], .reviewNext, .accountReview, "Next account", hint: "next"),
        KeyBinding([.character("p"), .left], .reviewPrevious, .accountReview, "Previous account", hint: "back"),
        KeyBinding([.character("d")], .recordDecision, .accountReview, "Record a decision about this account", hint: "decide"),
        KeyBinding([.character("a")], .addReviewAction, .accountReview, "Agree an action: what, owner, due", hint: "action"),
        KeyBinding([.character("m")], .markAccountReviewed, .accountReview, "Mark the account reviewed (today, you) and move on", hint: "reviewed"),
        KeyBinding([.enter, .character("v")], .showReviewDetails, .accountReview, "See the whole page: every flag, change and action, uncut"),
        KeyBinding([.character("x")], .closeReviewAction, .accountReview, "Close an agreed action: done or dropped"),
        KeyBinding([.character("P")], .togglePresenting, .accountReview, "Presenting on or off (Ctrl-P anywhere)", hint: "present"),
        KeyBinding([.character("L")], .saveReviewList, .accountReview, "Save this review's accounts as a named list (shared in workbook.json)"),
        KeyBinding([.character("t")], .cycleReviewTimer, .accountReview, "Timer per account: off, 2, 3, 5, 10 minutes"),
        KeyBinding([.character("u")], .undo, .accountReview, "Undo the last change"),
        KeyBinding([.control("r")], .redo, .accountReview, "Redo what was undone"),
        KeyBinding([.control("s")], .retrySave, .accountReview, "Retry saving changes that could not be saved"),
        KeyBinding([.control("l")], .refresh, .accountReview, "Reload files changed on disk"),
        KeyBinding([.character("?")], .toggleHelp, .accountReview, "Show all keys", hint: "help"),
        KeyBinding([.escape, .character("q")], .endAccountReview, .accountReview, "End the review (back to the panes)", hint: "end"),

        KeyBinding([.character("t")], .takeTheirs, .conflict, "Take the version on disk (yours is dropped)", hint: "theirs"),
        KeyBinding([.character("m")], .keepMine, .conflict, "Keep yours: save it over the version on disk", hint: "mine"),
        KeyBinding([.escape], .cancel, .conflict, "Decide later (your change stays unsaved)", hint: "later"),

        KeyBinding([.character("1")], .keepValue(0), .mergeConflicts, "Keep the first value", hint: "keep 1st"),
        KeyBinding([.character("2")], .keepValue(1), .mergeConflicts, "Keep the second value", hint: "keep 2nd"),
        KeyBinding([.character("e"), .enter], .edit, .mergeConflicts, "Type the value yourself", hint: "edit"),
        KeyBinding([.character("j"), .down], .moveDown, .mergeConflicts, "Next conflict"),
        KeyBinding([.character("k"), .up], .moveUp, .mergeConflicts, "Previous conflict"),
        KeyBinding([.escape, .character("q")], .cancel, .mergeConflicts, "Close (the conflicts stay recorded)", hint: "close"),

        KeyBinding([.character("R")], .repairFromGit, .overlay, "Repair files a stopped git merge left with markers (merges git's three versions again)", hint: "repair", hintOnlyWhenAvailable: true),
        KeyBinding([.character("j"), .down], .moveDown, .overlay, "Scroll down"),
        KeyBinding([.character("k"), .up], .moveUp, .overlay, "Scroll up"),
        KeyBinding([.pageDown, .character(" ")], .pageDown, .overlay, "Page down"),
        KeyBinding([.pageUp], .pageUp, .overlay, "Page up"),
        KeyBinding([.character("g"), .home], .moveFirst, .overlay, "Top"),
        KeyBinding([.character("G"), .end], .moveLast, .overlay, "Bottom"),
        KeyBinding([.escape, .character("q"), .character("?"), .character("!")], .closeOverlay, .overlay, "Close", hint: "close"),
    ])

    /// The scopes that take keys in `state`, most specific first.
    public static func scopes(for state: AppState) -> [KeyScope] {
        // Keys must not act on what the user cannot see.
        if ScreenLayout(size: state.screenSize).isTooSmall { return [.always, .tooSmall] }
        switch state.modal {
        case .form: return [.always, .form, .textField]
        case .confirmDelete, .confirmQuit, .confirmDeleteCommitment, .confirmDiscard, .confirmDeleteItem: return [.always, .confirm]
        case .templates: return [.always, .templates]
        case .personPicker: return [.always, .personPicker]
        case .resolveConflicts: return [.always, .conflict]
        case .confirmDeletePerson: return [.always, .confirm]
        case .review(let walk): return walk.evidenceInput == nil ? [.always, .review] : [.always, .reviewEvidence, .textField]
        case .help, .problems, .reviewDetails: return [.always, .overlay]
        case .mergeConflicts: return [.always, .mergeConflicts]
        case nil: break
        }
        if state.accountReview != nil { return [.always, .accountReview] }
        if state.isEditingFilter { return [.always, .filter, .textField] }
        switch state.focus {
        case .accounts: return [.always, .accounts, .global]
        case .checklist: return [.always, .checklist, .global]
        case .influenceMap: return [.always, .influenceMap, .global]
        case .book: return [.always, .book, .global]
        case .relationship: return [.always, .relationship, .global]
        }
    }

    /// The action a key stands for in `state`: a command, typed text, or a refusal with its reason.
    public func resolve(_ key: Key, in state: AppState) -> AppAction? {
        let scopes = Keymap.scopes(for: state)
        for scope in scopes {
            if let binding = bindings.first(where: { $0.scope == scope && $0.keys.contains(key) }) {
                if let reason = CommandAvailability.disabledReason(binding.command, in: state) {
                    // The action's name without its parenthetical, so the status line stays short.
                    let action = binding.help.components(separatedBy: " (").first ?? binding.help
                    return .rejected("\(action): \(reason)")
                }
                return .command(binding.command)
            }
        }
        if scopes.contains(.textField), case .character(let character) = key {
            return .command(.text(.insert(String(character))))
        }
        return nil
    }

    /// Bindings shown in the hint bar for `state`, in table order, each with its disabled reason if any.
    public func hints(for state: AppState) -> [(binding: KeyBinding, disabledReason: String?)] {
        let scopes = Keymap.scopes(for: state)
        var seen = Set<Command>()
        var result: [(KeyBinding, String?)] = []
        for scope in scopes {
            for binding in bindings where binding.scope == scope && binding.hint != nil && !seen.contains(binding.command) {
                let reason = CommandAvailability.disabledReason(binding.command, in: state)
                if reason != nil, binding.hintOnlyWhenAvailable { continue }
                seen.insert(binding.command)
                result.append((binding, reason))
            }
        }
        return result
    }
}
