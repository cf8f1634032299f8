import AnjianText
import AnjianModel
import AnjianRuntime
import AnjianScreen

/// The columns of the roster table; which are shown depends on the width.
public enum RosterColumn: Hashable, Sendable, CaseIterable {
    case name, certificate, expires, unit, phone, enterprises, avoid
}

/// What the roster's rows show besides the inspectors' own fields, derived from the ledger:
/// the enterprises each is responsible for (by the enterprises' supervisors, by name), and the
/// texts the filter matches.
struct RosterFacts: Sendable {
    /// Per inspector (by its place in the roster): the indices of its enterprises, in list order.
    var enterprises: [[Int]] = []
    var search: [PinyinSearchText] = []

    init() {}

    /// The enterprises (indices, in list order) whose supervisors name each inspector.
    static func enterprisesByName(_ ledger: LedgerData) -> [String: [Int]] {
        var byName: [String: [Int]] = [:]
        for (i, enterprise) in ledger.enterprises.enumerated() {
            for name in Set(enterprise.supervisors.map { $0.name.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
                byName[name, default: []].append(i)
            }
        }
        return byName
    }

    init(_ ledger: LedgerData) {
        let byName = Self.enterprisesByName(ledger)
        let inspectors = ledger.roster.inspectors
        enterprises = inspectors.map { byName[$0.name] ?? [] }
        search = inspectors.indices.map { i in
            let inspector = inspectors[i]
            let names = enterprises[i].map { ledger.enterprises[$0].shortName }
            let text = ([inspector.name, inspector.certificateNumber, inspector.unit, inspector.phone ?? ""] + names)
                .joined(separator: " ")
            return PinyinSearchText(text, table: ledger.pinyin)
        }
    }
}

/// View 4: the inspector roster (执法检查人员名录库). Retired inspectors are hidden unless `a`
/// shows them; a certificate expired or expiring within 30 days is marked.
struct RosterScreen: ListScreen {
    /// The criteria: whether retired inspectors are listed.
    var table = TableState<RosterColumn, Bool>(sortColumn: nil, ascending: true, criteria: false)
    private(set) var facts = RosterFacts()
    var tab: ViewID { 4 }
    var helpTitle: Text { .helpRoster }
    var showsRetired: Bool { table.criteria }

    init(context: inout Context) {
        refreshRows(&context)
    }

    static func columns(_ s: Strings) -> ColumnLayout<RosterColumn> {
        ColumnLayout(
            core: [.name, .certificate, .expires, .enterprises],
            optional: [.unit, .phone, .avoid],
            order: [.name, .certificate, .expires, .unit, .phone, .enterprises, .avoid],
            flexible: .enterprises, flexibleMinimum: 12,
            width: { column in
                switch column {
                case .name: return 10
                case .certificate: return 12
                // A date and its mark, or the retired mark and the day: the longest in the UI language.
                case .expires:
                    return max(s.certificateCell("2026-12-31", .expiringSoon(days: 30)).displayWidth,
                               (s[.rosterRetiredMark] + " 2026-12-31").displayWidth)
                case .unit: return 20
                case .phone: return 13
                case .enterprises: return 20
                case .avoid: return 20
                }
            },
            minimum: [.enterprises: 12])
    }

    static func bodyHeight(_ context: Context) -> Int { max(1, context.height - Layout.listChrome) }

    var selectedInspector: Int? { table.selectedRecord }

    func keymap(_ context: Context) -> [KeyBinding] {
        Keymap.tableMoves + [
            KeyBinding(keys: [.enter], action: .open, text: .actionOpen, hint: .hintDetails),
            KeyBinding(keys: [.character("n")], action: .newInspector, text: .actionNewInspector, hint: .hintNewInspector),
            KeyBinding(keys: [.character("a")], action: .showRetired, text: .actionShowRetired, hint: .hintShowRetired),
            KeyBinding(keys: [.character("e")], action: .edit, text: .actionEditInspector, hint: .hintEdit),
        ] + Keymap.tableTools + Keymap.helpAndQuit
    }

    func offers(_ action: Action, _ context: Context) -> Bool {
        [.open, .edit].contains(action) ? table.selectedRecord != nil : true
    }

    mutating func perform(_ action: Action, key: Key, context: inout Context) -> [Command] {
        if action == .sortReverse, table.sortColumn == nil {
            table.sortColumn = .name
            table.ascending = false
            refreshRows(&context)
            return []
        }
        if let commands = performTableKeys(action, context: &context, columns: Self.columns(context.strings).visible(width: context.width),
                                           wraps: false, initialAscending: { _ in true }) {
            return commands
        }
        switch action {
        case .newInspector: return [.present(RosterForm.new(context: context))]
        case .showRetired:
            table.criteria.toggle()
            refreshRows(&context)
            return []
        default: break
        }
        guard let index = selectedInspector else { return [] }
        let inspector = context.ledger.roster.inspectors[index]
        switch action {
        case .open: return [.open(InspectorPageScreen(certificateNumber: inspector.certificateNumber, context: &context))]
        case .edit: return [.present(RosterForm.edit(inspector, context: context))]
        default: return []
        }
    }

    func lists(_ record: SavedRecord) -> Bool { false }

    /// The roster and the enterprises it is derived from are small: any change lays it out again.
    mutating func refresh(_ change: Change, context: inout Context) {
        switch change {
        case .resized: table.clamp(body: Self.bodyHeight(context))
        case .inspectorSaved(let inspector, _):
            table.invalidate()
            refreshRows(&context)
            if let index = context.ledger.roster.inspectors.firstIndex(where: { $0.certificateNumber == inspector.certificateNumber }) {
                table.select(record: index, body: Self.bodyHeight(context))
            }
        case .saved, .reloaded, .shown:
            table.invalidate()
            refreshRows(&context)
        }
    }

    mutating func refreshRows(_ context: inout Context) {
        let facts = RosterFacts(context.ledger)
        self.facts = facts
        let inspectors = context.ledger.roster.inspectors
        let today = context.today
        table.refresh(body: Self.bodyHeight(context), order: { column, ascending in
            guard let column else { return Array(inspectors.indices) }
            let keyed = inspectors.indices.map { ($0, Self.sortKey(inspectors[$0], facts.enterprises[$0].count, column: column)) }
            return keyed.sorted { a, b in
                let order = EnterpriseSorting.compare(a.1, b.1)
                if order != 0 { return ascending ? order < 0 : order > 0 }
                return a.0 < b.0
            }.map(\.0)
        }, admit: { showRetired, rows in
            showRetired ? rows : rows.filter { !Self.isRetired(inspectors[$0], today: today) }
        }, match: { query, rows in rows.filter { facts.search[$0].matches(query) } })
    }

    /// Retired as of today: a retirement dated later still lists them until then.
    static func isRetired(_ inspector: Inspector, today: String) -> Bool {
        inspector.retired.map { $0.date <= today } ?? false
    }

    static func sortKey(_ inspector: Inspector, _ enterpriseCount: Int, column: RosterColumn) -> EnterpriseSorting.SortKey {
        switch column {
        case .name: return .text(inspector.name)
        case .certificate: return .text(inspector.certificateNumber)
        // Not recorded last.
        case .expires: return .number(inspector.certificateExpires.map(EnterpriseSorting.dayNumber) ?? Int.max)
        case .unit: return .text(inspector.unit)
        case .phone: return .text(inspector.phone ?? "")
        case .enterprises: return .number(enterpriseCount)
        case .avoid: return .number(inspector.avoidDistricts.count + inspector.avoidEnterprises.count)
        }
    }

    func render(_ context: Context, into screen: inout Screen) {
        let s = context.strings
        let theme = context.theme
        let inspectors = context.ledger.roster.inspectors
        let today = context.today
        let count = s.rosterCount(shown: table.rows.count, total: inspectors.count)
        Chrome.renderTitle(context, tab: tab, subtitle: count, into: &screen)
        let empty = inspectors.isEmpty ? s[.rosterNoInspectors] : s.noMatches(table.filter.text)
        let ledger = context.ledger
        TableView.render(table, layout: Self.columns(s), top: 1, body: Self.bodyHeight(context), title: { s[Self.title(of: $0)] },
                         empty: empty, theme: theme, into: &screen) { record, column, selected in
            var (text, style) = Self.cell(inspectors[record], facts.enterprises[record], column: column, ledger: ledger,
                                          today: today, strings: s, theme: theme)
            if selected { style.reverse = true }
            return (text, style)
        }
        Chrome.renderFilterLine(context, input: table.filter, active: table.filtering, into: &screen)
        var left = Chrome.statusPrefix(context) + s[.viewRoster] + " " + count
        // The retired, hidden or shown, are said where the keys keep their room.
        let retired = inspectors.filter { Self.isRetired($0, today: today) }.count
        let retiredText = " · " + s.retiredCount(retired, shown: showsRetired)
        if retired > 0, (left + retiredText).displayWidth <= context.width / 2 { left += retiredText }
        if let column = table.sortColumn {
            left += " · " + s.sortedBy(s[Self.title(of: column)], s[table.ascending ? .ascending : .descending])
        }
        Chrome.renderStatus(left, bindings: hintBindings(context), context: context, into: &screen)
    }

    static func title(of column: RosterColumn) -> Text {
        switch column {
        case .name: return .rosterColName
        case .certificate: return .rosterColCertificate
        case .expires: return .rosterColExpires
        case .unit: return .rosterColUnit
        case .phone: return .rosterColPhone
        case .enterprises: return .rosterColEnterprises
        case .avoid: return .rosterColAvoid
        }
    }

    /// The style of a certificate's state: expired as an error, expiring soon in yellow (each
    /// with its text mark too).
    static func certificateStyle(_ state: CertificateState, theme: Theme) -> Style {
        switch state {
        case .expired: return theme.error
        case .expiringSoon: return Style(foreground: theme.color ? .yellow : nil, bold: true)
        case .valid, .notRecorded: return .plain
        }
    }

    static func cell(_ inspector: Inspector, _ enterprises: [Int], column: RosterColumn, ledger: LedgerData, today: String,
                     strings s: Strings, theme: Theme) -> (String, Style) {
        let retired = isRetired(inspector, today: today)
        let plain: Style = retired ? theme.dim : .plain
        switch column {
        case .name: return (ConflictMarks.prefix(inspector, s) + inspector.name, retired ? theme.dim : Style(bold: false))
        case .certificate: return (inspector.certificateNumber, plain)
        case .expires:
            if let retirement = inspector.retired, retired { return (s[.rosterRetiredMark] + " " + retirement.date, theme.dim) }
            let state = inspector.certificateState(today: today)
            return (s.certificateCell(inspector.certificateExpires, state), certificateStyle(state, theme: theme))
        case .unit: return (inspector.unit, plain)
        case .phone: return (inspector.phone ?? "", plain)
        case .enterprises:
            return (enterprises.map { EnterpriseMarks.short(ledger.enterprises[$0].shortName, ledger.enterprises[$0], s) }
                        .joined(separator: s.listSeparator), plain)
        case .avoid: return (avoidText(inspector, ledger: ledger, strings: s, separator: s.listSeparator), plain)
        }
    }

    /// The districts and enterprises to avoid: districts by name, enterprises by short name
    /// (by credit code when the ledger does not know it).
    static func avoidText(_ inspector: Inspector, ledger: LedgerData, strings s: Strings, separator: String) -> String {
        let districts = inspector.avoidDistricts.map { s.district($0) }
        let enterprises = inspector.avoidEnterprises.map { code in ledger.directory.index(of: code).map { ledger.enterprises[$0].shortName } ?? code }
        return (districts + enterprises).joined(separator: separator)
    }
}
