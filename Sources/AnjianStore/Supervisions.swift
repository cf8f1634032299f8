import Foundation
import AnjianModel

/// `supervisions/<credit code>.json`: one enterprise's supervision entries, so that a
/// save costs the same whatever the size of the city's ledger.
public struct SupervisionsFile: Codable, Sendable {
    public static let currentVersion = 1
    public var schemaVersion: Int
    public var enterpriseCode: String
    public var entries: [SupervisionEntry]
    public init(enterpriseCode: String, entries: [SupervisionEntry]) {
        self.schemaVersion = Self.currentVersion
        self.enterpriseCode = enterpriseCode
        self.entries = entries
    }
}

/// `inspectors.json`: the inspector roster (执法检查人员名录库).
public struct InspectorsFile: Codable, Sendable {
    public static let currentVersion = 1
    public var schemaVersion: Int
    public var inspectors: [Inspector]
    public init(inspectors: [Inspector]) {
        self.schemaVersion = Self.currentVersion
        self.inspectors = inspectors
    }
}

extension LedgerStore {
    public static let inspectorsName = "inspectors.json"
    public static let supervisionsFolder = "supervisions"

    static func supervisionsURL(_ directory: URL, enterprise code: String) -> URL {
        directory.appendingPathComponent(supervisionsFolder).appendingPathComponent(code + ".json")
    }

    /// All supervision entries, by enterprise credit code. A file whose entries belong to
    /// another enterprise than its name says, or that does not decode, stops the load.
    public static func loadSupervisions(_ directory: URL) throws -> [String: [SupervisionEntry]] {
        let folder = directory.appendingPathComponent(supervisionsFolder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [:] }
        var result: [String: [SupervisionEntry]] = [:]
        for name in names.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            let file = try JSONFiles.decode(SupervisionsFile.self, from: JSONFiles.read(url), path: url.path,
                                            supportedVersion: SupervisionsFile.currentVersion)
            let code = String(name.dropLast(5))
            guard file.enterpriseCode == code else {
                throw StoreError.damaged(path: url.path, line: nil, column: nil, field: "enterpriseCode",
                                         reason: .wrongEnterprise(file.enterpriseCode))
            }
            for (index, entry) in file.entries.enumerated() where entry.enterpriseCode != code {
                throw StoreError.damaged(path: url.path, line: nil, column: nil,
                                         field: "entries[\(index)].enterpriseCode", reason: .wrongEnterprise(entry.enterpriseCode))
            }
            result[code] = file.entries
        }
        return result
    }

    /// Writes one enterprise's entries (atomically); nothing else is touched.
    public static func saveSupervisions(_ entries: [SupervisionEntry], enterprise code: String, in directory: URL) throws {
        let folder = directory.appendingPathComponent(supervisionsFolder)
        try AtomicFile.ensureDirectory(folder)
        try AtomicFile.write(JSONFiles.encode(SupervisionsFile(enterpriseCode: code, entries: entries)),
                             to: supervisionsURL(directory, enterprise: code))
    }

    public static func loadInspectors(_ directory: URL) throws -> [Inspector] {
        let url = directory.appendingPathComponent(inspectorsName)
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        return try JSONFiles.decode(InspectorsFile.self, from: JSONFiles.read(url), path: url.path,
                                    supportedVersion: InspectorsFile.currentVersion).inspectors
    }

    public static func saveInspectors(_ inspectors: [Inspector], in directory: URL) throws {
        try AtomicFile.write(JSONFiles.encode(InspectorsFile(inspectors: inspectors)),
                             to: directory.appendingPathComponent(inspectorsName))
    }
}
