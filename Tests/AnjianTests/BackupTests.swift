import Foundation
import Testing
import AnjianModel
@testable import AnjianStore
@testable import AnjianRuntime

/// The previous generation of each ledger file, in `backups/` (see `Backups`).
@Suite struct BackupTests {
    /// Seven saves of one enterprise's hazards keep the five newest previous versions, each
    /// owner-only, readable and byte for byte what the file held before a save.
    @Test func sevenSavesKeepTheFiveNewestPreviousVersions() throws {
        let place = try Place()
        defer { place.finish() }
        let session = try place.session()
        defer { session.release() }
        let code = session.ledger.hazards.keys.sorted().first!
        var hazard = session.ledger.hazards[code]![0]
        let runner = Runner(session: session)
        var former: [Data] = []
        for round in 1...7 {
            former.append(try #require(place.contents("hazards/\(code).json")))
            let read = hazard
            hazard.description = "第 \(round) 次修改"
            guard case .saved = runner.perform(.saveHazard(hazard, base: read, link: nil)) else {
                Issue.record("round \(round) not saved")
                return
            }
        }
        let folder = place.data.appendingPathComponent("backups/hazards")
        let kept = place.names("backups/hazards")
        #expect(kept.count == 5 && kept.allSatisfy { $0.hasPrefix(code + ".") && $0.hasSuffix("Z.json") })
        #expect(kept.map { place.contents("backups/hazards/" + $0) } == Array(former.suffix(5)))
        for name in kept {
            let url = folder.appendingPathComponent(name)
            #expect(permissions(url) == 0o600)
            _ = try JSONFiles.decode(HazardsFile.self, from: Data(contentsOf: url), path: url.path, supportedVersion: 1)
        }
        #expect(permissions(folder) == 0o700 && permissions(folder.deletingLastPathComponent()) == 0o700)
    }

    /// A hazard registered on a visit (two files in one write), the enterprise list and the
    /// roster keep their previous versions too.
    @Test func everyLedgerFileKeepsItsPreviousVersion() throws {
        let place = try Place()
        defer { place.finish() }
        let session = try place.session()
        defer { session.release() }
        let entry = changedEntry(session, "复查")
        let readHazard = session.ledger.hazards[entry.enterpriseCode]![0]
        var hazard = readHazard
        hazard.description = "新的描述"
        let visits = place.contents("supervisions/\(entry.enterpriseCode).json"), hazards = place.contents("hazards/\(entry.enterpriseCode).json")
        let enterprises = place.contents(LedgerStore.enterprisesName), inspectors = place.contents(LedgerStore.inspectorsName)
        let readEntry = try #require(session.ledger.supervisions[entry.enterpriseCode]?.first { $0.id == entry.id })
        let op = StoreOperation.saveHazard(hazard, base: readHazard, link: VisitLink(entry: entry, base: readEntry))
        guard case .saved = Runner(session: session).perform(op) else {
            Issue.record("not saved")
            return
        }
        try LedgerStore.saveEnterprises(session.ledger.enterprises, in: place.data)
        try LedgerStore.saveInspectors(session.ledger.inspectors, in: place.data)
        let backups = place.data.appendingPathComponent("backups")
        func kept(_ folder: String, _ stem: String) -> [Data?] {
            place.names(folder).filter { $0.hasPrefix(stem + ".") }.map { place.contents(folder + "/" + $0) }
        }
        #expect(kept("backups/supervisions", entry.enterpriseCode) == [visits])
        #expect(kept("backups/hazards", entry.enterpriseCode) == [hazards])
        #expect(kept("backups", "enterprises") == [enterprises] && kept("backups", "inspectors") == [inspectors])
        #expect(permissions(backups) == 0o700)
    }

    /// A write that fails (its second rename, injected) keeps no version of the first file, which
    /// it put back; the same write that succeeds keeps one.
    @Test func aFailedWriteKeepsNoPreviousVersion() throws {
        let place = try Place()
        defer { place.finish() }
        try FileManager.default.createDirectory(at: place.data, withIntermediateDirectories: true)
        let first = place.data.appendingPathComponent("first.json"), second = place.data.appendingPathComponent("second.json")
        let old = Data("old\n".utf8)
        try AtomicFile.write(old, to: first)
        let backups = Backups.folder(in: place.data)
        let targets = [AtomicFile.Target(data: Data("new\n".utf8), url: first, backups: backups),
                       AtomicFile.Target(data: Data("new\n".utf8), url: second, backups: backups)]
        #expect(throws: StoreError.self) {
            try AtomicFile.writeAll(targets, mode: 0o600) { from, to in
                guard to != second.path else { errno = EIO; return -1 }
                return rename(from, to)
            }
        }
        #expect(place.contents("first.json") == old && Backups.versions(of: first, in: backups).isEmpty)
        try AtomicFile.writeAll(targets)
        #expect(Backups.versions(of: first, in: backups).map { try? Data(contentsOf: $0) } == [old])
        #expect(Backups.versions(of: second, in: backups).isEmpty)
    }
}
