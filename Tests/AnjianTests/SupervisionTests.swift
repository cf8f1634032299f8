import Foundation
import Testing
@testable import AnjianModel
@testable import AnjianStore

func validEntry() -> SupervisionEntry {
    SupervisionEntry(id: "S-1", enterpriseCode: "91370602469653906K", date: "2026-11-25", time: "14:30", kind: .routine,
                     inspectors: [InspectorRef(name: "王丽娟", certificateNumber: "37062301333"),
                                  InspectorRef(name: "张伟明", certificateNumber: "37061988888")],
                     accompanying: ContactPerson(name: "滕磊", position: "生产副总经理", phone: "18624314768"))
}

@Suite struct SupervisionModelTests {
    @Test func aCompleteEntryIsValid() {
        #expect(validEntry().validate().isEmpty)
    }

    @Test func oneInspectorIsNotEnough() {
        var entry = validEntry()
        entry.inspectors.removeLast()
        #expect(entry.validate().map(\.problem) == [.tooFewInspectors(1)])
        #expect(entry.validate().map(\.field) == ["inspectors[1].name"])
        entry.inspectors.append(InspectorRef(name: "", certificateNumber: ""))
        let fields = entry.validate().map(\.field)
        #expect(fields.contains("inspectors[1].name") && fields.contains("inspectors[1].certificateNumber"))
    }

    @Test func theSameInspectorTwiceIsRefused() {
        var entry = validEntry()
        entry.inspectors[1] = entry.inspectors[0]
        #expect(entry.validate() == [ValidationIssue(field: "inspectors[1].name", problem: .sameInspectorTwice("王丽娟"))])
        // Two people may share a name: different certificates are two inspectors.
        entry.inspectors[1].certificateNumber = "37069999999"
        #expect(entry.validate().isEmpty)
    }

    @Test func missingCertificateNamesTheField() {
        var entry = validEntry()
        entry.inspectors[1].certificateNumber = " "
        #expect(entry.validate() == [ValidationIssue(field: "inspectors[1].certificateNumber", problem: .required)])
    }

    @Test func accompanyingPersonNeedsNamePositionAndAValidPhone() {
        var entry = validEntry()
        entry.accompanying = ContactPerson(name: "", position: "", phone: "12345")
        let issues = entry.validate()
        #expect(issues.contains(ValidationIssue(field: "accompanying.name", problem: .required)))
        #expect(issues.contains(ValidationIssue(field: "accompanying.position", problem: .required)))
        #expect(issues.contains(ValidationIssue(field: "accompanying.phone", problem: .invalidPhone("12345"))))
    }

    @Test func dateAndTimeAreChecked() {
        var entry = validEntry()
        entry.date = "2026-02-30"
        entry.time = "24:00"
        #expect(entry.validate().map(\.field) == ["date", "time"])
    }

    @Test func historyRecordsCreationThenEachChangeWithOldAndNew() {
        let signer = Operator(name: "王丽娟", certificateNumber: "37062301333")
        let created = validEntry().recordingHistory(from: nil, by: signer, at: "2026-11-25T14:30:00+08:00")
        #expect(created.history == [HistoryEntry(at: "2026-11-25T14:30:00+08:00", by: signer, action: .created, changes: [])])
        var edited = created
        edited.findings = "配电室门口堆放杂物"
        edited.conclusion = .rectificationOrdered
        edited.inspectors.append(InspectorRef(name: "曾凡涛", certificateNumber: "37062001111"))
        let other = Operator(name: "单志刚", certificateNumber: "37062000001")
        let saved = edited.recordingHistory(from: created, by: other, at: "2026-11-26T09:00:00+08:00")
        #expect(saved.history.count == 2)
        #expect(saved.history[1].by == other && saved.history[1].action == .edited)
        #expect(saved.history[1].changes == [
            FieldChange(field: "inspectors[2].name", old: "", new: "曾凡涛"),
            FieldChange(field: "inspectors[2].certificateNumber", old: "", new: "37062001111"),
            FieldChange(field: "findings", old: "", new: "配电室门口堆放杂物"),
            FieldChange(field: "conclusion", old: "noProblem", new: "rectificationOrdered"),
        ].sorted { a, b in
            let order = saved.fieldTexts.map(\.field)
            return order.firstIndex(of: a.field)! < order.firstIndex(of: b.field)!
        })
        // Saving without a change adds nothing.
        #expect(saved.recordingHistory(from: saved, by: signer, at: "later").history.count == 2)
    }

    @Test func rosterFindsSurnamesByTheirSurnameReading() {
        let roster = InspectorRoster(try! DemoLedger.inspectors(), pinyin: pinyinTable)
        #expect(roster.matching("zft").map(\.name) == ["曾凡涛"])
        #expect(roster.matching("zengfan").map(\.name) == ["曾凡涛"])
        #expect(roster.matching("shanzg").map(\.name) == ["单志刚"])
        #expect(roster.matching("xiecs").map(\.name) == ["解春生"])
        #expect(roster.matching("单").map(\.name).sorted() == ["单丽华", "单志刚"])
        #expect(roster.matching("qqqq").isEmpty)
    }

    @Test func operatorFromTheCommandLine() {
        let roster = try! DemoLedger.inspectors()
        #expect(OperatorConfig.parse("王丽娟", roster: roster) == Operator(name: "王丽娟", certificateNumber: "37062301333"))
        #expect(OperatorConfig.parse("李四:3706001", roster: roster) == Operator(name: "李四", certificateNumber: "3706001"))
        #expect(OperatorConfig.parse("李四/3706001", roster: roster)?.certificateNumber == "3706001")
        #expect(OperatorConfig.parse("李四", roster: roster) == Operator(name: "李四", certificateNumber: ""))
        #expect(OperatorConfig.parse("  ", roster: roster) == nil)
    }
}

@Suite struct SupervisionStoreTests {
    @Test func savingOneEnterpriseWritesOnlyItsFileAndReloads() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ledger = try LedgerStore.open(dir)
        let code = "91370602469653906K"
        let others = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("supervisions").path)
        let before = try others.map { try Data(contentsOf: dir.appendingPathComponent("supervisions/\($0)")) }
        var entry = validEntry()
        entry.enterpriseCode = code
        try LedgerStore.saveSupervisions((ledger.supervisions[code] ?? []) + [entry], enterprise: code, in: dir)
        let after = try others.map { try Data(contentsOf: dir.appendingPathComponent("supervisions/\($0)")) }
        #expect(before == after)
        #expect(permissions(dir.appendingPathComponent("supervisions/\(code).json")) == 0o600)
        let reloaded = try LedgerStore.open(dir)
        #expect(reloaded.supervisions[code]?.last == entry)
    }

    @Test func aFileNamedForAnotherEnterpriseIsRefused() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try LedgerStore.open(dir)
        try LedgerStore.saveSupervisions([validEntry()], enterprise: "91370602469653906K", in: dir)
        let wrong = dir.appendingPathComponent("supervisions/91370602469653906K.json")
        let text = try String(contentsOf: wrong, encoding: .utf8)
            .replacingOccurrences(of: "\"enterpriseCode\" : \"91370602469653906K\",\n  \"entries\"",
                                  with: "\"enterpriseCode\" : \"913706024696539999\",\n  \"entries\"")
        try text.write(to: wrong, atomically: true, encoding: .utf8)
        #expect(try LedgerStore.open(dir).damagedFiles.map(\.path) == [wrong.path])
        #expect(try String(contentsOf: wrong, encoding: .utf8) == text)
    }
}

@Suite struct LockTests {
    @Test func exactlyOneWriterAndTheOtherSeesWhoHoldsIt() throws {
        let dir = temporaryDirectory()
        try AtomicFile.ensureDirectory(dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = LockHolder(pid: 111, operatorName: "王丽娟", since: "2026-11-25T14:30:00+08:00")
        guard case .acquired(let lock) = try DirectoryLock.acquire(dir, holder: first) else {
            Issue.record("the first writer did not get the lock")
            return
        }
        let second = LockHolder(pid: 222, operatorName: "单志刚", since: "2026-11-25T14:31:00+08:00")
        guard case .heldBy(let holder) = try DirectoryLock.acquire(dir, holder: second) else {
            Issue.record("a second writer got the lock")
            return
        }
        #expect(holder == first)
        lock.release()
        // Released (as when the holder exits or crashes): the next one gets it.
        guard case .acquired(let next) = try DirectoryLock.acquire(dir, holder: second) else {
            Issue.record("the lock was not released")
            return
        }
        next.release()
    }
}
