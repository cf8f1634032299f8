import Foundation

/// The days the statistics cover: `since` and `until` (`YYYY-MM-DD`) both included, either open.
public struct StatisticsPeriod: Hashable, Sendable {
    public var since: String?
    public var until: String?

    public init(since: String? = nil, until: String? = nil) {
        self.since = since
        self.until = until
    }

    public var isOpen: Bool { since == nil && until == nil }

    /// `YYYY-MM-DD` compares as text; a record without a valid day falls in an open period only.
    public func contains(_ day: String) -> Bool {
        if isOpen { return true }
        guard CalendarDate.isValid(day) else { return false }
        if let since, day < since { return false }
        if let until, day > until { return false }
        return true
    }
}

/// The ledger's figures (`anjian stats`, and the statistics view to come), computed from the
/// records, a period, a district, today and the re-check period. How each part is chosen:
///
/// - **Enterprises** are counted as they stand now (the list has no dates): the period does not
///   apply; the district does.
/// - **Hazards** are those *discovered* in the period (`discoveredOn`), of enterprises in the
///   district, and their figures are `HazardCounts` on `today`: the same definitions, and with an
///   open period the same numbers, as view 2's header with the same district filter (rectification
///   rate = closed / total; on-time rate = closed on time / (closed + rectification overdue)).
///   A hazard whose enterprise is not in the list counts under the district "" (unknown).
/// - **Supervision entries** are those *dated* in the period, of enterprises in the district.
///   Each entry counts once for its kind and month, and once for each of its inspectors
///   (dual real names: two or more per entry), identified by certificate number.
/// - The **pass rate** is the share of those entries whose conclusion is "no problem found".
public struct LedgerStatistics: Equatable, Sendable {
    /// Enterprises of one district by their place on the integrity list (诚信红黑榜).
    public struct IntegrityCounts: Equatable, Sendable {
        public var district: String
        public var total = 0, red = 0, black = 0
        /// On neither list.
        public var unlisted: Int { total - red - black }
        public init(district: String) { self.district = district }
    }

    public struct DistrictHazards: Equatable, Sendable {
        public var district: String
        public var counts: HazardCounts
    }

    public struct LevelHazards: Equatable, Sendable {
        public var level: HazardLevel
        public var counts: HazardCounts
    }

    /// Entries and, of them, those that found no problem.
    public struct EntryCounts: Equatable, Sendable {
        public var entries = 0, noProblem = 0
        public init() {}
        /// No problem found over entries, as a percentage; nil with no entry.
        public var passRate: Double? { HazardCounts.percentage(noProblem, of: entries) }
        mutating func count(_ entry: SupervisionEntry) {
            entries += 1
            if entry.conclusion == .noProblem { noProblem += 1 }
        }
    }

    public struct KindEntries: Equatable, Sendable {
        public var kind: SupervisionKind
        public var counts: EntryCounts
    }

    public struct MonthEntries: Equatable, Sendable {
        /// `YYYY-MM`
        public var month: String
        public var entries: Int
    }

    public struct InspectorEntries: Equatable, Sendable {
        public var certificateNumber: String
        /// The name as the latest of their entries gives it.
        public var name: String
        public var entries: Int
    }

    public var period: StatisticsPeriod
    /// The district the figures are narrowed to, or nil for the whole city.
    public var district: String?
    public var today: String
    public var verificationDays: Int

    /// In `District.all` order, then other names in text order; only districts with enterprises.
    public var enterprisesByDistrict: [IntegrityCounts] = []
    public var enterprises: IntegrityCounts

    public var hazards = HazardCounts()
    /// Districts with hazards counted, in the order of `enterprisesByDistrict`'s rule.
    public var hazardsByDistrict: [DistrictHazards] = []
    /// Every level, general first, even when none is counted.
    public var hazardsByLevel: [LevelHazards] = []

    public var entries = EntryCounts()
    /// Every kind, in `SupervisionKind.allCases` order.
    public var entriesByKind: [KindEntries] = []
    /// Months with entries, oldest first.
    public var entriesByMonth: [MonthEntries] = []
    /// Most entries first, ties by certificate number.
    public var entriesByInspector: [InspectorEntries] = []

    public init(enterprises: [Enterprise], hazards: [Hazard], entries: [SupervisionEntry],
                period: StatisticsPeriod = StatisticsPeriod(), district: String? = nil,
                today: String, verificationDays: Int = Hazard.defaultVerificationDays) {
        self.period = period
        self.district = district
        self.today = today
        self.verificationDays = verificationDays
        self.enterprises = IntegrityCounts(district: district ?? "")

        var districtOf: [String: String] = [:]
        districtOf.reserveCapacity(enterprises.count)
        var integrity: [String: IntegrityCounts] = [:]
        for enterprise in enterprises {
            districtOf[enterprise.creditCode] = enterprise.district
            if let district, enterprise.district != district { continue }
            // Enterprises as they stand: one that left direct supervision is not counted (its
            // hazards and visits still are, by their dates).
            guard enterprise.isActive else { continue }
            integrity[enterprise.district, default: IntegrityCounts(district: enterprise.district)].count(enterprise)
            self.enterprises.count(enterprise)
        }
        enterprisesByDistrict = Self.inDistrictOrder(integrity)

        var byDistrict: [String: HazardCounts] = [:]
        var byLevel: [HazardLevel: HazardCounts] = [:]
        for hazard in hazards where period.contains(hazard.discoveredOn) {
            let place = districtOf[hazard.enterpriseCode] ?? ""
            if let district, place != district { continue }
            self.hazards.count(hazard, today: today, verificationDays: verificationDays)
            byDistrict[place, default: HazardCounts()].count(hazard, today: today, verificationDays: verificationDays)
            byLevel[hazard.level, default: HazardCounts()].count(hazard, today: today, verificationDays: verificationDays)
        }
        hazardsByDistrict = Self.inDistrictOrder(byDistrict).map { DistrictHazards(district: $0.0, counts: $0.1) }
        hazardsByLevel = HazardLevel.allCases.map { LevelHazards(level: $0, counts: byLevel[$0] ?? HazardCounts()) }

        var byKind: [SupervisionKind: EntryCounts] = [:]
        var byMonth: [String: Int] = [:]
        var byInspector: [String: (name: String, day: String, entries: Int)] = [:]
        // A planned visit (a draw's, not made yet) is no visit: it counts once made.
        for entry in entries where period.contains(entry.date) && !entry.isPlanned {
            if let district, districtOf[entry.enterpriseCode] ?? "" != district { continue }
            self.entries.count(entry)
            byKind[entry.kind, default: EntryCounts()].count(entry)
            byMonth[String(entry.date.prefix(7)), default: 0] += 1
            // One entry names a person once, however it is typed.
            var seen: Set<String> = []
            for inspector in entry.inspectors {
                let certificate = inspector.certificateNumber.trimmingWhitespace()
                guard !certificate.isEmpty, seen.insert(certificate).inserted else { continue }
                var row = byInspector[certificate] ?? (name: inspector.name, day: entry.date, entries: 0)
                row.entries += 1
                if entry.date >= row.day { row = (inspector.name.trimmingWhitespace(), entry.date, row.entries) }
                byInspector[certificate] = row
            }
        }
        entriesByKind = SupervisionKind.allCases.map { KindEntries(kind: $0, counts: byKind[$0] ?? EntryCounts()) }
        entriesByMonth = byMonth.keys.sorted().map { MonthEntries(month: $0, entries: byMonth[$0]!) }
        entriesByInspector = byInspector
            .map { InspectorEntries(certificateNumber: $0.key, name: $0.value.name, entries: $0.value.entries) }
            .sorted { ($0.entries, $1.certificateNumber) > ($1.entries, $0.certificateNumber) }
    }

    /// As the store holds the records: hazards and entries by enterprise.
    public init(enterprises: [Enterprise], hazards: [String: [Hazard]], supervisions: [String: [SupervisionEntry]],
                period: StatisticsPeriod = StatisticsPeriod(), district: String? = nil,
                today: String, verificationDays: Int = Hazard.defaultVerificationDays) {
        self.init(enterprises: enterprises, hazards: hazards.values.flatMap { $0 }, entries: supervisions.values.flatMap { $0 },
                  period: period, district: district, today: today, verificationDays: verificationDays)
    }

    /// The bureau's customary district order, then any other name (unknown ones, "") by text.
    static func inDistrictOrder<Value>(_ values: [String: Value]) -> [(String, Value)] {
        values.sorted { a, b in
            let (x, y) = (District.named(a.key)?.order ?? District.all.count, District.named(b.key)?.order ?? District.all.count)
            return x != y ? x < y : a.key < b.key
        }.map { ($0.key, $0.value) }
    }

    static func inDistrictOrder(_ values: [String: IntegrityCounts]) -> [IntegrityCounts] {
        inDistrictOrder(values).map(\.1)
    }
}

extension LedgerStatistics.IntegrityCounts {
    mutating func count(_ enterprise: Enterprise) {
        total += 1
        switch enterprise.integrityStatus {
        case .red: red += 1
        case .black: black += 1
        case .none: break
        }
    }
}

extension HazardCounts {
    /// `rectificationRate` as a number (percent, unrounded); nil when there is nothing to count.
    public var rectificationPercentage: Double? { Self.percentage(closed, of: total) }
    /// `onTimeRate` as a number (percent, unrounded), over the same whole; nil when there is nothing to count.
    public var onTimePercentage: Double? { Self.percentage(closedOnTime, of: closed + rectificationOverdue) }

    public static func percentage(_ part: Int, of whole: Int) -> Double? {
        whole == 0 ? nil : Double(part) * 100 / Double(whole)
    }
}
