import Foundation
import Testing
import AnjianModel
@testable import AnjianStore
@testable import AnjianRuntime

/// What review found in issue 13's master data, each now a test that fails without its fix.
@Suite struct MasterDataReviewTests {
    func withLedger(_ body: (URL, Runner) throws -> Void) throws {
        let data = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("anjian-md-review-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        try LedgerStore.initialize(data, source: .demo)
        try body(data, Runner(directory: data, lock: nil, configURL: data.appendingPathComponent("config.json"), configProblem: nil))
    }

    /// A code changed on an enterprise without records: whoever avoided it still does, recorded.
    @Test func aChangedCodeWithoutRecordsKeepsTheAvoidancesWithHistory() throws {
        try withLedger { data, runner in
            let ledger = try LedgerStore.open(data, initializeIfEmpty: false)
            let avoided = Set(ledger.inspectors.flatMap(\.avoidEnterprises))
            let withRecords = Set(ledger.supervisions.keys).union(ledger.hazards.keys)
            let from = try #require(ledger.enterprises.first { avoided.contains($0.creditCode) && !withRecords.contains($0.creditCode) })
            var to = from
            to.creditCode = "913706119988776651"
            _ = try to.recordEdit(from: from, hasRecords: false, by: demoOperator, at: "2026-11-26T10:00:00+08:00")
            guard case .saved(_, let written) = runner.perform(.saveEnterprise(to, base: from)) else { throw Failure("not saved") }
            let after = try LedgerStore.open(data, initializeIfEmpty: false)
            let avoiding = after.inspectors.filter { $0.avoidEnterprises.contains(from.creditCode) }
            #expect(!avoiding.isEmpty && avoiding.allSatisfy { $0.avoidEnterprises.contains(to.creditCode) })
            #expect(avoiding.allSatisfy { $0.history?.last?.by == demoOperator && $0.history?.last?.changes.first?.field == "avoidEnterprises" })
            #expect(written.inspectors == after.inspectors)
        }
    }

    /// A code in the file written in lower case is the same code: a new enterprise under it is refused.
    @Test func aCodeInAnotherCaseIsTaken() throws {
        try withLedger { data, runner in
            let url = data.appendingPathComponent("enterprises.json")
            let ledger = try LedgerStore.open(data, initializeIfEmpty: false)
            let first = try #require(ledger.enterprises.first { $0.creditCode.contains { $0.isLetter } })
            let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: first.creditCode, with: first.creditCode.lowercased())
            try text.write(to: url, atomically: true, encoding: .utf8)
            var copy = first
            copy.name = "另一家同码企业有限公司"
            copy.recordCreation(by: demoOperator, at: "2026-11-26T10:00:00+08:00")
            guard case .failed(_, let error) = runner.perform(.saveEnterprise(copy, base: nil)) else {
                Issue.record("saved a second enterprise under \(first.creditCode)")
                return
            }
            #expect(error == .keyTaken(path: url.path, key: .creditCode, value: first.creditCode))
            let reread = try LedgerStore.loadEnterprises(url).0
            #expect(copy.formIssues(among: reread, original: nil).contains { $0.field == "creditCode" })
        }
    }

    /// The figures count enterprises as they stand: a retired one is not among them.
    @Test func statisticsLeaveRetiredEnterprisesOut() throws {
        var enterprises = try LedgerStore.open({
            let data = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("anjian-md-stats-\(UUID().uuidString)")
            try LedgerStore.initialize(data, source: .demo)
            return data
        }(), initializeIfEmpty: false).enterprises
        let before = LedgerStatistics(enterprises: enterprises, hazards: [], entries: [], period: StatisticsPeriod(), today: "2026-11-26")
        try enterprises[0].retire(on: "2026-11-20", reason: "迁出本市", by: demoOperator, at: "2026-11-20T10:00:00+08:00")
        let after = LedgerStatistics(enterprises: enterprises, hazards: [], entries: [], period: StatisticsPeriod(), today: "2026-11-26")
        #expect(after.enterprises.total == before.enterprises.total - 1)
    }

    struct Failure: Error { let text: String; init(_ text: String) { self.text = text } }
}
