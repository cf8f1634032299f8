import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes that never leave a half-written file: a temporary file in the same
/// directory, fsync, rename over the target, fsync of the directory.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL, mode: mode_t = 0o600) throws {
        let directory = url.deletingLastPathComponent().path
        let temporary = directory + "/." + url.lastPathComponent + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw StoreError.io(path: temporary, reason: errnoText()) }
        var ok = false
        defer {
            if !ok { unlink(temporary) }
        }
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    let reason = errnoText()
                    close(fd)
                    throw StoreError.io(path: temporary, reason: reason)
                }
                offset += written
            }
        }
        fchmod(fd, mode)
        guard fsync(fd) == 0 else {
            let reason = errnoText()
            close(fd)
            throw StoreError.io(path: temporary, reason: reason)
        }
        close(fd)
        guard rename(temporary, url.path) == 0 else { throw StoreError.io(path: url.path, reason: errnoText()) }
        ok = true
        let dirFD = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
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
