import WorkbookModel

/// What a key binding asks the app to do; the reducer gives each its meaning in the current state.
public enum Command: Hashable, Sendable {
    case moveUp, moveDown, moveFirst, moveLast, pageUp, pageDown
    case nextPane, previousPane, showPane(Pane)
    case open, add, edit, delete
    case startFilter, acceptFilter, clearFilter
    case cycleSort
    /// The compact view's details: show the selected account there; `v` switches compact and table.
    case showDetails, switchAccountsView
    case undo, redo
    case toggleHelp, showProblems, closeOverlay
    case backOut
    case quit, interrupt, suspend
    case openDemo
    case retrySave, refresh, takeTheirs, keepMine
    case confirm, cancel
    case nextField, previousField, fieldLeft, fieldRight, submitForm
    case text(TextEdit)
    case mark(CommitmentStatus), addEvidence, markReviewed, startReview, openTemplates, toggleChoice, skip
    case previousAccount, nextAccount
    case moveToParent, moveToChild, editRole, pickReportsTo, pickInfluences, editCoverage, contactToday
    case nextObjective, addObjective, editObjective, toggleMapView
    case editRelationship, addMilestone, addProductLine, handOver, cycleJournalFilter, exportHandover, editStatement
    case nextDimension, previousDimension, nextOwner
    /// Sharing through git: the merge-conflicts list, keeping one of its values, sync, repair.
    case showMergeConflicts, keepValue(Int), sync, repairFromGit
    // The account review (R) and presenting.
    case startAccountReview, endAccountReview, reviewNext, reviewPrevious, recordDecision, addReviewAction, closeReviewAction
    case markAccountReviewed, cycleReviewTimer, togglePresenting, showReviewDetails, saveReviewList
}

/// Where a binding applies. The keymap tries the scopes of the current state in order.
public enum KeyScope: String, CaseIterable, Sendable {
    case always = "Everywhere"
    case global = "Global"
    case accounts = "Accounts pane"
    case filter = "Filter"
    case form = "Form"
    case textField = "Text fields"
    case confirm = "Confirmation"
    case checklist = "Checklist pane"
    case templates = "Template picker"
    case influenceMap = "Influence map pane"
    case book = "Book pane"
    case relationship = "Relationship pane"
    case personPicker = "Person picker"
    case conflict = "Changed here and on disk"
    case mergeConflicts = "Merge conflicts"
    case review = "Review walk"
    case accountReview = "Account review"
    case reviewEvidence = "Review: typing evidence"
    case overlay = "Help and lists"
    case tooSmall = "Terminal too small"
}
