import Foundation

/// The criteria a hazard list is narrowed by; they combine with each other and with the
/// text filter. Shared by the ledger view and, later, the command line and statistics.
public struct HazardCriteria: Hashable, Sendable {
    public enum StatusFilter: Hashable, Sendable { case all, open, only(HazardStatus) }
    /// The overdue choice follows the figures: rectification overdue, verification overdue, due
    /// within `Hazard.dueSoonDays`, neither overdue, or closed after the deadline.
    public enum OverdueFilter: Hashable, Sendable, CaseIterable {
        case all, rectificationOverdue, verificationOverdue, dueSoon, notOverdue, closedLate
    }
    public var status: StatusFilter = .all
    public var level: HazardLevel? = nil
    public var overdue: OverdueFilter = .all
    public var district: String? = nil
    /// Matched against the enterprise's name, short name and district (pinyin too).
    public var enterprise = ""
    /// Matched against who found the hazard (pinyin too).
    public var inspector = ""
    /// The enterprise's place on the integrity red or black list.
    public var integrity: IntegrityFilter = .all
    public var category: HazardCategory? = nil
    /// The days the hazard was discovered in (`discoveredOn`), as the statistics choose hazards.
    public var discovered = StatisticsPeriod()

    public init(status: StatusFilter = .all, level: HazardLevel? = nil, overdue: OverdueFilter = .all,
                district: String? = nil, enterprise: String = "", inspector: String = "", integrity: IntegrityFilter = .all,
                category: HazardCategory? = nil, discovered: StatisticsPeriod = StatisticsPeriod()) {
        self.status = status
        self.level = level
        self.overdue = overdue
        self.district = district
        self.enterprise = enterprise
        self.inspector = inspector
        self.integrity = integrity
        self.category = category
        self.discovered = discovered
    }

    public var isEmpty: Bool { self == HazardCriteria() }

    /// Whether a hazard passes the criteria that need nothing but the hazard itself.
    @inlinable
    public func admits(_ h: Hazard, today: String, verificationDays: Int) -> Bool {
        switch status {
        case .all: break
        case .open: if h.isClosed { return false }
        case .only(let wanted): if h.status != wanted { return false }
        }
        if let level, h.level != level { return false }
        if let category, h.category != category { return false }
        if !discovered.isOpen, !discovered.contains(h.discoveredOn) { return false }
        switch overdue {
        case .all: return true
        case .closedLate: return h.isClosed && (h.daysClosedLate ?? 0) > 0
        case .rectificationOverdue: return h.isRectificationOverdue(today: today)
        case .verificationOverdue: return h.isVerificationOverdue(today: today, verificationDays: verificationDays)
        case .dueSoon: return h.isDueSoon(today: today)
        case .notOverdue:
            return !h.isRectificationOverdue(today: today) && !h.isVerificationOverdue(today: today, verificationDays: verificationDays)
        }
    }
}

/// The figures of a set of hazards, each saying what it counts:
/// - `open`: not closed; `openMajor`: open and major.
/// - `rectificationOverdue`: not reported rectified (registered or rectifying) and past the deadline.
/// - `verificationOverdue`: reported rectified and not re-checked within the re-check period.
/// - `dueSoon`: rectification owed, deadline today or within `Hazard.dueSoonDays` days.
/// - `closedOnTime`, `closedLate`: closed on or before the deadline, or after it.
public struct HazardCounts: Equatable, Sendable {
    public var total = 0, open = 0, openMajor = 0, closed = 0
    public var rectificationOverdue = 0, verificationOverdue = 0, dueSoon = 0
    public var closedOnTime = 0, closedLate = 0

    public init() {}

    public init(_ hazards: [Hazard], today: String, verificationDays: Int) {
        for hazard in hazards { count(hazard, today: today, verificationDays: verificationDays) }
    }

    @inlinable
    public mutating func count(_ hazard: Hazard, today: String, verificationDays: Int) {
        total += 1
        if hazard.isClosed {
            closed += 1
            if (hazard.daysClosedLate ?? 0) > 0 { closedLate += 1 } else { closedOnTime += 1 }
            return
        }
        open += 1
        if hazard.level == .major { openMajor += 1 }
        switch hazard.timing(today: today, verificationDays: verificationDays) {
        case .rectificationOverdue?: rectificationOverdue += 1
        case .verificationOverdue?: verificationOverdue += 1
        case .dueSoon?: dueSoon += 1
        case .closedLate?, nil: break
        }
    }

    /// Closed over total, as a percentage text ("—" when there is nothing to count).
    public var rectificationRate: String { Self.percentText(rectificationPercentage) }

    /// The on-time rectification rate: hazards closed by their deadline over those whose outcome
    /// is known, the closed ones and the ones still owing their rectification past the deadline
    /// (these can no longer be closed on time). "—" when there is nothing to count.
    public var onTimeRate: String { Self.percentText(onTimePercentage) }

    /// A percentage as the figures show it: one decimal and a percent sign, "—" with nothing to count.
    public static func percentText(_ percentage: Double?) -> String {
        percentage.map { String(format: "%.1f%%", $0) } ?? "—"
    }
}

extension RecordIndex where Item == Hazard {
    /// The records among `candidates` (in their order) that meet the criteria.
    @inlinable
    public func matching(_ criteria: HazardCriteria, today: String, verificationDays: Int, among candidates: [Int]) -> [Int] {
        let enterpriseHit = enterprises.matchesByEnterprise(SearchQuery(criteria.enterprise))
        let inspectorQuery = SearchQuery(criteria.inspector)
        // `records[i].item` is read in place: copying a record per row costs more than the test.
        return candidates.filter { i in
            guard criteria.admits(records[i].item, today: today, verificationDays: verificationDays) else { return false }
            let enterprise = records[i].enterprise
            if let district = criteria.district, enterprises.enterprises[enterprise].district != district { return false }
            if criteria.integrity != .all, !criteria.integrity.admits(enterprises.enterprises[enterprise].integrityStatus) { return false }
            return enterpriseHit[enterprise] && finderMatches(i, inspectorQuery)
        }
    }

    /// The figures of the given rows.
    @inlinable
    public func counts(_ rows: [Int], today: String, verificationDays: Int) -> HazardCounts {
        var counts = HazardCounts()
        for row in rows { counts.count(records[row].item, today: today, verificationDays: verificationDays) }
        return counts
    }
}

/// What `HazardCounts` and the overdue criteria read of a hazard on a day, in one byte: computed
/// once per hazard and day (`RecordIndex.facts`) rather than parsing dates per row and keystroke.
public enum HazardFacts {
    public static let closed: UInt8 = 1, closedLate: UInt8 = 2, major: UInt8 = 4
    /// The open hazard's timing, in bits 3–4.
    public static let rectificationOverdue: UInt8 = 1 << 3, verificationOverdue: UInt8 = 2 << 3, dueSoon: UInt8 = 3 << 3
    public static let timingMask: UInt8 = 3 << 3

    public static func of(_ hazard: Hazard, today: String, verificationDays: Int) -> UInt8 {
        var fact: UInt8 = hazard.level == .major ? major : 0
        if hazard.isClosed {
            fact |= closed
            if (hazard.daysClosedLate ?? 0) > 0 { fact |= closedLate }
            return fact
        }
        switch hazard.timing(today: today, verificationDays: verificationDays) {
        case .rectificationOverdue?: fact |= rectificationOverdue
        case .verificationOverdue?: fact |= verificationOverdue
        case .dueSoon?: fact |= dueSoon
        case .closedLate?, nil: break
        }
        return fact
    }

    /// `HazardCriteria.overdue` read from the facts: the same answer as `admits` gives.
    @inlinable
    public static func admits(_ fact: UInt8, _ overdue: HazardCriteria.OverdueFilter) -> Bool {
        let timing = fact & timingMask
        switch overdue {
        case .all: return true
        case .rectificationOverdue: return timing == rectificationOverdue
        case .verificationOverdue: return timing == verificationOverdue
        case .dueSoon: return timing == dueSoon
        case .notOverdue: return timing != rectificationOverdue && timing != verificationOverdue
        case .closedLate: return fact & closedLate != 0
        }
    }
}

extension HazardCounts {
    /// Counts a hazard by its facts: the same figures as `count(_:today:verificationDays:)`.
    @inlinable
    public mutating func count(fact: UInt8) {
        total += 1
        if fact & HazardFacts.closed != 0 {
            closed += 1
            if fact & HazardFacts.closedLate != 0 { closedLate += 1 } else { closedOnTime += 1 }
            return
        }
        open += 1
        if fact & HazardFacts.major != 0 { openMajor += 1 }
        switch fact & HazardFacts.timingMask {
        case HazardFacts.rectificationOverdue: rectificationOverdue += 1
        case HazardFacts.verificationOverdue: verificationOverdue += 1
        case HazardFacts.dueSoon: dueSoon += 1
        default: break
        }
    }
}

extension RecordIndex where Item == Hazard {
    /// The facts of every hazard on the day, kept (computed now when missing or made for another day).
    public mutating func hazardFacts(today: String, verificationDays: Int) -> [UInt8] {
        facts(tag: Self.factsTag(today: today, verificationDays: verificationDays)) { record in
            HazardFacts.of(record.item, today: today, verificationDays: verificationDays)
        }
    }

    public static func factsTag(today: String, verificationDays: Int) -> [Int] {
        var day = 0
        for byte in today.utf8 where byte >= 48 && byte <= 57 { day = day &* 10 &+ Int(byte - 48) }
        return [day, today.utf8.count, verificationDays]
    }

    /// The figures of the given rows from the hazards' facts (`hazardFacts`).
    @inlinable
    public func counts(_ rows: [Int], facts: [UInt8]) -> HazardCounts {
        var counts = HazardCounts()
        facts.withUnsafeBufferPointer { facts in
            for row in rows { counts.count(fact: facts[row]) }
        }
        return counts
    }

    /// As `matching(_:today:verificationDays:among:)`, the overdue choice read from the facts.
    @inlinable
    public func matching(_ criteria: HazardCriteria, facts: [UInt8], among candidates: [Int]) -> [Int] {
        if criteria.isEmpty { return candidates }
        var plain = criteria
        plain.overdue = .all
        let enterpriseHit = enterprises.matchesByEnterprise(SearchQuery(criteria.enterprise))
        let inspectorQuery = SearchQuery(criteria.inspector)
        return candidates.filter { i in
            guard HazardFacts.admits(facts[i], criteria.overdue),
                  plain.admits(records[i].item, today: "", verificationDays: 0) else { return false }
            let enterprise = records[i].enterprise
            if let district = criteria.district, enterprises.enterprises[enterprise].district != district { return false }
            if criteria.integrity != .all, !criteria.integrity.admits(enterprises.enterprises[enterprise].integrityStatus) { return false }
            return enterpriseHit[enterprise] && finderMatches(i, inspectorQuery)
        }
    }
}
