import Foundation

/// Forms left half-filled when the program had to stop (a lost terminal, SIGHUP, SIGTERM,
/// Ctrl-C): kept in `drafts/` of the data directory, not in the ledger, until the user takes
/// them back or discards them. The contents are the app's; the store only keeps the bytes.
public enum Drafts {
    public static let folderName = "drafts"

    public struct Stored: Sendable, Equatable {
        public var name: String
        public var data: Data
        public init(name: String, data: Data) {
            self.name = name
            self.data = data
        }
    }

    static func folder(_ directory: URL) -> URL { directory.appendingPathComponent(folderName) }

    /// Every draft, oldest first (names start with their time). A draft that cannot be read is
    /// left where it is and not offered.
    public static func load(in directory: URL) -> [Stored] {
        let folder = folder(directory)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.sorted().filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.compactMap { name in
            (try? Data(contentsOf: folder.appendingPathComponent(name))).map { Stored(name: name, data: $0) }
        }
    }

    /// Writes a draft (atomically, owner-only).
    public static func save(_ data: Data, name: String, in directory: URL) throws {
        let folder = folder(directory)
        try AtomicFile.ensureDirectory(folder)
        try AtomicFile.write(data, to: folder.appendingPathComponent(name))
    }

    /// Removes a draft taken back or discarded.
    public static func remove(name: String, in directory: URL) throws {
        let url = folder(directory).appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        do {
            try FileManager.default.removeItem(at: url)
        } catch {
            throw StoreError.io(path: url.path, reason: error.localizedDescription)
        }
    }
}
