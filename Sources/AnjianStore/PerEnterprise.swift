import Foundation
import AnjianModel

/// A file of one enterprise's records, named after its credit code, in a folder of the
/// data directory: saving a record costs the same whatever the size of the city's ledger.
protocol PerEnterpriseFile: Codable, SchemaVersioned {
    associatedtype Record: LedgerRecord & Codable & Hashable
    static var currentVersion: Int { get }
    /// The JSON key of the records, for error messages (`entries`, `hazards`).
    static var recordsKey: String { get }
    /// The folder, for the problems found on load.
    static var folder: FileProblem.Folder { get }
    /// The key unique within the file (and, for hazards, in the city).
    static var idKey: RecordKey { get }
    var enterpriseCode: String { get }
    var records: [Record] { get }
    init(enterpriseCode: String, records: [Record])
    /// The record's rule violations that make the file unusable (validation errors, an
    /// inconsistent state), and how an error message names the record.
    static func errors(of record: Record) -> [ValidationIssue]
    /// The record's rule violations that leave the file usable: listed as warnings on load
    /// (`dataDirectory`: where relative paths in the record point).
    static func warnings(of record: Record, now: Date, dataDirectory: String) -> [ValidationIssue]
    static func name(of record: Record) -> String
}

extension PerEnterpriseFile {
    static func warnings(of record: Record, now: Date, dataDirectory: String) -> [ValidationIssue] { [] }
}

/// What one folder of per-enterprise files holds, file by file.
struct FolderLoad<Record: Sendable>: Sendable {
    var records: [String: [Record]] = [:]
    var damaged: [FileProblem] = []
    var warnings: [FileProblem] = []
}

extension LedgerStore {
    /// How many files `loadFolder` reads and decodes at once: every core, at least two.
    static var loadWorkers: Int { max(2, ProcessInfo.processInfo.activeProcessorCount) }

    /// Every file of a folder, by enterprise credit code. A missing folder has no records. A
    /// file that cannot be read, does not decode, breaks a rule, holds records of another
    /// enterprise, or is not named for an enterprise of the ledger is damaged: its records are
    /// not loaded and the rest still are. A folder that cannot be listed damages them all.
    /// A record that breaks a rule a form enforces but a file written by others may break
    /// (`File.warnings`, checked against `now`) is loaded and listed in `warnings`.
    /// The files are independent: `workers` threads take them in turn (one file each in
    /// flight), and the outcomes are put together in the order of the names, so the result is
    /// the one reading them one after another gives. `snapshots`: remembers each good file.
    static func loadFolder<File: PerEnterpriseFile>(_ type: File.Type, _ folder: URL, enterprises: Set<String>,
                                                    now: Date, workers: Int = loadWorkers,
                                                    snapshots: FileSnapshots? = nil, fileDone: @escaping @Sendable () -> Void = {}) -> FolderLoad<File.Record> {
        var result = FolderLoad<File.Record>()
        let names: [String]
        do {
            guard let listed = try Reading.folder(folder) else { return result }
            names = listed.sorted().filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
        } catch {
            result.damaged.append(FileProblem(path: folder.path, enterpriseCode: nil, folder: File.folder, error: storeError(error, folder)))
            return result
        }
        let outcomes = OrderedOutcomes<FileOutcome<File.Record>>(count: names.count)
        let load = { @Sendable (index: Int) in
            outcomes.put(loadOne(File.self, named: names[index], in: folder, enterprises: enterprises, now: now, snapshots: snapshots),
                         at: index)
            fileDone()
        }
        let threads = min(max(1, workers), names.count)
        if threads <= 1 {
            names.indices.forEach(load)
        } else {
            // Each worker takes the next file when it is done with one: at most one file each in memory.
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                while let index = outcomes.nextIndex() { load(index) }
            }
        }
        for (name, outcome) in zip(names, outcomes.all()) {
            let code = String(name.dropLast(5))
            switch outcome {
            case .loaded(let records, let warnings):
                result.records[code] = records
                result.warnings += warnings
            case .damaged(let problem):
                result.damaged.append(problem)
            }
        }
        return result
    }

    /// One file of `loadFolder`: its records and warnings, or why it is damaged.
    static func loadOne<File: PerEnterpriseFile>(_ type: File.Type, named name: String, in folder: URL, enterprises: Set<String>,
                                                 now: Date, snapshots: FileSnapshots?) -> FileOutcome<File.Record> {
        let code = String(name.dropLast(5))
        let url = folder.appendingPathComponent(name)
        let path = url.path
        do {
            if !enterprises.contains(code) {
                if let problem = CreditCode.check(code).problems.first { throw StoreError.invalidFileName(path: path, problem: problem) }
                throw StoreError.unknownEnterprise(path: path, code: code)
            }
            let data = try JSONFiles.read(url)
            let records = try decodeFile(File.self, data, enterprise: code, url: url)
            snapshots?.remember(records, of: data, at: path)
            var warnings: [FileProblem] = []
            let dataDirectory = folder.deletingLastPathComponent().path
            for (index, record) in records.enumerated() {
                warnings += File.warnings(of: record, now: now, dataDirectory: dataDirectory).map { issue in
                    let warning = StoreError.invalidRecord(path: path, record: index, name: File.name(of: record), issue: issue)
                    return FileProblem(path: path, enterpriseCode: code, folder: File.folder, error: warning)
                }
            }
            return .loaded(records, warnings: warnings)
        } catch {
            return .damaged(FileProblem(path: path, enterpriseCode: code, folder: File.folder, error: storeError(error, folder)))
        }
    }

    /// Loading throws only `StoreError`s; anything else is still named with its path.
    static func storeError(_ error: any Error, _ url: URL) -> StoreError {
        StoreError.wrap(error, path: url.path)
    }

    /// One enterprise's file, checked as `loadFolder` checks it: its enterprise code, every
    /// record's rules, and ids unique within the file.
    static func loadFile<File: PerEnterpriseFile>(_ type: File.Type, enterprise code: String, in folder: URL) throws -> [File.Record] {
        let url = folder.appendingPathComponent(code + ".json")
        return try decodeFile(File.self, JSONFiles.read(url), enterprise: code, url: url)
    }

    /// A file's bytes decoded and checked as `loadFile` checks them.
    static func decodeFile<File: PerEnterpriseFile>(_ type: File.Type, _ data: Data, enterprise code: String, url: URL) throws -> [File.Record] {
        let file = try decodeFast(File.self, data) ?? JSONFiles.decode(File.self, from: data, path: url.path, supportedVersion: File.currentVersion)
        guard file.enterpriseCode == code else {
            throw StoreError.damaged(path: url.path, line: nil, column: nil, field: "enterpriseCode",
                                     reason: .wrongEnterprise(file.enterpriseCode))
        }
        var ids: [String: Int] = [:]
        for (index, record) in file.records.enumerated() {
            guard record.enterpriseCode == code else {
                throw StoreError.damaged(path: url.path, line: nil, column: nil, field: "\(File.recordsKey)[\(index)].enterpriseCode",
                                         reason: .wrongEnterprise(record.enterpriseCode))
            }
            if let issue = File.errors(of: record).first {
                throw StoreError.invalidRecord(path: url.path, record: index, name: File.name(of: record), issue: issue)
            }
            if let first = ids[record.id] {
                throw StoreError.duplicateRecord(path: url.path, record: index, key: File.idKey, value: record.id,
                                                 firstPath: url.path, firstRecord: first)
            }
            ids[record.id] = index
        }
        return file.records
    }

    /// The file by `FastJSONDecoder` when it is sure and the version is this program's; nil: the
    /// plain path decodes it (and names what is wrong), exactly as without the fast one.
    static func decodeFast<File: PerEnterpriseFile>(_ type: File.Type, _ data: Data) -> File? {
        guard let file = FastJSONDecoder.decode(File.self, from: data), file.schemaVersion == File.currentVersion else { return nil }
        return file
    }

    /// One enterprise's file as it is on disk now, for a save that must not lose what
    /// another program added since the ledger was loaded; a missing file has no records.
    static func currentFile<File: PerEnterpriseFile>(_ type: File.Type, enterprise code: String, in folder: URL) throws -> [File.Record] {
        try readFile(File.self, enterprise: code, in: folder, snapshots: nil).records
    }

    /// `currentFile` with the bytes read: when they are the ones `snapshots` remembers for the
    /// file, its records are taken from there, else decoded and checked (and remembered).
    static func readFile<File: PerEnterpriseFile>(_ type: File.Type, enterprise code: String, in folder: URL,
                                                  snapshots: FileSnapshots?) throws -> FileContents<File.Record> {
        let url = folder.appendingPathComponent(code + ".json")
        guard FileManager.default.fileExists(atPath: url.path) else { return FileContents(records: [], data: nil) }
        let data = try JSONFiles.read(url)
        if let records = snapshots?.records(at: url.path, matching: data, as: File.Record.self) {
            return FileContents(records: records, data: data, unchanged: true)
        }
        let records: [File.Record]
        do {
            records = try decodeFile(File.self, data, enterprise: code, url: url)
        } catch {
            // Damaged now: should the remembered bytes come back (an edit undone), they are news.
            snapshots?.forget(url.path)
            throw error
        }
        snapshots?.remember(records, of: data, at: url.path)
        return FileContents(records: records, data: data)
    }

    /// The file as `read`, with the record of id `changed` replaced or added (`records`: all of
    /// them, in order): only that record is encoded and spliced into the bytes read, when they
    /// allow it (see `RecordSplice`); else the whole file is encoded. The same bytes either way.
    static func prepareChange<File: PerEnterpriseFile>(_ type: File.Type, _ records: [File.Record], changed id: String,
                                                       over read: FileContents<File.Record>, enterprise code: String,
                                                       in folder: URL) throws -> PreparedFile {
        var prepared = try prepareFile(File.self, [], enterprise: code, in: folder, encoding: false)
        if let old = read.data, let spliced = try splice(File.self, records, changed: id, over: read.records, old, enterprise: code) {
            prepared.data = spliced
        } else {
            prepared.data = try JSONFiles.encode(File(enterpriseCode: code, records: records))
        }
        return prepared
    }

    /// `records` differ from `previous` only in the record of id `changed` (replaced in place or
    /// added at the end): the spliced bytes, or nil when that is not so or the bytes do not allow it.
    static func splice<File: PerEnterpriseFile>(_ type: File.Type, _ records: [File.Record], changed id: String,
                                                over previous: [File.Record], _ old: Data, enterprise code: String) throws -> Data? {
        guard let index = records.firstIndex(where: { $0.id == id }) else { return nil }
        let replaced = previous.count == records.count && previous[index].id == id
        let added = previous.count + 1 == records.count && index == previous.count
        guard replaced || added, zip(previous, records).allSatisfy({ $0.id == id || $0 == $1 }) else { return nil }
        return try RecordSplice.splice(old, oldCount: previous.count, replacing: replaced ? index : nil, with: records[index],
                                       key: File.recordsKey, empty: JSONFiles.encode(File(enterpriseCode: code, records: [])))
    }

    /// One enterprise's file, encoded, with where it goes (its folder is created if missing)
    /// and where its previous version is kept (`backups/<folder>`).
    static func prepareFile<File: PerEnterpriseFile>(_ type: File.Type, _ records: [File.Record], enterprise code: String,
                                                     in folder: URL, encoding: Bool = true) throws -> PreparedFile {
        try AtomicFile.ensureDirectory(folder)
        return PreparedFile(data: encoding ? try JSONFiles.encode(File(enterpriseCode: code, records: records)) : Data(),
                            url: folder.appendingPathComponent(code + ".json"),
                            backups: Backups.folder(in: folder.deletingLastPathComponent(), for: folder.lastPathComponent))
    }

    /// Writes one enterprise's file (atomically); nothing else is touched.
    static func saveFile<File: PerEnterpriseFile>(_ type: File.Type, _ records: [File.Record], enterprise code: String, in folder: URL) throws {
        let file = try prepareFile(File.self, records, enterprise: code, in: folder)
        try AtomicFile.write(file.data, to: file.url, backups: file.backups)
    }

    /// Writes prepared files as one change: all of them or none (see `AtomicFile.writeAll`).
    public static func write(_ files: [PreparedFile]) throws {
        try AtomicFile.writeAll(files.map { AtomicFile.Target(data: $0.data, url: $0.url, backups: $0.backups) })
    }
}

/// A file's new contents and its path, ready to be written with others.
public struct PreparedFile: Sendable {
    public var data: Data
    public var url: URL
    /// Where the file's previous version is kept; nil: not kept.
    public var backups: URL? = nil
}

/// One per-enterprise file as a save read it: its records and its bytes (nil: no file yet).
public struct FileContents<Record: Sendable>: Sendable {
    public var records: [Record]
    var data: Data?
    /// The bytes are the ones this program last read or wrote there: nothing changed since.
    public var unchanged = false
}

/// What `loadFolder` found in one file.
enum FileOutcome<Record: Sendable>: Sendable {
    case loaded([Record], warnings: [FileProblem])
    case damaged(FileProblem)
}

/// Outcomes of work done on several threads, each put at its index, and the next index to
/// take; read back in order once all are done.
final class OrderedOutcomes<Outcome: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Outcome?]  // guarded by `lock`
    private var next = 0  // guarded by `lock`

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func nextIndex() -> Int? {
        lock.withLock {
            guard next < slots.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func put(_ outcome: Outcome, at index: Int) { lock.withLock { slots[index] = outcome } }

    func all() -> [Outcome] { lock.withLock { slots.map { $0! } } }
}
