import AnjianModel

// The hazard ledger (view 2), a hazard's page, its forms and lifecycle steps.
extension Text {
    public static let actStarted = Text(zh: "开始整改", en: "start rectification")
    public static let actReported = Text(zh: "整改完成待验收", en: "report rectified")
    public static let actPassed = Text(zh: "验收通过并销号", en: "verify and close")
    public static let actFailed = Text(zh: "验收不通过", en: "fail the verification")
    public static let actReopened = Text(zh: "重新打开", en: "reopen")
    public static let actExtended = Text(zh: "延长整改期限", en: "extend the deadline")
    public static let actLevelChanged = Text(zh: "变更隐患等级", en: "change the level")
    public static let fieldLevelReason = Text(zh: "等级变更原因", en: "Why the level changed")
    public static let fieldNumber = Text(zh: "隐患编号", en: "Number")
    public static let fieldDiscoveredOn = Text(zh: "发现日期", en: "Found on")
    public static let fieldFoundBy = Text(zh: "发现人", en: "Found by")
    public static let fieldLocation = Text(zh: "隐患部位", en: "Location")
    public static let fieldDescription = Text(zh: "隐患描述", en: "Description")
    public static let fieldHazardCategory = Text(zh: "隐患类别", en: "Category")
    public static let fieldLevel = Text(zh: "隐患等级", en: "Level")
    public static let fieldResponsible = Text(zh: "整改责任人", en: "Responsible")
    public static let fieldMeasures = Text(zh: "整改措施", en: "Measures")
    public static let fieldFunds = Text(zh: "整改资金", en: "Funds")
    public static let fieldDeadline = Text(zh: "整改期限", en: "Deadline")
    public static let fieldContingency = Text(zh: "应急预案", en: "Contingency plan")
    public static let fieldStatus = Text(zh: "状态", en: "Status")
    public static let fieldVerifier = Text(zh: "验收人", en: "Verifier")
    public static let fieldVerifyDate = Text(zh: "验收日期", en: "Verified on")
    public static let fieldRemark = Text(zh: "验收意见", en: "Remark")
    public static let fieldReason = Text(zh: "原因", en: "Reason")
    public static let fieldNewDeadline = Text(zh: "新期限", en: "New deadline")
    public static let fieldSupervision = Text(zh: "来源监管记录", en: "From supervision")
    public static let fieldClosedOn = Text(zh: "销号日期", en: "Closed on")
    public static let fieldVerifications = Text(zh: "验收记录", en: "Verifications")
    public static let verificationPassed = Text(zh: "通过", en: "passed")
    public static let verificationFailed = Text(zh: "不通过", en: "failed")
    public static let newHazardTitle = Text(zh: "登记隐患", en: "New hazard")
    public static let editHazardTitle = Text(zh: "编辑隐患", en: "Edit hazard")
    public static let hazardTitle = Text(zh: "隐患详情", en: "Hazard")
    public static let hazardFilterTitle = Text(zh: "隐患台账筛选条件（Ctrl-S 应用）", en: "Hazard ledger filters (Ctrl-S applies)")
    public static let noHazards = Text(zh: "暂无隐患，按 h 登记", en: "No hazards: h registers one")
    public static let colNumber = Text(zh: "隐患编号", en: "Number")
    public static let colLevel = Text(zh: "等级", en: "Level")
    public static let colStatus = Text(zh: "状态", en: "Status")
    public static let colFound = Text(zh: "发现日期", en: "Found")
    public static let colDeadline = Text(zh: "整改期限", en: "Deadline")
    public static let colOverdue = Text(zh: "逾期/到期", en: "Late/due")
    public static let colResponsible = Text(zh: "责任人", en: "Responsible")
    public static let colDescription = Text(zh: "隐患描述", en: "Description")
    public static let filterAll = Text(zh: "全部", en: "all")
    public static let filterOpen = Text(zh: "未销号", en: "open")
    public static let filterRectificationOverdue = Text(zh: "整改逾期", en: "rectification overdue")
    public static let filterVerificationOverdue = Text(zh: "验收逾期", en: "verification overdue")
    public static let filterDueSoon = Text(zh: "7天内到期", en: "due in 7 days")
    public static let filterNotOverdue = Text(zh: "未逾期", en: "not overdue")
    public static let filterClosedLate = Text(zh: "逾期销号", en: "closed late")
    public static let fieldDiscoveredSince = Text(zh: "发现自", en: "Found from")
    public static let fieldDiscoveredUntil = Text(zh: "发现至", en: "Found until")
    public static let fieldEnterpriseFilter = Text(zh: "企业", en: "Enterprise")
    public static let fieldInspectorFilter = Text(zh: "发现人", en: "Found by")
    public static let noHazardMatches = Text(zh: "没有符合条件的隐患", en: "No hazard matches")
    public static let deadlineByExtension = Text(
        zh: "整改期限只能用 t 延期（须写原因）",
        en: "the deadline changes only by t, extend (with a reason)")
}

extension Strings {
    /// The enterprise page's hazard section: what each figure counts (`HazardCounts`).
    public func hazardSection(_ c: HazardCounts) -> String {
        pick(zh: "隐患（\(c.total) 条：未销号 \(c.open)，其中重大 \(c.openMajor)；整改逾期 \(c.rectificationOverdue)，"
                + "验收逾期 \(c.verificationOverdue)，7天内到期 \(c.dueSoon)）",
             en: "Hazards (\(c.total): open \(c.open), major \(c.openMajor); overdue: rectification \(c.rectificationOverdue), "
                + "verification \(c.verificationOverdue); due in 7 days \(c.dueSoon))")
    }

    /// View 2's first header line: the rows shown and their state.
    public func hazardCounts(_ c: HazardCounts) -> String {
        pick(zh: "显示 \(c.total) 条  未销号 \(c.open)（其中重大 \(c.openMajor)）  整改率 \(c.rectificationRate)  按期整改率 \(c.onTimeRate)",
             en: "shown \(c.total)  open \(c.open) (major \(c.openMajor))  rectified \(c.rectificationRate)  on time \(c.onTimeRate)")
    }

    public func extensions(_ count: Int) -> String {
        pick(zh: "延期 \(count) 次", en: count == 1 ? "extended once" : "extended \(count) times")
    }

    /// View 2's second header line: the figures against the dates.
    public func hazardDeadlineCounts(_ c: HazardCounts) -> String {
        pick(zh: "整改逾期 \(c.rectificationOverdue)  验收逾期 \(c.verificationOverdue)  7天内到期 \(c.dueSoon)",
             en: "overdue: rectification \(c.rectificationOverdue), verification \(c.verificationOverdue)  due in 7 days \(c.dueSoon)")
    }

    /// A row's marker (view 2, the enterprise page): short, and text, so it reads without colour.
    public func timingMarker(_ timing: HazardTiming) -> String {
        switch timing {
        case .rectificationOverdue(let d): pick(zh: "逾\(d)天!", en: "\(d)d late!")
        case .verificationOverdue(let d): pick(zh: "验收逾\(d)天!", en: "check \(d)d late!")
        case .dueSoon(0): pick(zh: "今天到期", en: "due today")
        case .dueSoon(let d): pick(zh: "\(d)天后到期", en: "due in \(d)d")
        case .closedLate(let d): pick(zh: "逾期\(d)天销号", en: "closed \(d)d late")
        }
    }

    /// The hazard page's words for the same, with the dates it is counted from.
    public func timingText(_ timing: HazardTiming, reportedOn: String?, verificationDays: Int) -> String {
        switch timing {
        case .rectificationOverdue(let d): return pick(zh: "整改逾期 \(d) 天!", en: "rectification \(days(d)) overdue!")
        case .verificationOverdue(let d):
            let report = reportedOn ?? ""
            return pick(zh: "验收逾期 \(d) 天!（\(report) 报整改完成，应在 \(verificationDays) 天内复查）",
                        en: "verification \(days(d)) overdue! (reported rectified \(report), re-check due within \(days(verificationDays)))")
        case .dueSoon(0): return pick(zh: "今天到期", en: "due today")
        case .dueSoon(let d): return pick(zh: "\(d) 天后到期", en: "due in \(days(d))")
        case .closedLate(let d): return pick(zh: "逾期\(d)天销号", en: "closed late (\(days(d)))")
        }
    }

    private func days(_ n: Int) -> String { n == 1 ? "1 day" : "\(n) days" }

    /// A deadline on a row, marked when it was extended.
    public func deadline(_ day: String, extended: Bool) -> String {
        extended ? day + pick(zh: "延", en: "+") : day
    }

    public func activeFilters(_ filters: String) -> String {
        pick(zh: "筛选：\(filters)", en: "filters: \(filters)")
    }

    public func hazardSaved(_ number: String) -> String {
        pick(zh: "已保存隐患 \(number)", en: "Saved hazard \(number)")
    }

    public func stepDone(_ step: String, _ number: String) -> String {
        pick(zh: "\(step)：\(number)", en: "\(step): \(number)")
    }

    public func level(_ level: HazardLevel) -> String { self[level.label] }
    public func status(_ status: HazardStatus) -> String { self[status.label] }
    public func hazardCategory(_ category: HazardCategory) -> String { self[category.label] }

    /// View 2's header: the days the hazards shown were discovered in.
    public func discoveredIn(since: String?, until: String?) -> String {
        let from = since ?? "…", to = until ?? "…"
        return pick(zh: "发现于 \(from)至\(to)", en: "found \(from) to \(to)")
    }

    /// A date typed in a filter that is no date.
    public func filterBadDate(_ field: String, _ value: String) -> String {
        pick(zh: "\(field)：“\(value)”不是 YYYY-MM-DD 格式的日期", en: "\(field): \"\(value)\" is not a date YYYY-MM-DD")
    }

    /// A lifecycle step's name (also used for history lines); empty for created and edited.
    public func step(_ action: HistoryEntry.Action) -> String { action.label.map { self[$0] } ?? "" }
}

extension HazardLevel {
    public var label: Text {
        switch self {
        case .general: Text(zh: "一般隐患", en: "general")
        case .major: Text(zh: "重大隐患!", en: "major!")
        }
    }

    /// The level's name without the lists' `!` marker, for sentences and histories.
    public var name: Text {
        switch self {
        case .general: Text(zh: "一般隐患", en: "general")
        case .major: Text(zh: "重大隐患", en: "major")
        }
    }
}

extension HazardStatus {
    public var label: Text {
        switch self {
        case .registered: Text(zh: "已登记", en: "registered")
        case .rectifying: Text(zh: "整改中", en: "rectifying")
        case .rectified: Text(zh: "已整改待验收", en: "awaiting verification")
        case .closed: Text(zh: "已验收销号", en: "closed")
        }
    }
}

extension HazardCategory {
    public var label: Text {
        switch self {
        case .equipment: Text(zh: "设备设施", en: "equipment")
        case .electrical: Text(zh: "电气", en: "electrical")
        case .fire: Text(zh: "消防", en: "fire")
        case .hazardousMaterials: Text(zh: "危险化学品", en: "hazardous materials")
        case .workEnvironment: Text(zh: "作业环境", en: "work environment")
        case .management: Text(zh: "安全管理", en: "safety management")
        case .behaviour: Text(zh: "人员行为", en: "behaviour")
        case .other: Text(zh: "其他", en: "other")
        }
    }
}

extension HistoryEntry.Action {
    /// A lifecycle step's name (or a level change's); nil for created and edited.
    public var label: Text? {
        switch self {
        case .created, .edited: nil
        case .rectificationStarted: .actStarted
        case .reportedRectified: .actReported
        case .verifiedPassed: .actPassed
        case .verificationFailed: .actFailed
        case .reopened: .actReopened
        case .deadlineExtended: .actExtended
        case .levelChanged: .actLevelChanged
        case .documentIssued: .actDocumentIssued
        case .retired: .actRetired
        case .reinstated: .actReinstated
        case .integrityChanged: .actIntegrityChanged
        case .rekeyed: .actRekeyed
        case .renumbered: .actRenumbered
        case .conflictResolved: .actConflictResolved
        }
    }
}
