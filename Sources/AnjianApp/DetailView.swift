import AnjianModel
import AnjianScreen
import AnjianText

/// The enterprise page: the full profile as label / value lines, scrollable.
enum DetailView {
    struct Line {
        var label: String
        var value: String
        var style: Style = .plain
    }

    static func fields(_ e: Enterprise, strings s: Strings, theme: Theme) -> [Line] {
        let check = CreditCode.check(e.creditCode)
        var codeText = check.normalized + "  " + (check.isValid ? "[" + s[.creditCodeValid] + "]" : "[" + s[.creditCodeInvalid] + "]")
        for problem in check.problems { codeText += " " + s.problem(.creditCode(problem)) }
        var lines: [Line] = [
            Line(label: s[.fieldName], value: e.name, style: Style(bold: true)),
            Line(label: s[.fieldShortName], value: e.shortName),
            Line(label: s[.fieldCreditCode], value: codeText, style: check.isValid ? .plain : theme.error),
        ]
        for warning in check.warnings {
            lines.append(Line(label: "", value: "! " + s.problem(.organizationCode(warning)), style: theme.error))
        }
        let districtCode = District.named(e.district).map { "  (" + s.districtCode($0.code) + ")" } ?? ""
        let districtName = s.language == .zh ? e.district : s.district(e.district) + " " + e.district
        lines += [
            Line(label: s[.fieldDistrict], value: districtName + districtCode),
            Line(label: s[.fieldAddress], value: e.address),
            Line(label: s[.fieldIndustry], value: e.industry),
            Line(label: s[.fieldCategory], value: s.category(e.category)),
            Line(label: s[.fieldRisk], value: s.riskShort(e.riskGrade) + "  " + s.riskLong(e.riskGrade), style: theme.risk(e.riskGrade)),
            Line(label: s[.fieldLegalRepresentative], value: e.legalRepresentative),
            Line(label: s[.fieldSafetyResponsible],
                 value: [e.safetyResponsible.name, e.safetyResponsible.position, e.safetyResponsible.phone]
                    .filter { !$0.isEmpty }.joined(separator: "  ")),
        ]
        for (i, supervisor) in e.supervisors.enumerated() {
            lines.append(Line(label: i == 0 ? s[.fieldSupervisors] : "", value: supervisor.name + "  " + supervisor.phone))
        }
        if let equipment = e.specialEquipment, equipment.total > 0 {
            let parts: [(Text, Int)] = [
                (.equipmentBoilers, equipment.boilers), (.equipmentPressureVessels, equipment.pressureVessels),
                (.equipmentPressurePiping, equipment.pressurePiping), (.equipmentElevators, equipment.elevators),
                (.equipmentCranes, equipment.cranes), (.equipmentForklifts, equipment.forklifts),
            ]
            let text = parts.filter { $0.1 > 0 }.map { s.equipment($0.0, $0.1) }.joined(separator: s.language == .zh ? "，" : ", ")
            lines.append(Line(label: s[.fieldSpecialEquipment], value: text))
        } else {
            lines.append(Line(label: s[.fieldSpecialEquipment], value: s[.equipmentNone]))
        }
        if let integrity = e.integrity, integrity.status != .none {
            lines.append(Line(label: s[.fieldIntegrity],
                              value: s.integrity(integrity.status) + "  " + integrity.date + "  " + integrity.reason,
                              style: theme.integrity(integrity.status)))
        } else {
            lines.append(Line(label: s[.fieldIntegrity], value: s.integrity(.none)))
        }
        if !e.notes.isEmpty { lines.append(Line(label: s[.fieldNotes], value: e.notes)) }
        return lines
    }

    static func labelWidth(_ s: Strings) -> Int { s.language == .zh ? 16 : 20 }

    /// What a selectable row of the page opens.
    enum Target: Hashable {
        case supervision(String, String)
        case hazard(String, String)
    }

    struct Row {
        var label: String
        var value: String
        var style: Style
        /// For a selectable row: its index among the page's targets.
        var entry: Int? = nil
        var isHeader = false
    }

    /// The page's selectable rows in order: supervision entries (newest first), then hazards
    /// (open ones first, by deadline).
    static func targets(_ state: AppState, enterprise index: Int) -> [Target] {
        let code = state.enterprises[index].creditCode
        return state.supervisionEntries(of: code).map { .supervision(code, $0.id) }
            + state.hazardEntries(of: code).map { .hazard(code, $0.id) }
    }

    /// The page laid out at a width: the profile (long values wrapped), then the
    /// enterprise's supervision entries, one row each.
    static func rows(_ state: AppState, enterprise index: Int, theme: Theme, width: Int) -> [Row] {
        let s = state.strings
        let e = state.enterprises[index]
        let labelWidth = labelWidth(s)
        let valueWidth = max(10, width - labelWidth - 3)
        var rows: [Row] = []
        for line in fields(e, strings: s, theme: theme) {
            for (i, part) in line.value.wrapped(toWidth: valueWidth).enumerated() {
                rows.append(Row(label: i == 0 ? line.label : "", value: part, style: line.style))
            }
        }
        let entries = state.supervisionEntries(of: e.creditCode)
        rows.append(Row(label: "", value: "", style: .plain))
        rows.append(Row(label: s.supervisionSection(entries.count), value: "", style: theme.header, isHeader: true))
        if entries.isEmpty {
            rows.append(Row(label: "", value: s[.noSupervisions], style: theme.dim))
        }
        for (i, entry) in entries.enumerated() {
            rows.append(Row(label: "", value: SupervisionDetailView.summary(entry, strings: s), style: .plain, entry: i))
        }
        let hazards = state.hazardEntries(of: e.creditCode)
        let counts = HazardCounts(hazards, today: state.today)
        rows.append(Row(label: "", value: "", style: .plain))
        rows.append(Row(label: s.hazardSection(counts.total, counts.open, counts.overdue, counts.major), value: "",
                        style: theme.header, isHeader: true))
        if hazards.isEmpty {
            rows.append(Row(label: "", value: s[.noHazards], style: theme.dim))
        }
        let today = state.today
        for (i, hazard) in hazards.enumerated() {
            rows.append(Row(label: "", value: HazardPageView.summary(hazard, strings: s, today: today),
                            style: theme.hazard(hazard, today: today), entry: entries.count + i))
        }
        return rows
    }

    static func bodyHeight(_ state: AppState) -> Int { state.height - 3 }

    /// The largest useful scroll offset at the state's size.
    static func maxScroll(_ state: AppState, enterprise: Int) -> Int {
        let count = rows(state, enterprise: enterprise, theme: Theme(color: false), width: state.width).count
        return max(0, count - bodyHeight(state))
    }

    /// A scroll offset that shows the selected entry, moving as little as possible.
    static func scrollShowing(_ state: AppState, enterprise: Int) -> Int {
        let all = rows(state, enterprise: enterprise, theme: Theme(color: false), width: state.width)
        guard let line = all.firstIndex(where: { $0.entry == state.detailSelection }) else { return state.detailScroll }
        let body = bodyHeight(state)
        var scroll = state.detailScroll
        if line < scroll { scroll = line }
        if line >= scroll + body { scroll = line - body + 1 }
        return scroll
    }

    static func render(_ state: AppState, enterprise index: Int, theme: Theme, into screen: inout Screen) {
        let s = state.strings
        let e = state.enterprises[index]
        AppView.renderTitle(state, theme: theme, subtitle: s[.detailTitle], into: &screen)
        let all = rows(state, enterprise: index, theme: theme, width: screen.width)
        let body = bodyHeight(state)
        let scroll = min(state.detailScroll, max(0, all.count - body))
        let labelWidth = labelWidth(s)
        for (line, row) in all.dropFirst(scroll).prefix(body).enumerated() {
            let y = 1 + line
            if row.isHeader {
                screen.put(row.label, x: 1, y: y, style: row.style)
                continue
            }
            if let entry = row.entry {
                let selected = entry == state.detailSelection
                let style = selected ? theme.selected : row.style
                if selected { screen.fill(x: 0, y: y, style: style) }
                screen.put((selected ? "> " : "  ") + row.value, x: 1, y: y, style: style, maxWidth: screen.width - 2)
                continue
            }
            screen.put(row.label.padded(toWidth: labelWidth), x: 1, y: y, style: theme.label)
            screen.put(row.value, x: labelWidth + 3, y: y, style: row.style, maxWidth: screen.width - labelWidth - 3)
        }
        AppView.renderMessage(state, theme: theme, into: &screen)
        let position = all.count > body ? "  " + s.readingLine(scroll + 1, all.count) : ""
        AppView.renderStatus(e.shortName + position, right: s[.detailHint], theme: theme, into: &screen)
    }
}
