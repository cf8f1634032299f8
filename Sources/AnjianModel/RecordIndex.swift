/// A record kept per enterprise and searched city-wide (a supervision entry, a hazard).
public protocol LedgerRecord: Sendable, Identifiable where ID == String {
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

/// Every record of one kind in the city with its search index, for the city-wide lists.
/// Built once at load; a saved record updates its own row only. One index serves hazards
/// and supervision entries alike. The per-keystroke paths are `@inlinable`, so the app gets
/// them specialised for its record type rather than generic (measured 2–3 times slower).
public struct RecordIndex<Item: LedgerRecord>: Sendable {
    public struct Record: Sendable {
        public var item: Item
        /// Index into the ledger's enterprises.
        public var enterprise: Int
        /// The enterprise's district in the customary order, for sorting.
        public var districtOrder: Int
        @usableFromInline var texts: [PinyinSearchText]
        @usableFromInline var plain: [UInt8]
    }

    public private(set) var records: [Record] = []
    /// Where each record is, by enterprise code and id: O(1) updates.
    var positions: [String: Int] = [:]
    let pinyin: PinyinTable
    /// The enterprises with their search index, shared: their names are matched once per query.
    public let enterprises: EnterpriseDirectory
    let fields: @Sendable (Item) -> SearchFields

    public init(_ items: [String: [Item]], enterprises: EnterpriseDirectory, pinyin: PinyinTable,
                fields: @escaping @Sendable (Item) -> SearchFields) {
        self.pinyin = pinyin
        self.enterprises = enterprises
        self.fields = fields
        for code in items.keys.sorted() {
            for item in items[code]! { upsert(item) }
        }
    }

    /// Adds the record, or replaces the one with its id.
    public mutating func upsert(_ item: Item) {
        guard let enterprise = enterprises.index(of: item.enterpriseCode) else { return }
        let search = fields(item)
        let record = Record(item: item, enterprise: enterprise,
                            districtOrder: District.named(enterprises.enterprises[enterprise].district)?.order ?? 99,
                            texts: search.pinyin.map { PinyinSearchText($0, table: pinyin) },
                            plain: Array(search.plain.joined(separator: "\u{1}").lowercased().utf8))
        let key = item.enterpriseCode + "/" + item.id
        if let i = positions[key] {
            records[i] = record
        } else {
            positions[key] = records.count
            records.append(record)
        }
    }

    /// Removes the enterprise's records with these ids (another program deleted them). The
    /// remaining records keep their order; their indices shift, so lists compute their rows again.
    public mutating func remove(_ ids: Set<String>, enterpriseCode code: String) {
        guard !ids.isEmpty else { return }
        records.removeAll { $0.item.enterpriseCode == code && ids.contains($0.item.id) }
        positions = [:]
        for (i, record) in records.enumerated() { positions[record.item.enterpriseCode + "/" + record.item.id] = i }
    }

    /// Indices of records matching the text query (all when empty), within `candidates` when given.
    /// The enterprise's names are matched once per enterprise, not once per record.
    @inlinable
    public func matching(_ query: SearchQuery, among candidates: [Int]? = nil) -> [Int] {
        if query.isEmpty { return candidates ?? Array(records.indices) }
        let enterpriseHit = enterprises.matchesByEnterprise(query)
        return (candidates ?? Array(records.indices)).filter { i in
            enterpriseHit[records[i].enterprise] || containsBytes(records[i].plain, query.folded)
                || records[i].texts.contains { $0.matches(query) }
        }
    }

    /// Whether the record's `n`th pinyin text matches (e.g. who found a hazard).
    @inlinable
    public func pinyinField(_ n: Int, of record: Int, matches query: SearchQuery) -> Bool {
        query.isEmpty || records[record].texts[n].matches(query)
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
