import Foundation
import AnjianModel

/// A faster way to the value `JSONDecoder().decode(T.self, from: data)` gives, for the large
/// per-enterprise files: one pass over the bytes makes a `JSONTape`, and the models' own
/// `Decodable` conformances read it through a `Decoder` that finds an object's keys by a scan
/// of its few members (no dictionary per object). The models' Codable code stays the one
/// place that says how a record decodes.
///
/// It answers only when sure: anything it does not decide exactly as `JSONDecoder` (a syntax
/// error, a wrong type, a missing key, invalid UTF-8, a number written with an exponent where
/// an integer is wanted, a duplicate key…) gives nil, and the caller decodes with
/// `JSONDecoder`, whose errors name the position or the field.
enum FastJSONDecoder {
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) -> T? {
        data.withUnsafeBytes { raw -> T? in
            guard raw.count > 0 else { return nil }
            guard let tape = try? JSONTape(raw.bindMemory(to: UInt8.self)) else { return nil }
            guard let value = try? TapeDecoder(tape: tape, index: 0).decodeValue(T.self), !tape.unsupported else { return nil }
            return value
        }
    }
}

/// Types `JSONDecoder` decodes in its own way rather than through their `init(from:)`: left to it.
private func decodedApartByJSONDecoder<T>(_ type: T.Type) -> Bool {
    T.self == Data.self || T.self == URL.self || T.self == Decimal.self || T.self == Date.self
}

/// The decoder of one value of the tape (two words: passed as `any Decoder` without allocating).
struct TapeDecoder: Decoder, SingleValueDecodingContainer {
    let tape: JSONTape
    let index: Int

    // The models never read the coding path; errors here are never shown (JSONDecoder's are).
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    @inline(__always)
    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == String.self { return unsafeBitCast(try tape.string(at: index), to: T.self) }
        if decodedApartByJSONDecoder(T.self) { throw JSONTape.Refused() }
        return try T(from: self)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard tape.tokens[index].kind == .object else { throw JSONTape.Refused() }
        return KeyedDecodingContainer(TapeKeyedContainer<Key>(tape: tape, object: index))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let token = tape.tokens[index]
        guard token.kind == .array else { throw JSONTape.Refused() }
        return TapeUnkeyedContainer(tape: tape, cursor: UInt32(index + 1), position: 0, end: token.length, elements: token.count)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    // MARK: SingleValueDecodingContainer

    func decodeNil() -> Bool { tape.tokens[index].kind == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try tape.bool(at: index) }
    func decode(_ type: String.Type) throws -> String { try tape.string(at: index) }
    func decode(_ type: Double.Type) throws -> Double { try tape.double(at: index) }
    func decode(_ type: Float.Type) throws -> Float { throw JSONTape.Refused() }
    func decode(_ type: Int.Type) throws -> Int { try tape.integer(at: index, as: Int.self) }
    func decode(_ type: Int8.Type) throws -> Int8 { try tape.integer(at: index, as: Int8.self) }
    func decode(_ type: Int16.Type) throws -> Int16 { try tape.integer(at: index, as: Int16.self) }
    func decode(_ type: Int32.Type) throws -> Int32 { try tape.integer(at: index, as: Int32.self) }
    func decode(_ type: Int64.Type) throws -> Int64 { try tape.integer(at: index, as: Int64.self) }
    func decode(_ type: UInt.Type) throws -> UInt { try tape.integer(at: index, as: UInt.self) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try tape.integer(at: index, as: UInt8.self) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try tape.integer(at: index, as: UInt16.self) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try tape.integer(at: index, as: UInt32.self) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try tape.integer(at: index, as: UInt64.self) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeValue(T.self) }
}

/// An object's members, found by key with `JSONTape.member`.
struct TapeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let tape: JSONTape
    let object: Int

    var codingPath: [any CodingKey] { [] }

    /// Used by dictionaries, which `JSONDecoder` may treat apart: left to it.
    var allKeys: [Key] {
        tape.unsupported = true
        return []
    }

    @inline(__always)
    private func find(_ key: Key) -> Int? {
        var name = key.stringValue
        return name.withUTF8 { tape.member($0, of: object) }
    }

    /// The value of a key that must be there.
    @inline(__always)
    private func value(_ key: Key) throws -> Int {
        guard let index = find(key) else { throw JSONTape.Refused() }
        return index
    }

    /// The value of a key that may be missing or null (`decodeIfPresent`): nil then.
    @inline(__always)
    private func presentValue(_ key: Key) -> Int? {
        guard let index = find(key), tape.tokens[index].kind != .null else { return nil }
        return index
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }
    func decodeNil(forKey key: Key) throws -> Bool { tape.tokens[try value(key)].kind == .null }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try tape.bool(at: value(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try tape.string(at: value(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try tape.double(at: value(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { throw JSONTape.Refused() }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try tape.integer(at: value(key), as: Int.self) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try tape.integer(at: value(key), as: Int8.self) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try tape.integer(at: value(key), as: Int16.self) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try tape.integer(at: value(key), as: Int32.self) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try tape.integer(at: value(key), as: Int64.self) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try tape.integer(at: value(key), as: UInt.self) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try tape.integer(at: value(key), as: UInt8.self) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try tape.integer(at: value(key), as: UInt16.self) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try tape.integer(at: value(key), as: UInt32.self) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try tape.integer(at: value(key), as: UInt64.self) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try TapeDecoder(tape: tape, index: value(key)).decodeValue(T.self)
    }

    // `decodeIfPresent`: nil for a missing key or null, as `JSONDecoder`; a value of the wrong type throws.
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let index = presentValue(key) else { return nil }
        return try tape.string(at: index)
    }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        guard let index = presentValue(key) else { return nil }
        return try tape.bool(at: index)
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        guard let index = presentValue(key) else { return nil }
        return try tape.integer(at: index, as: Int.self)
    }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        guard let index = presentValue(key) else { return nil }
        return try tape.double(at: index)
    }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let index = presentValue(key) else { return nil }
        return try TapeDecoder(tape: tape, index: index).decodeValue(T.self)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try TapeDecoder(tape: tape, index: value(key)).container(keyedBy: NestedKey.self)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try TapeDecoder(tape: tape, index: value(key)).unkeyedContainer()
    }
    func superDecoder() throws -> any Decoder { throw JSONTape.Refused() }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw JSONTape.Refused() }
}

/// An array's elements in order. Three words, so that the existential holds it without a box.
struct TapeUnkeyedContainer: UnkeyedDecodingContainer {
    let tape: JSONTape
    /// The token of the next element, and how many were decoded.
    var cursor: UInt32
    var position: UInt32
    /// The token after the array, and its count of elements.
    let end: UInt32
    let elements: UInt32

    var codingPath: [any CodingKey] { [] }
    var count: Int? { Int(elements) }
    var isAtEnd: Bool { cursor >= end }
    var currentIndex: Int { Int(position) }

    /// The next element's token, stepping past it.
    @inline(__always)
    private mutating func take() throws -> Int {
        guard cursor < end else { throw JSONTape.Refused() }
        let index = Int(cursor)
        cursor = UInt32(tape.next(after: index))
        position += 1
        return index
    }

    /// The next element read by `read`; stepped past only when it was read, as JSONDecoder
    /// (a failed element is not consumed).
    @inline(__always)
    private mutating func step<Value>(_ read: (Int) throws -> Value) throws -> Value {
        guard cursor < end else { throw JSONTape.Refused() }
        let value = try read(Int(cursor))
        cursor = UInt32(tape.next(after: Int(cursor)))
        position += 1
        return value
    }

    mutating func decodeNil() throws -> Bool {
        guard cursor < end else { throw JSONTape.Refused() }
        // As JSONDecoder: a null is consumed, anything else stays for the next decode.
        guard tape.tokens[Int(cursor)].kind == .null else { return false }
        _ = try take()
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try step { [tape] in try tape.bool(at: $0) } }
    mutating func decode(_ type: String.Type) throws -> String { try step { [tape] in try tape.string(at: $0) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try step { [tape] in try tape.double(at: $0) } }
    mutating func decode(_ type: Float.Type) throws -> Float { throw JSONTape.Refused() }
    mutating func decode(_ type: Int.Type) throws -> Int { try step { [tape] in try tape.integer(at: $0, as: Int.self) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try step { [tape] in try tape.integer(at: $0, as: Int8.self) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try step { [tape] in try tape.integer(at: $0, as: Int16.self) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try step { [tape] in try tape.integer(at: $0, as: Int32.self) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try step { [tape] in try tape.integer(at: $0, as: Int64.self) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try step { [tape] in try tape.integer(at: $0, as: UInt.self) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try step { [tape] in try tape.integer(at: $0, as: UInt8.self) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try step { [tape] in try tape.integer(at: $0, as: UInt16.self) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try step { [tape] in try tape.integer(at: $0, as: UInt32.self) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try step { [tape] in try tape.integer(at: $0, as: UInt64.self) } }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try step { [tape] in try TapeDecoder(tape: tape, index: $0).decodeValue(T.self) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        guard cursor < end else { throw JSONTape.Refused() }
        let container = try TapeDecoder(tape: tape, index: Int(cursor)).container(keyedBy: NestedKey.self)
        _ = try take()
        return container
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard cursor < end else { throw JSONTape.Refused() }
        let container = try TapeDecoder(tape: tape, index: Int(cursor)).unkeyedContainer()
        _ = try take()
        return container
    }
    mutating func superDecoder() throws -> any Decoder { throw JSONTape.Refused() }
}

extension LedgerStore {
    /// For the benchmark: a hazards file's records decoded by `JSONDecoder`, or by `FastJSONDecoder`
    /// (nil when it leaves the file to `JSONDecoder`).
    public static func decodeHazardsForBenchmark(_ data: Data, fast: Bool) throws -> [Hazard]? {
        fast ? FastJSONDecoder.decode(HazardsFile.self, from: data)?.hazards : try JSONDecoder().decode(HazardsFile.self, from: data).hazards
    }
}
