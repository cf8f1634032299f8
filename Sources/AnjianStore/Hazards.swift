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

extension LedgerStore {
    public static let hazardsFolder = "hazards"

    /// All hazards by enterprise credit code. A file whose hazards belong to another
    /// enterprise than its name says, or that does not decode, stops the load.
    public static func loadHazards(_ directory: URL) throws -> [String: [Hazard]] {
        let folder = directory.appendingPathComponent(hazardsFolder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [:] }
        var result: [String: [Hazard]] = [:]
        for name in names.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            let file = try JSONFiles.decode(HazardsFile.self, from: JSONFiles.read(url), path: url.path,
                                            supportedVersion: HazardsFile.currentVersion)
            let code = String(name.dropLast(5))
            guard file.enterpriseCode == code else {
                throw StoreError.damaged(path: url.path, line: nil, column: nil, field: "enterpriseCode",
                                         reason: .wrongEnterprise(file.enterpriseCode))
            }
            for (index, hazard) in file.hazards.enumerated() where hazard.enterpriseCode != code {
                throw StoreError.damaged(path: url.path, line: nil, column: nil,
                                         field: "hazards[\(index)].enterpriseCode", reason: .wrongEnterprise(hazard.enterpriseCode))
            }
            result[code] = file.hazards
        }
        return result
    }

    /// Writes one enterprise's hazards (atomically); nothing else is touched.
    public static func saveHazards(_ hazards: [Hazard], enterprise code: String, in directory: URL) throws {
        let folder = directory.appendingPathComponent(hazardsFolder)
        try AtomicFile.ensureDirectory(folder)
        try AtomicFile.write(JSONFiles.encode(HazardsFile(enterpriseCode: code, hazards: hazards)),
                             to: folder.appendingPathComponent(code + ".json"))
    }
}
