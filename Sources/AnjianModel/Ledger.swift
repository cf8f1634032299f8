/// The enterprises of the ledger with their search index, built once when the ledger
/// loads so that filtering never recomputes readings per keystroke.
public struct EnterpriseDirectory: Sendable {
    public let enterprises: [Enterprise]
    let searchIndex: [EnterpriseSearchEntry]

    public init(enterprises: [Enterprise], pinyin: PinyinTable) {
        self.enterprises = enterprises
        self.searchIndex = enterprises.map { EnterpriseSearchEntry($0, pinyin: pinyin) }
    }

    /// Indices of the enterprises that match the query, in ledger order.
    public func matching(_ query: SearchQuery) -> [Int] {
        if query.isEmpty { return Array(enterprises.indices) }
        return searchIndex.indices.filter { searchIndex[$0].matches(query) }
    }
}

struct EnterpriseSearchEntry: Sendable {
    let texts: [PinyinSearchText]
    /// Credit code, upper-cased: matched as a plain substring.
    let creditCode: String

    init(_ enterprise: Enterprise, pinyin: PinyinTable) {
        texts = [enterprise.name, enterprise.shortName, enterprise.district]
            .map { PinyinSearchText($0, table: pinyin) }
        creditCode = enterprise.creditCode.lowercased()
    }

    func matches(_ query: SearchQuery) -> Bool {
        creditCode.contains(query.folded) || texts.contains { $0.matches(query) }
    }
}
