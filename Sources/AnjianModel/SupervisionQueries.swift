import Foundation

/// The criteria a list of supervision entries is narrowed by (view 3, opened from a figure of
/// the statistics): the same choices the statistics count by, so a figure and its list agree.
public struct SupervisionCriteria: Hashable, Sendable {
    /// The days the entry is dated in.
    public var period = StatisticsPeriod()
    public var district: String? = nil
    public var kind: SupervisionKind? = nil
    /// An inspector named on the entry, by certificate number (as `LedgerStatistics` counts them).
    public var certificateNumber: String? = nil
    /// Only the entries that found no problem (the spot-check pass rate's numerator).
    public var noProblemOnly = false
    /// The enterprise's place on the integrity red or black list (view 3's filters form).
    public var integrity: IntegrityFilter = .all
    /// Only visits made: a planned one (a draw's, not made yet) is no visit, as the statistics
    /// count them (set by every figure, so its list and the figure agree).
    public var madeOnly = false

    public init(period: StatisticsPeriod = StatisticsPeriod(), district: String? = nil, kind: SupervisionKind? = nil,
                certificateNumber: String? = nil, noProblemOnly: Bool = false) {
        self.period = period
        self.district = district
        self.kind = kind
        self.certificateNumber = certificateNumber
        self.noProblemOnly = noProblemOnly
    }

    public var isEmpty: Bool { self == SupervisionCriteria() }

    /// Whether an entry passes the criteria that need nothing but the entry itself.
    public func admits(_ entry: SupervisionEntry) -> Bool {
        if madeOnly, entry.isPlanned { return false }
        if !period.isOpen, !period.contains(entry.date) { return false }
        if let kind, entry.kind != kind { return false }
        if noProblemOnly, entry.conclusion != .noProblem { return false }
        if let certificateNumber,
           !entry.inspectors.contains(where: { $0.certificateNumber.trimmingWhitespace() == certificateNumber }) { return false }
        return true
    }
}

extension RecordIndex where Item == SupervisionEntry {
    /// The records among `candidates` (in their order) that meet the criteria.
    public func matching(_ criteria: SupervisionCriteria, among candidates: [Int]) -> [Int] {
        if criteria.isEmpty { return candidates }
        return candidates.filter { i in
            guard criteria.admits(records[i].item) else { return false }
            let enterprise = enterprises.enterprises[records[i].enterprise]
            if let district = criteria.district, enterprise.district != district { return false }
            if criteria.integrity != .all, !criteria.integrity.admits(enterprise.integrityStatus) { return false }
            return true
        }
    }
}
