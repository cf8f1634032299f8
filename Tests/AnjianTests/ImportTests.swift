import Foundation
import Testing
@testable import AnjianCLI
import AnjianModel
import AnjianStore
import AnjianText

/// A credit code with the right check character (and organization-code digit) for a district's area code.
func validCreditCode(area: String, body: String) -> String {
    let alphabet = CreditCode.alphabet
    let organization = CreditCode.organizationCheckCharacter(Array(body))!
    let first17 = Array("91" + area + body) + [organization]
    var sum = 0, weight = 1
    for c in first17 {
        sum += alphabet.firstIndex(of: c)! * weight
        weight = weight * 3 % 31
    }
    return String(first17) + String(alphabet[(31 - sum % 31) % 31])
}

/// A wrong check character in place of the right one.
func withWrongCheckCharacter(_ code: String) -> String {
    String(code.dropLast()) + (code.last == "1" ? "2" : "1")
}

let importSigner = Operator(name: "于海波", certificateNumber: "37061901000")

func planEnterprises(_ text: String, existing: [Enterprise] = []) throws -> ImportPlan<Enterprise> {
    ImportPlanner.enterprises(try CSVTable.read(Data(text.utf8)), existing: existing, signer: importSigner,
                              time: "2026-11-26T10:00:00+08:00", note: "导入 x.csv")
}

@Suite struct ImportTests {
    static let codeA = validCreditCode(area: "370602", body: "12345678")
    static let codeB = validCreditCode(area: "370681", body: "23456789")
    static let header = "统一社会信用代码,企业名称,所属区市,详细地址,行业类别,法定代表人,安全负责人,联系电话,监管责任人"

    @Test func readsUTF8WithAndWithoutBOMAndGB18030() throws {
        let text = "统一社会信用代码,企业名称\r\n91370602123456788P,\"烟台测试化工\r\n有限公司\"\r\n"
        let plain = try CSVTable.read(Data(text.utf8))
        #expect(plain.encoding == .utf8)
        let bom = try CSVTable.read(Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)))
        #expect(bom.encoding == .utf8WithBOM && bom.header == plain.header && bom.rows == plain.rows)
        // The same text as Chinese Windows saves it (bytes from `iconv -f UTF-8 -t GB18030`).
        let gb: [UInt8] = [
            0xCD, 0xB3, 0xD2, 0xBB, 0xC9, 0xE7, 0xBB, 0xE1, 0xD0, 0xC5, 0xD3, 0xC3, 0xB4, 0xFA, 0xC2, 0xEB, 0x2C, 0xC6, 0xF3, 0xD2,
            0xB5, 0xC3, 0xFB, 0xB3, 0xC6, 0x0D, 0x0A, 0x39, 0x31, 0x33, 0x37, 0x30, 0x36, 0x30, 0x32, 0x31, 0x32, 0x33, 0x34, 0x35,
            0x36, 0x37, 0x38, 0x38, 0x50, 0x2C, 0x22, 0xD1, 0xCC, 0xCC, 0xA8, 0xB2, 0xE2, 0xCA, 0xD4, 0xBB, 0xAF, 0xB9, 0xA4, 0x0D,
            0x0A, 0xD3, 0xD0, 0xCF, 0xDE, 0xB9, 0xAB, 0xCB, 0xBE, 0x22, 0x0D, 0x0A,
        ]
        let gbk = try CSVTable.read(Data(gb))
        #expect(gbk.encoding == .gb18030 && gbk.header == plain.header && gbk.rows == plain.rows)
        #expect(plain.header?.fields == ["统一社会信用代码", "企业名称"])
        #expect(plain.rows == [CSVTable.Row(line: 2, fields: ["91370602123456788P", "烟台测试化工\n有限公司"])])
        // Bytes that are neither: a lone 0xFF is no GB18030 either.
        #expect(throws: CSVTable.Failure.self) { try CSVTable.read(Data([0x41, 0x2C, 0xFF, 0x0A])) }
    }

    @Test func physicalLinesCountBreaksInsideQuotedFieldsAndBlankLines() throws {
        let text = "a,b\n\"x\ny\r\nz\",1\n\nlast,\"q \"\"quoted\"\", with comma\"\r\nend,2"
        let table = try CSVTable.read(Data(text.utf8))
        #expect(table.rows.map(\.line) == [2, 6, 7])
        #expect(table.rows[0].fields == ["x\ny\nz", "1"])
        #expect(table.rows[1].fields == ["last", "q \"quoted\", with comma"])
    }

    @Test func aValidFileIsAddedWithHistoryAndAMultiLineAddress() throws {
        let text = Self.header + ",颜色\r\n"
            + "\(Self.codeA),烟台测试化工有限公司,芝罘区,\"芝罘区某路1号\r\n2号厂区, 东门\",危险化学品生产,张三,李四,13912345678,王五、赵六,红\r\n"
            + "\u{3000}\(Self.codeB) ,龙口某食品有限公司,龙口市,龙口市某路2号,花卉种植,钱七,孙八,0535-8123456,周九,\r\n"
        let plan = try planEnterprises(text)
        #expect(!plan.hasErrors && plan.added == [Self.codeA, Self.codeB] && plan.unknownColumns == ["颜色"])
        let a = plan.records[0], b = plan.records[1]
        #expect(a.address == "芝罘区某路1号\n2号厂区, 东门" && a.category == .hazardousChemicals)
        #expect(a.supervisors.map(\.name) == ["王五", "赵六"] && a.shortName == a.name)
        #expect(a.history == [HistoryEntry(at: "2026-11-26T10:00:00+08:00", by: importSigner, action: .created, changes: [], note: "导入 x.csv")])
        #expect(b.creditCode == Self.codeB && b.category == .other)
        // The unknown industry is a note on its line (4: the address spans lines 2 and 3).
        #expect(plan.findings.contains(ImportFinding(line: 4, field: "行业类别", problem: .unknownIndustry("花卉种植"), severity: .warning)))
    }

    @Test func anInvalidCheckCharacterADuplicateAndABadPhoneNameTheirPhysicalLines() throws {
        let bad = withWrongCheckCharacter(Self.codeB)
        let text = Self.header + "\n"
            + "\(Self.codeA),甲公司,芝罘区,\"地址\n第二行\",机械制造,张三,李四,13912345678,王五\n"
            + "\(bad),乙公司,龙口市,地址,机械制造,张三,李四,13912345678,王五\n"
            + "\(Self.codeA),丙公司,芝罘区,地址,机械制造,张三,李四,139,王五\n"
        let plan = try planEnterprises(text)
        #expect(plan.invalidLines == [4, 5])
        let expected = CreditCode.check(bad).problems.first!
        #expect(plan.findings.contains(ImportFinding(line: 4, field: "统一社会信用代码", problem: .issue(.creditCode(expected)), severity: .error)))
        #expect(plan.findings.contains(ImportFinding(line: 5, field: "统一社会信用代码", problem: .duplicateInFile(key: Self.codeA, firstLine: 2), severity: .error)))
        #expect(plan.findings.contains(ImportFinding(line: 5, field: "联系电话", problem: .issue(.invalidPhone("139")), severity: .error)))
        let line = Strings(.en).importFinding("x.csv", plan.findings.first { $0.line == 4 && $0.severity == .error }!)
        #expect(line.hasPrefix("x.csv: line 4: 统一社会信用代码: "), "\(line)")
    }

    @Test func englishHeadersUpdateAnExistingEnterpriseFieldByField() throws {
        let existing = try DemoLedger.enterprises()
        var first = existing[0]
        let text = "Credit Code,Name,District,Address,Industry,Legal_Representative,Safety_Responsible,Phone,Supervisors\n"
            + "\(first.creditCode.lowercased()),\(first.name),\(first.district),新地址 1 号,\(first.industry),\(first.legalRepresentative),"
            + "\(first.safetyResponsible.name),\(first.safetyResponsible.phone),\(first.supervisors.map(\.name).joined(separator: "、"))\n"
            + "\(existing[1].creditCode),\(existing[1].name),\(existing[1].district),\(existing[1].address),\(existing[1].industry),"
            + "\(existing[1].legalRepresentative),\(existing[1].safetyResponsible.name),\(existing[1].safetyResponsible.phone),"
            + "\(existing[1].supervisors.map(\.name).joined(separator: "、"))\n"
        let plan = try planEnterprises(text, existing: existing)
        #expect(!plan.hasErrors && plan.added.isEmpty, "\(plan.findings)")
        #expect(plan.updated == [first.creditCode] && plan.unchanged == [existing[1].creditCode])
        #expect(plan.records.count == existing.count && Array(plan.records[1...]) == Array(existing[1...]))
        let oldAddress = first.address
        first.address = "新地址 1 号"
        first.history = [HistoryEntry(at: "2026-11-26T10:00:00+08:00", by: importSigner, action: .edited,
                                      changes: [FieldChange(field: "address", old: oldAddress, new: "新地址 1 号")], note: "导入 x.csv")]
        // Fields without a column (short name, grade, equipment…) keep their values; phones are kept by name.
        #expect(plan.records[0] == first)
    }

    @Test func aNameHeldByAnotherCodeIsAnError() throws {
        let existing = try DemoLedger.enterprises()
        let text = Self.header + "\n\(Self.codeA),\(existing[0].name),芝罘区,地址,机械制造,张三,李四,13912345678,王五\n"
        let plan = try planEnterprises(text, existing: existing)
        #expect(plan.findings.contains(ImportFinding(line: 2, field: "企业名称", problem: .nameHeldBy(code: existing[0].creditCode), severity: .error)))
    }

    @Test func anInspectorsRoster() throws {
        let roster = try DemoLedger.inspectors()
        let text = "\u{FEFF}姓名,执法证号,所属单位/科室,电话\r\n"
            + "新人甲,37069999001,市局执法稽查支队,13800000001\r\n"
            + "\(roster[0].name),\(roster[0].certificateNumber),新科室,\r\n"
            + "\(roster[1].name),\(roster[1].certificateNumber),\(roster[1].unit),\r\n"
            + ",37069999002,科室,12\r\n"
        let table = try CSVTable.read(Data(text.utf8))
        let plan = ImportPlanner.inspectors(table, existing: roster, signer: importSigner, time: "t", note: "n")
        #expect(plan.added == ["37069999001"] && plan.updated == [roster[0].certificateNumber] && plan.unchanged == [roster[1].certificateNumber])
        #expect(plan.invalidLines == [5])
        #expect(plan.findings.filter { $0.line == 5 }.map(\.field) == ["姓名", "电话"])
        #expect(plan.records.last?.phone == "13800000001")
        #expect(plan.records[0].unit == "新科室" && plan.records[0].history?.last?.changes == [FieldChange(field: "unit", old: roster[0].unit, new: "新科室")])
    }

    @Test func theIndustryTableGivesTheDemoLedgersCategories() throws {
        for enterprise in try DemoLedger.enterprises() {
            let found = IndustryCategory.category(of: enterprise.industry) ?? .other
            #expect(found == enterprise.category, "\(enterprise.industry)")
        }
        #expect(IndustryCategory.category(of: "Port logistics") == .port)
        #expect(IndustryCategory.category(of: "花卉种植") == nil)
    }

    @Test func headersAreMatchedWithoutSpacesCaseOrUnderscores() {
        let (columns, unknown) = ImportColumn.resolve([" 统一社会信用代码\u{3000}", "CREDIT-CODE", "单位名称", "区县", "Notes", "其它"], kind: .enterprises)
        #expect(columns == [.creditCode: 0, .name: 2, .district: 3, .notes: 4])
        #expect(unknown == ["CREDIT-CODE", "其它"])
    }

    @Test func oldFilesWithoutHistoryStillLoadAndSaveUnchanged() throws {
        try withDemoLedger { dir in
            let url = dir.appendingPathComponent(LedgerStore.enterprisesName)
            let before = try Data(contentsOf: url)
            let loaded = try LedgerStore.loadEnterprises(url).0
            #expect(loaded.allSatisfy { $0.history == nil })
            try LedgerStore.saveEnterprises(loaded, in: dir)
            #expect(try Data(contentsOf: url) == before)
        }
    }
}

/// A malformed quote is refused with its line before any row is read: the CSV library would read
/// on and take the rest of the file into one field (found in review).
@Suite struct CSVQuoteTests {
    @Test func aStrayOrUnterminatedQuoteIsRefusedWithItsLine() throws {
        let header = "统一社会信用代码,企业名称,备注\r\n"
        #expect(throws: CSVTable.Failure.strayQuote(line: 4)) {  // the first row spans lines 2 and 3
            try CSVTable.read(Data((header + "A,\"甲公司\r\n二号\",\"\"\"注\"\"\"\r\nB,乙公司,\"见附件\"第2页\r\nC,丙公司,\r\n").utf8))
        }
        #expect(throws: CSVTable.Failure.unterminatedQuote(line: 3)) {
            try CSVTable.read(Data((header + "A,甲公司,\r\nB,乙公司,\"未结束\r\nC,丙公司,\r\n").utf8))
        }
        // Quotes as Excel writes them: doubled inside, line breaks and commas inside, CRLF, LF, a lone CR.
        let table = try CSVTable.read(Data((header + "A,\"甲,公司\",\"他说\"\"好\"\"\"\r\nB,\"乙\r\n公司\",\n\"C\",丙公司,x\r").utf8))
        #expect(table.rows.map(\.line) == [2, 3, 5])
        #expect(table.rows.map { $0.fields[1] } == ["甲,公司", "乙\n公司", "丙公司"])
        #expect(table.rows[0].fields[2] == "他说\"好\"")
    }
}

/// Re-importing an unchanged industry leaves a category set by hand (found in review).
@Suite struct ImportCategoryTests {
    @Test func anUnchangedIndustryKeepsItsCategoryAndAChangedOneTakesTheTables() throws {
        var enterprise = try #require(demoEnterprises.first { $0.industry == "化工新材料制造" })
        enterprise.category = .hazardousChemicals
        let row = "统一社会信用代码,企业名称,行业类别\r\n\(enterprise.creditCode),\(enterprise.name),化工新材料制造\r\n"
        let plan = try planEnterprises(row, existing: [enterprise])
        #expect(plan.unchanged == [enterprise.creditCode] && plan.updated.isEmpty)
        #expect(plan.records[0].category == .hazardousChemicals)

        let changed = try planEnterprises(row.replacingOccurrences(of: ",化工新材料制造", with: ",其他行业"), existing: [enterprise])
        #expect(changed.updated == [enterprise.creditCode] && changed.records[0].category == .other)
    }
}

/// The industry → category table takes the longest keyword, 其他 last, English as whole words (found in review).
@Suite struct IndustryCategoryTests {
    @Test func theLongestKeywordWins() {
        #expect(IndustryCategory.category(of: "矿泉水生产") == .food)
        #expect(IndustryCategory.category(of: "其他机械制造") == .machinery)
        #expect(IndustryCategory.category(of: "其他") == .other)
        #expect(IndustryCategory.category(of: "黄金采选") == .mining)
        #expect(IndustryCategory.category(of: "road transport") == nil)
        #expect(IndustryCategory.category(of: "Port handling") == .port)
        #expect(IndustryCategory.category(of: "Special equipment use") == .specialEquipment)
        for enterprise in demoEnterprises {
            #expect((IndustryCategory.category(of: enterprise.industry) ?? .other) == enterprise.category, "\(enterprise.industry)")
        }
    }
}
