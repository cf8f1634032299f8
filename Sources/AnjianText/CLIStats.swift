// `anjian stats`: the report's titles, column headers and errors.
extension Text {
    public static let statsTitle = Text(zh: "安监台账统计", en: "Ledger statistics")
    public static let statsWholeCity = Text(zh: "全市", en: "whole city")
    public static let statsAllTime = Text(zh: "全部", en: "all time")
    public static let statsUnknownDistrict = Text(zh: "（未知区市）", en: "(unknown district)")
    public static let statsTotal = Text(zh: "合计", en: "Total")

    public static let statsEnterprisesSection = Text(zh: "企业（按区市与诚信红黑榜，现状）", en: "Enterprises by district and integrity list (as they stand)")
    public static let statsColDistrict = Text(zh: "区市", en: "District")
    public static let statsColEnterprises = Text(zh: "企业", en: "Enterprises")
    public static let statsColRed = Text(zh: "红榜", en: "Red")
    public static let statsColBlack = Text(zh: "黑榜", en: "Black")
    public static let statsColUnlisted = Text(zh: "未列入", en: "Unlisted")

    public static let statsHazardsSection = Text(zh: "隐患（统计期间内发现，状态按统计日）", en: "Hazards discovered in the period, as they stand today")
    public static let statsHazardsByDistrict = Text(zh: "隐患按区市", en: "Hazards by district")
    public static let statsHazardsByLevel = Text(zh: "隐患按等级", en: "Hazards by level")
    public static let statsColLevel = Text(zh: "等级", en: "Level")
    public static let statsColHazards = Text(zh: "隐患", en: "Total")
    public static let statsColOpen = Text(zh: "未销号", en: "Open")
    public static let statsColOpenMajor = Text(zh: "重大未销", en: "Major")
    public static let statsColRectificationOverdue = Text(zh: "整改逾期", en: "Rect.late")
    public static let statsColVerificationOverdue = Text(zh: "验收逾期", en: "Verif.late")
    public static let statsColClosed = Text(zh: "已销号", en: "Closed")
    public static let statsColRectificationRate = Text(zh: "整改率", en: "Rectified")
    public static let statsColOnTimeRate = Text(zh: "按期率", en: "On time")

    public static let statsEntriesSection = Text(zh: "监管记录（统计期间内）", en: "Supervision entries in the period")
    public static let statsEntriesByKind = Text(zh: "监管记录按类型", en: "Entries by kind")
    public static let statsEntriesByMonth = Text(zh: "监管记录按月份", en: "Entries by month")
    public static let statsEntriesByInspector = Text(zh: "监管记录按执法人员（双实名）", en: "Entries by inspector (dual real names)")
    public static let statsColKind = Text(zh: "类型", en: "Kind")
    public static let statsColEntries = Text(zh: "记录", en: "Entries")
    public static let statsColNoProblem = Text(zh: "未发现问题", en: "No problem")
    public static let statsColPassRate = Text(zh: "合格率", en: "Pass rate")
    public static let statsColMonth = Text(zh: "月份", en: "Month")
    public static let statsColInspector = Text(zh: "执法人员", en: "Inspector")
    public static let statsColCertificate = Text(zh: "执法证号", en: "Certificate")
    public static let statsNone = Text(zh: "（无）", en: "(none)")
    public static let statsTrend = Text(zh: "近12个月（隐患按发现日期，监管记录按日期）", en: "Last 12 months (hazards by day found, entries by date)")
}

extension Strings {
    /// The report's heading lines: the period, the district, the day the figures stand on.
    public func statsPeriod(since: String?, until: String?) -> String {
        if since == nil && until == nil { return pick(zh: "统计期间：全部", en: "Period: all time") }
        let from = since ?? "…", to = until ?? "…"
        return pick(zh: "统计期间：\(from) 至 \(to)", en: "Period: \(from) to \(to)")
    }

    public func statsDistrict(_ name: String?) -> String {
        pick(zh: "区市：\(name.map(district) ?? self[.statsWholeCity])", en: "District: \(name.map(district) ?? self[.statsWholeCity])")
    }

    public func statsToday(_ day: String, verificationDays: Int) -> String {
        pick(zh: "统计日：\(day)（复查期限 \(verificationDays) 天）", en: "As of \(day) (re-check period \(verificationDays) days)")
    }

    /// The hazards' one-line summary, in the words of view 2's header.
    public func statsHazardSummary(total: Int, open: Int, openMajor: Int, rectificationOverdue: Int, verificationOverdue: Int,
                                   closed: Int, rectificationRate: String, onTimeRate: String) -> String {
        pick(zh: "隐患 \(total) 条：未销号 \(open)（其中重大 \(openMajor)），整改逾期 \(rectificationOverdue)，验收逾期 \(verificationOverdue)，"
                + "已销号 \(closed)；整改率 \(rectificationRate)，按期整改率 \(onTimeRate)",
             en: "\(total) hazards: open \(open) (major \(openMajor)), overdue: rectification \(rectificationOverdue), "
                + "verification \(verificationOverdue); closed \(closed); rectified \(rectificationRate), on time \(onTimeRate)")
    }

    /// The spot-check pass rate: entries that found no problem over all entries of the period.
    public func statsPassRate(noProblem: Int, entries: Int, rate: String) -> String {
        pick(zh: "监管记录 \(entries) 条，未发现问题 \(noProblem) 条，抽查合格率 \(rate)",
             en: "\(entries) supervision entries, \(noProblem) found no problem: pass rate \(rate)")
    }

    public func statsBadDate(_ option: String, _ value: String) -> String {
        pick(zh: "\(option) 的日期“\(value)”无效：应为 YYYY-MM-DD 格式的日期", en: "\(option): \"\(value)\" is not a date YYYY-MM-DD")
    }

    public func statsPeriodReversed(since: String, until: String) -> String {
        pick(zh: "--since \(since) 晚于 --until \(until)", en: "--since \(since) is after --until \(until)")
    }

    public func statsUnknownDistrict(_ name: String, known: [String]) -> String {
        pick(zh: "--district：没有名为“\(name)”的区市（可用：\(known.joined(separator: "、"))）",
             en: "--district: no district named \"\(name)\" (known: \(known.joined(separator: ", ")))")
    }

    /// Records of a damaged file are left out of the figures: said on stderr, the figures still printed.
    public func statsLeftOut(_ problem: String) -> String {
        pick(zh: "警告：统计不含此文件的记录：\(problem)", en: "warning: the figures leave out this file's records: \(problem)")
    }
}
