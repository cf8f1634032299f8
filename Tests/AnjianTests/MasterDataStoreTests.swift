import Foundation
import Testing
import AnjianModel
@testable import AnjianStore
@testable import AnjianRuntime

/// Saving master data and re-keying an enterprise against real files (issue 13).
private func withLedger(_ body: (_ data: URL, _ runner: Runner) throws -> Void) throws {
    let root = temporaryDirectory()
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    let data = root.appendingPathComponent("data")
    try LedgerStore.initialize(data, source: .demo)
    try body(data, Runner(directory: data, lock: nil, configURL: root.appendingPathComponent("config.json"), configProblem: nil))
}

private func written(_ outcome: StoreOutcome) -> WrittenRecords? {
    if case .saved(_, let written) = outcome { return written }
    Issue.record("not saved: \(outcome)")
    return nil
}

private func failure(_ outcome: StoreOutcome) -> StoreError? {
    if case .failed(_, let error) = outcome { return error }
    Issue.record("saved, expected a failure")
    return nil
}

private func bytes(_ url: URL) -> Data? { try? Data(contentsOf: url) }

/// Every file of the directory but the backups, by path relative to it, and its bytes.
private func snapshot(_ data: URL) -> [String: Data] {
    var result: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(at: data, includingPropertiesForKeys: nil)!
    for case let url as URL in enumerator where !url.path.contains("/backups") && !url.hasDirectoryPath {
        if let content = bytes(url) { result[String(url.path.dropFirst(data.path.count))] = content }
    }
    return result
}

/// Whose visits and hazards the demo has (two visits, a hazard), and whom 王丽娟 must avoid.
private let codeWithRecords = "91370611778000626P"
/// A demo enterprise without visits or hazards.
private let codeWithoutRecords = "913706025944266149"
private let newCode = validCreditCode(area: "370611", body: "77800063")

@Suite struct MasterDataSaveTests {
    @Test func aNewEnterpriseIsAddedAndAnExistingCodeIsRefusedWithoutWriting() throws {
        try withLedger { data, runner in
            let file = data.appendingPathComponent("enterprises.json")
            var added = try demoEnterprise(0)
            added.creditCode = validCreditCode(area: "370602", body: "24681357")
            added.name = "烟台新建热力有限公司"
            added.recordCreation(by: masterSigner, at: masterTime)
            let result = try #require(written(runner.perform(.saveEnterprise(added, base: nil))))
            let (onDisk, _) = try LedgerStore.loadEnterprises(file)
            #expect(onDisk.count == 61 && onDisk.last == added)
            #expect(result.enterprises == onDisk)

            let before = bytes(file)
            var again = added
            again.name = "另一家"
            #expect(failure(runner.perform(.saveEnterprise(again, base: nil))) == .keyTaken(path: file.path, key: .creditCode, value: added.creditCode))
            // A record the file would not load with is refused too.
            var broken = added
            broken.creditCode = withWrongCheckCharacter(validCreditCode(area: "370602", body: "99887766"))
            guard case .invalidRecord(let path, 61, _, let issue)? = failure(runner.perform(.saveEnterprise(broken, base: nil))) else {
                Issue.record("expected invalidRecord")
                return
            }
            #expect(path == file.path && issue.field == "creditCode")
            #expect(bytes(file) == before)
        }
    }

    @Test func anEditGoesWhereTheFileStillHoldsItsBaseKeepsOthersChangesAndElseIsAConflict() throws {
        try withLedger { data, runner in
            let file = data.appendingPathComponent("enterprises.json")
            var (list, _) = try LedgerStore.loadEnterprises(file)
            let base = list[4]
            // Another tool changes another enterprise meanwhile.
            list[9].notes = "另一工具的备注"
            try LedgerStore.saveEnterprises(list, in: data)

            var edited = base
            edited.address = "新地址 1 号"
            try edited.recordEdit(from: base, hasRecords: true, by: masterSigner, at: masterTime)
            let result = try #require(written(runner.perform(.saveEnterprise(edited, base: base))))
            let (onDisk, _) = try LedgerStore.loadEnterprises(file)
            #expect(onDisk[4] == edited && onDisk[9].notes == "另一工具的备注")
            #expect(result.enterprises == onDisk && result.rekeyed.isEmpty)

            // Saved again from the version read before: someone else's change would be lost.
            var stale = base
            stale.notes = "过时的修改"
            let before = bytes(file)
            #expect(failure(runner.perform(.saveEnterprise(stale, base: base))) == .conflict(path: file.path, id: base.creditCode))
            #expect(bytes(file) == before)
        }
    }

    @Test func aDamagedEnterpriseListIsNeverWrittenOver() throws {
        try withLedger { data, runner in
            let file = data.appendingPathComponent("enterprises.json")
            let base = try LedgerStore.loadEnterprises(file).0[0]
            let damaged = Data("{ \"schemaVersion\": 1, \"enterprises\": [".utf8)
            try damaged.write(to: file)
            var edited = base
            edited.notes = "x"
            guard case .damaged? = failure(runner.perform(.saveEnterprise(edited, base: base))) else { Issue.record("expected damaged"); return }
            #expect(bytes(file) == damaged)
        }
    }

    @Test func aNewCodeBySaveIsAllowedWithoutRecordFilesAndRefusedWithThem() throws {
        try withLedger { data, runner in
            let file = data.appendingPathComponent("enterprises.json")
            let list = try LedgerStore.loadEnterprises(file).0
            let withRecords = try #require(list.first { $0.creditCode == codeWithRecords })
            var changed = withRecords
            changed.creditCode = newCode
            let before = snapshot(data)
            #expect(failure(runner.perform(.saveEnterprise(changed, base: withRecords)))
                    == .rekeyRequired(path: data.appendingPathComponent("supervisions/\(codeWithRecords).json").path, code: codeWithRecords))
            #expect(snapshot(data) == before)

            let without = try #require(list.first { $0.creditCode == codeWithoutRecords })
            var renamed = without
            renamed.creditCode = newCode
            try renamed.recordEdit(from: without, hasRecords: false, by: masterSigner, at: masterTime)
            let result = try #require(written(runner.perform(.saveEnterprise(renamed, base: without))))
            #expect(result.rekeyed == [codeWithoutRecords: newCode])
            let ledger = try LedgerStore.open(data)
            #expect(ledger.enterprises.contains(renamed) && !ledger.enterprises.contains { $0.creditCode == codeWithoutRecords })
            #expect(ledger.damagedFiles.isEmpty)
        }
    }

    @Test func theRosterIsSavedByCertificateNumberWithConflictsAndTakenNumbersRefused() throws {
        try withLedger { data, runner in
            let file = data.appendingPathComponent("inspectors.json")
            let roster = try LedgerStore.loadInspectors(data)
            var joined = Inspector(name: "林晓", certificateNumber: "37062601999", unit: "市局执法稽查支队", phone: "13953510000",
                                   certificateExpires: "2031-06-30")
            joined.recordCreation(by: masterSigner, at: masterTime)
            let added = try #require(written(runner.perform(.saveInspector(joined, base: nil))))
            #expect(added.inspectors == roster + [joined])
            #expect(try LedgerStore.loadInspectors(data) == roster + [joined])

            let before = bytes(file)
            #expect(failure(runner.perform(.saveInspector(joined, base: nil))) == .keyTaken(path: file.path, key: .certificateNumber, value: "37062601999"))
            var renumbered = roster[0]
            renumbered.certificateNumber = roster[1].certificateNumber
            #expect(failure(runner.perform(.saveInspector(renumbered, base: roster[0])))
                    == .keyTaken(path: file.path, key: .certificateNumber, value: roster[1].certificateNumber))
            var stale = roster[0]
            stale.phone = "13953510001"
            var changedElsewhere = roster
            changedElsewhere[0].unit = "调往他处"
            try LedgerStore.saveInspectors(changedElsewhere + [joined], in: data)
            let changedBytes = bytes(file)
            #expect(failure(runner.perform(.saveInspector(stale, base: roster[0]))) == .conflict(path: file.path, id: roster[0].certificateNumber))
            #expect(bytes(file) == changedBytes && changedBytes != before)

            var retiring = changedElsewhere[0]
            try retiring.retire(on: "2026-12-01", reason: "退休", by: masterSigner, at: masterTime)
            #expect(written(runner.perform(.saveInspector(retiring, base: changedElsewhere[0]))) != nil)
            #expect(try LedgerStore.loadInspectors(data)[0] == retiring)
            #expect(try LedgerStore.open(data).inspectors.count == roster.count + 1)
        }
    }
}

@Suite struct RekeyStoreTests {
    /// The enterprise with visits and hazards, as read, and the same under `newCode`.
    static func rekeying(_ data: URL) throws -> (from: Enterprise, to: Enterprise) {
        let from = try #require(try LedgerStore.loadEnterprises(data.appendingPathComponent("enterprises.json")).0.first { $0.creditCode == codeWithRecords })
        return (from, try from.rekeyed(to: newCode, by: masterSigner, at: masterTime))
    }

    /// The ledger has the enterprise's visits and hazards whole under `code` (each its code), nothing lost.
    static func expectWhole(_ ledger: LoadedLedger, under code: String, entries: [SupervisionEntry], hazards: [Hazard]) {
        #expect(ledger.enterprises.contains { $0.creditCode == code })
        #expect(ledger.supervisions[code]?.map(\.id) == entries.map(\.id))
        #expect(ledger.hazards[code]?.map(\.number) == hazards.map(\.number))
        #expect(ledger.supervisions[code]?.allSatisfy { $0.enterpriseCode == code } == true)
        #expect(ledger.hazards[code]?.allSatisfy { $0.enterpriseCode == code } == true)
    }

    @Test func reKeyingMovesTheFilesRewritesEveryRecordsCodeAndKeepsNumbersAndLinks() throws {
        try withLedger { data, runner in
            let before = try LedgerStore.open(data)
            let entries = before.supervisions[codeWithRecords]!, hazards = before.hazards[codeWithRecords]!
            let (from, to) = try Self.rekeying(data)
            let result = try #require(written(runner.perform(.rekeyEnterprise(from: from, to: to))))

            let after = try LedgerStore.open(data)
            #expect(after.damagedFiles.isEmpty)
            Self.expectWhole(after, under: newCode, entries: entries, hazards: hazards)
            #expect(after.supervisions[codeWithRecords] == nil && after.hazards[codeWithRecords] == nil)
            #expect(after.enterprises.firstIndex { $0.creditCode == newCode } == before.enterprises.firstIndex { $0.creditCode == codeWithRecords })
            #expect(after.enterprises.first { $0.creditCode == newCode } == to)
            // Ids, numbers and the visit's links as they were: only the code changed.
            #expect(after.hazards[newCode]?.map(\.id) == hazards.map(\.id))
            #expect(after.hazards[newCode]?.map(\.supervisionID) == hazards.map(\.supervisionID))
            #expect(after.supervisions[newCode]?.map(\.hazardIDs) == entries.map(\.hazardIDs))
            #expect(after.supervisions[newCode]?.map(\.history) == entries.map(\.history))
            for folder in ["supervisions", "hazards"] {
                #expect(!FileManager.default.fileExists(atPath: data.appendingPathComponent("\(folder)/\(codeWithRecords).json").path))
                // The old file is kept among the backups.
                #expect(Backups.versions(of: data.appendingPathComponent("\(folder)/\(codeWithRecords).json"),
                                         in: Backups.folder(in: data, for: folder)).count == 1)
            }
            // Whoever avoided the enterprise avoids it under its new code too.
            let wang = try #require(after.inspectors.first { $0.name == "王丽娟" })
            #expect(wang.avoidEnterprises.contains(newCode) && wang.avoidEnterprises.contains(codeWithRecords))
            // And the change is in her history (found in review: it was not).
            let change = try #require(wang.history?.last)
            #expect(change.action == .edited && change.changes.map(\.field) == ["avoidEnterprises"] && change.changes[0].new.contains(newCode))
            #expect(result.rekeyed == [codeWithRecords: newCode])
            #expect(result.enterprises == after.enterprises && result.inspectors == after.inspectors)
            #expect(result.supervisions[newCode] == after.supervisions[newCode] && result.hazards[newCode] == after.hazards[newCode])
        }
    }

    @Test func aConflictATakenCodeAStrayFileOrADamagedFileStopsItBeforeAnythingIsWritten() throws {
        try withLedger { data, runner in
            let (from, to) = try Self.rekeying(data)
            let original = snapshot(data)

            var stale = from
            stale.notes = "读取后被他人修改前的版本"
            #expect(failure(runner.perform(.rekeyEnterprise(from: stale, to: to))) == .conflict(path: data.appendingPathComponent("enterprises.json").path, id: codeWithRecords))

            var onto = to
            onto.creditCode = codeWithoutRecords
            #expect(failure(runner.perform(.rekeyEnterprise(from: from, to: onto)))
                    == .keyTaken(path: data.appendingPathComponent("enterprises.json").path, key: .creditCode, value: codeWithoutRecords))
            #expect(snapshot(data) == original)

            // A file already under the new code holding something else.
            let stray = data.appendingPathComponent("hazards/\(newCode).json")
            try LedgerStore.saveHazards([], enterprise: newCode, in: data)
            let withStray = snapshot(data)
            #expect(failure(runner.perform(.rekeyEnterprise(from: from, to: to))) == .rekeyTargetTaken(path: stray.path, code: newCode))
            #expect(snapshot(data) == withStray)
            try FileManager.default.removeItem(at: stray)

            // A damaged file of the enterprise.
            let visits = data.appendingPathComponent("supervisions/\(codeWithRecords).json")
            let damaged = Data("{ \"schemaVersion\": 1, ".utf8)
            try damaged.write(to: visits)
            let withDamage = snapshot(data)
            guard case .damaged? = failure(runner.perform(.rekeyEnterprise(from: from, to: to))) else { Issue.record("expected damaged"); return }
            #expect(snapshot(data) == withDamage)
        }
    }

    /// Cut short after the new files: the ledger is as before plus the copies (reported, not
    /// loaded); re-keying again finishes it.
    @Test func aCrashAfterTheNewFilesLosesNothingAndReKeyingAgainFinishes() throws {
        try withLedger { data, runner in
            let before = try LedgerStore.open(data)
            let entries = before.supervisions[codeWithRecords]!, hazards = before.hazards[codeWithRecords]!
            let (from, to) = try Self.rekeying(data)
            Runner.$stopRekey.withValue(.newFilesWritten) {
                _ = failure(runner.perform(.rekeyEnterprise(from: from, to: to)))
            }
            let cut = try LedgerStore.open(data)
            Self.expectWhole(cut, under: codeWithRecords, entries: entries, hazards: hazards)
            #expect(!cut.enterprises.contains { $0.creditCode == newCode })
            #expect(Set(cut.damagedFiles.map(\.error)) == [
                .unknownEnterprise(path: data.appendingPathComponent("supervisions/\(newCode).json").path, code: newCode),
                .unknownEnterprise(path: data.appendingPathComponent("hazards/\(newCode).json").path, code: newCode),
            ])

            #expect(written(runner.perform(.rekeyEnterprise(from: from, to: to))) != nil)
            let done = try LedgerStore.open(data)
            #expect(done.damagedFiles.isEmpty)
            Self.expectWhole(done, under: newCode, entries: entries, hazards: hazards)
        }
    }

    /// Cut short after enterprises.json: the enterprise has its new code and every record; the old
    /// files are reported as named for no enterprise (their records are the new files').
    @Test func aCrashAfterTheEnterpriseListLosesNothing() throws {
        try withLedger { data, runner in
            let before = try LedgerStore.open(data)
            let entries = before.supervisions[codeWithRecords]!, hazards = before.hazards[codeWithRecords]!
            let (from, to) = try Self.rekeying(data)
            Runner.$stopRekey.withValue(.enterpriseWritten) {
                _ = failure(runner.perform(.rekeyEnterprise(from: from, to: to)))
            }
            let cut = try LedgerStore.open(data)
            Self.expectWhole(cut, under: newCode, entries: entries, hazards: hazards)
            #expect(!cut.enterprises.contains { $0.creditCode == codeWithRecords })
            #expect(cut.damagedFiles.map(\.error).allSatisfy {
                if case .unknownEnterprise(_, codeWithRecords) = $0 { return true }
                return false
            })
            #expect(cut.damagedFiles.count == 2)
            let count = { (records: [String: [SupervisionEntry]]) -> Int in records.values.reduce(0) { $0 + $1.count } }
            let hazardCount = { (records: [String: [Hazard]]) -> Int in records.values.reduce(0) { $0 + $1.count } }
            #expect(count(cut.supervisions) == count(before.supervisions))
            #expect(hazardCount(cut.hazards) == hazardCount(before.hazards))
        }
    }
}
