import TerminalUI

/// The top line: the product, the pane tabs, and where the workbook lives.
enum TitleBarView {
    static func render(_ state: AppState, theme: Theme, into buffer: inout Buffer, rect: Rect) {
        buffer.fill(rect, style: theme[.titleBar])
        var x = rect.x
        x += buffer.write(" Account Workbook ", x: x, y: rect.y, style: theme[.titleBrand], clip: rect)
        // Every tab's title when they fit beside the location, else short titles, else the other tabs' numbers only.
        // A tab is " N Title " between brackets or spaces; the focused one always shows its whole title.
        func width(_ title: (Pane) -> String) -> Int {
            Pane.allCases.reduce(0) { $0 + TextWidth.width(of: $1 == state.focus ? $1.title : title($1)) + 6 }
        }
        let tabRoom = rect.width - 18 - 10 - (state.isDemo ? 7 : 0) - (state.readOnlyReason != nil ? 12 : 0)
        let title: (Pane) -> String? = width(\.title) <= tabRoom ? { $0.title } : width(\.shortTitle) <= tabRoom ? { $0.shortTitle } : { _ in nil }
        for pane in Pane.allCases {
            let name = pane == state.focus ? pane.title : title(pane)
            let label = name.map { " \(pane.rawValue) \($0) " } ?? " \(pane.rawValue) "
            let style = pane == state.focus ? theme[.tabActive] : theme[.tabInactive]
            x += buffer.write(pane == state.focus ? "[" : " ", x: x, y: rect.y, style: theme[.titleBar], clip: rect)
            x += buffer.write(label, x: x, y: rect.y, style: style, clip: rect)
            x += buffer.write(pane == state.focus ? "]" : " ", x: x, y: rect.y, style: theme[.titleBar], clip: rect)
        }
        let room = rect.maxX - x - 1
        // The badges say something is wrong or special; the folder gives way to them, and when even
        // they do not fit in words, they keep their signs and counts.
        var badgeText = badges(state, short: false)
        if TextWidth.width(of: badgeText) > room { badgeText = badges(state, short: true) }
        let location = " " + state.location + " "
        var right = rect.maxX
        if !badgeText.isEmpty, TextWidth.width(of: badgeText) <= room {
            right -= TextWidth.width(of: badgeText)
            buffer.write(badgeText, x: right, y: rect.y, style: theme[.badge], clip: rect)
        }
        let locationRoom = right - x - 1
        if locationRoom > 12 {
            let shown = TextWidth.width(of: location) <= locationRoom ? location : " …" + String(location.suffix(locationRoom - 2))
            let width = TextWidth.width(of: shown)
            buffer.write(shown, x: right - width, y: rect.y, style: theme[.titleBar], clip: rect)
        }
    }

    private static func badges(_ state: AppState, short: Bool) -> String {
        var badges: [String] = []
        if state.isDemo { badges.append(" DEMO ") }
        if state.readOnlyReason != nil { badges.append(" READ-ONLY ") }
        let problems = state.problems.count, unsaved = state.unsaved.count
        if problems > 0 { badges.append(short ? " ⚠ \(problems) " : " ⚠ \(problems) unreadable file\(problems == 1 ? "" : "s") ") }
        if unsaved > 0 { badges.append(short ? " ✗ \(unsaved) " : " ✗ \(unsaved) unsaved ") }
        return badges.joined(separator: " ")
    }
}
