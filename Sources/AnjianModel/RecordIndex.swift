/// A record kept per enterprise and searched city-wide (a supervision entry, a hazard).
public protocol LedgerRecord: Sendable, Equatable, Identifiable where ID == String {
    var enterpriseCode: String { get }
}

/// What a record offers to the text filter: texts matched with pinyin (names, descriptions)
/// and plain texts matched as lowercase substrings (numbers, dates, codes, labels).
public struct SearchFields: Sendable {
    public var pinyin: [String]
    public var plain: [String]
    public init(pinyin: [String], plain: [String]) {
        self.pinyin = pinyin
        self.plain = plain
    }
}

/// Every record of one kind in the city, for the city-wide lists, and their search texts.
/// Built once at load; a saved record updates its own row only. One index serves hazards
/// and supervision entries alike. The per-keystroke paths are `@inlinable`, so the app gets
/// them specialised for its record type rather than generic (measured 2–3 times slower).
///
/// The search texts (`SearchTexts`) are not built with the records: the first frame does not
/// need them. `prepareSearchTexts()` builds them where they are first needed; or
/// `makeSearchTexts()` builds them from a copy of the index on another thread and
/// `installSearchTexts(_:)` installs them, catching up with the records changed meanwhile.
public struct RecordIndex<Item: LedgerRecord>: Sendable {
    public struct Record: Sendable {
        public var item: Item
        /// Index into the ledger's enterprises.
        public var enterprise: Int
        /// The enterprise's district in the customary order, for sorting.
        public var districtOrder: Int
    }

    public private(set) var records: [Record] = []
    /// Where each record is, by enterprise code and id: O(1) updates.
    var positions: [String: Int] = [:]
    @usableFromInline let pinyin: PinyinTable
    /// The enterprises with their search index, shared: their names are matched once per query.
    public private(set) var enterprises: EnterpriseDirectory
    @usableFromInline let fields: @Sendable (Item) -> SearchFields
    /// Nil until built and installed; then kept up to date by `upsert` and `remove`.
    public private(set) var searchTexts: SearchTexts?
    /// Counts the changes to the records, so texts built from an older copy can catch up.
    public private(set) var version = 0
    /// The changes made while no texts were installed, by version: replayed by `installSearchTexts`.
    private var pending: [(version: Int, change: PendingChange)] = []
    private enum PendingChange: Sendable { case upsert(Int), remove([Int]) }
    /// The orders the lists walk, by name (`RecordOrders.swift`), kept up to date by `upsert` and `remove`.
    public internal(set) var orders: [String: Order] = [:]
    /// A byte of facts per record for a day, kept up to date likewise.
    public internal(set) var facts: Facts? = nil

    public init(_ items: [String: [Item]], enterprises: EnterpriseDirectory, pinyin: PinyinTable,
                fields: @escaping @Sendable (Item) -> SearchFields) {
        self.pinyin = pinyin
        self.enterprises = enterprises
        self.fields = fields
        for code in items.keys.sorted() {
            for item in items[code]! { upsert(item) }
        }
        // Building is not a change a later install must replay.
        pending = []
    }

    /// Adds the record, or replaces the one with its id.
    public mutating func upsert(_ item: Item) {
        guard let enterprise = enterprises.index(of: item.enterpriseCode) else { return }
        let record = Record(item: item, enterprise: enterprise,
                            districtOrder: District.named(enterprises.enterprises[enterprise].district)?.order ?? 99)
        let key = item.enterpriseCode + "/" + item.id
        let index: Int
        let isNew: Bool
        if let i = positions[key] {
            // A saved file's records come back whole: the unchanged ones change nothing (a kept
            // order would otherwise be walked for each of thousands).
            if records[i].item == item, records[i].enterprise == enterprise, records[i].districtOrder == record.districtOrder { return }
            records[i] = record
            index = i
            isNew = false
        } else {
            index = records.count
            positions[key] = index
            records.append(record)
            isNew = true
        }
        version += 1
        updateOrders(index, isNew: isNew)
        if searchTexts != nil {
            searchTexts!.replace(index, with: fields(item), enterprise: enterprise, table: pinyin)
        } else {
            pending.append((version, .upsert(index)))
        }
    }

    /// The enterprise list changed (an edit, a new enterprise, a re-keying): the records follow
    /// it. A record whose enterprise moved in the list or changed district is updated as a saved
    /// one would be (its orders and search text too); the others stay. Records of an enterprise no
    /// longer listed are left for the caller to remove.
    public mutating func replaceEnterprises(_ directory: EnterpriseDirectory) {
        enterprises = directory
        for i in records.indices {
            guard let enterprise = directory.index(of: records[i].item.enterpriseCode) else { continue }
            let order = District.named(directory.enterprises[enterprise].district)?.order ?? 99
            if records[i].enterprise != enterprise || records[i].districtOrder != order { upsert(records[i].item) }
        }
    }

    /// Removes the enterprise's records with these ids (another program deleted them). The
    /// remaining records keep their order; their indices shift, so lists compute their rows again.
    public mutating func remove(_ ids: Set<String>, enterpriseCode code: String) {
        guard !ids.isEmpty else { return }
        let removed = records.indices.filter { records[$0].item.enterpriseCode == code && ids.contains(records[$0].item.id) }
        guard !removed.isEmpty else { return }
        records.removeAll { $0.item.enterpriseCode == code && ids.contains($0.item.id) }
        positions = [:]
        for (i, record) in records.enumerated() { positions[record.item.enterpriseCode + "/" + record.item.id] = i }
        version += 1
        removeFromOrders(removed)
        if searchTexts != nil {
            searchTexts!.remove(removed, table: pinyin)
        } else {
            pending.append((version, .remove(removed)))
        }
    }

    /// The search texts of every record, built from this index's records: a pure function,
    /// to run on any thread on a copy of the index.
    @_specialize(where Item == Hazard)
    @_specialize(where Item == SupervisionEntry)
    public func makeSearchTexts() -> SearchTexts {
        var texts = SearchTexts(version: version)
        texts.records.reserveCapacity(records.count)
        var cache = SearchUnits.UnitCache()
        records.withUnsafeBufferPointer { records in
            for i in records.indices {
                texts.append(fields(records[i].item), enterprise: records[i].enterprise, table: pinyin, cache: &cache)
                if i == 255 { texts.reserveForRecords(records.count) }
            }
        }
        return texts
    }

    /// Installs texts made by `makeSearchTexts` from this index or an older copy of it: the
    /// records changed since are brought up to date first.
    public mutating func installSearchTexts(_ texts: SearchTexts) {
        guard searchTexts == nil || texts.version > searchTexts!.version else { return }
        var texts = texts
        // Replay the changes by index (a removal shifts the indices after it), then encode the
        // records changed as they are now.
        var changed = Set<Int>()
        for (version, change) in pending where version > texts.version {
            switch change {
            case .upsert(let i):
                if i >= texts.count { texts.append(SearchFields(pinyin: [], plain: []), enterprise: 0, table: pinyin) }
                changed.insert(i)
            case .remove(let indices):
                texts.remove(indices, table: pinyin)
                let removed = Set(indices)
                changed = Set(changed.filter { !removed.contains($0) }.map { i in i - indices.prefix { $0 < i }.count })
            }
        }
        for i in changed.sorted() where i < records.count {
            texts.replace(i, with: fields(records[i].item), enterprise: records[i].enterprise, table: pinyin)
        }
        if texts.count != records.count { texts = makeSearchTexts() }  // not expected: a safety net
        pending = []
        searchTexts = texts
    }

    /// Builds and installs the search texts if they are not there yet.
    public mutating func prepareSearchTexts() {
        if searchTexts == nil { installSearchTexts(makeSearchTexts()) }
    }

    /// Indices of records matching the text query (all when empty), within `candidates` when given.
    /// The enterprise's names are matched once per enterprise, not once per record. Without
    /// installed search texts they are built for this call (slow: `prepareSearchTexts` first).
    @inlinable
    public func matching(_ query: SearchQuery, among candidates: [Int]? = nil) -> [Int] {
        if query.isEmpty { return candidates ?? Array(records.indices) }
        let enterpriseHit = enterprises.matchesByEnterprise(query)
        let texts = searchTexts ?? makeSearchTexts()
        return texts.filter(candidates ?? Array(records.indices), query, enterpriseHit: enterpriseHit, table: pinyin)
    }

    /// Whether the record's `n`th pinyin text matches (e.g. who found a hazard).
    @inlinable
    public func pinyinField(_ n: Int, of record: Int, matches query: SearchQuery) -> Bool {
        if query.isEmpty { return true }
        if let searchTexts { return searchTexts.textMatches(record, n, query, table: pinyin) }
        return PinyinSearchText(fields(records[record].item).pinyin[n], table: pinyin).matches(query)
    }

    public func enterprise(_ code: String) -> Int? { enterprises.index(of: code) }
}

extension Hazard: LedgerRecord {}
extension SupervisionEntry: LedgerRecord {}

public typealias HazardDirectory = RecordIndex<Hazard>
public typealias SupervisionDirectory = RecordIndex<SupervisionEntry>

extension RecordIndex.Record where Item == Hazard {
    @inlinable public var hazard: Hazard { item }
}

extension RecordIndex.Record where Item == SupervisionEntry {
    @inlinable public var entry: SupervisionEntry { item }
}

extension RecordIndex where Item == Hazard {
    public init(_ hazards: [String: [Hazard]], enterprises: EnterpriseDirectory, pinyin: PinyinTable) {
        self.init(hazards, enterprises: enterprises, pinyin: pinyin) { hazard in
            // The finder first: `finderMatches` reads it.
            SearchFields(pinyin: [hazard.foundBy, hazard.rectification.responsible, hazard.description, hazard.location],
                         plain: [hazard.number, hazard.discoveredOn, hazard.rectification.deadline, hazard.enterpriseCode])
        }
    }

    /// Whether the one who found it matches a query.
    @inlinable
    public func finderMatches(_ record: Int, _ query: SearchQuery) -> Bool { pinyinField(0, of: record, matches: query) }
}

extension RecordIndex where Item == SupervisionEntry {
    /// `labels` gives the kind and conclusion in every UI language, so `/双随机` or `/re-check` work.
    public init(_ supervisions: [String: [SupervisionEntry]], enterprises: EnterpriseDirectory, pinyin: PinyinTable,
                labels: @escaping @Sendable (SupervisionEntry) -> [String]) {
        self.init(supervisions, enterprises: enterprises, pinyin: pinyin) { entry in
            SearchFields(pinyin: [entry.accompanying.name] + entry.inspectors.map(\.name),
                         plain: [entry.date, entry.time, entry.enterpriseCode, entry.findings, entry.itemsChecked]
                            + entry.inspectors.map(\.certificateNumber) + labels(entry))
        }
    }
}

extension SupervisionEntry {
    /// Newest first: by date, then time, then id.
    public static func newestFirst(_ a: SupervisionEntry, _ b: SupervisionEntry) -> Bool {
        (a.date, a.time, a.id) > (b.date, b.time, b.id)
    }
}
