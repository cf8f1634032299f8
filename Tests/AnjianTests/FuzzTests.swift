import Foundation
import Testing
import AnjianModel
@testable import AnjianStore
import AnjianText

/// A small seeded generator (SplitMix64): the same seed gives the same mutations, so a
/// failure can be replayed.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct LoaderFuzzTests {
    /// Mutations of valid files (truncation, flipped bytes, deleted brackets or quotes, bytes
    /// that are not UTF-8) never crash the loader: each loads, or fails with an error that
    /// names the file, worded in both languages.
    @Test(arguments: [1, 2, 3, 4])
    func mutatedFilesNeverCrashTheLoaderAndAlwaysSayWhere(seed: UInt64) throws {
        let data = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("anjian-fuzz-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        try LedgerStore.initialize(data, source: .demo)
        var random = SeededRandom(state: seed)
        let hazardCode = try #require(try LedgerStore.open(data).hazards.keys.sorted().first)
        let visitCode = try #require(try LedgerStore.open(data).supervisions.keys.sorted().first)
        let files = [data.appendingPathComponent("hazards/\(hazardCode).json"), data.appendingPathComponent("supervisions/\(visitCode).json")]
        let originals = try files.map { try Data(contentsOf: $0) }
        var failures = 0
        for round in 0..<100 {
            let which = Int.random(in: 0..<files.count, using: &random)
            var bytes = [UInt8](originals[which])
            switch Int.random(in: 0..<4, using: &random) {
            case 0: bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &random)))
            case 1:
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
                }
            case 2:
                let marks = bytes.indices.filter { "{}[]\",:".utf8.contains(bytes[$0]) }
                if let i = marks.randomElement(using: &random) { bytes.remove(at: i) }
            default:
                bytes.insert(contentsOf: [0xFF, 0xC3, 0x28], at: Int.random(in: 0..<bytes.count, using: &random))
            }
            try Data(bytes).write(to: files[which])
            do {
                if which == 0 {
                    _ = try LedgerStore.loadHazards(enterprise: hazardCode, in: data)
                } else {
                    _ = try LedgerStore.loadSupervisions(enterprise: visitCode, in: data)
                }
            } catch let error as StoreError {
                failures += 1
                for language in Language.allCases {
                    let text = Strings(language).storeError(error)
                    #expect(text.contains(files[which].path), "round \(round): \(text)")
                    #expect(!text.contains("NSCocoaErrorDomain"), "round \(round): \(text)")
                }
            }
            try originals[which].write(to: files[which])
        }
        #expect(failures > 50, "most mutations must be caught, not loaded as if fine: \(failures)")
    }
}
