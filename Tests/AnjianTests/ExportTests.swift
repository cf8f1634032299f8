import Foundation
import Testing
@testable import AnjianCLI
import AnjianModel
import AnjianStore
import AnjianText
@testable import AnjianApp

/// `anjian export`: each format read back, and the filters against the TUI's view 2.
@Suite struct ExportTests {
    static let yantai = TimeZone(identifier: "Asia/Shanghai")!

    func export(_ kind: ExportCommand.Kind, _ format: ExportCommand.Format, _ filters: ExportCommand.Filters = .init(),
                in dir: URL, language: Language = .zh) throws -> ExportCommand.Result {
        try ExportCommand.run(kind: kind, format: format, filters: filters, directory: dir, strings: Strings(language),
                              now: fixedNow, timeZone: Self.yantai)
    }

    /// RFC 4180 as Excel writes it, read independently of the writer: quotes, doubled quotes, CRLF.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\r" && chars.first == "\n" { chars.removeFirst(); row.append(field); rows.append(row); row = []; field = "" }
            else { field.unicodeScalars.append(c) }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    @Test func csvHasTheBOMAndCRLFAndReadsBackToTheRecordsWithChineseIntact() throws {
        try withDemoLedger { dir in
            // A description with every character CSV must quote.
            let code = try #require(demoHazards.keys.sorted().first)
            var hazards = demoHazards[code]!
            hazards[0].description = "配电箱,未接地 \"严重\"\r\n第二行"
            try LedgerStore.saveHazards(hazards, enterprise: code, in: dir)

            let data = try export(.hazards, .csv, in: dir).data
            #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let text = String(decoding: data.dropFirst(3), as: UTF8.self)
            // Every line break outside the quoted description is CRLF.
            let withoutQuoted = text.replacingOccurrences(of: "\"严重\"\"\r\n第二行", with: "")
            #expect(!withoutQuoted.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
            let rows = Self.parseCSV(text)
            #expect(rows[0] == ["隐患编号", "企业名称", "统一社会信用代码", "区市", "等级", "状态", "隐患类别", "发现日期", "发现人", "隐患部位",
                                "隐患描述", "责任人", "整改措施", "整改期限", "逾期/到期", "销号日期"])
            let all = demoHazards.values.joined().map { $0.number == hazards[0].number ? hazards[0] : $0 }
            #expect(rows.count == all.count + 1)
            for row in rows.dropFirst() {
                let hazard = try #require(all.first { $0.number == row[0] })
                let enterprise = try #require(demoEnterprises.first { $0.creditCode == hazard.enterpriseCode })
                // An all-digit credit code is written after a tab, so Excel keeps it as text, not 9.13706E+17.
                let allDigits = enterprise.creditCode.allSatisfy({ $0.isASCII && $0.isNumber })
                #expect(row[1] == enterprise.name && row[2] == (allDigits ? "\t" : "") + enterprise.creditCode && row[3] == enterprise.district)
                #expect(row[10] == hazard.description && row[8] == hazard.foundBy && row[13] == hazard.rectification.deadline)
                #expect(row[4] == (hazard.level == .major ? "重大隐患" : "一般隐患") || row[4].contains(hazard.level == .major ? "重大" : "一般"))
            }
            #expect(demoEnterprises.contains { $0.creditCode.allSatisfy({ $0.isASCII && $0.isNumber }) }, "the demo has an all-digit code to check")
            // English headers with --lang en.
            let english = String(decoding: try export(.hazards, .csv, in: dir, language: .en).data.dropFirst(3), as: UTF8.self)
            #expect(english.hasPrefix("Number,Name,Credit code,District,"))
        }
    }

    @Test func jsonDecodesBackToTheSameRecords() throws {
        try withDemoLedger { dir in
            let hazards = try JSONDecoder().decode([Hazard].self, from: export(.hazards, .json, in: dir).data)
            #expect(Set(hazards.map(\.id)) == Set(demoHazards.values.joined().map(\.id)))
            for hazard in hazards { #expect(demoHazards[hazard.enterpriseCode]!.first { $0.id == hazard.id } == hazard) }
            let entries = try JSONDecoder().decode([SupervisionEntry].self, from: export(.supervisions, .json, in: dir).data)
            #expect(entries.count == demoSupervisions.values.joined().count)
            for entry in entries { #expect(demoSupervisions[entry.enterpriseCode]!.first { $0.id == entry.id } == entry) }
            let enterprises = try JSONDecoder().decode([Enterprise].self, from: export(.enterprises, .json, in: dir).data)
            #expect(enterprises == demoEnterprises)
        }
    }

    @Test func markdownHoldsTheFiltersAndTheCounts() throws {
        try withDemoLedger { dir in
            var filters = ExportCommand.Filters()
            filters.status = "open"
            let report = String(decoding: try export(.hazards, .markdown, filters, in: dir).data, as: UTF8.self)
            let all = Array(demoHazards.values.joined())
            let open = all.filter { !$0.isClosed }
            let major = open.filter { $0.level == .major }
            let overdue = open.filter { $0.isRectificationOverdue(today: "2026-11-25") }
            #expect(report.hasPrefix("# 隐患台账\n"))
            #expect(report.contains("导出日期：2026-11-25") && report.contains("筛选条件：未销号"))
            #expect(report.contains("共 \(open.count) 条（台账中共 \(all.count) 条）"))
            #expect(report.contains("未销号 \(open.count)（其中重大 \(major.count)）"))
            #expect(report.contains("整改逾期 \(overdue.count)"))
            let tableRows = report.split(separator: "\n").filter { $0.hasPrefix("| YH-") }
            #expect(tableRows.count == open.count)
        }
    }

    /// The same criteria chosen in view 2's filter form and given as options select the same hazards.
    @Test(arguments: [(1, 0, 1, 0), (0, 2, 0, 0), (1, 0, 2, 0), (0, 0, 3, 0), (0, 0, 0, 1), (2, 1, 4, 3)])
    func filtersSelectWhatTheTUIShows(status: Int, level: Int, overdue: Int, district: Int) throws {
        var state = makeState()
        state.chooseHazardFilters(status: status, level: level, overdue: overdue, district: district)
        let criteria = state.hazardList.criteria
        let shown = Set(state.hazardList.rows.map { state.hazardDirectory.records[$0].hazard.number })
        #expect(!criteria.isEmpty && shown.count < demoHazards.values.joined().count)
        var filters = ExportCommand.Filters()
        switch criteria.status {
        case .all: break
        case .open: filters.status = "open"
        case .only(let wanted): filters.status = wanted.rawValue
        }
        filters.level = criteria.level?.rawValue
        switch criteria.overdue {
        case .all: break
        case .rectificationOverdue: filters.timing = "rectification-overdue"
        case .verificationOverdue: filters.timing = "verification-overdue"
        case .dueSoon: filters.timing = "due-soon"
        case .notOverdue: filters.timing = "not-overdue"
        case .closedLate: filters.timing = "closed-late"
        }
        filters.district = criteria.district
        try withDemoLedger { dir in
            let exported = try JSONDecoder().decode([Hazard].self, from: export(.hazards, .json, filters, in: dir).data)
            #expect(Set(exported.map(\.number)) == shown, "\(criteria)")
        }
    }

    @Test func queryUsesThePinyinMatchingOfTheLedgers() throws {
        var state = makeState()
        state.press(.character("2"), .character("/"))
        state.type("yt")
        let shown = Set(state.hazardList.rows.map { state.hazardDirectory.records[$0].hazard.number })
        #expect(!shown.isEmpty && shown.count < demoHazards.values.joined().count)
        try withDemoLedger { dir in
            var filters = ExportCommand.Filters()
            filters.query = "yt"
            let exported = try JSONDecoder().decode([Hazard].self, from: export(.hazards, .json, filters, in: dir).data)
            #expect(Set(exported.map(\.number)) == shown)
            // --overdue: both overdue kinds, nothing else.
            filters = ExportCommand.Filters()
            filters.overdue = true
            let overdue = try JSONDecoder().decode([Hazard].self, from: export(.hazards, .json, filters, in: dir).data)
            let expected = demoHazards.values.joined().filter {
                $0.isRectificationOverdue(today: "2026-11-25") || $0.isVerificationOverdue(today: "2026-11-25", verificationDays: 10)
            }
            #expect(Set(overdue.map(\.number)) == Set(expected.map(\.number)) && !expected.isEmpty)
        }
    }

    @Test func supervisionsAndEnterprisesFilterByDateDistrictAndName() throws {
        try withDemoLedger { dir in
            let entries = Array(demoSupervisions.values.joined())
            let dates = entries.map(\.date).sorted()
            let since = dates[dates.count / 4], until = dates[dates.count * 3 / 4]
            var filters = ExportCommand.Filters()
            filters.since = since
            filters.until = until
            let exported = try JSONDecoder().decode([SupervisionEntry].self, from: export(.supervisions, .json, filters, in: dir).data)
            #expect(Set(exported.map(\.id)) == Set(entries.filter { $0.date >= since && $0.date <= until }.map(\.id)))
            #expect(exported.map(\.date) == exported.map(\.date).sorted(by: >))  // newest first

            filters = ExportCommand.Filters()
            filters.district = "Zhifu"
            let zhifu = try JSONDecoder().decode([Enterprise].self, from: export(.enterprises, .json, filters, in: dir).data)
            #expect(zhifu == demoEnterprises.filter { $0.district == "芝罘区" } && !zhifu.isEmpty)

            // A filter that means nothing for the kind is a usage error, not ignored.
            filters = ExportCommand.Filters()
            filters.level = "major"
            #expect(throws: CommandFailure.self) { try export(.enterprises, .csv, filters, in: dir) }
            filters.level = "huge"
            do { _ = try export(.hazards, .csv, filters, in: dir); Issue.record("accepted --level huge") } catch let error as CommandFailure {
                #expect(error.status == .usage && error.message.contains("huge"))
            }
        }
    }

    @Test func aDamagedFileIsNamedAndTheRestExported() throws {
        try withDemoLedger { dir in
            let code = try #require(demoHazards.keys.sorted().first)
            try Data("{ not json".utf8).write(to: dir.appendingPathComponent("hazards/\(code).json"))
            let result = try export(.hazards, .json, in: dir, language: .en)
            #expect(result.skippedFiles.count == 1 && result.skippedFiles[0].contains("hazards/\(code).json"))
            let hazards = try JSONDecoder().decode([Hazard].self, from: result.data)
            #expect(hazards.count == demoHazards.values.joined().count - demoHazards[code]!.count)
            let report = String(decoding: try export(.hazards, .markdown, in: dir, language: .en).data, as: UTF8.self)
            #expect(report.contains("1 damaged file(s) could not be read"))
        }
    }

    @Test func xlsxCellsEscapeAndDatesAreSerialNumbers() throws {
        #expect(ExportXlsx.serialDay("1900-03-01") == 61)
        #expect(ExportXlsx.serialDay("2026-11-25") == 46_351)
        #expect(ExportXlsx.escaped("a<b>&\"'\u{1}隐患") == "a&lt;b&gt;&amp;&quot;&apos;隐患")
        #expect(ExportXlsx.column(0) == "A" && ExportXlsx.column(25) == "Z" && ExportXlsx.column(26) == "AA")
    }
}

/// Cells Excel would run as formulas or turn into numbers are written as text, and come back whole
/// through `anjian import` (found in review).
@Suite struct ExcelTextTests {
    @Test func formulasAndLongNumbersAreWrittenAsTextAndReadBack() {
        for field in ["=HYPERLINK(\"http://x.example\",\"点击\")", "+5m平台护栏缺失", "-0.5米", "@SUM(A1)"] {
            #expect(ExcelText.guarded(field) == "'" + field)
            #expect(ExcelText.unguarded(ExcelText.guarded(field)) == field)
        }
        #expect(ExcelText.guarded("913706114893685633") == "\t913706114893685633")
        #expect(ExcelText.guarded("13912345678") == "13912345678", "eleven digits: Excel keeps them exact")
        #expect(ExcelText.guarded("91370602MA3C9XKU3X") == "91370602MA3C9XKU3X")
        #expect(ExcelText.guarded("烟台=化工") == "烟台=化工" && ExcelText.unguarded("'烟台") == "'烟台")
    }
}
