import Foundation
import Testing
@testable import AnjianCLI
import AnjianModel
import AnjianStore
import AnjianText

/// `anjian export draws` (issue 14): the plans and results, one row per enterprise drawn.
@Suite struct ExportDrawsTests {
    /// A draw of 4 kept in `dir` with its planned visits, the first of them made without finding
    /// anything; the record's last team is sent to an enterprise whose earlier visit (with the
    /// hazards found on it) is taken as made for the draw, as a made planned visit keeps its hazards.
    func keepADraw(in dir: URL, seed: UInt64 = 42) throws -> (DrawRecord, made: SupervisionEntry, withHazards: SupervisionEntry) {
        let ledger = try LedgerStore.open(dir)
        let inputs = DrawInputs(count: .number(4), seed: seed, date: "2026-11-20")
        let result = try Draw.run(inputs, enterprises: ledger.enterprises, inspectors: ledger.inspectors, openMajor: [])
        var record = DrawRecord(id: "", drawnAt: "2026-11-20T09:00:00+08:00", drawnBy: demoOperator, inputs: inputs, result: result)
        let drawn = Set(record.teams.map(\.enterpriseCode))
        var withHazards = try #require(ledger.supervisions.values.joined().first { !$0.hazardIDs.isEmpty && !drawn.contains($0.enterpriseCode) })
        record.teams.append(DrawTeam(enterpriseCode: withHazards.enterpriseCode, inspectors: withHazards.inspectors))
        record = try LedgerStore.writeNewDrawRecord(record, in: dir)
        var made: SupervisionEntry?
        for (i, team) in record.teams.enumerated() {
            var entries = ledger.supervisions[team.enterpriseCode] ?? []
            if i == record.teams.count - 1 {
                let index = try #require(entries.firstIndex { $0.id == withHazards.id })
                entries[index].drawID = record.id
                withHazards = entries[index]
            } else {
                var visit = record.plannedVisit(for: team, by: demoOperator, taken: Set(entries.map(\.id)))
                if i == 0 {
                    visit.planned = nil
                    visit.date = "2026-11-24"
                    visit.time = "10:00"
                    visit.accompanying = ContactPerson(name: "刘建国", position: "安全主管", phone: "13805351234")
                    made = visit
                }
                entries.append(visit)
            }
            try LedgerStore.saveSupervisions(entries, enterprise: team.enterpriseCode, in: dir)
        }
        #expect(try LedgerStore.open(dir).damagedFiles.isEmpty)
        return (record, try #require(made), withHazards)
    }

    func export(_ format: ExportCommand.Format, _ filters: ExportCommand.Filters = .init(), in dir: URL,
                language: Language = .zh) throws -> String {
        let data = try ExportCommand.run(kind: .draws, format: format, filters: filters, directory: dir, strings: Strings(language),
                                         now: fixedNow, timeZone: ExportTests.yantai).data
        return String(decoding: data, as: UTF8.self)
    }

    @Test func csvHasARowPerEnterpriseDrawnWithTheResultOnceMade() throws {
        try withDemoLedger { dir in
            let (record, made, withHazards) = try keepADraw(in: dir)
            let data = try ExportCommand.run(kind: .draws, format: .csv, filters: .init(), directory: dir, strings: Strings(.zh),
                                             now: fixedNow, timeZone: ExportTests.yantai).data
            #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let text = String(decoding: data.dropFirst(3), as: UTF8.self)
            #expect(text.hasSuffix("\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
            let rows = ExportTests.parseCSV(text)
            #expect(rows[0] == ["抽取编号", "抽取日期", "随机种子", "序号", "企业名称", "统一社会信用代码", "区市", "检查人员", "检查日期", "检查结果", "发现隐患数"])
            #expect(rows.count == 1 + record.teams.count)
            for (i, team) in record.teams.enumerated() {
                let row = rows[i + 1]
                let enterprise = try #require(demoEnterprises.first { $0.creditCode == team.enterpriseCode })
                #expect(row[0] == record.id && row[1] == "2026-11-20" && row[2] == "42" && row[3] == "\(i + 1)")
                #expect(row[4] == enterprise.name && ExcelText.unguarded(row[5]).trimmingCharacters(in: .whitespaces) == team.enterpriseCode)
                #expect(row[6] == enterprise.district)
                for inspector in team.inspectors { #expect(row[7].contains("\(inspector.name)（\(inspector.certificateNumber)）")) }
                if team.enterpriseCode == made.enterpriseCode {
                    #expect(Array(row[8...]) == ["2026-11-24", "未发现问题", "0"])
                } else if team.enterpriseCode == withHazards.enterpriseCode {
                    #expect(Array(row[8...]) == [withHazards.date, Strings(.zh).conclusion(of: withHazards), "\(withHazards.hazardIDs.count)"])
                    #expect(!withHazards.hazardIDs.isEmpty)
                } else {
                    #expect(Array(row[8...]) == ["", "待检查", ""])
                }
            }
        }
    }

    @Test func markdownIsAReportWithTheSeedAndFingerprintsAndOneDrawByItsID() throws {
        try withDemoLedger { dir in
            let (first, _, _) = try keepADraw(in: dir, seed: 1)
            let (second, _, _) = try keepADraw(in: dir, seed: 2)
            let drawer = first.drawnBy.certificateNumber
            #expect(first.id == "DR-2026-\(drawer)-001" && second.id == "DR-2026-\(drawer)-002")
            var filters = ExportCommand.Filters()
            filters.draw = second.id
            let markdown = try export(.markdown, filters, in: dir)
            #expect(markdown.hasPrefix("# 双随机抽查计划与结果\n"))
            #expect(markdown.contains("随机种子 2，从 \(second.candidateCount) 家中抽取 5 家"))
            #expect(markdown.contains(second.candidateFingerprint) && markdown.contains(second.rosterFingerprint))
            let table = markdown.split(separator: "\n").filter { $0.hasPrefix("|") }
            #expect(table[0] == "| 抽取编号 | 抽取日期 | 随机种子 | 序号 | 企业名称 | 统一社会信用代码 | 区市 | 检查人员 | 检查日期 | 检查结果 | 发现隐患数 |")
            #expect(table.count == 2 + 5 && table.dropFirst(2).allSatisfy { $0.hasPrefix("| \(second.id) |") })
            // Both draws without --draw; English headers with --lang en.
            let all = try export(.csv, in: dir, language: .en)
            #expect(all.contains("Draw,Drawn on,Seed,No.,Name,Credit code,District,Inspectors,Visited on,Result,Hazards found\r\n"))
            #expect(ExportTests.parseCSV(String(all.dropFirst())).count == 1 + 10)
            // One district: only its enterprises' rows.
            var inDistrict = ExportCommand.Filters()
            inDistrict.district = "Zhifu"
            let zhifu = ExportTests.parseCSV(String(try export(.csv, inDistrict, in: dir).dropFirst())).dropFirst()
            let drawnInZhifu = (first.teams + second.teams).filter { code in
                demoEnterprises.first { $0.creditCode == code.enterpriseCode }?.district == "芝罘区"
            }
            #expect(zhifu.count == drawnInZhifu.count && zhifu.allSatisfy { $0[6] == "芝罘区" })
            // JSON: the draw records as the files hold them.
            let json = try export(.json, filters, in: dir)
            #expect(try JSONDecoder().decode([DrawRecord].self, from: Data(json.utf8)) == [second])
        }
    }

    @Test func anUnknownDrawOrAFilterThatDoesNotApplyIsAUsageError() throws {
        try withDemoLedger { dir in
            let (kept, _, _) = try keepADraw(in: dir)
            var filters = ExportCommand.Filters()
            filters.draw = "DR-2026-009"
            #expect(throws: CommandFailure.self) { try export(.csv, filters, in: dir) }
            do { _ = try export(.csv, filters, in: dir) } catch {
                #expect((error as? CommandFailure)?.message == "没有抽取记录 DR-2026-009；现有：\(kept.id)")
            }
            filters = .init()
            filters.level = "major"
            #expect(throws: CommandFailure.self) { try export(.csv, filters, in: dir) }
            filters = .init()
            filters.draw = kept.id
            #expect(throws: CommandFailure.self) {
                try ExportCommand.run(kind: .hazards, format: .csv, filters: filters, directory: dir, strings: Strings(.zh))
            }
        }
    }
}
