import AnjianModel
import AnjianScreen
import AnjianText

/// The enterprise table: title, header, the visible rows only, filter line, status line.
enum ListView {
    static func render(_ state: AppState, theme: Theme, into screen: inout Screen) {
        let s = state.strings
        let count = s.shownOfTotal(state.rows.count, state.enterprises.count)
        AppView.renderTitle(state, theme: theme, subtitle: count, into: &screen)

        let columns = Layout.columnWidths(width: screen.width)
        var x = Layout.marker
        for (column, width) in columns {
            var title = s[title(of: column)]
            if let sort = state.sort, sort.column == column { title += sort.ascending ? " ^" : " v" }
            screen.put(title.padded(toWidth: width), x: x, y: 1, style: theme.header)
            x += width + Layout.gap
        }

        let bodyTop = 2
        let body = state.listBodyHeight
        if state.rows.isEmpty {
            let text = state.enterprises.isEmpty ? s[.noEnterprises] : s.noMatches(state.filter.text)
            screen.put(text, x: Layout.marker, y: bodyTop, style: theme.dim)
        }
        for line in 0..<body {
            let rowIndex = state.top + line
            guard rowIndex < state.rows.count else { break }
            let enterprise = state.enterprises[state.rows[rowIndex]]
            let y = bodyTop + line
            let isSelected = rowIndex == state.selected
            if isSelected {
                screen.fill(y: y, style: theme.selected)
                screen.put(">", x: 0, y: y, style: theme.selected)
            }
            var x = Layout.marker
            for (column, width) in columns {
                let (text, style) = cell(enterprise, column: column, strings: s, theme: theme)
                var cellStyle = style
                if isSelected { cellStyle.reverse = true }
                screen.put(text.padded(toWidth: width), x: x, y: y, style: cellStyle)
                x += width + Layout.gap
            }
        }

        AppView.renderFilterLine(state, input: state.filter, active: state.filtering, theme: theme, into: &screen)

        var left = AppView.statusPrefix(state) + s[.viewEnterprises] + " " + count
        if let sort = state.sort {
            left += " · " + s.sortedBy(s[title(of: sort.column)], s[sort.ascending ? .ascending : .descending])
        }
        AppView.renderStatus(left, right: s[state.filtering ? .filterHint : .helpHint], theme: theme, into: &screen)
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
        case .name: return (e.name, .plain)
        case .shortName: return (e.shortName, .plain)
        case .district: return (s.district(e.district), .plain)
        case .industry: return (s.language == .zh ? e.industry : s.category(e.category), .plain)
        case .category: return (s.category(e.category), .plain)
        case .risk: return (s.riskShort(e.riskGrade), theme.risk(e.riskGrade))
        case .integrity:
            return (e.integrityStatus == .none ? "" : s.integrity(e.integrityStatus), theme.integrity(e.integrityStatus))
        case .supervisor: return (e.supervisors.map(\.name).joined(separator: "、"), .plain)
        case .creditCode: return (e.creditCode, .plain)
        case .safetyPerson: return (e.safetyResponsible.name, .plain)
        case .safetyPhone: return (e.safetyResponsible.phone, .plain)
        }
    }
}
