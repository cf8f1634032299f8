import Foundation

/// A per-enterprise file with one record replaced or added, made from the file's previous
/// bytes: only that record is encoded. The bytes are what `JSONFiles.encode` of the whole file
/// gives whenever the previous bytes were (files this program writes are); anything else —
/// another layout, keys other than the file's own, a records count that does not match — gives
/// nil and the caller encodes the whole file. The previous bytes are known to decode (their
/// hash matched bytes that did), so the scan checks no more than the structure it walks.
enum RecordSplice {
    /// Elements of the records array sit at depth 2 of the pretty-printed file.
    static let elementIndent = Array("    ".utf8)

    /// `old` with record `index` (of `oldCount`) replaced by `record`, or with `record` added at
    /// the end when `index` is nil. `empty`: the file encoded with no records, whose bytes around
    /// the array the old file must have.
    static func splice<Record: Encodable>(_ old: Data, oldCount: Int, replacing index: Int?, with record: Record,
                                          key: String, empty: Data) throws -> Data? {
        guard old.startIndex == 0, empty.startIndex == 0 else { return nil }
        let found = old.withUnsafeBytes { scanRecords(in: $0.bindMemory(to: UInt8.self), key: key) }
        let shape = empty.withUnsafeBytes { scanRecords(in: $0.bindMemory(to: UInt8.self), key: key) }
        guard let found, let shape, shape.elements.isEmpty, found.elements.count == oldCount else { return nil }
        // The same bytes around the array as the file written today: keys, order, version, code.
        guard old.count - found.close == empty.count - shape.close,
              old.prefix(found.open + 1).elementsEqual(empty.prefix(shape.open + 1)),
              old[found.close...].elementsEqual(empty[shape.close...]) else { return nil }
        guard hasCanonicalSeparators(old, found) else { return nil }
        let encoded = try indented(JSONFiles.encodeValue(record))
        var result = Data()
        result.reserveCapacity(old.count + encoded.count + 16)
        if let index {
            guard index < found.elements.count else { return nil }
            let range = found.elements[index]
            result.append(old[..<range.lowerBound])
            result.append(contentsOf: encoded)
            result.append(old[range.upperBound...])
        } else if let last = found.elements.last {
            result.append(old[..<last.upperBound])
            result.append(contentsOf: Array(",\n".utf8) + elementIndent)
            result.append(contentsOf: encoded)
            result.append(old[last.upperBound...])
        } else {
            result.append(old[...found.open])
            result.append(contentsOf: Array("\n".utf8) + elementIndent)
            result.append(contentsOf: encoded)
            result.append(contentsOf: Array("\n  ".utf8))
            result.append(old[found.close...])
        }
        return result
    }

    /// `[`, each element on its own line at depth 2 (`,` ending all but the last), `]` at depth 1;
    /// an empty array as the encoder writes it (`[`, an empty line, `]`).
    static func hasCanonicalSeparators(_ data: Data, _ found: (open: Int, close: Int, elements: [Range<Int>])) -> Bool {
        let base = data.startIndex
        func bytes(_ from: Int, _ to: Int) -> Data.SubSequence { data[(base + from)..<(base + to)] }
        guard let first = found.elements.first, let last = found.elements.last else {
            return bytes(found.open + 1, found.close).elementsEqual("\n\n  ".utf8)
        }
        guard bytes(found.open + 1, first.lowerBound).elementsEqual("\n    ".utf8),
              bytes(last.upperBound, found.close).elementsEqual("\n  ".utf8) else { return false }
        for (previous, next) in zip(found.elements, found.elements.dropFirst())
        where !bytes(previous.upperBound, next.lowerBound).elementsEqual(",\n    ".utf8) {
            return false
        }
        return true
    }

    /// A value encoded at depth 0, moved to depth 2: every line but an empty one (the encoder
    /// leaves the inside of `[]` and `{}` empty) gains the indent.
    static func indented(_ data: Data) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(data.count + data.count / 8)
        var previousWasNewline = false
        for byte in data {
            if previousWasNewline && byte != 0x0A { result += elementIndent }
            result.append(byte)
            previousWasNewline = byte == 0x0A
        }
        return result
    }

    /// Where the top-level object's array under `key` opens and closes, and the byte range of
    /// each of its elements (offsets from the start); nil when the structure is not that
    /// (not an object, no such array, the key twice, bytes cut short).
    static func scanRecords(in bytes: UnsafeBufferPointer<UInt8>, key: String) -> (open: Int, close: Int, elements: [Range<Int>])? {
        var scanner = StructureScanner(bytes: bytes)
        let keyBytes = Array(key.utf8)
        var found: (open: Int, close: Int, elements: [Range<Int>])?
        scanner.skipSpace()
        guard scanner.take(UInt8(ascii: "{")) else { return nil }
        scanner.skipSpace()
        if scanner.take(UInt8(ascii: "}")) { return nil }
        while true {
            scanner.skipSpace()
            let keyStart = scanner.i
            guard scanner.peek == UInt8(ascii: "\""), scanner.skipString() else { return nil }
            let isRecords = scanner.i - keyStart == keyBytes.count + 2
                && keyBytes.indices.allSatisfy { bytes[keyStart + 1 + $0] == keyBytes[$0] }
            scanner.skipSpace()
            guard scanner.take(UInt8(ascii: ":")) else { return nil }
            scanner.skipSpace()
            if isRecords {
                guard found == nil, scanner.peek == UInt8(ascii: "[") else { return nil }
                let open = scanner.i
                scanner.i += 1
                var elements: [Range<Int>] = []
                scanner.skipSpace()
                if !scanner.take(UInt8(ascii: "]")) {
                    while true {
                        scanner.skipSpace()
                        let start = scanner.i
                        guard scanner.skipValue() else { return nil }
                        elements.append(start..<scanner.i)
                        scanner.skipSpace()
                        if scanner.take(UInt8(ascii: ",")) { continue }
                        guard scanner.take(UInt8(ascii: "]")) else { return nil }
                        break
                    }
                }
                found = (open, scanner.i - 1, elements)
            } else {
                guard scanner.skipValue() else { return nil }
            }
            scanner.skipSpace()
            if scanner.take(UInt8(ascii: ",")) { continue }
            guard scanner.take(UInt8(ascii: "}")) else { return nil }
            return found
        }
    }
}

/// Walks JSON structure over bytes: strings (with their escapes), nesting, nothing more.
struct StructureScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0

    var peek: UInt8? { i < bytes.count ? bytes[i] : nil }

    mutating func take(_ byte: UInt8) -> Bool {
        guard i < bytes.count, bytes[i] == byte else { return false }
        i += 1
        return true
    }

    mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    /// From an opening quote to just past its closing quote: `memchr` finds each quote, and one
    /// behind an odd number of backslashes is escaped (most of a file is text inside strings).
    mutating func skipString() -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var from = i + 1
        while from < bytes.count {
            guard let found = memchr(base + from, Int32(UInt8(ascii: "\"")), bytes.count - from) else { return false }
            let quote = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            var backslashes = 0
            while quote - backslashes - 1 > i, bytes[quote - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
            if backslashes.isMultiple(of: 2) {
                i = quote + 1
                return true
            }
            from = quote + 1
        }
        return false
    }

    /// One value: an object or array to its matching close, a string, or a bare word (number,
    /// `true`, `false`, `null`) to the next delimiter.
    mutating func skipValue() -> Bool {
        guard let first = peek else { return false }
        switch first {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while i < bytes.count {
                switch bytes[i] {
                case UInt8(ascii: "\""):
                    guard skipString() else { return false }
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { i += 1; return true }
                default: break
                }
                i += 1
            }
            return false
        case UInt8(ascii: "\""):
            return skipString()
        default:
            let start = i
            while i < bytes.count {
                switch bytes[i] {
                case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09: return i > start
                default: i += 1
                }
            }
            return i > start
        }
    }
}
