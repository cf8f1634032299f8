import Foundation

/// Every Mandarin reading of the Han characters, loaded from the table that
/// `scripts/gen_pinyin_table.py` generates from Unihan (lines `syllable<TAB>characters`).
/// Heteronyms keep all their readings: 行 is both `hang` and `xing`.
public struct PinyinTable: Sendable {
    /// Toneless syllables as ASCII bytes (ü written `v`).
    let syllables: [[UInt8]]
    /// The readings of scalar `s` are `readings[offsets[s - first] ..< offsets[s - first + 1]]`
    /// (indices into `syllables`). Built by counting, not sorting: a generic sort,
    /// unoptimised in a debug build (`swift run`), took 26 ms of the start-up.
    let first: UInt32
    let offsets: [UInt32]
    let readings: [UInt16]

    public init(parsing text: String) {
        var syllables: [[UInt8]] = []
        var pairs: [(scalar: UInt32, syllable: UInt16)] = []
        pairs.reserveCapacity(64_000)
        var low = UInt32.max, high: UInt32 = 0
        var text = text
        text.withUTF8 { bytes in
            var lineStart = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                guard lineEnd > lineStart, bytes[lineStart] != UInt8(ascii: "#") else { continue }
                var tab = lineStart
                while tab < lineEnd && bytes[tab] != 0x09 { tab += 1 }
                guard tab < lineEnd else { continue }
                let index = UInt16(syllables.count)
                syllables.append(Array(bytes[lineStart..<tab]))
                let characters = String(decoding: UnsafeBufferPointer(rebasing: bytes[(tab + 1)..<lineEnd]), as: UTF8.self)
                for scalar in characters.unicodeScalars {
                    pairs.append((scalar.value, index))
                    low = min(low, scalar.value)
                    high = max(high, scalar.value)
                }
            }
        }
        guard !pairs.isEmpty else {
            self.syllables = syllables
            first = 0
            offsets = [0]
            readings = []
            return
        }
        var offsets = [UInt32](repeating: 0, count: Int(high - low) + 2)
        for pair in pairs { offsets[Int(pair.scalar - low) + 1] += 1 }
        for i in 1..<offsets.count { offsets[i] += offsets[i - 1] }
        var fill = offsets
        var readings = [UInt16](repeating: 0, count: pairs.count)
        for pair in pairs {
            let slot = Int(pair.scalar - low)
            readings[Int(fill[slot])] = pair.syllable
            fill[slot] += 1
        }
        self.syllables = syllables
        self.first = low
        self.offsets = offsets
        self.readings = readings
    }

    /// The toneless readings of a character, e.g. `["chang", "zhang"]` for 长; empty for non-Han.
    public func readings(of scalar: Unicode.Scalar) -> [String] {
        readingBytes(of: scalar).map { String(decoding: $0, as: UTF8.self) }
    }

    func readingBytes(of scalar: Unicode.Scalar) -> [[UInt8]] {
        guard scalar.value >= first, Int(scalar.value - first) + 1 < offsets.count else { return [] }
        let slot = Int(scalar.value - first)
        return readings[Int(offsets[slot])..<Int(offsets[slot + 1])].map { syllables[Int($0)] }
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
    /// Lower-cased UTF-8 for plain substring matches (punctuation included).
    let folded: [UInt8]
    /// Letters, digits and Han characters; punctuation and spaces are skipped so a
    /// query runs across them.
    let units: [Unit]

    public init(_ text: String, table: PinyinTable) {
        self.text = text
        let lowered = text.lowercased()
        self.folded = Array(lowered.utf8)
        var units: [Unit] = []
        for character in lowered {
            guard let scalar = character.unicodeScalars.first else { continue }
            let readings = table.readingBytes(of: scalar)
            if readings.isEmpty && !(character.isLetter || character.isNumber) { continue }
            units.append(Unit(literal: Array(String(character).utf8), readings: readings))
        }
        self.units = units
    }

    public func matches(_ query: SearchQuery) -> Bool {
        if query.isEmpty { return true }
        if containsBytes(folded, query.folded) { return true }
        return matchesReadings(query.bytes)
    }

    /// Whether some run of consecutive units spells the query, each unit contributing its
    /// literal character or a non-empty prefix of one of its readings. The states (how
    /// much of the query is spelled so far) are bits of one word: no allocation per row.
    private func matchesReadings(_ query: [UInt8]) -> Bool {
        let count = query.count
        guard count > 0, count < 64, !units.isEmpty else { return false }
        var reachable: UInt64 = 0
        for unit in units {
            reachable |= 1  // a match may start at any unit
            var next: UInt64 = 0
            var states = reachable
            while states != 0 {
                let q = states.trailingZeroBitCount
                states &= states - 1
                let remaining = count - q
                let literal = unit.literal
                if literal.count <= remaining {
                    var same = true
                    for i in 0..<literal.count where literal[i] != query[q + i] {
                        same = false
                        break
                    }
                    if same {
                        if q + literal.count == count { return true }
                        next |= 1 << UInt64(q + literal.count)
                    }
                }
                for reading in unit.readings {
                    var k = 0
                    while k < reading.count && k < remaining && reading[k] == query[q + k] {
                        k += 1
                        if q + k == count { return true }
                        next |= 1 << UInt64(q + k)
                    }
                }
            }
            reachable = next
        }
        return false
    }
}

/// Plain byte substring search (the needle is short).
@usableFromInline
func containsBytes(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    let n = needle.count
    guard n > 0 else { return true }
    guard haystack.count >= n else { return false }
    let first = needle[0]
    var i = 0
    let last = haystack.count - n
    while i <= last {
        if haystack[i] == first {
            var j = 1
            while j < n && haystack[i + j] == needle[j] { j += 1 }
            if j == n { return true }
        }
        i += 1
    }
    return false
}

/// A filter query, prepared once per keystroke rather than once per row.
public struct SearchQuery: Sendable {
    public let raw: String
    /// Lower-cased, trimmed, as UTF-8: for substring matches.
    @usableFromInline let folded: [UInt8]
    /// Without any white space: for pinyin matches.
    let bytes: [UInt8]

    public init(_ raw: String) {
        self.raw = raw
        let folded = raw.lowercased().trimmingWhitespace()
        self.folded = Array(folded.utf8)
        self.bytes = Array(folded.filter { !$0.isWhitespace }.utf8)
    }

    /// Whether every text this query matches is also matched by `shorter`: true when
    /// this query only adds characters at the end, so filtering can narrow the last result.
    public func narrows(_ shorter: SearchQuery) -> Bool {
        !shorter.isEmpty && bytes.starts(with: shorter.bytes) && folded.starts(with: shorter.folded)
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
