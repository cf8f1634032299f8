import AnjianModel
import AnjianScreen
import AnjianText

/// View 2: the city-wide hazard ledger. Only the visible rows are rendered.
enum HazardListView {
    static func width(of column: HazardColumn) -> Int {
        switch column {
        case .number: return 18
        case .enterprise: return 16
        case .district: return 8
        case .level: return 10
        case .status: return 12
        case .found: return 10
        case .deadline: return 10
        case .overdue: return 9
        case .responsible: return 8
        case .description: return 16
        }
    }

    static let core: [HazardColumn] = [.enterprise, .level, .status, .deadline, .overdue, .description]
    /// Added in this order while there is room.
    static let optional: [HazardColumn] = [.number, .district, .found, .responsible]
    static let order: [HazardColumn] = [.number, .enterprise, .district, .level, .status, .found, .deadline, .overdue, .responsible, .description]

    static func visibleColumns(width: Int) -> [HazardColumn] { columnWidths(width: width).map(\.column) }

    /// Column widths; the description takes what is left.
    static func columnWidths(width: Int) -> [(column: HazardColumn, width: Int)] {
        var columns = core
        func used(_ list: [HazardColumn]) -> Int {
            Layout.marker + list.reduce(0) { $0 + Self.width(of: $1) } + Layout.gap * (list.count - 1)
        }
        for column in optional where used(columns + [column]) <= width { columns.append(column) }
        columns.sort { order.firstIndex(of: $0)! < order.firstIndex(of: $1)! }
        let descriptionWidth = max(8, Self.width(of: .description) + width - used(columns))
        return columns.map { ($0, $0 == .description ? descriptionWidth : Self.width(of: $0)) }
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

    static func cell(_ record: HazardDirectory.Record, _ column: HazardColumn, _ state: AppState, today: String) -> String {
        let h = record.hazard
        let s = state.strings
        switch column {
        case .number: return h.number
        case .enterprise: return state.enterprises[record.enterprise].shortName
        case .district: return s.district(state.enterprises[record.enterprise].district)
        case .level: return s.level(h.level)
        case .status: return s.status(h.status)
        case .found: return h.discoveredOn
        case .deadline: return h.rectification.deadline
        case .overdue:
            let days = h.daysOverdue(today: today)
            return days > 0 ? s.overdueDays(days) : ""
        case .responsible: return h.rectification.responsible
        case .description: return h.description.replacingOccurrences(of: "\n", with: " ")
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
        case .overdue: parts.append(s[.filterOverdueOnly])
        case .notOverdue: parts.append(s[.filterNotOverdue])
        }
        if let district = criteria.district { parts.append(s.district(district)) }
        if !criteria.enterprise.isEmpty { parts.append(s[.fieldEnterpriseFilter] + " " + criteria.enterprise) }
        if !criteria.inspector.isEmpty { parts.append(s[.fieldInspectorFilter] + " " + criteria.inspector) }
        return parts.joined(separator: "、")
    }

    static func render(_ state: AppState, theme: Theme, into screen: inout Screen) {
        let s = state.strings
        let list = state.hazardList
        let today = state.today
        let counts = state.shownHazardCounts
        AppView.renderTitle(state, theme: theme, subtitle: "\(list.rows.count)/\(state.hazardDirectory.records.count)",
                            into: &screen)
        var header = s.hazardCounts(counts.total, counts.open, counts.overdue, counts.major, counts.rectificationRate)
        if !list.criteria.isEmpty { header += "  " + s.activeFilters(describe(list.criteria, s)) }
        screen.put(header, x: 1, y: 1, style: theme.label, maxWidth: screen.width - 2)
        let columns = columnWidths(width: screen.width)
        var x = Layout.marker
        for (column, width) in columns {
            var title = s[title(of: column)]
            if column == list.sortColumn { title += list.ascending ? " ^" : " v" }
            screen.put(title.padded(toWidth: width), x: x, y: 2, style: theme.header)
            x += width + Layout.gap
        }
        let top = 3
        if list.rows.isEmpty {
            screen.put(s[.noHazardMatches], x: Layout.marker, y: top, style: theme.dim)
        }
        for line in 0..<state.hazardBodyHeight {
            let rowIndex = list.top + line
            guard rowIndex < list.rows.count else { break }
            let record = state.hazardDirectory.records[list.rows[rowIndex]]
            let y = top + line
            let selected = rowIndex == list.selected
            var rowStyle = Style.plain
            if selected {
                rowStyle = theme.selected
                screen.fill(y: y, style: rowStyle)
                screen.put(">", x: 0, y: y, style: rowStyle)
            }
            var x = Layout.marker
            for (column, width) in columns {
                var style = rowStyle
                if column == .overdue || column == .deadline, record.hazard.isOverdue(today: today) {
                    style = theme.hazard(record.hazard, today: today)
                    style.reverse = selected
                } else if column == .level, record.hazard.level == .major {
                    style = Style(foreground: theme.color ? .magenta : nil, bold: true, reverse: selected)
                } else if record.hazard.isClosed, !selected {
                    style = theme.dim
                }
                screen.put(cell(record, column, state, today: today).padded(toWidth: width), x: x, y: y, style: style)
                x += width + Layout.gap
            }
        }
        AppView.renderFilterLine(state, input: list.filter, active: list.filtering, theme: theme, into: &screen)
        AppView.renderStatus(AppView.statusPrefix(state) + s[.viewHazards] + " \(list.rows.count)",
                             right: s[list.filtering ? .filterHint : .hazardListHint], theme: theme, into: &screen)
    }
}

/// A hazard's page: every field, the verifications, the history as a timeline, and the
/// steps its state allows.
enum HazardPageView {
    /// One line for the enterprise page: number, level, status, deadline, overdue marker, description.
    static func summary(_ h: Hazard, strings s: Strings, today: String) -> String {
        let days = h.daysOverdue(today: today)
        return [h.number, s.level(h.level), s.status(h.status), h.rectification.deadline,
                days > 0 ? s.overdueDays(days) : "", h.description.replacingOccurrences(of: "\n", with: " ")]
            .filter { !$0.isEmpty }.joined(separator: "  ")
    }

    static func lines(_ state: AppState, code: String, id: String, width: Int) -> [(label: String, value: String, style: Style)] {
        let s = state.strings
        guard let h = state.hazard(code, id) else { return [] }
        let theme = Theme(color: state.useColor)
        let labelWidth = DetailView.labelWidth(s)
        let valueWidth = max(10, width - labelWidth - 3)
        var result: [(String, String, Style)] = []
        func add(_ label: String, _ value: String, _ style: Style = .plain) {
            for (i, part) in (value.isEmpty ? s[.noneValue] : value).wrapped(toWidth: valueWidth).enumerated() {
                result.append((i == 0 ? label : "", part, style))
            }
        }
        let today = state.today
        let enterprise = state.hazardDirectory.enterprise(code).map { state.enterprises[$0].name } ?? code
        add(s[.fieldNumber], h.number, Style(bold: true))
        add(s[.colEnterprise], enterprise)
        add(s[.fieldStatus], s.status(h.status) + (h.isOverdue(today: today) ? "  " + s.overdueDays(h.daysOverdue(today: today)) : ""),
            theme.hazard(h, today: today))
        add(s[.fieldLevel], s.level(h.level), h.level == .major ? Style(bold: true) : .plain)
        add(s[.fieldHazardCategory], s.hazardCategory(h.category))
        add(s[.fieldDiscoveredOn], h.discoveredOn + "  " + s[.fieldFoundBy] + " " + h.foundBy)
        add(s[.fieldLocation], h.location)
        add(s[.fieldDescription], h.description)
        if let source = h.supervisionID { add(s[.fieldSupervision], source) }
        add(s[.fieldResponsible], h.rectification.responsible)
        add(s[.fieldDeadline], h.rectification.deadline, h.isOverdue(today: today) ? theme.hazard(h, today: today) : .plain)
        add(s[.fieldMeasures], h.rectification.measures)
        add(s[.fieldFunds], h.rectification.funds)
        add(s[.fieldContingency], h.rectification.contingencyPlan)
        for (i, v) in h.verifications.enumerated() {
            add(i == 0 ? s[.fieldVerifications] : "", [v.date, v.verifier, s[v.passed ? .verificationPassed : .verificationFailed], v.remark]
                .filter { !$0.isEmpty }.joined(separator: "  "))
        }
        if let closed = h.closedOn { add(s[.fieldClosedOn], closed) }
        result.append(("", "", .plain))
        result.append((s[.historyTitle], "", Style(bold: true)))
        for item in h.history {
            let who = item.by.name.isEmpty ? s[.noOperator] : item.by.name
            let what: String
            switch item.action {
            case .created: what = s.historyCreated(SupervisionDetailView.readableTime(item.at), who)
            case .edited: what = s.historyEdited(SupervisionDetailView.readableTime(item.at), who)
            default: what = SupervisionDetailView.readableTime(item.at) + "  " + who + "  " + s.step(item.action)
            }
            add("", what)
            for change in item.changes where change.field != "status" {
                add("", "  " + s.historyChange(change))
            }
            if let note = item.note { add("", "  " + s[item.action == .verifiedPassed ? .fieldRemark : .fieldReason] + "：" + note) }
        }
        return result
    }

    static func maxScroll(_ state: AppState, code: String, id: String) -> Int {
        max(0, lines(state, code: code, id: id, width: state.width).count - AppView.pageBodyHeight(state))
    }

    static func render(_ state: AppState, code: String, id: String, theme: Theme, into screen: inout Screen) {
        let s = state.strings
        AppView.renderTitle(state, theme: theme, subtitle: s[.hazardTitle], into: &screen)
        AppView.renderPage(lines(state, code: code, id: id, width: screen.width), state: state, theme: theme, into: &screen)
        guard let h = state.hazard(code, id) else { return }
        let keys = h.allowedSteps.compactMap { step in
            Keymap.hazard.first { $0.action == .step(step) }.map { $0.keys[0].displayName + " " + s.step(step) }
        } + ["e " + s[.actionEdit], "Esc " + s[.actionBack]]
        AppView.renderStatus(h.number, right: keys.joined(separator: "  "), theme: theme, into: &screen)
    }
}
