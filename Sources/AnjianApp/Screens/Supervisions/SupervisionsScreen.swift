import AnjianText
import AnjianModel
import AnjianRuntime
import AnjianScreen

/// The columns of the supervision table (view 3).
public enum SupervisionColumn: Hashable, Sendable, CaseIterable {
    case date, enterprise, district, kind, inspectors, conclusion, accompanying, findings
}

/// View 3: every supervision entry of the city, newest first by default.
struct SupervisionsScreen: ListScreen {
    /// Criteria: the enterprise's place on the integrity list (`f`); its retirement does not hide old visits.
    var table = TableState<SupervisionColumn, EnterpriseCriteria>(sortColumn: .date, ascending: false,
                                                                  criteria: EnterpriseCriteria(retired: .shown))
    var tab: ViewID { 3 }
    var helpTitle: Text { .helpSupervisionList }

    init(context: inout Context) {
        refreshRows(&context)
    }

    static func columns(_ s: Strings) -> ColumnLayout<SupervisionColumn> {
        ColumnLayout(
            core: [.date, .enterprise, .kind, .inspectors, .conclusion],
            optional: [.district, .accompanying, .findings],
            order: [.date, .enterprise, .district, .kind, .inspectors, .conclusion, .accompanying, .findings],
            flexible: .enterprise, flexibleMinimum: 10,
            width: { column in
                switch column {
                case .date: return 16
                case .enterprise: return 20
                case .district: return 8
                // As wide as the longest label in the UI language (Chinese 12, English up to 21).
                case .kind: return SupervisionKind.allCases.map { s.kind($0).displayWidth }.max() ?? 12
                case .inspectors: return 14
                case .conclusion: return SupervisionConclusion.allCases.map { s.conclusion($0).displayWidth }.max() ?? 10
                case .accompanying: return 8
                case .findings: return 24
                }
            },
            slack: { _ in 8 })
    }

    static func bodyHeight(_ context: Context) -> Int { max(1, context.height - Layout.listChrome) }

    func keymap(_ context: Context) -> [KeyBinding] {
        return Keymap.tableMoves + [
            KeyBinding(keys: [.enter], action: .open, text: .actionOpenEntry, hint: .hintOpen),
            KeyBinding(keys: [.character("f")], action: .filters, text: .actionSupervisionFilters, hint: .hintFilters),
            KeyBinding(keys: [.character("F")], action: .clearAllFilters, text: .actionClearAllFilters),
            KeyBinding(keys: [.character("d")], action: .draw, text: .actionDraw, hint: .hintDraw),
        ] + Keymap.tableTools + Keymap.helpAndQuit
    }

    mutating func perform(_ action: Action, key: Key, context: inout Context) -> [Command] {
        let visible = Self.columns(context.strings).visible(width: context.width)
        // Dates read best newest first.
        if let commands = performTableKeys(action, context: &context, columns: visible, wraps: true, initialAscending: { $0 != .date }) {
            return commands
        }
        switch action {
        case .filters: return [.present(EnterpriseFilterForm(table.criteria, withRetired: false, context: context))]
        case .draw: return [.present(DrawFormModal(seed: UInt64.random(in: 0...UInt64.max), context: context))]
        case .clearAllFilters:
            table.criteria = EnterpriseCriteria(retired: .shown)
            table.filter = TextInput()
            refreshRows(&context)
            return []
        default: break
        }
        guard action == .open, let record = table.selectedRecord else { return [] }
        let entry = context.ledger.supervisionIndex.records[record].entry
        return [.open(SupervisionPageScreen(code: entry.enterpriseCode, id: entry.id, context: &context))]
    }

    func lists(_ record: SavedRecord) -> Bool {
        switch record {
        case .supervision, .enterprise: return true  // an enterprise's name and list show in its rows
        case .hazard: return false
        }
    }

    mutating func deliver(_ delivery: Delivery, context: inout Context) {
        if deliverSort(delivery, context: &context) { return }
        guard case .enterpriseCriteria(let criteria) = delivery else { return }
        table.criteria = criteria
        refreshRows(&context)
    }

    mutating func refreshRows(_ context: inout Context) {
        let rank = table.sortColumn == .enterprise ? context.ledger.enterpriseRank() : []
        if !table.filter.text.isEmpty { context.ledger.prepareSupervisionSearch() }
        let index = context.ledger.supervisionIndex
        table.refresh(body: Self.bodyHeight(context), order: { column, ascending in
            Self.sorted(index, column: column ?? .date, ascending: ascending, rank: rank)
        }, admit: { criteria, rows in
            criteria.integrity == .all ? rows
                : rows.filter { criteria.integrity.admits(index.enterprises.enterprises[index.records[$0].enterprise].integrityStatus) }
        }, match: { index.matching($0, among: $1) })
    }

    /// The entries in a column's order, ties newest first: as `plainSorted`, with the keys
    /// compared as numbers (texts by their rank among the distinct texts, `textRanks`).
    static func sorted(_ index: SupervisionDirectory, column: SupervisionColumn, ascending: Bool, rank: [Int]) -> [Int] {
        let records = index.records
        var numbers: [Int] = []
        numbers.reserveCapacity(records.count)
        var texts: [String] = []
        for i in records.indices {
            switch key(records[i], column: column, rank: rank) {
            case .number(let x): numbers.append(x)
            case .text(let t): texts.append(t)
            }
        }
        if !texts.isEmpty {
            guard numbers.isEmpty, let ranks = textRanks(texts) else {
                return plainSorted(index, column: column, ascending: ascending, rank: rank)
            }
            numbers = ranks.map { Int($0) }
        }
        return records.indices.sorted { a, b in
            if numbers[a] != numbers[b] { return ascending ? numbers[a] < numbers[b] : numbers[a] > numbers[b] }
            return SupervisionEntry.newestFirst(records[a].item, records[b].item)
        }
    }

    /// The plain path `sorted` must equal: a comparison sort of every entry by its key.
    static func plainSorted(_ index: SupervisionDirectory, column: SupervisionColumn, ascending: Bool, rank: [Int]) -> [Int] {
        let records = index.records
        let keyed = records.indices.map { ($0, Self.key(records[$0], column: column, rank: rank)) }
        return keyed.sorted { a, b in
            let order = EnterpriseSorting.compareFast(a.1, b.1)
            if order != 0 { return ascending ? order < 0 : order > 0 }
            return SupervisionEntry.newestFirst(records[a.0].item, records[b.0].item)
        }.map(\.0)
    }

    /// Numbers and ASCII only, so sorting thousands of entries needs no collation;
    /// enterprises sort by their precomputed pinyin rank.
    static func key(_ record: SupervisionDirectory.Record, column: SupervisionColumn, rank: [Int]) -> EnterpriseSorting.SortKey {
        let e = record.entry
        switch column {
        case .date: return .text(e.date + " " + e.time)
        case .enterprise: return .number(rank[record.enterprise])
        case .district: return .number(record.districtOrder)
        case .kind: return .number(SupervisionKind.allCases.firstIndex(of: e.kind) ?? 0)
        case .inspectors: return .text(e.inspectors.first?.name ?? "")
        case .conclusion: return .number(SupervisionConclusion.allCases.firstIndex(of: e.conclusion) ?? 0)
        case .accompanying: return .text(e.accompanying.name)
        case .findings: return .text(e.findings)
        }
    }

    func render(_ context: Context, into screen: inout Screen) {
        let s = context.strings
        let theme = context.theme
        let records = context.ledger.supervisionIndex.records
        let count = s.supervisionsCount(table.rows.count, records.count)
        Chrome.renderTitle(context, tab: tab, subtitle: count, into: &screen)
        let empty = context.ledger.loading.map { s.supervisionsLoading($0.done, $0.total) }
            ?? (records.isEmpty ? s[.noSupervisionEntries] : s.noSupervisionMatches(table.filter.text))
        TableView.render(table, layout: Self.columns(s), top: 1, body: Self.bodyHeight(context), title: { s[Self.title(of: $0)] },
                         empty: empty, theme: theme, into: &screen) { row, column, selected in
            var style = selected ? theme.selected : Style.plain
            if column == .conclusion, records[row].entry.conclusion != .noProblem { style.bold = true }
            return (Self.cell(records[row], column, context), style)
        }
        Chrome.renderFilterLine(context, input: table.filter, active: table.filtering, into: &screen)
        let criteria = table.criteria.describe(s, retiredMatters: false)
        Chrome.renderStatus(Chrome.statusPrefix(context) + s[.viewSupervisions] + " " + count
                            + (criteria.isEmpty ? "" : " · " + s.activeFilters(criteria)),
                            bindings: hintBindings(context), context: context, into: &screen)
    }

    static func title(of column: SupervisionColumn) -> Text {
        switch column {
        case .date: return .colDate
        case .enterprise: return .colEnterprise
        case .district: return .colDistrict
        case .kind: return .colKind
        case .inspectors: return .colInspectors
        case .conclusion: return .colConclusion
        case .accompanying: return .colAccompanying
        case .findings: return .colFindings
        }
    }

    static func cell(_ record: SupervisionDirectory.Record, _ column: SupervisionColumn, _ context: Context) -> String {
        let e = record.entry
        let s = context.strings
        switch column {
        case .date: return e.date + " " + e.time
        case .enterprise:
            let e = context.ledger.enterprises[record.enterprise]
            return EnterpriseMarks.short(e.name, e, s)
        case .district: return s.district(context.ledger.enterprises[record.enterprise].district)
        case .kind: return s.kind(e.kind)
        case .inspectors: return e.inspectors.map(\.name).joined(separator: "、")
        case .conclusion: return s.conclusion(of: e)
        case .accompanying: return e.accompanying.name
        case .findings: return e.findings.replacingOccurrences(of: "\n", with: " ")
        }
    }

}
