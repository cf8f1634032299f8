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
