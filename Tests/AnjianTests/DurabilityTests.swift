import Foundation
import Testing
import AnjianModel
@testable import AnjianStore
@testable import AnjianRuntime

/// A temporary root with a data directory `data`, a config file and room for files "outside"
/// the data directory; removed by `finish()`.
private struct Place {
    let root = temporaryDirectory()
    var data: URL { root.appendingPathComponent("data") }
    var config: URL { root.appendingPathComponent("config/anjian/config.json") }
    var outside: URL { root.appendingPathComponent("outside.txt") }
    var lockFile: URL { data.appendingPathComponent(DirectoryLock.fileName) }

    init() throws { try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true) }

    func finish() { try? FileManager.default.removeItem(at: root) }

    func session(_ name: String = "王丽娟") throws -> Session {
        try Session.start(directory: data, operatorFlag: name, environment: [:], configURL: config, now: Date())
    }

    func contents(_ relative: String) -> Data? { try? Data(contentsOf: data.appendingPathComponent(relative)) }

    func names(_ relative: String = "") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent(relative).path)) ?? []).sorted()
    }
}

/// An enterprise that has supervision entries and hazards in the demo ledger, and a change of its first entry.
private func changedEntry(_ session: Session, _ findings: String) -> SupervisionEntry {
    let ledger = session.ledger
    let code = ledger.supervisions.keys.sorted().first { ledger.hazards[$0] != nil }!
    var entry = ledger.supervisions[code]![0]
    entry.findings = findings
    return entry
}

private func isLockLost(_ outcome: StoreOutcome) -> Bool {
    if case .failed(_, .lockLost) = outcome { return true }
    return false
}

/// `cp -a` (new inodes) or `cp -al` (hard links to the same files, the lock file among them).
private func copyTree(_ from: URL, to: URL, hardLinks: Bool) throws {
    let fm = FileManager.default
    guard hardLinks else { return try fm.copyItem(at: from, to: to) }
    try fm.createDirectory(at: to, withIntermediateDirectories: false)
    for name in try fm.contentsOfDirectory(atPath: from.path) {
        let source = from.appendingPathComponent(name), target = to.appendingPathComponent(name)
        var isDirectory: ObjCBool = false
        _ = fm.fileExists(atPath: source.path, isDirectory: &isDirectory)
        if isDirectory.boolValue { try copyTree(source, to: target, hardLinks: true) } else { try fm.linkItem(at: source, to: target) }
    }
}

@Suite struct DurabilityTests {
    /// `rm DATA/.anjian.lock` while A runs: A's next save is refused and writes nothing; B,
    /// which could take a new lock, writes; A stays refused.
    @Test func removingTheLockFileStopsTheWriterThatHeldIt() throws {
        let place = try Place()
        defer { place.finish() }
        let first = try place.session()
        defer { first.release() }
        let entry = changedEntry(first, "A 的修改")
        let file = "supervisions/\(entry.enterpriseCode).json"
        let before = place.contents(file)
        try FileManager.default.removeItem(at: place.lockFile)
        #expect(throws: StoreError.lockLost(path: place.data.path, reason: .lockFileRemoved)) { try first.lock?.verify() }
        #expect(isLockLost(Runner(session: first).perform(.saveSupervision(entry))))
        #expect(place.contents(file) == before)

        let second = try place.session("张伟明")
        defer { second.release() }
        #expect(!second.readOnly)
        #expect(throws: StoreError.lockLost(path: place.data.path, reason: .lockFileReplaced)) { try first.lock?.verify() }
        var theirs = entry
        theirs.findings = "B 的修改"
        #expect(Runner(session: second).perform(.saveSupervision(theirs)) == .saved(.saveSupervision(theirs)))
        #expect(isLockLost(Runner(session: first).perform(.saveSupervision(entry))))
        #expect(try LedgerStore.loadSupervisions(enterprise: entry.enterpriseCode, in: place.data).first { $0.id == entry.id } == theirs)
    }

    /// `mv DATA DATA.old; cp -a DATA.old DATA` (or `cp -al`) while A runs: A's lock guards
    /// DATA.old, so A writes in neither. A copy starting on the new DATA writes when the lock
    /// file there is a new one, and is read-only when it is a hard link to the one A holds.
    @Test(arguments: [false, true])
    func swappingTheDirectoryStopsTheWriterThatHeldIt(hardLinks: Bool) throws {
        let place = try Place()
        defer { place.finish() }
        let first = try place.session()
        defer { first.release() }
        let entry = changedEntry(first, "A 的修改")
        let file = "supervisions/\(entry.enterpriseCode).json"
        let before = place.contents(file)
        let old = place.root.appendingPathComponent("data.old")
        try FileManager.default.moveItem(at: place.data, to: old)
        try copyTree(old, to: place.data, hardLinks: hardLinks)

        #expect(throws: StoreError.lockLost(path: place.data.path, reason: .directoryReplaced)) { try first.lock?.verify() }
        #expect(isLockLost(Runner(session: first).perform(.saveSupervision(entry))))
        #expect(place.contents(file) == before)
        #expect((try? Data(contentsOf: old.appendingPathComponent(file))) == before)

        let second = try place.session("张伟明")
        defer { second.release() }
        #expect(second.readOnly == hardLinks)
        if !hardLinks {
            var theirs = entry
            theirs.findings = "B 的修改"
            #expect(Runner(session: second).perform(.saveSupervision(theirs)) == .saved(.saveSupervision(theirs)))
            try second.lock?.verify()
        }
        #expect(isLockLost(Runner(session: first).perform(.saveSupervision(entry))))
    }

    enum Planted: String, CaseIterable { case symlink, danglingSymlink, directory, fifo }

    /// Something other than a regular file at the lock path: the start is refused with the
    /// reason, and a symbolic link's target is neither written nor created.
    @Test(arguments: Planted.allCases)
    func aLockPathThatIsNotARegularFileIsRefusedAndNothingOutsideIsWritten(planted: Planted) throws {
        let place = try Place()
        defer { place.finish() }
        try FileManager.default.createDirectory(at: place.data, withIntermediateDirectories: true)
        let precious = Data("precious\n".utf8)
        switch planted {
        case .symlink:
            try precious.write(to: place.outside)
            try FileManager.default.createSymbolicLink(at: place.lockFile, withDestinationURL: place.outside)
        case .danglingSymlink: try FileManager.default.createSymbolicLink(at: place.lockFile, withDestinationURL: place.outside)
        case .directory: try FileManager.default.createDirectory(at: place.lockFile, withIntermediateDirectories: false)
        case .fifo: #expect(mkfifo(place.lockFile.path, 0o600) == 0)
        }
        #expect(throws: StoreError.unsafeLockFile(path: place.lockFile.path)) { _ = try place.session() }
        #expect((try? Data(contentsOf: place.outside)) == (planted == .symlink ? precious : nil))
        #expect(place.names() == [DirectoryLock.fileName])
    }
}

