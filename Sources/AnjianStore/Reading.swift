import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reading files and listing folders with the system's own calls, so that what goes wrong is
/// known by its errno or by what stands at the path (a folder, a FIFO, a dangling link), and
/// worded by the UI in the user's language rather than by Foundation.
enum Reading {
    /// The bytes of a regular file (a symbolic link to one is followed). Anything else at the
    /// path is an error naming it; a FIFO or device is never opened.
    static func file(_ url: URL) throws -> Data {
        let path = url.path
        var info = stat()
        guard stat(path, &info) == 0 else { throw failure(path, errno) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw StoreError.unreadable(path: path, reason: .notAFile(kind(info.st_mode))) }
        // O_NONBLOCK: should a FIFO have replaced the file since `stat`, opening it does not wait.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw failure(path, errno) }
        defer { close(fd) }
        guard fstat(fd, &info) == 0 else { throw failure(path, errno) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw StoreError.unreadable(path: path, reason: .notAFile(kind(info.st_mode))) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count == 0 { return data }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(path, errno)
            }
            data.append(contentsOf: buffer[..<count])
        }
    }

    /// The names in a folder (not `.` and `..`), or nil when nothing is at the path. Something
    /// else than a folder there, a dangling link, or a folder that cannot be listed is an error.
    static func folder(_ url: URL) throws -> [String]? {
        let path = url.path
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT, linkTarget(path) == nil { return nil }
            throw failure(path, code)
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw StoreError.unreadable(path: path, reason: .notAFolder(kind(info.st_mode))) }
        guard let stream = opendir(path) else { throw failure(path, errno) }
        defer { closedir(stream) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 { throw failure(path, errno) }
                return names
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != ".", name != ".." { names.append(name) }
        }
    }

    /// The error for a failed call: a dangling symbolic link is named as such.
    static func failure(_ path: String, _ code: Int32) -> StoreError {
        if code == ENOENT, let target = linkTarget(path) { return .unreadable(path: path, reason: .danglingLink(target)) }
        return .unreadable(path: path, reason: .system(code))
    }

    /// Where the symbolic link at `path` points, or nil when `path` is not one.
    static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func kind(_ mode: mode_t) -> FileKind {
        switch mode & S_IFMT {
        case S_IFREG: return .regularFile
        case S_IFDIR: return .directory
        case S_IFIFO: return .fifo
        case S_IFSOCK: return .socket
        case S_IFCHR, S_IFBLK: return .device
        default: return .other
        }
    }
}
