import Foundation
import AnjianModel
import AnjianScreen
import AnjianText

/// `LedgerStatistics` written for people (text at 80 columns, Markdown tables) and for programs
/// (JSON with stable keys, raw values, rates as percentages to one decimal as view 2 shows them).
struct StatsReport {
    let statistics: LedgerStatistics
    let strings: Strings

    init(_ statistics: LedgerStatistics, strings: Strings) {
        self.statistics = statistics
        self.strings = strings
    }

    /// A titled table: the first column is a name (left aligned), the others figures (right aligned).
    struct Table {
        var title: String
        var headers: [String]
        var rows: [[String]]
    }

    // MARK: the figures as rows

    var headingLines: [String] {
        [strings.statsPeriod(since: statistics.period.since, until: statistics.period.until),
         strings.statsDistrict(statistics.district),
         strings.statsToday(statistics.today, verificationDays: statistics.verificationDays)]
    }

    func districtName(_ name: String) -> String { name.isEmpty ? strings[.statsUnknownDistrict] : strings.district(name) }

    var enterpriseTable: Table {
        func row(_ name: String, _ c: LedgerStatistics.IntegrityCounts) -> [String] {
            [name, "\(c.total)", "\(c.red)", "\(c.black)", "\(c.unlisted)"]
        }
        return Table(title: strings[.statsEnterprisesSection],
                     headers: [strings[.statsColDistrict], strings[.statsColEnterprises], strings[.statsColRed],
                               strings[.statsColBlack], strings[.statsColUnlisted]],
                     rows: statistics.enterprisesByDistrict.map { row(districtName($0.district), $0) }
                        + [row(strings[.statsTotal], statistics.enterprises)])
    }

    func hazardRow(_ name: String, _ c: HazardCounts) -> [String] {
        [name, "\(c.total)", "\(c.open)", "\(c.openMajor)", "\(c.rectificationOverdue)", "\(c.verificationOverdue)",
         "\(c.closed)", c.rectificationRate, c.onTimeRate]
    }

    func hazardHeaders(_ first: Text) -> [String] {
        [strings[first], strings[.statsColHazards], strings[.statsColOpen], strings[.statsColOpenMajor],
         strings[.statsColRectificationOverdue], strings[.statsColVerificationOverdue], strings[.statsColClosed],
         strings[.statsColRectificationRate], strings[.statsColOnTimeRate]]
    }

    var hazardSummary: String {
        let c = statistics.hazards
        return strings.statsHazardSummary(total: c.total, open: c.open, openMajor: c.openMajor, rectificationOverdue: c.rectificationOverdue,
                                          verificationOverdue: c.verificationOverdue, closed: c.closed,
                                          rectificationRate: c.rectificationRate, onTimeRate: c.onTimeRate)
    }

    var hazardTables: [Table] {
        [Table(title: strings[.statsHazardsByDistrict], headers: hazardHeaders(.statsColDistrict),
               rows: statistics.hazardsByDistrict.map { hazardRow(districtName($0.district), $0.counts) }
                + [hazardRow(strings[.statsTotal], statistics.hazards)]),
         Table(title: strings[.statsHazardsByLevel], headers: hazardHeaders(.statsColLevel),
               rows: statistics.hazardsByLevel.map { hazardRow(strings.level($0.level), $0.counts) }
                + [hazardRow(strings[.statsTotal], statistics.hazards)]),
         Table(title: strings[.statisticsByCategory], headers: hazardHeaders(.fieldHazardCategory),
               rows: statistics.hazardsByCategory.map { hazardRow(strings.hazardCategory($0.category), $0.counts) }
                + [hazardRow(strings[.statsTotal], statistics.hazards)])]
    }

    /// Hazards found and entries dated in each of the 12 months ending with the period's last.
    var trendTable: Table {
        Table(title: strings[.statsTrend], headers: [strings[.statsColMonth], strings[.statisticsHazardsTotal], strings[.statsColEntries]],
              rows: statistics.trendMonths.indices.map {
                  [statistics.trendMonths[$0], "\(statistics.hazardTrend[$0])", "\(statistics.entryTrend[$0])"]
              })
    }

    /// The supervised enterprises without an entry in the period.
    var notVisitedTable: Table {
        Table(title: strings.statisticsNotVisitedCount(statistics.notVisited.count, of: statistics.supervised),
              headers: [strings[.colEnterprise], strings[.statsColDistrict], strings[.statisticsColRisk], strings[.statisticsColLastVisit]],
              rows: statistics.notVisited.map {
                  [$0.name, districtName($0.district), strings.riskShort($0.riskGrade), $0.lastVisit ?? strings[.statisticsNeverVisited]]
              })
    }

    var passRateLine: String {
        let e = statistics.entries
        return strings.statsPassRate(noProblem: e.noProblem, entries: e.entries, rate: Self.percentText(e.passRate))
    }

    var entryTables: [Table] {
        func kindRow(_ name: String, _ c: LedgerStatistics.EntryCounts) -> [String] {
            [name, "\(c.entries)", "\(c.noProblem)", Self.percentText(c.passRate)]
        }
        return [
            Table(title: strings[.statsEntriesByKind],
                  headers: [strings[.statsColKind], strings[.statsColEntries], strings[.statsColNoProblem], strings[.statsColPassRate]],
                  rows: statistics.entriesByKind.map { kindRow(strings.kind($0.kind), $0.counts) }
                    + [kindRow(strings[.statsTotal], statistics.entries)]),
            Table(title: strings[.statsEntriesByMonth], headers: [strings[.statsColMonth], strings[.statsColEntries]],
                  rows: statistics.entriesByMonth.map { [$0.month, "\($0.entries)"] }),
            Table(title: strings[.statsEntriesByInspector],
                  headers: [strings[.statsColInspector], strings[.statsColCertificate], strings[.statsColEntries]],
                  rows: statistics.entriesByInspector.map { [$0.name, $0.certificateNumber, "\($0.entries)"] }),
        ]
    }

    /// As `HazardCounts` words its rates: one decimal and a percent sign, "—" with nothing to count.
    static func percentText(_ value: Double?) -> String {
        value.map { String(format: "%.1f%%", $0) } ?? "—"
    }

    /// The number JSON gives: the same rounding as the text.
    static func percentNumber(_ value: Double?) -> Double? {
        value.flatMap { Double(String(format: "%.1f", $0)) }
    }

    // MARK: text

    static let textWidth = 80

    func text() -> String {
        var lines = [strings[.statsTitle]] + headingLines + [""]
        lines += textLines(enterpriseTable) + [""]
        // The prose lines wrap at 80 columns as the tables fit them.
        lines += [strings[.statsHazardsSection]] + hazardSummary.wrapped(toWidth: Self.textWidth) + [""]
        for table in hazardTables { lines += textLines(table) + [""] }
        lines += [strings[.statsEntriesSection]] + passRateLine.wrapped(toWidth: Self.textWidth) + [""]
        for table in entryTables { lines += textLines(table) + [""] }
        lines += textLines(trendTable) + [""]
        lines += textLines(notVisitedTable, leftAligned: true) + [""]
        return lines.dropLast().joined(separator: "\n")
    }

    /// Columns as wide as their widest cell (Chinese counts two), two spaces apart, one when that
    /// does not fit 80 columns; a first column still too wide is cut with "…".
    func textLines(_ table: Table, leftAligned: Bool = false) -> [String] {
        guard !table.rows.isEmpty else { return [table.title, strings[.statsNone]] }
        let all = [table.headers] + table.rows
        var widths = table.headers.indices.map { column in all.map { $0[column].displayWidth }.max() ?? 0 }
        let figures = widths.dropFirst().reduce(0, +)
        var gap = 2
        if widths[0] + figures + gap * (widths.count - 1) > Self.textWidth { gap = 1 }
        let room = Self.textWidth - figures - gap * (widths.count - 1)
        if widths[0] > room { widths[0] = max(4, room) }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                column == 0 ? cell.truncated(toWidth: widths[0]).padded(toWidth: widths[0])
                    : cell.padded(toWidth: widths[column], alignment: leftAligned ? .left : .right)
            }.joined(separator: String(repeating: " ", count: gap)).trimmingTrailingSpaces()
        }
        return [table.title, line(table.headers)] + table.rows.map(line)
    }

    // MARK: Markdown

    func markdown() -> String {
        var lines = ["# " + strings[.statsTitle], ""] + headingLines.map { "- " + $0 } + [""]
        lines += Self.markdownLines(enterpriseTable, heading: "## ")
        lines += ["## " + strings[.statsHazardsSection], "", hazardSummary, ""]
        for table in hazardTables { lines += Self.markdownLines(table) }
        lines += ["## " + strings[.statsEntriesSection], "", passRateLine, ""]
        for table in entryTables { lines += Self.markdownLines(table) }
        lines += Self.markdownLines(trendTable, heading: "## ")
        lines += Self.markdownLines(notVisitedTable, heading: "## ")
        return lines.dropLast().joined(separator: "\n")
    }

    static func markdownLines(_ table: Table, heading: String = "### ") -> [String] {
        func row(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
        }
        let rule = "|" + table.headers.indices.map { $0 == 0 ? " --- |" : " ---: |" }.joined()
        return [heading + table.title, "", row(table.headers), rule] + table.rows.map(row) + [""]
    }

    // MARK: JSON

    func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(StatsJSON(statistics))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
