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

    /// `details` false (`--slow-link`): the list takes the whole width, with no detail pane that
    /// would be drawn again on every move.
    public init(size: Size, details showsDetails: Bool = true) {
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
        if !showsDetails {
            detailWidth = 0
        } else if size.width >= 120 {
            detailWidth = size.width * 2 / 5
        } else if size.width >= 90 {
            detailWidth = 34
        } else if size.width >= 72 {
            detailWidth = 32
        } else {
            detailWidth = 0
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
