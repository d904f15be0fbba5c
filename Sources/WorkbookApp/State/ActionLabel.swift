/// Undo labels are imperatives ("add “X”", shown as "Undid: add “X”"); the status line reports what
/// just happened, so it turns them into the past tense ("Added “X”.").
enum ActionLabel {
    static let pastTense = [
        "add": "Added", "edit": "Saved", "mark": "Marked", "adopt": "Adopted", "update": "Updated", "remove": "Removed",
        "review": "Reviewed", "delete": "Deleted", "save": "Saved", "contact": "Logged a contact", "hand": "Handed",
    ]

    static func done(_ label: String) -> String {
        let words = label.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
        if let first = words.first, let past = pastTense[String(first)] {
            return past + (words.count > 1 ? " " + words[1] : "") + "."
        }
        return label.prefix(1).uppercased() + label.dropFirst() + "."
    }
}
