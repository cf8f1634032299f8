import Foundation

/// The criteria a hazard list is narrowed by; they combine with each other and with the
/// text filter. Shared by the ledger view and, later, the command line and statistics.
public struct HazardCriteria: Hashable, Sendable {
    public enum StatusFilter: Hashable, Sendable { case all, open, only(HazardStatus) }
    public enum OverdueFilter: Hashable, Sendable { case all, overdue, notOverdue }
    public var status: StatusFilter = .all
    public var level: HazardLevel? = nil
    public var overdue: OverdueFilter = .all
    public var district: String? = nil
    /// Matched against the enterprise's name, short name and district (pinyin too).
    public var enterprise = ""
    /// Matched against who found the hazard (pinyin too).
    public var inspector = ""

    public init(status: StatusFilter = .all, level: HazardLevel? = nil, overdue: OverdueFilter = .all,
                district: String? = nil, enterprise: String = "", inspector: String = "") {
        self.status = status
        self.level = level
        self.overdue = overdue
        self.district = district
        self.enterprise = enterprise
        self.inspector = inspector
    }

    public var isEmpty: Bool { self == HazardCriteria() }

    /// Whether a hazard passes the criteria that need nothing but the hazard itself.
    @inlinable
    public func admits(_ h: Hazard, today: String) -> Bool {
        switch status {
        case .all: break
        case .open: if h.isClosed { return false }
        case .only(let wanted): if h.status != wanted { return false }
        }
        if let level, h.level != level { return false }
        switch overdue {
        case .all: return true
        case .overdue: return h.isOverdue(today: today)
        case .notOverdue: return !h.isOverdue(today: today)
        }
    }
}

/// The figures of a set of hazards: how many, open, overdue, major, closed.
public struct HazardCounts: Equatable, Sendable {
    public var total = 0, open = 0, overdue = 0, major = 0, closed = 0

    public init() {}

    public init(_ hazards: [Hazard], today: String) {
        for hazard in hazards { count(hazard, today: today) }
    }

    @inlinable
    public mutating func count(_ hazard: Hazard, today: String) {
        total += 1
        if hazard.isClosed { closed += 1 } else { open += 1 }
        if hazard.isOverdue(today: today) { overdue += 1 }
        if hazard.level == .major { major += 1 }
    }

    /// Closed over total, as a percentage text ("—" when there is nothing to count).
    public var rectificationRate: String {
        total == 0 ? "—" : String(format: "%.1f%%", Double(closed) * 100 / Double(total))
    }
}

extension RecordIndex where Item == Hazard {
    /// The records among `candidates` (in their order) that meet the criteria.
    @inlinable
    public func matching(_ criteria: HazardCriteria, today: String, among candidates: [Int]) -> [Int] {
        let enterpriseHit = enterprises.matchesByEnterprise(SearchQuery(criteria.enterprise))
        let inspectorQuery = SearchQuery(criteria.inspector)
        // `records[i].item` is read in place: copying a record per row costs more than the test.
        return candidates.filter { i in
            guard criteria.admits(records[i].item, today: today) else { return false }
            let enterprise = records[i].enterprise
            if let district = criteria.district, enterprises.enterprises[enterprise].district != district { return false }
            return enterpriseHit[enterprise] && finderMatches(i, inspectorQuery)
        }
    }

    /// The figures of the given rows.
    @inlinable
    public func counts(_ rows: [Int], today: String) -> HazardCounts {
        var counts = HazardCounts()
        for row in rows { counts.count(records[row].item, today: today) }
        return counts
    }
}
