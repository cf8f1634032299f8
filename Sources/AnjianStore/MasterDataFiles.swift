import Foundation
#if canImport(Glibc)
import Glibc
#endif
import AnjianModel

// The files a change of master data writes: `enterprises.json` and `inspectors.json` prepared to
// be written with others, and an enterprise's record files set aside after re-keying.
extension LedgerStore {
    /// The enterprise list encoded, to be written by `write(_:)` (its previous version kept in `backups/`).
    public static func prepareEnterprises(_ enterprises: [Enterprise], in directory: URL) throws -> PreparedFile {
        PreparedFile(data: try JSONFiles.encode(EnterprisesFile(enterprises: enterprises)),
                     url: directory.appendingPathComponent(enterprisesName), backups: Backups.folder(in: directory))
    }

    /// The roster encoded, to be written by `write(_:)` (its previous version kept in `backups/`).
    public static func prepareInspectors(_ inspectors: [Inspector], in directory: URL) throws -> PreparedFile {
        PreparedFile(data: try JSONFiles.encode(InspectorsFile(inspectors: inspectors)),
                     url: directory.appendingPathComponent(inspectorsName), backups: Backups.folder(in: directory))
    }

    /// Something (a file, a folder, a link, even a dangling one) stands at the enterprise's
    /// `folder/<code>.json`: its path, else nil.
    public static func recordFile(_ folder: String, enterprise code: String, in directory: URL) -> String? {
        let path = directory.appendingPathComponent(folder).appendingPathComponent(code + ".json").path
        var info = stat()
        return lstat(path, &info) == 0 ? path : nil
    }

    /// Removes the enterprise's `folder/<code>.json` once its records are written elsewhere: its
    /// bytes are first kept as its newest version in `backups/<folder>/` (as a replaced file's
    /// are), then the name is removed and the folder synced. A missing file is nothing to do.
    public static func retireRecordFile(_ folder: String, enterprise code: String, in directory: URL) throws {
        let url = directory.appendingPathComponent(folder).appendingPathComponent(code + ".json")
        guard let old = try AtomicFile.contents(of: url) else { return }
        let backups = Backups.folder(in: directory, for: folder)
        _ = try Backups.keepByLink(of: url, in: backups, size: old.data.count) ?? Backups.keep(old.data, of: url, in: backups)
        guard unlink(url.path) == 0 || errno == ENOENT else { throw StoreError.io(path: url.path, reason: AtomicFile.errnoText()) }
        try AtomicFile.syncDirectory(of: url)
        Backups.prune(url, in: backups)
    }
}
