import Foundation

/// What each per-enterprise file held when this program last read or wrote it: the size and a
/// 64-bit hash of its bytes, and the records they decoded to (checked as on load). A save still
/// reads the file; when its bytes are the ones remembered, their records are taken from here
/// instead of being decoded again, and the new file is spliced from the old bytes (see
/// `RecordSplice`). Bytes changed by another program do not match and are decoded and checked
/// in full, as without this cache; a damaged file is never remembered.
public final class FileSnapshots: @unchecked Sendable {
    struct Snapshot {
        var size: Int
        var hash: UInt64
        var records: any Sendable
    }

    private let lock = NSLock()
    private var byPath: [String: Snapshot] = [:]  // guarded by `lock`

    public init() {}

    /// The records remembered for `path` when `data` is what was read or written there.
    func records<Record>(at path: String, matching data: Data, as type: Record.Type) -> [Record]? {
        let snapshot = lock.withLock { byPath[path] }
        guard let snapshot, snapshot.size == data.count, snapshot.hash == ContentHash.of(data) else { return nil }
        return snapshot.records as? [Record]
    }

    /// Remembers that `data`, read from or written to `path`, holds `records`.
    func remember<Record: Sendable>(_ records: [Record], of data: Data, at path: String) {
        let snapshot = Snapshot(size: data.count, hash: ContentHash.of(data), records: records)
        lock.withLock { byPath[path] = snapshot }
    }

    /// Remembers a file once it is written: `records` are what its bytes hold.
    public func remember<Record: Sendable>(_ file: PreparedFile, holding records: [Record]) {
        remember(records, of: file.data, at: file.url.path)
    }

    /// Forgets a file (it will be decoded at the next save).
    public func forget(_ path: String) {
        _ = lock.withLock { byPath.removeValue(forKey: path) }
    }

    /// How many files are remembered.
    public var count: Int { lock.withLock { byPath.count } }
}

/// A fast 64-bit hash of a file's bytes (not cryptographic: it tells our own bytes from bytes
/// another program wrote, with the size compared as well), 8 bytes a step in four lanes.
enum ContentHash {
    static func of(_ data: Data) -> UInt64 {
        data.withUnsafeBytes { of($0) }
    }

    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let prime1: UInt64 = 0x9E37_79B1_85EB_CA87, prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        @inline(__always) func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
            let mixed = lane &+ word &* prime2
            return ((mixed << 31) | (mixed >> 33)) &* prime1
        }
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (prime1 &+ prime2, prime2, 0, 0 &- prime1)
        let count = bytes.count
        var offset = 0
        if let base = bytes.baseAddress {
            while offset + 32 <= count {
                lanes.0 = round(lanes.0, base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                lanes.1 = round(lanes.1, base.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
                lanes.2 = round(lanes.2, base.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
                lanes.3 = round(lanes.3, base.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
                offset += 32
            }
        }
        var hash = UInt64(count) &* prime1
        for lane in [lanes.0, lanes.1, lanes.2, lanes.3] { hash = round(hash ^ round(0, lane), prime1) }
        while offset < count {
            hash = round(hash, UInt64(bytes[offset]) &+ 1)
            offset += 1
        }
        hash ^= hash >> 29
        hash = hash &* prime2
        return hash ^ (hash >> 32)
    }
}
