import Foundation
import AnjianModel
import AnjianText

/// A table to export: column titles (from the TUI's strings) and typed cells, so that a
/// spreadsheet gets dates as dates and every format shows the same values.
public struct ExportTable: Sendable, Equatable {
    public enum Cell: Sendable, Equatable {
        case text(String)
        /// `YYYY-MM-DD`; a spreadsheet date.
        case date(String)

        public var text: String {
            switch self { case .text(let t), .date(let t): return t }
        }
    }
    public var titles: [String]
    public var rows: [[Cell]]
}

enum ExportTables {
    /// A date cell when the text is a date, else text (an empty or unusual value stays as it is).
    static func day(_ text: String?) -> ExportTable.Cell {
        guard let text, CalendarDate.isValid(text) else { return .text(text ?? "") }
        return .date(text)
    }

    static func enterprises(_ enterprises: [Enterprise], strings s: Strings) -> ExportTable {
        let titles: [Text] = [.colName, .colShortName, .colCreditCode, .colDistrict, .fieldAddress, .colIndustry, .colCategory,
                              .colRisk, .colIntegrity, .fieldLegalRepresentative, .colSafetyPerson, .colSafetyPhone, .colSupervisor]
        let rows: [[ExportTable.Cell]] = enterprises.map { e in
            [.text(e.name), .text(e.shortName), .text(e.creditCode), .text(s.district(e.district)), .text(e.address), .text(e.industry),
             .text(s.category(e.category)), .text(s.riskLong(e.riskGrade)), .text(s.integrity(e.integrityStatus)),
             .text(e.legalRepresentative), .text(e.safetyResponsible.name), .text(e.safetyResponsible.phone),
             .text(e.supervisors.map(\.name).joined(separator: "、"))]
        }
        return ExportTable(titles: titles.map { s[$0] }, rows: rows)
    }

    static func supervisions(_ entries: [(SupervisionEntry, Enterprise)], strings s: Strings) -> ExportTable {
        let titles = [s[.colDate], s.fieldLabel("time"), s[.colName], s[.colCreditCode], s[.colDistrict], s[.colKind], s[.colInspectors],
                      s[.colConclusion], s[.colAccompanying], s.fieldLabel("itemsChecked"), s[.colFindings], s.fieldLabel("hazardIDs")]
        let rows: [[ExportTable.Cell]] = entries.map { entry, e in
            [day(entry.date), .text(entry.time), .text(e.name), .text(e.creditCode), .text(s.district(e.district)), .text(s.kind(entry.kind)),
             .text(entry.inspectors.map(\.name).joined(separator: "、")), .text(s.conclusion(of: entry)),
             .text(entry.accompanying.name), .text(entry.itemsChecked), .text(entry.findings), .text("\(entry.hazardIDs.count)")]
        }
        return ExportTable(titles: titles, rows: rows)
    }

    static func hazards(_ hazards: [(Hazard, Enterprise)], strings s: Strings, today: String, verificationDays: Int) -> ExportTable {
        let titles = [s[.colNumber], s[.colName], s[.colCreditCode], s[.colDistrict], s[.colLevel], s[.colStatus],
                      s.fieldLabel("category"), s[.colFound], s.fieldLabel("foundBy"), s.fieldLabel("location"), s[.colDescription],
                      s[.colResponsible], s.fieldLabel("rectification.measures"), s[.colDeadline], s[.colOverdue], s.fieldLabel("closedOn")]
        let rows: [[ExportTable.Cell]] = hazards.map { h, e in
            [.text(h.number), .text(e.name), .text(e.creditCode), .text(s.district(e.district)), .text(s.level(h.level)),
             .text(s.status(h.status)), .text(s.hazardCategory(h.category)), day(h.discoveredOn), .text(h.foundBy), .text(h.location),
             .text(h.description), .text(h.rectification.responsible), .text(h.rectification.measures), day(h.rectification.deadline),
             .text(h.timing(today: today, verificationDays: verificationDays).map(s.timingMarker) ?? ""), day(h.closedOn)]
        }
        return ExportTable(titles: titles, rows: rows)
    }
}

/// CSV as Excel and WPS open it: UTF-8 with a BOM (else they guess the ANSI code page), CRLF,
/// fields quoted when they hold a comma, quote or line break (RFC 4180).
public enum ExportCSV {
    public static func encode(_ table: ExportTable) -> Data {
        var text = "\u{FEFF}"
        func line(_ fields: [String]) {
            text += fields.map(quoted).joined(separator: ",") + "\r\n"
        }
        line(table.titles)
        for row in table.rows { line(row.map(\.text)) }
        return Data(text.utf8)
    }

    static func quoted(_ field: String) -> String {
        let field = ExcelText.guarded(field)
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// What Excel and WPS make of a CSV cell: text starting with `=` `+` `-` `@` is run as a formula
/// (a name imported as `=HYPERLINK(…)` would be live), and a long run of digits becomes a number
/// (a credit code shows as 9.13706E+17 and loses digits when saved). Such cells are written as
/// text: a formula with a leading `'`, a long number with a leading tab; `anjian import` takes
/// both marks off again.
public enum ExcelText {
    /// Digits from this many on are a code, not a number (phones, credit codes, certificates).
    static let longDigits = 12

    public static func guarded(_ field: String) -> String {
        guard let first = field.unicodeScalars.first else { return field }
        if "=+-@".unicodeScalars.contains(first) { return "'" + field }
        if field.utf8.count >= longDigits, field.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return "\t" + field }
        return field
    }

    /// The field as it was before `guarded` (what an Excel round trip brings back).
    public static func unguarded(_ field: String) -> String {
        if field.hasPrefix("'"), let second = field.unicodeScalars.dropFirst().first, "=+-@".unicodeScalars.contains(second) {
            return String(field.dropFirst())
        }
        return field
    }
}

/// A readable report: title, date, data directory, filters, the summary figures and the table.
enum ExportMarkdown {
    static func report(_ selection: ExportCommand.Selection, kind: ExportCommand.Kind, filters: ExportCommand.Filters,
                       strings s: Strings, today: String, directory: String, missingFiles: Int) -> String {
        var lines = ["# " + s.exportKindName(kind.rawValue), ""]
        lines.append("- " + s.exportDate(today))
        lines.append("- " + s.exportSource(directory))
        lines.append("- " + s.exportFilters(describe(filters, strings: s)))
        lines.append("- " + s.exportRecordCount(selection.table.rows.count, of: selection.total))
        if let counts = selection.hazardCounts {
            // The figures of view 2's header, for the same rows.
            lines.append("- " + s.hazardCounts(counts))
            lines.append("- " + s.hazardDeadlineCounts(counts))
        }
        for note in selection.notes { lines.append("- " + note) }
        if missingFiles > 0 { lines.append("- **" + s.exportMissingFiles(missingFiles) + "**") }
        lines.append("")
        lines.append("| " + selection.table.titles.map(cell).joined(separator: " | ") + " |")
        lines.append("|" + String(repeating: " --- |", count: selection.table.titles.count))
        for row in selection.table.rows { lines.append("| " + row.map { cell($0.text) }.joined(separator: " | ") + " |") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A table cell: pipes escaped, line breaks as `<br>`, so a multi-line description stays one row.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\r\n", with: "<br>").replacingOccurrences(of: "\n", with: "<br>")
    }

    /// The filters in the TUI's words where it has them.
    static func describe(_ f: ExportCommand.Filters, strings s: Strings) -> String {
        var parts: [String] = []
        if let status = f.status {
            switch status {
            case "open": parts.append(s[.filterOpen])
            case "all": parts.append(s[.filterAll])
            default: parts.append(HazardStatus(rawValue: status).map(s.status) ?? status)
            }
        }
        if let level = f.level { parts.append(HazardLevel(rawValue: level).map(s.level) ?? level) }
        if f.overdue { parts.append(s[.exportFilterOverdue]) }
        switch f.timing {
        case "rectification-overdue": parts.append(s[.filterRectificationOverdue])
        case "verification-overdue": parts.append(s[.filterVerificationOverdue])
        case "due-soon": parts.append(s[.filterDueSoon])
        case "not-overdue": parts.append(s[.filterNotOverdue])
        case "closed-late": parts.append(s[.filterClosedLate])
        default: break
        }
        if let district = f.district { parts.append(s.district(District.all.first { $0.name == district || $0.code == district
            || $0.englishName.lowercased() == district.lowercased() }?.name ?? district)) }
        if let enterprise = f.enterprise { parts.append(s[.fieldEnterpriseFilter] + " " + enterprise) }
        if let inspector = f.inspector { parts.append(s[.fieldInspectorFilter] + " " + inspector) }
        if f.since != nil || f.until != nil { parts.append(s.exportDateRange(since: f.since, until: f.until)) }
        if let query = f.query { parts.append(s[.exportFilterQuery] + " " + query) }
        if let draw = f.draw { parts.append(s.drawLabel + " " + draw) }
        return parts.isEmpty ? s[.exportNoFilters] : parts.joined(separator: "，")
    }
}
