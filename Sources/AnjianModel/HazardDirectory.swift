/// Every hazard of the city with a search index, for the city-wide ledger (view 2).
/// Built once at load; a saved hazard updates its own row only.
public struct HazardDirectory: Sendable {
    public struct Record: Sendable {
        public var hazard: Hazard
        /// Index into the ledger's enterprises.
        public var enterprise: Int
        var texts: [PinyinSearchText]
        var plain: [UInt8]
    }

    public private(set) var records: [Record] = []
    var positions: [String: Int] = [:]
    let pinyin: PinyinTable
    /// The enterprises with their search index, shared: their names are matched once per query.
    let directory: EnterpriseDirectory

    public init(_ hazards: [String: [Hazard]], enterprises: EnterpriseDirectory, pinyin: PinyinTable) {
        self.pinyin = pinyin
        self.directory = enterprises
        for code in hazards.keys.sorted() {
            for hazard in hazards[code]! { upsert(hazard) }
        }
    }

    /// Adds the hazard, or replaces the one with its id.
    public mutating func upsert(_ hazard: Hazard) {
        guard let enterprise = directory.index(of: hazard.enterpriseCode) else { return }
        let texts = [hazard.foundBy, hazard.rectification.responsible, hazard.description, hazard.location]
            .map { PinyinSearchText($0, table: pinyin) }
        let plain = [hazard.number, hazard.discoveredOn, hazard.rectification.deadline, hazard.enterpriseCode]
            .joined(separator: "\u{1}").lowercased()
        let record = Record(hazard: hazard, enterprise: enterprise, texts: texts, plain: Array(plain.utf8))
        if let i = positions[hazard.id] {
            records[i] = record
        } else {
            positions[hazard.id] = records.count
            records.append(record)
        }
    }

    /// Indices of records matching the text query (all when empty), within `candidates` when given.
    /// The enterprise's names are matched once per enterprise, not once per hazard.
    public func matching(_ query: SearchQuery, among candidates: [Int]? = nil) -> [Int] {
        if query.isEmpty { return candidates ?? Array(records.indices) }
        let enterpriseHit = directory.matchesByEnterprise(query)
        return (candidates ?? Array(records.indices)).filter { i in
            enterpriseHit[records[i].enterprise] || containsBytes(records[i].plain, query.folded)
                || records[i].texts.contains { $0.matches(query) }
        }
    }

    /// Whether the one who found it matches a query.
    public func finderMatches(_ record: Int, _ query: SearchQuery) -> Bool {
        query.isEmpty || records[record].texts[0].matches(query)
    }

    public func enterprise(_ code: String) -> Int? { directory.index(of: code) }
}
