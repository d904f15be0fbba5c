/// Display width and safe display of text: what a terminal cell grid needs to know about Unicode.
public enum TextWidth {
    /// Columns a grapheme takes: 2 for East Asian wide and emoji, 0 for lone marks and format characters, else 1.
    public static func width(of grapheme: Character) -> Int {
        guard let first = grapheme.unicodeScalars.first else { return 0 }
        let value = first.value
        if value < 0x7F { return 1 }  // controls are shown as one-column pictures
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return isBidiControl(value) ? 1 : 0
        default:
            break
        }
        // Regional indicators (flag halves) are one column in glibc's wcwidth, which ncurses and most
        // terminals follow; counting them as two would shift the rest of the row.
        if (0x1F1E6...0x1F1FF).contains(value) { return 1 }
        if isWide(value) || first.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Columns a string takes once sanitized.
    public static func width(of text: String) -> Int {
        var total = 0
        for grapheme in text { total += width(of: sanitized(grapheme)) }
        return total
    }

    /// A grapheme that is safe to write to a terminal: control characters become visible pictures
    /// (ESC is shown as ␛), bidirectional overrides become U+FFFD, tabs become a space.
    public static func sanitized(_ grapheme: Character) -> Character {
        guard let first = grapheme.unicodeScalars.first else { return " " }
        let value = first.value
        if value == 0x09 { return " " }
        if value < 0x20 { return Character(Unicode.Scalar(0x2400 + value)!) }
        if value == 0x7F { return "\u{2421}" }
        if (0x80...0x9F).contains(value) || isBidiControl(value) { return "\u{FFFD}" }
        if grapheme.unicodeScalars.count > 1,
           grapheme.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) || isBidiControl($0.value) }) {
            // A control hidden inside a cluster ("\r\n", a mark after ESC): show the whole thing as one replacement.
            return grapheme == "\r\n" ? "\u{2424}" : "\u{FFFD}"
        }
        return grapheme
    }

    /// The text made safe for the terminal (see `sanitized(_:)`).
    public static func sanitized(_ text: String) -> String {
        String(text.map { sanitized($0) })
    }

    /// The longest prefix of `text` that fits in `width` columns, never splitting a grapheme;
    /// with `ellipsis`, a cut text ends in "…".
    public static func truncate(_ text: String, toWidth width: Int, ellipsis: Bool = true) -> String {
        guard width > 0 else { return "" }
        var used = 0
        var result = ""
        let total = self.width(of: text)
        if total <= width { return sanitized(text) }
        let budget = ellipsis ? width - 1 : width
        for grapheme in text {
            let safe = sanitized(grapheme)
            let columns = self.width(of: safe)
            if used + columns > budget { break }
            result.append(safe)
            used += columns
        }
        return ellipsis ? result + "…" : result
    }

    /// `text` truncated or padded with spaces to exactly `width` columns.
    public static func fit(_ text: String, width: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, toWidth: width)
        let pad = String(repeating: " ", count: max(0, width - self.width(of: cut)))
        return alignRight ? pad + cut : cut + pad
    }

    static func isBidiControl(_ value: UInt32) -> Bool {
        (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }

    /// East Asian Wide and Fullwidth ranges (Unicode 15), the ones terminals draw two columns wide.
    static func isWide(_ value: UInt32) -> Bool {
        if value < 0x1100 { return false }
        for range in wideRanges where range.contains(value) { return true }
        return false
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0,
        0x23F3...0x23F3, 0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F,
        0x2693...0x2693, 0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5,
        0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5,
        0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728,
        0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1AFF0...0x1B2FF,
        0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A,
        0x1F200...0x1F251, 0x1F300...0x1F320, 0x1F32D...0x1F335, 0x1F337...0x1F37C,
        0x1F37E...0x1F393, 0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0,
        0x1F3F4...0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440...0x1F440, 0x1F442...0x1F4FC,
        0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A...0x1F57A,
        0x1F595...0x1F596, 0x1F5A4...0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5,
        0x1F6CC...0x1F6CC, 0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6DC...0x1F6DF,
        0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB, 0x1F7F0...0x1F7F0,
        0x1F90C...0x1F93A, 0x1F93C...0x1F945, 0x1F947...0x1F9FF, 0x1FA70...0x1FAFF,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
