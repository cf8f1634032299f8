import Foundation
import Testing
import AnjianGenerator
@testable import AnjianModel
@testable import AnjianStore

/// The tape decoder (`FastJSONDecoder`) against `JSONDecoder`: on good files the same records;
/// on damaged ones the same records or it gives up, and then the error is the one the plain
/// path gives, position and field included.
@Suite struct FastDecodeTests {
    static let code = FastStoreSamples.code

    /// What a load of `data` gives through the hook (`decodeFast`, else `JSONFiles.decode`)…
    static func hooked<File: PerEnterpriseFile & Equatable>(_ type: File.Type, _ data: Data) -> Result<File, StoreError> {
        do {
            if let file = LedgerStore.decodeFast(File.self, data) { return .success(file) }
            return .success(try JSONFiles.decode(File.self, from: data, path: "/x/f.json", supportedVersion: File.currentVersion))
        } catch {
            return .failure(error as! StoreError)
        }
    }

    /// …and what the plain path alone gives.
    static func plain<File: PerEnterpriseFile & Equatable>(_ type: File.Type, _ data: Data) -> Result<File, StoreError> {
        do {
            return .success(try JSONFiles.decode(File.self, from: data, path: "/x/f.json", supportedVersion: File.currentVersion))
        } catch {
            return .failure(error as! StoreError)
        }
    }

    /// The contract on one document: the fast value, when there is one, is JSONDecoder's; the
    /// hooked outcome is the plain one. Returns whether the fast path took it.
    @discardableResult
    static func expectContract<File: PerEnterpriseFile & Equatable>(_ type: File.Type, _ data: Data, _ note: @autoclosure () -> String) -> Bool {
        let fast = FastJSONDecoder.decode(File.self, from: data)
        if let fast {
            let reference = try? JSONDecoder().decode(File.self, from: data)
            #expect(reference == fast, "\(note()): the fast value differs from JSONDecoder's")
        }
        #expect(hooked(File.self, data) == plain(File.self, data), "\(note()): the outcome differs")
        return fast != nil
    }

    /// Every per-enterprise file of a data directory decodes to JSONDecoder's records, on the fast path.
    func expectEveryFileEqual(in directory: URL) throws -> Int {
        var checked = 0
        for (folder, isHazards) in [(LedgerStore.hazardsFolder, true), ("supervisions", false)] {
            let url = directory.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path) where name.hasSuffix(".json") {
                let data = try Data(contentsOf: url.appendingPathComponent(name))
                if isHazards {
                    let fast = try #require(FastJSONDecoder.decode(HazardsFile.self, from: data), "\(name)")
                    let reference = try JSONDecoder().decode(HazardsFile.self, from: data)
                    #expect(fast.hazards == reference.hazards && fast.enterpriseCode == reference.enterpriseCode
                            && fast.schemaVersion == reference.schemaVersion, "\(name)")
                } else {
                    let fast = try #require(FastJSONDecoder.decode(SupervisionsFile.self, from: data), "\(name)")
                    let reference = try JSONDecoder().decode(SupervisionsFile.self, from: data)
                    #expect(fast == reference, "\(name)")
                }
                checked += 1
            }
        }
        return checked
    }

    @Test func theDemoLedgersFilesDecodeAsJSONDecoderDecodesThem() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try LedgerStore.open(dir)
        #expect(try expectEveryFileEqual(in: dir) > 10)
    }

    @Test func aGeneratedLedgersFilesDecodeAsJSONDecoderDecodesThem() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try LedgerGenerator.generate(into: dir, hazards: 3000, supervisions: 600, seed: 11, today: "2026-11-26")
        #expect(try expectEveryFileEqual(in: dir) >= 100)
    }

    /// A record with every kind of awkward text (escapes, emoji, control characters) and optional
    /// fields both absent and present, as the program writes it.
    @Test func awkwardRecordsAsWrittenDecodeOnTheFastPath() throws {
        let hazards = try SpliceTests.hazards()
        let data = try JSONFiles.encode(HazardsFile(enterpriseCode: Self.code, hazards: hazards))
        let fast = try #require(FastJSONDecoder.decode(HazardsFile.self, from: data))
        #expect(fast.hazards == hazards)
    }

    /// Small documents, each through both decoders: the fast value is JSONDecoder's, and those
    /// marked `true` are taken by the fast path (so that it is not vacuously "giving up").
    struct Probe: Codable, Equatable {
        var s: String
        var i: Int
        var d: Double
        var b: Bool
        var o: String?
        var a: [Int]
        var f: Funds?
    }

    @Test func smallDocumentsGiveJSONDecodersValueOrNone() throws {
        let cases: [(String, Bool)] = [
            (#"{"s":"x","i":1,"d":2,"b":true,"a":[]}"#, true),
            (#"{"s":"\"\\\/\b\f\n\r\t","i":-0,"d":-0.0,"b":false,"o":null,"a":[1,-2,3]}"#, true),
            (#"{"s":"\u0041\u00e9\u4e2d\ud83d\udea7","i":9223372036854775807,"d":1.5e3,"b":true,"a":[],"f":"12万"}"#, true),
            (#"{"s":"","i":-9223372036854775808,"d":1E-2,"b":true,"a":[0],"f":12.5}"#, true),
            (#" {"a":[], "b":true, "d":0.1, "i":0, "s":"x", "extra":{"n":[[[[1]]]],"m":null}} "#, true),
            ("{\r\n\t\"s\" : \"二楼\", \"i\" : 7, \"d\" : 123456789012345678901234567890, \"b\" : false, \"a\" : [ ]\n}", true),
            (#"{"s":"x","i":1.0,"d":2,"b":true,"a":[]}"#, false),  // an integer written as 1.0
            (#"{"s":"x","i":1e2,"d":2,"b":true,"a":[]}"#, false),
            (#"{"s":"x","i":9223372036854775808,"d":2,"b":true,"a":[]}"#, false),  // too large
            (#"{"s":"x","i":1,"d":1e400,"b":true,"a":[]}"#, false),
            (#"{"s":"x","i":1,"d":0e5,"b":true,"a":[]}"#, false),  // a zero with an exponent: left to the checked path
            (#"{"s":"x","i":1,"d":-0.0e5,"b":true,"a":[]}"#, false),
            (#"{"s":"x","i":1,"d":2e-324,"b":true,"a":[]}"#, false),  // too small: 0
            (#"{"s":"x","i":1,"d":4.9e-324,"b":true,"a":[],"x":1e400,"y":0e5}"#, true),  // numbers no model reads
            (#"{"s":"x","i":1,"d":0.0,"b":true,"a":[],"f":-0}"#, true),
            (#"{"s":"\ud83d","i":1,"d":2,"b":true,"a":[]}"#, false),  // a lone surrogate
            (#"{"s":"\udea7x","i":1,"d":2,"b":true,"a":[]}"#, false),
            (#"{"s":"x","i":1,"d":2,"b":true,"a":[],"i":2}"#, false),  // a duplicate key
            (#"{"\u0073":"x","i":1,"d":2,"b":true,"a":[]}"#, false),  // an escaped key
            (#"{"s":"x","i":1,"d":2,"b":"true","a":[]}"#, false),
            (#"{"s":"x","i":1,"d":2,"b":true,"a":[null]}"#, false),
            (#"{"s":"x","i":1,"d":2,"b":true}"#, false),
            (#"{"s":null,"i":1,"d":2,"b":true,"a":[]}"#, false),
            (#"{"s":"x","i":01,"d":2,"b":true,"a":[]}"#, false),
            (#"{"s":"x","i":1,"d":.5,"b":true,"a":[]}"#, false),
            (#"{"s":"x","i":1,"d":2,"b":true,"a":[],}"#, false),
            (#"{"s":"x","i":1,"d":2,"b":tru,"a":[]}"#, false),
            (#"{"s":"x\u001","i":1,"d":2,"b":true,"a":[]}"#, false),
            ("{\"s\":\"a\tb\",\"i\":1,\"d\":2,\"b\":true,\"a\":[]}", false),  // a raw tab in a string
            (#"{"s":"x","i":1,"d":2,"b":true,"a":[]} x"#, false),
            (#"[{"s":"x"}]"#, false),
            ("", false),
        ]
        for (text, taken) in cases {
            let data = Data(text.utf8)
            let fast = FastJSONDecoder.decode(Probe.self, from: data)
            let reference = try? JSONDecoder().decode(Probe.self, from: data)
            if let fast { #expect(fast == reference, "\(text)") }
            #expect((fast != nil) == taken, "\(text): taken \(fast != nil), reference \(String(describing: reference))")
        }
        // Invalid UTF-8 inside a string, and in an escaped one.
        for bytes: [UInt8] in [Array(#"{"s":"a"#.utf8) + [0xFF] + Array(#"","i":1,"d":2,"b":true,"a":[]}"#.utf8),
                               Array(#"{"s":"a","x"#.utf8) + [0xED, 0xA0, 0x80] + Array(#"":1,"i":1,"d":2,"b":true,"a":[]}"#.utf8),
                               Array(#"{"s":"a","i":1,"d":2,"b":true,"a":[],"x":""#.utf8) + [0xE4, 0xB8] + Array(#""}"#.utf8),
                               Array(#"{"s":"a","i":1,"d":2,"b":true,"a":[],"x":""#.utf8) + [0xC0, 0xAF] + Array(#""}"#.utf8),
                               Array(#"{"s":"\n"#.utf8) + [0xC3, 0x28] + Array(#"","i":1,"d":2,"b":true,"a":[]}"#.utf8)] {
            #expect(FastJSONDecoder.decode(Probe.self, from: Data(bytes)) == nil)
        }
    }

    /// Nesting: what both decoders take is taken; deeper than the tape allows is left to JSONDecoder.
    @Test func deepNestingIsLeftToJSONDecoder() throws {
        for depth in [10, 60, 70, 600, 5000] {
            let extra = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            let data = Data(#"{"s":"x","i":1,"d":2,"b":true,"a":[],"deep":\#(extra)}"#.utf8)
            let fast = FastJSONDecoder.decode(Probe.self, from: data)
            #expect((fast != nil) == (depth < JSONTape.maxDepth), "depth \(depth)")
            if let fast { #expect(fast == (try? JSONDecoder().decode(Probe.self, from: data)), "depth \(depth)") }
        }
    }

    /// One seeded mutation of a file's text.
    static func mutate(_ original: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
        var bytes = original
        var text: String { String(decoding: bytes, as: UTF8.self) }
        func lines() -> [Substring] { text.split(separator: "\n", omittingEmptySubsequences: false) }
        func replacing(_ options: [(String, String)]) -> [UInt8] {
            let present = options.filter { text.contains($0.0) }
            guard let (from, to) = present.randomElement(using: &random) else { return bytes }
            // One occurrence, picked at random.
            let ranges = text.ranges(of: from)
            let range = ranges[Int.random(in: 0..<ranges.count, using: &random)]
            var changed = text
            changed.replaceSubrange(range, with: to)
            return Array(changed.utf8)
        }
        switch Int.random(in: 0..<13, using: &random) {
        case 0: bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &random)))
        case 1:
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
        case 2:
            let marks = bytes.indices.filter { "{}[]\",:".utf8.contains(bytes[$0]) }
            bytes.remove(at: marks.randomElement(using: &random)!)
        case 3: bytes.insert(contentsOf: [[0xFF], [0xC3, 0x28], [0xE4, 0xB8], [0xED, 0xA0, 0x80]].randomElement(using: &random)!,
                             at: Int.random(in: 0..<bytes.count, using: &random))
        case 4:  // wrong types
            bytes = replacing([("\"passed\" : true", "\"passed\" : \"true\""), ("\"status\" : \"", "\"status\" : 1, \"x\" : \""),
                               ("\"schemaVersion\" : 1", "\"schemaVersion\" : \"1\""), ("\"changes\" : [", "\"changes\" : {\"a\" : 1}, \"y\" : ["),
                               ("\"level\" : \"general\"", "\"level\" : \"medium\""), ("\"funds\" : ", "\"funds\" : true, \"z\" : "),
                               ("\"time\" : \"", "\"time\" : null, \"x\" : \""), ("\"name\" : \"", "\"name\" : [], \"x\" : \"")])
        case 5:  // a member removed (one that is not the last of its object)
            var all = lines()
            let candidates = all.indices.filter { all[$0].hasSuffix(",") && all[$0].contains("\" : ") && !all[$0].hasSuffix("[,") }
            if let line = candidates.randomElement(using: &random) { all.remove(at: line) }
            bytes = Array(all.joined(separator: "\n").utf8)
        case 6:  // an extra member, a duplicate one, or a null
            var all = lines()
            let openings = all.indices.filter { all[$0].hasSuffix("{") }
            let members = all.indices.filter { all[$0].hasSuffix(",") && all[$0].contains("\" : \"") }
            let extra = ["\"extra\" : {\"a\" : [1, 2.5e3, -0.0, null, true, \"\\u00e9\"]},", "\"supervisionID\" : null,",
                         "\"rechecker\" : null,", "\"note\" : null,", "\"location\" : null,", "\"evidence\" : null,"]
                + (members.isEmpty ? [] : [String(all[members.randomElement(using: &random)!])])
            if let line = openings.randomElement(using: &random) { all.insert(Substring(extra.randomElement(using: &random)!), at: line + 1) }
            bytes = Array(all.joined(separator: "\n").utf8)
        case 7:  // a character written as a \u escape: BMP, a surrogate pair, a lone surrogate, an invalid escape
            let scalars = Array(text.unicodeScalars)
            let inStrings = scalars.indices.filter { scalars[$0].value >= 0x80 }
            guard let at = inStrings.randomElement(using: &random) else { break }
            let escape = [String(format: "\\u%04x", scalars[at].value), String(format: "\\u%04X", scalars[at].value),
                          "\\ud83d\\udea7", "\\uD83D\\uDEA7", "\\ud83d", "\\udea7", "\\ud83d\\u0041", "\\x41", "\\u12"]
                .randomElement(using: &random)!
            var out = String.UnicodeScalarView()
            out.append(contentsOf: scalars[..<at])
            bytes = Array((String(out) + escape + String(String.UnicodeScalarView(scalars[(at + 1)...]))).utf8)
        case 8:  // numbers with exponents, fractions, signs
            bytes = replacing([("\"schemaVersion\" : 1", "\"schemaVersion\" : 1.0"), ("\"schemaVersion\" : 1", "\"schemaVersion\" : 1e0"),
                               ("\"schemaVersion\" : 1", "\"schemaVersion\" : 10E-1"), ("\"schemaVersion\" : 1", "\"schemaVersion\" : -1"),
                               ("\"funds\" : ", "\"funds\" : 1.25e1, \"q\" : "), ("\"funds\" : ", "\"funds\" : 1e400, \"q\" : "),
                               ("\"funds\" : ", "\"funds\" : -0, \"q\" : "), ("\"funds\" : ", "\"funds\" : 12.50E+2, \"q\" : "),
                               ("\"funds\" : ", "\"funds\" : 0.1e-400, \"q\" : "), ("\"funds\" : ", "\"funds\" : 01, \"q\" : ")])
        case 9:  // deep nesting in an extra member
            let depth = [3, 40, 63, 64, 65, 200, 600].randomElement(using: &random)!
            let nested = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            bytes = replacing([("\"enterpriseCode\" : ", "\"deep\" : \(nested), \"enterpriseCode\" : ")])
        case 10:  // layout: compact, CRLF, tabs
            bytes = Array([text.replacingOccurrences(of: "\n", with: "\r\n"), text.replacingOccurrences(of: "  ", with: "\t"),
                           text.replacingOccurrences(of: " : ", with: ":").replacingOccurrences(of: "\n", with: "")]
                .randomElement(using: &random)!.utf8)
        case 11:  // another version
            bytes = replacing([("\"schemaVersion\" : 1", "\"schemaVersion\" : \(Int.random(in: 0...3, using: &random))")])
        default:  // the enterprise code of the file or of a record changed
            bytes = replacing([("\"enterpriseCode\" : \"91", "\"enterpriseCode\" : \"92")])
        }
        return bytes
    }

    func expectMutationsKeepTheContract<File: PerEnterpriseFile & Equatable>(_ type: File.Type, _ original: [UInt8], seed: UInt64, rounds: Int) {
        var random = SeededRandom(state: seed)
        var taken = 0, failed = 0
        for round in 0..<rounds {
            let data = Data(Self.mutate(original, &random))
            if Self.expectContract(File.self, data, "\(File.self) seed \(seed) round \(round)") { taken += 1 }
            if case .failure = Self.plain(File.self, data) { failed += 1 }
        }
        // Both ways are exercised: many mutations keep the file valid, many break it.
        #expect(taken > rounds / 10, "taken by the fast path: \(taken)")
        #expect(failed > rounds / 5, "failing: \(failed)")
    }

    @Test(arguments: [21, 22, 23])
    func damagedHazardFilesGiveTheErrorsTheyGaveBefore(seed: UInt64) throws {
        let hazards = try SpliceTests.hazards()
        let original = [UInt8](try JSONFiles.encode(HazardsFile(enterpriseCode: Self.code, hazards: hazards)))
        expectMutationsKeepTheContract(HazardsFile.self, original, seed: seed, rounds: 200)
    }

    @Test(arguments: [31, 32])
    func damagedSupervisionFilesGiveTheErrorsTheyGaveBefore(seed: UInt64) throws {
        let entries = try FastStoreSamples.entries()
        let original = [UInt8](try JSONFiles.encode(SupervisionsFile(enterpriseCode: Self.code, entries: entries)))
        expectMutationsKeepTheContract(SupervisionsFile.self, original, seed: seed, rounds: 150)
    }

    /// A damaged file met by the load is reported exactly as before (through `decodeFile`, the hook).
    @Test func aDamagedFileIsReportedWithItsPosition() throws {
        let hazards = try FastStoreSamples.hazards()
        var text = String(decoding: try JSONFiles.encode(HazardsFile(enterpriseCode: Self.code, hazards: hazards)), as: UTF8.self)
        text.replaceSubrange(text.range(of: "\"status\" : ")!, with: "\"status\" ; ")
        let url = URL(fileURLWithPath: "/x/\(Self.code).json")
        let data = Data(text.utf8)
        let expected: Result<[Hazard], StoreError>
        do {
            expected = .success(try JSONFiles.decode(HazardsFile.self, from: data, path: url.path, supportedVersion: 1).hazards)
        } catch {
            expected = .failure(error as! StoreError)
        }
        guard case .failure(.damaged(_, let line?, _, _, .invalidJSON)) = expected else {
            Issue.record("expected a syntax error with a line: \(expected)")
            return
        }
        #expect(throws: try #require(expected.failureValue)) {
            try LedgerStore.decodeFile(HazardsFile.self, data, enterprise: Self.code, url: url)
        }
        #expect(line > 1)
    }
}

extension HazardsFile: Equatable {
    public static func == (a: HazardsFile, b: HazardsFile) -> Bool {
        a.schemaVersion == b.schemaVersion && a.enterpriseCode == b.enterpriseCode && a.hazards == b.hazards
    }
}

extension SupervisionsFile: Equatable {
    public static func == (a: SupervisionsFile, b: SupervisionsFile) -> Bool {
        a.schemaVersion == b.schemaVersion && a.enterpriseCode == b.enterpriseCode && a.entries == b.entries
    }
}

extension Result {
    var failureValue: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
