import AnjianModel
import AnjianScreen
import AnjianText

/// A top-level list: a table of records with the shared moves, filter and sort keys. The
/// three lists differ in their columns, sort keys and what opening a row does.
protocol ListScreen: ScreenComponent {
    associatedtype Column: Hashable & Sendable & CaseIterable
    associatedtype Criteria: Hashable & Sendable
    var table: TableState<Column, Criteria> { get set }
    static func bodyHeight(_ context: Context) -> Int
    /// The table's rows now: `bodyHeight` unless a line of the list's own takes some (view 3's criteria).
    func tableBody(_ context: Context) -> Int
    /// A column's header, which the sort menu lists too.
    static func title(of column: Column) -> Text
    /// Whether a saved record is one of this list's.
    func lists(_ record: SavedRecord) -> Bool
    /// Recomputes the rows (filter, criteria, sort) from the ledger.
    mutating func refreshRows(_ context: inout Context)
}

extension ListScreen {
    var isTopLevel: Bool { true }
    func tableBody(_ context: Context) -> Int { Self.bodyHeight(context) }
    var isTyping: Bool { table.filtering }

    /// Opening a row and new records need a row selected.
    func offers(_ action: Action, _ context: Context) -> Bool {
        [.open, .newSupervision, .newHazard].contains(action) ? table.selectedRecord != nil : true
    }

    func extraHelp(_ context: Context) -> [HelpSection] {
        [HelpSection(title: .helpFilter, entries: HelpSection.entries(Keymap.filtering + Keymap.textEditing))]
    }

    /// The moves, filter and sort keys every list shares (the sort menu offers the columns shown);
    /// nil when the action is none of them.
    mutating func performTableKeys(_ action: Action, context: inout Context, columns: [Column], wraps: Bool,
                                   initialAscending: (Column) -> Bool) -> [Command]? {
        if table.move(action, body: tableBody(context)) { return [] }
        if action == .sortMenu {
            let all = Array(Column.allCases)
            let menu = SortMenu(titles: columns.map { context.strings[Self.title(of: $0)] },
                                columns: columns.map { (all.firstIndex(of: $0)!, initialAscending($0)) },
                                current: table.sortColumn.flatMap { columns.firstIndex(of: $0) }, ascending: table.ascending,
                                strings: context.strings, today: context.today)
            return [.present(menu)]
        }
        guard let refresh = table.performTool(action, columns: columns, wraps: wraps, initialAscending: initialAscending) else {
            return nil
        }
        if refresh { refreshRows(&context) }
        return []
    }

    /// The sort chosen in the sort menu; false for another delivery.
    mutating func deliverSort(_ delivery: Delivery, context: inout Context) -> Bool {
        guard case .sort(let index, let ascending) = delivery else { return false }
        let all = Array(Column.allCases)
        guard all.indices.contains(index) else { return true }
        table.sortColumn = all[index]
        table.ascending = ascending
        refreshRows(&context)
        return true
    }

    mutating func deliver(_ delivery: Delivery, context: inout Context) {
        _ = deliverSort(delivery, context: &context)
    }

    mutating func input(_ event: InputEvent, context: inout Context) -> [Command]? {
        guard let changed = table.typeIntoFilter(event) else { return nil }
        if changed { refreshRows(&context) }
        return []
    }

    mutating func startTyping() -> Bool {
        table.startFilter()
        return true
    }

    mutating func refresh(_ change: Change, context: inout Context) { refreshList(change, context: &context) }

    /// The rows again when the records changed (a record of this list saved, files read again).
    mutating func refreshList(_ change: Change, context: inout Context) {
        if case .reloaded = change {
            table.invalidate()
            refreshRows(&context)
        } else if case .saved(let record) = change, lists(record) {
            table.invalidate()
            refreshRows(&context)
        } else {
            table.clamp(body: tableBody(context))
        }
    }
}
