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
            let path = folder.appendingPathComponent(code + ".json").path
            for (index, hazard) in hazards[code]!.enumerated() {
                if let issue = hazard.consistencyIssues().first {
                    throw StoreError.invalidRecord(path: path, record: index, name: hazard.number, issue: issue)
                }
                if !ids.insert(hazard.id).inserted {
                    throw StoreError.duplicateKey(path: path, record: index, key: hazard.id)
                }
            }
        }
        return hazards
    }

    /// Writes one enterprise's hazards (atomically); nothing else is touched.
    public static func saveHazards(_ hazards: [Hazard], enterprise code: String, in directory: URL) throws {
        try saveFile(HazardsFile.self, hazards, enterprise: code, in: directory.appendingPathComponent(hazardsFolder))
    }
}
