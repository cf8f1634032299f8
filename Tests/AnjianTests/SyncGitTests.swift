import Foundation
import Testing
import AnjianModel
import AnjianStore
import AnjianRuntime
import AnjianText
import AnjianSync

// `anjian sync` with real git (issue 15): a bare repository and clones in temporary directories,
// each clone changing its ledger through the runner as the app does, then syncing in turn.

/// The built `anjian` (git runs it as the merge driver): beside the test bundle.
private let anjianExecutable: String = {
    let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
    for _ in 0..<3 {
        let candidate = dir.appendingPathComponent("anjian").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        dir = dir.deletingLastPathComponent()
    }
    return "anjian"
}()

private let driver = GitSync.driverCommand(executable: anjianExecutable)
private let strings = Strings(.en)
private let people = [Operator(name: "王丽娟", certificateNumber: "37062301333"), Operator(name: "孙建军", certificateNumber: "37062301334"),
                      Operator(name: "张伟明", certificateNumber: "37062301335")]

/// One inspector's machine: a clone of the team's ledger.
private struct Clone {
    let directory: URL
    let signer: Operator
    let config: URL

    /// Opens the ledger under the lock, as the app does, and hands the runner to `body`.
    func edit<T>(_ body: (LoadedLedger, Runner) throws -> T) throws -> T {
        let session = try Session.start(directory: directory, operatorFlag: "\(signer.name):\(signer.certificateNumber)", environment: [:],
                                        configURL: config, now: Date())
        defer { session.release() }
        return try body(session.ledger, Runner(session: session))
    }

    @discardableResult
    func sync() throws -> SyncReport {
        let session = try Session.start(directory: directory, operatorFlag: "\(signer.name):\(signer.certificateNumber)", environment: [:],
                                        configURL: config, now: Date(), deferRecords: true)
        defer { session.release() }
        return try GitSync.sync(directory, signer: signer, driver: driver, strings: strings)
    }

    /// Every ledger file's bytes, by path (what git carries).
    func files() throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in [LedgerStore.manifestName, LedgerStore.enterprisesName, LedgerStore.inspectorsName] {
            result[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        for folder in [LedgerStore.supervisionsFolder, LedgerStore.hazardsFolder] {
            let url = directory.appendingPathComponent(folder)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [] where name.hasSuffix(".json") {
                result[folder + "/" + name] = try Data(contentsOf: url.appendingPathComponent(name))
            }
        }
        return result
    }

    func ledger() throws -> LoadedLedger {
        let ledger = try LedgerStore.open(directory, initializeIfEmpty: false)
        #expect(ledger.damagedFiles.isEmpty, "damaged: \(ledger.damagedFiles)")
        return ledger
    }
}

/// A bare repository and `count` clones of a demo ledger set up by the first.
private func team(_ count: Int, _ body: ([Clone]) throws -> Void) throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("anjian-sync-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    let server = root.appendingPathComponent("server.git")
    #expect(try Git(directory: root).run(["init", "-q", "--bare", "-b", "main", server.path]).ok)
    var clones: [Clone] = []
    for index in 0..<count {
        let clone = Clone(directory: root.appendingPathComponent("clone\(index)"), signer: people[index],
                          config: root.appendingPathComponent("config\(index).json"))
        if index == 0 {
            try LedgerStore.initialize(clone.directory, source: .demo)
            let session = try Session.start(directory: clone.directory, operatorFlag: nil, environment: [:], configURL: clone.config, now: Date())
            defer { session.release() }
            let report = try GitSync.setup(clone.directory, url: server.path, signer: clone.signer, driver: driver, strings: strings)
            #expect(report.pushed)
        } else {
            try GitSync.clone(server.path, into: clone.directory, driver: driver)
        }
        clones.append(clone)
    }
    try body(clones)
}

private func saved(_ outcome: StoreOutcome) -> WrittenRecords? {
    if case .saved(_, let written) = outcome { return written }
    Issue.record("not saved: \(outcome)")
    return nil
}

private func stamp(_ minute: Int) -> String { String(format: "2026-11-20T%02d:%02d:00+08:00", 8 + minute / 60, minute % 60) }

/// A new visit of `code` on 2026-11-20, saved; its id as saved.
@discardableResult
private func newVisit(_ clone: Clone, _ code: String, findings: String, minute: Int) throws -> SupervisionEntry? {
    try clone.edit { ledger, runner in
        var entry = SupervisionEntry(id: "", enterpriseCode: code, date: "2026-11-20", time: "09:00", kind: .routine,
                                     inspectors: [people[0], people[1]],
                                     accompanying: ContactPerson(name: "刘洋", position: "安全员", phone: "13800000000"),
                                     itemsChecked: "消防", findings: findings, conclusion: .rectificationOrdered)
        entry.id = SupervisionEntry.newID(for: entry, taken: Set((ledger.supervisions[code] ?? []).map(\.id)))
        entry = entry.recordingHistory(from: nil, by: clone.signer, at: stamp(minute))
        return saved(runner.perform(.saveSupervision(entry, base: nil)))?.supervisions[code]?.first { $0.findings == findings }
    }
}

/// A new hazard of `code`, registered on `visit` when given; the hazard as saved.
@discardableResult
private func newHazard(_ clone: Clone, _ code: String, description: String, on visit: SupervisionEntry? = nil, minute: Int) throws -> Hazard? {
    try clone.edit { ledger, runner in
        var hazard = Hazard(id: "", number: "", enterpriseCode: code, supervisionID: visit?.id, discoveredOn: "2026-11-20", foundBy: clone.signer.name,
                            location: "", description: description, category: .fire, level: .general,
                            rectification: Rectification(responsible: "李强", deadline: "2026-12-20"))
        hazard.register(taken: Set(ledger.hazards.values.joined().map(\.number)), by: clone.signer, at: stamp(minute))
        var link: VisitLink? = nil
        if let visit, let current = ledger.supervisions[code]?.first(where: { $0.id == visit.id }) {
            var entry = current
            entry.hazardIDs.append(hazard.id)
            link = VisitLink(entry: entry, base: current)
        }
        return saved(runner.perform(.saveHazard(hazard, base: nil, link: link)))?.hazards[code]?.first { $0.id == hazard.id }
    }
}

/// Changes a hazard as a form or a step does, saved against the version read.
private func changeHazard(_ clone: Clone, id: String, _ change: (inout Hazard) throws -> Void) throws {
    try clone.edit { ledger, runner in
        let old = try #require(ledger.hazards.values.joined().first { $0.id == id })
        var new = old
        try change(&new)
        _ = saved(runner.perform(.saveHazard(new, base: old, link: nil)))
    }
}

private func editDescription(_ text: String, by who: Operator, minute: Int) -> (inout Hazard) throws -> Void {
    { hazard in
        let old = hazard
        hazard.description = text
        try hazard.recordEdit(from: old, by: who, at: stamp(minute))
    }
}

/// Syncs every clone in turn, twice, so the last one's merge reaches all.
private func settle(_ clones: [Clone]) throws {
    for _ in 0..<2 { for clone in clones { try clone.sync() } }
}

private func expectIdentical(_ clones: [Clone]) throws {
    let first = try clones[0].files()
    for clone in clones.dropFirst() {
        let other = try clone.files()
        #expect(other.keys.sorted() == first.keys.sorted())
        for (path, data) in first where other[path] != data { Issue.record("\(clone.directory.lastPathComponent): \(path) differs") }
    }
}

@Suite(.serialized) struct SyncGitTests {
    @Test func disjointChangesMadeOfflineArriveEverywhereAndTheClonesEndByteIdentical() throws {
        try team(3) { clones in
            let ledger = try clones[0].ledger()
            let codes = ledger.enterprises.map(\.creditCode)
            let open = ledger.hazards.values.joined().filter { $0.status == .registered }
            try #require(open.count >= 2)
            // Offline, each on its own.
            let visit = try #require(try newVisit(clones[0], codes[0], findings: "甲的检查", minute: 1))
            try newHazard(clones[0], codes[0], description: "甲登记的隐患", on: visit, minute: 2)
            try newHazard(clones[1], codes[1], description: "乙登记的隐患", minute: 3)
            try changeHazard(clones[1], id: open[0].id) { try $0.startRectification(by: people[1], at: stamp(4)) }
            try changeHazard(clones[2], id: open[1].id) { try $0.startRectification(by: people[2], at: stamp(5)) }
            try clones[2].edit { ledger, runner in
                let old = ledger.enterprises[5]
                var new = old
                new.notes = "丙改的备注"
                try new.recordEdit(from: old, hasRecords: true, by: people[2], at: stamp(6))
                _ = saved(runner.perform(.saveEnterprise(new, base: old)))
            }
            let first = try clones[0].sync()
            #expect(first.committed == "1 visit, 1 hazard" && first.pushed)
            try settle(clones)
            try expectIdentical(clones)
            let merged = try clones[1].ledger()
            let all = Array(merged.hazards.values.joined())
            #expect(all.contains { $0.description == "甲登记的隐患" && $0.supervisionID == visit.id })
            #expect(all.contains { $0.description == "乙登记的隐患" })
            #expect(all.first { $0.id == open[0].id }?.status == .rectifying && all.first { $0.id == open[1].id }?.status == .rectifying)
            #expect(merged.enterprises[5].notes == "丙改的备注")
            #expect(merged.supervisions[codes[0]]?.first { $0.id == visit.id }?.hazardIDs.count == 1)
            // The commit is signed by the operator, the certificate in a trailer.
            let log = try Git(directory: clones[0].directory).run(["log", "--format=%an <%ae>|%s|%(trailers:key=Anjian-Certificate,valueonly)"]).out
            #expect(log.contains("王丽娟 <37062301333@anjian.invalid>|1 visit, 1 hazard|37062301333"))
        }
    }

    @Test func oneHazardChangedOnTwoClonesMergesByFieldAndTheSameFieldBecomesOneConflictResolvedThenSyncedClean() throws {
        try team(2) { clones in
            let target = try #require(try clones[0].ledger().hazards.values.joined().first { $0.status == .registered })
            try changeHazard(clones[0], id: target.id) { hazard in
                let old = hazard
                hazard.location = "甲改的部位"
                hazard.description = "甲的描述"
                try hazard.recordEdit(from: old, by: people[0], at: stamp(1))
            }
            try changeHazard(clones[1], id: target.id) { hazard in
                let old = hazard
                hazard.rectification.measures = "乙的措施"
                hazard.description = "乙的描述"
                try hazard.recordEdit(from: old, by: people[1], at: stamp(2))
            }
            try clones[0].sync()
            let second = try clones[1].sync()
            #expect(second.conflictedRecords == 1 && second.received == 1 && second.pushed)
            try clones[0].sync()
            try expectIdentical(clones)
            let ledger = try clones[0].ledger()
            let merged = try #require(ledger.hazards.values.joined().first { $0.id == target.id })
            #expect(merged.location == "甲改的部位" && merged.rectification.measures == "乙的措施" && merged.description == "乙的描述")
            #expect(merged.conflicts?.count == 1 && merged.conflicts?.first?.field == "description")
            #expect(merged.conflicts?.first?.theirs == .string("甲的描述") && merged.conflicts?.first?.theirsBy == people[0])

            // The TUI's way: list, choose, save through the runner; then synced clean.
            let conflicted = LedgerConflicts.list(ledger)
            #expect(conflicted.map(\.key) == [target.id] && conflicted.first?.kind == .hazard)
            try clones[0].edit { ledger, runner in
                let operation = try #require(try LedgerConflicts.resolution(of: conflicted[0], field: "description", keep: .theirs, in: ledger,
                                                                         by: people[0], at: stamp(10)))
                _ = saved(runner.perform(operation))
            }
            try settle(clones)
            try expectIdentical(clones)
            let resolved = try #require(try clones[1].ledger().hazards.values.joined().first { $0.id == target.id })
            #expect(resolved.description == "甲的描述" && resolved.conflicts == nil && resolved.history.last?.action == .conflictResolved)
            #expect(LedgerConflicts.list(try clones[1].ledger()).isEmpty)
        }
    }

    @Test func theSameNumberAndVisitIdIssuedOnTwoClonesAreUniqueAfterTheMergeAndTheLinksHold() throws {
        try team(2) { clones in
            let code = try clones[0].ledger().enterprises[0].creditCode
            let visitA = try #require(try newVisit(clones[0], code, findings: "甲", minute: 1))
            let hazardA = try #require(try newHazard(clones[0], code, description: "甲的隐患", on: visitA, minute: 2))
            let visitB = try #require(try newVisit(clones[1], code, findings: "乙", minute: 3))
            let hazardB = try #require(try newHazard(clones[1], code, description: "乙的隐患", on: visitB, minute: 4))
            #expect(visitA.id == visitB.id && hazardA.number == hazardB.number)  // both offline: the same next id and number
            try clones[0].sync()
            let report = try clones[1].sync()
            #expect(report.linksRepaired == 1)
            try clones[0].sync()
            try expectIdentical(clones)
            let ledger = try clones[0].ledger()
            let hazards = ledger.hazards[code] ?? [], visits = ledger.supervisions[code] ?? []
            #expect(Set(hazards.map(\.number)).count == hazards.count && Set(visits.map(\.id)).count == visits.count)
            let a = try #require(hazards.first { $0.id == hazardA.id }), b = try #require(hazards.first { $0.id == hazardB.id })
            #expect(a.number == hazardA.number && b.number != hazardB.number && b.history.last?.action == .renumbered)
            // Each hazard names the visit that lists it.
            for hazard in [a, b] {
                let visit = try #require(visits.first { $0.id == hazard.supervisionID })
                #expect(visit.hazardIDs.contains(hazard.id))
            }
            #expect(visits.first { $0.findings == "乙" }?.id != visitA.id)
        }
    }

    @Test func offlineTheChangesAreCommittedHereAndPushedAtTheNextSync() throws {
        try team(2) { clones in
            let code = try clones[0].ledger().enterprises[1].creditCode
            try newHazard(clones[0], code, description: "断网时登记", minute: 1)
            let server = clones[0].directory.deletingLastPathComponent().appendingPathComponent("server.git")
            let away = server.deletingLastPathComponent().appendingPathComponent("away.git")
            try FileManager.default.moveItem(at: server, to: away)
            let offline = try clones[0].sync()
            #expect(offline.offline && offline.committed == "1 hazard" && !offline.pushed)
            #expect(offline.lines(strings).contains(strings.syncOffline))
            try FileManager.default.moveItem(at: away, to: server)
            let online = try clones[0].sync()
            #expect(online.committed == nil && online.pushed)
            try clones[1].sync()
            #expect(try clones[1].ledger().hazards[code]?.contains { $0.description == "断网时登记" } == true)
        }
    }

    @Test func manyRoundsOfRandomConcurrentEditsLoseNothingAndAllClonesAgree() throws {
        var random = SeededRandom(state: 15)
        try team(3) { clones in
            let codes = Array(try clones[0].ledger().enterprises.prefix(4).map(\.creditCode))
            var created: Set<String> = []  // hazard descriptions and visit findings made anywhere
            var minute = 0
            for round in 0..<4 {
                for clone in clones {
                    for _ in 0..<Int.random(in: 1...3, using: &random) {
                        minute += 1
                        let code = codes.randomElement(using: &random)!
                        let hazards = Array(try clone.ledger().hazards.values.joined())
                        switch Int.random(in: 0..<4, using: &random) {
                        case 0:
                            let text = "r\(round)-\(clone.signer.name)-visit-\(minute)"
                            if try newVisit(clone, code, findings: text, minute: minute) != nil { created.insert(text) }
                        case 1:
                            let text = "r\(round)-\(clone.signer.name)-hazard-\(minute)"
                            if try newHazard(clone, code, description: text, minute: minute) != nil { created.insert(text) }
                        case 2:
                            if let target = hazards.filter({ !$0.isClosed }).randomElement(using: &random) {
                                try changeHazard(clone, id: target.id, editDescription(target.description + "+", by: clone.signer, minute: minute))
                            }
                        default:
                            if let target = hazards.filter({ $0.status == .registered }).randomElement(using: &random) {
                                try changeHazard(clone, id: target.id) { try $0.startRectification(by: clone.signer, at: stamp(minute)) }
                            }
                        }
                    }
                }
                for clone in clones.shuffled(using: &random) { try clone.sync() }
            }
            try settle(clones)
            try expectIdentical(clones)
            for clone in clones {
                let ledger = try clone.ledger()
                let texts = Set(ledger.hazards.values.joined().map(\.description)).union(ledger.supervisions.values.joined().map(\.findings))
                for text in created where !texts.contains(where: { $0.hasPrefix(text) }) { Issue.record("lost: \(text)") }
                let hazards = Array(ledger.hazards.values.joined())
                #expect(Set(hazards.map(\.number)).count == hazards.count)
                #expect(Set(hazards.map(\.id)).count == hazards.count)
            }
        }
    }

    @Test func theMergeDriverCommandMergesAFixtureTripleInPlace() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("anjian-driver-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        var enterprises = try DemoLedger.enterprises()
        let base = try LedgerFileCodec.encode(EnterprisesFile(enterprises: enterprises))
        var theirs = enterprises
        theirs[2].notes = "他们"
        enterprises[1].notes = "我们"
        let paths = ["base", "ours", "theirs"].map { root.appendingPathComponent($0).path }
        try base.write(to: URL(fileURLWithPath: paths[0]))
        try LedgerFileCodec.encode(EnterprisesFile(enterprises: enterprises)).write(to: URL(fileURLWithPath: paths[1]))
        try LedgerFileCodec.encode(EnterprisesFile(enterprises: theirs)).write(to: URL(fileURLWithPath: paths[2]))
        let result = try Git.spawn([anjianExecutable, "merge-driver", paths[0], paths[1], paths[2], "enterprises.json"], environment: [:])
        #expect(result.status == 0)
        var expected = enterprises
        expected[2].notes = "他们"
        #expect(try Data(contentsOf: URL(fileURLWithPath: paths[1])) == (try LedgerFileCodec.encode(EnterprisesFile(enterprises: expected))))
        // A side that does not parse: status 1, the message names the file, %A untouched.
        try Data("<<<<<<<".utf8).write(to: URL(fileURLWithPath: paths[2]))
        let before = try Data(contentsOf: URL(fileURLWithPath: paths[1]))
        let failed = try Git.spawn([anjianExecutable, "merge-driver", paths[0], paths[1], paths[2], "enterprises.json", "--lang", "en"], environment: [:])
        #expect(failed.status == 1 && failed.err.contains("enterprises.json cannot be merged record by record"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: paths[1])) == before)
    }
}

/// What review found: two inspectors drawing offline must not block the sync (their draw
/// records once took the same file name), and the same document number issued on two machines
/// is said by the sync (numbers stay as printed; a person decides).
@Suite struct SyncReviewTests {
    @Test func twoOfflineDrawsBothArriveAndTwiceIssuedNumbersAreSaid() throws {
        try team(2) { clones in
            let (a, b) = (clones[0], clones[1])
            for (clone, seed) in [(a, UInt64(11)), (b, UInt64(22))] {
                try clone.edit { ledger, runner in
                    let inputs = DrawInputs(count: .number(2), seed: seed, date: "2026-11-20")
                    let result = try Draw.run(inputs, enterprises: ledger.enterprises, inspectors: ledger.inspectors, openMajor: [])
                    let record = DrawRecord(id: "", drawnAt: stamp(seed == 11 ? 1 : 2), drawnBy: clone.signer, inputs: inputs, result: result)
                    #expect(saved(runner.perform(.recordDraw(record))) != nil)
                    // And each prints the inspection record of a visit of its own: both get No. 1.
                    let visit = try #require(ledger.supervisions.values.joined().filter { !$0.isPlanned }.sorted { $0.id < $1.id }[seed == 11 ? 0 : 1])
                    let request = DocumentRequest(kind: .inspectionRecord, enterpriseCode: visit.enterpriseCode, recordID: visit.id,
                                                  issuedBy: clone.signer, issuedAt: stamp(seed == 11 ? 3 : 4), settings: .standard, highestKnown: 0)
                    #expect(saved(runner.perform(.issueDocument(request))) != nil)
                }
            }
            try a.sync()
            let report = try b.sync()
            #expect(report.pushed, "\(report)")
            #expect(report.duplicateDocuments.count == 1 && report.lines(strings).contains { $0.contains("void or reissue") }, "\(report.lines(strings))")
            try a.sync()
            for clone in [a, b] {
                let draws = try LedgerStore.drawRecords(in: clone.directory)
                #expect(draws.count == 2 && Set(draws.map(\.id)).count == 2)
                #expect(try clone.ledger().supervisions.values.joined().filter(\.isPlanned).count == 4)
            }
            #expect(try a.files() == b.files())
        }
    }

    /// A remote that refuses us (here: a folder that is no repository) is an error, not "offline":
    /// "pushed later" would never come. A path that is not there (a USB stick out) is offline.
    @Test func aWrongRemoteIsAnErrorAndAMissingStickIsOffline() throws {
        try team(1) { clones in
            let a = clones[0]
            let notARepository = a.directory.deletingLastPathComponent().appendingPathComponent("not-a-repository")
            try FileManager.default.createDirectory(at: notARepository, withIntermediateDirectories: true)
            #expect(try Git(directory: a.directory).run(["remote", "set-url", "origin", notARepository.path]).ok)
            do {
                let report = try a.sync()
                Issue.record("no error: \(report)")
            } catch {
                guard case .gitFailed(let step, _) = error as? SyncError else { Issue.record("\(error)"); return }
                #expect(step == "fetch")
            }
            #expect(try Git(directory: a.directory).run(["remote", "set-url", "origin", notARepository.path + "-unplugged"]).ok)
            #expect(try a.sync().offline)
        }
    }
}

