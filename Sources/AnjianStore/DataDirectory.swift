import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where the ledger lives: `--data DIR`, else `ANJIAN_DATA`, else the XDG data home.
public enum DataDirectory {
    public static func resolve(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let flag, !flag.isEmpty { return URL(fileURLWithPath: expandTilde(flag, environment)) }
        if let env = environment["ANJIAN_DATA"], !env.isEmpty { return URL(fileURLWithPath: expandTilde(env, environment)) }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("anjian")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/anjian")
    }

    static func expandTilde(_ path: String, _ environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = environment["HOME"] else { return path }
        return home + path.dropFirst()
    }
}

extension DataDirectory {
    /// Made ready for the copy that holds its write lock: owner-only, and without the
    /// temporary files a writer that crashed left.
    public static func prepareForWriting(_ directory: URL) throws {
        try makePrivate(directory)
        removeLeftoverTemporaries(directory)
    }

    /// The ledger holds personal data: a directory others may read or enter becomes 0700.
    /// Not ours (EPERM: a folder shared through its group) it is left as its owner made it.
    public static func makePrivate(_ directory: URL) throws {
        var info = stat()
        guard stat(directory.path, &info) == 0 else { throw StoreError.io(path: directory.path, reason: AtomicFile.errnoText()) }
        guard info.st_mode & 0o077 != 0, chmod(directory.path, 0o700) != 0, errno != EPERM else { return }
        throw StoreError.io(path: directory.path, reason: AtomicFile.errnoText())
    }

    /// Removes `.<name>.json.tmp-<pid>[-<hex>]` regular files (never links, folders or other
    /// names) in the directory, its folders and their backups. Only while we hold the lock:
    /// then no other copy is writing one.
    static func removeLeftoverTemporaries(_ directory: URL) {
        let folders = [LedgerStore.hazardsFolder, LedgerStore.supervisionsFolder]
        let places = [directory, Backups.folder(in: directory)] + folders.map { directory.appendingPathComponent($0) }
            + folders.map { Backups.folder(in: directory, for: $0) }
        for place in places {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: place.path)) ?? [] where isTemporaryName(name) {
                let path = place.appendingPathComponent(name).path
                var info = stat()
                if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG { unlink(path) }
            }
        }
    }

    /// Our temporary files' names: `.enterprises.json.tmp-4242-9f3a0c…` (and `.tmp-4242` from before).
    static func isTemporaryName(_ name: String) -> Bool {
        guard name.hasPrefix("."), let marker = name.range(of: ".json.tmp-", options: .backwards),
              marker.lowerBound > name.index(after: name.startIndex) else { return false }
        let parts = name[marker.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count <= 2, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return parts.count == 1 || (!parts[1].isEmpty && parts[1].allSatisfy { $0.isASCII && $0.isHexDigit })
    }
}
