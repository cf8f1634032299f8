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

    /// The calendar year of a `YYYY-MM-DD` day.
    public static func year(of day: String) -> StatisticsPeriod {
        let year = day.prefix(4)
        return StatisticsPeriod(since: "\(year)-01-01", until: "\(year)-12-31")
    }

    /// The quarter (Jan–Mar, Apr–Jun, …) of a day.
    public static func quarter(of day: String) -> StatisticsPeriod {
        let (year, month) = CalendarMonth.parts(day)
        let first = (month - 1) / 3 * 3 + 1
        return StatisticsPeriod(since: CalendarMonth.firstDay(year, first), until: CalendarMonth.lastDay(year, first + 2))
    }

    /// The calendar month of a day.
    public static func month(of day: String) -> StatisticsPeriod {
        let (year, month) = CalendarMonth.parts(day)
        return StatisticsPeriod(since: CalendarMonth.firstDay(year, month), until: CalendarMonth.lastDay(year, month))
    }

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
/// - The **trend** covers the 12 months ending with the period's last month (today's month when the
///   period is open or runs past today): hazards discovered and entries dated in each month, of the
///   district, whatever the period's start.
/// - **Not visited**: the supervised enterprises (not retired) of the district without an entry in
///   the period, with the day of their latest entry ever (nil: never visited).
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

    public struct CategoryHazards: Equatable, Sendable {
        public var category: HazardCategory
        public var counts: HazardCounts
    }

    public struct NotVisited: Equatable, Sendable {
        public var creditCode: String
        public var name: String
        public var district: String
        public var riskGrade: RiskGrade
        /// The day of its latest entry, before the period or after it; nil when never visited.
        public var lastVisit: String?
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
    /// Every category, in `HazardCategory.allCases` order, even when none is counted.
    public var hazardsByCategory: [CategoryHazards] = []

    /// The trend's 12 months (`YYYY-MM`), oldest first.
    public var trendMonths: [String] = []
    /// Hazards discovered in each of `trendMonths`.
    public var hazardTrend: [Int] = []
    /// Entries dated in each of `trendMonths`.
    public var entryTrend: [Int] = []

    public var entries = EntryCounts()
    /// Every kind, in `SupervisionKind.allCases` order.
    public var entriesByKind: [KindEntries] = []
    /// Months with entries, oldest first.
    public var entriesByMonth: [MonthEntries] = []
    /// Most entries first, ties by certificate number.
    public var entriesByInspector: [InspectorEntries] = []
    /// In district order, then highest risk grade first, then credit code.
    public var notVisited: [NotVisited] = []
    /// The supervised (not retired) enterprises of the district: the whole `notVisited` is out of.
    public var supervised = 0

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

        let lastDay = period.until.map { min($0, today) } ?? today
        trendMonths = CalendarMonth.months(endingWith: lastDay, count: 12)
        let trendSlot = Dictionary(uniqueKeysWithValues: trendMonths.enumerated().map { ($0.element, $0.offset) })
        hazardTrend = Array(repeating: 0, count: trendMonths.count)
        entryTrend = hazardTrend

        var byDistrict: [String: HazardCounts] = [:]
        var byLevel: [HazardLevel: HazardCounts] = [:]
        var byCategory: [HazardCategory: HazardCounts] = [:]
        for hazard in hazards {
            let place = districtOf[hazard.enterpriseCode] ?? ""
            if let district, place != district { continue }
            if CalendarDate.isValid(hazard.discoveredOn), let slot = trendSlot[String(hazard.discoveredOn.prefix(7))] { hazardTrend[slot] += 1 }
            guard period.contains(hazard.discoveredOn) else { continue }
            // The day's facts read once (dates parsed once), counted four ways: the same figures as `count(_:today:…)`.
            let fact = HazardFacts.of(hazard, today: today, verificationDays: verificationDays)
            self.hazards.count(fact: fact)
            byDistrict[place, default: HazardCounts()].count(fact: fact)
            byLevel[hazard.level, default: HazardCounts()].count(fact: fact)
            byCategory[hazard.category, default: HazardCounts()].count(fact: fact)
        }
        hazardsByDistrict = Self.inDistrictOrder(byDistrict).map { DistrictHazards(district: $0.0, counts: $0.1) }
        hazardsByLevel = HazardLevel.allCases.map { LevelHazards(level: $0, counts: byLevel[$0] ?? HazardCounts()) }
        hazardsByCategory = HazardCategory.allCases.map { CategoryHazards(category: $0, counts: byCategory[$0] ?? HazardCounts()) }

        var byKind: [SupervisionKind: EntryCounts] = [:]
        var byMonth: [String: Int] = [:]
        var byInspector: [String: (name: String, day: String, entries: Int)] = [:]
        var visited: Set<String> = []
        var latestVisit: [String: String] = [:]
        // A planned visit (a draw's, not made yet) is no visit: it counts once made.
        for entry in entries where !entry.isPlanned {
            if let district, districtOf[entry.enterpriseCode] ?? "" != district { continue }
            if CalendarDate.isValid(entry.date) {
                if entry.date > latestVisit[entry.enterpriseCode] ?? "" { latestVisit[entry.enterpriseCode] = entry.date }
                if let slot = trendSlot[String(entry.date.prefix(7))] { entryTrend[slot] += 1 }
            }
            guard period.contains(entry.date) else { continue }
            visited.insert(entry.enterpriseCode)
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

        let supervisedEnterprises = enterprises.filter { $0.retired == nil && (district == nil || $0.district == district) }
        supervised = supervisedEnterprises.count
        notVisited = supervisedEnterprises
            .filter { !visited.contains($0.creditCode) }
            .map { NotVisited(creditCode: $0.creditCode, name: $0.name, district: $0.district, riskGrade: $0.riskGrade,
                              lastVisit: latestVisit[$0.creditCode]) }
            .sorted { a, b in
                let (x, y) = (District.named(a.district)?.order ?? District.all.count, District.named(b.district)?.order ?? District.all.count)
                if x != y { return x < y }
                if a.district != b.district { return a.district < b.district }
                if a.riskGrade.severity != b.riskGrade.severity { return a.riskGrade.severity > b.riskGrade.severity }
                return a.creditCode < b.creditCode
            }
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

/// Month arithmetic on `YYYY-MM-DD` / `YYYY-MM` texts (the Gregorian calendar, no time zone).
public enum CalendarMonth {
    /// Year and month of a day; (0, 1) when it does not start with `YYYY-MM`.
    public static func parts(_ day: String) -> (year: Int, month: Int) {
        let digits = Array(day.utf8)
        guard digits.count >= 7, let year = Int(String(day.prefix(4))), let month = Int(String(day.dropFirst(5).prefix(2))),
              (1...12).contains(month) else { return (0, 1) }
        return (year, month)
    }

    public static func name(_ year: Int, _ month: Int) -> String { String(format: "%04d-%02d", year, month) }

    public static func firstDay(_ year: Int, _ month: Int) -> String { name(year, month) + "-01" }

    public static func lastDay(_ year: Int, _ month: Int) -> String {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return name(year, month) + String(format: "-%02d", days)
    }

    /// `count` months (`YYYY-MM`) ending with the month of `day`, oldest first.
    public static func months(endingWith day: String, count: Int) -> [String] {
        let (year, month) = parts(day)
        let last = year * 12 + month - 1
        return (0..<count).reversed().map { back in
            let m = last - back
            return name(m / 12, m % 12 + 1)
        }
    }

    /// The month `offset` months from the month of `day`, as (year, month).
    public static func shifted(_ day: String, by offset: Int) -> (year: Int, month: Int) {
        let (year, month) = parts(day)
        let m = year * 12 + month - 1 + offset
        return (m / 12, m % 12 + 1)
    }
}
