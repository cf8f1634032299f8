/// Every supervision entry of the city with a search index, for the city-wide list.
/// Built once at load; a saved entry updates its own row only.
public struct SupervisionDirectory: Sendable {
    public struct Record: Sendable {
        public var entry: SupervisionEntry
        /// Index into the ledger's enterprises.
        public var enterprise: Int
        /// The enterprise's district in the customary order, for sorting.
        public var districtOrder: Int
        var texts: [PinyinSearchText]
        var plain: [UInt8]
    }

    public private(set) var records: [Record] = []
    /// Where each entry's record is, by enterprise code and entry id: O(1) updates.
    var positions: [String: Int] = [:]
    let pinyin: PinyinTable
    /// The enterprises with their search index, shared: their names are matched once per query.
    let directory: EnterpriseDirectory
    /// Labels of kind and conclusion (in every UI language), so `/双随机` or `/re-check` work.
    let labels: @Sendable (SupervisionEntry) -> [String]

    public init(_ supervisions: [String: [SupervisionEntry]], enterprises: EnterpriseDirectory, pinyin: PinyinTable,
                labels: @escaping @Sendable (SupervisionEntry) -> [String]) {
        self.pinyin = pinyin
        self.directory = enterprises
        self.labels = labels
        for code in supervisions.keys.sorted() {
            for entry in supervisions[code]! { upsert(entry) }
        }
    }

    /// Adds the entry, or replaces the one with its id.
    public mutating func upsert(_ entry: SupervisionEntry) {
        guard let enterprise = directory.index(of: entry.enterpriseCode) else { return }
        let e = directory.enterprises[enterprise]
        let texts = ([entry.accompanying.name] + entry.inspectors.map(\.name)).map { PinyinSearchText($0, table: pinyin) }
        let plain = ([entry.date, entry.time, entry.enterpriseCode, entry.findings, entry.itemsChecked]
            + entry.inspectors.map(\.certificateNumber) + labels(entry)).joined(separator: "\u{1}").lowercased()
        let record = Record(entry: entry, enterprise: enterprise, districtOrder: District.named(e.district)?.order ?? 99,
                            texts: texts, plain: Array(plain.utf8))
        let key = entry.enterpriseCode + "/" + entry.id
        if let i = positions[key] {
            records[i] = record
        } else {
            positions[key] = records.count
            records.append(record)
        }
    }

    /// Indices of matching records (all when the query is empty), within `candidates` when given.
    public func matching(_ query: SearchQuery, among candidates: [Int]? = nil) -> [Int] {
        if query.isEmpty { return candidates ?? Array(records.indices) }
        let enterpriseHit = directory.matchesByEnterprise(query)
        return (candidates ?? Array(records.indices)).filter { i in
            enterpriseHit[records[i].enterprise] || containsBytes(records[i].plain, query.folded)
                || records[i].texts.contains { $0.matches(query) }
        }
    }

    public func enterprise(_ code: String) -> Int? { directory.index(of: code) }
}

extension SupervisionEntry {
    /// Newest first: by date, then time, then id.
    public static func newestFirst(_ a: SupervisionEntry, _ b: SupervisionEntry) -> Bool {
        (a.date, a.time, a.id) > (b.date, b.time, b.id)
    }
}
