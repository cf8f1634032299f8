import AnjianModel

/// `anjian stats --format json`: every key always present (null when there is nothing to count),
/// records' values raw (district names as the files hold them, `general`/`major`, kinds' codes),
/// rates as percentages rounded to one decimal, as the text shows them.
struct StatsJSON: Encodable {
    /// An optional that is written as `null` rather than left out, so the keys stay the same.
    struct Nullable<Value: Encodable>: Encodable {
        var value: Value?
        init(_ value: Value?) { self.value = value }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            if let value { try container.encode(value) } else { try container.encodeNil() }
        }
    }

    struct Period: Encodable { var since: Nullable<String>, until: Nullable<String> }

    struct Integrity: Encodable {
        var district: String, total: Int, red: Int, black: Int, unlisted: Int
        init(_ c: LedgerStatistics.IntegrityCounts) {
            (district, total, red, black, unlisted) = (c.district, c.total, c.red, c.black, c.unlisted)
        }
    }

    struct Enterprises: Encodable {
        var total: Int, red: Int, black: Int, unlisted: Int
        var byDistrict: [Integrity]
    }

    struct Hazards: Encodable {
        var total, open, openMajor, rectificationOverdue, verificationOverdue, dueSoon, closed, closedOnTime, closedLate: Int
        var rectificationRate: Nullable<Double>, onTimeRate: Nullable<Double>
        init(_ c: HazardCounts) {
            (total, open, openMajor, closed) = (c.total, c.open, c.openMajor, c.closed)
            (rectificationOverdue, verificationOverdue, dueSoon) = (c.rectificationOverdue, c.verificationOverdue, c.dueSoon)
            (closedOnTime, closedLate) = (c.closedOnTime, c.closedLate)
            rectificationRate = Nullable(StatsReport.percentNumber(c.rectificationPercentage))
            onTimeRate = Nullable(StatsReport.percentNumber(c.onTimePercentage))
        }
    }

    struct DistrictHazards: Encodable { var district: String, counts: Hazards }
    struct LevelHazards: Encodable { var level: String, counts: Hazards }
    struct CategoryHazards: Encodable { var category: String, counts: Hazards }

    struct HazardSection: Encodable {
        var counts: Hazards
        var byDistrict: [DistrictHazards]
        var byLevel: [LevelHazards]
        var byCategory: [CategoryHazards]
    }

    /// The 12 months ending with the period's last month: hazards found and entries dated in each.
    struct TrendMonth: Encodable { var month: String, hazards: Int, entries: Int }

    struct NotVisited: Encodable {
        var creditCode: String, name: String, district: String, riskGrade: String, lastVisit: Nullable<String>
    }

    struct Entries: Encodable {
        var entries: Int, noProblem: Int, passRate: Nullable<Double>
        init(_ c: LedgerStatistics.EntryCounts) {
            (entries, noProblem, passRate) = (c.entries, c.noProblem, Nullable(StatsReport.percentNumber(c.passRate)))
        }
    }

    struct KindEntries: Encodable { var kind: String, counts: Entries }
    struct MonthEntries: Encodable { var month: String, entries: Int }
    struct InspectorEntries: Encodable { var name: String, certificateNumber: String, entries: Int }

    struct SupervisionSection: Encodable {
        var counts: Entries
        var byKind: [KindEntries]
        var byMonth: [MonthEntries]
        var byInspector: [InspectorEntries]
        var notVisited: [NotVisited]
    }

    var period: Period
    var district: Nullable<String>
    var today: String
    var verificationDays: Int
    var enterprises: Enterprises
    var hazards: HazardSection
    var supervisions: SupervisionSection
    var trend: [TrendMonth]

    init(_ s: LedgerStatistics) {
        period = Period(since: Nullable(s.period.since), until: Nullable(s.period.until))
        district = Nullable(s.district)
        today = s.today
        verificationDays = s.verificationDays
        let e = s.enterprises
        enterprises = Enterprises(total: e.total, red: e.red, black: e.black, unlisted: e.unlisted,
                                  byDistrict: s.enterprisesByDistrict.map(Integrity.init))
        hazards = HazardSection(counts: Hazards(s.hazards),
                                byDistrict: s.hazardsByDistrict.map { DistrictHazards(district: $0.district, counts: Hazards($0.counts)) },
                                byLevel: s.hazardsByLevel.map { LevelHazards(level: $0.level.rawValue, counts: Hazards($0.counts)) },
                                byCategory: s.hazardsByCategory.map { CategoryHazards(category: $0.category.rawValue, counts: Hazards($0.counts)) })
        supervisions = SupervisionSection(
            counts: Entries(s.entries),
            byKind: s.entriesByKind.map { KindEntries(kind: $0.kind.rawValue, counts: Entries($0.counts)) },
            byMonth: s.entriesByMonth.map { MonthEntries(month: $0.month, entries: $0.entries) },
            byInspector: s.entriesByInspector.map { InspectorEntries(name: $0.name, certificateNumber: $0.certificateNumber, entries: $0.entries) },
            notVisited: s.notVisited.map {
                NotVisited(creditCode: $0.creditCode, name: $0.name, district: $0.district, riskGrade: $0.riskGrade.rawValue,
                           lastVisit: Nullable($0.lastVisit))
            })
        trend = s.trendMonths.indices.map { TrendMonth(month: s.trendMonths[$0], hazards: s.hazardTrend[$0], entries: s.entryTrend[$0]) }
    }
}
