import Foundation
import Testing
@testable import AnjianApp
@testable import AnjianCLI
import AnjianGenerator
import AnjianModel
import AnjianScreen
import AnjianStore
import AnjianText

/// `LedgerStatistics` against figures counted here with plain loops, and against view 2's header.
@Suite struct StatsTests {
    static let today = "2026-11-25"

    /// A small generated ledger, loaded as the program loads it.
    static func generatedLedger() throws -> (LoadedLedger, URL) {
        let dir = temporaryDirectory()
        _ = try LedgerGenerator.generate(into: dir, hazards: 800, supervisions: 200, seed: 11, today: today)
        return (try LedgerStore.open(dir, initializeIfEmpty: false, now: fixedNow), dir)
    }

    /// The hazard figures counted one by one from the model's predicates on a hazard.
    struct Expected: Equatable {
        var total = 0, open = 0, openMajor = 0, rectificationOverdue = 0, verificationOverdue = 0, closed = 0, closedOnTime = 0
    }

    static func expected(_ hazards: [Hazard], today: String) -> Expected {
        var e = Expected()
        for h in hazards {
            e.total += 1
            if h.status == .closed {
                e.closed += 1
                if (h.daysClosedLate ?? 0) == 0 { e.closedOnTime += 1 }
                continue
            }
            e.open += 1
            if h.level == .major { e.openMajor += 1 }
            if (h.status == .registered || h.status == .rectifying) && h.rectification.deadline < today { e.rectificationOverdue += 1 }
            if h.isVerificationOverdue(today: today, verificationDays: 10) { e.verificationOverdue += 1 }
        }
        return e
    }

    static func actual(_ c: HazardCounts) -> Expected {
        Expected(total: c.total, open: c.open, openMajor: c.openMajor, rectificationOverdue: c.rectificationOverdue,
                 verificationOverdue: c.verificationOverdue, closed: c.closed, closedOnTime: c.closedOnTime)
    }

    @Test func figuresOfAGeneratedLedgerMatchPlainCounts() throws {
        let (ledger, dir) = try Self.generatedLedger()
        defer { try? FileManager.default.removeItem(at: dir) }
        let hazards = ledger.hazards.values.flatMap { $0 }, entries = ledger.supervisions.values.flatMap { $0 }
        let districtOf = Dictionary(uniqueKeysWithValues: ledger.enterprises.map { ($0.creditCode, $0.district) })
        let period = StatisticsPeriod(since: "2025-03-01", until: "2026-06-30")
        for district in [nil, "芝罘区", "龙口市"] as [String?] {
            let stats = LedgerStatistics(enterprises: ledger.enterprises, hazards: ledger.hazards, supervisions: ledger.supervisions,
                                         period: period, district: district, today: Self.today)
            func inDistrict(_ code: String) -> Bool { district == nil || districtOf[code] == district }

            // Enterprises: as they stand, the period does not apply.
            var red = 0, black = 0, total = 0
            for e in ledger.enterprises where district == nil || e.district == district {
                total += 1
                if e.integrity?.status == .red { red += 1 }
                if e.integrity?.status == .black { black += 1 }
            }
            #expect((stats.enterprises.total, stats.enterprises.red, stats.enterprises.black) == (total, red, black))
            #expect(stats.enterprisesByDistrict.reduce(0) { $0 + $1.total } == total)
            #expect(stats.enterprisesByDistrict.allSatisfy { row in
                row.total == ledger.enterprises.filter { $0.district == row.district }.count })

            // Hazards discovered in the period.
            let chosen = hazards.filter { $0.discoveredOn >= "2025-03-01" && $0.discoveredOn <= "2026-06-30" && inDistrict($0.enterpriseCode) }
            #expect(chosen.count > 0 && chosen.count < hazards.count)
            #expect(Self.actual(stats.hazards) == Self.expected(chosen, today: Self.today))
            for row in stats.hazardsByDistrict {
                #expect(Self.actual(row.counts) == Self.expected(chosen.filter { districtOf[$0.enterpriseCode] == row.district }, today: Self.today))
            }
            for row in stats.hazardsByLevel {
                #expect(Self.actual(row.counts) == Self.expected(chosen.filter { $0.level == row.level }, today: Self.today))
            }
            let expected = Self.expected(chosen, today: Self.today)
            let rate = Double(expected.closed) * 100 / Double(expected.total)
            #expect(stats.hazards.rectificationPercentage == rate)
            #expect(stats.hazards.onTimePercentage
                    == Double(expected.closedOnTime) * 100 / Double(expected.closed + expected.rectificationOverdue))

            // Entries dated in the period.
            let dated = entries.filter { $0.date >= "2025-03-01" && $0.date <= "2026-06-30" && inDistrict($0.enterpriseCode) }
            #expect(dated.count > 0)
            let passed = dated.filter { $0.conclusion == .noProblem }.count
            #expect(stats.entries.entries == dated.count && stats.entries.noProblem == passed)
            #expect(stats.entries.passRate == Double(passed) * 100 / Double(dated.count))
            for row in stats.entriesByKind {
                #expect(row.counts.entries == dated.filter { $0.kind == row.kind }.count)
            }
            var months: [String: Int] = [:]
            for entry in dated { months[String(entry.date.prefix(7)), default: 0] += 1 }
            #expect(stats.entriesByMonth.map(\.month) == months.keys.sorted())
            #expect(stats.entriesByMonth.allSatisfy { months[$0.month] == $0.entries })
            var perInspector: [String: Int] = [:]
            for entry in dated {
                for certificate in Set(entry.inspectors.map(\.certificateNumber)) { perInspector[certificate, default: 0] += 1 }
            }
            #expect(Dictionary(uniqueKeysWithValues: stats.entriesByInspector.map { ($0.certificateNumber, $0.entries) }) == perInspector)
            #expect(stats.entriesByInspector.map(\.entries) == stats.entriesByInspector.map(\.entries).sorted(by: >))
            // Dual real names: every entry counts for at least two inspectors.
            #expect(stats.entriesByInspector.reduce(0) { $0 + $1.entries } >= 2 * dated.count)
        }
    }

    /// The figures the statistics view added (issue 14), counted here with plain loops: by category,
    /// due soon and closed late, the 12-month trend, the enterprises not visited.
    @Test func categoryTrendAndNotVisitedMatchPlainCounts() throws {
        let (ledger, dir) = try Self.generatedLedger()
        defer { try? FileManager.default.removeItem(at: dir) }
        let hazards = ledger.hazards.values.flatMap { $0 }, entries = ledger.supervisions.values.flatMap { $0 }
        let districtOf = Dictionary(uniqueKeysWithValues: ledger.enterprises.map { ($0.creditCode, $0.district) })
        let (since, until) = ("2025-06-01", "2026-04-30")
        for district in [nil, "芝罘区"] as [String?] {
            let stats = LedgerStatistics(enterprises: ledger.enterprises, hazards: ledger.hazards, supervisions: ledger.supervisions,
                                         period: StatisticsPeriod(since: since, until: until), district: district, today: Self.today)
            func inDistrict(_ code: String) -> Bool { district == nil || districtOf[code] == district }
            let chosen = hazards.filter { $0.discoveredOn >= since && $0.discoveredOn <= until && inDistrict($0.enterpriseCode) }
            #expect(chosen.count > (district == nil ? 50 : 0))

            // Every category, in order, each counted as the whole is.
            #expect(stats.hazardsByCategory.map(\.category) == HazardCategory.allCases)
            for row in stats.hazardsByCategory {
                let mine = chosen.filter { $0.category == row.category }
                #expect(row.counts.total == mine.count)
                #expect(Self.actual(row.counts) == Self.expected(mine, today: Self.today))
            }
            #expect(stats.hazardsByCategory.reduce(0) { $0 + $1.counts.total } == chosen.count)

            // Closed late: closed after the deadline; due soon: rectification owed, deadline within 7 days.
            var closedLate = 0, dueSoon = 0
            for h in chosen {
                if h.status == .closed, let days = h.daysClosedLate, days > 0 { closedLate += 1 }
                if h.status == .registered || h.status == .rectifying, let left = CalendarDate.days(from: Self.today, to: h.rectification.deadline),
                   left >= 0, left <= 7 { dueSoon += 1 }
            }
            #expect(stats.hazards.closedLate == closedLate && stats.hazards.dueSoon == dueSoon)
            #expect(stats.hazards.closedOnTime + stats.hazards.closedLate == stats.hazards.closed)

            // The trend: the 12 months ending with April 2026, whatever the period's start.
            let months = ["2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12",
                          "2026-01", "2026-02", "2026-03", "2026-04"]
            #expect(stats.trendMonths == months)
            for (i, month) in months.enumerated() {
                #expect(stats.hazardTrend[i] == hazards.filter { $0.discoveredOn.hasPrefix(month + "-") && inDistrict($0.enterpriseCode) }.count)
                #expect(stats.entryTrend[i] == entries.filter { $0.date.hasPrefix(month + "-") && inDistrict($0.enterpriseCode) }.count)
            }
            #expect(stats.hazardTrend.reduce(0, +) > 0 && stats.entryTrend.reduce(0, +) > 0)

            // Not visited: supervised enterprises of the district without an entry dated in the period.
            var visitedInPeriod: Set<String> = [], latest: [String: String] = [:]
            for e in entries {
                if e.date >= since && e.date <= until { visitedInPeriod.insert(e.enterpriseCode) }
                if e.date > latest[e.enterpriseCode, default: ""] { latest[e.enterpriseCode] = e.date }
            }
            let supervised = ledger.enterprises.filter { $0.retired == nil && (district == nil || $0.district == district) }
            let expected = supervised.filter { !visitedInPeriod.contains($0.creditCode) }
            #expect(stats.supervised == supervised.count)
            #expect(Set(stats.notVisited.map(\.creditCode)) == Set(expected.map(\.creditCode)))
            #expect(stats.notVisited.count == expected.count && !expected.isEmpty)
            if district == nil { #expect(expected.count < supervised.count) }
            #expect(stats.notVisited.allSatisfy { $0.lastVisit == latest[$0.creditCode] })
            #expect(stats.notVisited.contains { $0.lastVisit != nil })
        }
        // Today's month ends the trend when the period is open or runs on past today.
        let open = LedgerStatistics(enterprises: ledger.enterprises, hazards: ledger.hazards, supervisions: ledger.supervisions, today: Self.today)
        #expect(open.trendMonths.first == "2025-12" && open.trendMonths.last == "2026-11")
        let year = LedgerStatistics(enterprises: ledger.enterprises, hazards: ledger.hazards, supervisions: ledger.supervisions,
                                    period: .year(of: Self.today), today: Self.today)
        #expect(year.trendMonths == open.trendMonths)
    }

    @Test func periodsOfADay() {
        #expect(StatisticsPeriod.year(of: "2024-02-29") == StatisticsPeriod(since: "2024-01-01", until: "2024-12-31"))
        #expect(StatisticsPeriod.quarter(of: "2024-02-29") == StatisticsPeriod(since: "2024-01-01", until: "2024-03-31"))
        #expect(StatisticsPeriod.quarter(of: "2026-11-25") == StatisticsPeriod(since: "2026-10-01", until: "2026-12-31"))
        #expect(StatisticsPeriod.month(of: "2024-02-10") == StatisticsPeriod(since: "2024-02-01", until: "2024-02-29"))
        #expect(StatisticsPeriod.month(of: "2100-02-10") == StatisticsPeriod(since: "2100-02-01", until: "2100-02-28"))
        #expect(CalendarMonth.months(endingWith: "2026-02-03", count: 3) == ["2025-12", "2026-01", "2026-02"])
        #expect(CalendarMonth.shifted("2026-01-15", by: -1) == (2025, 12) && CalendarMonth.shifted("2026-12-01", by: 1) == (2027, 1))
    }

    @Test func theWholePeriodAgreesWithViewTwosHeaderWithAndWithoutADistrict() throws {
        var state = makeState()
        state.press(.character("2"))
        let shown = state.shownHazardCounts
        let stats = LedgerStatistics(enterprises: demoEnterprises, hazards: demoHazards, supervisions: demoSupervisions, today: state.today)
        #expect(stats.hazards == shown)
        #expect(stats.hazards.total == demoHazards.values.reduce(0) { $0 + $1.count })
        #expect(Self.actual(stats.hazards) == Self.expected(demoHazards.values.flatMap { $0 }, today: state.today))

        let laishan = try #require(District.all.firstIndex { $0.name == "莱山区" })
        state.chooseHazardFilters(district: laishan + 1)
        let district = LedgerStatistics(enterprises: demoEnterprises, hazards: demoHazards, supervisions: demoSupervisions,
                                        district: "莱山区", today: state.today)
        #expect(state.shownHazardCounts.total > 0)
        #expect(district.hazards == state.shownHazardCounts)
        #expect(stats.hazardsByDistrict.first { $0.district == "莱山区" }?.counts == state.shownHazardCounts)
    }

    /// The numbers JSON gives are the rates view 2 words: the definitions are not kept twice apart.
    @Test func ratePercentagesWordAsHazardCountsRates() throws {
        let (ledger, dir) = try Self.generatedLedger()
        defer { try? FileManager.default.removeItem(at: dir) }
        let stats = LedgerStatistics(enterprises: ledger.enterprises, hazards: ledger.hazards, supervisions: ledger.supervisions, today: Self.today)
        for counts in [stats.hazards, HazardCounts()] + stats.hazardsByDistrict.map(\.counts) + stats.hazardsByLevel.map(\.counts) {
            #expect(StatsReport.percentText(counts.rectificationPercentage) == counts.rectificationRate)
            #expect(StatsReport.percentText(counts.onTimePercentage) == counts.onTimeRate)
        }
    }

    @Test func theCommandReadsTheDirectoryAndWritesEachFormat() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try LedgerStore.open(dir, now: fixedNow)
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        var state = makeState()
        state.press(.character("2"))
        for language in Language.allCases {
            let strings = Strings(language)
            let text = try StatsCommand.run(directory: dir, options: .init(format: .text), strings: strings, now: fixedNow, timeZone: zone)
            #expect(text.statistics.hazards == state.shownHazardCounts)
            #expect(text.warnings.isEmpty)
            let lines = text.report.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.allSatisfy { $0.displayWidth <= 80 }, "\(lines.filter { $0.displayWidth > 80 })")
            #expect(text.report.contains(state.shownHazardCounts.rectificationRate) && text.report.contains(state.shownHazardCounts.onTimeRate))
            #expect(text.report.contains(strings[.statsEnterprisesSection]) && text.report.contains(strings.district("莱州市")))

            let markdown = try StatsCommand.run(directory: dir, options: .init(format: .markdown), strings: strings, now: fixedNow, timeZone: zone)
            #expect(markdown.report.contains("| \(strings[.statsColDistrict]) | \(strings[.statsColEnterprises]) |"))
            #expect(markdown.report.contains("| \(strings[.statsTotal]) | 60 | 4 | 2 | 54 |"))
        }
        let json = try StatsCommand.run(directory: dir, options: .init(format: .json, since: "2026-01-01", district: "Laizhou"),
                                        strings: Strings(.en), now: fixedNow, timeZone: zone)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.report.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["period", "district", "today", "verificationDays", "enterprises", "hazards", "supervisions", "trend"])
        #expect(object["district"] as? String == "莱州市" && object["today"] as? String == "2026-11-25")
        let period = try #require(object["period"] as? [String: Any])
        #expect(period["since"] as? String == "2026-01-01" && period["until"] is NSNull)
        let hazards = try #require((object["hazards"] as? [String: Any])?["counts"] as? [String: Any])
        #expect(hazards["total"] as? Int == json.statistics.hazards.total && hazards["open"] as? Int == json.statistics.hazards.open)
        let entries = try #require((object["supervisions"] as? [String: Any])?["counts"] as? [String: Any])
        #expect(entries["entries"] as? Int == json.statistics.entries.entries)
        // The figures the statistics view shows too: by category, the 12 months, the enterprises not visited.
        let byCategory = try #require((object["hazards"] as? [String: Any])?["byCategory"] as? [[String: Any]])
        #expect(byCategory.map { $0["category"] as? String } == HazardCategory.allCases.map(\.rawValue))
        let trend = try #require(object["trend"] as? [[String: Any]])
        #expect(trend.map { $0["month"] as? String } == json.statistics.trendMonths && trend.count == 12)
        #expect(trend.map { $0["hazards"] as? Int } == json.statistics.hazardTrend && trend.map { $0["entries"] as? Int } == json.statistics.entryTrend)
        let notVisited = try #require((object["supervisions"] as? [String: Any])?["notVisited"] as? [[String: Any]])
        #expect(notVisited.map { $0["creditCode"] as? String } == json.statistics.notVisited.map(\.creditCode) && !notVisited.isEmpty)
        #expect(notVisited.allSatisfy { $0.keys.sorted() == ["creditCode", "district", "lastVisit", "name", "riskGrade"] })
    }

    @Test func badOptionsAreUsageErrorsAndAMissingDirectoryIsNoInput() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try LedgerStore.open(dir, now: fixedNow)
        let strings = Strings(.en)
        func failure(_ options: StatsCommand.Options, in directory: URL) -> CommandFailure? {
            do { _ = try StatsCommand.run(directory: directory, options: options, strings: strings, now: fixedNow); return nil }
            catch { return error }
        }
        #expect(failure(.init(since: "2026-02-30"), in: dir)?.status == .usage)
        #expect(failure(.init(since: "2026-02-30"), in: dir)?.message == "--since: \"2026-02-30\" is not a date YYYY-MM-DD")
        #expect(failure(.init(since: "2026-05-01", until: "2026-04-01"), in: dir)?.status == .usage)
        #expect(failure(.init(district: "Atlantis"), in: dir)?.message.hasPrefix("--district: no district named \"Atlantis\"") == true)
        #expect(failure(.init(district: "zhifu"), in: dir) == nil)
        #expect(failure(.init(), in: dir.appendingPathComponent("missing"))?.status == .noInput)
    }
}
