import Foundation
import AnjianModel

/// A file of one enterprise's records, named after its credit code, in a folder of the
/// data directory: saving a record costs the same whatever the size of the city's ledger.
protocol PerEnterpriseFile: Codable, SchemaVersioned {
    associatedtype Record: LedgerRecord
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
    /// Every file of a folder, by enterprise credit code. A missing folder has no records. A
    /// file that cannot be read, does not decode, breaks a rule, holds records of another
    /// enterprise, or is not named for an enterprise of the ledger is damaged: its records are
    /// not loaded and the rest still are. A folder that cannot be listed damages them all.
    /// A record that breaks a rule a form enforces but a file written by others may break
    /// (`File.warnings`, checked against `now`) is loaded and listed in `warnings`.
    static func loadFolder<File: PerEnterpriseFile>(_ type: File.Type, _ folder: URL, enterprises: Set<String>,
                                                    now: Date) -> FolderLoad<File.Record> {
        var result = FolderLoad<File.Record>()
        let names: [String]
        do {
            guard let listed = try Reading.folder(folder) else { return result }
            names = listed
        } catch {
            result.damaged.append(FileProblem(path: folder.path, enterpriseCode: nil, folder: File.folder, error: storeError(error, folder)))
            return result
        }
        for name in names.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let code = String(name.dropLast(5))
            let path = folder.appendingPathComponent(name).path
            do {
                if !enterprises.contains(code) {
                    if let problem = CreditCode.check(code).problems.first { throw StoreError.invalidFileName(path: path, problem: problem) }
                    throw StoreError.unknownEnterprise(path: path, code: code)
                }
                let records = try loadFile(File.self, enterprise: code, in: folder)
                result.records[code] = records
                for (index, record) in records.enumerated() {
                    result.warnings += File.warnings(of: record, now: now, dataDirectory: folder.deletingLastPathComponent().path).map { issue in
                        let warning = StoreError.invalidRecord(path: path, record: index, name: File.name(of: record), issue: issue)
                        return FileProblem(path: path, enterpriseCode: code, folder: File.folder, error: warning)
                    }
                }
            } catch {
                result.damaged.append(FileProblem(path: path, enterpriseCode: code, folder: File.folder, error: storeError(error, folder)))
            }
        }
        return result
    }

    /// Loading throws only `StoreError`s; anything else is still named with its path.
    static func storeError(_ error: any Error, _ url: URL) -> StoreError {
        error as? StoreError ?? .io(path: url.path, reason: "\(error)")
    }

    /// One enterprise's file, checked as `loadFolder` checks it: its enterprise code, every
    /// record's rules, and ids unique within the file.
    static func loadFile<File: PerEnterpriseFile>(_ type: File.Type, enterprise code: String, in folder: URL) throws -> [File.Record] {
        let url = folder.appendingPathComponent(code + ".json")
        let file = try JSONFiles.decode(File.self, from: JSONFiles.read(url), path: url.path, supportedVersion: File.currentVersion)
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

    /// One enterprise's file as it is on disk now, for a save that must not lose what
    /// another program added since the ledger was loaded; a missing file has no records.
    static func currentFile<File: PerEnterpriseFile>(_ type: File.Type, enterprise code: String, in folder: URL) throws -> [File.Record] {
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(code + ".json").path) else { return [] }
        return try loadFile(File.self, enterprise: code, in: folder)
    }

    /// One enterprise's file, encoded, with where it goes (its folder is created if missing)
    /// and where its previous version is kept (`backups/<folder>`).
    static func prepareFile<File: PerEnterpriseFile>(_ type: File.Type, _ records: [File.Record], enterprise code: String,
                                                     in folder: URL) throws -> PreparedFile {
        try AtomicFile.ensureDirectory(folder)
        return PreparedFile(data: try JSONFiles.encode(File(enterpriseCode: code, records: records)),
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
