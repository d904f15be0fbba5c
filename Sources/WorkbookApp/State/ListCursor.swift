/// Moving a cursor through a list of `count` items: the pickers share it.
enum ListCursor {
    /// The new position for a movement command, clamped to the list; nil for any other command.
    static func moved(_ cursor: Int, by command: Command, count: Int) -> Int? {
        let last = max(0, count - 1)
        switch command {
        case .moveDown: return min(last, cursor + 1)
        case .moveUp: return max(0, cursor - 1)
        case .moveFirst: return 0
        case .moveLast: return last
        default: return nil
        }
    }
}
