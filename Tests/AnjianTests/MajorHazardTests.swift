import Foundation
import Testing
@testable import AnjianApp
import AnjianModel
import AnjianStore

/// A major hazard rectifying, its six items given: reported rectified, ready for 销号.
func reportedMajorHazard() throws -> Hazard {
    var h = sampleHazard(level: .major)
    h.rectification = Rectification(responsible: "滕磊", measures: "更换配电箱", funds: 2.5, deadline: "2026-12-25",
                                    contingencyPlan: "停电检修", rechecker: "孙建军")
    try h.startRectification(by: inspector, at: "2026-11-26T09:00:00+08:00")
    try h.reportRectified(by: inspector, at: "2026-12-01T09:00:00+08:00")
    return h
}

/// Issue 9, major hazards in full: 销号 by two, funds a number, 挂牌督办, the re-checker.
@Suite struct MajorHazardRuleTests {
    let sun = InspectorRef(name: "孙建军", certificateNumber: "37060201002")

    @Test func aMajorHazardClosesOnlyWithTwoCertifiedVerifiersAndAnOpinion() throws {
        var h = try reportedMajorHazard()
        #expect(throws: HazardRefusal.twoVerifiersRequired) {
            try h.verifyPassed(verifier: "单志刚", date: "2026-12-05", remark: "同意销号", by: inspector, at: "t")
        }
        let uncertified = InspectorRef(name: "孙建军", certificateNumber: "")
        #expect(throws: HazardRefusal.twoVerifiersRequired) {
            try h.verifyPassed(verifiers: [inspector, uncertified], date: "2026-12-05", remark: "同意销号", by: inspector, at: "t")
        }
        let sameCertificate = InspectorRef(name: "王丽娟", certificateNumber: inspector.certificateNumber)
        #expect(throws: HazardRefusal.twoVerifiersRequired) {
            try h.verifyPassed(verifiers: [inspector, sameCertificate], date: "2026-12-05", remark: "同意销号", by: inspector, at: "t")
        }
        #expect(throws: HazardRefusal.opinionRequired) {
            try h.verifyPassed(verifiers: [inspector, sun], date: "2026-12-05", remark: " \n", by: inspector, at: "t")
        }
        #expect(h.status == .rectified && h.verifications.isEmpty, "a refused step changes nothing")
        try h.verifyPassed(verifiers: [inspector, sun], date: "2026-12-05", remark: "复查合格，同意销号", by: inspector, at: "t")
        #expect(h.isClosed && h.verifications.last?.verifiers == [inspector, sun])
        #expect(h.verifications.last?.verifier == "王丽娟、孙建军" && h.verifications.last?.remark == "复查合格，同意销号")
        // A general hazard still closes with one verifier and no opinion.
        var general = sampleHazard()
        try general.startRectification(by: inspector, at: "t")
        try general.reportRectified(by: inspector, at: "t")
        try general.verifyPassed(verifier: "单志刚", date: "2026-12-05", remark: "", by: inspector, at: "t")
        #expect(general.isClosed)
    }

    @Test func fundsAreANumberOfTenThousandYuan() {
        #expect(Funds(parsing: "15") == .amount(15) && Funds(parsing: "12.5 万元") == .amount(12.5))
        #expect(Funds(parsing: "3万") == .amount(3) && Funds(parsing: "150000元") == .amount(15))
        #expect(Funds(parsing: "１５万") == .amount(15) && Funds(parsing: "1,200") == .amount(1200))
        #expect(Funds(parsing: "十五万") == .text("十五万") && Funds(parsing: "-3") == .text("-3") && Funds(parsing: "1.2.3") == .text("1.2.3"))
        var h = sampleHazard()
        h.rectification.funds = "十五万"
        #expect(h.validate() == [ValidationIssue(field: "rectification.funds", problem: .fundsNotANumber("十五万"))])
        #expect(h.validate(loading: true).errors.isEmpty, "a file written before the rule still loads")
        #expect(h.validate(loading: true).warnings.map(\.field) == ["rectification.funds"])
        h.rectification.funds = 2.5
        var other = sampleHazard()
        other.rectification.funds = "12.5 万元"
        #expect(h.validate().isEmpty && [h, other, sampleHazard()].totalFunds == 15)
    }

    @Test func theReCheckerIsOneOfTheSixItems() throws {
        var h = try reportedMajorHazard()
        h.rectification.rechecker = " "
        #expect(h.validate() == [ValidationIssue(field: "rectification.rechecker", problem: .requiredForMajorHazard)])
        #expect(h.validate(loading: true).errors.isEmpty)
        #expect(sampleHazard().validate().isEmpty, "a general hazard needs no re-checker")
    }

    @Test func theListingForSupervisionIsValidated() throws {
        var h = try reportedMajorHazard()
        h.supervisionListing = SupervisionListing(level: .province, date: "2026-11-28", documentNumber: "鲁安办〔2026〕3号")
        #expect(h.validate().isEmpty)
        h.supervisionListing = SupervisionListing(level: .city, date: "2026-11-31", documentNumber: " ")
        #expect(h.validate() == [ValidationIssue(field: "supervisionListing.date", problem: .invalidDate("2026-11-31")),
                                 ValidationIssue(field: "supervisionListing.documentNumber", problem: .required)])
        h.supervisionListing = SupervisionListing(level: .city, date: "2026-11-01", documentNumber: "烟安委办〔2026〕17号")
        #expect(h.validate() == [ValidationIssue(field: "supervisionListing.date", problem: .beforeDiscovery("2026-11-01", "2026-11-25"))])
        h.supervisionListing?.date = "2026-11-28"
        h.level = .general
        #expect(h.validate() == [ValidationIssue(field: "supervisionListing", problem: .listingOnlyForMajorHazard)])
        #expect(h.consistencyIssues().map(\.field) == ["supervisionListing"], "an error on load too")
    }

    @Test func stepsRecordTheirDayNoteAndEvidence() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("photos"), withIntermediateDirectories: true)
        try Data("jpg".utf8).write(to: dir.appendingPathComponent("photos/before.jpg"))
        let absolute = dir.appendingPathComponent("report.pdf")
        try Data("pdf".utf8).write(to: absolute)
        #expect(try Evidence.check("photos/before.jpg\n \(absolute.path)；", dataDirectory: dir.path) == ["photos/before.jpg", absolute.path])
        #expect(throws: HazardRefusal.evidenceMissing("photos/after.jpg")) {
            try Evidence.check("photos/before.jpg; photos/after.jpg", dataDirectory: dir.path)
        }
        #expect(throws: HazardRefusal.evidenceMissing("photos")) { try Evidence.check("photos", dataDirectory: dir.path) }
        var h = sampleHazard()
        #expect(throws: HazardRefusal.dateBeforeDiscovery(date: "2026-11-20", discovered: "2026-11-25")) {
            try h.startRectification(on: "2026-11-20", by: inspector, at: "t")
        }
        try h.startRectification(on: "2026-11-26", note: "已停用配电箱", evidence: ["photos/before.jpg"], by: inspector, at: "2026-11-27T09:00:00+08:00")
        #expect(h.history.last?.date == "2026-11-26" && h.history.last?.note == "已停用配电箱")
        #expect(h.history.last?.evidence == ["photos/before.jpg"])
        try h.reportRectified(on: "2026-12-01", evidence: [absolute.path], by: inspector, at: "2026-12-03T09:00:00+08:00")
        #expect(h.reportedRectifiedOn == "2026-12-01", "the re-check period counts from the day reported, not the day recorded")
        #expect(h.history.last?.note == nil)
        #expect(h.loadWarnings(dataDirectory: dir.path).isEmpty)
        try FileManager.default.removeItem(at: absolute)
        #expect(h.loadWarnings(dataDirectory: dir.path)
            == [ValidationIssue(field: "history[2].evidence", problem: .evidenceMissing(absolute.path), severity: .warning)])
    }
}

/// Files written before these rules: funds as text, no re-checker, a major hazard closed by one.
@Suite struct OldShapeHazardFileTests {
    static let code = "91370611778000626P"
    /// A hazards file as the program wrote it before issue 9's major-hazard rules.
    static let oldFile = """
    {
      "enterpriseCode" : "\(code)",
      "hazards" : [
        {
          "category" : "equipment", "closedOn" : "2026-09-27", "description" : "压力容器安全阀校验过期", "discoveredOn" : "2026-09-07",
          "enterpriseCode" : "\(code)", "foundBy" : "于海波", "id" : "old-1", "level" : "major", "location" : "空压站",
          "number" : "YH-2026-00626P-001",
          "history" : [ { "action" : "created", "at" : "2026-09-07T10:00:00+08:00", "by" : { "certificateNumber" : "37061901000", "name" : "于海波" },
                          "changes" : [ ] } ],
          "rectification" : { "contingencyPlan" : "设置警戒区域", "deadline" : "2026-11-06", "funds" : "十五万", "measures" : "停用检修",
                              "responsible" : "任嘉鹏" },
          "status" : "closed",
          "verifications" : [ { "date" : "2026-09-27", "passed" : true, "remark" : "", "verifier" : "宋雪梅" } ]
        },
        {
          "category" : "fire", "description" : "消防通道堆放杂物", "discoveredOn" : "2026-10-01", "enterpriseCode" : "\(code)",
          "foundBy" : "于海波", "history" : [ ], "id" : "old-2", "level" : "general", "location" : "", "number" : "YH-2026-00626P-002",
          "rectification" : { "contingencyPlan" : "", "deadline" : "2026-12-01", "funds" : "3.5 万元", "measures" : "", "responsible" : "任嘉鹏" },
          "status" : "registered", "verifications" : [ ]
        }
      ],
      "schemaVersion" : 1
    }
    """

    @Test func anOldFileLoadsWithWarningsAndIsUntouched() throws {
        try withDemoLedger { dir in
            let url = dir.appendingPathComponent("hazards/\(Self.code).json")
            try Data(Self.oldFile.utf8).write(to: url)
            let bytes = try Data(contentsOf: url)
            let ledger = try LedgerStore.open(dir)
            #expect(ledger.damagedFiles.isEmpty)
            let hazards = try #require(ledger.hazards[Self.code])
            #expect(hazards.map(\.rectification.funds) == [.text("十五万"), .amount(3.5)], "a number read where there is one, else the text kept")
            #expect(hazards.allSatisfy { $0.rectification.rechecker.isEmpty && $0.supervisionListing == nil })
            #expect(hazards[0].verifications.first?.verifiers == nil && hazards[0].isClosed)
            let warnings = ledger.fileWarnings.filter { $0.path == url.path }.compactMap { problem -> String? in
                guard case .invalidRecord(_, 0, _, let issue) = problem.error, issue.severity == .warning else { return nil }
                return issue.field
            }
            #expect(warnings == ["rectification.funds", "rectification.rechecker", "verifications[0].verifiers", "verifications[0].remark"])
            #expect(try Data(contentsOf: url) == bytes, "nothing written on load")
        }
    }
}
