/// Draws framed boxes with box-drawing characters, a title in the top border and a note in the bottom one.
public enum Box {
    /// Frames `rect`, clears its inside, and returns the inner rectangle.
    @discardableResult
    public static func draw(
        _ rect: Rect, in buffer: inout Buffer, border: Style, title: String? = nil, titleStyle: Style? = nil,
        footer: String? = nil, fill: Style? = nil
    ) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let inner = rect.inset(by: 1)
        buffer.fill(inner, style: fill ?? Style(background: border.background))
        let top = rect.y, bottom = rect.maxY - 1, left = rect.x, right = rect.maxX - 1
        for x in (left + 1)..<right {
            buffer.put("─", x: x, y: top, style: border)
            buffer.put("─", x: x, y: bottom, style: border)
        }
        for y in (top + 1)..<bottom {
            buffer.put("│", x: left, y: y, style: border)
            buffer.put("│", x: right, y: y, style: border)
        }
        buffer.put("┌", x: left, y: top, style: border)
        buffer.put("┐", x: right, y: top, style: border)
        buffer.put("└", x: left, y: bottom, style: border)
        buffer.put("┘", x: right, y: bottom, style: border)
        if let title, !title.isEmpty, rect.width > 6 {
            let text = " " + TextWidth.truncate(title, toWidth: rect.width - 6) + " "
            buffer.write(text, x: left + 2, y: top, style: titleStyle ?? border)
        }
        if let footer, !footer.isEmpty, rect.width > 6 {
            let text = " " + TextWidth.truncate(footer, toWidth: rect.width - 6) + " "
            buffer.write(text, x: right - 1 - TextWidth.width(of: text), y: bottom, style: border)
        }
        return inner
    }
}

/// Breaks text into lines that fit a width, at spaces where it can and inside long words where it must.
public enum TextWrap {
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                var piece = String(word)
                var pieceWidth = TextWidth.width(of: piece)
                let needed = lineWidth == 0 ? pieceWidth : lineWidth + 1 + pieceWidth
                if needed <= width {
                    if lineWidth > 0 { line += " " }
                    line += piece
                    lineWidth = needed
                    continue
                }
                if lineWidth > 0 {
                    result.append(line)
                    line = ""
                    lineWidth = 0
                }
                while pieceWidth > width {
                    let head = TextWidth.truncate(piece, toWidth: width, ellipsis: false)
                    result.append(head)
                    piece = String(piece.dropFirst(head.count))
                    pieceWidth = TextWidth.width(of: piece)
                    if head.isEmpty { piece = ""; pieceWidth = 0 }
                }
                line = piece
                lineWidth = pieceWidth
            }
            result.append(line)
        }
        return result
    }
}
