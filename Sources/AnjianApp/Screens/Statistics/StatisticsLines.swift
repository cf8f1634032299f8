import AnjianText
import AnjianModel
import AnjianScreen

/// The statistics view's lines at a width: sections, tables of figures with a bar each, the
/// trends' sparklines. Each selectable line carries the criteria of its figure, built from the
/// same period and district the figures were counted with.
struct StatisticsLines {
    typealias Figure = StatisticsScreen.Figure
    let strings: Strings
    let theme: Theme
    let width: Int
    let period: StatisticsPeriod
    let district: String?
    private(set) var lines: [StatisticsScreen.Line] = []
    private(set) var figures: [Figure] = []

    /// At 120 columns and more, every figure gets its column.
    var wide: Bool { width >= 120 }
    /// After the left margin and the selection marker.
    var room: Int { width - 4 }

    struct Row {
        var name: String
        var cells: [String]
        var bar: Int
        var figure: Figure?
    }

    mutating func add(_ text: String, style: Style = .plain, figure: Figure? = nil) {
        var line = StatisticsScreen.Line(text: text, style: style)
        if let figure {
            line.target = figures.count
            figures.append(figure)
        }
        lines.append(line)
    }

    mutating func section(_ title: String) {
        if !lines.isEmpty { add("") }
        add(title, style: theme.label)
    }

    /// A table: the name column, right-aligned figures, then a bar of each row's `bar` against the largest.
    mutating func table(_ headers: [String], _ rows: [Row], nameLimit: Int? = nil) {
        guard !rows.isEmpty else {
            add("  " + strings[.statsNone])
            return
        }
        let limit = nameLimit ?? (wide ? 24 : 14)
        let nameWidth = min(limit, ([headers[0]] + rows.map(\.name)).map(\.displayWidth).max() ?? 0)
        let widths = headers.indices.dropFirst().map { column in
            ([headers[column]] + rows.map { $0.cells[column - 1] }).map(\.displayWidth).max() ?? 0
        }
        let used = nameWidth + widths.reduce(0) { $0 + $1 + 1 }
        let barWidth = min(wide ? 48 : 30, room - used - 2)
        let largest = rows.map(\.bar).max() ?? 0
        func text(_ name: String, _ cells: [String]) -> String {
            name.truncated(toWidth: nameWidth).padded(toWidth: nameWidth)
                + zip(cells, widths).map { " " + $0.padded(toWidth: $1, alignment: .right) }.joined()
        }
        add("  " + text(headers[0], Array(headers.dropFirst())), style: theme.header)
        for row in rows {
            var line = text(row.name, row.cells)
            if barWidth >= 4 { line += "  " + Charts.bar(row.bar, of: largest, width: barWidth) }
            add(line, figure: row.figure)
        }
    }

    func hazards(_ change: (inout HazardCriteria) -> Void = { _ in }) -> HazardCriteria {
        var criteria = HazardCriteria(district: district, discovered: period)
        change(&criteria)
        return criteria
    }

    func entries(_ change: (inout SupervisionCriteria) -> Void = { _ in }) -> SupervisionCriteria {
        var criteria = SupervisionCriteria(period: period, district: district)
        criteria.madeOnly = true
        change(&criteria)
        return criteria
    }

    var hazardHeaders: [String] {
        let s = strings
        return wide
            ? [s[.statsColHazards], s[.statsColOpen], s[.statsColOpenMajor], s[.statsColRectificationOverdue],
               s[.statsColVerificationOverdue], s[.statisticsColDueSoon], s[.statsColClosed], s[.statisticsColClosedLate],
               s[.statsColRectificationRate], s[.statsColOnTimeRate]]
            : [s[.statsColHazards], s[.statsColOpen], s[.statsColRectificationOverdue], s[.statsColClosed], s[.statsColRectificationRate]]
    }

    func hazardCells(_ c: HazardCounts) -> [String] {
        wide ? ["\(c.total)", "\(c.open)", "\(c.openMajor)", "\(c.rectificationOverdue)", "\(c.verificationOverdue)", "\(c.dueSoon)",
                "\(c.closed)", "\(c.closedLate)", c.rectificationRate, c.onTimeRate]
             : ["\(c.total)", "\(c.open)", "\(c.rectificationOverdue)", "\(c.closed)", c.rectificationRate]
    }

    mutating func build(_ statistics: LedgerStatistics) {
        let s = strings
        let c = statistics.hazards

        section(s[.statisticsHazards])
        let summary: [(Text, Int, HazardCriteria)] = [
            (.statisticsHazardsTotal, c.total, hazards()),
            (.statisticsOpen, c.open, hazards { $0.status = .open }),
            (.statisticsOpenMajor, c.openMajor, hazards { $0.status = .open; $0.level = .major }),
            (.statisticsRectificationOverdue, c.rectificationOverdue, hazards { $0.overdue = .rectificationOverdue }),
            (.statisticsVerificationOverdue, c.verificationOverdue, hazards { $0.overdue = .verificationOverdue }),
            (.statisticsDueSoon, c.dueSoon, hazards { $0.overdue = .dueSoon }),
            (.statisticsClosed, c.closed, hazards { $0.status = .only(.closed) }),
            (.statisticsClosedLate, c.closedLate, hazards { $0.overdue = .closedLate }),
        ]
        table([s[.statisticsColName], s[.statsColHazards]],
              summary.map { Row(name: s[$0.0], cells: ["\($0.1)"], bar: $0.1, figure: .hazards($0.2, count: $0.1)) }, nameLimit: 24)
        add("  " + s.statisticsRates(rectification: c.rectificationRate, onTime: c.onTimeRate))

        section(s[.statisticsByDistrict])
        table([s[.statsColDistrict]] + hazardHeaders, statistics.hazardsByDistrict.map { row in
            Row(name: row.district.isEmpty ? s[.statsUnknownDistrict] : s.district(row.district), cells: hazardCells(row.counts),
                bar: row.counts.total, figure: .hazards(hazards { $0.district = row.district }, count: row.counts.total))
        })
        section(s[.statisticsByLevel])
        table([s[.statsColLevel]] + hazardHeaders, statistics.hazardsByLevel.map { row in
            Row(name: s.level(row.level), cells: hazardCells(row.counts), bar: row.counts.total,
                figure: .hazards(hazards { $0.level = row.level }, count: row.counts.total))
        })
        section(s[.statisticsByCategory])
        table([s[.fieldHazardCategory]] + hazardHeaders, statistics.hazardsByCategory.map { row in
            Row(name: s.hazardCategory(row.category), cells: hazardCells(row.counts), bar: row.counts.total,
                figure: .hazards(hazards { $0.category = row.category }, count: row.counts.total))
        })

        section(s[.statisticsHazardTrend])
        let place = district
        trend(statistics.trendMonths, statistics.hazardTrend) { month, count in
            .hazards(HazardCriteria(district: place, discovered: month), count: count)
        }

        let e = statistics.entries
        section(s[.statisticsVisits])
        table([s[.statisticsColName], s[.statsColEntries]], [
            Row(name: s[.statisticsEntries], cells: ["\(e.entries)"], bar: e.entries, figure: .entries(entries(), count: e.entries)),
            Row(name: s[.statisticsNoProblem], cells: ["\(e.noProblem)"], bar: e.noProblem,
                figure: .entries(entries { $0.noProblemOnly = true }, count: e.noProblem)),
        ], nameLimit: 24)
        add("  " + s.statisticsPassRate(HazardCounts.percentText(e.passRate), noProblem: e.noProblem, entries: e.entries))

        section(s[.statisticsByKind])
        table([s[.statsColKind], s[.statsColEntries], s[.statsColNoProblem], s[.statsColPassRate]], statistics.entriesByKind.map { row in
            Row(name: s.kind(row.kind), cells: ["\(row.counts.entries)", "\(row.counts.noProblem)", HazardCounts.percentText(row.counts.passRate)],
                bar: row.counts.entries, figure: .entries(entries { $0.kind = row.kind }, count: row.counts.entries))
        })

        section(s[.statisticsEntryTrend])
        trend(statistics.trendMonths, statistics.entryTrend) { month, count in
            .entries({ var made = SupervisionCriteria(period: month, district: place); made.madeOnly = true; return made }(), count: count)
        }

        section(s[.statisticsByInspector])
        table([s[.statsColInspector], s[.statsColCertificate], s[.statsColEntries]], statistics.entriesByInspector.map { row in
            Row(name: row.name, cells: [row.certificateNumber, "\(row.entries)"], bar: row.entries,
                figure: .entries(entries { $0.certificateNumber = row.certificateNumber }, count: row.entries))
        })

        section(s.statisticsNotVisitedCount(statistics.notVisited.count, of: statistics.supervised))
        if statistics.notVisited.isEmpty {
            add("  " + s[.statisticsAllVisited])
        } else {
            notVisited(statistics.notVisited)
        }
    }

    /// The sparkline over the months, then one row per month (newest last) with its bar.
    mutating func trend(_ months: [String], _ counts: [Int], figure: (StatisticsPeriod, Int) -> Figure) {
        guard let first = months.first, let last = months.last else { return }
        add("  " + Charts.sparkline(counts) + "  " + strings.statisticsTrendSpan(first, last))
        let rows = zip(months, counts).map { month, count -> Row in
            let (year, number) = CalendarMonth.parts(month + "-01")
            let days = StatisticsPeriod(since: CalendarMonth.firstDay(year, number), until: CalendarMonth.lastDay(year, number))
            return Row(name: month, cells: ["\(count)"], bar: count, figure: figure(days, count))
        }
        table([strings[.statsColMonth], strings[.statisticsColCount]], rows)
    }

    /// The enterprises to visit: name, district, risk grade, last visit; Enter opens the enterprise.
    mutating func notVisited(_ list: [LedgerStatistics.NotVisited]) {
        let s = strings
        let districts = list.map { $0.district.isEmpty ? s[.statsUnknownDistrict] : s.district($0.district) }
        let risks = list.map { s.riskShort($0.riskGrade) }
        let visits = list.map { $0.lastVisit ?? s[.statisticsNeverVisited] }
        func width(_ header: Text, _ values: [String]) -> Int { ([s[header]] + values).map(\.displayWidth).max() ?? 0 }
        let (districtWidth, riskWidth, visitWidth) = (width(.statsColDistrict, districts), width(.statisticsColRisk, risks),
                                                      width(.statisticsColLastVisit, visits))
        let nameWidth = max(8, min(wide ? 60 : 40, room - districtWidth - riskWidth - visitWidth - 3))
        func text(_ cells: [String]) -> String {
            cells[0].truncated(toWidth: nameWidth).padded(toWidth: nameWidth) + " " + cells[1].padded(toWidth: districtWidth)
                + " " + cells[2].padded(toWidth: riskWidth) + " " + cells[3]
        }
        add("  " + text([s[.colEnterprise], s[.statsColDistrict], s[.statisticsColRisk], s[.statisticsColLastVisit]]), style: theme.header)
        for (i, enterprise) in list.enumerated() {
            add(text([enterprise.name, districts[i], risks[i], visits[i]]), figure: .enterprise(code: enterprise.creditCode))
        }
    }
}
