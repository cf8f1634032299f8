import AnjianText
import AnjianModel
import AnjianScreen

/// No criteria besides the text filter.
struct NoCriteria: Hashable, Sendable {}

/// One list's state, shared by every table: the rows shown (indices into the records),
/// the selection and scroll, the text filter, the sort, and the criteria.
///
/// Every record is kept in the current sort order (sorted when the sort or the data
/// changes), so filtering keeps that order and a keystroke never sorts. Typing narrows the
/// previous result, and Backspace reuses a recent one.
struct TableState<Column: Hashable & Sendable, Criteria: Hashable & Sendable>: Sendable {
    var filter = TextInput()
    var filtering = false
    /// Nil: the records' own order.
    var sortColumn: Column?
    var ascending: Bool
    var criteria: Criteria
    private(set) var rows: [Int] = []
    private(set) var selected = 0
    private(set) var top = 0
    private var sorted: (column: Column?, ascending: Bool, rows: [Int])? = nil
    private var lastMatch: (query: SearchQuery, criteria: Criteria, rows: [Int])? = nil
    private var recent: [(query: SearchQuery, criteria: Criteria, rows: [Int])] = []

    init(sortColumn: Column?, ascending: Bool, criteria: Criteria) {
        self.sortColumn = sortColumn
        self.ascending = ascending
        self.criteria = criteria
    }

    /// The record of the selected row.
    var selectedRecord: Int? { rows.indices.contains(selected) ? rows[selected] : nil }

    /// The records changed: sort and results are computed again on the next refresh.
    mutating func invalidate() {
        sorted = nil
        lastMatch = nil
        recent = []
    }

    /// Recomputes the rows after the filter, the criteria, the sort or the data changed,
    /// keeping the selected record selected when it is still shown (the first row while
    /// typing a filter).
    /// - order: every record in the order of a sort.
    /// - admit: the records among the given ones (in their order) that meet the criteria.
    /// - match: the records among the given ones that match the text query.
    mutating func refresh(body: Int, order: (Column?, Bool) -> [Int], admit: (Criteria, [Int]) -> [Int],
                          match: (SearchQuery, [Int]) -> [Int]) {
        let current = selectedRecord
        let query = SearchQuery(filter.text)
        var reordered: [Int]? = nil
        if sorted?.column != sortColumn || sorted?.ascending != ascending {
            sorted = (sortColumn, ascending, order(sortColumn, ascending))
            // The same filter in another order: the rows shown, in the new order, without filtering again.
            if let last = lastMatch, last.criteria == criteria, last.query.raw == query.raw {
                reordered = Self.keeping(last.rows, in: sorted!.rows)
            }
            lastMatch = nil
            recent = []
        }
        let result: [Int]
        if let reordered {
            result = reordered
            recent = [(query, criteria, result)]
        } else if let cached = recent.last(where: { $0.criteria == criteria && $0.query.raw == query.raw }) {
            result = cached.rows  // Backspace back to a query just typed
        } else {
            let candidates: [Int]
            if let last = lastMatch, last.criteria == criteria, query.narrows(last.query) {
                candidates = last.rows
            } else {
                candidates = admit(criteria, sorted!.rows)
            }
            result = match(query, candidates)
            recent = Array((recent + [(query, criteria, result)]).suffix(12))
        }
        lastMatch = (query, criteria, result)
        rows = result
        if filtering {
            selected = 0
        } else if let current, let index = rows.firstIndex(of: current) {
            selected = index
        }
        clamp(body: body)
    }

    /// The records of `order` that are among `rows`, in `order`'s order.
    static func keeping(_ rows: [Int], in order: [Int]) -> [Int] {
        if rows.count == order.count { return order }
        var member = [Bool](repeating: false, count: (order.max() ?? -1) + 1)
        for r in rows where r < member.count { member[r] = true }
        return order.filter { member[$0] }
    }

    /// Applies a movement action; false when the action is not a movement.
    mutating func move(_ action: Action, body: Int) -> Bool {
        let page = max(1, body - 1)
        switch action {
        case .moveUp: selected -= 1
        case .moveDown: selected += 1
        case .pageUp: selected -= page; top -= page
        case .pageDown: selected += page; top += page
        case .moveTop: selected = 0
        case .moveBottom: selected = rows.count - 1
        default: return false
        }
        clamp(body: body)
        return true
    }

    /// Selects a record when it is shown.
    mutating func select(record: Int, body: Int) {
        if let index = rows.firstIndex(of: record) { selected = index }
        clamp(body: body)
    }

    /// Keeps the selection on a row and on screen, and the screen full where it can be.
    mutating func clamp(body: Int) {
        selected = max(0, min(selected, rows.count - 1))
        if selected < top { top = selected }
        if selected >= top + body { top = selected - body + 1 }
        top = max(0, min(top, max(0, rows.count - body)))
    }

    /// While the filter is being typed, text and editing keys change it. Nil when not typing;
    /// else whether the text changed (the rows must be recomputed).
    mutating func typeIntoFilter(_ event: InputEvent) -> Bool? {
        guard filtering else { return nil }
        let before = filter.text
        switch event {
        case .text(let text), .paste(let text): filter.insert(text)
        case .key(let key): filter.handle(key)
        case .resize: return nil
        }
        return filter.text != before
    }

    /// Chinese typed in the list (an input method's commit) starts a new filter.
    mutating func startFilter() {
        filtering = true
        filter = TextInput()
    }

    /// The filter and sort keys every table shares. Returns whether the rows must be
    /// recomputed, or nil when the action is not one of them.
    mutating func performTool(_ action: Action, columns: [Column], wraps: Bool,
                              initialAscending: (Column) -> Bool) -> Bool? {
        switch action {
        case .filter:
            filtering = true
            return false
        case .clearFilter, .cancelFilter:
            filtering = false
            filter = TextInput()
            return true
        case .acceptFilter:
            filtering = false
            return false
        case .sortNextColumn:
            guard !columns.isEmpty else { return false }
            if let column = sortColumn, let i = columns.firstIndex(of: column) {
                // The last column goes back to the records' own order, or round to the first.
                sortColumn = i + 1 < columns.count ? columns[i + 1] : (wraps ? columns[0] : nil)
            } else {
                sortColumn = columns[0]
            }
            ascending = sortColumn.map(initialAscending) ?? true
            return true
        case .sortReverse:
            ascending.toggle()
            return true
        default:
            return nil
        }
    }
}
