import Testing
@testable import AnjianModel
import AnjianStore

/// The plain matcher the compact one must equal: per character its literal and readings as
/// strings, and a recursive search from every starting unit.
struct ReferenceMatcher {
    struct Unit {
        let literal: [UInt8]
        let readings: [[UInt8]]
    }
    let folded: [UInt8]
    let units: [Unit]

    init(_ text: String) {
        let lowered = text.lowercased()
        folded = Array(lowered.utf8)
        units = lowered.compactMap { character in
            let readings = pinyinTable.readings(of: character.unicodeScalars.first!).map { Array($0.utf8) }
            guard !readings.isEmpty || character.isLetter || character.isNumber else { return nil }
            return Unit(literal: Array(String(character).utf8), readings: readings)
        }
    }

    func matches(_ query: SearchQuery) -> Bool {
        if query.isEmpty { return true }
        if contains(folded, query.folded) { return true }
        let q = query.bytes
        // The compact matcher keeps its states in a 64-bit word: longer queries match as substrings only.
        guard q.count < 64 else { return false }
        return units.indices.contains { spells(q, from: 0, unit: $0) }
    }

    private func spells(_ q: [UInt8], from position: Int, unit: Int) -> Bool {
        if position == q.count { return true }
        guard unit < units.count else { return false }
        let rest = q[position...]
        if rest.starts(with: units[unit].literal), spells(q, from: position + units[unit].literal.count, unit: unit + 1) {
            return true
        }
        for reading in units[unit].readings {
            for length in stride(from: min(reading.count, rest.count), through: 1, by: -1)
            where rest.starts(with: reading.prefix(length)) && spells(q, from: position + length, unit: unit + 1) {
                return true
            }
        }
        return false
    }

    private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}

/// Texts of every kind the ledger holds, with heteronyms, Latin letters, digits and punctuation.
let sampleTexts: [String] = {
    var texts = [
        "烟台万华化学有限公司", "烟台长岛碧波海珍品加工有限公司", "招商银行", "行业协会", "厦门船舶", "乐陵果蔬",
        "烟台JH新材料科技有限公司", "烟台2号码头", "烟台（芝罘）港务", "曾单解", "长行重乐", "A区3号仓库，消防通道堵塞！",
        "配电箱未接地；PE线断开", "Café  é\u{301}t\u{e9} 123", "", "   ", "、、。", "ÄÖÜ straße", "第12车间2楼/东侧",
        "重庆长安汽车（重庆）", "氨制冷机房液氨管道腐蚀", "👍🏽好的", "x\u{301}y",
    ]
    for list in demoHazards.values {
        for h in list { texts += [h.description, h.location, h.foundBy, h.rectification.responsible] }
    }
    texts += demoEnterprises.flatMap { [$0.name, $0.shortName, $0.district] }
    return texts
}()

/// Queries drawn from a text: from a random unit, each following unit gives its literal, its full
/// reading or a prefix of one; some are spoiled by one changed byte, some cut short.
func drawnQueries(from text: String, count: Int, random: inout SeededRandom) -> [String] {
    let reference = ReferenceMatcher(text)
    guard !reference.units.isEmpty else { return [] }
    var queries: [String] = []
    for _ in 0..<count {
        var bytes: [UInt8] = []
        var unit = Int.random(in: 0..<reference.units.count, using: &random)
        let units = Int.random(in: 1...6, using: &random)
        while unit < reference.units.count && bytes.count < units * 6 {
            let u = reference.units[unit]
            let choice = Int.random(in: 0..<4, using: &random)
            if choice == 0 || u.readings.isEmpty {
                bytes += u.literal
            } else {
                let reading = u.readings[Int.random(in: 0..<u.readings.count, using: &random)]
                bytes += choice == 1 ? reading : Array(reading.prefix(Int.random(in: 1...reading.count, using: &random)))
            }
            unit += 1
            if queries.count % 3 == 0 && Int.random(in: 0..<units, using: &random) == 0 { break }
        }
        if Int.random(in: 0..<4, using: &random) == 0, !bytes.isEmpty {
            bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8(ascii: "a") + UInt8.random(in: 0..<26, using: &random)
        }
        queries.append(String(decoding: bytes, as: UTF8.self))
    }
    return queries
}

@Suite struct SearchIndexTests {
    static let fixedQueries = [
        "ytwh", "yantaiwh", "yantai", "YTWH", "wanhua", "whhx", "cd", "changdao", "zhangdao", "yh", "yinhang", "hy",
        "hangye", "xm", "xiamen", "ll", "yueling", "leling", "jh", "ytjhxcl", "JH新材料", "2hmt", "yt2h", "3h",
        "ytzf", "（芝罘）", "芝罘港", "yt wh", "", "  ", "xyz", "taiyan", "a区3", "aq3hck", "pdx", "pe", "peix",
        "e\u{301}", "cafe", "café", "é", "123", "12cj", "cqca", "zhongqing", "chongqing", "强", "q", "z", "长", "行",
        String(repeating: "a", count: 70), "烟台万华化学有限公司烟台万华化学有限公司烟台万华化学有限公司",
    ]

    @Test func compactMatcherEqualsTheReference() {
        var random = SeededRandom(state: 20_260_710)
        var checked = 0, matched = 0
        for text in sampleTexts {
            let compact = PinyinSearchText(text, table: pinyinTable)
            let reference = ReferenceMatcher(text)
            let drawn = drawnQueries(from: text, count: 12, random: &random)
            let elsewhere = drawnQueries(from: sampleTexts.randomElement(using: &random)!, count: 4, random: &random)
            for raw in Self.fixedQueries + drawn + elsewhere {
                let query = SearchQuery(raw)
                let expected = reference.matches(query)
                #expect(compact.matches(query) == expected, "\(text) / \(raw)")
                checked += 1
                if expected { matched += 1 }
            }
        }
        // Both outcomes are exercised in quantity.
        #expect(checked > 5_000)
        #expect(matched > checked / 10 && checked - matched > checked / 10, "\(matched) of \(checked)")
    }

    @Test func unitsSkipPunctuationAndKeepLettersAndDigits() {
        var bytes: [UInt8] = [], units: [UInt8] = []
        SearchUnits.append("A（芝）,b2", table: pinyinTable, bytes: &bytes, units: &units)
        #expect(bytes == Array("a（芝）,b2".utf8))
        // a: no skip, 1 byte; 芝 after the 3-byte bracket; b after the bracket and comma; 2.
        #expect(units == [0x01, 0x33, 0x41, 0x01])
        // A skip or literal too long for a nibble is escaped and still matches.
        let long = String(repeating: "，", count: 20) + "烟台" + "x\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}"
        #expect(PinyinSearchText(long, table: pinyinTable).matches(SearchQuery("yt")))
        #expect(PinyinSearchText(long, table: pinyinTable).matches(SearchQuery("yantaix\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}")))
        #expect(!PinyinSearchText(long, table: pinyinTable).matches(SearchQuery("ytx")))
    }

    /// Hazards of the demo ledger, copied with new ids and texts from the sample texts.
    static func ledgerHazards(_ count: Int, random: inout SeededRandom) -> [String: [Hazard]] {
        let demo = demoHazards.values.flatMap { $0 }.sorted { $0.id < $1.id }
        var hazards: [String: [Hazard]] = [:]
        for n in 0..<count {
            var h = demo[n % demo.count]
            let e = demoEnterprises[Int.random(in: 0..<demoEnterprises.count, using: &random)]
            h.id = "test-\(n)"
            h.number = "YH-2026-\(n)"
            h.enterpriseCode = e.creditCode
            h.description = sampleTexts.randomElement(using: &random)!
            h.foundBy = sampleTexts.randomElement(using: &random)!
            hazards[e.creditCode, default: []].append(h)
        }
        return hazards
    }

    /// What `matching` must give: the enterprise's names, the plain texts or a pinyin text match.
    static func referenceMatching(_ index: HazardDirectory, _ raw: String) -> [Int] {
        let query = SearchQuery(raw)
        if query.isEmpty { return Array(index.records.indices) }
        return index.records.indices.filter { i in
            let hazard = index.records[i].hazard
            let e = index.enterprises.enterprises[index.records[i].enterprise]
            let plain = [hazard.number, hazard.discoveredOn, hazard.rectification.deadline, hazard.enterpriseCode]
                .joined(separator: "\u{1}").lowercased()
            return [e.name, e.shortName, e.district, hazard.foundBy, hazard.rectification.responsible, hazard.description, hazard.location]
                .contains { ReferenceMatcher($0).matches(query) }
                || plain.utf8.contains(subsequence: query.folded)
                || e.creditCode.lowercased().utf8.contains(subsequence: query.folded)
        }
    }

    static func queries(_ index: HazardDirectory, random: inout SeededRandom) -> [String] {
        var queries = ["p", "d", "x", "2", "0", "zh", "a1", "hx", "yt", "pd", "ytwh", "P", " p", "p d", "-", "2026", "yh-2026-1", "行", "zhang", "", "xyz"]
        for _ in 0..<25 {
            let h = index.records.randomElement(using: &random)!.hazard
            queries += drawnQueries(from: h.description, count: 1, random: &random)
        }
        return queries
    }

    @Test func indexMatchingEqualsTheReference() {
        var random = SeededRandom(state: 7)
        var index = HazardDirectory(Self.ledgerHazards(400, random: &random), enterprises: demoDirectory, pinyin: pinyinTable)
        index.prepareSearchTexts()
        for raw in Self.queries(index, random: &random) {
            #expect(index.matching(SearchQuery(raw)) == Self.referenceMatching(index, raw), "\(raw)")
        }
        // The inspector criterion reads the finder's text alone.
        for i in stride(from: 0, to: index.records.count, by: 7) {
            let finder = index.records[i].hazard.foundBy
            for raw in drawnQueries(from: finder, count: 2, random: &random) {
                #expect(index.finderMatches(i, SearchQuery(raw)) == ReferenceMatcher(finder).matches(SearchQuery(raw)))
            }
        }
    }

    /// Texts built at load, built later from an older copy while records change, or never built:
    /// the same results, after upserts (changed and new records) and removals.
    @Test func textsBuiltEagerlyLaterOrNeverMatchTheSame() throws {
        var random = SeededRandom(state: 99)
        let hazards = Self.ledgerHazards(300, random: &random)
        var eager = HazardDirectory(hazards, enterprises: demoDirectory, pinyin: pinyinTable)
        eager.prepareSearchTexts()
        var later = HazardDirectory(hazards, enterprises: demoDirectory, pinyin: pinyinTable)
        var never = later
        // The background build starts from the copy as it is now ...
        let snapshot = later
        var built: SearchTexts?
        for step in 0..<60 {
            if step == 30 { built = snapshot.makeSearchTexts() }
            let code = demoEnterprises[Int.random(in: 0..<demoEnterprises.count, using: &random)].creditCode
            if step % 9 == 4, let victim = eager.records.filter({ $0.item.enterpriseCode == code }).randomElement(using: &random) {
                eager.remove([victim.item.id], enterpriseCode: code)
                later.remove([victim.item.id], enterpriseCode: code)
                never.remove([victim.item.id], enterpriseCode: code)
                continue
            }
            var h = eager.records.randomElement(using: &random)!.hazard
            if step % 3 == 0 { h.id = "new-\(step)" }
            h.description = sampleTexts.randomElement(using: &random)! + "临时\(step)"
            eager.upsert(h)
            later.upsert(h)
            never.upsert(h)
        }
        // ... and is installed after the records changed.
        later.installSearchTexts(try #require(built))
        #expect(never.searchTexts == nil)
        #expect(later.records.count == eager.records.count)
        for raw in Self.queries(eager, random: &random) + ["临时", "linshi", "ls4"] {
            let expected = Self.referenceMatching(eager, raw)
            #expect(eager.matching(SearchQuery(raw)) == expected, "\(raw)")
            #expect(later.matching(SearchQuery(raw)) == expected, "\(raw)")
            #expect(never.matching(SearchQuery(raw)) == expected, "\(raw)")
        }
    }
}

extension Sequence where Element: Equatable {
    func contains<S: Collection>(subsequence needle: S) -> Bool where S.Element == Element {
        let haystack = Array(self)
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
