import AnjianModel
import AnjianScreen

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
        let districtCode = District.named(e.district).map { "  (" + s[.districtCode, $0.code] + ")" } ?? ""
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
            let text = parts.filter { $0.1 > 0 }.map { s[$0.0, $0.1] }.joined(separator: s.language == .zh ? "，" : ", ")
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

    /// The profile laid out at a width: one screen row each, long values wrapped.
    static func rows(_ e: Enterprise, strings s: Strings, theme: Theme, width: Int) -> [(label: String, value: String, style: Style)] {
        let labelWidth = labelWidth(s)
        let valueWidth = max(10, width - labelWidth - 3)
        var rows: [(String, String, Style)] = []
        for line in fields(e, strings: s, theme: theme) {
            for (i, part) in line.value.wrapped(toWidth: valueWidth).enumerated() {
                rows.append((i == 0 ? line.label : "", part, line.style))
            }
        }
        return rows
    }

    /// The largest useful scroll offset at the state's size.
    static func maxScroll(_ state: AppState, enterprise: Int) -> Int {
        let count = rows(state.enterprises[enterprise], strings: state.strings, theme: Theme(color: false), width: state.width).count
        return max(0, count - (state.height - 3))
    }

    static func render(_ state: AppState, enterprise index: Int, theme: Theme, into screen: inout Screen) {
        let s = state.strings
        let e = state.enterprises[index]
        AppView.renderTitle(state, theme: theme, subtitle: s[.detailTitle], into: &screen)
        let all = rows(e, strings: s, theme: theme, width: screen.width)
        let body = screen.height - 3
        let scroll = min(state.detailScroll, max(0, all.count - body))
        let labelWidth = labelWidth(s)
        for (line, row) in all.dropFirst(scroll).prefix(body).enumerated() {
            let y = 1 + line
            screen.put(row.label.padded(toWidth: labelWidth), x: 1, y: y, style: theme.label)
            screen.put(row.value, x: labelWidth + 3, y: y, style: row.style, maxWidth: screen.width - labelWidth - 3)
        }
        if let message = state.message {
            screen.put(message, x: 1, y: screen.height - 2, style: theme.label)
        }
        let position = all.count > body ? "  " + s[.readingLine, scroll + 1, all.count] : ""
        AppView.renderStatus(e.shortName + position, right: s[.helpClose] + "  " + s[.helpHintShort], theme: theme, into: &screen)
    }
}
