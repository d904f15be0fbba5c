import TerminalUI

/// The screen while a workbook opens: a first open of a large workbook reads every file, which takes
/// seconds, and a blank terminal meanwhile looks like a hang.
public enum OpeningView {
    public static func render(location: String, size: Size, theme: Theme) -> Buffer {
        var buffer = Buffer(size: size)
        buffer.fill(Rect(x: 0, y: 0, width: size.width, height: 1), style: theme[.titleBar])
        buffer.write(" Account Workbook", x: 0, y: 0, style: theme[.titleBrand], clip: Rect(x: 0, y: 0, width: size.width, height: 1))
        if size.height > 2 {
            buffer.write(" Opening " + TextWidth.sanitized(location) + "…", x: 0, y: 2, style: theme[.textMuted],
                         clip: Rect(x: 0, y: 2, width: size.width, height: 1))
        }
        return buffer
    }
}
