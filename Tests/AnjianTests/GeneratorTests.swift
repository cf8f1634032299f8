import Foundation
import Testing
import AnjianGenerator
import AnjianModel
import AnjianStore

/// The generated ledger (issue 10's large ledger, small here): it loads as the program's own
/// files do, with every rule kept, the same seed giving the same bytes.
@Suite struct GeneratorTests {
    static let today = "2026-11-26"
    /// Noon of `today` (UTC): the clock the ledger is opened with.
    static let noon = ISO8601DateFormatter().date(from: "2026-11-26T12:00:00Z")!

    /// Every regular file under `directory`, by relative path, with its bytes.
    func contents(of directory: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let walk = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in walk where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            files[String(url.path.dropFirst(directory.path.count))] = try Data(contentsOf: url)
        }
        return files
    }

    @Test func aGeneratedLedgerLoadsWithNoDamageNoWarningAndEveryRuleKept() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let summary = try LedgerGenerator.generate(into: dir, hazards: 3000, supervisions: 600, seed: 7, today: Self.today)
        let ledger = try LedgerStore.open(dir, now: Self.noon)
        #expect(ledger.fileWarnings.count == 0, "\(ledger.fileWarnings.prefix(2))")
        #expect(ledger.damagedFiles.count == 0, "\(ledger.damagedFiles.prefix(2))")
        #expect(ledger.warnings.isEmpty)
        #expect(ledger.enterprises.count == 60)

        let hazards = ledger.enterprises.flatMap { ledger.hazards[$0.creditCode] ?? [] }
        let entries = ledger.enterprises.flatMap { ledger.supervisions[$0.creditCode] ?? [] }
        #expect(hazards.count == 3000 && summary.hazards == 3000)
        #expect(entries.count == 600 && summary.entries == 600)
        #expect(Set(hazards.map(\.id)).count == hazards.count)
        #expect(Set(hazards.map(\.number)).count == hazards.count)
        #expect(Set(entries.map(\.id)).count == entries.count)

        // Numbers as the program gives them, hazard after hazard: the next free one of the enterprise and year.
        for enterprise in ledger.enterprises {
            var taken: Set<String> = []
            for hazard in ledger.hazards[enterprise.creditCode] ?? [] {
                #expect(hazard.number == Hazard.nextNumber(year: String(hazard.discoveredOn.prefix(4)),
                                                           enterpriseCode: enterprise.creditCode, taken: taken))
                taken.insert(hazard.number)
            }
        }

        // Every visit link resolves both ways: a hazard names its visit, the visit lists it,
        // and a hazard found on a visit was found that day by its inspectors.
        let entriesByID = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0) })
        let hazardsByID = Dictionary(uniqueKeysWithValues: hazards.map { ($0.id, $0) })
        var linked = 0
        for hazard in hazards {
            guard let visitID = hazard.supervisionID else { continue }
            linked += 1
            let visit = try #require(entriesByID[visitID])
            #expect(visit.enterpriseCode == hazard.enterpriseCode && visit.hazardIDs.contains(hazard.id))
            #expect(visit.date == hazard.discoveredOn && hazard.foundBy == visit.inspectors.map(\.name).joined(separator: "、"))
        }
        for entry in entries {
            for id in entry.hazardIDs { #expect(hazardsByID[id]?.supervisionID == entry.id) }
            #expect(entry.inspectors.count == 2 && entry.validate().isEmpty)
            #expect(entry.date < Self.today)
        }
        #expect(linked > 300 && linked < hazards.count)
        #expect(entries.contains { $0.hazardIDs.isEmpty } && entries.contains { $0.conclusion == .caseFiled })

        // Realistic text and histories, nothing dated after today.
        for hazard in hazards {
            #expect((30...80).contains(hazard.description.count), "\(hazard.number): \(hazard.description)")
            #expect((2...5).contains(hazard.history.count), "\(hazard.number)")
            let dates = [hazard.discoveredOn, hazard.closedOn ?? ""] + hazard.history.map { $0.date ?? String($0.at.prefix(10)) }
                + hazard.verifications.map(\.date)
            #expect(dates.allSatisfy { $0 <= Self.today })
        }
        #expect(Set(hazards.map(\.status)) == Set(HazardStatus.allCases))
        let major = hazards.filter { $0.level == .major }
        #expect(major.count > 30 && major.contains { $0.supervisionListing != nil })
        #expect(major.filter(\.isClosed).allSatisfy { $0.verifications.last?.verifiers?.count == 2 && !$0.verifications.last!.remark.isEmpty })
        #expect(hazards.contains { $0.verifications.contains { !$0.passed } })
        #expect(hazards.contains { $0.extensionCount > 0 })
        #expect(hazards.contains { $0.history.contains { $0.action == .reopened } })
        #expect(summary.evidenceFiles > 0 && hazards.contains { $0.history.contains { $0.evidence != nil } })

        // Uneven per-enterprise files, as in a real city.
        let perFile = ledger.enterprises.map { ledger.hazards[$0.creditCode]?.count ?? 0 }
        #expect(perFile.min()! > 0 && Double(perFile.max()!) > 1.5 * Double(perFile.min()!))
        #expect(summary.fewestHazardsInAFile == perFile.min()! && summary.mostHazardsInAFile == perFile.max()!)
        #expect(summary.bytes == (try contents(of: dir)).values.reduce(0) { $0 + $1.count })
    }

    @Test func theSameSeedGivesTheSameBytesAnotherSeedOthers() throws {
        let dirs = (0..<3).map { _ in temporaryDirectory() }
        defer { for dir in dirs { try? FileManager.default.removeItem(at: dir) } }
        for (dir, seed) in zip(dirs, [3, 3, 4] as [UInt64]) {
            _ = try LedgerGenerator.generate(into: dir, hazards: 400, supervisions: 80, seed: seed, today: Self.today)
        }
        let first = try contents(of: dirs[0]), again = try contents(of: dirs[1]), other = try contents(of: dirs[2])
        #expect(first.keys.contains { $0.hasPrefix("/hazards/") } && first.keys.contains { $0.hasPrefix("/supervisions/") })
        #expect(first == again)
        let hazardFiles = first.keys.filter { $0.hasPrefix("/hazards/") }
        #expect(hazardFiles.allSatisfy { first[$0] != other[$0] })
        #expect(first["/enterprises.json"] == other["/enterprises.json"])
    }

    @Test func aDirectoryThatHoldsFilesIsRefusedAndLeftAlone() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let mine = dir.appendingPathComponent("notes.txt")
        try Data("mine".utf8).write(to: mine)
        #expect(throws: LedgerGenerator.Failure.directoryNotEmpty(dir.path)) {
            try LedgerGenerator.generate(into: dir, hazards: 10, supervisions: 2, seed: 1, today: Self.today)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["notes.txt"])
        #expect(throws: LedgerGenerator.Failure.notADirectory(mine.path)) {
            try LedgerGenerator.generate(into: mine, hazards: 10, supervisions: 2, seed: 1, today: Self.today)
        }
        #expect(try Data(contentsOf: mine) == Data("mine".utf8))
        #expect(throws: LedgerGenerator.Failure.invalidToday("2026-02-30")) {
            try LedgerGenerator.generate(into: temporaryDirectory(), hazards: 10, supervisions: 2, seed: 1, today: "2026-02-30")
        }
    }
}
