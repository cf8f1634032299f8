import Foundation

/// One JSON value of a `JSONTape`: where it is in the bytes and, for a container, where it ends.
struct JSONToken {
    enum Kind: UInt8 { case object, array, string, number, trueValue, falseValue, null }
    /// Offset of the first byte: of the string's contents (after the quote), of the number.
    var start: UInt32
    /// A string's or number's length in bytes; a container's: the index of the token after it.
    var length: UInt32
    /// A container's members (an object's: pairs).
    var count: UInt32
    var kind: Kind
    /// A string with a backslash in it (decoded apart).
    var escaped: Bool
}

/// A JSON document as a flat list of tokens, made in one pass over the bytes: an object is its
/// token followed by key, value, key, value…; an array by its elements. Strictly RFC 8259 — it
/// accepts nothing `JSONDecoder` refuses; what it refuses (a syntax error, nesting deeper than
/// `maxDepth`, a file of 4 GB) is left to `JSONDecoder`, which names the error.
final class JSONTape {
    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var tokens: UnsafeMutablePointer<JSONToken>
    private(set) var count = 0
    private var capacity: Int
    /// Set when a decode met what this path does not decide (a duplicate or escaped key looked
    /// at, `allKeys`): the value is then not used.
    var unsupported = false

    static let maxDepth = 64

    struct Refused: Error {}

    /// `bytes` must outlive the tape.
    init(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        self.bytes = bytes
        capacity = max(16, bytes.count / 16)
        tokens = .allocate(capacity: capacity)
        guard bytes.count < Int(UInt32.max) else { throw Refused() }
        var i = 0
        skipSpace(&i)
        try value(&i, depth: 0)
        skipSpace(&i)
        guard i == bytes.count else { throw Refused() }
    }

    deinit { tokens.deallocate() }

    @inline(__always)
    private func skipSpace(_ i: inout Int) {
        while i < bytes.count {
            let byte = bytes[i]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            i += 1
        }
    }

    @inline(__always)
    private func append(_ token: JSONToken) -> Int {
        if count == capacity {
            let grown = UnsafeMutablePointer<JSONToken>.allocate(capacity: capacity * 2)
            grown.moveInitialize(from: tokens, count: count)
            tokens.deallocate()
            tokens = grown
            capacity *= 2
        }
        tokens[count] = token
        count += 1
        return count - 1
    }

    private func value(_ i: inout Int, depth: Int) throws {
        guard i < bytes.count else { throw Refused() }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            guard depth < Self.maxDepth else { throw Refused() }
            let index = append(JSONToken(start: UInt32(i), length: 0, count: 0, kind: .object, escaped: false))
            i += 1
            skipSpace(&i)
            var members: UInt32 = 0
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
                i += 1
            } else {
                while true {
                    guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw Refused() }
                    try string(&i)
                    skipSpace(&i)
                    guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw Refused() }
                    i += 1
                    skipSpace(&i)
                    try value(&i, depth: depth + 1)
                    members += 1
                    skipSpace(&i)
                    guard i < bytes.count else { throw Refused() }
                    if bytes[i] == UInt8(ascii: ",") {
                        i += 1
                        skipSpace(&i)
                        continue
                    }
                    guard bytes[i] == UInt8(ascii: "}") else { throw Refused() }
                    i += 1
                    break
                }
            }
            tokens[index].length = UInt32(count)
            tokens[index].count = members
        case UInt8(ascii: "["):
            guard depth < Self.maxDepth else { throw Refused() }
            let index = append(JSONToken(start: UInt32(i), length: 0, count: 0, kind: .array, escaped: false))
            i += 1
            skipSpace(&i)
            var elements: UInt32 = 0
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
                i += 1
            } else {
                while true {
                    try value(&i, depth: depth + 1)
                    elements += 1
                    skipSpace(&i)
                    guard i < bytes.count else { throw Refused() }
                    if bytes[i] == UInt8(ascii: ",") {
                        i += 1
                        skipSpace(&i)
                        continue
                    }
                    guard bytes[i] == UInt8(ascii: "]") else { throw Refused() }
                    i += 1
                    break
                }
            }
            tokens[index].length = UInt32(count)
            tokens[index].count = elements
        case UInt8(ascii: "\""):
            try string(&i)
        case UInt8(ascii: "t"):
            try literal(&i, "true", .trueValue)
        case UInt8(ascii: "f"):
            try literal(&i, "false", .falseValue)
        case UInt8(ascii: "n"):
            try literal(&i, "null", .null)
        default:
            try number(&i)
        }
    }

    private func literal(_ i: inout Int, _ word: StaticString, _ kind: JSONToken.Kind) throws {
        let length = word.utf8CodeUnitCount
        guard i + length <= bytes.count, memcmp(bytes.baseAddress! + i, word.utf8Start, length) == 0 else { throw Refused() }
        _ = append(JSONToken(start: UInt32(i), length: UInt32(length), count: 0, kind: kind, escaped: false))
        i += length
    }

    /// A string token; `i` at the opening quote. Control characters and unknown escapes are refused;
    /// UTF-8 is checked when the string is decoded.
    private func string(_ i: inout Int) throws {
        let start = i + 1
        var j = start
        var escaped = false
        while true {
            guard j < bytes.count else { throw Refused() }
            let byte = bytes[j]
            if byte == UInt8(ascii: "\"") { break }
            if byte < 0x20 { throw Refused() }
            if byte >= 0x80 {
                j += try utf8Sequence(at: j)
                continue
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                guard j + 1 < bytes.count else { throw Refused() }
                switch bytes[j + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    j += 2
                case UInt8(ascii: "u"):
                    guard j + 5 < bytes.count else { throw Refused() }
                    for k in j + 2...j + 5 where Self.hexValue(bytes[k]) == nil { throw Refused() }
                    j += 6
                default:
                    throw Refused()
                }
                continue
            }
            j += 1
        }
        _ = append(JSONToken(start: UInt32(start), length: UInt32(j - start), count: 0, kind: .string, escaped: escaped))
        i = j + 1
    }

    /// The length of the well-formed UTF-8 sequence of more than one byte at `j` (RFC 3629: no
    /// overlong forms, surrogates or scalars above U+10FFFF). Checked here, in the strings, which
    /// are the only place such bytes may be: a file that is not UTF-8 is left to `JSONFiles.decode`,
    /// which names the offset, even where the byte is in a key or a value no model reads.
    @inline(__always)
    private func utf8Sequence(at j: Int) throws -> Int {
        let lead = bytes[j]
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF  // the second byte's range
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: throw Refused()
        }
        guard j + length <= bytes.count, bytes[j + 1] >= low, bytes[j + 1] <= high else { throw Refused() }
        for k in 2..<length where bytes[j + k] & 0xC0 != 0x80 { throw Refused() }
        return length
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    private func number(_ i: inout Int) throws {
        let start = i
        var j = i
        func digit(_ j: Int) -> Bool { j < bytes.count && bytes[j] >= UInt8(ascii: "0") && bytes[j] <= UInt8(ascii: "9") }
        if j < bytes.count, bytes[j] == UInt8(ascii: "-") { j += 1 }
        guard digit(j) else { throw Refused() }
        if bytes[j] == UInt8(ascii: "0") {
            j += 1
        } else {
            while digit(j) { j += 1 }
        }
        if j < bytes.count, bytes[j] == UInt8(ascii: ".") {
            j += 1
            guard digit(j) else { throw Refused() }
            while digit(j) { j += 1 }
        }
        if j < bytes.count, bytes[j] == UInt8(ascii: "e") || bytes[j] == UInt8(ascii: "E") {
            j += 1
            if j < bytes.count, bytes[j] == UInt8(ascii: "+") || bytes[j] == UInt8(ascii: "-") { j += 1 }
            guard digit(j) else { throw Refused() }
            while digit(j) { j += 1 }
        }
        _ = append(JSONToken(start: UInt32(start), length: UInt32(j - start), count: 0, kind: .number, escaped: false))
        i = j
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    // MARK: Reading tokens

    /// The index of the value after the one at `index` (skipping a container's contents).
    @inline(__always)
    func next(after index: Int) -> Int {
        let token = tokens[index]
        return token.kind == .object || token.kind == .array ? Int(token.length) : index + 1
    }

    /// The string at `index`, its escapes decoded; refused when it is not a string, is not
    /// UTF-8, or holds a lone surrogate.
    func string(at index: Int) throws -> String {
        let token = tokens[index]
        guard token.kind == .string else { throw Refused() }
        let raw = UnsafeBufferPointer(rebasing: bytes[Int(token.start)..<Int(token.start) + Int(token.length)])
        // The tape let only well-formed UTF-8 through: nothing for `String(decoding:)` to repair.
        if !token.escaped { return String(decoding: raw, as: UTF8.self) }
        return try unescaped(raw)
    }

    private func unescaped(_ raw: UnsafeBufferPointer<UInt8>) throws -> String {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var j = 0
        func hex4(_ at: Int) -> UInt32 {
            (Self.hexValue(raw[at])! << 12) | (Self.hexValue(raw[at + 1])! << 8) | (Self.hexValue(raw[at + 2])! << 4) | Self.hexValue(raw[at + 3])!
        }
        while j < raw.count {
            let byte = raw[j]
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                j += 1
                continue
            }
            let escape = raw[j + 1]
            j += 2
            switch escape {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex4(j)
                j += 4
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    // A high surrogate must be followed by an escaped low one.
                    guard j + 6 <= raw.count, raw[j] == UInt8(ascii: "\\"), raw[j + 1] == UInt8(ascii: "u") else { throw Refused() }
                    let low = hex4(j + 2)
                    guard low >= 0xDC00 && low < 0xE000 else { throw Refused() }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    j += 6
                } else if scalar >= 0xDC00 && scalar < 0xE000 {
                    throw Refused()
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw Refused() }
                out.append(contentsOf: UTF8.encode(unicode)!)
            default: out.append(escape)  // " \ /
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The number's bytes at `index`; refused when it is not a number.
    @inline(__always)
    func numberBytes(at index: Int) throws -> UnsafeBufferPointer<UInt8> {
        let token = tokens[index]
        guard token.kind == .number else { throw Refused() }
        return UnsafeBufferPointer(rebasing: bytes[Int(token.start)..<Int(token.start) + Int(token.length)])
    }

    /// An integer written with digits only (no fraction or exponent: those are left to
    /// `JSONDecoder`), that fits `T`.
    func integer<T: FixedWidthInteger>(at index: Int, as type: T.Type) throws -> T {
        let digits = try numberBytes(at: index)
        var negative = false
        var j = 0
        if digits[0] == UInt8(ascii: "-") { negative = true; j = 1 }
        var value: T = 0
        while j < digits.count {
            let byte = digits[j]
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { throw Refused() }
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let digit = T(byte - UInt8(ascii: "0"))
            let (sum, overflow2) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { throw Refused() }
            value = sum
            j += 1
        }
        return value
    }

    /// A number as Swift reads it (`Double(String)`), finite. A zero is taken only when written
    /// with zeros and no exponent: a zero with an exponent, or a number too small for a Double,
    /// is not decided here (JSONDecoder refuses some of these and accepts others) but left to it.
    func double(at index: Int) throws -> Double {
        let digits = try numberBytes(at: index)
        guard let value = Double(String(decoding: digits, as: UTF8.self)), value.isFinite else { throw Refused() }
        if value == 0, digits.contains(where: { $0 != UInt8(ascii: "0") && $0 != UInt8(ascii: "-") && $0 != UInt8(ascii: ".") }) {
            throw Refused()
        }
        return value
    }

    func bool(at index: Int) throws -> Bool {
        switch tokens[index].kind {
        case .trueValue: true
        case .falseValue: false
        default: throw Refused()
        }
    }

    /// Whether the bytes at `start` are `key`'s: keys are short, and most differ in the first
    /// byte, so a loop here beats a call to memcmp.
    @inline(__always)
    private func same(_ key: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        var k = 0
        while k < key.count {
            if bytes[start + k] != key[k] { return false }
            k += 1
        }
        return true
    }

    /// The value of `key` in the object at `object`, nil when it has none. A key written with
    /// escapes, or given twice, marks the decode `unsupported`.
    @inline(__always)
    func member(_ key: UnsafeBufferPointer<UInt8>, of object: Int) -> Int? {
        var i = object + 1
        let end = Int(tokens[object].length)
        var found: Int? = nil
        while i < end {
            let name = tokens[i]
            if name.escaped {
                unsupported = true
            } else if Int(name.length) == key.count, same(key, at: Int(name.start)) {
                if found != nil { unsupported = true }
                found = i + 1
            }
            i = next(after: i + 1)
        }
        return found
    }
}
