/// An edit to a one-line text field, as typed.
public enum TextEdit: Hashable, Sendable {
    case insert(String)
    case backspace
    case deleteForward
    case moveLeft, moveRight, moveToStart, moveToEnd
    case deleteToStart, deleteToEnd, deleteWordBackward
}

/// A one-line text being edited, with a cursor between graphemes.
public struct TextInput: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// Grapheme index of the cursor, 0…count.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }

    /// Typed or pasted text without terminal control characters (escape sequences never get into a
    /// file); tabs become spaces, newlines too unless the field keeps them.
    public static func cleaned(_ text: String, keepingNewlines: Bool) -> String {
        var result = ""
        for character in text {
            if character.isNewline {
                result.append(keepingNewlines ? "\n" : " ")
                continue
            }
            if character == "\t" {
                result.append(" ")
                continue
            }
            let isControl = character.unicodeScalars.contains { scalar in
                scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
            }
            if !isControl { result.append(character) }
        }
        return result
    }

    public mutating func apply(_ edit: TextEdit) {
        switch edit {
        case .insert(let text):
            let new = Array(text)
            characters.insert(contentsOf: new, at: cursor)
            cursor += new.count
        case .backspace:
            guard cursor > 0 else { return }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .deleteForward:
            guard cursor < characters.count else { return }
            characters.remove(at: cursor)
        case .moveLeft:
            cursor = max(0, cursor - 1)
        case .moveRight:
            cursor = min(characters.count, cursor + 1)
        case .moveToStart:
            cursor = 0
        case .moveToEnd:
            cursor = characters.count
        case .deleteToStart:
            characters.removeFirst(cursor)
            cursor = 0
        case .deleteToEnd:
            characters.removeLast(characters.count - cursor)
        case .deleteWordBackward:
            var start = cursor
            while start > 0, characters[start - 1].isWhitespace { start -= 1 }
            while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        }
    }
}
