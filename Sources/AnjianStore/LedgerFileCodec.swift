import Foundation
import AnjianModel

/// The ledger files' bytes for other modules (the sync's merge driver, issue 15): the one encoder
/// the store writes with (so a merged file is byte for byte what a save of the same records gives)
/// and the checks a load makes, without reading or writing anything.
public enum LedgerFileCodec {
    /// A file's bytes as the store writes them: sorted keys, two-space indentation, final newline.
    public static func encode<T: Encodable>(_ value: T) throws -> Data { try JSONFiles.encode(value) }

    /// A ledger file decoded as a load decodes it (UTF-8, syntax, version, fields), errors naming `path`.
    public static func decodeEnterprises(_ data: Data, path: String) throws -> EnterprisesFile {
        try JSONFiles.decode(EnterprisesFile.self, from: data, path: path, supportedVersion: EnterprisesFile.currentVersion)
    }

    public static func decodeInspectors(_ data: Data, path: String) throws -> InspectorsFile {
        try JSONFiles.decode(InspectorsFile.self, from: data, path: path, supportedVersion: InspectorsFile.currentVersion)
    }

    public static func decodeHazards(_ data: Data, path: String) throws -> HazardsFile {
        try JSONFiles.decode(HazardsFile.self, from: data, path: path, supportedVersion: HazardsFile.currentVersion)
    }

    public static func decodeSupervisions(_ data: Data, path: String) throws -> SupervisionsFile {
        try JSONFiles.decode(SupervisionsFile.self, from: data, path: path, supportedVersion: SupervisionsFile.currentVersion)
    }

    /// What makes a load refuse a hazards file for this record (fields and state that do not hold together).
    public static func errors(of hazard: Hazard) -> [ValidationIssue] { HazardsFile.errors(of: hazard) }

    /// What makes a load refuse a supervisions file for this entry.
    public static func errors(of entry: SupervisionEntry) -> [ValidationIssue] { SupervisionsFile.errors(of: entry) }
}
