import Foundation
import AnjianModel

/// A file of one enterprise's records, named after its credit code, in a folder of the
/// data directory: saving a record costs the same whatever the size of the city's ledger.
protocol PerEnterpriseFile: Codable {
    associatedtype Record
    static var currentVersion: Int { get }
    /// The JSON key of the records, for error messages (`entries`, `hazards`).
    static var recordsKey: String { get }
    var enterpriseCode: String { get }
    var records: [Record] { get }
    static func enterpriseCode(of record: Record) -> String
    init(enterpriseCode: String, records: [Record])
}

extension LedgerStore {
    /// Every file of a folder, by enterprise credit code. A file whose records belong to
    /// another enterprise than its name says, or that does not decode, stops the load.
    static func loadFolder<File: PerEnterpriseFile>(_ type: File.Type, _ folder: URL) throws -> [String: [File.Record]] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [:] }
        var result: [String: [File.Record]] = [:]
        for name in names.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let code = String(name.dropLast(5))
            result[code] = try loadFile(File.self, enterprise: code, in: folder)
        }
        return result
    }

    /// One enterprise's file, checked as `loadFolder` checks it.
    static func loadFile<File: PerEnterpriseFile>(_ type: File.Type, enterprise code: String, in folder: URL) throws -> [File.Record] {
        let url = folder.appendingPathComponent(code + ".json")
        let file = try JSONFiles.decode(File.self, from: JSONFiles.read(url), path: url.path, supportedVersion: File.currentVersion)
        guard file.enterpriseCode == code else {
            throw StoreError.damaged(path: url.path, line: nil, column: nil, field: "enterpriseCode",
                                     reason: .wrongEnterprise(file.enterpriseCode))
        }
        for (index, record) in file.records.enumerated() where File.enterpriseCode(of: record) != code {
            throw StoreError.damaged(path: url.path, line: nil, column: nil, field: "\(File.recordsKey)[\(index)].enterpriseCode",
                                     reason: .wrongEnterprise(File.enterpriseCode(of: record)))
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
