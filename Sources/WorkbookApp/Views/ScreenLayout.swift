import TerminalUI

/// Where each part of the screen goes at a given size: shared by the views and by the reducer's paging.
public struct ScreenLayout: Equatable, Sendable {
    /// Below this the app shows "enlarge the terminal" instead of a cramped, wrong screen.
    public static let minimumSize = Size(width: 60, height: 14)

    public let size: Size
    public let titleBar: Rect
    public let body: Rect
    public let statusLine: Rect
    public let hintBar: Rect
    public let list: Rect
    public let details: Rect

    /// How the accounts pane shares the width between the list and the details.
    public enum AccountsShape: Equatable, Sendable {
        /// The table view: the list takes most of the width for its columns, the details the rest.
        case table
        /// The compact view: a narrow list of names, the details pane wide.
        case compact
        /// `--slow-link`: the list takes the whole width, with no detail pane that would be drawn
        /// again on every move.
        case listOnly
    }

    public init(size: Size, accounts shape: AccountsShape = .table) {
        self.size = size
        let all = Rect(size: size)
        let (title, rest) = all.splitTop(1)
        let (middle, hints) = rest.splitBottom(1)
        let (bodyRect, status) = middle.splitBottom(1)
        titleBar = title
        hintBar = hints
        statusLine = status
        body = bodyRect
        let detailWidth: Int
        switch shape {
        case _ where size.width < 72, .listOnly:
            detailWidth = 0
        case .compact:
            // Names need ~30 columns; beyond that the details, which have more to say, get three fifths.
            detailWidth = size.width - max(30, size.width * 2 / 5)
        case .table where size.width >= 120:
            detailWidth = size.width * 2 / 5
        case .table where size.width >= 90:
            detailWidth = 34
        case .table:
            detailWidth = 32
        }
        let (listRect, detailRect) = bodyRect.splitLeft(bodyRect.width - detailWidth)
        list = listRect
        details = detailRect
    }

    public var isTooSmall: Bool {
        size.width < ScreenLayout.minimumSize.width || size.height < ScreenLayout.minimumSize.height
    }

    /// Account rows that fit in the list: its height less the border and the header row.
    public var listRows: Int { max(1, list.height - 3) }
}
