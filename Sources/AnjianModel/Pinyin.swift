/// Every Mandarin reading of the Han characters, loaded from the table that
/// `scripts/gen_pinyin_table.py` generates from Unihan (lines `syllable<TAB>characters`).
/// Heteronyms keep all their readings: 行 is both `hang` and `xing`.
public struct PinyinTable: Sendable {
    /// Toneless syllables as ASCII bytes (ü written `v`).
    let syllables: [[UInt8]]
    let readingsByScalar: [UInt32: [UInt16]]

    public init(parsing text: String) {
        var syllables: [[UInt8]] = []
        var map: [UInt32: [UInt16]] = [:]
        map.reserveCapacity(45_000)
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where line.first != "#" {
            guard let tab = line.firstIndex(of: "\t") else { continue }
            let index = UInt16(syllables.count)
            syllables.append(Array(line[..<tab].utf8))
            for scalar in line[line.index(after: tab)...].unicodeScalars {
                map[scalar.value, default: []].append(index)
            }
        }
        self.syllables = syllables
        self.readingsByScalar = map
    }

    /// The toneless readings of a character, e.g. `["chang", "zhang"]` for 长; empty for non-Han.
    public func readings(of scalar: Unicode.Scalar) -> [String] {
        (readingsByScalar[scalar.value] ?? []).map { String(decoding: syllables[Int($0)], as: UTF8.self) }
    }

    func readingBytes(of scalar: Unicode.Scalar) -> [[UInt8]] {
        (readingsByScalar[scalar.value] ?? []).map { syllables[Int($0)] }
    }
}

/// A text prepared once for matching queries typed as Chinese, pinyin initials, full
/// pinyin or a mix (`ytwh`, `yantaiwh`, `yantai` all find 烟台万华…).
public struct PinyinSearchText: Sendable {
    struct Unit: Sendable {
        /// The character itself, lower-cased, as UTF-8: matches only whole.
        let literal: [UInt8]
        /// Its readings: any non-empty prefix of one matches.
        let readings: [[UInt8]]
    }

    public let text: String
    /// Lower-cased text for plain substring matches (punctuation included).
    let folded: String
    /// Letters, digits and Han characters; punctuation and spaces are skipped so a
    /// query runs across them.
    let units: [Unit]

    public init(_ text: String, table: PinyinTable) {
        self.text = text
        self.folded = text.lowercased()
        var units: [Unit] = []
        for character in folded {
            guard let scalar = character.unicodeScalars.first else { continue }
            let readings = table.readingBytes(of: scalar)
            if readings.isEmpty && !(character.isLetter || character.isNumber) { continue }
            units.append(Unit(literal: Array(String(character).utf8), readings: readings))
        }
        self.units = units
    }

    public func matches(_ query: SearchQuery) -> Bool {
        if query.isEmpty { return true }
        if folded.contains(query.folded) { return true }
        return matchesReadings(query.bytes)
    }

    /// Whether some run of consecutive units spells the query, each unit contributing its
    /// literal character or a non-empty prefix of one of its readings.
    private func matchesReadings(_ query: [UInt8]) -> Bool {
        let count = query.count
        guard count > 0, !units.isEmpty else { return false }
        // reachable[q] == true: the query's first q bytes are spelled by units ending just before this one.
        var reachable = [Bool](repeating: false, count: count)
        var next = [Bool](repeating: false, count: count)
        for unit in units {
            reachable[0] = true  // a match may start at any unit
            for q in 0..<count { next[q] = false }
            for q in 0..<count where reachable[q] {
                let remaining = count - q
                let literal = unit.literal
                if literal.count <= remaining, query[q..<(q + literal.count)].elementsEqual(literal) {
                    if q + literal.count == count { return true }
                    next[q + literal.count] = true
                }
                for reading in unit.readings {
                    var k = 0
                    while k < reading.count && k < remaining && reading[k] == query[q + k] {
                        k += 1
                        if q + k == count { return true }
                        next[q + k] = true
                        }
                }
            }
            swap(&reachable, &next)
        }
        return false
    }
}

/// A filter query, prepared once per keystroke rather than once per row.
public struct SearchQuery: Sendable {
    public let raw: String
    let folded: String
    let bytes: [UInt8]

    public init(_ raw: String) {
        self.raw = raw
        self.folded = raw.lowercased().trimmingWhitespace()
        self.bytes = Array(folded.filter { !$0.isWhitespace }.utf8)
    }

    public var isEmpty: Bool { bytes.isEmpty }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
