import Foundation
#if canImport(Glibc)
import Glibc
#endif
import AnjianModel

/// Who holds the data directory's write lock.
public struct LockHolder: Codable, Hashable, Sendable {
    public var pid: Int32
    public var operatorName: String
    /// ISO 8601
    public var since: String
    public init(pid: Int32, operatorName: String, since: String) {
        self.pid = pid
        self.operatorName = operatorName
        self.since = since
    }
}

/// One writer at a time: an exclusive `flock` on `.anjian.lock` in the data directory.
/// The kernel releases it when the holder exits, however it exits, so a crashed holder
/// never blocks anyone. The file also says who holds it, for the others' banner.
public final class DirectoryLock: @unchecked Sendable {
    public static let fileName = ".anjian.lock"
    private var fd: Int32

    private init(fd: Int32) { self.fd = fd }

    public enum Outcome {
        case acquired(DirectoryLock)
        /// Someone else writes; their record, when readable.
        case heldBy(LockHolder?)
        /// The directory cannot be written by us at all (permissions, read-only medium).
        case notWritable
    }

    public static func acquire(_ directory: URL, holder: LockHolder) throws -> Outcome {
        let path = directory.appendingPathComponent(fileName).path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if fd < 0, errno == EACCES || errno == EROFS || errno == EPERM {
            // Still readable: open it read-only, naming a writer if one holds it.
            let reader = open(path, O_RDONLY | O_CLOEXEC)
            defer { if reader >= 0 { close(reader) } }
            if reader >= 0, flock(reader, LOCK_SH | LOCK_NB) != 0 { return .heldBy(readHolder(fd: reader)) }
            return .notWritable
        }
        guard fd >= 0 else { throw StoreError.io(path: path, reason: AtomicFile.errnoText()) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let holder = readHolder(fd: fd)
            close(fd)
            return .heldBy(holder)
        }
        let data = try JSONFiles.encode(holder)
        ftruncate(fd, 0)
        _ = data.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        fsync(fd)
        return .acquired(DirectoryLock(fd: fd))
    }

    static func readHolder(fd: Int32) -> LockHolder? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = pread(fd, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return try? JSONDecoder().decode(LockHolder.self, from: Data(buffer[0..<count]))
    }

    /// Rewrites who holds the lock (the operator became known after it was taken).
    public func update(_ holder: LockHolder) {
        guard fd >= 0, let data = try? JSONFiles.encode(holder) else { return }
        ftruncate(fd, 0)
        _ = data.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        fsync(fd)
    }

    public func release() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
