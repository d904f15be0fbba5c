import WorkbookMerge
import WorkbookModel
import WorkbookStorage

/// The open list of an account's merge conflicts (recorded by `workbook merge-driver`), and the row selected.
public struct MergeConflictList: Equatable, Sendable {
    public var accountID: AccountID
    public var selection: Int
    public init(accountID: AccountID, selection: Int = 0) {
        self.accountID = accountID
        self.selection = selection
    }
}

/// Resolving a merge conflict is an ordinary edit: the chosen value goes to its path, the record
/// goes away, and the account is saved and can be undone like any other change.
enum MergeConflictsReducer {
    static func open(_ state: inout AppState) {
        guard let id = state.selectedID else { return }
        state.modal = .mergeConflicts(MergeConflictList(accountID: id))
    }

    static func reduce(_ state: inout AppState, _ list: MergeConflictList, _ command: Command) -> [Effect] {
        guard let account = state.accounts[list.accountID] else {
            state.modal = nil
            return []
        }
        let conflicts = account.conflicts
        var list = list
        switch command {
        case .moveDown: list.selection = min(list.selection + 1, max(0, conflicts.count - 1))
        case .moveUp: list.selection = max(0, list.selection - 1)
        case .cancel, .backOut, .closeOverlay:
            state.modal = nil
            return []
        case .interrupt:
            state.shouldQuit = true
            return [.quit]
        case .keepValue(let index):
            guard conflicts.indices.contains(list.selection) else { return [] }
            let conflict = conflicts[list.selection]
            guard conflict.values.indices.contains(index) else { return [] }
            return resolve(&state, account, conflict, with: conflict.values[index], list: list)
        case .edit:
            guard conflicts.indices.contains(list.selection) else { return [] }
            let conflict = conflicts[list.selection]
            state.modal = .form(EditorForm(purpose: .resolveConflict(account.id, conflict.id), state: FormState(
                title: "Resolve: \(ConflictWording.subject(conflict, in: account))",
                fields: [.text("value", "Value", ConflictWording.editableText(conflict.shown), placeholder: "empty removes it")])))
            return []
        default:
            return []
        }
        state.modal = .mergeConflicts(list)
        return []
    }

    /// Sets the value at the conflict's path (null removes it), drops the record, and saves.
    static func resolve(_ state: inout AppState, _ account: Account, _ conflict: MergeConflict, with value: JSONValue,
                        list: MergeConflictList?) -> [Effect] {
        var document = AccountFileFormat.jsonValue(account)
        JSONPath.set(value, at: conflict.path, in: &document)
        if case .object(var members) = document {
            let kept = (members[JSONMerge.conflictsKey]?.arrayValue ?? []).filter { $0.objectValue?["id"]?.stringValue != conflict.id }
            members[JSONMerge.conflictsKey] = kept.isEmpty ? nil : .array(kept)
            document = .object(members)
        }
        let resolved: Account
        do {
            resolved = try AccountFileFormat.decode(document, fileName: AccountFileFormat.fileName(for: account.id))
        } catch {
            state.message = StatusMessage("That value does not fit: \(error)", kind: .error)
            return []
        }
        let remaining = resolved.conflicts.count
        if let list, remaining > 0 {
            state.modal = .mergeConflicts(MergeConflictList(accountID: account.id, selection: min(list.selection, remaining - 1)))
        } else {
            state.modal = nil
        }
        let subject = ConflictWording.subject(conflict, in: account)
        let effects = AccountsReducer.apply(AccountChange(before: account, after: resolved, label: "resolve \(subject)"), to: &state, select: false)
        state.message = StatusMessage("Resolved \(subject): \(ConflictWording.describe(value))" + (remaining > 0 ? " · \(remaining) left" : " · no conflicts left"))
        return effects
    }

    /// The edit form's answer: text for a text value, else JSON (a number, true/false); empty removes the value.
    static func submit(_ form: EditorForm, accountID: AccountID, conflictID: String, _ state: inout AppState) -> [Effect] {
        guard let account = state.accounts[accountID], let conflict = account.conflicts.first(where: { $0.id == conflictID }) else {
            state.modal = nil
            return []
        }
        let text = form.state.text("value")
        let value: JSONValue
        if text.isEmpty {
            value = .null
        } else if conflict.values.contains(where: { $0.stringValue != nil }) || conflict.shown.stringValue != nil {
            value = .string(text)
        } else if let parsed = try? JSONParser.parse(text) {
            value = parsed
        } else {
            FormReducer.reject(form, errors: ["value": "not a value this field takes (a number, true or false)"], &state)
            return []
        }
        return resolve(&state, account, conflict, with: value, list: nil)
    }
}

/// Conflicts in words: "rating of Dana Wu: 3 on one side, −2 on the other".
public enum ConflictWording {
    /// What the conflict is about, named by the people, commitments and entries it concerns.
    public static func subject(_ conflict: MergeConflict, in account: Account) -> String {
        let document = AccountFileFormat.jsonValue(account)
        var names: [String] = []
        var field: String?
        var current: JSONValue? = document
        for (index, step) in conflict.path.enumerated() {
            let next = current.flatMap { JSONPath.value(at: [step], in: $0) }
            if case .array = current ?? .null {
                names.append(label(of: next ?? elementOf(conflict, step: index), in: document))
            } else if index == conflict.path.count - 1 {
                field = words(step)
            }
            current = next
        }
        if conflict.kind == .missingReference || conflict.kind == .removedAndChanged, field == nil {
            return names.last ?? conflict.path.joined(separator: " › ")
        }
        let owner = names.last.map { " of \($0)" } ?? ""
        return (field ?? conflict.path.last.map(words) ?? "value") + owner
    }

    /// The whole sentence for the list.
    public static func sentence(_ conflict: MergeConflict, in account: Account) -> String {
        let subject = subject(conflict, in: account)
        let first = conflict.values.first.map(describe) ?? "—", second = conflict.values.dropFirst().first.map(describe) ?? "—"
        switch conflict.kind {
        case .removedAndChanged?: return "\(subject): removed on one side, changed on the other (kept meanwhile)"
        case .missingReference?: return "\(subject): removed on one side while the other side started to refer to it (kept meanwhile)"
        case .reportsToLoop?: return "\(subject): the merged reporting lines make a loop; \(first) or \(second)"
        case .addedTwice?: return "\(subject): added on both sides: \(first) on one, \(second) on the other"
        default: return "\(subject): \(first) on one side, \(second) on the other"
        }
    }

    /// A value as a person reads it: text quoted and cut, numbers with a real minus sign, null as "removed".
    public static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: return "removed"
        case .bool(let flag): return flag ? "yes" : "no"
        case .number(let text): return text.hasPrefix("-") ? "\u{2212}" + text.dropFirst() : text
        case .string(let text):
            let line = text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let cut = line.count > 40 ? String(line.prefix(39)) + "…" : line
            return "\u{201C}\(cut)\(text.contains("\n") && line.count <= 40 ? " …" : "")\u{201D}"
        case .array(let items): return items.isEmpty ? "none" : items.map(describe).joined(separator: ", ")
        case .object: return "the entry \(label(of: value))"
        }
    }

    /// The text the edit form starts with.
    static func editableText(_ value: JSONValue) -> String {
        switch value {
        case .null: return ""
        case .string(let text): return text
        default: return String(decoding: CanonicalJSON.encode(value).dropLast(), as: UTF8.self)
        }
    }

    private static func elementOf(_ conflict: MergeConflict, step: Int) -> JSONValue? {
        conflict.values.first { $0 != .null }.flatMap { step == conflict.path.count - 1 ? $0 : nil }
    }

    /// An element's name; an element without one (a buying influence) is named by the person it refers to.
    private static func label(of element: JSONValue?, in document: JSONValue? = nil) -> String {
        let members = element?.objectValue ?? [:]
        func cut(_ text: String) -> String { text.count > 40 ? String(text.prefix(39)) + "…" : text }
        for key in ["name", "title", "what"] {
            if let text = members[key]?.stringValue, !text.isEmpty { return cut(text) }
        }
        if let document {
            for key in ["person", "objective"] {
                if let id = members[key]?.stringValue, let named = document.objectValue?[key == "person" ? "people" : "objectives"]?.arrayValue?
                    .first(where: { $0.objectValue?["id"]?.stringValue == id }) {
                    return label(of: named)
                }
            }
        }
        for key in ["text", "by", "owner", "id"] {
            if let text = members[key]?.stringValue, !text.isEmpty { return cut(text) }
        }
        return "an entry"
    }

    /// `hotButtons` → "hot buttons", `reportsTo` → "reports to".
    static func words(_ key: String) -> String {
        var result = ""
        for character in key {
            if character.isUppercase { result += " " + character.lowercased() } else { result.append(character) }
        }
        return result
    }
}
