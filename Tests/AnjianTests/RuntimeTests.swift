import Foundation
import Testing
import AnjianModel
@testable import AnjianStore
@testable import AnjianRuntime

/// A temporary root holding the data directory and the config file, removed afterwards.
private func withRoot(_ body: (_ data: URL, _ config: URL) throws -> Void) throws {
    let root = temporaryDirectory()
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    try body(root.appendingPathComponent("data"), root.appendingPathComponent("config/anjian/config.json"))
}

private func start(_ data: URL, _ config: URL, operator flag: String? = "王丽娟") throws -> Session {
    try Session.start(directory: data, operatorFlag: flag, environment: [:], configURL: config, now: Date())
}

private func bytes(_ url: URL) -> Data? { try? Data(contentsOf: url) }

private func saved(_ outcome: StoreOutcome) -> Bool {
    if case .saved = outcome { return true }
    Issue.record("not saved: \(outcome)")
    return false
}

private func supervisionsURL(_ data: URL, _ code: String) -> URL {
    data.appendingPathComponent("supervisions/\(code).json")
}

private func hazardsURL(_ data: URL, _ code: String) -> URL {
    data.appendingPathComponent("hazards/\(code).json")
}

/// A new hazard registered on `entry`, and the entry listing it: what `.saveHazard` carries.
private func newHazard(on entry: SupervisionEntry, template: Hazard) -> (Hazard, SupervisionEntry) {
    var hazard = template
    hazard.id = "h-new-\(entry.enterpriseCode)"
    hazard.number = "YH-2026-\(entry.enterpriseCode.suffix(6))-999"  // free in any file: never renumbered
    hazard.enterpriseCode = entry.enterpriseCode
    hazard.supervisionID = entry.id
    var linked = entry
    linked.hazardIDs.append(hazard.id)
    return (hazard, linked)
}

@Suite struct RuntimeTests {
    @Test func aStartInitialisesAnEmptyDirectoryTakesTheLockAndASecondStartIsReadOnly() throws {
        try withRoot { data, config in
            let first = try start(data, config)
            #expect(first.ledger.initializedNow && first.ledger.isDemo && first.ledger.enterprises.count == 60)
            #expect(!first.readOnly && !first.notWritable && first.lock != nil && first.holder == nil)
            #expect(first.signer == Operator(name: "王丽娟", certificateNumber: "37062301333"))  // certificate from the roster
            #expect(first.configProblem == nil)

            let second = try start(data, config, operator: "张伟明")
            #expect(second.readOnly && !second.notWritable && second.lock == nil)
            #expect(second.holder?.operatorName == "王丽娟" && second.holder?.pid == getpid())
            #expect(!second.ledger.initializedNow && second.ledger.enterprises == first.ledger.enterprises)

            first.release()
            let third = try start(data, config)
            #expect(!third.readOnly && third.lock != nil)
            third.release()
        }
    }

    @Test func aDamagedConfigIsKeptAsAProblemAndNeverOverwritten() throws {
        try withRoot { data, config in
            try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
            let damaged = Data("{ \"schemaVersion\": 1, \"operator\": ".utf8)
            try damaged.write(to: config)
            let session = try start(data, config, operator: nil)
            defer { session.release() }
            guard case .damaged(let path, _, _, _, _)? = session.configProblem else {
                Issue.record("expected a damaged config, got \(String(describing: session.configProblem))")
                return
            }
            #expect(path == config.path && session.signer == nil)

            let chosen = Operator(name: "张伟明", certificateNumber: "37061988888")
            #expect(Runner(session: session).perform(.saveOperator(chosen)) == .saved(.saveOperator(chosen), written: WrittenRecords()))
            #expect(bytes(config) == damaged)
            // The lock's record names the operator now, for a second copy's banner.
            let holder = try JSONDecoder().decode(LockHolder.self, from: Data(contentsOf: data.appendingPathComponent(".anjian.lock")))
            #expect(holder.operatorName == "张伟明")
        }
    }

    @Test func aSaveReadsTheFileFirstAndKeepsWhatAnotherToolAdded() throws {
        try withRoot { data, config in
            let session = try start(data, config)
            defer { session.release() }
            let code = session.ledger.supervisions.keys.sorted().first!
            let loaded = session.ledger.supervisions[code]!
            // Another tool adds an entry to the file after we loaded it.
            var theirs = loaded[0]
            theirs.id = "added-by-another-tool"
            try LedgerStore.saveSupervisions(loaded + [theirs], enterprise: code, in: data)

            var ours = loaded[0]
            ours.id = "ours"
            ours.findings = "消防通道堵塞"
            var changed = loaded[0]
            changed.findings = "复查合格"
            let runner = Runner(session: session)
            #expect(saved(runner.perform(.saveSupervision(ours, base: nil))))
            #expect(saved(runner.perform(.saveSupervision(changed, base: loaded[0]))))

            let onDisk = try LedgerStore.loadSupervisions(enterprise: code, in: data)
            #expect(onDisk.map(\.id) == loaded.map(\.id) + ["added-by-another-tool", "ours"])
            #expect(onDisk.first { $0.id == "ours" } == ours)
            #expect(onDisk[0] == changed)
        }
    }

    /// A directory where the supervision file's temporary file goes (its write fails after the
    /// hazard's temporary file was written) or where the file itself is (reading it fails).
    /// Works as root too, unlike permissions.
    @Test(arguments: [true, false], [true, false])
    func whenTheVisitsFileCannotBeWrittenTheHazardIsNotSavedEither(hazardFileExists: Bool, atTemporary: Bool) throws {
        try withRoot { data, config in
            let session = try start(data, config)
            defer { session.release() }
            let ledger = session.ledger
            let code = ledger.supervisions.keys.sorted().first { (ledger.hazards[$0] != nil) == hazardFileExists }!
            let (hazard, linked) = newHazard(on: ledger.supervisions[code]![0], template: ledger.hazards.values.first!.first!)
            let hazardFile = hazardsURL(data, code), visitFile = supervisionsURL(data, code)
            let hazardBefore = bytes(hazardFile), visitBefore = bytes(visitFile)
            #expect((hazardBefore != nil) == hazardFileExists && visitBefore != nil)
            // Temporary names are random: the test fixes their suffix to plant the obstacle.
            let obstacle = atTemporary ? data.appendingPathComponent("supervisions/.\(code).json.tmp-\(getpid())-obstacle") : visitFile
            if !atTemporary { try FileManager.default.removeItem(at: visitFile) }
            try FileManager.default.createDirectory(at: obstacle, withIntermediateDirectories: false)

            let op = StoreOperation.saveHazard(hazard, base: nil, link: VisitLink(entry: linked, base: ledger.supervisions[code]![0]))
            let runner = Runner(session: session)
            guard case .failed(op, let error) = AtomicFile.$temporarySuffix.withValue("obstacle", operation: { runner.perform(op) }) else {
                Issue.record("expected the save to fail on the supervision file")
                return
            }
            #expect(error.path == obstacle.path)
            #expect(bytes(hazardFile) == hazardBefore && (!atTemporary || bytes(visitFile) == visitBefore))
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("hazards").path)
            #expect(!leftovers.contains { $0.contains(".tmp-") })

            // Once the obstacle is gone the same operation writes both files.
            try FileManager.default.removeItem(at: obstacle)
            if !atTemporary { try #require(visitBefore).write(to: visitFile) }
            #expect(saved(runner.perform(op)))
            #expect(try LedgerStore.loadHazards(enterprise: code, in: data).last == hazard)
            #expect(try LedgerStore.loadSupervisions(enterprise: code, in: data).first { $0.id == linked.id } == linked)
        }
    }

    /// The third rename fails (injected: once its temporary file exists a real file system
    /// rarely refuses): the targets already renamed get their previous bytes and permissions
    /// back, or are removed when they are new, and no temporary file is left.
    @Test func writeAllPutsBackTheEarlierTargetsWhenALaterRenameFails() throws {
        try withRoot { data, _ in
            try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
            let existing = data.appendingPathComponent("existing.json"), new = data.appendingPathComponent("new.json")
            let third = data.appendingPathComponent("third.json")
            let old = Data("old contents\n".utf8)
            try AtomicFile.write(old, to: existing, mode: 0o640)
            let files = [(data: Data("changed\n".utf8), url: existing), (data: Data("created\n".utf8), url: new),
                         (data: Data("never\n".utf8), url: third)]
            var renamed: [String] = []
            #expect {
                try AtomicFile.writeAll(files, mode: 0o600) { from, to in
                    if to == third.path {
                        errno = EIO
                        return -1
                    }
                    renamed.append(to)
                    return rename(from, to)
                }
            } throws: { error in
                guard case StoreError.io(let path, _) = error else { return false }
                return path == third.path
            }
            #expect(renamed == [existing.path, new.path])  // the first two were really replaced
            #expect(bytes(existing) == old && permissions(existing) == 0o640)
            #expect(!FileManager.default.fileExists(atPath: new.path))
            #expect(try FileManager.default.contentsOfDirectory(atPath: data.path) == ["existing.json"])

            try AtomicFile.writeAll(files)
            #expect(files.allSatisfy { bytes($0.url) == $0.data } && permissions(new) == 0o600)
        }
    }

    @Test func aDamagedFileFailsTheSaveAndIsLeftAsItWas() throws {
        try withRoot { data, config in
            let session = try start(data, config)
            defer { session.release() }
            let ledger = session.ledger
            let code = ledger.supervisions.keys.sorted().first { ledger.hazards[$0] != nil }!
            let visitFile = supervisionsURL(data, code), hazardFile = hazardsURL(data, code)
            let damaged = Data("{\n  \"schemaVersion\" : 1,\n  \"entries\" : [\n".utf8)
            try damaged.write(to: visitFile)
            let hazardBefore = bytes(hazardFile)
            var entry = ledger.supervisions[code]![0]
            entry.findings = "不应写入"
            let (hazard, linked) = newHazard(on: entry, template: ledger.hazards[code]![0])
            let runner = Runner(session: session)

            let read = ledger.supervisions[code]![0]
            for op in [StoreOperation.saveSupervision(entry, base: read),
                       .saveHazard(hazard, base: nil, link: VisitLink(entry: linked, base: read))] {
                guard case .failed(op, .damaged(let path, _, _, _, .invalidJSON)) = runner.perform(op) else {
                    Issue.record("expected \(op) to fail on the damaged file")
                    continue
                }
                #expect(path == visitFile.path)
                #expect(bytes(visitFile) == damaged && bytes(hazardFile) == hazardBefore)
            }
        }
    }
}
