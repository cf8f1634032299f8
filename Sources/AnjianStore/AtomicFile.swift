import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes that never leave a half-written file: a temporary file of a name nobody can guess
/// in the same directory, fsync, rename over the target, fsync of the directory; a failed
/// fsync fails the write. A target may keep its previous version (see `Backups`).
public enum AtomicFile {
    /// Tests only: a fixed suffix instead of a random one, to plant something at a temporary file's name.
    @TaskLocal static var temporarySuffix: String?

    /// One file to replace, and the folder keeping its previous version (nil: not kept).
    struct Target {
        var data: Data
        var url: URL
        var backups: URL?
    }

    public static func write(_ data: Data, to url: URL, mode: mode_t = 0o600, backups: URL? = nil) throws {
        try writeAll([Target(data: data, url: url, backups: backups)], mode: mode)
    }

    /// Writes several files (distinct targets) as one change: all of them or none. Every
    /// temporary file is written and synced, every target's previous contents read and, where
    /// asked, kept in its backups folder, first (a failure there changes nothing); then they are
    /// renamed in order, each followed by an fsync of its directory, and if a rename or a sync
    /// fails, the targets already renamed get their previous contents back (atomically, by the
    /// same temporary-and-rename) or, when they did not exist, are removed, and the previous
    /// versions kept by this write are removed. A crash between two renames can still leave the
    /// first one done: this guards against errors, not power loss.
    public static func writeAll(_ files: [(data: Data, url: URL)], mode: mode_t = 0o600) throws {
        try writeAll(files.map { Target(data: $0.data, url: $0.url) }, mode: mode)
    }

    static func writeAll(_ targets: [Target], mode: mode_t = 0o600) throws {
        try writeAll(targets, mode: mode, rename: { Glibc.rename($0, $1) })
    }

    /// `rename` is a parameter so that tests can make a later one fail after earlier ones
    /// succeeded: a real file system rarely refuses a rename once the temporary file exists.
    static func writeAll(_ files: [(data: Data, url: URL)], mode: mode_t, rename: (String, String) -> Int32) throws {
        try writeAll(files.map { Target(data: $0.data, url: $0.url) }, mode: mode, rename: rename)
    }

    static func writeAll(_ files: [Target], mode: mode_t, rename: (String, String) -> Int32) throws {
        var temporaries: [String] = [], kept: [URL] = [], succeeded = false
        defer {
            for path in temporaries where !path.isEmpty { unlink(path) }  // the ones not renamed
            if !succeeded { for url in kept { unlink(url.path) } }
        }
        for file in files { temporaries.append(try writeTemporary(file.data, for: file.url, mode: mode)) }
        // What each target held, to keep as its previous version and to put back if a later rename fails.
        var previous: [(data: Data, mode: mode_t)?] = []
        for file in files { previous.append(try contents(of: file.url)) }
        for (file, old) in zip(files, previous) {
            if let folder = file.backups, let old {
                kept.append(try Backups.keepByLink(of: file.url, in: folder, size: old.data.count) ?? Backups.keep(old.data, of: file.url, in: folder))
            }
        }
        for (index, file) in files.enumerated() {
            do {
                guard rename(temporaries[index], file.url.path) == 0 else {
                    throw StoreError.io(path: file.url.path, reason: errnoText())
                }
                temporaries[index] = ""  // renamed: nothing left to remove
                try syncDirectory(of: file.url)
            } catch {
                let renamed = temporaries[index].isEmpty ? index : index - 1
                for done in stride(from: renamed, through: 0, by: -1) { restore(previous[done], at: files[done].url) }
                throw error
            }
        }
        succeeded = true
        for file in files { if let folder = file.backups { Backups.prune(file.url, in: folder) } }
    }

    /// The target's bytes and permissions, or nil when there is no file.
    static func contents(of url: URL) throws -> (data: Data, mode: mode_t)? {
        var info = stat()
        guard stat(url.path, &info) == 0 else {
            if errno == ENOENT { return nil }
            throw StoreError.io(path: url.path, reason: errnoText())
        }
        return (try JSONFiles.read(url), info.st_mode & 0o7777)
    }

    /// Best effort: the failure that made us put it back is the error the caller hears about.
    /// (Never through `write`, whose own failure would put back again.)
    static func restore(_ previous: (data: Data, mode: mode_t)?, at url: URL) {
        if let previous {
            guard let temporary = try? writeTemporary(previous.data, for: url, mode: previous.mode) else { return }
            if Glibc.rename(temporary, url.path) != 0 { unlink(temporary) }
        } else {
            unlink(url.path)
        }
        try? syncDirectory(of: url)
    }

    /// `.<name>.tmp-<pid>-<random>` next to the target: created new (`O_EXCL`, so nothing planted
    /// at that name, a symbolic link least of all, is ever opened), written, synced; its path.
    static func writeTemporary(_ data: Data, for url: URL, mode: mode_t) throws -> String {
        let suffix = temporarySuffix ?? String(UInt64.random(in: .min ... .max), radix: 16)
        let temporary = url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(suffix)"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.io(path: temporary, reason: errnoText()) }
        var open = true
        defer { if open { close(fd) } }
        do {
            try data.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw StoreError.io(path: temporary, reason: errnoText())
                    }
                    offset += written
                }
            }
            guard fchmod(fd, mode) == 0, fsync(fd) == 0 else { throw StoreError.io(path: temporary, reason: errnoText()) }
            open = false
            guard close(fd) == 0 else { throw StoreError.io(path: temporary, reason: errnoText()) }
        } catch {
            unlink(temporary)
            throw error
        }
        return temporary
    }

    /// Makes the directory entries of `url`'s folder durable (a rename, a new file or folder).
    static func syncDirectory(of url: URL) throws {
        let path = url.deletingLastPathComponent().path
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.io(path: path, reason: errnoText()) }
        defer { close(fd) }
        // EINVAL: a file system that cannot sync directories (it keeps no more than it says).
        guard fsync(fd) == 0 || errno == EINVAL else { throw StoreError.io(path: path, reason: errnoText()) }
    }

    /// Creates the directory (and its missing parents) owner-only, each made durable in its parent.
    public static func ensureDirectory(_ url: URL) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            if !isDirectory.boolValue { throw StoreError.notADirectory(path: url.path) }
            return
        }
        try ensureDirectory(url.deletingLastPathComponent())
        guard mkdir(url.path, 0o700) == 0 else {
            let code = errno, reason = errnoText()
            guard code == EEXIST else { throw StoreError.io(path: url.path, reason: reason) }
            // Made meanwhile, or a dangling symbolic link: fine only when a directory is there now.
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue { return }
            throw StoreError.notADirectory(path: url.path)
        }
        guard chmod(url.path, 0o700) == 0 else { throw StoreError.io(path: url.path, reason: errnoText()) }  // whatever the umask
        try syncDirectory(of: url)
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
