import AnjianModel
import AnjianScreen
import AnjianText

/// View 3: every supervision entry of the city, newest first by default.
enum SupervisionListView {
    static func width(of column: SupervisionColumn, _ s: Strings) -> Int {
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
    }

    static let core: [SupervisionColumn] = [.date, .enterprise, .kind, .inspectors, .conclusion]
    static let optional: [SupervisionColumn] = [.district, .accompanying, .findings]

    static func visibleColumns(width: Int, _ s: Strings) -> [SupervisionColumn] { columnWidths(width: width, s).map(\.column) }

    /// Column widths; the enterprise takes what is left.
    static func columnWidths(width: Int, _ s: Strings) -> [(column: SupervisionColumn, width: Int)] {
        var columns = core
        func used(_ list: [SupervisionColumn]) -> Int {
            Layout.marker + list.reduce(0) { $0 + Self.width(of: $1, s) } + Layout.gap * (list.count - 1)
        }
        for column in optional where used(columns + [column]) + 8 <= width {
            columns.insert(column, at: column == .district ? 2 : columns.count)
        }
        let enterpriseWidth = max(10, Self.width(of: .enterprise, s) + width - used(columns))
        return columns.map { ($0, $0 == .enterprise ? enterpriseWidth : Self.width(of: $0, s)) }
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

    static func cell(_ record: SupervisionDirectory.Record, _ column: SupervisionColumn, _ state: AppState) -> String {
        let e = record.entry
        let s = state.strings
        switch column {
        case .date: return e.date + " " + e.time
        case .enterprise: return state.enterprises[record.enterprise].name
        case .district: return s.district(state.enterprises[record.enterprise].district)
        case .kind: return s.kind(e.kind)
        case .inspectors: return e.inspectors.map(\.name).joined(separator: "、")
        case .conclusion: return s.conclusion(e.conclusion)
        case .accompanying: return e.accompanying.name
        case .findings: return e.findings.replacingOccurrences(of: "\n", with: " ")
        }
    }

    static func render(_ state: AppState, theme: Theme, into screen: inout Screen) {
        let s = state.strings
        let list = state.supervisionList
        let total = state.supervisionDirectory.records.count
        let count = s.supervisionsCount(list.rows.count, total)
        AppView.renderTitle(state, theme: theme, subtitle: count, into: &screen)
        let columns = columnWidths(width: screen.width, s)
        var x = Layout.marker
        for (column, width) in columns {
            var title = s[title(of: column)]
            if column == list.sortColumn { title += list.ascending ? " ^" : " v" }
            screen.put(title.padded(toWidth: width), x: x, y: 1, style: theme.header)
            x += width + Layout.gap
        }
        let body = state.supervisionBodyHeight
        if list.rows.isEmpty {
            let text = total == 0 ? s[.noSupervisionEntries] : s.noSupervisionMatches(list.filter.text)
            screen.put(text, x: Layout.marker, y: 2, style: theme.dim)
        }
        for line in 0..<body {
            let rowIndex = list.top + line
            guard rowIndex < list.rows.count else { break }
            let record = state.supervisionDirectory.records[list.rows[rowIndex]]
            let y = 2 + line
            let selected = rowIndex == list.selected
            var style = Style.plain
            if selected {
                style = theme.selected
                screen.fill(y: y, style: style)
                screen.put(">", x: 0, y: y, style: style)
            }
            var x = Layout.marker
            for (column, width) in columns {
                var cellStyle = style
                if column == .conclusion, record.entry.conclusion != .noProblem { cellStyle.bold = true }
                screen.put(cell(record, column, state).padded(toWidth: width), x: x, y: y, style: cellStyle)
                x += width + Layout.gap
            }
        }
        AppView.renderFilterLine(state, input: list.filter, active: list.filtering, theme: theme, into: &screen)
        AppView.renderStatus(AppView.statusPrefix(state) + s[.viewSupervisions] + " " + count,
                             right: s[list.filtering ? .filterHint : .supervisionListHint], theme: theme, into: &screen)
    }
}

/// One supervision entry, read-only, with its history as a timeline.
enum SupervisionDetailView {
    /// One line for lists: date time, kind, inspectors, conclusion.
    static func summary(_ e: SupervisionEntry, strings s: Strings) -> String {
        [e.date + " " + e.time, s.kind(e.kind), e.inspectors.map(\.name).joined(separator: "、"), s.conclusion(e.conclusion)]
            .joined(separator: "  ")
    }

    static func lines(_ state: AppState, code: String, id: String, width: Int) -> [(label: String, value: String, style: Style)] {
        let s = state.strings
        guard let e = state.supervisionEntry(code, id) else { return [] }
        let labelWidth = DetailView.labelWidth(s)
        let valueWidth = max(10, width - labelWidth - 3)
        var result: [(String, String, Style)] = []
        func add(_ label: String, _ value: String, bold: Bool = false) {
            for (i, part) in value.wrapped(toWidth: valueWidth).enumerated() {
                result.append((i == 0 ? label : "", part, bold ? Style(bold: true) : .plain))
            }
        }
        let enterprise = state.supervisionDirectory.enterprise(code).map { state.enterprises[$0].name } ?? code
        add(s[.colEnterprise], enterprise, bold: true)
        add(s[.fieldDate], e.date + " " + e.time + "    " + e.id)
        add(s[.fieldKind], s.kind(e.kind))
        for (i, inspector) in e.inspectors.enumerated() {
            add(s.fieldInspector(i + 1), inspector.name + "  " + s[.fieldCertificate] + " " + inspector.certificateNumber)
        }
        add(s[.fieldAccompanying], [e.accompanying.name, e.accompanying.position, e.accompanying.phone].joined(separator: "  "))
        add(s[.fieldItemsChecked], e.itemsChecked.isEmpty ? s[.noneValue] : e.itemsChecked)
        add(s[.fieldFindings], e.findings.isEmpty ? s[.noneValue] : e.findings)
        add(s[.fieldConclusion], s.conclusion(e.conclusion), bold: e.conclusion != .noProblem)
        let found = (state.hazards[code] ?? []).filter { e.hazardIDs.contains($0.id) }
        if !found.isEmpty {
            add(s[.linkedHazards], found.map { $0.number + " " + s.status($0.status) }.joined(separator: "；"))
        }
        result.append(("", "", .plain))
        result.append((s[.historyTitle], "", Style(bold: true)))
        for item in e.history {
            let who = item.by.name.isEmpty ? s[.noOperator] : item.by.name
            add("", (item.action == .created ? s.historyCreated : s.historyEdited)(readableTime(item.at), who))
            for change in item.changes {
                add("", "  " + s.historyChange(change))
            }
        }
        return result
    }

    /// `2026-10-27T15:30:00+08:00` → `2026-10-27 15:30`.
    static func readableTime(_ iso: String) -> String {
        guard iso.count >= 16 else { return iso }
        return String(iso.prefix(16)).replacingOccurrences(of: "T", with: " ")
    }

    static func maxScroll(_ state: AppState, code: String, id: String) -> Int {
        max(0, lines(state, code: code, id: id, width: state.width).count - AppView.pageBodyHeight(state))
    }

    static func render(_ state: AppState, code: String, id: String, theme: Theme, into screen: inout Screen) {
        let s = state.strings
        AppView.renderTitle(state, theme: theme, subtitle: s[.supervisionTitle], into: &screen)
        AppView.renderPage(lines(state, code: code, id: id, width: screen.width), state: state, theme: theme, into: &screen)
        AppView.renderStatus(id, right: s[.supervisionHint], theme: theme, into: &screen)
    }
}
