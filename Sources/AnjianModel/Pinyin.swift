import Foundation

/// Every Mandarin reading of the Han characters, loaded from the table that
/// `scripts/gen_pinyin_table.py` generates from Unihan (lines `syllable<TAB>characters`).
/// Heteronyms keep all their readings: 行 is both `hang` and `xing`.
public struct PinyinTable: Sendable {
    /// Toneless syllables as ASCII bytes (ü written `v`), one after another: syllable `n` is
    /// `syllableBytes[syllableStarts[n] ..< syllableStarts[n + 1]]`.
    let syllableBytes: [UInt8]
    let syllableStarts: [UInt32]
    /// The readings of scalar `s` are `readings[offsets[s - first] ..< offsets[s - first + 1]]`
    /// (indices into the syllables). Built by counting, not sorting: a generic sort,
    /// unoptimised in a debug build (`swift run`), took 26 ms of the start-up.
    let first: UInt32
    let offsets: [UInt32]
    let readings: [UInt16]
    /// Per scalar (as `offsets`), the first letters of its readings as bits (`SearchUnits.letterBit`):
    /// a state of the matcher whose next query byte is none of them skips the readings.
    let initials: [UInt32]

    public init(parsing text: String) {
        var syllableBytes: [UInt8] = []
        var syllableStarts: [UInt32] = [0]
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
                let index = UInt16(syllableStarts.count - 1)
                syllableBytes.append(contentsOf: bytes[lineStart..<tab])
                syllableStarts.append(UInt32(syllableBytes.count))
                let characters = String(decoding: UnsafeBufferPointer(rebasing: bytes[(tab + 1)..<lineEnd]), as: UTF8.self)
                for scalar in characters.unicodeScalars {
                    pairs.append((scalar.value, index))
                    low = min(low, scalar.value)
                    high = max(high, scalar.value)
                }
            }
        }
        self.syllableBytes = syllableBytes
        self.syllableStarts = syllableStarts
        guard !pairs.isEmpty else {
            first = 0
            offsets = [0]
            readings = []
            initials = []
            return
        }
        var offsets = [UInt32](repeating: 0, count: Int(high - low) + 2)
        for pair in pairs { offsets[Int(pair.scalar - low) + 1] += 1 }
        for i in 1..<offsets.count { offsets[i] += offsets[i - 1] }
        var fill = offsets
        var readings = [UInt16](repeating: 0, count: pairs.count)
        var initials = [UInt32](repeating: 0, count: offsets.count)
        for pair in pairs {
            let slot = Int(pair.scalar - low)
            readings[Int(fill[slot])] = pair.syllable
            fill[slot] += 1
            let start = Int(syllableStarts[Int(pair.syllable)])
            if start < Int(syllableStarts[Int(pair.syllable) + 1]) { initials[slot] |= SearchUnits.letterBit(syllableBytes[start]) }
        }
        self.first = low
        self.offsets = offsets
        self.readings = readings
        self.initials = initials
    }

    /// The toneless readings of a character, e.g. `["chang", "zhang"]` for 长; empty for non-Han.
    public func readings(of scalar: Unicode.Scalar) -> [String] {
        guard let range = readingRange(of: scalar.value) else { return [] }
        return readings[range].map { syllable in
            String(decoding: syllableBytes[Int(syllableStarts[Int(syllable)])..<Int(syllableStarts[Int(syllable) + 1])], as: UTF8.self)
        }
    }

    func readingRange(of scalar: UInt32) -> Range<Int>? {
        guard scalar >= first, Int(scalar - first) + 1 < offsets.count else { return nil }
        let slot = Int(scalar - first)
        let range = Int(offsets[slot])..<Int(offsets[slot + 1])
        return range.isEmpty ? nil : range
    }

    /// The table as raw buffers for one matching pass (no bounds checks, no retain per row).
    @usableFromInline
    func withReadings<R>(_ body: (ReadingsView) -> R) -> R {
        syllableBytes.withUnsafeBufferPointer { syllableBytes in
            syllableStarts.withUnsafeBufferPointer { syllableStarts in
                offsets.withUnsafeBufferPointer { offsets in
                    readings.withUnsafeBufferPointer { readings in
                        initials.withUnsafeBufferPointer { initials in
                            body(ReadingsView(first: first, offsets: offsets, readings: readings, initials: initials,
                                              syllableStarts: syllableStarts, syllableBytes: syllableBytes))
                        }
                    }
                }
            }
        }
    }
}

/// `PinyinTable`'s arrays during one matching pass.
@usableFromInline
struct ReadingsView {
    let first: UInt32
    let offsets: UnsafeBufferPointer<UInt32>
    let readings: UnsafeBufferPointer<UInt16>
    let initials: UnsafeBufferPointer<UInt32>
    let syllableStarts: UnsafeBufferPointer<UInt32>
    let syllableBytes: UnsafeBufferPointer<UInt8>
}

/// The compact form of texts prepared for pinyin matching: the lower-cased UTF-8 of each text,
/// and per unit (a letter, digit or Han character; punctuation and spaces are skipped so a query
/// runs across them) one byte saying how many bytes were skipped before it and how long its
/// literal is. A unit's readings are those of its first scalar, looked up in the `PinyinTable`
/// while matching: nothing is allocated per character.
@usableFromInline
enum SearchUnits {
    /// A unit whose skip or length does not fit a nibble: this byte, then both as LEB128 numbers.
    static let escape: UInt8 = 0xFF

    /// `a`–`z` as bits 0–25, anything else bit 31: a necessary condition for a reading to start
    /// with a byte.
    @inline(__always)
    static func letterBit(_ byte: UInt8) -> UInt32 {
        byte &- 97 < 26 ? 1 << UInt32(byte &- 97) : 1 << 31
    }

    /// Appends the text's lower-cased UTF-8 to `bytes` and its units to `units`: reading the
    /// UTF-8 directly when every scalar is a `PlainScalars` one (then each scalar is its own
    /// character and lower-casing changes A–Z only), else as `appendCharacters` does.
    static func append(_ text: String, table: PinyinTable, bytes: inout [UInt8], units: inout [UInt8],
                       unitCache: inout UnitCache) {
        let byteCount = bytes.count, unitCount = units.count
        let plain: Bool? = text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            var skipped = 0
            var i = 0
            while i < utf8.count {
                let lead = utf8[i]
                let length: Int
                let isUnit: Bool
                if lead < 0x80 {
                    guard PlainScalars.isPlainASCII(lead) else { return false }
                    length = 1
                    let lower = lead &- 65 < 26 ? lead | 0x20 : lead
                    bytes.append(lower)
                    isUnit = lower &- 97 < 26 || lead &- 48 < 10
                } else {
                    let scalar: UInt32
                    if lead < 0xE0 {
                        scalar = UInt32(lead & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
                        length = 2
                    } else if lead < 0xF0 {
                        scalar = UInt32(lead & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
                        length = 3
                    } else {
                        return false  // beyond the BMP: never plain
                    }
                    guard PlainScalars.isPlain(scalar) else { return false }
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[i..<(i + length)]))
                    isUnit = unitCache.isUnit(scalar, table: table)
                }
                i += length
                guard isUnit else {
                    skipped += length
                    continue
                }
                if skipped < 15 {
                    units.append(UInt8(skipped << 4 | length))
                } else {
                    units.append(escape)
                    appendNumber(skipped, to: &units)
                    appendNumber(length, to: &units)
                }
                skipped = 0
            }
            return true
        }
        if plain == true { return }
        bytes.removeSubrange(byteCount...)
        units.removeSubrange(unitCount...)
        appendCharacters(text, table: table, bytes: &bytes, units: &units)
    }

    static func append(_ text: String, table: PinyinTable, bytes: inout [UInt8], units: inout [UInt8]) {
        var cache = UnitCache()
        append(text, table: table, bytes: &bytes, units: &units, unitCache: &cache)
    }

    /// Whether each BMP scalar is a unit when it is a character alone, found out once per scalar.
    struct UnitCache {
        /// 0 not known yet, 1 a unit, 2 not.
        private var known = [UInt8](repeating: 0, count: 0x10000)

        @inline(__always)
        mutating func isUnit(_ scalar: UInt32, table: PinyinTable) -> Bool {
            let slot = Int(scalar & 0xFFFF)
            if known[slot] == 0 {
                let character = Character(Unicode.Scalar(scalar)!)
                known[slot] = table.readingRange(of: scalar) != nil || character.isLetter || character.isNumber ? 1 : 2
            }
            return known[slot] == 1
        }
    }

    /// Appends the text's lower-cased UTF-8 to `bytes` and its units to `units`, character by
    /// character: the general path (and the reference of `append`).
    static func appendCharacters(_ text: String, table: PinyinTable, bytes: inout [UInt8], units: inout [UInt8]) {
        let lowered = text.lowercased()
        var skipped = 0
        for character in lowered {
            let utf8 = character.utf8
            let length = utf8.count
            bytes.append(contentsOf: utf8)
            let isUnit: Bool
            let lead = utf8.first!
            if length == 1 && lead < 0x80 {
                // An ASCII character alone: a letter or digit is a unit, the rest is punctuation.
                isUnit = (lead &- 97) < 26 || (lead &- 65) < 26 || (lead &- 48) < 10
            } else {
                let scalar = character.unicodeScalars.first!
                isUnit = table.readingRange(of: scalar.value) != nil || character.isLetter || character.isNumber
            }
            guard isUnit else {
                skipped += length
                continue
            }
            if skipped < 15 && length < 16 {  // at most 0xEF: never the escape
                units.append(UInt8(skipped << 4 | length))
            } else {
                units.append(escape)
                appendNumber(skipped, to: &units)
                appendNumber(length, to: &units)
            }
            skipped = 0
        }
    }

    static func appendNumber(_ value: Int, to units: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            units.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        units.append(UInt8(value))
    }

    /// Reads the unit at `u`: moves `position` past the bytes skipped before it (punctuation) to
    /// its first byte, and gives its length in bytes.
    @inline(__always)
    static func nextUnit(_ units: UnsafeBufferPointer<UInt8>, _ u: inout Int, _ position: inout Int) -> Int {
        let code = units[u]
        u += 1
        if code == escape {
            position += readNumber(units, &u)
            return readNumber(units, &u)
        }
        position += Int(code >> 4)
        return Int(code & 0x0F)
    }

    @inline(__always)
    static func readNumber(_ units: UnsafeBufferPointer<UInt8>, _ u: inout Int) -> Int {
        var value = 0, shift = 0
        while true {
            let byte = units[u]
            u += 1
            value |= Int(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    /// Calls `body` with each unit's literal and readings (slow: for building, not matching).
    static func forEachUnit(bytes: [UInt8], units: [UInt8], span: SearchTexts.TextSpan, table: PinyinTable,
                            _ body: (ArraySlice<UInt8>, [ArraySlice<UInt8>]) -> Void) {
        units.withUnsafeBufferPointer { all in
            let units = UnsafeBufferPointer(rebasing: all[Int(span.unitStart)..<Int(span.unitEnd)])
            var u = 0
            var position = Int(span.byteStart)
            while u < units.count {
                let length = nextUnit(units, &u, &position)
                let literal = bytes[position..<(position + length)]
                position += length
                let scalar = String(decoding: literal, as: UTF8.self).unicodeScalars.first!.value
                let readings = (table.readingRange(of: scalar) ?? 0..<0).map { r in
                    let syllable = Int(table.readings[r])
                    return table.syllableBytes[Int(table.syllableStarts[syllable])..<Int(table.syllableStarts[syllable + 1])]
                }
                body(literal, readings)
            }
        }
    }

    /// Whether some run of consecutive units spells the query, each unit contributing its
    /// literal character or a non-empty prefix of one of its readings. The states (how
    /// much of the query is spelled so far) are bits of one word: no allocation per row.
    /// - bytes: the text's folded UTF-8, starting at the text's first byte.
    /// - units: the text's units.
    @usableFromInline
    static func matches(_ query: UnsafeBufferPointer<UInt8>, bytes: UnsafeBufferPointer<UInt8>,
                        units: UnsafeBufferPointer<UInt8>, table: ReadingsView) -> Bool {
        let count = query.count
        guard count > 0, count < 64, !units.isEmpty else { return false }
        var reachable: UInt64 = 0
        var u = 0
        var position = 0
        while u < units.count {
            let length = nextUnit(units, &u, &position)
            let literal = position
            position += length
            reachable |= 1  // a match may start at any unit
            // The unit's readings: those of its first scalar.
            var readingStart = 0, readingEnd = 0
            var initials: UInt32 = 0
            let lead = bytes[literal]
            if lead >= 0x80 {
                var scalar: UInt32
                if lead < 0xE0 {
                    scalar = UInt32(lead & 0x1F) << 6 | UInt32(bytes[literal + 1] & 0x3F)
                } else if lead < 0xF0 {
                    scalar = UInt32(lead & 0x0F) << 12 | UInt32(bytes[literal + 1] & 0x3F) << 6 | UInt32(bytes[literal + 2] & 0x3F)
                } else {
                    scalar = UInt32(lead & 0x07) << 18 | UInt32(bytes[literal + 1] & 0x3F) << 12
                        | UInt32(bytes[literal + 2] & 0x3F) << 6 | UInt32(bytes[literal + 3] & 0x3F)
                }
                if scalar >= table.first {
                    let slot = Int(scalar &- table.first)
                    if slot + 1 < table.offsets.count {
                        readingStart = Int(table.offsets[slot])
                        readingEnd = Int(table.offsets[slot + 1])
                        initials = table.initials[slot]
                    }
                }
            }
            var next: UInt64 = 0
            var states = reachable
            while states != 0 {
                let q = states.trailingZeroBitCount
                states &= states - 1
                let remaining = count - q
                if length <= remaining {
                    var same = true
                    for i in 0..<length where bytes[literal + i] != query[q + i] {
                        same = false
                        break
                    }
                    if same {
                        if q + length == count { return true }
                        next |= 1 << UInt64(q + length)
                    }
                }
                guard initials & letterBit(query[q]) != 0 else { continue }
                for r in readingStart..<readingEnd {
                    let syllable = Int(table.readings[r])
                    let start = Int(table.syllableStarts[syllable])
                    let size = Int(table.syllableStarts[syllable + 1]) - start
                    var k = 0
                    while k < size && k < remaining && table.syllableBytes[start + k] == query[q + k] {
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

/// A text prepared once for matching queries typed as Chinese, pinyin initials, full pinyin
/// or a mix (`ytwh`, `yantaiwh`, `yantai` all find 烟台万华…). Its folded bytes and units are
/// two flat arrays (`SearchUnits`).
public struct PinyinSearchText: Sendable {
    public let text: String
    /// Lower-cased UTF-8 for plain substring matches (punctuation included).
    let folded: [UInt8]
    let units: [UInt8]
    let table: PinyinTable

    public init(_ text: String, table: PinyinTable) {
        self.text = text
        self.table = table
        var folded: [UInt8] = [], units: [UInt8] = []
        SearchUnits.appendCharacters(text, table: table, bytes: &folded, units: &units)
        self.folded = folded
        self.units = units
    }

    public func matches(_ query: SearchQuery) -> Bool {
        if query.isEmpty { return true }
        if containsBytes(folded, query.folded) { return true }
        return query.bytes.withUnsafeBufferPointer { query in
            folded.withUnsafeBufferPointer { bytes in
                units.withUnsafeBufferPointer { units in
                    table.withReadings { SearchUnits.matches(query, bytes: bytes, units: units, table: $0) }
                }
            }
        }
    }
}

/// Scalars each of which is a character of its own whatever stands beside it (no extending,
/// joining or prepended marks, no CR), whose lower case is itself except A–Z, and which are in
/// NFC and never compose (so texts of them compare as their UTF-8 bytes): ASCII but CR and the
/// other controls, the middle dot, general punctuation U+2010–2027, CJK symbols and
/// punctuation (not the tone marks U+302A–302F), the CJK ideographs and extension A, and the
/// full-width forms but the capital letters. `PlainScalarTests` checks each of them.
enum PlainScalars {
    @inline(__always)
    static func isPlainASCII(_ byte: UInt8) -> Bool {
        byte &- 0x20 < 0x5F || byte == 0x09 || byte == 0x0A
    }

    @inline(__always)
    static func isPlain(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return isPlainASCII(UInt8(scalar)) }
        if scalar &- 0x4E00 <= 0x9FFF - 0x4E00 { return true }
        if scalar &- 0x3400 <= 0x4DBF - 0x3400 { return true }
        if scalar &- 0x3000 <= 0x303F - 0x3000 { return scalar &- 0x302A > 0x302F - 0x302A }
        if scalar &- 0xFF01 <= 0xFF5E - 0xFF01 { return scalar &- 0xFF21 > 0xFF3A - 0xFF21 }
        return scalar &- 0x2010 <= 0x2027 - 0x2010 || scalar == 0xB7
    }

    /// Whether every scalar of the UTF-8 is plain (nil when the text is not contiguous).
    static func all(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < utf8.count {
            let lead = utf8[i]
            if lead < 0x80 {
                guard isPlainASCII(lead) else { return false }
                i += 1
            } else if lead < 0xE0 {
                guard isPlain(UInt32(lead & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)) else { return false }
                i += 2
            } else if lead < 0xF0 {
                guard isPlain(UInt32(lead & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)) else { return false }
                i += 3
            } else {
                return false
            }
        }
        return true
    }
}

/// Plain byte substring search in raw bytes (the needle is short).
@usableFromInline
func containsBytes(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
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

/// Plain byte substring search (the needle is short).
@usableFromInline
func containsBytes(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    haystack.withUnsafeBufferPointer { h in needle.withUnsafeBufferPointer { n in containsBytes(h, n) } }
}

/// A filter query, prepared once per keystroke rather than once per row.
public struct SearchQuery: Sendable {
    public let raw: String
    /// Lower-cased, trimmed, as UTF-8: for substring matches.
    @usableFromInline let folded: [UInt8]
    /// Without any white space: for pinyin matches.
    @usableFromInline let bytes: [UInt8]

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
