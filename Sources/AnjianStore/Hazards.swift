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
    static let folder = FileProblem.Folder.hazards
    static let idKey = RecordKey.hazardID
    var records: [Hazard] { hazards }
    init(enterpriseCode: String, records: [Hazard]) { self.init(enterpriseCode: enterpriseCode, hazards: records) }
    /// Fields and a state that hold together (a closed hazard has its close date…).
    static func errors(of hazard: Hazard) -> [ValidationIssue] { hazard.consistencyIssues() }
    /// What the forms refuse but a file written before these rules (or by others) may hold: funds
    /// as text, a major hazard without a re-checker or closed without two certified verifiers and
    /// an opinion, evidence files that are not there.
    static func warnings(of hazard: Hazard, now: Date, dataDirectory: String) -> [ValidationIssue] {
        hazard.loadWarnings(dataDirectory: dataDirectory, today: CalendarDate.dayAndTime(now, in: .current).day)
    }

    static func name(of hazard: Hazard) -> String { hazard.number }
}

extension LedgerStore {
    public static let hazardsFolder = "hazards"

    /// One enterprise's hazards as they are on disk now (none when it has no file yet),
    /// checked as on load (ids within this file only).
    public static func loadHazards(enterprise code: String, in directory: URL) throws -> [Hazard] {
        try currentFile(HazardsFile.self, enterprise: code, in: directory.appendingPathComponent(hazardsFolder))
    }

    /// One enterprise's hazards as they are on disk now, with the bytes read, for a save:
    /// decoded and checked as on load unless `snapshots` knows these bytes.
    public static func readHazards(enterprise code: String, in directory: URL, snapshots: FileSnapshots?) throws -> FileContents<Hazard> {
        try readFile(HazardsFile.self, enterprise: code, in: directory.appendingPathComponent(hazardsFolder), snapshots: snapshots)
    }

    /// The hazards file as `read` with the hazard of id `changed` replaced or added: only that
    /// hazard is encoded when the bytes read allow it; the bytes are the whole file's encoding.
    public static func prepareHazardChange(_ hazards: [Hazard], changed id: String, over read: FileContents<Hazard>,
                                           enterprise code: String, in directory: URL) throws -> PreparedFile {
        try prepareChange(HazardsFile.self, hazards, changed: id, over: read, enterprise: code,
                          in: directory.appendingPathComponent(hazardsFolder))
    }

    /// Across the loaded files: a hazard id already used in another file damages the later
    /// file (its records are taken out), a hazard number used twice is a warning.
    static func checkAcrossFiles(_ load: inout FolderLoad<Hazard>, folder: URL) {
        var ids: [String: (path: String, record: Int)] = [:]
        var numbers: [String: (path: String, record: Int)] = [:]
        for code in load.records.keys.sorted() {
            let path = folder.appendingPathComponent(code + ".json").path
            let hazards = load.records[code]!
            if let index = hazards.indices.first(where: { ids[hazards[$0].id] != nil }), let first = ids[hazards[index].id] {
                let error = StoreError.duplicateRecord(path: path, record: index, key: .hazardID, value: hazards[index].id,
                                                       firstPath: first.path, firstRecord: first.record)
                load.damaged.append(FileProblem(path: path, enterpriseCode: code, folder: .hazards, error: error))
                load.records[code] = nil
                continue
            }
            for (index, hazard) in hazards.enumerated() {
                ids[hazard.id] = (path, index)
                if let first = numbers[hazard.number] {
                    let warning = StoreError.duplicateRecord(path: path, record: index, key: .hazardNumber, value: hazard.number,
                                                             firstPath: first.path, firstRecord: first.record)
                    load.warnings.append(FileProblem(path: path, enterpriseCode: code, folder: .hazards, error: warning))
                } else {
                    numbers[hazard.number] = (path, index)
                }
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
