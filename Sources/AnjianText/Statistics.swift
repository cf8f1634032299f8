import AnjianModel

// The statistics view (5): its tab, sections, keys and lines. The figures' names follow
// `anjian stats` (CLIStats.swift) and view 2's header.
extension Text {
    public static let viewStatistics = Text(zh: "统计", en: "Stats")
    public static let actionView5 = Text(zh: "统计分析", en: "statistics")
    public static let helpStatistics = Text(zh: "统计分析", en: "Statistics")

    public static let statisticsHazards = Text(zh: "隐患（期间内发现，状态按今日）", en: "Hazards found in the period, as they stand today")
    public static let statisticsHazardsTotal = Text(zh: "隐患总数", en: "Hazards")
    public static let statisticsOpen = Text(zh: "未销号", en: "Open")
    public static let statisticsOpenMajor = Text(zh: "重大未销号", en: "Open major")
    public static let statisticsRectificationOverdue = Text(zh: "整改逾期", en: "Rectification overdue")
    public static let statisticsVerificationOverdue = Text(zh: "验收逾期", en: "Verification overdue")
    public static let statisticsDueSoon = Text(zh: "7天内到期", en: "Due within 7 days")
    public static let statisticsClosed = Text(zh: "已销号", en: "Closed")
    public static let statisticsClosedLate = Text(zh: "逾期销号", en: "Closed late")
    public static let statisticsByDistrict = Text(zh: "隐患按区市", en: "Hazards by district")
    public static let statisticsByLevel = Text(zh: "隐患按等级", en: "Hazards by level")
    public static let statisticsByCategory = Text(zh: "隐患按类别", en: "Hazards by category")
    public static let statisticsHazardTrend = Text(zh: "隐患按月（近12个月，按发现日期）", en: "Hazards by month (last 12 months, by day found)")
    public static let statisticsVisits = Text(zh: "监管记录（期间内）", en: "Supervision entries in the period")
    public static let statisticsEntries = Text(zh: "监管记录", en: "Entries")
    public static let statisticsNoProblem = Text(zh: "未发现问题", en: "No problem found")
    public static let statisticsByKind = Text(zh: "监管记录按类型", en: "Entries by kind")
    public static let statisticsEntryTrend = Text(zh: "监管记录按月（近12个月）", en: "Entries by month (last 12 months)")
    public static let statisticsByInspector = Text(zh: "按执法人员（双实名，每条记录每人计一次）", en: "By inspector (dual real names: once per entry)")
    public static let statisticsNotVisited = Text(zh: "期间内未检查的企业", en: "Enterprises not visited in the period")
    public static let statisticsAllVisited = Text(zh: "（均已检查）", en: "(all visited)")
    public static let statisticsNeverVisited = Text(zh: "从未检查", en: "never")
    public static let statisticsColName = Text(zh: "项目", en: "Figure")
    public static let statisticsColLastVisit = Text(zh: "上次检查", en: "Last visit")
    public static let statisticsColRisk = Text(zh: "风险", en: "Risk")
    public static let statisticsLoading = Text(zh: "记录载入中，载入后显示统计", en: "Records are loading: the figures follow")
    public static let statisticsCustomTitle = Text(zh: "自定统计期间", en: "Custom period")
    public static let statisticsCustomHelp = Text(zh: "日期 YYYY-MM-DD，可空；Enter 确定，Esc 取消", en: "Dates YYYY-MM-DD, either may be empty; Enter applies, Esc cancels")
    public static let fieldPeriodSince = Text(zh: "起始日期", en: "From")
    public static let fieldPeriodUntil = Text(zh: "截止日期", en: "Until")

    public static let actionStatisticsPeriod = Text(zh: "统计期间：本年、本季度、本月、全部、自定（依次切换）", en: "period: year, quarter, month, all time, custom (in turn)")
    public static let actionStatisticsShift = Text(zh: "上一期间 / 下一期间", en: "previous / next period")
    public static let actionStatisticsCustom = Text(zh: "自定统计期间（起止日期）", en: "custom period (from, until)")
    public static let actionStatisticsDistrict = Text(zh: "区市：全市、各区市（依次切换）", en: "district: whole city, each district (in turn)")
    public static let actionStatisticsOpen = Text(zh: "打开该数字对应的记录（视图2或3，已按条件筛选）", en: "open the records behind the figure (view 2 or 3, filtered)")
    public static let hintStatisticsPeriod = Text(zh: "期间", en: "period")
    public static let hintStatisticsDistrict = Text(zh: "区市", en: "district")
    public static let hintStatisticsRecords = Text(zh: "明细", en: "records")
}

extension Strings {
    /// The heading: the period in words and dates, the district.
    public func statisticsHeading(kind: String, since: String?, until: String?, district: String?) -> String {
        let place = district.map(self.district) ?? self[.statsWholeCity]
        if since == nil && until == nil {
            return pick(zh: "期间：全部  区市：\(place)", en: "Period: all time  District: \(place)")
        }
        let from = since ?? "…", to = until ?? "…"
        return pick(zh: "期间：\(kind) \(from)至\(to)  区市：\(place)", en: "Period: \(kind) \(from) to \(to)  District: \(place)")
    }

    public func statisticsPeriodKind(_ index: Int) -> String {
        let zh = ["本年", "季度", "月份", "全部", "自定"], en = ["year", "quarter", "month", "all time", "custom"]
        return pick(zh: zh[index], en: en[index])
    }

    public func statisticsRates(rectification: String, onTime: String, passRate: String? = nil) -> String {
        pick(zh: "整改率 \(rectification)   按期整改率 \(onTime)", en: "Rectified \(rectification)   on time \(onTime)")
    }

    public func statisticsPassRate(_ rate: String, noProblem: Int, entries: Int) -> String {
        pick(zh: "抽查合格率 \(rate)（\(noProblem)/\(entries) 条未发现问题）", en: "Pass rate \(rate) (\(noProblem) of \(entries) found no problem)")
    }

    public func statisticsNotVisitedCount(_ count: Int, of total: Int) -> String {
        pick(zh: "期间内未检查的企业 \(count) 家（共 \(total) 家在管）", en: "Enterprises not visited in the period: \(count) of \(total) supervised")
    }

    public func statisticsTrendSpan(_ first: String, _ last: String) -> String {
        pick(zh: "\(first) 至 \(last)", en: "\(first) to \(last)")
    }

    public func statisticsReversed(_ since: String, _ until: String) -> String {
        pick(zh: "起始日期 \(since) 晚于截止日期 \(until)", en: "From \(since) is after until \(until)")
    }
}

extension Text {
    public static let statisticsColDueSoon = Text(zh: "7天到期", en: "Due 7d")
    public static let statisticsColClosedLate = Text(zh: "逾期销号", en: "Late")
    public static let statisticsColCount = Text(zh: "数量", en: "Count")
}
