import AnjianText
import AnjianModel
import AnjianRuntime
import AnjianScreen

public enum HazardColumn: Hashable, Sendable, CaseIterable {
    case number, enterprise, district, level, status, found, deadline, overdue, responsible, description
}

/// View 2: the city-wide hazard ledger, with criteria (`f`) and the text filter (`/`)
/// combined, and the figures of what is shown in its header. Only the visible rows are drawn.
struct HazardsScreen: ListScreen {
    var table = TableState<HazardColumn, HazardCriteria>(sortColumn: .deadline, ascending: true, criteria: HazardCriteria())
    /// The header's figures for the rows shown, counted when the rows change.
    private(set) var counts = HazardCounts()
    var tab: ViewID { 2 }
    var helpTitle: Text { .helpHazardList }

    init(context: inout Context) {
        refreshRows(&context)
    }

    /// The markers fit their language: `逾期15天销号` and `2026-11-24延` are 12 cells, `closed 15d late` 15.
    /// The district goes last among the optional columns; at 80 columns the enterprise's short name and
    /// the description give up cells to keep it, and a wide terminal gives the description what is left.
    static func columns(_ s: Strings) -> ColumnLayout<HazardColumn> {
        let zh = s.language == .zh
        var layout = ColumnLayout<HazardColumn>(
            core: [.enterprise, .level, .status, .deadline, .overdue, .description],
            optional: [.district, .number, .found, .responsible],
            order: [.number, .enterprise, .district, .level, .status, .found, .deadline, .overdue, .responsible, .description],
            flexible: .description, flexibleMinimum: 8,
            width: { column in
                switch column {
                case .number: return 18
                case .enterprise: return 12
                case .description: return 16
                case .district: return 8
                case .found: return 10
                case .level: return zh ? 9 : 8
                case .deadline: return zh ? 12 : 11
                case .status: return 12
                case .overdue: return zh ? 12 : 15
                case .responsible: return 8
                }
            })
        layout.minimum = [.enterprise: 8, .description: 8]
        return layout
    }

    /// Two header lines: the figures of what is shown, then those against the dates and the filters.
    static func bodyHeight(_ context: Context) -> Int { max(1, context.height - Layout.listChrome - 2) }

    func keymap(_ context: Context) -> [KeyBinding] {
        return Keymap.tableMoves + [
            KeyBinding(keys: [.enter], action: .open, text: .openHazard, hint: .hintOpen),
            KeyBinding(keys: [.character("f")], action: .filters, text: .actionFilters, hint: .hintFilters),
            KeyBinding(keys: [.character("F")], action: .clearAllFilters, text: .actionClearAllFilters),
        ] + Keymap.tableTools + Keymap.helpAndQuit
    }

    mutating func perform(_ action: Action, key: Key, context: inout Context) -> [Command] {
        let visible = Self.columns(context.strings).visible(width: context.width)
        // Overdue days and level read best largest first.
        if let commands = performTableKeys(action, context: &context, columns: visible, wraps: true,
                                           initialAscending: { ![.overdue, .level].contains($0) }) {
            return commands
        }
        switch action {
        case .filters:
            return [.present(HazardForm.filters(table.criteria, context: context))]
        case .clearAllFilters:
            table.criteria = HazardCriteria()
            table.filter = TextInput()
            refreshRows(&context)
        case .open:
            guard let record = table.selectedRecord else { return [] }
            let hazard = context.ledger.hazardIndex.records[record].hazard
            return [.open(HazardPageScreen(code: hazard.enterpriseCode, id: hazard.id, context: &context))]
        default: break
        }
        return []
    }

    func lists(_ record: SavedRecord) -> Bool {
        switch record {
        case .hazard, .enterprise: return true  // an enterprise's name and list show in its rows
        case .supervision: return false
        }
    }

    mutating func deliver(_ delivery: Delivery, context: inout Context) {
        if deliverSort(delivery, context: &context) { return }
        switch delivery {
        case .hazardCriteria(let criteria):
            table.criteria = criteria
        case .hazardFigure(let criteria):
            table.criteria = criteria
            table.filter = TextInput()
            table.filtering = false
        default: return
        }
        refreshRows(&context)
    }

    /// Applies the criteria and the `/` filter in the kept sort order. Nothing here sorts or reads
    /// dates per row: the order is one the ledger keeps (`RecordIndex.order`, computed once, kept up
    /// to date by saves) and the figures and overdue criteria come from each hazard's facts of the day.
    mutating func refreshRows(_ context: inout Context) {
        let today = context.today
        let verificationDays = context.verificationDays
        if !table.filter.text.isEmpty || !table.criteria.inspector.isEmpty { context.ledger.prepareHazardSearch() }
        let facts = context.ledger.hazardFacts(today: today, verificationDays: verificationDays)
        let column = table.sortColumn ?? .deadline
        // View 2 shows the short name: it sorts by it.
        let rank = column == .enterprise ? context.ledger.enterpriseRank(shortName: true) : []
        let order = context.ledger.hazardOrder(Self.orderSpec(column, rank: rank, today: today, verificationDays: verificationDays))
        let index = context.ledger.hazardIndex
        table.refresh(body: Self.bodyHeight(context), order: { _, ascending in order.walk(ascending: ascending) },
                      admit: { index.matching($0, facts: facts, among: $1) }, match: { index.matching($0, among: $1) })
        counts = index.counts(table.rows, facts: facts)
    }

    /// The order of a column as the ledger keeps it: by the column's key, ties by the hazard's
    /// number (then by index, as a stable sort); descending takes the keys from the largest, ties still by number.
    static func orderSpec(_ column: HazardColumn, rank: [Int], today: String, verificationDays: Int) -> HazardDirectory.OrderSpec {
        let tie: @Sendable (Hazard) -> String = { $0.number }
        switch column {
        case .enterprise:
            return .init(name: "\(column)", tag: rank, key: { .number(rank[$0.enterprise]) }, tie: tie)
        case .district:
            return .init(name: "\(column)", tag: [], key: { .number($0.districtOrder) }, tie: tie)
        case .overdue:
            return .init(name: "\(column)", tag: HazardDirectory.factsTag(today: today, verificationDays: verificationDays),
                         key: { key($0.item, column: column, today: today, verificationDays: verificationDays) }, tie: tie)
        default:
            return .init(name: "\(column)", tag: [], key: { key($0.item, column: column, today: today, verificationDays: verificationDays) },
                         tie: tie)
        }
    }

    /// Every column's order and the facts of the day, computed from the ledger as it is (a pure
    /// function, for another thread); `LedgerData.installHazardOrders` keeps them.
    static func prepareOrders(_ ledger: LedgerData, today: String, verificationDays: Int) -> HazardDirectory.Prepared {
        let rank = ledger.rankCache[true] ?? ledger.directory.pinyinRank(by: \.shortName)
        return ledger.hazardIndex.makePrepared(HazardColumn.allCases.map { orderSpec($0, rank: rank, today: today, verificationDays: verificationDays) },
                                               factsTag: HazardDirectory.factsTag(today: today, verificationDays: verificationDays)) { record in
            HazardFacts.of(record.item, today: today, verificationDays: verificationDays)
        }
    }

    /// The plain path the kept orders must equal: a comparison sort of every record.
    static func sorted(_ index: HazardDirectory, column: HazardColumn, ascending: Bool, rank: [Int], today: String,
                       verificationDays: Int) -> [Int] {
        let records = index.records
        // Records are read in place (`records[i].item`), never copied: a hazard copy per row
        // and per comparison doubled the time of a sort.
        let keyed: [(Int, RecordSortValue)] = records.indices.map { i in
            switch column {
            case .enterprise: return (i, .number(rank[records[i].enterprise]))
            case .district: return (i, .number(records[i].districtOrder))
            default: return (i, key(records[i].item, column: column, today: today, verificationDays: verificationDays))
            }
        }
        return keyed.sorted { a, b in
            // Without collation (fast): numbers, dates as numbers, names by a pinyin rank; only
            // responsible person and description fall back to code-point order.
            let order = RecordSortValue.compare(a.1, b.1)
            if order != 0 { return ascending ? order < 0 : order > 0 }
            return records[a.0].item.number < records[b.0].item.number
        }.map(\.0)
    }

    static func key(_ h: Hazard, column: HazardColumn, today: String, verificationDays: Int) -> RecordSortValue {
        switch column {
        case .number: return .text(h.number)
        case .level: return .number(h.level == .major ? 1 : 0)
        case .status: return .number(HazardStatus.allCases.firstIndex(of: h.status) ?? 0)
        case .found: return .number(EnterpriseSorting.dayNumber(h.discoveredOn))
        case .deadline: return .number(EnterpriseSorting.dayNumber(h.rectification.deadline))
        case .overdue: return .number(timingRank(h.timing(today: today, verificationDays: verificationDays)))
        case .responsible: return .text(h.rectification.responsible)
        case .description: return .text(h.description)
        case .enterprise, .district: return .number(0)  // by the record's enterprise, above
        }
    }

    /// Largest first: rectification overdue, then verification overdue (each most days first), due soon (fewest
    /// days left first), closed late, the rest.
    static func timingRank(_ timing: HazardTiming?) -> Int {
        switch timing {
        case .rectificationOverdue(let days)?: return 3_000_000 + days
        case .verificationOverdue(let days)?: return 2_000_000 + days
        case .dueSoon(let left)?: return 1_000_000 - left
        case .closedLate(let days)?: return days
        case nil: return 0
        }
    }

    func render(_ context: Context, into screen: inout Screen) {
        let s = context.strings
        let theme = context.theme
        let today = context.today
        let records = context.ledger.hazardIndex.records
        Chrome.renderTitle(context, tab: tab, subtitle: "\(table.rows.count)/\(records.count)", into: &screen)
        // Lines too long for the terminal end in "…": the filters, last, give way first. While the
        // records load there are no figures yet: zeros would read as an empty ledger.
        // Sync conflicts of the ledger first, where the line's end cannot cut them off.
        let conflicts = context.ledger.conflictCount
        let figures = context.ledger.loading.map { s.hazardsLoading($0.done, $0.total) }
            ?? (conflicts > 0 ? s.conflictCount(conflicts) + "  " : "") + s.hazardCounts(counts)
        screen.put(figures.truncated(toWidth: screen.width - 2), x: 1, y: 1, style: theme.label)
        var dates = context.ledger.loading == nil ? s.hazardDeadlineCounts(counts) : ""
        if !table.criteria.isEmpty { dates += (dates.isEmpty ? "" : "  ") + s.activeFilters(Self.describe(table.criteria, s)) }
        screen.put(dates.truncated(toWidth: screen.width - 2), x: 1, y: 2, style: theme.label)
        TableView.render(table, layout: Self.columns(s), top: 3, body: Self.bodyHeight(context), title: { s[Self.title(of: $0)] },
                         empty: context.ledger.loading == nil ? s[.noHazardMatches] : s[.recordsLoadingSection], theme: theme, into: &screen) { row, column, selected in
            let record = records[row]
            var style = selected ? theme.selected : Style.plain
            let timing = column == .overdue || column == .deadline ? record.hazard.timing(today: today, verificationDays: context.verificationDays) : nil
            if let timing, !record.hazard.isClosed {
                style = theme.hazard(record.hazard, timing: timing)
                style.reverse = selected
            } else if column == .level, record.hazard.level == .major {
                style = Style(foreground: theme.color ? .magenta : nil, bold: true, reverse: selected)
            } else if record.hazard.isClosed, !selected {
                style = theme.dim
            }
            return (Self.cell(record, column, context, today: today), style)
        }
        Chrome.renderFilterLine(context, input: table.filter, active: table.filtering, into: &screen)
        Chrome.renderStatus(Chrome.statusPrefix(context) + s[.viewHazards] + " \(table.rows.count)",
                            bindings: hintBindings(context), context: context, into: &screen)
    }

    static func title(of column: HazardColumn) -> Text {
        switch column {
        case .number: return .colNumber
        case .enterprise: return .colEnterprise
        case .district: return .colDistrict
        case .level: return .colLevel
        case .status: return .colStatus
        case .found: return .colFound
        case .deadline: return .colDeadline
        case .overdue: return .colOverdue
        case .responsible: return .colResponsible
        case .description: return .colDescription
        }
    }

    static func cell(_ record: HazardDirectory.Record, _ column: HazardColumn, _ context: Context, today: String) -> String {
        let h = record.hazard
        let s = context.strings
        switch column {
        case .number: return h.number
        case .enterprise:
            let e = context.ledger.enterprises[record.enterprise]
            return EnterpriseMarks.short(e.shortName, e, s)
        case .district: return s.district(context.ledger.enterprises[record.enterprise].district)
        case .level: return s.level(h.level)
        case .status: return s.status(h.status)
        case .found: return h.discoveredOn
        case .deadline: return s.deadline(h.rectification.deadline, extended: h.extensionCount > 0)
        case .overdue: return h.timing(today: today, verificationDays: context.verificationDays).map(s.timingMarker) ?? ""
        case .responsible: return h.rectification.responsible
        case .description: return ConflictMarks.prefix(h, s) + h.description.replacingOccurrences(of: "\n", with: " ")
        }
    }

    /// The active filters in words, for the header.
    static func describe(_ criteria: HazardCriteria, _ s: Strings) -> String {
        var parts: [String] = []
        switch criteria.status {
        case .all: break
        case .open: parts.append(s[.filterOpen])
        case .only(let status): parts.append(s.status(status))
        }
        if let level = criteria.level { parts.append(s.level(level)) }
        switch criteria.overdue {
        case .all: break
        case .rectificationOverdue: parts.append(s[.filterRectificationOverdue])
        case .verificationOverdue: parts.append(s[.filterVerificationOverdue])
        case .dueSoon: parts.append(s[.filterDueSoon])
        case .notOverdue: parts.append(s[.filterNotOverdue])
        case .closedLate: parts.append(s[.filterClosedLate])
        }
        if let category = criteria.category { parts.append(s.hazardCategory(category)) }
        if !criteria.discovered.isOpen { parts.append(s.discoveredIn(since: criteria.discovered.since, until: criteria.discovered.until)) }
        if let district = criteria.district { parts.append(s.district(district)) }
        if !criteria.enterprise.isEmpty { parts.append(s[.fieldEnterpriseFilter] + " " + criteria.enterprise) }
        if !criteria.inspector.isEmpty { parts.append(s[.fieldInspectorFilter] + " " + criteria.inspector) }
        if criteria.integrity != .all { parts.append(s.integrityFilter(criteria.integrity)) }
        return parts.joined(separator: "、")
    }

}
