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

extension SupervisionsFile: PerEnterpriseFile {
    static let recordsKey = "entries"
    static let folder = FileProblem.Folder.supervisions
    static let idKey = RecordKey.supervisionID
    var records: [SupervisionEntry] { entries }
    init(enterpriseCode: String, records: [SupervisionEntry]) { self.init(enterpriseCode: enterpriseCode, entries: records) }

    /// What a form refuses to save (two inspectors, valid date and phone…), and an id.
    static func errors(of entry: SupervisionEntry) -> [ValidationIssue] {
        let id = entry.id.isSpacesOnly ? [ValidationIssue(field: "id", problem: .required)] : []
        return id + entry.validate().errors
    }

    /// What a form refuses but a file written by others may hold: a visit in the future, the
    /// conclusion 未发现问题 with findings or hazards (in the user's time zone).
    static func warnings(of entry: SupervisionEntry, now: Date, dataDirectory: String) -> [ValidationIssue] { entry.ruleIssues(now: now, in: .current) }

    static func name(of entry: SupervisionEntry) -> String { entry.id }
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

    /// One enterprise's entries as they are on disk now (none when it has no file yet),
    /// checked as on load: a file that would be damaged on load is an error.
    public static func loadSupervisions(enterprise code: String, in directory: URL) throws -> [SupervisionEntry] {
        try currentFile(SupervisionsFile.self, enterprise: code, in: directory.appendingPathComponent(supervisionsFolder))
    }

    /// One enterprise's entries as they are on disk now, with the bytes read, for a save:
    /// decoded and checked as on load unless `snapshots` knows these bytes.
    public static func readSupervisions(enterprise code: String, in directory: URL,
                                        snapshots: FileSnapshots?) throws -> FileContents<SupervisionEntry> {
        try readFile(SupervisionsFile.self, enterprise: code, in: directory.appendingPathComponent(supervisionsFolder), snapshots: snapshots)
    }

    /// The entries file as `read` with the entry of id `changed` replaced or added (see `prepareHazardChange`).
    public static func prepareSupervisionChange(_ entries: [SupervisionEntry], changed id: String, over read: FileContents<SupervisionEntry>,
                                                enterprise code: String, in directory: URL) throws -> PreparedFile {
        try prepareChange(SupervisionsFile.self, entries, changed: id, over: read, enterprise: code,
                          in: directory.appendingPathComponent(supervisionsFolder))
    }

    /// One enterprise's entries encoded, to be written with other files by `write(_:)`.
    public static func prepareSupervisions(_ entries: [SupervisionEntry], enterprise code: String, in directory: URL) throws -> PreparedFile {
        try prepareFile(SupervisionsFile.self, entries, enterprise: code, in: directory.appendingPathComponent(supervisionsFolder))
    }

    /// Writes one enterprise's entries (atomically); nothing else is touched.
    public static func saveSupervisions(_ entries: [SupervisionEntry], enterprise code: String, in directory: URL) throws {
        try saveFile(SupervisionsFile.self, entries, enterprise: code, in: directory.appendingPathComponent(supervisionsFolder))
    }

    public static func loadInspectors(_ directory: URL) throws -> [Inspector] {
        let url = directory.appendingPathComponent(inspectorsName)
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        return try JSONFiles.decode(InspectorsFile.self, from: JSONFiles.read(url), path: url.path,
                                    supportedVersion: InspectorsFile.currentVersion).inspectors
    }

    public static func saveInspectors(_ inspectors: [Inspector], in directory: URL) throws {
        try AtomicFile.write(JSONFiles.encode(InspectorsFile(inspectors: inspectors)),
                             to: directory.appendingPathComponent(inspectorsName), backups: Backups.folder(in: directory))
    }
}
