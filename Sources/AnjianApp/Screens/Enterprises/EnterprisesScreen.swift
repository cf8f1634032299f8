import AnjianText
import AnjianModel
import AnjianRuntime
import AnjianScreen

/// The columns of the enterprise table; which are shown depends on the width.
public enum EnterpriseColumn: Hashable, Sendable, CaseIterable {
    case name, district, industry, risk, integrity, supervisor
    case creditCode, safetyPerson, safetyPhone, category, shortName
}

/// View 1: the directly-supervised enterprises, filtered as you type, sorted by a column.
struct EnterprisesScreen: ListScreen {
    /// Retired enterprises are hidden until the filters (`f`) show them.
    var table = TableState<EnterpriseColumn, EnterpriseCriteria>(sortColumn: nil, ascending: true, criteria: EnterpriseCriteria())
    var tab: ViewID { 1 }
    var helpTitle: Text { .helpList }

    init(context: inout Context) {
        refreshRows(&context)
    }

    static let nameMinimum = 24

    static let columns = ColumnLayout<EnterpriseColumn>(
        core: [.name, .district, .risk, .integrity],
        optional: [.industry, .supervisor, .safetyPerson, .creditCode, .safetyPhone, .category, .shortName],
        order: [.name, .district, .industry, .risk, .integrity, .safetyPerson, .safetyPhone, .creditCode, .category, .shortName, .supervisor],
        flexible: .name, flexibleMinimum: 10,
        width: { column in
            switch column {
            case .name: return EnterprisesScreen.nameMinimum
            case .district: return 8
            case .industry: return 14
            case .risk, .integrity: return 6
            case .supervisor: return 14
            case .creditCode: return 18
            case .safetyPerson: return 10
            case .safetyPhone: return 13
            case .category, .shortName: return 12
            }
        },
        // Beyond industry and supervisor, a column only where the name keeps room for a
        // typical Chinese company name (15 characters).
        slack: { $0 < 2 ? 0 : 30 - EnterprisesScreen.nameMinimum })

    /// The columns shown at a width.
    public static func visibleColumns(width: Int) -> [EnterpriseColumn] { columns.visible(width: width) }

    static func bodyHeight(_ context: Context) -> Int { max(1, context.height - Layout.listChrome) }

    var selectedEnterprise: Int? { table.selectedRecord }

    func keymap(_ context: Context) -> [KeyBinding] {
        return Keymap.tableMoves + [KeyBinding(keys: [.enter], action: .open, text: .actionOpen, hint: .hintDetails)] + Keymap.tableTools + [
            KeyBinding(keys: [.character("f")], action: .filters, text: .actionEnterpriseFilters, hint: .hintFilters),
            KeyBinding(keys: [.character("F")], action: .clearAllFilters, text: .actionClearAllFilters),
            KeyBinding(keys: [.character("s")], action: .newSupervision, text: .actionNewSupervision, hint: .hintEntry),
            KeyBinding(keys: [.character("h")], action: .newHazard, text: .actionNewHazard, hint: .hintHazard),
            KeyBinding(keys: [.character("n")], action: .newEnterprise, text: .actionNewEnterprise, hint: .hintNew),
        ] + Keymap.helpAndQuit
    }

    mutating func perform(_ action: Action, key: Key, context: inout Context) -> [Command] {
        if action == .sortReverse, table.sortColumn == nil {
            // Reversing the ledger's own order means: names, descending.
            table.sortColumn = .name
            table.ascending = false
            refreshRows(&context)
            return []
        }
        if let commands = performTableKeys(action, context: &context, columns: Self.visibleColumns(width: context.width), wraps: false,
                                           initialAscending: { _ in true }) {
            return commands
        }
        switch action {
        case .newEnterprise: return [.present(EnterpriseForm.new(context: context))]
        case .filters: return [.present(EnterpriseFilterForm(table.criteria, withRetired: true, context: context))]
        case .clearAllFilters:
            table.criteria = EnterpriseCriteria()
            table.filter = TextInput()
            refreshRows(&context)
            return []
        default: break
        }
        guard let index = selectedEnterprise else { return [] }
        switch action {
        case .open: return [.open(EnterprisePageScreen(enterprise: index, context: &context))]
        case .newSupervision: return [.present(SupervisionForm.new(for: index, context: context))]
        case .newHazard: return [.present(HazardForm.new(for: index, supervisionID: nil, context: context))]
        default: return []
        }
    }

    func lists(_ record: SavedRecord) -> Bool {
        if case .enterprise = record { return true }
        return false
    }

    mutating func deliver(_ delivery: Delivery, context: inout Context) {
        if deliverSort(delivery, context: &context) { return }
        guard case .enterpriseCriteria(let criteria) = delivery else { return }
        table.criteria = criteria
        refreshRows(&context)
    }

    mutating func refresh(_ change: Change, context: inout Context) {
        guard case .saved(.enterprise(let code)) = change else { return refreshList(change, context: &context) }
        table.invalidate()
        refreshRows(&context)
        // A new enterprise is selected, where the filters show it.
        if let index = context.ledger.directory.index(of: code) { table.select(record: index, body: Self.bodyHeight(context)) }
    }

    mutating func refreshRows(_ context: inout Context) {
        let language = context.strings.language
        let enterprises = context.ledger.enterprises
        let directory = context.ledger.directory
        table.refresh(body: Self.bodyHeight(context), order: { column, ascending in
            guard let column else { return Array(enterprises.indices) }
            let keyed = enterprises.indices.map { ($0, EnterpriseSorting.key(enterprises[$0], column: column, language: language)) }
            return keyed.sorted { a, b in
                let order = EnterpriseSorting.compare(a.1, b.1)
                if order != 0 { return ascending ? order < 0 : order > 0 }
                return a.0 < b.0
            }.map(\.0)
        }, admit: { criteria, rows in
            criteria.isDefault && !enterprises.contains { !$0.isActive } ? rows : rows.filter { criteria.admits(enterprises[$0]) }
        }, match: { directory.matching($0, among: $1) })
    }

    func render(_ context: Context, into screen: inout Screen) {
        let s = context.strings
        let theme = context.theme
        let enterprises = context.ledger.enterprises
        let count = s.shownOfTotal(table.rows.count, enterprises.count)
        let retiredCount = table.criteria.retired == .hidden ? enterprises.count(where: { !$0.isActive }) : 0
        Chrome.renderTitle(context, tab: tab, subtitle: count, into: &screen)
        let empty = enterprises.isEmpty ? s[.noEnterprises] : s.noMatches(table.filter.text)
        TableView.render(table, layout: Self.columns, top: 1, body: Self.bodyHeight(context), title: { s[Self.title(of: $0)] },
                         empty: empty, theme: theme, into: &screen) { record, column, selected in
            var (text, style) = Self.cell(enterprises[record], column: column, strings: s, theme: theme)
            if !enterprises[record].isActive, column != .integrity { style = EnterpriseMarks.style(enterprises[record], theme: theme) }
            if selected { style.reverse = true }
            return (text, style)
        }
        Chrome.renderFilterLine(context, input: table.filter, active: table.filtering, into: &screen)
        var left = Chrome.statusPrefix(context) + s[.viewEnterprises] + " " + count
        if let column = table.sortColumn {
            left += " · " + s.sortedBy(s[Self.title(of: column)], s[table.ascending ? .ascending : .descending])
        }
        let criteria = table.criteria.describe(s, retiredMatters: true)
        if !criteria.isEmpty { left += " · " + s.activeFilters(criteria) }
        if retiredCount > 0 { left += " · " + s.retiredHidden(retiredCount) }
        Chrome.renderStatus(left, bindings: hintBindings(context), context: context, into: &screen)
    }

    static func title(of column: EnterpriseColumn) -> Text {
        switch column {
        case .name: return .colName
        case .shortName: return .colShortName
        case .district: return .colDistrict
        case .industry: return .colIndustry
        case .category: return .colCategory
        case .risk: return .colRisk
        case .integrity: return .colIntegrity
        case .supervisor: return .colSupervisor
        case .creditCode: return .colCreditCode
        case .safetyPerson: return .colSafetyPerson
        case .safetyPhone: return .colSafetyPhone
        }
    }

    static func cell(_ e: Enterprise, column: EnterpriseColumn, strings s: Strings, theme: Theme) -> (String, Style) {
        switch column {
        case .name: return (ConflictMarks.prefix(e, s) + EnterpriseMarks.listName(e, s), .plain)
        case .shortName: return (e.shortName, .plain)
        case .district: return (s.district(e.district), .plain)
        case .industry: return (s.language == .zh ? e.industry : s.category(e.category), .plain)
        case .category: return (s.category(e.category), .plain)
        case .risk: return (s.riskShort(e.riskGrade), theme.risk(e.riskGrade))
        case .integrity:
            return (e.integrityStatus == .none ? "" : s.integrity(e.integrityStatus), theme.integrity(e.integrityStatus))
        case .supervisor: return (e.supervisors.map(\.name).joined(separator: s.listSeparator), .plain)
        case .creditCode: return (e.creditCode, .plain)
        case .safetyPerson: return (e.safetyResponsible.name, .plain)
        case .safetyPhone: return (e.safetyResponsible.phone, .plain)
        }
    }
}
