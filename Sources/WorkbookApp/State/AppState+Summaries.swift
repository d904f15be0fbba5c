import WorkbookModel
import WorkbookStorage

/// Accounts known by their summaries: opening, releasing and the figures their digests keep.
extension AppState {
    /// Puts a whole account in place of what was known of it (a summary, or an older version).
    public mutating func setWhole(_ account: Account) {
        accounts[account.id] = account
        summaryOnly.remove(account.id)
        digests.removeValue(forKey: account.id)
    }

    /// Drops an unchanged account's details, keeping its summary and digest (what the list shows of
    /// it stays the same); it is read again when it is opened.
    public mutating func releaseDetails(_ id: AccountID) {
        guard let account = accounts[id], !summaryOnly.contains(id), !unsaved.contains(id) else { return }
        digests[id] = AccountDigest(of: account, today: today, settings: settings)
        accounts[id] = account.listSummary
        summaryOnly.insert(id)
    }

    /// Takes in an account opened from its summary: the same account with its details, so the list
    /// keeps its place (its summary listed the same fields).
    public mutating func takeOpened(_ account: Account) {
        guard summaryOnly.contains(account.id) else { return }
        let summary = accounts[account.id]
        setWhole(account)
        // An order still without keys needs none here unless the file changed what the list shows.
        if listOrder.hasKeys || !(summary.map { AccountListKey.listsAlike($0, account) } ?? false) {
            refreshVisible(changed: [account.id])
        }
        AccountsReducer.keepSelectionVisible(&self)
    }

    /// Drops the rule figures of summary-only accounts (they held for another day): they show as
    /// pending until worked out again.
    public mutating func forgetRuleFigures() {
        guard !summaryOnly.isEmpty else { return }
        for id in summaryOnly { digests[id]?.rules = nil }
        isWorkingOutHealth = true
        if sort == .health { refreshVisible() }
    }

    /// Takes in rule figures worked out again for summary-only accounts (for today, under these thresholds).
    public mutating func takeDigests(_ worked: [AccountID: AccountDigest]) {
        for (id, digest) in worked where summaryOnly.contains(id) { digests[id] = digest }
        isWorkingOutHealth = false
        if sort == .health { refreshVisible() }
        // A "still being worked out" refusal on screen is answered now: say that it can be done.
        if message?.text.contains(CommandAvailability.workingOutHealth) == true {
            message = StatusMessage("Health is worked out for all \(liveCount) accounts: everything works now.")
        }
    }

    /// The account's health today under the workbook's thresholds (docs/RULES.md). For a summary-only
    /// account it is the score its digest keeps, without the reasons (they show once it is opened);
    /// nil while that is being worked out.
    public func health(of account: Account) -> AccountHealth? {
        if summaryOnly.contains(account.id) {
            guard let rules = digests[account.id]?.rules, let score = hidesRatings ? rules.healthHidingRatings : rules.health else { return nil }
            return AccountHealth(score: score, reasons: [])
        }
        return HealthRules.health(account, today: today, settings: settings, ignoringRatingFlags: hidesRatings)
    }

    /// True while the account's health is not known yet (summary-only, figures being worked out).
    public func isHealthPending(_ account: Account) -> Bool {
        isWorkingOutHealth && summaryOnly.contains(account.id) && digests[account.id]?.rules == nil && !account.isArchived
            && account.stage != .lost
    }

    /// Lists a file that could not be read, in place of what was said of it before.
    public mutating func note(_ problem: StorageProblem) {
        problems.removeAll { $0.file == problem.file }
        problems.append(problem)
    }

    /// At least one red flag the review's "flagged accounts" counts (from the digest for a summary-only account).
    public func isFlagged(_ account: Account) -> Bool {
        if summaryOnly.contains(account.id) { return digests[account.id]?.rules?.isFlagged ?? false }
        return AccountFlags.isFlagged(account, today: today, settings: settings)
    }

    /// Merge conflicts wait for a choice in the account (the list's ≠ badge).
    public func hasMergeConflicts(_ account: Account) -> Bool {
        summaryOnly.contains(account.id) ? digests[account.id]?.hasMergeConflicts ?? false : account.hasMergeConflicts
    }
}
