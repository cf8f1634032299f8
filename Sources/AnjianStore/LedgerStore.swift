import Foundation
import AnjianModel

/// `enterprises.json`: the list of directly-supervised enterprises.
public struct EnterprisesFile: Codable, Sendable {
    public static let currentVersion = 1
    public var schemaVersion: Int
    public var enterprises: [Enterprise]
    public init(enterprises: [Enterprise]) {
        self.schemaVersion = Self.currentVersion
        self.enterprises = enterprises
    }
}

/// `ledger.json`: what this data directory is and where it came from.
public struct LedgerManifest: Codable, Sendable, Equatable {
    public static let currentVersion = 1
    public enum Source: String, Codable, Sendable { case demo, empty, imported }
    public var schemaVersion: Int
    public var source: Source
    /// ISO 8601, UTC.
    public var createdAt: String
    /// True while `initialize` fills the directory (written first, cleared last): a directory
    /// whose manifest still says so was cut short, and is filled again.
    public var initializing: Bool?
    public init(source: Source, createdAt: String) {
        self.schemaVersion = Self.currentVersion
        self.source = source
        self.createdAt = createdAt
    }
}

/// The ledger as loaded from a data directory.
public struct LoadedLedger: Sendable {
    public var directory: URL
    public var manifest: LedgerManifest
    public var enterprises: [Enterprise]
    public var inspectors: [Inspector]
    /// Supervision entries by enterprise credit code.
    public var supervisions: [String: [SupervisionEntry]]
    /// Hazards by enterprise credit code.
    public var hazards: [String: [Hazard]]
    /// Warnings found on load (e.g. an organization-code check digit), with their record.
    public var warnings: [(record: Int, issue: ValidationIssue)]
    /// Per-enterprise files (or folders) that could not be used: their records are not loaded.
    public var damagedFiles: [FileProblem] = []
    /// Per-enterprise files that loaded but carry a warning (a repeated hazard number).
    public var fileWarnings: [FileProblem] = []
    /// True when this run created the directory from the demo ledger.
    public var initializedNow: Bool
    public var isDemo: Bool { manifest.source == .demo }

    /// Takes the per-enterprise files' records and problems into the ledger.
    public mutating func adopt(_ records: LoadedRecords) {
        supervisions = records.supervisions
        hazards = records.hazards
        damagedFiles = records.damagedFiles
        fileWarnings = records.fileWarnings
    }
}

/// What the per-enterprise files hold: loaded behind the first frame, or by `open` at once.
public struct LoadedRecords: Sendable {
    /// Supervision entries by enterprise credit code.
    public var supervisions: [String: [SupervisionEntry]]
    /// Hazards by enterprise credit code.
    public var hazards: [String: [Hazard]]
    /// Per-enterprise files (or folders) that could not be used: their records are not loaded.
    public var damagedFiles: [FileProblem]
    /// Per-enterprise files that loaded but carry a warning (a repeated hazard number).
    public var fileWarnings: [FileProblem]

    public init(supervisions: [String: [SupervisionEntry]], hazards: [String: [Hazard]], damagedFiles: [FileProblem],
                fileWarnings: [FileProblem]) {
        self.supervisions = supervisions
        self.hazards = hazards
        self.damagedFiles = damagedFiles
        self.fileWarnings = fileWarnings
    }
}

/// Counts files done across the loading threads and tells `report`.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    let total: Int
    let report: (@Sendable (Int, Int) -> Void)?
    init(total: Int, report: (@Sendable (Int, Int) -> Void)?) {
        self.total = total
        self.report = report
    }
    func step() {
        guard let report else { return }
        lock.lock()
        done += 1
        let now = done
        lock.unlock()
        report(now, max(total, now))
    }
}

/// The data directory: knows the files, nothing of screens.
public enum LedgerStore {
    public static let manifestName = "ledger.json"
    public static let enterprisesName = "enterprises.json"

    /// Opens the ledger in `directory`; an empty or missing directory is first
    /// initialised from the bundled demo ledger (unless `initializeIfEmpty` is false: a
    /// read-only copy must not write). A damaged file is reported, never rewritten: a problem
    /// with `ledger.json`, `enterprises.json` or `inspectors.json` throws; a damaged
    /// per-enterprise file is listed in `damagedFiles` and the rest of the ledger loads.
    /// `snapshots`: remembers every per-enterprise file loaded, for the saves (see `FileSnapshots`).
    public static func open(_ directory: URL, initializeIfEmpty: Bool = true, now: Date = Date(),
                            snapshots: FileSnapshots? = nil) throws -> LoadedLedger {
        var ledger = try openWithoutRecords(directory, initializeIfEmpty: initializeIfEmpty, now: now)
        ledger.adopt(loadRecords(directory, enterprises: Set(ledger.enterprises.map(\.creditCode)), now: now, snapshots: snapshots))
        return ledger
    }

    /// What a first frame needs: the manifest, the enterprises and the roster, checked as `open`
    /// checks them; the per-enterprise files are left for `loadRecords` (behind the first frame).
    public static func openWithoutRecords(_ directory: URL, initializeIfEmpty: Bool = true, now: Date = Date()) throws -> LoadedLedger {
        var initialized = false
        if initializeIfEmpty, try needsInitialization(directory) {
            // A cut-short initialisation is done again as it was begun.
            let begun = try? JSONDecoder().decode(LedgerManifest.self, from: Data(contentsOf: directory.appendingPathComponent(manifestName)))
            try initialize(directory, source: begun?.source ?? .demo, now: now)
            initialized = true
        }
        let manifestURL = directory.appendingPathComponent(manifestName)
        let enterprisesURL = directory.appendingPathComponent(enterprisesName)
        for url in [manifestURL, enterprisesURL] where !FileManager.default.fileExists(atPath: url.path) {
            throw StoreError.notADataDirectory(path: directory.path, missing: url.lastPathComponent)
        }
        let manifest = try JSONFiles.decode(LedgerManifest.self, from: JSONFiles.read(manifestURL),
                                            path: manifestURL.path, supportedVersion: LedgerManifest.currentVersion)
        let (enterprises, warnings) = try loadEnterprises(enterprisesURL)
        let inspectors = try loadInspectors(directory)
        return LoadedLedger(directory: directory, manifest: manifest, enterprises: enterprises, inspectors: inspectors,
                            supervisions: [:], hazards: [:], warnings: warnings, initializedNow: initialized)
    }

    /// Every per-enterprise file of the two folders. The ledger's own files stop a load; a
    /// per-enterprise file only damages itself. `progress` is told each file done (from any thread).
    /// `snapshots`: remembers every file loaded, for the saves (see `FileSnapshots`).
    public static func loadRecords(_ directory: URL, enterprises codes: Set<String>, now: Date = Date(), snapshots: FileSnapshots? = nil,
                                   progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) -> LoadedRecords {
        let supervisionsURL = directory.appendingPathComponent(supervisionsFolder)
        let hazardsFolderURL = directory.appendingPathComponent(hazardsFolder)
        let total = fileCount(supervisionsURL) + fileCount(hazardsFolderURL)
        let counter = ProgressCounter(total: total, report: progress)
        let supervisions = loadFolder(SupervisionsFile.self, supervisionsURL, enterprises: codes, now: now, snapshots: snapshots,
                                      fileDone: counter.step)
        var hazards = loadFolder(HazardsFile.self, hazardsFolderURL, enterprises: codes, now: now, snapshots: snapshots,
                                      fileDone: counter.step)
        checkAcrossFiles(&hazards, folder: hazardsFolderURL)
        return LoadedRecords(supervisions: supervisions.records, hazards: hazards.records,
                             damagedFiles: supervisions.damaged + hazards.damaged, fileWarnings: supervisions.warnings + hazards.warnings)
    }

    /// The per-enterprise files a folder holds, for progress (a folder that cannot be listed: none).
    static func fileCount(_ folder: URL) -> Int {
        ((try? Reading.folder(folder)) ?? nil)?.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.count ?? 0
    }

    /// Reads and validates `enterprises.json`; the first error stops the load.
    public static func loadEnterprises(_ url: URL) throws -> ([Enterprise], [(record: Int, issue: ValidationIssue)]) {
        let file = try JSONFiles.decode(EnterprisesFile.self, from: JSONFiles.read(url),
                                        path: url.path, supportedVersion: EnterprisesFile.currentVersion)
        var warnings: [(record: Int, issue: ValidationIssue)] = []
        var seen: Set<String> = []
        for (index, enterprise) in file.enterprises.enumerated() {
            let issues = enterprise.validate()
            if let error = issues.errors.first {
                throw StoreError.invalidRecord(path: url.path, record: index, name: enterprise.name, issue: error)
            }
            warnings += issues.warnings.map { (index, $0) }
            let code = CreditCode.normalize(enterprise.creditCode)
            if !seen.insert(code).inserted {
                throw StoreError.duplicateKey(path: url.path, record: index, key: code)
            }
        }
        return (file.enterprises, warnings)
    }

    public static func needsInitialization(_ directory: URL) throws -> Bool {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory.path, isDirectory: &isDirectory) else { return true }
        guard isDirectory.boolValue else { throw StoreError.notADirectory(path: directory.path) }
        // An initialisation cut short is done again: it only rewrites the files it writes, and its
        // manifest says so until the very end, so no ledger of anyone's is ever taken for one.
        if let manifest = try? JSONDecoder().decode(LedgerManifest.self, from: Data(contentsOf: directory.appendingPathComponent(manifestName))),
           manifest.initializing == true {
            return true
        }
        let ours = [manifestName, enterprisesName]
        if ours.contains(where: { fm.fileExists(atPath: directory.appendingPathComponent($0).path) }) { return false }
        // Only an empty directory (our lock file and other dot files aside) is initialised:
        // demo files are never written among someone else's.
        let names = (try? fm.contentsOfDirectory(atPath: directory.path)) ?? []
        if names.contains(where: { !$0.hasPrefix(".") }) {
            throw StoreError.notADataDirectory(path: directory.path, missing: enterprisesName)
        }
        return true
    }

    /// Creates the ledger files: the demo ledger or an empty one.
    public static func initialize(_ directory: URL, source: LedgerManifest.Source, now: Date = Date()) throws {
        try AtomicFile.ensureDirectory(directory)
        try DataDirectory.makePrivate(directory)
        // The manifest first, saying the directory is being filled; cleared when it is full.
        var manifest = LedgerManifest(source: source, createdAt: ISO8601DateFormatter().string(from: now))
        manifest.initializing = true
        try AtomicFile.write(JSONFiles.encode(manifest), to: directory.appendingPathComponent(manifestName))
        let enterprises = source == .demo ? try DemoLedger.enterprises() : []
        try AtomicFile.write(JSONFiles.encode(EnterprisesFile(enterprises: enterprises)),
                             to: directory.appendingPathComponent(enterprisesName))
        try saveInspectors(source == .demo ? try DemoLedger.inspectors() : [], in: directory)
        if source == .demo {
            for (code, entries) in try DemoLedger.supervisions() {
                try saveSupervisions(entries, enterprise: code, in: directory)
            }
            for (code, hazards) in try DemoLedger.hazards() {
                try saveHazards(hazards, enterprise: code, in: directory)
            }
        }
        manifest.initializing = nil
        try AtomicFile.write(JSONFiles.encode(manifest), to: directory.appendingPathComponent(manifestName))
    }

    /// Saves the enterprise list (atomically), keeping the previous one in `backups/`.
    public static func saveEnterprises(_ enterprises: [Enterprise], in directory: URL) throws {
        try AtomicFile.write(JSONFiles.encode(EnterprisesFile(enterprises: enterprises)),
                             to: directory.appendingPathComponent(enterprisesName), backups: Backups.folder(in: directory))
    }
}

/// The data bundled with the program.
public enum DemoLedger {
    static func resource(_ path: String) throws -> URL {
        guard let base = Bundle.module.resourceURL else {
            throw StoreError.io(path: path, reason: "resource bundle not found")
        }
        return base.appendingPathComponent(path)
    }

    public static func enterprises() throws -> [Enterprise] {
        let url = try resource("demo/enterprises.json")
        return try LedgerStore.loadEnterprises(url).0
    }

    public static func inspectors() throws -> [Inspector] {
        let url = try resource("demo/inspectors.json")
        return try JSONFiles.decode(InspectorsFile.self, from: JSONFiles.read(url), path: url.path,
                                    supportedVersion: InspectorsFile.currentVersion).inspectors
    }

    /// The demo supervision entries, by enterprise.
    public static func supervisions() throws -> [String: [SupervisionEntry]] {
        struct DemoFile: SchemaVersioned, Codable { var schemaVersion: Int; var entries: [SupervisionEntry] }
        let url = try resource("demo/supervisions.json")
        let file = try JSONFiles.decode(DemoFile.self, from: JSONFiles.read(url), path: url.path, supportedVersion: 1)
        return Dictionary(grouping: file.entries, by: \.enterpriseCode)
    }

    /// The demo hazards, by enterprise.
    public static func hazards() throws -> [String: [Hazard]] {
        struct DemoFile: SchemaVersioned, Codable { var schemaVersion: Int; var hazards: [Hazard] }
        let url = try resource("demo/hazards.json")
        let file = try JSONFiles.decode(DemoFile.self, from: JSONFiles.read(url), path: url.path, supportedVersion: 1)
        return Dictionary(grouping: file.hazards, by: \.enterpriseCode)
    }

    public static func pinyinTable() throws -> PinyinTable {
        let url = try resource("pinyin/readings.txt")
        let data = try JSONFiles.read(url)
        return PinyinTable(parsing: String(decoding: data, as: UTF8.self))
    }
}
