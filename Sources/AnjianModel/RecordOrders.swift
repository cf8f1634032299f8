import Foundation

/// A value records sort by: numbers compare as numbers, texts by code points (Swift's `<`).
public enum RecordSortValue: Sendable, Equatable {
    case number(Int), text(String)

    /// -1, 0, 1; a number and a text compare equal (a column never mixes them).
    @inlinable
    public static func compare(_ a: RecordSortValue, _ b: RecordSortValue) -> Int {
        switch (a, b) {
        case let (.number(x), .number(y)): return x < y ? -1 : (x > y ? 1 : 0)
        case let (.text(x), .text(y)): return x < y ? -1 : (x > y ? 1 : 0)
        default: return 0
        }
    }
}

extension RecordIndex {
    /// How a list sorts its records: by `key`, ties by the text `tie` gives (a hazard's number,
    /// compared with `<`), then by the record's index, exactly as a stable sort of the records in
    /// index order would. One index uses one `tie` for all its orders.
    public struct OrderSpec: Sendable {
        public var name: String
        /// What the keys depend on besides the records (today, the enterprises' ranks): a kept
        /// order with another tag is computed again.
        public var tag: [Int]
        public var key: @Sendable (Record) -> RecordSortValue
        public var tie: @Sendable (Item) -> String

        public init(name: String, tag: [Int], key: @escaping @Sendable (Record) -> RecordSortValue,
                    tie: @escaping @Sendable (Item) -> String) {
            self.name = name
            self.tag = tag
            self.key = key
            self.tie = tie
        }
    }

    /// Every record in the order of a spec, computed once and kept up to date by `upsert` and
    /// `remove`, so a sort change or a filter walks it instead of sorting.
    public struct Order: Sendable {
        public let spec: OrderSpec
        /// Record indices, ascending.
        public internal(set) var ascending: [Int32]
        /// Whether the record at each position starts a run of equal keys: a descending walk
        /// takes the runs from the last, each in its ascending order (ties stay by the tie text).
        @usableFromInline var startsRun: [Bool]

        /// The records of `ascending` in the order asked, those `keep` admits.
        @inlinable
        public func walk(ascending forward: Bool, keep: (Int) -> Bool = { _ in true }) -> [Int] {
            var result: [Int] = []
            result.reserveCapacity(ascending.count)
            ascending.withUnsafeBufferPointer { order in
                if forward {
                    for r in order where keep(Int(r)) { result.append(Int(r)) }
                    return
                }
                startsRun.withUnsafeBufferPointer { starts in
                    var end = order.count
                    while end > 0 {
                        var start = end - 1
                        while start > 0 && !starts[start] { start -= 1 }
                        for p in start..<end where keep(Int(order[p])) { result.append(Int(order[p])) }
                        end = start
                    }
                }
            }
            return result
        }
    }

    /// A byte of facts per record for a day (the figures a header counts), kept up to date like the orders.
    public struct Facts: Sendable {
        public let tag: [Int]
        public let make: @Sendable (Record) -> UInt8
        public internal(set) var values: [UInt8]
    }

    /// Orders and facts computed apart (another thread) from a copy of the index at `version`.
    public struct Prepared: Sendable {
        public let version: Int
        public var orders: [Order]
        public var facts: Facts?
    }

    /// The records in the spec's order: a pure function of the records, to run on any thread.
    @_specialize(where Item == Hazard)
    @_specialize(where Item == SupervisionEntry)
    public func makeOrder(_ spec: OrderSpec) -> Order {
        let n = records.count
        // Ties first: the records by their tie text, in index order where it is equal (a stable sort).
        let tie: [Int]
        if let kept = tieOrder(for: spec) {
            tie = kept
        } else {
            var texts: [String] = []
            texts.reserveCapacity(n)
            records.withUnsafeBufferPointer { records in
                for i in 0..<n { texts.append(spec.tie(records[i].item)) }
            }
            tie = Self.tieOrder(texts)
        }
        var values: [RecordSortValue] = []
        values.reserveCapacity(n)
        records.withUnsafeBufferPointer { records in
            for i in 0..<n { values.append(spec.key(records[i])) }
        }
        return Self.makeOrder(spec, values: values, tie: tie)
    }

    /// The records' indices by their tie texts, in index order where they are equal (a stable sort).
    static func tieOrder(_ texts: [String]) -> [Int] {
        if let ranks = textRanks(texts) {
            var packed = [UInt64](repeating: 0, count: texts.count)
            for i in texts.indices { packed[i] = UInt64(ranks[i]) << 32 | UInt64(i) }
            packed.sort()
            return packed.map { Int($0 & 0xFFFF_FFFF) }
        }
        return texts.indices.sorted { texts[$0] < texts[$1] }
    }

    /// The order of the records whose keys are `values`, ties in the order `tie`.
    static func makeOrder(_ spec: OrderSpec, values: [RecordSortValue], tie: [Int]) -> Order {
        let n = values.count
        var rank = [Int](repeating: 0, count: n)
        for (p, r) in tie.enumerated() { rank[r] = p }
        // Keys as numbers: texts by their rank among the distinct texts.
        var keys = [Int](repeating: 0, count: n)
        var numbers = 0, texts = 0
        for v in values { if case .number = v { numbers += 1 } else { texts += 1 } }
        if texts == 0 {
            for (i, v) in values.enumerated() { if case .number(let x) = v { keys[i] = x } }
        } else if numbers == 0 {
            let strings = values.map { v -> String in if case .text(let t) = v { return t } else { return "" } }
            if let ranks = textRanks(strings) {
                for i in 0..<n { keys[i] = Int(ranks[i]) }
            } else {
                let distinct = Array(Set(strings)).sorted()
                var place: [String: Int] = [:]
                place.reserveCapacity(distinct.count)
                for (p, t) in distinct.enumerated() { place[t] = p }
                for i in 0..<n { keys[i] = place[strings[i]]! }
            }
        }
        var order: [Int32]
        let low = keys.min() ?? 0, high = keys.max() ?? 0
        let mixed = numbers > 0 && texts > 0
        if mixed {
            // Not expected (a column never mixes them): the plain comparison.
            order = values.indices.sorted { a, b in
                let c = RecordSortValue.compare(values[a], values[b])
                return c != 0 ? c < 0 : rank[a] < rank[b]
            }.map { Int32($0) }
        } else if n < 1 << 21, case let (span, overflow) = high.subtractingReportingOverflow(low), !overflow, span < 1 << 42 {
            // Key and tie rank packed in one word: sorting words is several times faster than a comparator.
            var packed = [UInt64](repeating: 0, count: n)
            for i in 0..<n { packed[i] = UInt64(keys[i] - low) << 21 | UInt64(rank[i]) }
            packed.sort()
            order = packed.map { Int32(tie[Int($0 & (1 << 21 - 1))]) }
        } else {
            order = values.indices.sorted { a, b in keys[a] != keys[b] ? keys[a] < keys[b] : rank[a] < rank[b] }.map { Int32($0) }
        }
        var starts = [Bool](repeating: false, count: n)
        if mixed {
            for p in 0..<n { starts[p] = p == 0 || RecordSortValue.compare(values[Int(order[p - 1])], values[Int(order[p])]) != 0 }
        } else {
            // Equal keys are equal values: numbers themselves, texts by their rank among the distinct ones.
            for p in 0..<n { starts[p] = p == 0 || keys[Int(order[p - 1])] != keys[Int(order[p])] }
        }
        return Order(spec: spec, ascending: order, startsRun: starts)
    }

    /// A kept order with a constant key gives the tie order for free.
    private func tieOrder(for spec: OrderSpec) -> [Int]? {
        guard let kept = orders[Self.tieName], kept.ascending.count == records.count else { return nil }
        return kept.ascending.map(Int.init)
    }

    /// The name of the order by the tie text alone, which the other orders reuse for their ties.
    public static var tieName: String { "#tie" }

    /// The kept order of the spec, computed now when missing or made for another tag.
    public mutating func order(_ spec: OrderSpec) -> Order {
        if let kept = orders[spec.name], kept.spec.tag == spec.tag, kept.ascending.count == records.count { return kept }
        if orders[Self.tieName] == nil, spec.name != Self.tieName {
            orders[Self.tieName] = makeOrder(OrderSpec(name: Self.tieName, tag: [], key: { _ in .number(0) }, tie: spec.tie))
        }
        let made = makeOrder(spec)
        orders[spec.name] = made
        return made
    }

    /// The kept facts for the tag, computed now when missing or made for another tag.
    public mutating func facts(tag: [Int], make: @escaping @Sendable (Record) -> UInt8) -> [UInt8] {
        if let kept = facts, kept.tag == tag, kept.values.count == records.count { return kept.values }
        let made = Facts(tag: tag, make: make, values: records.map(make))
        facts = made
        return made.values
    }

    /// The orders (the tie order first) and facts, computed from this index: a pure function,
    /// to run on another thread on a copy of the index; `installPrepared` keeps them.
    @_specialize(where Item == Hazard)
    public func makePrepared(_ specs: [OrderSpec], factsTag: [Int], facts make: @escaping @Sendable (Record) -> UInt8) -> Prepared {
        // Every key, tie text and fact read in one pass: passing a record to a closure copies it
        // (each of a hazard's fields retained), once per record rather than once per column.
        let n = records.count
        var values = [[RecordSortValue]](repeating: [], count: specs.count)
        for s in specs.indices { values[s].reserveCapacity(n) }
        var tieTexts: [String] = []
        tieTexts.reserveCapacity(n)
        var facts: [UInt8] = []
        facts.reserveCapacity(n)
        let tieText = specs.first?.tie
        for i in 0..<n {
            let record = records[i]
            for s in specs.indices { values[s].append(specs[s].key(record)) }
            if let tieText { tieTexts.append(tieText(record.item)) }
            facts.append(make(record))
        }
        var made: [Order] = []
        if let first = specs.first {
            let tie = Self.tieOrder(tieTexts)
            made.append(Order(spec: OrderSpec(name: Self.tieName, tag: [], key: { _ in .number(0) }, tie: first.tie),
                              ascending: tie.map { Int32($0) }, startsRun: (0..<n).map { $0 == 0 }))
            // The columns sorted on every core.
            let sorted = SortedOrders(count: specs.count), keyValues = values
            DispatchQueue.concurrentPerform(iterations: specs.count) { s in
                sorted.set(s, Self.makeOrder(specs[s], values: keyValues[s], tie: tie))
            }
            made += sorted.orders
        }
        return Prepared(version: version, orders: made, facts: Facts(tag: factsTag, make: make, values: facts))
    }

    /// The orders made on several threads, each in its slot.
    private final class SortedOrders: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [Order?]
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ s: Int, _ order: Order) { lock.withLock { slots[s] = order } }
        var orders: [Order] { lock.withLock { slots.map { $0! } } }
    }

    /// Keeps orders and facts made by `makePrepared` from this index as it is now; made from an
    /// older copy (a record changed meanwhile), they are dropped and computed when first needed.
    public mutating func installPrepared(_ prepared: Prepared) {
        guard prepared.version == version else { return }
        for order in prepared.orders { orders[order.spec.name] = order }
        if let made = prepared.facts { facts = made }
    }

    /// Record `index` is new (at the end) or changed: its place in every kept order, and its facts.
    mutating func updateOrders(_ index: Int, isNew: Bool) {
        for name in orders.keys {
            orders[name]!.place(index, isNew: isNew, records: records)
        }
        if facts != nil {
            let value = facts!.make(records[index])
            if isNew { facts!.values.append(value) } else { facts!.values[index] = value }
        }
    }

    /// The records at `removed` (ascending, indices before the removal) are gone.
    mutating func removeFromOrders(_ removed: [Int]) {
        guard !removed.isEmpty else { return }
        let gone = Set(removed)
        for name in orders.keys { orders[name]!.drop(gone, sortedRemoved: removed) }
        if facts != nil {
            var kept: [UInt8] = []
            kept.reserveCapacity(facts!.values.count)
            for (i, v) in facts!.values.enumerated() where !gone.contains(i) { kept.append(v) }
            facts!.values = kept
        }
    }
}

extension RecordIndex.Order {
    /// Whether record `a` comes before record `b` ascending.
    func precedes(_ a: Int, _ b: Int, records: [RecordIndex<Item>.Record]) -> Bool {
        let c = RecordSortValue.compare(spec.key(records[a]), spec.key(records[b]))
        if c != 0 { return c < 0 }
        let x = spec.tie(records[a].item), y = spec.tie(records[b].item)
        return x != y ? x < y : a < b
    }

    mutating func place(_ index: Int, isNew: Bool, records: [RecordIndex<Item>.Record]) {
        if !isNew, let p = ascending.firstIndex(of: Int32(index)) {
            if startsRun[p], p + 1 < startsRun.count { startsRun[p + 1] = true }
            ascending.remove(at: p)
            startsRun.remove(at: p)
        }
        var low = 0, high = ascending.count
        while low < high {
            let mid = (low + high) / 2
            if precedes(Int(ascending[mid]), index, records: records) { low = mid + 1 } else { high = mid }
        }
        ascending.insert(Int32(index), at: low)
        let key = spec.key(records[index])
        startsRun.insert(low == 0 || RecordSortValue.compare(spec.key(records[Int(ascending[low - 1])]), key) != 0, at: low)
        if low + 1 < ascending.count {
            startsRun[low + 1] = RecordSortValue.compare(key, spec.key(records[Int(ascending[low + 1])])) != 0
        }
    }

    mutating func drop(_ gone: Set<Int>, sortedRemoved: [Int]) {
        // New index = old index less the removed ones before it.
        var newOrder: [Int32] = [], newStarts: [Bool] = []
        newOrder.reserveCapacity(ascending.count)
        newStarts.reserveCapacity(ascending.count)
        var carry = false
        for (p, r) in ascending.enumerated() {
            let old = Int(r)
            if gone.contains(old) {
                carry = carry || startsRun[p]
                continue
            }
            var shift = 0, low = 0, high = sortedRemoved.count
            while low < high { let mid = (low + high) / 2; if sortedRemoved[mid] < old { low = mid + 1 } else { high = mid } }
            shift = low
            newOrder.append(Int32(old - shift))
            newStarts.append(startsRun[p] || carry)
            carry = false
        }
        ascending = newOrder
        startsRun = newStarts
    }
}

/// Each text's rank among the distinct texts in Swift's order (`<`), equal texts the same rank,
/// read from their UTF-8: when every scalar of every text is a plain one (`PlainScalars`, in NFC,
/// never composing) Swift's order is the bytes' order and equal texts are equal bytes. Nil
/// otherwise: the caller compares the strings.
public func textRanks(_ texts: [String]) -> [Int32]? {
    let n = texts.count
    guard n > 0 else { return [] }
    // The texts' bytes one after another, and per text its first 8 bytes as a big-endian word.
    var bytes: [UInt8] = []
    var starts = [Int](repeating: 0, count: n + 1)
    var prefixes = [UInt64](repeating: 0, count: n)
    for i in 0..<n {
        let plain: Bool? = texts[i].utf8.withContiguousStorageIfAvailable { utf8 in
            guard PlainScalars.all(utf8) else { return false }
            bytes.append(contentsOf: utf8)
            var prefix: UInt64 = 0
            for k in 0..<8 { prefix = prefix << 8 | UInt64(k < utf8.count ? utf8[k] : 0) }
            prefixes[i] = prefix
            return true
        }
        guard plain == true else { return nil }
        starts[i + 1] = bytes.count
    }
    var order = (0..<Int32(n)).map { $0 }
    bytes.withUnsafeBufferPointer { bytes in
        starts.withUnsafeBufferPointer { starts in
            prefixes.withUnsafeBufferPointer { prefixes in
                // -1, 0, 1 as the texts' bytes compare (a shorter text first where one begins the other).
                func compare(_ a: Int, _ b: Int) -> Int {
                    if prefixes[a] != prefixes[b] { return prefixes[a] < prefixes[b] ? -1 : 1 }
                    let la = starts[a + 1] - starts[a], lb = starts[b + 1] - starts[b]
                    let common = min(la, lb)
                    if common > 8 {
                        let c = memcmp(bytes.baseAddress! + starts[a] + 8, bytes.baseAddress! + starts[b] + 8, common - 8)
                        if c != 0 { return c < 0 ? -1 : 1 }
                    }
                    return la == lb ? 0 : (la < lb ? -1 : 1)
                }
                order.sort { compare(Int($0), Int($1)) < 0 }
                var ranks = [Int32](repeating: 0, count: n)
                var rank: Int32 = 0
                for p in 0..<n {
                    if p > 0 && compare(Int(order[p - 1]), Int(order[p])) != 0 { rank += 1 }
                    ranks[Int(order[p])] = rank
                }
                order = ranks
            }
        }
    }
    return order
}
