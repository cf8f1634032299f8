import Foundation
import Testing
@testable import AnjianApp
@testable import AnjianModel
import AnjianGenerator
import AnjianStore

/// The fast paths of building the search texts and the kept orders equal the plain ones.
@Suite struct FastBuildTests {
    /// Every plain scalar, and a few that are not.
    static let plainScalars: [Unicode.Scalar] = (0..<0x10000).compactMap { v in
        PlainScalars.isPlain(UInt32(v)) ? Unicode.Scalar(UInt32(v)) : nil
    }

    /// What `PlainScalars` promises of each: a character of its own beside any plain scalar,
    /// its own lower case (A–Z excepted), no canonical decomposition, no composition with what
    /// comes before it.
    @Test func plainScalarsAreWhatTheFastPathsAssume() {
        #expect(Self.plainScalars.count > 27_000)
        for excluded: UInt32 in [0x0D, 0x00, 0x7F, 0x80, 0xC0, 0x0301, 0x200D, 0x302A, 0x3099, 0xFF21, 0xFF9E, 0xF900, 0xAC00, 0x1F44D] {
            #expect(!PlainScalars.isPlain(excluded), "\(String(excluded, radix: 16))")
        }
        let neighbours: [Unicode.Scalar] = ["a", "Z", "1", "\n", "\t", " ", "中", "，", "、", "〔", "ｚ", "·", "‐", "…"]
        for scalar in Self.plainScalars {
            let text = String(scalar)
            let lower: Unicode.Scalar = scalar.value &- 65 < 26 ? Unicode.Scalar(scalar.value + 32)! : scalar
            #expect(Array(text.lowercased().unicodeScalars) == [lower], "\(String(scalar.value, radix: 16))")
            #expect(scalar.properties.canonicalCombiningClass == .notReordered)
            #expect(Array(text.decomposedStringWithCanonicalMapping.unicodeScalars) == [scalar])
            for before in neighbours {
                let pair = String(before) + text
                #expect(pair.count == 2, "\(String(before.value, radix: 16)) \(String(scalar.value, radix: 16))")
                #expect(String(text + String(before)).count == 2)
                #expect(Array(pair.precomposedStringWithCanonicalMapping.unicodeScalars) == [before, scalar])
            }
        }
    }

    /// Texts of plain scalars only, with capitals, digits, punctuation, long runs of it.
    static func plainTexts(_ count: Int, random: inout SeededRandom) -> [String] {
        let pool = Self.plainScalars
        return (0..<count).map { n in
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0..<40, using: &random) {
                switch Int.random(in: 0..<6, using: &random) {
                case 0: text.append(pool.randomElement(using: &random)!)
                case 1: text.append(Unicode.Scalar(UInt32.random(in: 0x20...0x7E, using: &random))!)
                case 2: text.append(contentsOf: String(repeating: "，", count: n % 20).unicodeScalars)
                default: text.append(Unicode.Scalar(UInt32.random(in: 0x4E00...0x9FFF, using: &random))!)
                }
            }
            return String(text)
        }
    }

    @Test func unitsReadFromTheBytesEqualUnitsByCharacter() {
        var random = SeededRandom(state: 31)
        var cache = SearchUnits.UnitCache()
        var fast = 0
        for text in sampleTexts + Self.plainTexts(3_000, random: &random) + ["\r\n", "a\r\nb", "ΑΣ", "İx", "Ａb"] {
            var bytes: [UInt8] = [7], units: [UInt8] = [9]
            var plainBytes: [UInt8] = [7], plainUnits: [UInt8] = [9]
            SearchUnits.append(text, table: pinyinTable, bytes: &bytes, units: &units, unitCache: &cache)
            SearchUnits.appendCharacters(text, table: pinyinTable, bytes: &plainBytes, units: &plainUnits)
            #expect(bytes == plainBytes, "\(text)")
            #expect(units == plainUnits, "\(text)")
            if text.utf8.withContiguousStorageIfAvailable({ PlainScalars.all($0) }) == true { fast += 1 }
        }
        #expect(fast > 3_000)
    }

    @Test func plainTextsLowerCasedInTheBytesEqualLowercased() {
        var random = SeededRandom(state: 5)
        let texts = sampleTexts + Self.plainTexts(500, random: &random) + ["ΑΣ", "İ", "YH-2026-ABC", "Ｆ"]
        for _ in 0..<2_000 {
            let plain = (0..<Int.random(in: 0..<5, using: &random)).map { _ in texts.randomElement(using: &random)! }
            var bytes: [UInt8] = []
            SearchTexts.appendPlain(plain, to: &bytes)
            #expect(bytes == Array(plain.joined(separator: "\u{1}").lowercased().utf8), "\(plain)")
        }
    }

    @Test func letterSetsReadFromTheBuffersEqualThePlainSets() {
        var random = SeededRandom(state: 17)
        var hazards = SearchIndexTests.ledgerHazards(700, random: &random)
        let plain = Self.plainTexts(200, random: &random)
        for code in hazards.keys {
            for i in hazards[code]!.indices where i % 3 == 0 {
                hazards[code]![i].location = plain.randomElement(using: &random)!
            }
        }
        let index = HazardDirectory(hazards, enterprises: demoDirectory, pinyin: pinyinTable)
        let texts = index.makeSearchTexts()
        var total = 0
        for i in 0..<texts.count {
            let expected = texts.lettersPlainly(of: i, table: pinyinTable)
            #expect(texts.letters(of: i) == expected, "\(i)")
            total += expected.count
        }
        #expect(total > texts.count * 20)
    }
}

@Suite struct FastOrderTests {
    /// What `textRanks` must give: ranks among the distinct texts sorted with `<`.
    static func plainRanks(_ texts: [String]) -> [Int32] {
        let distinct = Array(Set(texts)).sorted()
        var place: [String: Int32] = [:]
        for (p, t) in distinct.enumerated() { place[t] = Int32(p) }
        return texts.map { place[$0]! }
    }

    @Test func textRanksFromTheBytesEqualTheStringOrder() {
        var random = SeededRandom(state: 23)
        let pool = FastBuildTests.plainTexts(400, random: &random) + ["", "a", "ab", "abcdefgh", "abcdefghi", "abcdefgh\u{9}", "Z", "中", "中文", "中文\n"]
        for round in 0..<30 {
            // Repeats, shared prefixes longer than 8 bytes, texts that begin others.
            var texts = (0..<Int.random(in: 1..<300, using: &random)).map { _ in pool.randomElement(using: &random)! }
            texts += texts.prefix(20).map { $0 + (round % 2 == 0 ? "配电箱" : "x") }
            texts += texts.prefix(10).map { "检查检查检查" + $0 }
            #expect(textRanks(texts) == Self.plainRanks(texts))
        }
        // A text of other scalars: none from the bytes (the caller compares strings).
        #expect(textRanks(["abc", "e\u{301}", "é"]) == nil)
        #expect(textRanks(["Ａ", "a"]) == nil)
    }

    /// Texts of other scalars (accents, fullwidth capitals, emoji) take the strings' path: the
    /// kept orders still equal the plain sort, made one by one or all at once (`makePrepared`).
    @Test func ordersOfTextsBeyondThePlainScalarsEqualThePlainSort() {
        var random = SeededRandom(state: 41)
        var hazards = SearchIndexTests.ledgerHazards(600, random: &random)
        for code in hazards.keys {
            for i in hazards[code]!.indices where i % 4 == 0 {
                hazards[code]![i].rectification.responsible = ["Ｚhang", "e\u{301}", "é", "👍", "zhang"].randomElement(using: &random)!
            }
        }
        let ledger = LedgerData(directory: demoDirectory, pinyin: pinyinTable, inspectors: [], supervisions: [:], hazards: hazards)
        var index = ledger.hazardIndex
        let rank = demoDirectory.pinyinRank(by: \.shortName)
        let prepared = HazardsScreen.prepareOrders(ledger, today: HazardOrderTests.today, verificationDays: 10)
        #expect(prepared.orders.count == HazardColumn.allCases.count + 1)
        HazardOrderTests().expectKeptEqualsPlain(&index, rank: rank, today: HazardOrderTests.today)
        for order in prepared.orders {
            let one = index.order(order.spec)
            #expect(order.ascending == one.ascending, "\(order.spec.name)")
            #expect(order.walk(ascending: false) == one.walk(ascending: false), "\(order.spec.name)")
        }
    }
}

@Suite struct FastSupervisionSortTests {
    /// View 3's sort with keys as numbers equals the comparison sort, every column both ways,
    /// with ties of date and time, and texts beyond the plain scalars (the strings' path).
    @Test func viewThreeSortEqualsThePlainSort() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try LedgerGenerator.generate(into: dir, hazards: 30, supervisions: 1_500, seed: 3, today: HazardOrderTests.today)
        let loaded = try LedgerStore.open(dir, now: HazardOrderTests.noon)
        var entries = loaded.supervisions
        var random = SeededRandom(state: 77)
        let codes = entries.keys.sorted()
        for _ in 0..<200 {
            let a = codes.randomElement(using: &random)!, b = codes.randomElement(using: &random)!
            let i = Int.random(in: 0..<entries[a]!.count, using: &random), j = Int.random(in: 0..<entries[b]!.count, using: &random)
            entries[b]![j].date = entries[a]![i].date
            entries[b]![j].time = entries[a]![i].time
        }
        let directory = EnterpriseDirectory(enterprises: loaded.enterprises, pinyin: pinyinTable)
        let rank = directory.pinyinRank(by: \.name)
        for beyondPlain in [false, true] {
            if beyondPlain {
                for code in codes { entries[code]![0].findings = "Café é\u{301} Ｆ" }
            }
            let ledger = LedgerData(directory: directory, pinyin: pinyinTable, inspectors: [], supervisions: entries, hazards: [:])
            #expect(ledger.supervisionIndex.records.count > 1_000)
            for column in SupervisionColumn.allCases {
                for ascending in [true, false] {
                    let fast = SupervisionsScreen.sorted(ledger.supervisionIndex, column: column, ascending: ascending, rank: rank)
                    let plain = SupervisionsScreen.plainSorted(ledger.supervisionIndex, column: column, ascending: ascending, rank: rank)
                    #expect(fast == plain, "\(column) \(ascending) \(beyondPlain)")
                }
            }
        }
    }
}
