import Foundation
import AnjianModel

extension DrawRecord: SchemaVersioned {}

extension LedgerStore {
    public static let drawsFolder = "draws"

    /// The draw records of the data directory, by id; a damaged one is a `StoreError` naming it.
    public static func drawRecords(in directory: URL) throws -> [DrawRecord] {
        let folder = directory.appendingPathComponent(drawsFolder)
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { try readDrawRecord(folder.appendingPathComponent($0)) }
    }

    public static func readDrawRecord(_ url: URL) throws -> DrawRecord {
        try JSONFiles.decode(DrawRecord.self, from: JSONFiles.read(url), path: url.path, supportedVersion: DrawRecord.currentVersion)
    }

    /// Writes a new draw record under the next free id of its year (`record.id` is replaced when
    /// that one is taken on disk): never over an existing record. Returns the record as written.
    public static func writeNewDrawRecord(_ record: DrawRecord, in directory: URL) throws -> DrawRecord {
        let prepared = try prepareNewDrawRecord(record, in: directory)
        try write([prepared.file])
        return prepared.record
    }

    /// A new draw record ready to be written with other files (`write`): under the next free id
    /// of its year in `draws/` (`record.id` is replaced by it), never over an existing record.
    public static func prepareNewDrawRecord(_ record: DrawRecord, in directory: URL) throws -> (record: DrawRecord, file: PreparedFile) {
        let folder = directory.appendingPathComponent(drawsFolder)
        try AtomicFile.ensureDirectory(folder)
        var record = record
        let year = Int(record.drawnAt.prefix(4)) ?? 0
        let taken = Set((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        var sequence = 1
        let drawer = record.drawnBy.certificateNumber
        while taken.contains(DrawRecord.id(year: year, drawer: drawer, sequence: sequence) + ".json") { sequence += 1 }
        record.id = DrawRecord.id(year: year, drawer: drawer, sequence: sequence)
        return (record, PreparedFile(data: try JSONFiles.encode(record), url: folder.appendingPathComponent(record.id + ".json")))
    }
}
