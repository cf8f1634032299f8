import Foundation
import AnjianModel

/// A file that carries `schemaVersion`: checked on the decoded value, so a file is parsed once.
protocol SchemaVersioned: Decodable {
    var schemaVersion: Int { get }
}

/// Reading and writing the ledger's JSON files: pretty-printed, keys sorted, a
/// trailing newline, so that `git diff` of a data directory reads well.
enum JSONFiles {
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        var data = try encodeValue(value)
        data.append(0x0A)
        return data
    }

    /// A value as it is written in a file, without the file's final newline.
    static func encodeValue<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// A file's bytes; what cannot be read is `StoreError.unreadable` with its reason.
    static func read(_ url: URL) throws -> Data {
        try Reading.file(url)
    }

    /// Decodes, checks the schema version on the decoded value, and turns what goes wrong into
    /// `StoreError.damaged` naming the line and column or the field. The file is parsed once
    /// when it is fine; only a file that fails is examined again, in the order of the checks
    /// (invalid UTF-8, syntax, not an object, the version, then the field), so that each error
    /// is the one the first failing check names.
    static func decode<T: SchemaVersioned>(_ type: T.Type, from data: Data, path: String, supportedVersion: Int) throws -> T {
        if let offset = firstInvalidUTF8(data) {
            let (line, column) = location(of: offset, in: data)
            throw StoreError.damaged(path: path, line: line, column: column, field: nil, reason: .invalidUTF8(offset: offset))
        }
        if let value = try? JSONDecoder().decode(T.self, from: data), value.schemaVersion == supportedVersion {
            return value
        }
        return try diagnose(T.self, from: data, path: path, supportedVersion: supportedVersion)
    }

    /// Why a file did not decode (or is of another version): the checks in their order, each
    /// with the position or field it names. Only ever throws.
    static func diagnose<T: Decodable>(_ type: T.Type, from data: Data, path: String, supportedVersion: Int) throws -> T {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            let (line, column) = syntaxErrorLocation(in: data)
            throw StoreError.damaged(path: path, line: line, column: column, field: nil, reason: .invalidJSON)
        }
        guard let top = object as? [String: Any] else {
            throw StoreError.damaged(path: path, line: 1, column: 1, field: nil, reason: .notAnObject)
        }
        guard let version = top["schemaVersion"] as? Int else {
            throw StoreError.damaged(path: path, line: nil, column: nil, field: "schemaVersion", reason: .missingVersion)
        }
        guard version == supportedVersion else {
            throw StoreError.unsupportedVersion(path: path, found: version, supported: supportedVersion)
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            let (field, reason) = describe(error)
            throw StoreError.damaged(path: path, line: nil, column: nil, field: field, reason: reason)
        } catch {
            throw StoreError.damaged(path: path, line: nil, column: nil, field: nil, reason: .other("\(error)"))
        }
    }

    static func fieldPath(_ path: [CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text
    }

    static func describe(_ error: DecodingError) -> (String?, Damage) {
        switch error {
        case .keyNotFound(let key, let context):
            return (fieldPath(context.codingPath + [key]), .missingField)
        case .typeMismatch(let type, let context):
            return (fieldPath(context.codingPath), .wrongType("\(type)"))
        case .valueNotFound(let type, let context):
            return (fieldPath(context.codingPath), .wrongType("\(type)"))
        case .dataCorrupted(let context):
            // "Cannot initialize RiskGrade from invalid String value medium"
            if let range = context.debugDescription.range(of: "invalid String value ") {
                return (fieldPath(context.codingPath), .invalidValue(String(context.debugDescription[range.upperBound...])))
            }
            return (fieldPath(context.codingPath), .other(context.debugDescription))
        @unknown default:
            return (nil, .other("\(error)"))
        }
    }

    /// JSONSerialization reports a byte offset or a line; we report line and column,
    /// found by scanning for the first byte that makes the document invalid.
    static func syntaxErrorLocation(in data: Data) -> (Int?, Int?) {
        guard let offset = firstInvalidOffset(data) else { return (nil, nil) }
        return location(of: offset, in: data)
    }

    /// The line and column (in characters, from 1) of a byte offset.
    static func location(of offset: Int, in data: Data) -> (Int, Int) {
        var line = 1, column = 1
        for byte in data.prefix(offset) {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }

    /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence.
    static func firstInvalidUTF8(_ data: Data) -> Int? {
        if String(validating: data, as: UTF8.self) != nil { return nil }
        var offset = 0
        var decoder = UTF8()
        var bytes = data.makeIterator()
        while true {
            switch decoder.decode(&bytes) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// The offset where the longest valid prefix ends, found by bisection over
    /// truncated documents is unreliable; instead walk the tokens with a tiny scanner.
    static func firstInvalidOffset(_ data: Data) -> Int? {
        var scanner = JSONSyntaxScanner(bytes: [UInt8](data))
        return scanner.firstError()
    }
}

/// A minimal JSON syntax checker that only finds where a document goes wrong.
struct JSONSyntaxScanner {
    let bytes: [UInt8]
    var i = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func firstError() -> Int? {
        do {
            skipSpace()
            try value()
            skipSpace()
            return i < bytes.count ? i : nil
        } catch {
            return min(i, bytes.count)
        }
    }

    struct Failure: Error {}

    mutating func skipSpace() {
        while i < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i += 1 }
    }

    mutating func expect(_ byte: UInt8) throws {
        guard i < bytes.count, bytes[i] == byte else { throw Failure() }
        i += 1
    }

    mutating func value() throws {
        guard i < bytes.count else { throw Failure() }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1; skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return }
            while true {
                skipSpace(); try string(); skipSpace(); try expect(UInt8(ascii: ":")); skipSpace(); try value(); skipSpace()
                guard i < bytes.count else { throw Failure() }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                try expect(UInt8(ascii: "}")); return
            }
        case UInt8(ascii: "["):
            i += 1; skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return }
            while true {
                skipSpace(); try value(); skipSpace()
                guard i < bytes.count else { throw Failure() }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                try expect(UInt8(ascii: "]")); return
            }
        case UInt8(ascii: "\""):
            try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default:
            try number()
        }
    }

    mutating func literal(_ word: String) throws {
        for byte in word.utf8 { try expect(byte) }
    }

    mutating func string() throws {
        try expect(UInt8(ascii: "\""))
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") { i += 1; return }
            if byte < 0x20 { throw Failure() }
            i += byte == UInt8(ascii: "\\") ? 2 : 1
        }
        throw Failure()
    }

    mutating func number() throws {
        let start = i
        while i < bytes.count, "+-0123456789.eE".utf8.contains(bytes[i]) { i += 1 }
        if i == start { throw Failure() }
    }
}

extension LedgerManifest: SchemaVersioned {}
extension EnterprisesFile: SchemaVersioned {}
extension InspectorsFile: SchemaVersioned {}
extension HazardsFile: SchemaVersioned {}
extension SupervisionsFile: SchemaVersioned {}
extension ConfigFile: SchemaVersioned {}
