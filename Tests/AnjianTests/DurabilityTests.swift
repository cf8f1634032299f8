import Foundation
import Testing
import AnjianModel
@testable import AnjianStore
@testable import AnjianRuntime

/// For the durability and backup tests: a temporary root with a data directory `data`, a config file and room for files "outside"
/// the data directory; removed by `finish()`.
struct Place {
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
func changedEntry(_ session: Session, _ findings: String) -> SupervisionEntry {
    let ledger = session.ledger
    let code = ledger.supervisions.keys.sorted().first { ledger.hazards[$0] != nil }!
    var entry = ledger.supervisions[code]![0]
    entry.findings = findings
    return entry
}

/// Writer A: a session on a new demo ledger, a change it means to save, and the file it goes to as it is before.
private struct Writer {
    let session: Session
    let entry: SupervisionEntry
    let file: String
    let before: Data?

    init(_ place: Place) throws {
        session = try place.session()
        entry = changedEntry(session, "A 的修改")
        file = "supervisions/\(entry.enterpriseCode).json"
        before = place.contents(file)
    }

    /// Its save fails because the lock is lost.
    var isRefused: Bool {
        if case .failed(_, .lockLost) = Runner(session: session).perform(.saveSupervision(entry, base: read(session, entry))) { return true }
        return false
    }
}

/// Another copy saves its own change of the writer's entry; the entry saved.
private func saveTheirs(_ session: Session, _ writer: Writer) -> SupervisionEntry? {
    var theirs = writer.entry
    theirs.findings = "B 的修改"
    guard case .saved = Runner(session: session).perform(.saveSupervision(theirs, base: read(session, theirs))) else { return nil }
    return theirs
}

/// The entry as the session read it at its start.
func read(_ session: Session, _ entry: SupervisionEntry) -> SupervisionEntry? {
    session.ledger.supervisions[entry.enterpriseCode]?.first { $0.id == entry.id }
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
        let first = try Writer(place)
        defer { first.session.release() }
        try FileManager.default.removeItem(at: place.lockFile)
        #expect(throws: StoreError.lockLost(path: place.data.path, reason: .lockFileRemoved)) { try first.session.lock?.verify() }
        #expect(first.isRefused && place.contents(first.file) == first.before)

        let second = try place.session("张伟明")
        defer { second.release() }
        #expect(!second.readOnly)
        #expect(throws: StoreError.lockLost(path: place.data.path, reason: .lockFileReplaced)) { try first.session.lock?.verify() }
        let theirs = try #require(saveTheirs(second, first))
        #expect(first.isRefused)
        let code = first.entry.enterpriseCode
        #expect(try LedgerStore.loadSupervisions(enterprise: code, in: place.data).first { $0.id == theirs.id } == theirs)
    }

    /// `mv DATA DATA.old; cp -a DATA.old DATA` (or `cp -al`) while A runs: A's lock guards
    /// DATA.old, so A writes in neither. A copy starting on the new DATA writes when the lock
    /// file there is a new one, and is read-only when it is a hard link to the one A holds.
    @Test(arguments: [false, true])
    func swappingTheDirectoryStopsTheWriterThatHeldIt(hardLinks: Bool) throws {
        let place = try Place()
        defer { place.finish() }
        let first = try Writer(place)
        defer { first.session.release() }
        let old = place.root.appendingPathComponent("data.old")
        try FileManager.default.moveItem(at: place.data, to: old)
        try copyTree(old, to: place.data, hardLinks: hardLinks)

        #expect(throws: StoreError.lockLost(path: place.data.path, reason: .directoryReplaced)) { try first.session.lock?.verify() }
        #expect(first.isRefused && place.contents(first.file) == first.before)
        #expect((try? Data(contentsOf: old.appendingPathComponent(first.file))) == first.before)

        let second = try place.session("张伟明")
        defer { second.release() }
        #expect(second.readOnly == hardLinks)
        if !hardLinks {
            #expect(saveTheirs(second, first) != nil)
            try second.lock?.verify()
        }
        #expect(first.isRefused)
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

    /// Temporary files a crashed writer left are removed once the lock is held: only regular
    /// files named as ours, in the data directory and its folders.
    @Test func leftoverTemporaryFilesAreRemovedAtStart() throws {
        let place = try Place()
        defer { place.finish() }
        try place.session().release()
        let code = try #require(place.names("hazards").first).dropLast(5)
        let leftovers = [".enterprises.json.tmp-123", "hazards/.\(code).json.tmp-99-0123456789abcdef",
                         "supervisions/.\(code).json.tmp-4567"]
        for name in leftovers { try Data("half".utf8).write(to: place.data.appendingPathComponent(name)) }
        let kept = [".notes", ".enterprises.json.tmp-abc", "notes.tmp-1"]
        for name in kept { try Data("theirs".utf8).write(to: place.data.appendingPathComponent(name)) }
        try Data("precious\n".utf8).write(to: place.outside)
        try FileManager.default.createSymbolicLink(at: place.data.appendingPathComponent(".inspectors.json.tmp-77"),
                                                   withDestinationURL: place.outside)
        try FileManager.default.createDirectory(at: place.data.appendingPathComponent(".x.json.tmp-78"), withIntermediateDirectories: false)

        let session = try place.session()
        defer { session.release() }
        for name in leftovers { #expect(place.contents(name) == nil, "\(name)") }
        for name in kept { #expect(place.contents(name) == Data("theirs".utf8), "\(name)") }
        #expect(place.names().contains(".inspectors.json.tmp-77") && place.names().contains(".x.json.tmp-78"))
        #expect((try? Data(contentsOf: place.outside)) == Data("precious\n".utf8))
    }

    /// A symbolic link at the name a temporary file would have had before (`.X.json.tmp-PID`)
    /// is not followed (names are random now); one at the very name the write picks fails it.
    @Test func aSymlinkAtATemporaryNameIsNeverFollowed() throws {
        let place = try Place()
        defer { place.finish() }
        let session = try place.session()
        defer { session.release() }
        let precious = Data("precious\n".utf8)
        try precious.write(to: place.outside)
        let entry = changedEntry(session, "新的检查情况")
        let file = "supervisions/\(entry.enterpriseCode).json"
        let predictable = place.data.appendingPathComponent("supervisions/.\(entry.enterpriseCode).json.tmp-\(getpid())")
        try FileManager.default.createSymbolicLink(at: predictable, withDestinationURL: place.outside)
        let runner = Runner(session: session)
        guard case .saved = runner.perform(.saveSupervision(entry, base: read(session, entry))) else {
            Issue.record("not saved")
            return
        }
        #expect((try? Data(contentsOf: place.outside)) == precious)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: predictable.path) == place.outside.path)
        #expect(try LedgerStore.loadSupervisions(enterprise: entry.enterpriseCode, in: place.data).first { $0.id == entry.id } == entry)

        let before = place.contents(file)
        let planted = place.data.appendingPathComponent("supervisions/.\(entry.enterpriseCode).json.tmp-\(getpid())-planted")
        try FileManager.default.createSymbolicLink(at: planted, withDestinationURL: place.outside)
        var again = entry
        again.findings = "不应写入"
        let outcome = AtomicFile.$temporarySuffix.withValue("planted") { runner.perform(.saveSupervision(again, base: entry)) }
        #expect(outcome == .failed(.saveSupervision(again, base: entry), .io(path: planted.path, reason: String(cString: strerror(EEXIST)))))
        #expect((try? Data(contentsOf: place.outside)) == precious && place.contents(file) == before)
    }

    /// Personal data: a data directory others may read becomes owner-only when the ledger is
    /// initialised in it or opened for writing (not when opened read-only).
    @Test(arguments: [false, true])
    func aDataDirectoryOthersCanReadBecomesOwnerOnly(initialised: Bool) throws {
        let place = try Place()
        defer { place.finish() }
        try FileManager.default.createDirectory(at: place.data, withIntermediateDirectories: true)
        if initialised { try place.session().release() }
        #expect(chmod(place.data.path, 0o755) == 0)
        let session = try place.session()
        #expect(permissions(place.data) == 0o700)
        #expect(chmod(place.data.path, 0o755) == 0)
        let reader = try place.session("张伟明")
        #expect(reader.readOnly && permissions(place.data) == 0o755)
        session.release()
    }

    /// `--data` naming a folder of other files is refused before anything is written there:
    /// not even the lock file.
    @Test func aRefusedDirectoryGetsNoLockFile() throws {
        let place = try Place()
        defer { place.finish() }
        try FileManager.default.createDirectory(at: place.data, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: place.data.appendingPathComponent("notes.txt"))
        #expect(throws: StoreError.notADataDirectory(path: place.data.path, missing: LedgerStore.enterprisesName)) {
            _ = try place.session()
        }
        #expect(place.names() == ["notes.txt"])
    }

    /// A dangling symbolic link where a folder is to be made: refused, not followed nor looped on.
    @Test func aDanglingLinkWhereAFolderGoesIsNotADirectory() throws {
        let place = try Place()
        defer { place.finish() }
        try FileManager.default.createSymbolicLink(at: place.data, withDestinationURL: place.outside)
        #expect(throws: StoreError.notADirectory(path: place.data.path)) { try AtomicFile.ensureDirectory(place.data) }
        #expect(!FileManager.default.fileExists(atPath: place.outside.path))
    }
}
