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
            let url = folder.appendingPathComponent(name)
            let file = try JSONFiles.decode(File.self, from: JSONFiles.read(url), path: url.path, supportedVersion: File.currentVersion)
            let code = String(name.dropLast(5))
            guard file.enterpriseCode == code else {
                throw StoreError.damaged(path: url.path, line: nil, column: nil, field: "enterpriseCode",
                                         reason: .wrongEnterprise(file.enterpriseCode))
            }
            for (index, record) in file.records.enumerated() where File.enterpriseCode(of: record) != code {
                throw StoreError.damaged(path: url.path, line: nil, column: nil, field: "\(File.recordsKey)[\(index)].enterpriseCode",
                                         reason: .wrongEnterprise(File.enterpriseCode(of: record)))
            }
            result[code] = file.records
        }
        return result
    }

    /// Writes one enterprise's file (atomically); nothing else is touched.
    static func saveFile<File: PerEnterpriseFile>(_ type: File.Type, _ records: [File.Record], enterprise code: String, in folder: URL) throws {
        try AtomicFile.ensureDirectory(folder)
        try AtomicFile.write(JSONFiles.encode(File(enterpriseCode: code, records: records)),
                             to: folder.appendingPathComponent(code + ".json"))
    }
}
