import AnjianModel

// Supervision records (view 3), an entry's page and its form.
extension Text {
    public static let fieldDate = Text(zh: "日期", en: "Date")
    public static let fieldTime = Text(zh: "时间", en: "Time")
    public static let fieldKind = Text(zh: "检查类型", en: "Kind")
    public static let fieldCertificate = Text(zh: "执法证号", en: "Certificate")
    public static let fieldAccompanying = Text(zh: "陪同人员", en: "Accompanied by")
    public static let fieldPosition = Text(zh: "职务", en: "Position")
    public static let fieldPhone = Text(zh: "联系电话", en: "Phone")
    public static let fieldItemsChecked = Text(zh: "检查事项", en: "Items checked")
    public static let fieldFindings = Text(zh: "发现问题", en: "Findings")
    public static let fieldConclusion = Text(zh: "检查结论", en: "Conclusion")
    public static let fieldInspectors = Text(zh: "检查人员", en: "Inspectors")
    public static let fieldHazardsFound = Text(zh: "发现的隐患", en: "Hazards found")
    public static let newSupervisionTitle = Text(zh: "新建监管记录", en: "New supervision entry")
    public static let editSupervisionTitle = Text(zh: "编辑监管记录", en: "Edit supervision entry")
    public static let noSupervisions = Text(zh: "暂无监管记录，按 s 新建", en: "No supervision entries yet: s adds one")
    public static let supervisionTitle = Text(zh: "监管记录", en: "Supervision entry")
    public static let colDate = Text(zh: "日期", en: "Date")
    public static let colEnterprise = Text(zh: "企业", en: "Enterprise")
    public static let colKind = Text(zh: "类型", en: "Kind")
    public static let colInspectors = Text(zh: "检查人员", en: "Inspectors")
    public static let colConclusion = Text(zh: "结论", en: "Conclusion")
    public static let colAccompanying = Text(zh: "陪同人员", en: "Accompanied by")
    public static let colFindings = Text(zh: "发现问题", en: "Findings")
    public static let noSupervisionEntries = Text(zh: "还没有监管记录", en: "No supervision entries yet")
}

extension Strings {
    public func fieldInspector(_ number: Int) -> String {
        pick(zh: "检查人员\(number)", en: "Inspector \(number)")
    }

    public func supervisionSection(_ count: Int) -> String {
        pick(zh: "监管记录（\(count) 条）", en: "Supervision entries (\(count))")
    }

    public func noSupervisionMatches(_ filter: String) -> String {
        pick(zh: "没有匹配“\(filter)”的监管记录", en: "No supervision entry matches \"\(filter)\"")
    }

    public func supervisionsCount(_ shown: Int, _ total: Int) -> String {
        pick(zh: "\(shown)/\(total) 条", en: "\(shown) of \(total)")
    }

    public func kind(_ kind: SupervisionKind) -> String { self[kind.label] }
    public func conclusion(_ conclusion: SupervisionConclusion) -> String { self[conclusion.label] }

    /// An entry's conclusion as lists and pages show it: a planned visit (a draw's, not made yet) says so.
    public func conclusion(of entry: SupervisionEntry) -> String {
        entry.isPlanned ? pick(zh: "计划待检", en: "planned") : conclusion(entry.conclusion)
    }

    /// Kind and conclusion in every language, for filtering supervision entries.
    public static let searchLabels: @Sendable (SupervisionEntry) -> [String] = { entry in
        Language.allCases.flatMap { language in
            let s = Strings(language)
            return [s.kind(entry.kind), s.conclusion(of: entry)]
        }
    }
}

extension SupervisionKind {
    public var label: Text {
        switch self {
        case .routine: Text(zh: "日常检查", en: "routine")
        case .specialCampaign: Text(zh: "专项检查", en: "special campaign")
        case .doubleRandom: Text(zh: "双随机抽查", en: "double-random check")
        case .complaint: Text(zh: "投诉举报核查", en: "complaint follow-up")
        case .recheck: Text(zh: "复查", en: "re-check")
        }
    }
}

extension SupervisionConclusion {
    public var label: Text {
        switch self {
        case .noProblem: Text(zh: "未发现问题", en: "no problem found")
        case .rectificationOrdered: Text(zh: "责令整改", en: "rectification ordered")
        case .caseFiled: Text(zh: "立案查处", en: "case filed")
        }
    }
}

extension Strings {
    /// View 3's criteria line: the days the entries are dated in.
    public func datedIn(since: String?, until: String?) -> String {
        let from = since ?? "…", to = until ?? "…"
        return pick(zh: "日期 \(from)至\(to)", en: "dated \(from) to \(to)")
    }

    /// View 3's criteria line: entries naming the inspector with this certificate.
    public func inspectorCertificate(_ number: String) -> String {
        pick(zh: "执法证号 \(number)", en: "certificate \(number)")
    }
}
