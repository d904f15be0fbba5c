import WorkbookModel

extension AppState {
    /// What the list index keeps of every account for the next start: its summary and digest (a
    /// whole account is summarised and its figures worked out here). An account with a change that
    /// is not on disk is left out: the index must describe the files.
    /// Listed accounts first, in list order (by name, when that is the sort), then archived ones:
    /// the next open hands them to the list in this order, which makes its first sort one pass.
    public var listIndexEntries: [(summary: Account, digest: AccountDigest)] {
        func entry(_ account: Account) -> (summary: Account, digest: AccountDigest)? {
            if unsaved.contains(account.id) { return nil }
            if summaryOnly.contains(account.id) {
                return (account, digests[account.id] ?? AccountDigest(hasMergeConflicts: false, rules: nil))
            }
            return (account.listSummary, AccountDigest(of: account, today: today, settings: settings))
        }
        var entries: [(summary: Account, digest: AccountDigest)] = []
        entries.reserveCapacity(accounts.count)
        for id in listOrder.ordered { if let account = accounts[id], let made = entry(account) { entries.append(made) } }
        // Archived accounts are not listed (nor, should the order lag, any other it does not list).
        let listed: Set<AccountID> = listOrder.hasKeys ? [] : Set(listOrder.ordered)
        for account in accounts.values where !(listOrder.hasKeys ? listOrder.lists(account.id) : listed.contains(account.id)) {
            if let made = entry(account) { entries.append(made) }
        }
        return entries
    }

    /// What order `listIndexEntries` come in, for the list index (empty: none to trust).
    public var listIndexOrderTag: String { listOrder.sort == .name ? AccountListOrder.nameOrderTag : "" }

    /// The day and thresholds the digests' rule figures hold for.
    public var rulesKey: String { AccountDigest.rulesKey(today: today, settings: settings) }
}
