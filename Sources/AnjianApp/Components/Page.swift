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
/// an optional selection among its selectable rows. Used by every record page.
struct PageState: Sendable {
    private(set) var lines: [PageLine] = []
    private(set) var targetCount = 0
    private(set) var scroll = 0
    /// Index among the targets.
    private(set) var selection = 0

    static func labelWidth(_ s: Strings) -> Int { s.language == .zh ? 16 : 20 }
    static func valueWidth(_ s: Strings, width: Int) -> Int { max(10, width - labelWidth(s) - 3) }
    /// Rows between the title and the message line.
    static func bodyHeight(_ context: Context) -> Int { Chrome.pageBodyHeight(context) }

    /// New lines (the data or the width changed); the scroll and selection stay where they can.
    mutating func layout(_ lines: [PageLine], body: Int) {
        self.lines = lines
        targetCount = lines.reduce(0) { max($0, ($1.target ?? -1) + 1) }
        selection = max(0, min(selection, targetCount - 1))
        scroll = max(0, min(scroll, maxScroll(body: body)))
    }

    func maxScroll(body: Int) -> Int { max(0, lines.count - body) }

    /// Moves the selection (or the scroll, on a page without selectable rows).
    /// Returns false when the action is not a movement.
    mutating func move(_ action: Action, body: Int) -> Bool {
        let page = max(1, body - 1)
        let selecting = targetCount > 0
        switch action {
        case .moveUp: if selecting { selection -= 1 } else { scroll -= 1 }
        case .moveDown: if selecting { selection += 1 } else { scroll += 1 }
        case .pageUp: scroll -= page
        case .pageDown: scroll += page
        case .moveTop: scroll = 0; selection = 0
        case .moveBottom: scroll = Int.max / 2; selection = targetCount - 1
        default: return false
        }
        selection = max(0, min(selection, targetCount - 1))
        // Home shows the top of the page; the other moves follow the selection.
        if selecting, [.moveUp, .moveDown, .moveBottom].contains(action) { showSelection(body: body) }
        scroll = max(0, min(scroll, maxScroll(body: body)))
        return true
    }

    /// Selects a target and scrolls to show it.
    mutating func select(_ target: Int, body: Int) {
        guard target < targetCount else { return }
        selection = target
        showSelection(body: body)
        scroll = max(0, min(scroll, maxScroll(body: body)))
    }

    /// Scrolls as little as possible to show the selected row.
    private mutating func showSelection(body: Int) {
        guard let line = lines.firstIndex(where: { $0.target == selection }) else { return }
        if line < scroll { scroll = line }
        if line >= scroll + body { scroll = line - body + 1 }
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
