import Foundation
import Testing
@testable import AnjianModel
@testable import AnjianStore
@testable import AnjianRuntime

/// The store's fast paths (issue 10) against the plain ones on the same data.
@Suite struct BlankTests {
    /// Every Unicode scalar is white space for the helpers exactly when Foundation's sets say so.
    @Test func everyScalarIsClassedAsFoundationsSetsClassIt() {
        var checked = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(scalar.inWhitespaces == CharacterSet.whitespaces.contains(scalar), "U+\(String(value, radix: 16))")
            #expect(scalar.inWhitespacesAndNewlines == CharacterSet.whitespacesAndNewlines.contains(scalar), "U+\(String(value, radix: 16))")
            checked += 1
        }
        #expect(checked > 1_100_000)
    }

    /// Strings of spaces, line breaks, CJK, combining marks and letters, mixed at random:
    /// blank exactly when trimming leaves nothing.
    @Test func blankMeansWhatTrimmingSays() {
        let pieces = ["", " ", "\t", "\n", "\r\n", "\u{3000}", "\u{A0}", "\u{2028}", "\u{85}", "\u{301}", "a", "隐患", "\u{200B}", "\u{FEFF}", "\u{0B}"]
        var random = SeededRandom(state: 10)
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...4, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            #expect(text.isBlank == text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(Array(text.unicodeScalars))")
            #expect(text.isSpacesOnly == text.trimmingCharacters(in: .whitespaces).isEmpty, "\(Array(text.unicodeScalars))")
        }
    }
}

@Suite struct ParseOnceTests {
    /// Today's checks, one after the other: what `JSONFiles.decode` did before it parsed once.
    static func checkedInOrder(_ data: Data, path: String) throws -> HazardsFile {
        if let offset = JSONFiles.firstInvalidUTF8(data) {
            let (line, column) = JSONFiles.location(of: offset, in: data)
            throw StoreError.damaged(path: path, line: line, column: column, field: nil, reason: .invalidUTF8(offset: offset))
        }
        return try JSONFiles.diagnose(HazardsFile.self, from: data, path: path, supportedVersion: 1)
    }

    static func outcome(_ body: () throws -> HazardsFile) -> Result<[Hazard], StoreError> {
        do { return .success(try body().hazards) } catch { return .failure(error as! StoreError) }
    }

    /// Seeded mutations of a demo file (truncated, bytes flipped, brackets deleted, invalid UTF-8,
    /// a field of the wrong type, another version): decoding once gives the records or the error,
    /// with its position or field, that the checks in order give.
    @Test(arguments: [5, 6, 7])
    func decodingOnceGivesWhatTheChecksInOrderGive(seed: UInt64) throws {
        let hazards = try FastStoreSamples.hazards()
        let original = [UInt8](try JSONFiles.encode(HazardsFile(enterpriseCode: hazards[0].enterpriseCode, hazards: hazards)))
        var random = SeededRandom(state: seed)
        var failures = 0
        for round in 0..<150 {
            var bytes = original
            switch Int.random(in: 0..<6, using: &random) {
            case 0: bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &random)))
            case 1:
                for _ in 0..<Int.random(in: 1...3, using: &random) {
                    bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
                }
            case 2:
                let marks = bytes.indices.filter { "{}[]\",:".utf8.contains(bytes[$0]) }
                bytes.remove(at: marks.randomElement(using: &random)!)
            case 3: bytes.insert(contentsOf: [0xFF, 0xC3, 0x28], at: Int.random(in: 0..<bytes.count, using: &random))
            case 4:
                let text = String(decoding: bytes, as: UTF8.self)
                let fields = ["\"status\" : \"registered\"", "\"level\" : \"general\"", "\"deadline\" : \""]
                let field = fields.randomElement(using: &random)!
                bytes = Array(text.replacingOccurrences(of: field, with: field.hasSuffix("\"") ? field.dropLast() + "12" : "\"x\" : 1").utf8)
            default:
                let version = Int.random(in: 0...3, using: &random)
                bytes = Array(String(decoding: bytes, as: UTF8.self)
                    .replacingOccurrences(of: "\"schemaVersion\" : 1", with: "\"schemaVersion\" : \(version)").utf8)
            }
            let data = Data(bytes)
            let once = Self.outcome { try JSONFiles.decode(HazardsFile.self, from: data, path: "/x/h.json", supportedVersion: 1) }
            let inOrder = Self.outcome { try Self.checkedInOrder(data, path: "/x/h.json") }
            #expect(once == inOrder, "round \(round)")
            if case .failure = once { failures += 1 }
        }
        #expect(failures > 75, "most mutations must fail: \(failures)")
    }

    /// A file of another version is refused as such, even when its records decode.
    @Test func aFileOfAnotherVersionThatDecodesIsRefusedAsUnsupported() throws {
        let hazards = try FastStoreSamples.hazards()
        let text = String(decoding: try JSONFiles.encode(HazardsFile(enterpriseCode: hazards[0].enterpriseCode, hazards: hazards)), as: UTF8.self)
        let newer = Data(text.replacingOccurrences(of: "\"schemaVersion\" : 1", with: "\"schemaVersion\" : 2").utf8)
        #expect(throws: StoreError.unsupportedVersion(path: "/x/h.json", found: 2, supported: 1)) {
            try JSONFiles.decode(HazardsFile.self, from: newer, path: "/x/h.json", supportedVersion: 1)
        }
    }
}

/// The demo's records, all given to one enterprise: every shape the demo holds in one file.
enum FastStoreSamples {
    static let code = "91370602469653906K"

    static func hazards(_ code: String = code) throws -> [Hazard] {
        try DemoLedger.hazards().values.flatMap { $0 }.sorted { $0.id < $1.id }.map { hazard in
            var hazard = hazard
            hazard.enterpriseCode = code
            return hazard
        }
    }

    static func entries(_ code: String = code) throws -> [SupervisionEntry] {
        try DemoLedger.supervisions().values.flatMap { $0 }.sorted { $0.id < $1.id }.map { entry in
            var entry = entry
            entry.enterpriseCode = code
            return entry
        }
    }
}
