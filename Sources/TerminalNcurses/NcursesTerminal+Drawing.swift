import CNcursesw
import TerminalUI

extension NcursesTerminal {
    public func draw(_ runs: [CellRun], cursor: CursorPosition?, fullRedraw: Bool) {
        guard isActive, let window = cnw_stdscr() else { return }
        let size = self.size
        // stdscr still holds the whole frame, so repainting curscr from it restores everything.
        if fullRedraw { clearok(cnw_curscr(), true) }
        painter.paint(runs, in: window, size: size)
        if let cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < size.width, cursor.y < size.height {
            // doupdate leaves the terminal cursor where stdscr's cursor is.
            leaveok(window, false)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
            wnoutrefresh(window)
            doupdate()
            // Shown after the update, so it never blinks at the last cell written.
            setCursorVisible(true)
        } else {
            setCursorVisible(false)
            // A hidden cursor can stay wherever the last change left it: no move after each update.
            leaveok(window, true)
            wnoutrefresh(window)
            doupdate()
        }
    }

    /// curs_set writes to the terminal at once, so it is only called when visibility changes.
    private func setCursorVisible(_ visible: Bool) {
        guard visible != cursorVisible else { return }
        cursorVisible = visible
        curs_set(visible ? 1 : 0)
    }
}
