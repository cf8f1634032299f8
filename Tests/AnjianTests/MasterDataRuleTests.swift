import Foundation
import Testing
import AnjianModel
@testable import AnjianStore

/// The rules for changing master data (issue 13), without files.
let masterSigner = Operator(name: "王丽娟", certificateNumber: "37062301333")
let masterTime = "2026-11-26T10:00:00+08:00"

/// A code whose GB 32100 check character is right but whose GB 11714 organization digit is not.
func codeWithWrongOrganizationDigit(area: String, body: String) -> String {
    let right = CreditCode.organizationCheckCharacter(Array(body))!
    let wrong: Character = right == "1" ? "2" : "1"
    let first17 = Array("91" + area + body) + [wrong]
    var sum = 0, weight = 1
    for c in first17 {
        sum += CreditCode.alphabet.firstIndex(of: c)! * weight
        weight = weight * 3 % 31
    }
    return String(first17) + String(CreditCode.alphabet[(31 - sum % 31) % 31])
}

func demoEnterprise(_ index: Int = 0) throws -> Enterprise { try DemoLedger.enterprises()[index] }

@Suite struct EnterpriseEditRuleTests {
    @Test func anEditRecordsOneEntryWithEveryChangedFieldOldToNewAndKeepsWhatOnlyItsStepsChange() throws {
        var old = try demoEnterprise()
        old.history = [HistoryEntry(at: "2026-01-01T08:00:00+08:00", by: masterSigner, action: .created, changes: [])]
        old.integrity = IntegrityRecord(status: .black, reason: "瞒报事故", date: "2026-03-01")
        var edited = old
        edited.address = "芝罘区幸福街道泰山路400号"
        edited.supervisors[1].phone = "13953512608"
        edited.specialEquipment?.boilers = 6
        edited.integrity = nil  // the form cannot take it off the list: that is a step of its own
        edited.history = nil
        let changes = try edited.recordEdit(from: old, hasRecords: true, by: masterSigner, at: masterTime)

        #expect(changes == [
            FieldChange(field: "address", old: "芝罘区幸福街道泰山路379号", new: "芝罘区幸福街道泰山路400号"),
            FieldChange(field: "supervisors.phone", old: "0535-2108436、13953512607", new: "0535-2108436、13953512608"),
            FieldChange(field: "specialEquipment.boilers", old: "5", new: "6"),
        ])
        #expect(edited.history?.count == 2)
        #expect(edited.history?.last == HistoryEntry(at: masterTime, by: masterSigner, action: .edited, changes: changes))
        #expect(edited.integrity == old.integrity)
    }

    @Test func anEditThatChangesNothingAddsNoEntry() throws {
        let old = try demoEnterprise()
        var same = old
        #expect(try same.recordEdit(from: old, hasRecords: false, by: masterSigner, at: masterTime).isEmpty)
        #expect(same == old)
    }

    @Test func aNewCreditCodeIsAnEditWithoutRecordsAndRefusedWithThem() throws {
        let old = try demoEnterprise()
        let newCode = validCreditCode(area: "370602", body: "55667788")
        var withRecords = old
        withRecords.creditCode = newCode.lowercased() + " "
        #expect(throws: MasterDataRefusal.rekeyRequired(code: old.creditCode)) {
            try withRecords.recordEdit(from: old, hasRecords: true, by: masterSigner, at: masterTime)
        }
        var without = old
        without.creditCode = newCode.lowercased()
        let changes = try without.recordEdit(from: old, hasRecords: false, by: masterSigner, at: masterTime)
        #expect(without.creditCode == newCode)
        #expect(changes == [FieldChange(field: "creditCode", old: old.creditCode, new: newCode)])
    }

    @Test func theFormGetsEachProblemBesideItsField() throws {
        let demo = try DemoLedger.enterprises()
        var e = demo[0]
        e.creditCode = withWrongCheckCharacter(e.creditCode)
        e.safetyResponsible.phone = "12345"
        e.supervisors[0].phone = "0535"
        let issues = e.formIssues(among: demo, original: demo[0].creditCode).byField
        let expected = CreditCode.check(demo[0].creditCode).normalized.last!
        #expect(issues["creditCode"]?.map(\.problem) == [.creditCode(.checkCharacterMismatch(expected: expected, found: e.creditCode.last!))])
        #expect(issues["creditCode"]?.first?.severity == .error)
        #expect(issues["safetyResponsible.phone"]?.map(\.problem) == [.invalidPhone("12345")])
        #expect(issues["supervisors[0].phone"]?.map(\.problem) == [.invalidPhone("0535")])

        // The organization digit and another district's area: warnings beside the code, no errors.
        var moved = demo[0]
        moved.creditCode = codeWithWrongOrganizationDigit(area: "370681", body: "31415926")
        let warnings = moved.formIssues(among: demo, original: demo[0].creditCode)
        #expect(warnings.errors.isEmpty)
        #expect(warnings.byField["creditCode"]?.count == 2)
        #expect(warnings.byField["creditCode"]?.allSatisfy { $0.severity == .warning } == true)
        #expect(warnings.contains { $0.problem == .areaMismatch(codeArea: "370681", district: "芝罘区") })

        // A district not on the list; a code or a name another enterprise has.
        var other = demo[0]
        other.district = "北京市"
        other.creditCode = demo[1].creditCode
        let clash = other.formIssues(among: demo, original: demo[0].creditCode).byField
        #expect(clash["district"]?.map(\.problem) == [.unknownDistrict("北京市")])
        #expect(clash["creditCode"]?.map(\.problem) == [.duplicateCreditCode(demo[1].creditCode)])
        var namesake = demo[0]
        namesake.name = demo[2].name
        #expect(namesake.formIssues(among: demo, original: demo[0].creditCode).byField["name"]?.map(\.problem)
                == [.nameHeldBy(code: demo[2].creditCode)])
        // The record itself is not a clash with itself, and a new one is checked against all.
        #expect(demo[0].formIssues(among: demo, original: demo[0].creditCode).errors.isEmpty)
        #expect(demo[0].formIssues(among: demo, original: nil).byField["creditCode"]?.map(\.problem)
                == [.duplicateCreditCode(demo[0].creditCode)])
    }

    @Test func aNewEnterpriseBeginsItsHistoryWithItsCodeNormalized() throws {
        var e = try demoEnterprise()
        e.creditCode = " " + e.creditCode.lowercased()
        e.history = nil
        e.recordCreation(by: masterSigner, at: masterTime)
        #expect(e.creditCode == (try demoEnterprise()).creditCode)
        #expect(e.history == [HistoryEntry(at: masterTime, by: masterSigner, action: .created, changes: [])])
    }
}

@Suite struct RetirementRuleTests {
    @Test func anEnterpriseRetiresWithADateAndAReasonAndIsReinstated() throws {
        var e = try demoEnterprise()
        #expect(e.isActive)
        #expect(throws: MasterDataRefusal.invalidDate("2026-02-30")) { try e.retire(on: "2026-02-30", reason: "迁出", by: masterSigner, at: masterTime) }
        #expect(throws: MasterDataRefusal.reasonRequired) { try e.retire(on: "2026-11-30", reason: "  ", by: masterSigner, at: masterTime) }
        #expect(e.isActive && e.history == nil)

        try e.retire(on: "2026-11-30", reason: " 迁出本市 ", by: masterSigner, at: masterTime)
        #expect(!e.isActive)
        #expect(e.retired == RetirementRecord(date: "2026-11-30", reason: "迁出本市"))
        #expect(e.history == [HistoryEntry(at: masterTime, by: masterSigner, action: .retired,
                                           changes: [FieldChange(field: "retired.date", old: "", new: "2026-11-30")],
                                           note: "迁出本市", date: "2026-11-30")])
        #expect(e.validate().errors.isEmpty)
        #expect(throws: MasterDataRefusal.alreadyRetired(since: "2026-11-30")) {
            try e.retire(on: "2026-12-01", reason: "x", by: masterSigner, at: masterTime)
        }
        // An edit keeps the retirement: only reinstating takes it back.
        var edited = e
        edited.retired = nil
        edited.notes = "已迁往青岛"
        try edited.recordEdit(from: e, hasRecords: true, by: masterSigner, at: masterTime)
        #expect(edited.retired == e.retired)

        try e.reinstate(reason: "重新纳入直管", by: masterSigner, at: "2027-01-05T09:00:00+08:00")
        #expect(e.isActive && e.retired == nil)
        #expect(e.history?.last?.action == .reinstated)
        #expect(e.history?.last?.changes == [FieldChange(field: "retired.date", old: "2026-11-30", new: "")])
        #expect(e.history?.last?.note == "重新纳入直管")
        #expect(throws: MasterDataRefusal.notRetired) { try e.reinstate(by: masterSigner, at: masterTime) }
    }

    @Test func anInspectorRetiresAndStaysOnTheRosterWithHistory() throws {
        var inspector = Inspector(name: "宋雪梅", certificateNumber: "37061901185", unit: "市局执法稽查支队")
        try inspector.retire(on: "2026-12-01", reason: "退休", by: masterSigner, at: masterTime)
        #expect(!inspector.isActive && inspector.retired?.date == "2026-12-01")
        #expect(inspector.history?.map(\.action) == [.retired])
        #expect(inspector.validate().isEmpty)
        try inspector.reinstate(by: masterSigner, at: masterTime)
        #expect(inspector.isActive && inspector.history?.map(\.action) == [.retired, .reinstated])
        #expect(inspector.history?.last?.note == nil)
    }
}

@Suite struct IntegrityRuleTests {
    @Test func everyChangeOfTheListIsKeptOldToNew() throws {
        var e = try demoEnterprise()
        #expect(e.integrityStatus == .none)
        #expect(throws: MasterDataRefusal.notListed) {
            try e.changeIntegrity(to: .none, reason: "x", decidedOn: "2026-11-01", by: masterSigner, at: masterTime)
        }
        #expect(throws: MasterDataRefusal.reasonRequired) {
            try e.changeIntegrity(to: .black, reason: " ", decidedOn: "2026-11-01", by: masterSigner, at: masterTime)
        }
        #expect(throws: MasterDataRefusal.invalidDate("2026-13-01")) {
            try e.changeIntegrity(to: .black, reason: "瞒报", decidedOn: "2026-13-01", by: masterSigner, at: masterTime)
        }
        #expect(throws: MasterDataRefusal.reviewBeforeDecision(review: "2026-10-01", decision: "2026-11-01")) {
            try e.changeIntegrity(to: .black, reason: "瞒报", decidedOn: "2026-11-01", reviewDate: "2026-10-01", by: masterSigner, at: masterTime)
        }
        #expect(e.history == nil)

        try e.changeIntegrity(to: .black, reason: "瞒报生产安全事故", decidedOn: "2026-11-01", documentNumber: "烟应急诚〔2026〕3号",
                              reviewDate: "2027-11-01", by: masterSigner, at: masterTime)
        #expect(e.integrity == IntegrityRecord(status: .black, reason: "瞒报生产安全事故", date: "2026-11-01",
                                               documentNumber: "烟应急诚〔2026〕3号", reviewDate: "2027-11-01"))
        #expect(e.validate().errors.isEmpty)
        #expect(e.history?.last == HistoryEntry(at: masterTime, by: masterSigner, action: .integrityChanged, changes: [
            FieldChange(field: "integrity.status", old: "none", new: "black"),
            FieldChange(field: "integrity.reason", old: "", new: "瞒报生产安全事故"),
            FieldChange(field: "integrity.date", old: "", new: "2026-11-01"),
            FieldChange(field: "integrity.documentNumber", old: "", new: "烟应急诚〔2026〕3号"),
            FieldChange(field: "integrity.reviewDate", old: "", new: "2027-11-01"),
        ], note: "瞒报生产安全事故", date: "2026-11-01"))
        #expect(throws: MasterDataRefusal.integrityUnchanged) {
            try e.changeIntegrity(to: .black, reason: "瞒报生产安全事故", decidedOn: "2026-11-01", documentNumber: "烟应急诚〔2026〕3号",
                                  reviewDate: "2027-11-01", by: masterSigner, at: masterTime)
        }

        // From black to red: only what differs is listed.
        try e.changeIntegrity(to: .red, reason: "瞒报生产安全事故", decidedOn: "2026-11-01", documentNumber: "烟应急诚〔2026〕3号",
                              reviewDate: "2027-11-01", by: masterSigner, at: masterTime)
        #expect(e.history?.last?.changes == [FieldChange(field: "integrity.status", old: "black", new: "red")])

        // Taken off: absent again, the history keeps what it was.
        try e.changeIntegrity(to: .none, reason: "整改到位，信用修复", decidedOn: "2027-11-02", by: masterSigner, at: masterTime)
        #expect(e.integrity == nil && e.integrityStatus == .none)
        let last = try #require(e.history?.last)
        #expect(last.changes.first == FieldChange(field: "integrity.status", old: "red", new: "none"))
        #expect(last.changes.contains(FieldChange(field: "integrity.documentNumber", old: "烟应急诚〔2026〕3号", new: "")))
        #expect(last.note == "整改到位，信用修复" && last.date == "2027-11-02")
        #expect(e.history?.map(\.action) == [.integrityChanged, .integrityChanged, .integrityChanged])
    }
}

@Suite struct RekeyRuleTests {
    @Test func reKeyingChecksTheNewCodeAndSaysSoInTheHistory() throws {
        let e = try demoEnterprise()
        #expect(throws: MasterDataRefusal.invalidCreditCode(.wrongLength(5))) { try e.rekeyed(to: "91370", by: masterSigner, at: masterTime) }
        let wrong = withWrongCheckCharacter(validCreditCode(area: "370602", body: "55667788"))
        #expect(throws: (any Error).self) { try e.rekeyed(to: wrong, by: masterSigner, at: masterTime) }
        #expect(throws: MasterDataRefusal.sameCreditCode) { try e.rekeyed(to: e.creditCode.lowercased(), by: masterSigner, at: masterTime) }

        let newCode = validCreditCode(area: "370602", body: "55667788")
        let moved = try e.rekeyed(to: newCode, reason: "三证合一后换发", by: masterSigner, at: masterTime)
        #expect(moved.creditCode == newCode && moved.name == e.name)
        #expect(moved.history == [HistoryEntry(at: masterTime, by: masterSigner, action: .rekeyed,
                                               changes: [FieldChange(field: "creditCode", old: e.creditCode, new: newCode)],
                                               note: "三证合一后换发")])
    }
}

@Suite struct InspectorRuleTests {
    static func inspector(expires: String?) -> Inspector {
        Inspector(name: "曲永强", certificateNumber: "37062001222", unit: "市局安全生产监督管理科", certificateExpires: expires)
    }

    @Test(arguments: [
        ("2026-11-30", CertificateState.valid),           // 31 days left
        ("2026-12-01", CertificateState.expiringSoon(days: 30)),
        ("2026-12-30", CertificateState.expiringSoon(days: 1)),
        ("2026-12-31", CertificateState.expiringSoon(days: 0)),  // its last valid day
        ("2027-01-01", CertificateState.expired),
        ("2030-06-01", CertificateState.expired),
    ])
    func theCertificateIsMarkedWithin30DaysAndExpiredTheDayAfter(today: String, state: CertificateState) {
        #expect(Self.inspector(expires: "2026-12-31").certificateState(today: today) == state)
    }

    @Test func daysAreCountedAcrossMonthsAndLeapDays() {
        #expect(Self.inspector(expires: "2028-03-01").certificateState(today: "2028-02-28") == .expiringSoon(days: 2))
        #expect(Self.inspector(expires: "2027-03-01").certificateState(today: "2027-02-28") == .expiringSoon(days: 1))
        #expect(Self.inspector(expires: nil).certificateState(today: "2026-11-26") == .notRecorded)
        #expect(Self.inspector(expires: "2026-02-30").certificateState(today: "2026-11-26") == .notRecorded)
        #expect(Self.inspector(expires: "2026-02-30").validate() == [ValidationIssue(field: "certificateExpires", problem: .invalidDate("2026-02-30"))])
    }

    @Test func aVisitIsRefusedFromTheRetirementDayAndAfterTheCertificatesLastDay() throws {
        var inspector = Self.inspector(expires: "2026-12-31")
        #expect(inspector.refusalForVisit(on: "2026-12-31") == nil)
        #expect(inspector.refusalForVisit(on: "2027-01-01") == .certificateExpired(on: "2026-12-31"))
        try inspector.retire(on: "2026-12-01", reason: "调离", by: masterSigner, at: masterTime)
        #expect(inspector.refusalForVisit(on: "2026-11-30") == nil)  // an earlier visit entered late
        #expect(inspector.refusalForVisit(on: "2026-12-01") == .retired(since: "2026-12-01"))
        #expect(inspector.refusalForVisit(on: "2027-02-01") == .retired(since: "2026-12-01"))
        #expect(Self.inspector(expires: nil).refusalForVisit(on: "2030-01-01") == nil)
    }

    @Test func anEditListsEachChangedFieldAndTheFormNamesAClashingCertificate() {
        let old = Self.inspector(expires: "2026-12-31")
        var new = old
        new.phone = "13953512607"
        new.certificateExpires = "2031-12-31"
        new.avoidDistricts = ["牟平区", "莱山区"]
        let changes = new.recordEdit(from: old, by: masterSigner, at: masterTime)
        #expect(changes == [
            FieldChange(field: "phone", old: "", new: "13953512607"),
            FieldChange(field: "certificateExpires", old: "2026-12-31", new: "2031-12-31"),
            FieldChange(field: "avoidDistricts", old: "", new: "牟平区、莱山区"),
        ])
        #expect(new.history == [HistoryEntry(at: masterTime, by: masterSigner, action: .edited, changes: changes)])

        let roster = [old, Inspector(name: "于海波", certificateNumber: "37061901000", unit: "")]
        var clash = new
        clash.certificateNumber = "37061901000"
        clash.phone = "123"
        clash.avoidDistricts = ["北京市"]
        let issues = clash.formIssues(among: roster, original: old.certificateNumber).byField
        #expect(issues["certificateNumber"]?.map(\.problem) == [.duplicateCertificate("37061901000")])
        #expect(issues["phone"]?.map(\.problem) == [.invalidPhone("123")])
        #expect(issues["avoidDistricts[0]"]?.map(\.severity) == [.warning])
        #expect(new.formIssues(among: roster, original: old.certificateNumber).isEmpty)
    }
}

@Suite struct MasterDataFormatTests {
    /// Files written before these fields (the demo ledger, as the program writes it) load as they
    /// are and are written back byte for byte: the new fields stay absent until used.
    @Test func filesWrittenBeforeLoadAndEncodeUnchanged() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try LedgerStore.initialize(dir, source: .demo)
        let ledger = try LedgerStore.open(dir)
        #expect(ledger.enterprises.count == 60 && ledger.damagedFiles.isEmpty)
        #expect(ledger.enterprises.allSatisfy { $0.retired == nil && $0.integrity?.documentNumber == nil })
        #expect(ledger.inspectors.allSatisfy { $0.isActive && $0.certificateExpires == nil })
        #expect(try JSONFiles.encode(EnterprisesFile(enterprises: ledger.enterprises)) == Data(contentsOf: dir.appendingPathComponent("enterprises.json")))
        #expect(try JSONFiles.encode(InspectorsFile(inspectors: ledger.inspectors)) == Data(contentsOf: dir.appendingPathComponent("inspectors.json")))
        #expect(!String(decoding: try Data(contentsOf: dir.appendingPathComponent("enterprises.json")), as: UTF8.self).contains("retired"))
    }
}
