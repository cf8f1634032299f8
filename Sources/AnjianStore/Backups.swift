import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The previous generations of the ledger's files. Before `enterprises.json`,
/// `inspectors.json` or an enterprise's file is replaced, what it held is written (atomically,
/// owner-only) to `backups/<name>.<UTC time>.json` or `backups/<folder>/<name>.<UTC time>.json`,
/// e.g. `backups/hazards/91370611778000626P.20261125T063000.123456Z.json`; the newest `keep`
/// of each file are kept. Restoring one is copying it back over the file (see docs/data-safety.md).
public enum Backups {
    public static let folderName = "backups"
    public static let keep = 5

    /// Where the previous versions of the data directory's own files go, or of the files in
    /// one of its folders (`hazards`, `supervisions`).
    public static func folder(in dataDirectory: URL, for subfolder: String? = nil) -> URL {
        let backups = dataDirectory.appendingPathComponent(folderName)
        return subfolder.map { backups.appendingPathComponent($0) } ?? backups
    }

    /// The kept versions of `file` in `folder`, oldest first.
    public static func versions(of file: URL, in folder: URL) -> [URL] {
        let stem = file.deletingPathExtension().lastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { time(of: $0, stem: stem) != nil }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// Writes `data` (what `file` held) as its newest version; its URL. The time is now, or just
    /// after the newest kept one when the clock has not moved on (or went back), so that
    /// names sort in the order the versions were made.
    static func keep(_ data: Data, of file: URL, in folder: URL, now: Date = Date()) throws -> URL {
        try AtomicFile.ensureDirectory(folder)
        let url = newVersionURL(of: file, in: folder, now: now)
        try AtomicFile.write(data, to: url, mode: 0o600)
        return url
    }

    /// `keep` without a copy, for a file about to be replaced by a rename: the file itself gets
    /// a second name in `folder`, which alone holds it once the new file takes its place. Only a
    /// regular file of ours (mode 0600, no other name, of the size read) is linked, after an
    /// fsync that makes its bytes durable; nil otherwise (or across file systems), and the
    /// caller copies with `keep`.
    static func keepByLink(of file: URL, in folder: URL, size: Int, now: Date = Date()) throws -> URL? {
        var info = stat()
        guard lstat(file.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_nlink == 1,
              info.st_mode & 0o7777 == 0o600, Int(info.st_size) == size else { return nil }
        let fd = open(file.path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard fsync(fd) == 0 else { return nil }
        try AtomicFile.ensureDirectory(folder)
        let url = newVersionURL(of: file, in: folder, now: now)
        guard link(file.path, url.path) == 0 else { return nil }
        do {
            try AtomicFile.syncDirectory(of: url)
        } catch {
            unlink(url.path)
            throw error
        }
        return url
    }

    /// The name of `file`'s next version: now, or just after the newest kept one when the clock
    /// has not moved on (or went back).
    static func newVersionURL(of file: URL, in folder: URL, now: Date) -> URL {
        let stem = file.deletingPathExtension().lastPathComponent
        var micros = Int64((now.timeIntervalSince1970 * 1_000_000).rounded(.down))
        if let newest = versions(of: file, in: folder).last.flatMap({ time(of: $0.lastPathComponent, stem: stem) }), newest >= micros {
            micros = newest + 1
        }
        return folder.appendingPathComponent("\(stem).\(stamp(micros)).json")
    }

    /// Removes all but the newest `keep` versions of `file` (best effort: one too many is harmless).
    static func prune(_ file: URL, in folder: URL) {
        let versions = versions(of: file, in: folder)
        guard versions.count > keep else { return }
        for url in versions.prefix(versions.count - keep) { unlink(url.path) }
        try? AtomicFile.syncDirectory(of: versions[0])
    }

    /// `20261125T063000.123456Z`: ISO 8601 basic format, UTC, microseconds; sorts as it reads.
    static func stamp(_ micros: Int64) -> String {
        var seconds = time_t(micros / 1_000_000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func digits(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return digits(Int(parts.tm_year) + 1900, 4) + digits(Int(parts.tm_mon) + 1, 2) + digits(Int(parts.tm_mday), 2) + "T"
            + digits(Int(parts.tm_hour), 2) + digits(Int(parts.tm_min), 2) + digits(Int(parts.tm_sec), 2)
            + "." + digits(Int(micros % 1_000_000), 6) + "Z"
    }

    /// The time in a version's name `<stem>.<stamp>.json`, in microseconds; nil for other names.
    static func time(of name: String, stem: String) -> Int64? {
        let prefix = stem + ".", suffix = ".json"
        guard name.hasPrefix(prefix), name.hasSuffix(suffix) else { return nil }
        let text = Array(name.dropFirst(prefix.count).dropLast(suffix.count).utf8)
        guard text.count == 23, text[8] == UInt8(ascii: "T"), text[15] == UInt8(ascii: "."), text[22] == UInt8(ascii: "Z") else {
            return nil
        }
        func number(_ range: Range<Int>) -> Int? {
            let slice = text[range]
            guard slice.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
            return slice.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8), let hour = number(9..<11),
              let minute = number(11..<13), let second = number(13..<15), let fraction = number(16..<22) else { return nil }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        return Int64(timegm(&parts)) * 1_000_000 + Int64(fraction)
    }
}
