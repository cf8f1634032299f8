/// Moving the selection of any table: the one place that knows paging and scrolling.
enum TableMoves {
    /// Applies a movement action; false when the action is not a movement.
    static func apply(_ action: Action, selected: inout Int, top: inout Int, rowCount: Int, body: Int) -> Bool {
        let page = max(1, body - 1)
        switch action {
        case .moveUp: selected -= 1
        case .moveDown: selected += 1
        case .pageUp: selected -= page; top -= page
        case .pageDown: selected += page; top += page
        case .moveTop: selected = 0
        case .moveBottom: selected = rowCount - 1
        default: return false
        }
        clamp(selected: &selected, top: &top, rowCount: rowCount, body: body)
        return true
    }

    /// Keeps the selection on a row and on screen, and the screen full where it can be.
    static func clamp(selected: inout Int, top: inout Int, rowCount: Int, body: Int) {
        selected = max(0, min(selected, rowCount - 1))
        if selected < top { top = selected }
        if selected >= top + body { top = selected - body + 1 }
        top = max(0, min(top, max(0, rowCount - body)))
    }
}
