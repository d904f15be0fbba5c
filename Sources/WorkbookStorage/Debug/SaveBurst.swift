import WorkbookModel

/// `workbook debug-save-burst`: saves in a tight loop through `FileWorkbookStore`, for the crash
/// test that SIGKILLs the process at random moments.
///
/// It works on accounts `burst-0` … `burst-<accounts - 1>` (created when missing). Each step takes
/// the next account in turn, sets its notes to `n=<counter> ` plus a run of `x` whose length varies
/// (so file sizes change), saves it, and only then reports `saved <id> <counter>`: that line is the
/// confirmation the test holds the workbook to. Counters continue from what is on disk, so a run
/// after a kill carries on.
public enum SaveBurst {
    /// Runs `count` saves (forever when `count` is 0); throws when the workbook cannot be opened
    /// for writing (e.g. another instance holds the lock) or a save fails.
    public static func run(directory: String, count: Int, accounts: Int, confirm: (String) -> Void) throws {
        let store = FileWorkbookStore(directory: directory)
        let workbook = try store.load()
        if let reason = workbook.readOnlyReason { throw StorageError(reason, kind: .readOnly) }
        let width = max(1, accounts)
        var current: [Account] = []
        for index in 0..<width {
            let id = AccountID("burst-\(index)")
            if let existing = workbook.accounts.first(where: { $0.id == id }) {
                current.append(existing)
            } else {
                current.append(try newAccount(id, index: index))
            }
        }
        var step = 0
        while count == 0 || step < count {
            let slot = step % width
            var account = current[slot]
            let counter = (counterValue(account.notes) ?? 0) + 1
            account.notes = "n=\(counter) " + String(repeating: "x", count: (counter * 37) % 300)
            try store.save(account)
            current[slot] = account
            confirm("saved \(account.id) \(counter)")
            step += 1
        }
    }

    /// The counter in notes written by a burst: `n=<counter> …`.
    public static func counterValue(_ notes: String) -> Int? {
        guard notes.hasPrefix("n=") else { return nil }
        return Int(notes.dropFirst(2).prefix { $0 != " " })
    }

    /// Built from the file format, so this code does not depend on `Account`'s initializer.
    private static func newAccount(_ id: AccountID, index: Int) throws -> Account {
        let document: JSONValue = .object([
            "formatVersion": .integer(FormatVersion.current), "id": .string(id.rawValue), "name": .string("Burst \(index)"),
            "stage": .string(RelationshipStage.allCases[0].rawValue), "notes": .string("n=0"),
        ])
        do {
            return try AccountFileFormat.decode(document)
        } catch {
            throw StorageError("cannot make the burst account: \(error)")
        }
    }
}
