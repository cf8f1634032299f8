/// The search texts of every record of a `RecordIndex` in a few flat buffers: the lower-cased
/// UTF-8 of each text and its units (`SearchUnits`), with per record where its texts are. Not
/// needed for the first frame: built when a filter first needs them, by a pure function of the
/// records that may run on another thread (`RecordIndex.makeSearchTexts`), then installed.
public struct SearchTexts: Sendable {
    @usableFromInline
    struct TextSpan: Sendable {
        var byteStart: UInt32, byteEnd: UInt32, unitStart: UInt32, unitEnd: UInt32
    }

    @usableFromInline
    struct RecordSpan: Sendable {
        /// The record's pinyin texts are `texts[firstText ..< textEnd]`.
        var firstText: UInt32, textEnd: UInt32
        /// Its plain texts, joined and lower-cased: `bytes[plainStart ..< plainEnd]`.
        var plainStart: UInt32, plainEnd: UInt32
        /// Index into the ledger's enterprises.
        var enterprise: UInt32
    }

    var bytes: [UInt8] = []
    var units: [UInt8] = []
    var texts: [TextSpan] = []
    var records: [RecordSpan] = []
    /// Per block of 64 records, `LetterSets.count` words: bit `r % 64` of word `s` says whether
    /// record `r` matches the one- or two-character query `s` (letters and digits) through its
    /// own texts. Exact, so the first keystrokes need no scan.
    var letterSets: [UInt64] = []
    /// Bytes and units of replaced records still in the buffers: compacted when they outweigh the rest.
    var garbage = 0
    /// The index's version these texts were built from (`RecordIndex.installSearchTexts` replays later changes).
    public let version: Int

    init(version: Int) {
        self.version = version
    }

    /// The records' count.
    public var count: Int { records.count }

    /// What the buffers take, in bytes (capacity not counted).
    public var memoryBytes: Int {
        bytes.count + units.count + letterSets.count * 8 + texts.count * MemoryLayout<TextSpan>.stride + records.count * MemoryLayout<RecordSpan>.stride
    }

    /// Reserves the buffers for `total` records like those appended so far (a few hundred):
    /// growing 50 MB by doubling copied it several times.
    mutating func reserveForRecords(_ total: Int) {
        guard !records.isEmpty, total > records.count else { return }
        let scale = Double(total) / Double(records.count) * 1.1
        bytes.reserveCapacity(Int(Double(bytes.count) * scale))
        units.reserveCapacity(Int(Double(units.count) * scale))
        texts.reserveCapacity(Int(Double(texts.count) * scale))
        records.reserveCapacity(total)
        letterSets.reserveCapacity((total + 63) / 64 * LetterSets.count)
    }

    /// Appends a record's texts; its span is returned.
    mutating func encode(_ fields: SearchFields, enterprise: Int, table: PinyinTable, cache: inout SearchUnits.UnitCache) -> RecordSpan {
        let firstText = UInt32(texts.count)
        for text in fields.pinyin {
            let byteStart = UInt32(bytes.count), unitStart = UInt32(units.count)
            SearchUnits.append(text, table: table, bytes: &bytes, units: &units, unitCache: &cache)
            texts.append(TextSpan(byteStart: byteStart, byteEnd: UInt32(bytes.count), unitStart: unitStart, unitEnd: UInt32(units.count)))
        }
        let plainStart = UInt32(bytes.count)
        Self.appendPlain(fields.plain, to: &bytes)
        return RecordSpan(firstText: firstText, textEnd: UInt32(texts.count), plainStart: plainStart,
                          plainEnd: UInt32(bytes.count), enterprise: UInt32(enterprise))
    }

    /// The plain texts joined by U+0001 and lower-cased, as UTF-8: when every scalar is a plain
    /// one (`PlainScalars`), by lower-casing A–Z in the bytes; else by `lowercased()`.
    static func appendPlain(_ plain: [String], to bytes: inout [UInt8]) {
        let allPlain = plain.allSatisfy { text in
            text.utf8.withContiguousStorageIfAvailable { PlainScalars.all($0) } ?? false
        }
        guard allPlain else {
            bytes.append(contentsOf: plain.joined(separator: "\u{1}").lowercased().utf8)
            return
        }
        for (n, text) in plain.enumerated() {
            if n > 0 { bytes.append(1) }
            text.utf8.withContiguousStorageIfAvailable { utf8 in
                for byte in utf8 { bytes.append(byte &- 65 < 26 ? byte | 0x20 : byte) }
            }
        }
    }

    mutating func append(_ fields: SearchFields, enterprise: Int, table: PinyinTable, cache: inout SearchUnits.UnitCache) {
        records.append(encode(fields, enterprise: enterprise, table: table, cache: &cache))
        setLetters(of: records.count - 1, table: table)
    }

    mutating func append(_ fields: SearchFields, enterprise: Int, table: PinyinTable) {
        var cache = SearchUnits.UnitCache()
        append(fields, enterprise: enterprise, table: table, cache: &cache)
    }

    /// Records the one- and two-character queries of letters and digits record `index` matches:
    /// those its folded texts contain, and those its units spell (an initial, a reading's first
    /// two letters, or the initials of two units in a row). Reads the buffers in place, as
    /// `setLettersPlainly` (the reference) does with arrays.
    mutating func setLetters(of index: Int, table: PinyinTable) {
        let block = (index >> 6) * LetterSets.count
        if letterSets.count < block + LetterSets.count {
            letterSets.append(contentsOf: repeatElement(0, count: block + LetterSets.count - letterSets.count))
        }
        let bit: UInt64 = 1 << UInt64(index & 63)
        let record = records[index]
        bytes.withUnsafeBufferPointer { bytes in
            units.withUnsafeBufferPointer { units in
                texts.withUnsafeBufferPointer { texts in
                    table.withReadings { readings in
                        letterSets.withUnsafeMutableBufferPointer { all in
                            let sets = UnsafeMutableBufferPointer(rebasing: all[block..<(block + LetterSets.count)])
                            for s in sets.indices { sets[s] &= ~bit }
                            Self.setLetters(record, bit: bit, sets: sets, bytes: bytes, units: units, texts: texts, readings: readings)
                        }
                    }
                }
            }
        }
    }

    private static func setLetters(_ record: RecordSpan, bit: UInt64, sets: UnsafeMutableBufferPointer<UInt64>,
                                   bytes: UnsafeBufferPointer<UInt8>, units: UnsafeBufferPointer<UInt8>,
                                   texts: UnsafeBufferPointer<TextSpan>, readings: ReadingsView) {
        @inline(__always) func set(_ s: Int) { sets[s] |= bit }
        func containing(_ start: UInt32, _ end: UInt32) {
            var previous = -1
            for p in Int(start)..<Int(end) {
                let id = LetterSets.id(bytes[p])
                if id >= 0 {
                    set(id)
                    if previous >= 0 { set(LetterSets.pair(previous, id)) }
                }
                previous = id
            }
        }
        containing(record.plainStart, record.plainEnd)
        for t in Int(record.firstText)..<Int(record.textEnd) {
            let span = texts[t]
            containing(span.byteStart, span.byteEnd)
            // The ids of the letters a unit may start with, as bits: the previous unit's and this one's.
            var previous: UInt64 = 0
            var u = Int(span.unitStart)
            var position = Int(span.byteStart)
            while u < Int(span.unitEnd) {
                let code = units[u]
                u += 1
                let length: Int
                if code == SearchUnits.escape {
                    position += SearchUnits.readNumber(units, &u)
                    length = SearchUnits.readNumber(units, &u)
                } else {
                    position += Int(code >> 4)
                    length = Int(code & 0x0F)
                }
                let literal = position
                position += length
                var starts: UInt64 = 0
                let lead = bytes[literal]
                if length == 1, LetterSets.id(lead) >= 0 { starts |= 1 << UInt64(LetterSets.id(lead)) }
                if length == 2, LetterSets.id(lead) >= 0, LetterSets.id(bytes[literal + 1]) >= 0 {
                    set(LetterSets.pair(LetterSets.id(lead), LetterSets.id(bytes[literal + 1])))
                }
                // The readings of the literal's first scalar.
                let scalar: UInt32
                if lead < 0x80 {
                    scalar = UInt32(lead)
                } else if lead < 0xE0 {
                    scalar = UInt32(lead & 0x1F) << 6 | UInt32(bytes[literal + 1] & 0x3F)
                } else if lead < 0xF0 {
                    scalar = UInt32(lead & 0x0F) << 12 | UInt32(bytes[literal + 1] & 0x3F) << 6 | UInt32(bytes[literal + 2] & 0x3F)
                } else {
                    scalar = UInt32(lead & 0x07) << 18 | UInt32(bytes[literal + 1] & 0x3F) << 12
                        | UInt32(bytes[literal + 2] & 0x3F) << 6 | UInt32(bytes[literal + 3] & 0x3F)
                }
                if scalar >= readings.first, Int(scalar - readings.first) + 1 < readings.offsets.count {
                    let slot = Int(scalar - readings.first)
                    for r in Int(readings.offsets[slot])..<Int(readings.offsets[slot + 1]) {
                        let syllable = Int(readings.readings[r])
                        let start = Int(readings.syllableStarts[syllable]), end = Int(readings.syllableStarts[syllable + 1])
                        guard end > start else { continue }
                        let first = LetterSets.id(readings.syllableBytes[start])
                        guard first >= 0 else { continue }
                        starts |= 1 << UInt64(first)
                        if end - start >= 2, LetterSets.id(readings.syllableBytes[start + 1]) >= 0 {
                            set(LetterSets.pair(first, LetterSets.id(readings.syllableBytes[start + 1])))
                        }
                    }
                }
                var each = starts
                while each != 0 {
                    let b = each.trailingZeroBitCount
                    each &= each - 1
                    set(b)
                    var before = previous
                    while before != 0 {
                        let a = before.trailingZeroBitCount
                        before &= before - 1
                        set(LetterSets.pair(a, b))
                    }
                }
                previous = starts
            }
        }
    }

    /// The letter sets of record `index` as `setLetters` must make them, from arrays of each
    /// unit's literal and readings (slow: the reference for tests).
    func lettersPlainly(of index: Int, table: PinyinTable) -> Set<Int> {
        var found: [Int] = []
        func containing(_ start: UInt32, _ end: UInt32) {
            var previous = -1
            for b in bytes[Int(start)..<Int(end)] {
                let id = LetterSets.id(b)
                if id >= 0 {
                    found.append(id)
                    if previous >= 0 { found.append(LetterSets.pair(previous, id)) }
                }
                previous = id
            }
        }
        let record = records[index]
        containing(record.plainStart, record.plainEnd)
        for t in Int(record.firstText)..<Int(record.textEnd) {
            let span = texts[t]
            containing(span.byteStart, span.byteEnd)
            var previous: [Int] = []
            SearchUnits.forEachUnit(bytes: bytes, units: units, span: span, table: table) { literal, readings in
                var starts: [Int] = []
                if literal.count == 1, LetterSets.id(literal[literal.startIndex]) >= 0 { starts.append(LetterSets.id(literal[literal.startIndex])) }
                if literal.count == 2, LetterSets.id(literal[literal.startIndex]) >= 0, LetterSets.id(literal[literal.startIndex + 1]) >= 0 {
                    found.append(LetterSets.pair(LetterSets.id(literal[literal.startIndex]), LetterSets.id(literal[literal.startIndex + 1])))
                }
                for reading in readings where !reading.isEmpty {
                    let first = LetterSets.id(reading[reading.startIndex])
                    guard first >= 0 else { continue }
                    starts.append(first)
                    if reading.count >= 2, LetterSets.id(reading[reading.startIndex + 1]) >= 0 {
                        found.append(LetterSets.pair(first, LetterSets.id(reading[reading.startIndex + 1])))
                    }
                }
                found += starts
                for a in previous { for b in starts { found.append(LetterSets.pair(a, b)) } }
                previous = starts
            }
        }
        return Set(found)
    }

    /// The letter sets record `index` is in (for tests).
    func letters(of index: Int) -> Set<Int> {
        let block = (index >> 6) * LetterSets.count
        return Set((0..<LetterSets.count).filter { letterSets[block + $0] >> UInt64(index & 63) & 1 != 0 })
    }

    /// The record at `index` has new texts (or is new, at the end).
    mutating func replace(_ index: Int, with fields: SearchFields, enterprise: Int, table: PinyinTable) {
        guard index < records.count else {
            append(fields, enterprise: enterprise, table: table)
            return
        }
        garbage += size(of: records[index])
        var cache = SearchUnits.UnitCache()
        records[index] = encode(fields, enterprise: enterprise, table: table, cache: &cache)
        setLetters(of: index, table: table)
        if garbage > 4096 && garbage * 2 > bytes.count + units.count { compact() }
    }

    /// Removes the records at these indices (ascending); the others keep their order.
    mutating func remove(_ indices: [Int], table: PinyinTable) {
        guard !indices.isEmpty else { return }
        let removed = Set(indices)
        for i in indices where i < records.count { garbage += size(of: records[i]) }
        var kept: [RecordSpan] = []
        kept.reserveCapacity(records.count)
        for (i, record) in records.enumerated() where !removed.contains(i) { kept.append(record) }
        records = kept
        // Indices shifted: the letter sets are made again.
        letterSets = []
        for i in records.indices { setLetters(of: i, table: table) }
        if garbage > 4096 && garbage * 2 > bytes.count + units.count { compact() }
    }

    private func size(of record: RecordSpan) -> Int {
        var size = Int(record.plainEnd - record.plainStart)
        for t in Int(record.firstText)..<Int(record.textEnd) {
            size += Int(texts[t].byteEnd - texts[t].byteStart) + Int(texts[t].unitEnd - texts[t].unitStart)
        }
        return size
    }

    /// Copies the live records' texts into new buffers, in record order.
    private mutating func compact() {
        var fresh = SearchTexts(version: version)
        fresh.letterSets = letterSets  // the records keep their indices
        fresh.bytes.reserveCapacity(bytes.count - garbage / 2)
        for record in records {
            let firstText = UInt32(fresh.texts.count)
            for t in Int(record.firstText)..<Int(record.textEnd) {
                let span = texts[t]
                let byteStart = UInt32(fresh.bytes.count), unitStart = UInt32(fresh.units.count)
                fresh.bytes.append(contentsOf: bytes[Int(span.byteStart)..<Int(span.byteEnd)])
                fresh.units.append(contentsOf: units[Int(span.unitStart)..<Int(span.unitEnd)])
                fresh.texts.append(TextSpan(byteStart: byteStart, byteEnd: UInt32(fresh.bytes.count),
                                            unitStart: unitStart, unitEnd: UInt32(fresh.units.count)))
            }
            let plainStart = UInt32(fresh.bytes.count)
            fresh.bytes.append(contentsOf: bytes[Int(record.plainStart)..<Int(record.plainEnd)])
            fresh.records.append(RecordSpan(firstText: firstText, textEnd: UInt32(fresh.texts.count), plainStart: plainStart,
                                            plainEnd: UInt32(fresh.bytes.count), enterprise: record.enterprise))
        }
        self = fresh
    }

    /// The candidates (in their order) whose enterprise matches (`enterpriseHit`), or whose plain
    /// texts contain the query, or one of whose pinyin texts matches it.
    @usableFromInline
    func filter(_ candidates: [Int], _ query: SearchQuery, enterpriseHit: [Bool], table: PinyinTable) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(candidates.count)
        if let set = LetterSets.set(of: query) {
            for i in candidates where enterpriseHit[Int(records[i].enterprise)] || letterSets[(i >> 6) * LetterSets.count + set] >> UInt64(i & 63) & 1 != 0 {
                result.append(i)
            }
            return result
        }
        withBuffers(query, table: table) { buffers in
            for i in candidates where buffers.recordMatches(i, enterpriseHit: enterpriseHit) { result.append(i) }
        }
        return result
    }

    /// Whether the record's `n`th pinyin text matches.
    @usableFromInline
    func textMatches(_ record: Int, _ n: Int, _ query: SearchQuery, table: PinyinTable) -> Bool {
        if query.isEmpty { return true }
        return withBuffers(query, table: table) { $0.textMatches(Int(records[record].firstText) + n) }
    }

    func withBuffers<R>(_ query: SearchQuery, table: PinyinTable, _ body: (Buffers) -> R) -> R {
        query.folded.withUnsafeBufferPointer { folded in
            query.bytes.withUnsafeBufferPointer { queryBytes in
                bytes.withUnsafeBufferPointer { bytes in
                    units.withUnsafeBufferPointer { units in
                        texts.withUnsafeBufferPointer { texts in
                            records.withUnsafeBufferPointer { records in
                                table.withReadings { readings in
                                    body(Buffers(folded: folded, query: queryBytes, bytes: bytes, units: units, texts: texts,
                                                 records: records, readings: readings))
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The buffers and the query during one filtering pass.
    struct Buffers {
        let folded: UnsafeBufferPointer<UInt8>
        let query: UnsafeBufferPointer<UInt8>
        let bytes: UnsafeBufferPointer<UInt8>
        let units: UnsafeBufferPointer<UInt8>
        let texts: UnsafeBufferPointer<TextSpan>
        let records: UnsafeBufferPointer<RecordSpan>
        let readings: ReadingsView

        @inline(__always)
        func slice(_ start: UInt32, _ end: UInt32) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[Int(start)..<Int(end)])
        }

        /// As `PinyinSearchText.matches`: a substring of the folded text, or spelled by its units.
        func textMatches(_ t: Int) -> Bool {
            let span = texts[t]
            let text = slice(span.byteStart, span.byteEnd)
            return containsBytes(text, folded)
                || SearchUnits.matches(query, bytes: text, units: UnsafeBufferPointer(rebasing: units[Int(span.unitStart)..<Int(span.unitEnd)]),
                                       table: readings)
        }

        func recordMatches(_ i: Int, enterpriseHit: [Bool]) -> Bool {
            let record = records[i]
            if enterpriseHit[Int(record.enterprise)] || containsBytes(slice(record.plainStart, record.plainEnd), folded) { return true }
            for t in Int(record.firstText)..<Int(record.textEnd) where textMatches(t) { return true }
            return false
        }
    }
}

/// The queries of one or two letters or digits, numbered: `a`–`z` 0–25, `0`–`9` 26–35, then the pairs.
enum LetterSets {
    static let letters = 36
    static let count = letters + letters * letters

    @inline(__always)
    static func id(_ byte: UInt8) -> Int {
        if byte &- 97 < 26 { return Int(byte &- 97) }
        if byte &- 48 < 10 { return Int(byte &- 48) + 26 }
        return -1
    }

    @inline(__always)
    static func pair(_ a: Int, _ b: Int) -> Int { letters + a * letters + b }

    /// The set answering this query, or nil when it is not one or two letters or digits.
    static func set(of query: SearchQuery) -> Int? {
        guard query.folded == query.bytes else { return nil }
        switch query.bytes.count {
        case 1:
            let a = id(query.bytes[0])
            return a >= 0 ? a : nil
        case 2:
            let a = id(query.bytes[0]), b = id(query.bytes[1])
            return a >= 0 && b >= 0 ? pair(a, b) : nil
        default:
            return nil
        }
    }
}
