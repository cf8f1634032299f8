import Foundation
import AnjianModel
import AnjianScreen
import AnjianText

public enum HazardColumn: Hashable, Sendable, CaseIterable {
    case number, enterprise, district, level, status, found, deadline, overdue, responsible, description
}

public struct HazardListState: Sendable {
    public var filter = TextInput()
    public var filtering = false
    public var criteria = HazardCriteria()
    public var sortColumn: HazardColumn = .deadline
    public var ascending = true
    public var rows: [Int] = []
    public var selected = 0
    public var top = 0
    /// The header's counts for `rows`, set by `refreshHazardRows`.
    public internal(set) var counts = HazardCounts()
    var lastMatch: (query: SearchQuery, criteria: HazardCriteria, rows: [Int])? = nil
    /// Every record in the current sort order, computed when the sort or the data changes:
    /// filtering keeps this order, so a keystroke never sorts.
    var sorted: (column: HazardColumn, ascending: Bool, rows: [Int])? = nil
    /// The last few results, so Backspace returns to one without searching again.
    var recent: [(query: SearchQuery, criteria: HazardCriteria, rows: [Int])] = []
}

extension AppState {
    /// Today in the user's time zone, from the state's clock (tests set it).
    public var today: String { CalendarDate.dayAndTime(clock(), in: timeZone).day }

    var hazardBodyHeight: Int { max(1, height - Layout.listChrome - 1) }

    public func hazardEntries(of code: String) -> [Hazard] {
        (hazards[code] ?? []).sorted { ($0.isClosed ? 1 : 0, $0.rectification.deadline, $0.number) < ($1.isClosed ? 1 : 0, $1.rectification.deadline, $1.number) }
    }

    public func hazard(_ code: String, _ id: String) -> Hazard? { hazards[code]?.first { $0.id == id } }

    /// Counted when the rows change, not on every frame.
    var shownHazardCounts: HazardCounts { hazardList.counts }

    /// Applies the criteria and the `/` filter, then sorts. Narrowing the text filter
    /// only re-checks the rows of the last result.
    mutating func refreshHazardRows() {
        let list = hazardList
        let current = list.rows.indices.contains(list.selected) ? list.rows[list.selected] : nil
        let query = SearchQuery(list.filter.text)
        let records = hazardDirectory.records
        var candidates: [Int]
        if hazardList.sorted?.column != list.sortColumn || hazardList.sorted?.ascending != list.ascending {
            hazardList.sorted = (list.sortColumn, list.ascending, sortHazards(Array(records.indices)))
            hazardList.recent = []
            hazardList.lastMatch = nil
        }
        let order = hazardList.sorted!.rows
        if let cached = hazardList.recent.last(where: { $0.criteria == list.criteria && $0.query.raw == query.raw }) {
            // Backspace: the rows of this very query were computed a moment ago.
            hazardList.lastMatch = cached
            hazardList.rows = cached.rows
            restoreHazardSelection(current)
            return
        }
        if let last = hazardList.lastMatch, last.criteria == list.criteria, query.narrows(last.query) {
            candidates = last.rows
        } else {
            candidates = hazardDirectory.matching(list.criteria, today: today, among: order)
        }
        // In sort order already: the candidates come from `order` or from a result of it.
        let matched = hazardDirectory.matching(query, among: candidates)
        hazardList.lastMatch = (query, list.criteria, matched)
        hazardList.recent = Array((hazardList.recent + [(query, list.criteria, matched)]).suffix(12))
        hazardList.rows = matched
        restoreHazardSelection(current)
    }

    private mutating func restoreHazardSelection(_ current: Int?) {
        hazardList.counts = hazardDirectory.counts(hazardList.rows, today: today)
        if let current, let index = hazardList.rows.firstIndex(of: current), !hazardList.filtering {
            hazardList.selected = index
        } else if hazardList.filtering {
            hazardList.selected = 0
        }
        clampHazardSelection()
    }

    mutating func sortHazards(_ rows: [Int]) -> [Int] {
        // View 2 shows the short name: it sorts by it.
        let rank = hazardList.sortColumn == .enterprise ? enterpriseRank(shortName: true) : []
        let records = hazardDirectory.records
        let day = today
        let column = hazardList.sortColumn
        let ascending = hazardList.ascending
        let keyed: [(Int, EnterpriseSorting.SortKey)] = rows.map { i in
            let h = records[i].hazard
            let key: EnterpriseSorting.SortKey
            switch column {
            case .number: key = .text(h.number)
            case .enterprise: key = .number(rank[records[i].enterprise])
            case .district: key = .number(records[i].districtOrder)
            case .level: key = .number(h.level == .major ? 1 : 0)
            case .status: key = .number(HazardStatus.allCases.firstIndex(of: h.status) ?? 0)
            case .found: key = .number(Self.dayNumber(h.discoveredOn))
            case .deadline: key = .number(Self.dayNumber(h.rectification.deadline))
            case .overdue: key = .number(h.daysOverdue(today: day))
            case .responsible: key = .text(h.rectification.responsible)
            case .description: key = .text(h.description)
            }
            return (i, key)
        }
        return keyed.sorted { a, b in
            // Plain comparison without collation (fast): numbers, dates as numbers, names by a
            // pinyin rank; only responsible person and description fall back to code-point order.
            let order = EnterpriseSorting.compareFast(a.1, b.1)
            if order != 0 { return ascending ? order < 0 : order > 0 }
            return records[a.0].hazard.number < records[b.0].hazard.number
        }.map(\.0)
    }

    /// `2026-11-25` → 20261125: dates compare as numbers, faster than strings.
    static func dayNumber(_ date: String) -> Int {
        var n = 0
        for byte in date.utf8 where byte >= 48 && byte <= 57 { n = n * 10 + Int(byte - 48) }
        return n
    }

    mutating func clampHazardSelection() {
        TableMoves.clamp(selected: &hazardList.selected, top: &hazardList.top, rowCount: hazardList.rows.count, body: hazardBodyHeight)
    }
}
