import Foundation
import AnjianModel

/// `hazards/<credit code>.json`: one enterprise's hazards, so that a save costs the same
/// whatever the size of the city's ledger.
public struct HazardsFile: Codable, Sendable {
    public static let currentVersion = 1
    public var schemaVersion: Int
    public var enterpriseCode: String
    public var hazards: [Hazard]
    public init(enterpriseCode: String, hazards: [Hazard]) {
        self.schemaVersion = Self.currentVersion
        self.enterpriseCode = enterpriseCode
        self.hazards = hazards
    }
}

extension HazardsFile: PerEnterpriseFile {
    static let recordsKey = "hazards"
    var records: [Hazard] { hazards }
    static func enterpriseCode(of record: Hazard) -> String { record.enterpriseCode }
    init(enterpriseCode: String, records: [Hazard]) { self.init(enterpriseCode: enterpriseCode, hazards: records) }
}

extension LedgerStore {
    public static let hazardsFolder = "hazards"

    /// All hazards by enterprise credit code. A record whose fields or state do not hold
    /// together, or a repeated id, stops the load with the file, record and field.
    public static func loadHazards(_ directory: URL) throws -> [String: [Hazard]] {
        let folder = directory.appendingPathComponent(hazardsFolder)
        let hazards = try loadFolder(HazardsFile.self, folder)
        var ids: Set<String> = []
        for code in hazards.keys.sorted() {
            try check(hazards[code]!, path: folder.appendingPathComponent(code + ".json").path, ids: &ids)
        }
        return hazards
    }

    /// One enterprise's hazards as they are on disk now (none when it has no file yet),
    /// checked as `loadHazards` checks them (ids within this file only).
    public static func loadHazards(enterprise code: String, in directory: URL) throws -> [Hazard] {
        let folder = directory.appendingPathComponent(hazardsFolder)
        let hazards = try currentFile(HazardsFile.self, enterprise: code, in: folder)
        var ids: Set<String> = []
        try check(hazards, path: folder.appendingPathComponent(code + ".json").path, ids: &ids)
        return hazards
    }

    static func check(_ hazards: [Hazard], path: String, ids: inout Set<String>) throws {
        for (index, hazard) in hazards.enumerated() {
            if let issue = hazard.consistencyIssues().first {
                throw StoreError.invalidRecord(path: path, record: index, name: hazard.number, issue: issue)
            }
            if !ids.insert(hazard.id).inserted {
                throw StoreError.duplicateKey(path: path, record: index, key: hazard.id)
            }
        }
    }

    /// One enterprise's hazards encoded, to be written with other files by `write(_:)`.
    public static func prepareHazards(_ hazards: [Hazard], enterprise code: String, in directory: URL) throws -> PreparedFile {
        try prepareFile(HazardsFile.self, hazards, enterprise: code, in: directory.appendingPathComponent(hazardsFolder))
    }

    /// Writes one enterprise's hazards (atomically); nothing else is touched.
    public static func saveHazards(_ hazards: [Hazard], enterprise code: String, in directory: URL) throws {
        try saveFile(HazardsFile.self, hazards, enterprise: code, in: directory.appendingPathComponent(hazardsFolder))
    }
}
