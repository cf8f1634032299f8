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
/// A flock guards a file, not a path: the lock remembers which directory and which lock file
/// it was taken on, and `verify()` checks before each write that the path still leads to them.
public final class DirectoryLock: @unchecked Sendable {
    public static let fileName = ".anjian.lock"
    private var fd: Int32
    /// The directory's path, and which directory and lock file (st_dev, st_ino) it led to when the lock was taken.
    private let taken: (path: String, directory: FileID, lockFile: FileID)

    private init(fd: Int32, taken: (path: String, directory: FileID, lockFile: FileID)) {
        self.fd = fd
        self.taken = taken
    }

    public enum Outcome {
        case acquired(DirectoryLock)
        /// Someone else writes; their record, when readable.
        case heldBy(LockHolder?)
        /// The directory cannot be written by us at all (permissions, read-only medium).
        case notWritable
    }

    /// Never follows a symbolic link at the lock path (it could lead to any file, which we
    /// would overwrite) and opens nothing but a regular file (a FIFO would block a reader):
    /// either is `StoreError.unsafeLockFile`. The lock file is opened relative to the
    /// directory whose identity is kept, so both belong together.
    public static func acquire(_ directory: URL, holder: LockHolder) throws -> Outcome {
        let path = directory.appendingPathComponent(fileName).path
        let dirFD = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dirFD >= 0 else { throw StoreError.io(path: directory.path, reason: AtomicFile.errnoText()) }
        defer { close(dirFD) }
        let safe = O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC
        let fd = openat(dirFD, fileName, O_RDWR | O_CREAT | safe, 0o600)
        if fd < 0, errno == EACCES || errno == EROFS || errno == EPERM {
            // Still readable: open it read-only, naming a writer if one holds it.
            let reader = openat(dirFD, fileName, O_RDONLY | safe)
            defer { if reader >= 0 { close(reader) } }
            if reader < 0, errno == ELOOP { throw StoreError.unsafeLockFile(path: path) }
            if reader >= 0, FileID(fd: reader)?.isRegular != true { throw StoreError.unsafeLockFile(path: path) }
            if reader >= 0, flock(reader, LOCK_SH | LOCK_NB) != 0 { return .heldBy(readHolder(fd: reader)) }
            return .notWritable
        }
        if fd < 0, errno == ELOOP || errno == EISDIR || errno == ENXIO { throw StoreError.unsafeLockFile(path: path) }
        guard fd >= 0 else { throw StoreError.io(path: path, reason: AtomicFile.errnoText()) }
        guard let directoryID = FileID(fd: dirFD), let lockID = FileID(fd: fd), lockID.isRegular else {
            close(fd)
            throw StoreError.unsafeLockFile(path: path)
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let holder = readHolder(fd: fd)
            close(fd)
            return .heldBy(holder)
        }
        let lock = DirectoryLock(fd: fd, taken: (directory.path, directoryID, lockID))
        lock.update(holder)
        return .acquired(lock)
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

    /// Throws `StoreError.lockLost` unless the lock still guards the data directory: the
    /// directory at the path is the one locked (not moved away and replaced by a copy), the
    /// lock file at its path is the one we hold (not removed, nor replaced by another copy's),
    /// and we hold it. Called before every write.
    public func verify() throws {
        func lost(_ reason: LockLoss) -> StoreError { .lockLost(path: taken.path, reason: reason) }
        guard fd >= 0, flock(fd, LOCK_EX | LOCK_NB) == 0 else { throw lost(.released) }
        guard FileID(path: taken.path, follow: true) == taken.directory else { throw lost(.directoryReplaced) }
        guard let current = FileID(path: taken.path + "/" + Self.fileName, follow: false) else {
            throw lost(errno == ENOENT ? .lockFileRemoved : .lockFileReplaced)
        }
        guard current == taken.lockFile else { throw lost(.lockFileReplaced) }
    }

    public func release() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}

/// Which file a path or descriptor is: device and inode (and whether it is a regular file).
struct FileID: Equatable {
    var device: UInt64
    var inode: UInt64
    var isRegular: Bool

    init?(fd: Int32) {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        self.init(info)
    }

    init?(path: String, follow: Bool) {
        var info = stat()
        guard (follow ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
        self.init(info)
    }

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        isRegular = info.st_mode & S_IFMT == S_IFREG
    }
}
