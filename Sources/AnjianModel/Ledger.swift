import Foundation

/// The enterprises of the ledger with their search index, built once when the ledger
/// loads so that filtering never recomputes readings per keystroke.
public struct EnterpriseDirectory: Sendable {
    public let enterprises: [Enterprise]
    let searchIndex: [EnterpriseSearchEntry]
    let codeIndex: [String: Int]

    public init(enterprises: [Enterprise], pinyin: PinyinTable) {
        self.enterprises = enterprises
        self.searchIndex = enterprises.map { EnterpriseSearchEntry($0, pinyin: pinyin) }
        var index: [String: Int] = [:]
        for (i, e) in enterprises.enumerated() { index[e.creditCode] = i }
        self.codeIndex = index
    }

    /// The enterprise with this credit code.
    public func index(of code: String) -> Int? { codeIndex[code] }

    /// For each enterprise, whether it matches the query: computed once per query, so lists
    /// of hazards or entries test their enterprise by index rather than per row.
    public func matchesByEnterprise(_ query: SearchQuery) -> [Bool] {
        searchIndex.map { query.isEmpty || $0.matches(query) }
    }

    /// Each enterprise's position when names are sorted in pinyin order (ICU collation:
    /// computed when a table is first sorted by enterprise, not at start-up).
    public func pinyinRank(by name: (Enterprise) -> String = \.name) -> [Int] {
        let zh = Locale(identifier: "zh_CN")
        let order = enterprises.indices.sorted { name(enterprises[$0]).compare(name(enterprises[$1]), locale: zh) == .orderedAscending }
        var rank = [Int](repeating: 0, count: enterprises.count)
        for (position, index) in order.enumerated() { rank[index] = position }
        return rank
    }

    /// Indices of the enterprises that match the query, in ledger order or in the order of
    /// `candidates` (a sort order, or the result of a query this one narrows) when given.
    public func matching(_ query: SearchQuery, among candidates: [Int]? = nil) -> [Int] {
        if query.isEmpty { return candidates ?? Array(enterprises.indices) }
        return (candidates ?? Array(searchIndex.indices)).filter { searchIndex[$0].matches(query) }
    }
}

struct EnterpriseSearchEntry: Sendable {
    let texts: [PinyinSearchText]
    /// Credit code, lower-cased UTF-8 (the query is lower-cased too): a plain substring.
    let creditCode: [UInt8]

    init(_ enterprise: Enterprise, pinyin: PinyinTable) {
        texts = [enterprise.name, enterprise.shortName, enterprise.district]
            .map { PinyinSearchText($0, table: pinyin) }
        creditCode = Array(enterprise.creditCode.lowercased().utf8)
    }

    func matches(_ query: SearchQuery) -> Bool {
        containsBytes(creditCode, query.folded) || texts.contains { $0.matches(query) }
    }
}

extension Array where Element: Identifiable {
    /// Replaces the element with the same id, or appends it.
    public mutating func upsert(_ element: Element) {
        if let i = firstIndex(where: { $0.id == element.id }) { self[i] = element } else { append(element) }
    }
}
