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

    /// All hazards by enterprise credit code.
    public static func loadHazards(_ directory: URL) throws -> [String: [Hazard]] {
        try loadFolder(HazardsFile.self, directory.appendingPathComponent(hazardsFolder))
    }

    /// Writes one enterprise's hazards (atomically); nothing else is touched.
    public static func saveHazards(_ hazards: [Hazard], enterprise code: String, in directory: URL) throws {
        try saveFile(HazardsFile.self, hazards, enterprise: code, in: directory.appendingPathComponent(hazardsFolder))
    }
}
