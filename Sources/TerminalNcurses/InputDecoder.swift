import TerminalUI

/// Puts raw input together into events: Esc versus sequences ncurses left undecoded, and bracketed pastes.
struct InputDecoder {
    /// What the terminal sends around pasted text when bracketed paste is on.
    static let pasteStart = codes("\u{1B}[200~")
    static let pasteEnd = codes("\u{1B}[201~")

    /// What an escape sequence ncurses did not recognise turns into.
    private enum Completion {
        case paste
        case key(Key)
    }

    /// Sequences that terminfo may not list for $TERM: the paste start, and the Home/End variants that
    /// tmux, screen and rxvt send whatever TERM says (ncurses recognises the ones terminfo lists itself).
    private static let sequences: [(codes: [UInt32], completion: Completion)] = [
        (pasteStart, .paste),
        (codes("\u{1B}[1~"), .key(.home)), (codes("\u{1B}[7~"), .key(.home)),
        (codes("\u{1B}[H"), .key(.home)), (codes("\u{1B}OH"), .key(.home)),
        (codes("\u{1B}[4~"), .key(.end)), (codes("\u{1B}[8~"), .key(.end)),
        (codes("\u{1B}[F"), .key(.end)), (codes("\u{1B}OF"), .key(.end)),
    ]

    private static func codes(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    private enum State {
        case idle
        /// After ESC: the codes so far, while they could still become one of `sequences`.
        case escape([UInt32])
        /// Inside a paste: the text so far and how much of the end marker has been seen.
        case paste(String.UnicodeScalarView, matched: Int, lastWasCarriageReturn: Bool)
    }

    private var state = State.idle
    private let keyName: (Int32) -> String?

    /// `keyName` names codes above KEY_MAX (ncurses' `keyname`); tests leave it out.
    init(keyName: @escaping (Int32) -> String? = { _ in nil }) {
        self.keyName = keyName
    }

    /// True while an ESC waits to see whether a known sequence (a paste start) follows.
    var isWaitingAfterEscape: Bool {
        if case .escape = state { return true }
        return false
    }

    /// True while a paste is being collected.
    var isInPaste: Bool {
        if case .paste = state { return true }
        return false
    }

    /// Feeds one unit; returns the events it completes (often none, sometimes several).
    mutating func feed(_ input: RawInput) -> [InputEvent] {
        var events: [InputEvent] = []
        feed(input, into: &events)
        return events
    }

    /// Called when no more input came in time: a lone ESC is the Esc key; a paste ends with what arrived.
    mutating func timeout() -> [InputEvent] {
        switch state {
        case .idle:
            return []
        case .escape(let pending):
            state = .idle
            var events: [InputEvent] = [.key(.escape)]
            for code in pending.dropFirst() { feed(.character(code), into: &events) }
            return events
        case .paste(var text, let matched, _):
            state = .idle
            text.append(contentsOf: Self.pasteEnd.prefix(matched).compactMap(Unicode.Scalar.init))
            return [.paste(String(text))]
        }
    }

    private mutating func feed(_ input: RawInput, into events: inout [InputEvent]) {
        switch state {
        case .idle:
            switch input {
            case .character(27):
                state = .escape([27])
            case .character(let code):
                if let key = KeyDecoder.key(character: code) { events.append(.key(key)) }
            case .keyCode(let code):
                let name = KeyDecoder.isExtended(code) ? keyName(code) : nil
                if let key = KeyDecoder.key(keyCode: code, name: name) { events.append(.key(key)) }
            }

        case .escape(let pending):
            if case .character(let code) = input {
                let grown = pending + [code]
                let candidates = Self.sequences.filter { $0.codes.starts(with: grown) }
                if let complete = candidates.first(where: { $0.codes.count == grown.count }) {
                    switch complete.completion {
                    case .paste: state = .paste(String.UnicodeScalarView(), matched: 0, lastWasCarriageReturn: false)
                    case .key(let key): state = .idle; events.append(.key(key))
                    }
                    return
                }
                if !candidates.isEmpty {
                    state = .escape(grown)
                    return
                }
            }
            // No known sequence: the ESC was a key of its own (Alt-x arrives as Esc then x).
            state = .idle
            events.append(.key(.escape))
            for code in pending.dropFirst() { feed(.character(code), into: &events) }
            feed(input, into: &events)

        case .paste(var text, var matched, var lastWasCarriageReturn):
            // Keys decoded inside a paste are pasted escape sequences, not keystrokes: drop them.
            guard case .character(let code) = input else { return }
            if code == Self.pasteEnd[matched] {
                matched += 1
                if matched == Self.pasteEnd.count {
                    state = .idle
                    events.append(.paste(String(text)))
                    return
                }
                state = .paste(text, matched: matched, lastWasCarriageReturn: lastWasCarriageReturn)
                return
            }
            // A false start of the end marker was pasted text after all.
            for earlier in Self.pasteEnd.prefix(matched) {
                Self.append(earlier, to: &text, lastWasCarriageReturn: &lastWasCarriageReturn)
            }
            matched = code == Self.pasteEnd[0] ? 1 : 0
            if matched == 0 { Self.append(code, to: &text, lastWasCarriageReturn: &lastWasCarriageReturn) }
            state = .paste(text, matched: matched, lastWasCarriageReturn: lastWasCarriageReturn)
        }
    }

    /// Terminals send pasted line breaks as CR; the app gets LF, and CR LF only once.
    private static func append(_ code: UInt32, to text: inout String.UnicodeScalarView, lastWasCarriageReturn: inout Bool) {
        defer { lastWasCarriageReturn = code == 13 }
        if code == 10, lastWasCarriageReturn { return }
        guard let scalar = Unicode.Scalar(code == 13 ? 10 : code) else { return }
        text.append(scalar)
    }
}
