import Foundation
#if canImport(Glibc)
import Glibc
#endif
import AnjianModel
import AnjianStore

/// Notices per-enterprise files changed by other programs (a sync, a restore, another tool)
/// while this one runs, so the views can show them: each call compares the files' modification
/// time, size and inode with the last call's and reads the files that changed.
public struct FileWatch: Sendable {
    struct Stamp: Equatable, Sendable {
        var inode: UInt64, size: Int64, seconds: Int, nanoseconds: Int
    }

    let directory: URL
    var stamps: [String: Stamp] = [:]
    /// The files as this program last read or wrote them: a file it wrote itself has a new
    /// stamp but the same bytes, and is not read and shown again.
    let snapshots: FileSnapshots?

    /// Starts from the files as they are now.
    public init(directory: URL, snapshots: FileSnapshots? = nil) {
        self.directory = directory
        self.snapshots = snapshots
        stamps = Self.scan(directory)
        masterStamps = Self.masterScan(directory)
    }

    var masterStamps: [String: Stamp] = [:]

    /// `enterprises.json` and `inspectors.json` when they changed since the last call (a sync
    /// merged them), read and checked as on load; `problem`: one changed but could not be read
    /// (the views keep what they had).
    public mutating func masterDataChanges() -> (enterprises: [Enterprise]?, inspectors: [Inspector]?, problem: StoreError?) {
        let now = Self.masterScan(directory)
        defer { masterStamps = now }
        var result: (enterprises: [Enterprise]?, inspectors: [Inspector]?, problem: StoreError?) = (nil, nil, nil)
        for (name, stamp) in now where masterStamps[name] != stamp {
            do {
                if name == LedgerStore.enterprisesName {
                    result.enterprises = try LedgerStore.loadEnterprises(directory.appendingPathComponent(name)).0
                } else {
                    result.inspectors = try LedgerStore.loadInspectors(directory)
                }
            } catch {
                result.problem = (error as? StoreError) ?? .io(path: directory.appendingPathComponent(name).path, reason: "\(error)")
            }
        }
        return result
    }

    static func masterScan(_ directory: URL) -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        for name in [LedgerStore.enterprisesName, LedgerStore.inspectorsName] {
            var info = stat()
            guard lstat(directory.appendingPathComponent(name).path, &info) == 0 else { continue }
            result[name] = Stamp(inode: UInt64(info.st_ino), size: Int64(info.st_size),
                                 seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec)
        }
        return result
    }

    /// The records of every file changed since the last call, and the files that changed but
    /// could not be read (each with its error: the views keep what they had, saves to it are refused).
    public mutating func changes() -> (records: WrittenRecords, problems: [FileProblem]) {
        let now = Self.scan(directory)
        var records = WrittenRecords()
        var problems: [FileProblem] = []
        for (path, stamp) in now where stamps[path] != stamp {
            let url = URL(fileURLWithPath: path)
            let code = url.deletingPathExtension().lastPathComponent
            let folder: FileProblem.Folder = url.deletingLastPathComponent().lastPathComponent == "hazards" ? .hazards : .supervisions
            do {
                switch folder {
                case .hazards:
                    let read = try LedgerStore.readHazards(enterprise: code, in: directory, snapshots: snapshots)
                    if !read.unchanged { records.hazards[code] = read.records }
                case .supervisions:
                    let read = try LedgerStore.readSupervisions(enterprise: code, in: directory, snapshots: snapshots)
                    if !read.unchanged { records.supervisions[code] = read.records }
                }
            } catch {
                let problem = (error as? StoreError) ?? .io(path: path, reason: "\(error)")
                problems.append(FileProblem(path: path, enterpriseCode: code, folder: folder, error: problem))
            }
        }
        stamps = now
        return (records, problems)
    }

    static func scan(_ directory: URL) -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        for folder in ["hazards", "supervisions"] {
            let path = directory.appendingPathComponent(folder).path
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { continue }
            for name in names where name.hasSuffix(".json") && !name.hasPrefix(".") {
                let file = path + "/" + name
                var info = stat()
                guard lstat(file, &info) == 0 else { continue }
                result[file] = Stamp(inode: UInt64(info.st_ino), size: Int64(info.st_size),
                                     seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec)
            }
        }
        return result
    }
}
