import AnjianText
import AnjianScreen

/// One line of a read-only page: a label and a value, a section header, or a selectable
/// row that opens something.
struct PageLine: Sendable {
    var label: String
    var value: String
    var style: Style = .plain
    /// For a selectable row: its index among the page's targets.
    var target: Int? = nil
    var isHeader = false

    /// A label and a value wrapped to the value column (the label on the first line only).
    static func wrapped(_ label: String, _ value: String, style: Style = .plain, valueWidth: Int) -> [PageLine] {
        value.wrapped(toWidth: valueWidth).enumerated().map { i, part in
            PageLine(label: i == 0 ? label : "", value: part, style: style)
        }
    }
}

/// A scrolling page of lines, laid out once per width and data (not per keystroke), with
/// a selection among its selectable rows. Used by every record page.
///
/// The selected row is always on screen: a move that scrolls it away selects a row that is
/// showing, and while no selectable row shows there is no selection (Enter opens nothing).
/// The screen keeps its page while others are on top, so coming back finds the same place.
struct PageState: Sendable {
    private(set) var lines: [PageLine] = []
    /// The line of each target, in target order.
    private(set) var targetLines: [Int] = []
    private(set) var scroll = 0
    /// Index among the targets of the selected row; nil while none is on screen.
    private(set) var selection: Int?

    var targetCount: Int { targetLines.count }

    static func labelWidth(_ s: Strings) -> Int { s.language == .zh ? 16 : 20 }
    static func valueWidth(_ s: Strings, width: Int) -> Int { max(10, width - labelWidth(s) - 3) }
    /// Rows between the title and the message line.
    static func bodyHeight(_ context: Context) -> Int { Chrome.pageBodyHeight(context) }

    /// New lines (the data or the width changed); the scroll and selection stay where they can,
    /// and a selected row pushed off screen is scrolled back into view.
    mutating func layout(_ lines: [PageLine], body: Int) {
        self.lines = lines
        var targetLines: [Int] = []
        for (i, line) in lines.enumerated() {
            if let target = line.target, target == targetLines.count { targetLines.append(i) }
        }
        self.targetLines = targetLines
        selection = selection.map { min($0, targetCount - 1) }.flatMap { $0 < 0 ? nil : $0 }
        scroll = max(0, min(scroll, maxScroll(body: body)))
        if selection != nil { showSelection(body: body) } else { selectShowing(body: body, last: false) }
    }

    func maxScroll(body: Int) -> Int { max(0, lines.count - body) }

    /// Moves the selection (or the scroll, where no selectable row is next).
    /// Returns false when the action is not a movement.
    mutating func move(_ action: Action, body: Int) -> Bool {
        let page = max(1, body - 1)
        switch action {
        case .moveUp:
            if let selection, selection > 0 {
                select(selection - 1, body: body)
            } else if selection == nil, let above = targetLines.lastIndex(where: { $0 < scroll }) {
                select(above, body: body)
            } else {
                scrollBy(-1, body: body, last: true)
            }
        case .moveDown:
            if let selection, selection < targetCount - 1 {
                select(selection + 1, body: body)
            } else if selection == nil, let below = targetLines.firstIndex(where: { $0 >= scroll }) {
                select(below, body: body)
            } else {
                scrollBy(1, body: body, last: false)
            }
        case .pageUp: scrollBy(-page, body: body, last: true)
        case .pageDown: scrollBy(page, body: body, last: false)
        case .moveTop: scroll = 0; selection = nil; selectShowing(body: body, last: false)
        case .moveBottom: scroll = maxScroll(body: body); selection = nil; selectShowing(body: body, last: true)
        default: return false
        }
        return true
    }

    /// Selects a target and scrolls to show it.
    mutating func select(_ target: Int, body: Int) {
        guard targetLines.indices.contains(target) else { return }
        selection = target
        showSelection(body: body)
    }

    /// Scrolls; a selected row that leaves the screen gives way to one showing.
    private mutating func scrollBy(_ delta: Int, body: Int, last: Bool) {
        scroll = max(0, min(scroll + delta, maxScroll(body: body)))
        if let selection, !isShowing(targetLines[selection], body: body) { self.selection = nil }
        if selection == nil { selectShowing(body: body, last: last) }
    }

    private func isShowing(_ line: Int, body: Int) -> Bool { line >= scroll && line < scroll + body }

    /// Selects the first (or last) target on screen, if any.
    private mutating func selectShowing(body: Int, last: Bool) {
        let showing = targetLines.indices.filter { isShowing(targetLines[$0], body: body) }
        selection = last ? showing.last : showing.first
    }

    /// Scrolls as little as possible to show the selected row.
    private mutating func showSelection(body: Int) {
        guard let selection else { return }
        let line = targetLines[selection]
        if line < scroll { scroll = line }
        if line >= scroll + body { scroll = line - body + 1 }
        scroll = max(0, min(scroll, maxScroll(body: body)))
    }

    func render(_ context: Context, into screen: inout Screen) {
        let theme = context.theme
        let body = Self.bodyHeight(context)
        let labelWidth = Self.labelWidth(context.strings)
        for (i, line) in lines.dropFirst(scroll).prefix(body).enumerated() {
            let y = 1 + i
            if line.isHeader {
                screen.put(line.label, x: 1, y: y, style: line.style)
            } else if let target = line.target {
                let selected = target == selection
                let style = selected ? theme.selected : line.style
                if selected { screen.fill(x: 0, y: y, style: style) }
                screen.put((selected ? "> " : "  ") + line.value, x: 1, y: y, style: style, maxWidth: screen.width - 2)
            } else {
                screen.put(line.label.padded(toWidth: labelWidth), x: 1, y: y, style: theme.label)
                screen.put(line.value, x: labelWidth + 3, y: y, style: line.style, maxWidth: screen.width - labelWidth - 3)
            }
        }
        Chrome.renderMessage(context, into: &screen)
    }
}
