import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes that never leave a half-written file: a temporary file in the same
/// directory, fsync, rename over the target, fsync of the directory.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL, mode: mode_t = 0o600) throws {
        let temporary = try writeTemporary(data, for: url, mode: mode)
        guard rename(temporary, url.path) == 0 else {
            let reason = errnoText()
            unlink(temporary)
            throw StoreError.io(path: url.path, reason: reason)
        }
        syncDirectory(of: url)
    }

    /// Writes several files (distinct targets) as one change: all of them or none. Every
    /// temporary file is written and synced, and every target's previous contents read, first
    /// (a failure there changes nothing); then they are renamed in order, and if a rename fails,
    /// the targets already renamed get their previous contents back (atomically, by the same
    /// temporary-and-rename) or, when they did not exist, are removed. A crash between two
    /// renames can still leave the first one done: this guards against errors, not power loss.
    public static func writeAll(_ files: [(data: Data, url: URL)], mode: mode_t = 0o600) throws {
        try writeAll(files, mode: mode, rename: { Glibc.rename($0, $1) })
    }

    /// `rename` is a parameter so that tests can make a later one fail after earlier ones
    /// succeeded: a real file system rarely refuses a rename once the temporary file exists.
    static func writeAll(_ files: [(data: Data, url: URL)], mode: mode_t, rename: (String, String) -> Int32) throws {
        var temporaries: [String] = []
        defer { for path in temporaries where !path.isEmpty { unlink(path) } }  // the ones not renamed
        for file in files { temporaries.append(try writeTemporary(file.data, for: file.url, mode: mode)) }
        // What each target held, to put back if a later rename fails.
        var previous: [(data: Data, mode: mode_t)?] = []
        for file in files { previous.append(try contents(of: file.url)) }
        for (index, file) in files.enumerated() {
            guard rename(temporaries[index], file.url.path) == 0 else {
                let failure = StoreError.io(path: file.url.path, reason: errnoText())
                for done in (0..<index).reversed() { restore(previous[done], at: files[done].url) }
                throw failure
            }
            temporaries[index] = ""  // renamed: nothing left to remove
        }
        for file in files { syncDirectory(of: file.url) }
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

    /// Best effort: the rename that failed is the error the caller hears about.
    static func restore(_ previous: (data: Data, mode: mode_t)?, at url: URL) {
        if let previous {
            try? write(previous.data, to: url, mode: previous.mode)
        } else {
            unlink(url.path)
            syncDirectory(of: url)
        }
    }

    /// `.<name>.tmp-<pid>` next to the target, written, owner-only and synced; its path.
    static func writeTemporary(_ data: Data, for url: URL, mode: mode_t) throws -> String {
        let temporary = url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw StoreError.io(path: temporary, reason: errnoText()) }
        defer { close(fd) }
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
            fchmod(fd, mode)
            guard fsync(fd) == 0 else { throw StoreError.io(path: temporary, reason: errnoText()) }
        } catch {
            unlink(temporary)
            throw error
        }
        return temporary
    }

    static func syncDirectory(of url: URL) {
        let dirFD = open(url.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirFD >= 0 {
            fsync(dirFD)
            close(dirFD)
        }
    }

    /// Creates the directory (and its parents) owner-only when missing.
    public static func ensureDirectory(_ url: URL) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            if !isDirectory.boolValue { throw StoreError.notADirectory(path: url.path) }
            return
        }
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw StoreError.io(path: url.path, reason: error.localizedDescription)
        }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
