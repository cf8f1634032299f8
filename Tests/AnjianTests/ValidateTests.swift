import Foundation
import Testing
import AnjianCLI
import AnjianModel
import AnjianStore
import AnjianText

/// `anjian validate` on broken links between visits and hazards (the files themselves are fine).
@Suite struct ValidateTests {
    @Test func aVisitListingAMissingHazardAndAHazardNamingAMissingVisitAreErrors() throws {
        try withDemoLedger { dir in
            let clean = try ValidateCommand.run(directory: dir, strings: Strings(.en), now: fixedNow)
            #expect(clean.status == .success && clean.errors == 0 && clean.warnings == 0, "\(clean.lines)")

            let code = try #require(demoSupervisions.keys.sorted().first)
            var visits = demoSupervisions[code]!
            visits[0].addHazard("no-such-hazard")
            try LedgerStore.saveSupervisions(visits, enterprise: code, in: dir)
            let hazardCode = try #require(demoHazards.keys.sorted().first)
            var hazards = demoHazards[hazardCode]!
            hazards[0].supervisionID = "S-NO-SUCH-VISIT"
            try LedgerStore.saveHazards(hazards, enterprise: hazardCode, in: dir)

            let report = try ValidateCommand.run(directory: dir, strings: Strings(.en), now: fixedNow)
            #expect(report.status == .problems && report.errors == 2)
            #expect(report.lines.contains { $0.contains("supervisions/\(code).json") && $0.contains("lists hazard no-such-hazard") })
            #expect(report.lines.contains { $0.contains("hazards/\(hazardCode).json") && $0.contains(hazards[0].number)
                && $0.contains("S-NO-SUCH-VISIT") })
        }
    }
}

extension ValidateTests {
    /// The roster is only decoded on load: validate checks its rules and unique certificate numbers (found in review).
    @Test func aRosterWithABlankNameAndARepeatedCertificateNumberFails() throws {
        try withDemoLedger { dir in
            var roster = demoInspectors
            roster[0].name = " "
            roster.append(Inspector(name: "重复者", certificateNumber: roster[1].certificateNumber, unit: "执法支队"))
            try LedgerStore.saveInspectors(roster, in: dir)
            let report = try ValidateCommand.run(directory: dir, strings: Strings(.en), now: fixedNow)
            #expect(report.status == .problems && report.errors == 2, "\(report.lines)")
            #expect(report.lines.contains { $0.contains("inspectors.json") && $0.contains("record 1") })
            #expect(report.lines.contains { $0.contains("inspectors.json") && $0.contains("certificate number") && $0.contains(roster[1].certificateNumber) })
        }
    }
}

extension ValidateTests {
    /// A document number given twice in the city, a damaged documents.json and a damaged draw
    /// record are each one error naming the file (issues 12 and 14).
    @Test func aNumberIssuedTwiceAndDamagedSettingsAndDrawsAreErrors() throws {
        try withDemoLedger { dir in
            let codes = demoSupervisions.keys.sorted()
            try #require(codes.count >= 2)
            let document = IssuedDocument(kind: .inspectionRecord, year: 2026, sequence: 3, number: "（烟）应急检记〔2026〕第 3 号",
                                          issuedAt: "2026-11-25T10:00:00+08:00", issuedBy: demoOperator)
            for code in codes.prefix(2) {
                var visits = demoSupervisions[code]!
                visits[0].recordIssued(document, by: demoOperator, at: "2026-11-25T10:00:00+08:00")
                try LedgerStore.saveSupervisions(visits, enterprise: code, in: dir)
            }
            try Data("{ \"schemaVersion\": 1 ".utf8).write(to: dir.appendingPathComponent("documents.json"))
            try FileManager.default.createDirectory(at: dir.appendingPathComponent("draws"), withIntermediateDirectories: true)
            try Data("[]".utf8).write(to: dir.appendingPathComponent("draws/DR-2026-001.json"))
            let report = try ValidateCommand.run(directory: dir, strings: Strings(.en), now: fixedNow)
            #expect(report.errors == 3, "\(report.lines)")
            #expect(report.lines.contains { $0.contains("supervisions/\(codes[1]).json") && $0.contains("（烟）应急检记〔2026〕第 3 号")
                && $0.contains("one number issued twice") })
            #expect(report.lines.contains { $0.contains("documents.json") })
            #expect(report.lines.contains { $0.contains("DR-2026-001.json") })
        }
    }
}
