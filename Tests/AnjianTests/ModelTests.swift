import Testing
@testable import AnjianModel
import AnjianStore

@Suite struct CreditCodeTests {
    @Test(arguments: ["9135052155323005XL", "91330424MA28AQAQXU", "91350100M000100Y43"])
    func validCodes(_ code: String) {
        let check = CreditCode.check(code)
        #expect(check.isValid, "\(check.problems)")
    }

    @Test func lowerCaseIsNormalisedToUpperCase() {
        let check = CreditCode.check(" 91330424ma28aqaqxu ")
        #expect(check.normalized == "91330424MA28AQAQXU")
        #expect(check.isValid)
        #expect(check.warnings.isEmpty)
    }

    @Test func wrongCheckCharacterNamesTheExpectedOne() {
        let check = CreditCode.check("9135052155323005XM")
        #expect(check.problems == [.checkCharacterMismatch(expected: "L", found: "M")])
    }

    @Test func wrongLength() {
        #expect(CreditCode.check("9135052155323005X").problems == [.wrongLength(17)])
        #expect(CreditCode.check("9135052155323005XLL").problems == [.wrongLength(19)])
        #expect(CreditCode.check("").problems == [.empty])
    }

    @Test(arguments: ["I", "O", "Z", "S", "V"])
    func forbiddenLetters(_ letter: String) {
        let code = "91350521553230" + letter + "5XL"
        let check = CreditCode.check(code)
        #expect(check.problems == [.forbiddenCharacter(Character(letter), position: 15)])
    }

    @Test func organizationCodeMismatchIsAWarningNotAnError() {
        // Body 55323005 has check X; write 7 there and recompute the final check character.
        var chars = Array("9135052155323005XL")
        chars[16] = "7"
        let values = chars.prefix(17).map { CreditCode.alphabet.firstIndex(of: $0)! }
        let sum = (0..<17).reduce(0) { $0 + values[$1] * CreditCode.weights[$1] }
        chars[17] = CreditCode.alphabet[(31 - sum % 31) % 31]
        let check = CreditCode.check(String(chars))
        #expect(check.isValid)
        #expect(check.warnings == [.organizationCodeCheckMismatch(expected: "X", found: "7")])
    }

    @Test func organizationCheckDigitRules() {
        #expect(CreditCode.organizationCheckCharacter(Array("55323005")) == "X")
        #expect(CreditCode.organizationCheckCharacter(Array("MA28AQAQ")) == "X")
        #expect(CreditCode.organizationCheckCharacter(Array("12345678")) == "8")
        #expect(CreditCode.organizationCheckCharacter(Array("1234567")) == nil)
    }
}

@Suite struct PhoneTests {
    @Test(arguments: ["13905351234", "19912345678", "0535-6123456", "010-12345678", "0535 6123456".replacingOccurrences(of: " ", with: "-")])
    func valid(_ phone: String) { #expect(PhoneNumber.isValid(phone)) }

    @Test(arguments: ["12905351234", "1390535123", "139053512345", "0535-612345", "535-6123456", "0535-0123456", "电话", "", "1390535123a"])
    func invalid(_ phone: String) { #expect(!PhoneNumber.isValid(phone)) }

    @Test func kinds() {
        #expect(PhoneNumber.kind(of: "13905351234") == .mobile)
        #expect(PhoneNumber.kind(of: "0535-6123456") == .landline)
    }
}

@Suite struct EnterpriseValidationTests {
    static func sample() -> Enterprise {
        Enterprise(creditCode: "91370683MA3C5BQX4P", name: "莱州测试矿业有限公司", shortName: "测试矿业", district: "莱州市",
                   address: "莱州市某镇", industry: "黄金采选", category: .mining, riskGrade: .high,
                   legalRepresentative: "王某", safetyResponsible: ContactPerson(name: "李某", position: "安全总监", phone: "13905351234"),
                   supervisors: [Supervisor(name: "张某", phone: "0535-6123456")])
    }

    @Test func requiredFieldsAreNamed() {
        var e = Self.sample()
        e.name = " "
        e.safetyResponsible.name = ""
        e.supervisors = []
        let fields = e.validate().errors.map(\.field)
        #expect(fields.contains("name"))
        #expect(fields.contains("safetyResponsible.name"))
        #expect(fields.contains("supervisors"))
    }

    @Test func badPhoneAndUnknownDistrict() {
        var e = Self.sample()
        e.safetyResponsible.phone = "12345"
        e.district = "北京市"
        let issues = e.validate()
        #expect(issues.contains(ValidationIssue(field: "safetyResponsible.phone", problem: .invalidPhone("12345"))))
        #expect(issues.contains(ValidationIssue(field: "district", problem: .unknownDistrict("北京市"))))
    }

    /// A warning, not an error: the code is given where the enterprise was registered and stays
    /// when it moves to another district (issue 13: an enterprise that moves is edited, not refused).
    @Test func anAreaPartOfAnotherDistrictIsAWarning() throws {
        let demo = try DemoLedger.enterprises()
        var e = try #require(demo.first { $0.district == "莱州市" })
        e.district = "招远市"
        #expect(e.validate().errors.isEmpty)
        #expect(e.validate().warnings.map(\.problem) == [.areaMismatch(codeArea: "370683", district: "招远市")])
    }

    @Test func districtsAndCodes() {
        #expect(District.administrative.count == 11)
        #expect(District.named("莱州市")?.code == "370683")
        #expect(District.named("烟台经济技术开发区")?.code == "370676")
        #expect(District.named("烟台高新技术产业开发区")?.code == "370671")
    }

    @Test func calendarDates() {
        #expect(CalendarDate.isValid("2024-02-29"))
        #expect(!CalendarDate.isValid("2025-02-29"))
        #expect(!CalendarDate.isValid("2025-13-01"))
        #expect(!CalendarDate.isValid("2025-1-01"))
    }
}

@Suite struct DemoLedgerTests {
    @Test func sixtyValidEnterprisesInEveryDistrict() throws {
        let enterprises = try DemoLedger.enterprises()
        #expect(enterprises.count == 60)
        #expect(Set(enterprises.map(\.creditCode)).count == 60)
        for e in enterprises {
            let check = CreditCode.check(e.creditCode)
            #expect(check.isValid, "\(e.name): \(check.problems)")
            #expect(check.warnings.isEmpty, "\(e.name): \(check.warnings)")
            #expect(check.areaCode == District.named(e.district)?.code, "\(e.name)")
            #expect(e.validate().isEmpty, "\(e.name): \(e.validate())")
            #expect(PhoneNumber.kind(of: e.safetyResponsible.phone) == .mobile)
        }
        #expect(Set(enterprises.map(\.district)) == Set(District.administrative.map(\.name)))
        #expect(enterprises.contains { $0.integrityStatus == .red })
        #expect(enterprises.contains { $0.integrityStatus == .black })
    }

    @Test func directorySearchFindsByPinyinDistrictAndCode() throws {
        let enterprises = try DemoLedger.enterprises()
        let directory = EnterpriseDirectory(enterprises: enterprises, pinyin: pinyinTable)
        let laizhou = directory.matching(SearchQuery("莱州"))
        #expect(!laizhou.isEmpty)
        #expect(laizhou.allSatisfy { enterprises[$0].district == "莱州市" })
        #expect(laizhou.count == enterprises.filter { $0.district == "莱州市" }.count)
        let code = enterprises[7].creditCode
        #expect(directory.matching(SearchQuery(String(code.suffix(8)).lowercased())) == [7])
        #expect(!directory.matching(SearchQuery("cd")).isEmpty)
        #expect(directory.matching(SearchQuery("zzzzqqq")).isEmpty)
    }
}

/// Document numbers (issue 12): the pattern per kind, and the next in a year's sequence.
@Suite struct DocumentNumberTests {
    @Test func numbersFollowThePatternAndTheSequenceOfTheirKindAndYear() {
        let settings = DocumentSettings.standard
        #expect(settings.number(.inspectionRecord, year: 2026, sequence: 12) == "（烟）应急检记〔2026〕第 12 号")
        #expect(settings.number(.rectificationOrder, year: 2026, sequence: 7) == "（烟）应急责改〔2026〕第 7 号")
        let by = InspectorRef(name: "王丽娟", certificateNumber: "37062301333")
        let issued = [IssuedDocument(kind: .rectificationOrder, year: 2026, sequence: 7, number: "", issuedAt: "", issuedBy: by),
                      IssuedDocument(kind: .rectificationOrder, year: 2025, sequence: 40, number: "", issuedAt: "", issuedBy: by),
                      IssuedDocument(kind: .inspectionRecord, year: 2026, sequence: 12, number: "", issuedAt: "", issuedBy: by)]
        #expect(DocumentKind.rectificationOrder.nextSequence(year: 2026, issued: issued) == 8)
        #expect(DocumentKind.rectificationOrder.nextSequence(year: 2027, issued: issued) == 1)
        #expect(DocumentKind.recheckOpinion.nextSequence(year: 2026, issued: issued) == 1)
        let other = DocumentSettings(authority: "威海市应急管理局", patterns: ["inspectionRecord": "（威）检〔{year}〕{n}号"])
        #expect(other.number(.inspectionRecord, year: 2026, sequence: 3) == "（威）检〔2026〕3号")
        #expect(other.number(.recheckOpinion, year: 2026, sequence: 1) == "（烟）应急复查〔2026〕第 1 号", "a kind without a pattern takes the standard one")
    }
}
