import AnjianText
import AnjianModel
import AnjianRuntime
import AnjianScreen

/// The columns of the supervision table (view 3).
public enum SupervisionColumn: Hashable, Sendable, CaseIterable {
    case date, enterprise, district, kind, inspectors, conclusion, accompanying, findings
}

/// View 3: every supervision entry of the city, newest first by default. A figure of the
/// statistics (view 5) opens it narrowed by `SupervisionCriteria`, named on a line above the table.
struct SupervisionsScreen: ListScreen {
    /// Criteria: a figure of the statistics (period, district, kind, inspector), and the
    /// enterprise's place on the integrity list (`f`); an enterprise's retirement hides no visit.
    var table = TableState<SupervisionColumn, SupervisionCriteria>(sortColumn: .date, ascending: false, criteria: SupervisionCriteria())
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
    /// The criteria's line, when there are criteria, takes a row from the table.
    func tableBody(_ context: Context) -> Int { max(1, Self.bodyHeight(context) - (table.criteria.isEmpty ? 0 : 1)) }

    func keymap(_ context: Context) -> [KeyBinding] {
        return Keymap.tableMoves + [
            KeyBinding(keys: [.enter], action: .open, text: .actionOpenEntry, hint: .hintOpen),
            KeyBinding(keys: [.character("f")], action: .filters, text: .actionSupervisionFilters, hint: .hintFilters),
            KeyBinding(keys: [.character("F")], action: .clearAllFilters, text: .actionClearAllFilters),
            KeyBinding(keys: [.character("d")], action: .draw, text: .actionDraw, hint: .hintDraw),
        ] + Keymap.tableTools + Keymap.helpAndQuit
    }

    func offers(_ action: Action, _ context: Context) -> Bool {
        switch action {
        case .clearAllFilters: return !table.criteria.isEmpty
        case .open: return table.selectedRecord != nil
        default: return true
        }
    }

    mutating func perform(_ action: Action, key: Key, context: inout Context) -> [Command] {
        let visible = Self.columns(context.strings).visible(width: context.width)
        // Dates read best newest first.
        if let commands = performTableKeys(action, context: &context, columns: visible, wraps: true, initialAscending: { $0 != .date }) {
            return commands
        }
        switch action {
        case .filters:
            let enterprise = EnterpriseCriteria(retired: .shown, integrity: table.criteria.integrity)
            return [.present(EnterpriseFilterForm(enterprise, withRetired: false, context: context))]
        case .draw: return [.present(DrawFormModal(seed: UInt64.random(in: 0...UInt64.max), context: context))]
        case .clearAllFilters:
            table.criteria = SupervisionCriteria()
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

    /// The filters form (`f`): the integrity list; a figure of the statistics: its criteria and
    /// no text filter, so the rows are the figure's.
    mutating func deliver(_ delivery: Delivery, context: inout Context) {
        if deliverSort(delivery, context: &context) { return }
        switch delivery {
        case .enterpriseCriteria(let criteria):
            table.criteria.integrity = criteria.integrity
        case .supervisionFigure(let criteria):
            table.criteria = criteria
            table.filter = TextInput()
            table.filtering = false
        default:
            return
        }
        refreshRows(&context)
    }

    mutating func refreshRows(_ context: inout Context) {
        let rank = table.sortColumn == .enterprise ? context.ledger.enterpriseRank() : []
        if !table.filter.text.isEmpty { context.ledger.prepareSupervisionSearch() }
        let index = context.ledger.supervisionIndex
        table.refresh(body: tableBody(context), order: { column, ascending in
            Self.sorted(index, column: column ?? .date, ascending: ascending, rank: rank)
        }, admit: { index.matching($0, among: $1) }, match: { index.matching($0, among: $1) })
    }

    /// The active criteria in words, for the line above the table.
    static func describe(_ criteria: SupervisionCriteria, _ s: Strings) -> String {
        var parts: [String] = []
        if !criteria.period.isOpen { parts.append(s.datedIn(since: criteria.period.since, until: criteria.period.until)) }
        if let district = criteria.district { parts.append(s.district(district)) }
        if let kind = criteria.kind { parts.append(s.kind(kind)) }
        if let certificate = criteria.certificateNumber { parts.append(s.inspectorCertificate(certificate)) }
        if criteria.noProblemOnly { parts.append(s.conclusion(.noProblem)) }
        if criteria.integrity != .all { parts.append(s.integrityFilter(criteria.integrity)) }
        if criteria.madeOnly { parts.append(s.madeVisitsOnly) }
        return parts.joined(separator: s.listSeparator)
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
        let conflicts = context.ledger.conflictCount
        let counted = (conflicts > 0 ? s.conflictCount(conflicts) + " " : "") + count
        Chrome.renderTitle(context, tab: tab, subtitle: counted, into: &screen)
        var top = 1
        if !table.criteria.isEmpty {
            screen.put(s.activeFilters(Self.describe(table.criteria, s)).truncated(toWidth: screen.width - 2), x: 1, y: 1, style: theme.label)
            top = 2
        }
        let empty = context.ledger.loading.map { s.supervisionsLoading($0.done, $0.total) }
            ?? (records.isEmpty ? s[.noSupervisionEntries] : s.noSupervisionMatches(table.filter.text))
        TableView.render(table, layout: Self.columns(s), top: top, body: tableBody(context), title: { s[Self.title(of: $0)] },
                         empty: empty, theme: theme, into: &screen) { row, column, selected in
            var style = selected ? theme.selected : Style.plain
            if column == .conclusion, records[row].entry.conclusion != .noProblem { style.bold = true }
            return (Self.cell(records[row], column, context), style)
        }
        Chrome.renderFilterLine(context, input: table.filter, active: table.filtering, into: &screen)
        // The criteria have their own line above the table; the conflicts are counted here too,
        // as the title drops its count on a narrow terminal.
        Chrome.renderStatus(Chrome.statusPrefix(context) + s[.viewSupervisions] + " " + counted,
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
            let enterprise = context.ledger.enterprises[record.enterprise]
            return ConflictMarks.prefix(e, s) + EnterpriseMarks.short(enterprise.name, enterprise, s)
        case .district: return s.district(context.ledger.enterprises[record.enterprise].district)
        case .kind: return s.kind(e.kind)
        case .inspectors: return e.inspectors.map(\.name).joined(separator: "、")
        case .conclusion: return s.conclusion(of: e)
        case .accompanying: return e.accompanying.name
        case .findings: return e.findings.replacingOccurrences(of: "\n", with: " ")
        }
    }

}
