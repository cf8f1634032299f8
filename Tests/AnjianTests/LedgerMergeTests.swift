import Foundation
import Testing
import AnjianModel
import AnjianStore
import AnjianSync

// The record-level merge of one ledger file (issue 15), on the demo ledger's records.

private let wang = Operator(name: "王丽娟", certificateNumber: "37062301333")
private let sun = Operator(name: "孙建军", certificateNumber: "37062301334")
private let merger = MergeSigner(signer: Operator(name: "合并", certificateNumber: "37062309999"), time: "2026-11-05T18:00:00+08:00")

/// An enterprise of the demo ledger with at least `count` hazards, and its hazards.
private func demoHazards(atLeast count: Int = 2) throws -> (code: String, hazards: [Hazard]) {
    let all = try DemoLedger.hazards()
    let code = all.keys.sorted().first { all[$0]!.count >= count }!
    return (code, all[code]!)
}

private func hazardsData(_ code: String, _ hazards: [Hazard]) throws -> Data {
    try LedgerFileCodec.encode(HazardsFile(enterpriseCode: code, hazards: hazards))
}

private func mergedHazards(_ data: Data) throws -> [Hazard] {
    try LedgerFileCodec.decodeHazards(data, path: "merged").hazards
}

/// A hazard of `code` not in the demo ledger, created by `who` at `time`.
private func freshHazard(_ code: String, id: String, number: String, by who: Operator, at time: String, description: String) -> Hazard {
    var hazard = Hazard(id: id, number: number, enterpriseCode: code, discoveredOn: "2026-03-02", foundBy: who.name, location: "",
                        description: description, category: .fire, level: .general,
                        rectification: Rectification(responsible: "李强", deadline: "2026-04-01"))
    hazard.created(by: who, at: time)
    return hazard
}

private func edited(_ hazard: Hazard, by who: Operator, at time: String, _ change: (inout Hazard) -> Void) throws -> Hazard {
    var changed = hazard
    change(&changed)
    try changed.recordEdit(from: hazard, by: who, at: time)
    return changed
}

@Suite struct LedgerMergeTests {
    @Test func theKindComesFromThePathInTheDataDirectory() {
        #expect(LedgerFileKind(path: "enterprises.json") == .enterprises)
        #expect(LedgerFileKind(path: "inspectors.json") == .inspectors)
        #expect(LedgerFileKind(path: "hazards/91370600MA3C0AAA1X.json") == .hazards("91370600MA3C0AAA1X"))
        #expect(LedgerFileKind(path: "supervisions/X.json") == .supervisions("X"))
        #expect(LedgerFileKind(path: "ledger.json") == nil)
        #expect(LedgerFileKind(path: "draws/DR-2026-001.json") == nil)
    }

    @Test func recordsAddedOrChangedOnOneSideEachArriveAndTheBytesAreTheStoresOwn() throws {
        let (code, hazards) = try demoHazards()
        let base = try hazardsData(code, hazards)
        let added = freshHazard(code, id: "h-ours", number: "YH-2026-\(code.suffix(6))-901", by: wang, at: "2026-11-02T09:00:00+08:00", description: "消防通道堵塞")
        let theirsAdded = freshHazard(code, id: "h-theirs", number: "YH-2026-\(code.suffix(6))-902", by: sun, at: "2026-11-02T10:00:00+08:00", description: "配电箱未上锁")
        var ours = hazards
        ours.append(added)
        var theirs = hazards
        theirs[1] = try edited(hazards[1], by: sun, at: "2026-11-03T09:00:00+08:00") { $0.location = "二号仓库" }
        theirs.append(theirsAdded)
        let outcome = try LedgerMerge.merge(.hazards(code), base: base, ours: try hazardsData(code, ours), theirs: try hazardsData(code, theirs), signer: merger)
        #expect(outcome.conflicts == 0 && outcome.renumbered.isEmpty)
        var expected = hazards
        expected[1] = theirs[1]
        expected += [added, theirsAdded]
        // Exactly what a save of these records writes: clones that merge alike end byte-identical.
        let expectedData = try hazardsData(code, expected)
        #expect(outcome.data == expectedData)

    }

    @Test func oneHazardChangedInDifferentFieldsOnBothSidesMergesFieldByField() throws {
        let (code, hazards) = try demoHazards()
        let open = try #require(hazards.firstIndex { $0.status == .registered || $0.status == .rectifying })
        let base = try hazardsData(code, hazards)
        var ours = hazards, theirs = hazards
        ours[open] = try edited(hazards[open], by: wang, at: "2026-11-03T09:00:00+08:00") { $0.location = "三号车间" }
        theirs[open] = try edited(hazards[open], by: sun, at: "2026-11-03T10:00:00+08:00") { $0.rectification.measures = "更换阀门" }
        let outcome = try LedgerMerge.merge(.hazards(code), base: base, ours: try hazardsData(code, ours), theirs: try hazardsData(code, theirs), signer: merger)
        let merged = try mergedHazards(outcome.data)[open]
        #expect(outcome.conflicts == 0 && merged.conflicts == nil)
        #expect(merged.location == "三号车间" && merged.rectification.measures == "更换阀门")
        // Both edits in the history, in time order, each once.
        #expect(merged.history == hazards[open].history + [ours[open].history.last!, theirs[open].history.last!])
    }

    @Test func theSameFieldChangedDifferentlyKeepsOursAndRecordsOneConflictThatAChoiceResolves() throws {
        let (code, hazards) = try demoHazards()
        let open = try #require(hazards.firstIndex { !$0.isClosed })
        let base = try hazardsData(code, hazards)
        var ours = hazards, theirs = hazards
        ours[open] = try edited(hazards[open], by: wang, at: "2026-11-03T09:00:00+08:00") { $0.description = "甲说的" }
        theirs[open] = try edited(hazards[open], by: sun, at: "2026-11-03T10:00:00+08:00") { $0.description = "乙说的" }
        let outcome = try LedgerMerge.merge(.hazards(code), base: base, ours: try hazardsData(code, ours), theirs: try hazardsData(code, theirs), signer: merger)
        #expect(outcome.conflicts == 1)
        let merged = try mergedHazards(outcome.data)[open]
        #expect(merged.description == "甲说的")
        let conflict = try #require(merged.conflicts?.first)
        #expect(merged.conflicts?.count == 1)
        #expect(conflict == FieldConflict(field: "description", ours: .string("甲说的"), theirs: .string("乙说的"), oursBy: wang,
                                          oursAt: "2026-11-03T09:00:00+08:00", theirsBy: sun, theirsAt: "2026-11-03T10:00:00+08:00"))

        let resolved = try merged.resolvingConflict(on: "description", keep: .theirs, by: wang, at: "2026-11-04T08:00:00+08:00")
        #expect(resolved.description == "乙说的" && resolved.conflicts == nil && !resolved.hasConflicts)
        #expect(resolved.history.last?.action == .conflictResolved)
        #expect(resolved.history.last?.changes == [FieldChange(field: "description", old: "甲说的", new: "乙说的")])
        #expect(throws: ConflictRefusal.noConflict(field: "description")) {
            try resolved.resolvingConflict(on: "description", keep: .ours, by: wang, at: "2026-11-04T08:00:00+08:00")
        }
        // Resolved on one clone, untouched on the other: the resolution wins the next merge.
        let next = try LedgerMerge.merge(.hazards(code), base: outcome.data,
                                         ours: outcome.data, theirs: try hazardsData(code, try mergedHazards(outcome.data).enumerated().map { $0.offset == open ? resolved : $0.element }),
                                         signer: merger)
        #expect(try mergedHazards(next.data)[open] == resolved)
    }

    @Test func twoLifecyclesThatCannotBothHoldKeepOursAsAWholeAndFlagTheStatus() throws {
        var (code, hazards) = try demoHazards()
        let index = try #require(hazards.firstIndex { $0.status == .registered || $0.status == .rectifying })
        if hazards[index].status == .registered { try hazards[index].startRectification(by: wang, at: "2026-11-01T09:00:00+08:00") }
        try hazards[index].reportRectified(by: wang, at: "2026-11-01T10:00:00+08:00")
        let base = try hazardsData(code, hazards)
        var ours = hazards, theirs = hazards
        try ours[index].verifyPassed(verifier: "王丽娟", date: "2026-11-03", remark: "", by: wang, at: "2026-11-03T09:00:00+08:00")
        try theirs[index].verifyFailed(verifier: "孙建军", date: "2026-11-03", reason: "阀门仍漏", by: sun, at: "2026-11-03T10:00:00+08:00")
        let outcome = try LedgerMerge.merge(.hazards(code), base: base, ours: try hazardsData(code, ours), theirs: try hazardsData(code, theirs), signer: merger)
        let merged = try mergedHazards(outcome.data)[index]  // decodes as a load does: the file stays usable
        #expect(merged.status == .closed && merged.closedOn == "2026-11-03" && merged.verifications == ours[index].verifications)
        #expect(LedgerFileCodec.errors(of: merged).isEmpty)
        let fields = Set(merged.conflicts?.map(\.field) ?? [])
        #expect(fields.contains("status") && fields.contains("verifications"))
        // Both steps are in the history.
        #expect(merged.history.contains(ours[index].history.last!) && merged.history.contains(theirs[index].history.last!))
        // Choosing theirs for the status takes their whole state.
        let resolved = try merged.resolvingConflict(on: "status", keep: .theirs, by: wang, at: "2026-11-04T08:00:00+08:00")
        #expect(resolved.status == .rectifying && resolved.closedOn == nil && resolved.verifications == theirs[index].verifications)
        #expect(resolved.conflicts == nil && LedgerFileCodec.errors(of: resolved).isEmpty)
    }

    @Test func oneNumberIssuedOnTwoSidesIsUniqueAfterwardsTheLaterRenumbered() throws {
        let (code, hazards) = try demoHazards()
        let base = try hazardsData(code, hazards)
        let number = Hazard.nextNumber(year: "2026", enterpriseCode: code, taken: Set(hazards.map(\.number)))
        let early = freshHazard(code, id: "h-early", number: number, by: wang, at: "2026-11-02T09:00:00+08:00", description: "早")
        let late = freshHazard(code, id: "h-late", number: number, by: sun, at: "2026-11-02T11:00:00+08:00", description: "晚")
        // Whichever side merges, the earlier keeps the number.
        for (ours, theirs) in [(late, early), (early, late)] {
            let outcome = try LedgerMerge.merge(.hazards(code), base: base, ours: try hazardsData(code, hazards + [ours]),
                                                theirs: try hazardsData(code, hazards + [theirs]), signer: merger)
            let merged = try mergedHazards(outcome.data)
            #expect(Set(merged.map(\.number)).count == merged.count)
            let kept = try #require(merged.first { $0.id == "h-early" }), moved = try #require(merged.first { $0.id == "h-late" })
            #expect(kept.number == number && moved.number != number && moved.number.hasPrefix("YH-2026-\(code.suffix(6))-"))
            #expect(moved.history.last?.action == .renumbered)
            #expect(moved.history.last?.changes == [FieldChange(field: "number", old: number, new: moved.number)])
            #expect(outcome.renumbered == [FieldChange(field: "number", old: number, new: moved.number)])
        }
    }

    @Test func twoVisitsGivenOneIdOfflineAreBothKeptTheLaterUnderANewId() throws {
        let all = try DemoLedger.supervisions()
        let code = all.keys.sorted().first!
        let entries = all[code]!
        let base = try LedgerFileCodec.encode(SupervisionsFile(enterpriseCode: code, entries: entries))
        var template = entries[0]
        template.date = "2026-03-02"
        template.hazardIDs = []
        template.documents = nil
        let id = SupervisionEntry.newID(for: template, taken: Set(entries.map(\.id)))
        var first = template, second = template
        first.id = id
        second.id = id
        first = first.recordingHistory(from: nil, by: wang, at: "2026-11-02T09:00:00+08:00")
        second.findings = "另一次检查"
        second.hazardIDs = ["h-on-second"]
        second = second.recordingHistory(from: nil, by: sun, at: "2026-11-02T15:00:00+08:00")
        let outcome = try LedgerMerge.merge(.supervisions(code), base: base,
                                            ours: try LedgerFileCodec.encode(SupervisionsFile(enterpriseCode: code, entries: entries + [second])),
                                            theirs: try LedgerFileCodec.encode(SupervisionsFile(enterpriseCode: code, entries: entries + [first])),
                                            signer: merger)
        let merged = try LedgerFileCodec.decodeSupervisions(outcome.data, path: "merged").entries
        #expect(merged.count == entries.count + 2 && Set(merged.map(\.id)).count == merged.count)
        #expect(merged.first { $0.id == id }?.history.first?.by == wang)
        let renamed = try #require(merged.first { $0.findings == "另一次检查" })
        #expect(renamed.id != id && renamed.hazardIDs == ["h-on-second"] && renamed.history.last?.action == .renumbered)
        #expect(outcome.conflicts == 0)
    }

    @Test func enterprisesMergeByCreditCodeAndTheRosterByCertificate() throws {
        let enterprises = try DemoLedger.enterprises()
        let base = try LedgerFileCodec.encode(EnterprisesFile(enterprises: enterprises))
        var ours = enterprises, theirs = enterprises
        ours[0].notes = "我方备注"
        theirs[0].legalRepresentative = "新法人"
        theirs[3].address = "新地址"
        let outcome = try LedgerMerge.merge(.enterprises, base: base, ours: try LedgerFileCodec.encode(EnterprisesFile(enterprises: ours)),
                                            theirs: try LedgerFileCodec.encode(EnterprisesFile(enterprises: theirs)), signer: merger)
        let merged = try LedgerFileCodec.decodeEnterprises(outcome.data, path: "merged").enterprises
        #expect(merged.count == enterprises.count && outcome.conflicts == 0)
        #expect(merged[0].notes == "我方备注" && merged[0].legalRepresentative == "新法人" && merged[3].address == "新地址")

        let roster = try DemoLedger.inspectors()
        let rosterBase = try LedgerFileCodec.encode(InspectorsFile(inspectors: roster))
        var mine = roster, yours = roster
        mine[0].phone = "13900000001"
        yours[0].phone = "13900000002"
        yours[1].avoidDistricts.append("福山区")
        mine[1].avoidDistricts.append("莱山区")
        let rosterOutcome = try LedgerMerge.merge(.inspectors, base: rosterBase, ours: try LedgerFileCodec.encode(InspectorsFile(inspectors: mine)),
                                                  theirs: try LedgerFileCodec.encode(InspectorsFile(inspectors: yours)), signer: merger)
        let people = try LedgerFileCodec.decodeInspectors(rosterOutcome.data, path: "merged").inspectors
        #expect(people[0].phone == "13900000001" && people[0].conflicts?.map(\.field) == ["phone"])
        #expect(Set(people[1].avoidDistricts) == Set(roster[1].avoidDistricts + ["福山区", "莱山区"]) && people[1].conflicts == nil)
    }

    @Test func aFileAddedOnBothSidesMergesOverAnEmptyBase() throws {
        let (code, _) = try demoHazards()
        let a = freshHazard(code, id: "h-a", number: "YH-2026-\(code.suffix(6))-001", by: wang, at: "2026-11-02T09:00:00+08:00", description: "甲")
        let b = freshHazard(code, id: "h-b", number: "YH-2026-\(code.suffix(6))-001", by: sun, at: "2026-11-02T10:00:00+08:00", description: "乙")
        let outcome = try LedgerMerge.merge(.hazards(code), base: Data(), ours: try hazardsData(code, [a]), theirs: try hazardsData(code, [b]), signer: merger)
        let merged = try mergedHazards(outcome.data)
        #expect(merged.map(\.id) == ["h-a", "h-b"] && merged.map(\.number) == ["YH-2026-\(code.suffix(6))-001", "YH-2026-\(code.suffix(6))-002"])
    }

    @Test func aSideThatDoesNotParseIsRefused() throws {
        let (code, hazards) = try demoHazards()
        let good = try hazardsData(code, hazards)
        #expect(throws: MergeFailure.self) {
            try LedgerMerge.merge(.hazards(code), base: good, ours: good, theirs: Data("{\"schemaVersion\": 1, \"hazards\": [".utf8), signer: merger)
        }
        #expect(throws: MergeFailure.self) {
            try LedgerMerge.merge(.hazards(code), base: good, ours: Data("<<<<<<< HEAD".utf8), theirs: good, signer: merger)
        }
    }

    @Test func aRecordWithConflictsRoundTripsAndAnEditKeepsThem() throws {
        var enterprise = try DemoLedger.enterprises()[0]
        enterprise.conflicts = [FieldConflict(field: "notes", ours: .string("a"), theirs: nil, oursBy: wang, oursAt: "2026-03-01T08:00:00+08:00")]
        let data = try LedgerFileCodec.encode(EnterprisesFile(enterprises: [enterprise]))
        let back = try LedgerFileCodec.decodeEnterprises(data, path: "x").enterprises[0]
        let again = try LedgerFileCodec.encode(EnterprisesFile(enterprises: [back]))
        #expect(back == enterprise && again == data)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"conflicts\"") && !text.contains("\"theirs\""))  // an absent side is left out
    }
}
