import AnjianText
import AnjianScreen

/// Which columns a table shows at a width, and how wide each is: the core columns always,
/// optional ones in their priority order while they fit, one flexible column taking the rest.
struct ColumnLayout<Column: Hashable & Sendable>: Sendable {
    var core: [Column]
    /// Added in this order while they fit.
    var optional: [Column]
    /// The order on screen.
    var order: [Column]
    /// The column that takes what is left, and its least width.
    var flexible: Column
    var flexibleMinimum: Int
    var width: @Sendable (Column) -> Int
    /// Room an optional column (by its place in `optional`) must leave besides its own width.
    var slack: @Sendable (Int) -> Int = { _ in 0 }
    /// Columns that may give up cells so that another column fits (the flexible one among them),
    /// and the least they keep. A column fits when the others can shrink to make room for it.
    var minimum: [Column: Int] = [:]

    func used(_ list: [Column], least: Bool = false) -> Int {
        Layout.marker + list.reduce(0) { $0 + (least ? minimum[$1] ?? width($1) : width($1)) } + Layout.gap * (list.count - 1)
    }

    func columns(width total: Int) -> [(column: Column, width: Int)] {
        var columns = core
        for (i, column) in optional.enumerated() where used(columns + [column], least: true) + slack(i) <= total {
            columns.append(column)
        }
        columns.sort { order.firstIndex(of: $0)! < order.firstIndex(of: $1)! }
        var widths = columns.map { minimum[$0] ?? width($0) }
        var extra = total - used(columns, least: true)
        // The room left goes to the flexible column up to its width, then back to the columns that
        // gave up cells, then all of it to the flexible column.
        let flexibleIndex = columns.firstIndex(of: flexible)!
        for i in [flexibleIndex] + Array(columns.indices) where extra > 0 && widths[i] < width(columns[i]) {
            let grow = min(extra, width(columns[i]) - widths[i])
            widths[i] += grow
            extra -= grow
        }
        widths[flexibleIndex] = max(flexibleMinimum, widths[flexibleIndex] + extra)
        return zip(columns, widths).map { ($0, $1) }
    }

    func visible(width total: Int) -> [Column] { columns(width: total).map(\.column) }
}

/// Draws a table's header and its visible rows; the screen gives each cell's text and style.
enum TableView {
    static func render<C, K>(_ table: TableState<C, K>, layout: ColumnLayout<C>, top y0: Int, body: Int,
                             title: (C) -> String, empty: String, theme: Theme, into screen: inout Screen,
                             cell: (_ record: Int, _ column: C, _ selected: Bool) -> (String, Style)) {
        let columns = layout.columns(width: screen.width)
        var x = Layout.marker
        for (column, width) in columns {
            var text = title(column)
            if column == table.sortColumn {
                // The marker is never cut off: the title gives way.
                let marker = table.ascending ? " ^" : " v"
                text = text.truncated(toWidth: max(0, width - marker.displayWidth)) + marker
            }
            screen.put(text.padded(toWidth: width), x: x, y: y0, style: theme.header)
            x += width + Layout.gap
        }
        if table.rows.isEmpty {
            screen.put(empty, x: Layout.marker, y: y0 + 1, style: theme.dim)
        }
        for line in 0..<body {
            let rowIndex = table.top + line
            guard rowIndex < table.rows.count else { break }
            let y = y0 + 1 + line
            let selected = rowIndex == table.selected
            if selected {
                screen.fill(y: y, style: theme.selected)
                screen.put(">", x: 0, y: y, style: theme.selected)
            }
            var x = Layout.marker
            for (column, width) in columns {
                let (text, style) = cell(table.rows[rowIndex], column, selected)
                screen.put(text.padded(toWidth: width), x: x, y: y, style: style)
                x += width + Layout.gap
            }
        }
    }
}
