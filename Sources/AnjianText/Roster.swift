import AnjianModel

// The inspector roster (执法检查人员名录库, issue 13): view 4, an inspector's page, the roster
// form and the retirement step.
extension Text {
    public static let viewRoster = Text(zh: "人员名录", en: "Roster")
    public static let actionView4 = Text(zh: "执法检查人员名录", en: "inspector roster")
    public static let helpRoster = Text(zh: "执法检查人员名录", en: "Inspector roster")
    public static let helpInspectorPage = Text(zh: "检查人员详情", en: "Inspector's page")
    public static let inspectorPageTitle = Text(zh: "检查人员详情", en: "Inspector")

    public static let rosterColName = Text(zh: "姓名", en: "Name")
    public static let rosterColCertificate = Text(zh: "执法证号", en: "Certificate")
    public static let rosterColExpires = Text(zh: "证件有效期至", en: "Valid until")
    public static let rosterColUnit = Text(zh: "单位", en: "Unit")
    public static let rosterColPhone = Text(zh: "电话", en: "Phone")
    public static let rosterColEnterprises = Text(zh: "监管责任企业", en: "Responsible for")
    public static let rosterColAvoid = Text(zh: "回避", en: "Avoids")

    public static let rosterFieldName = Text(zh: "姓名", en: "Name")
    public static let rosterFieldCertificate = Text(zh: "执法证号", en: "Certificate no.")
    public static let rosterFieldExpires = Text(zh: "有效期至", en: "Valid until")
    public static let rosterFieldUnit = Text(zh: "所在单位", en: "Unit")
    public static let rosterFieldPhone = Text(zh: "电话", en: "Phone")
    public static let rosterFieldAvoidDistricts = Text(zh: "回避区市", en: "Avoid districts")
    public static let rosterFieldAvoidEnterprises = Text(zh: "回避企业", en: "Avoid enterprises")
    public static let rosterFieldRetired = Text(zh: "退出名录", en: "Retired")
    public static let rosterFieldRetireDate = Text(zh: "退出日期", en: "Retirement date")
    public static let rosterFieldEnterprises = Text(zh: "监管责任企业", en: "Responsible for")

    /// The list's and the page's mark of a retired inspector (never colour alone).
    public static let rosterRetiredMark = Text(zh: "[已退出]", en: "[retired]")
    public static let rosterExpiredMark = Text(zh: "已过期!", en: "expired!")
    public static let rosterNoInspectors = Text(zh: "名录中没有检查人员：按 n 添加", en: "The roster is empty: n adds an inspector")
    public static let rosterNoEnterprises = Text(zh: "（无）", en: "(none)")
    /// Beside an enterprise the inspector is responsible for but should avoid (回避).
    public static let rosterAvoidConflict = Text(zh: "[应回避]", en: "[to avoid]")
    public static let rosterNotRecorded = Text(zh: "未登记", en: "not recorded")
    public static let rosterAvoidHint = Text(zh: "多个以、分隔", en: "separate with commas")
    public static let rosterAvoidEnterprisesHint = Text(zh: "信用代码或企业名称，以、分隔", en: "credit codes or names, comma-separated")

    public static let actionNewInspector = Text(zh: "新增检查人员", en: "add an inspector")
    public static let actionEditInspector = Text(zh: "编辑检查人员", en: "edit the inspector")
    public static let actionShowRetired = Text(zh: "显示/隐藏已退出名录的人员", en: "show or hide retired inspectors")
    public static let actionRetireInspector = Text(zh: "退出名录 / 恢复名录", en: "retire or reinstate the inspector")
    public static let rosterOpenEnterprise = Text(zh: "打开所选企业", en: "open the selected enterprise")
    public static let hintNewInspector = Text(zh: "新增", en: "add")
    public static let hintShowRetired = Text(zh: "已退出", en: "retired")
    public static let hintRosterRetire = Text(zh: "退出名录", en: "retire")
    public static let hintRosterReinstate = Text(zh: "恢复名录", en: "reinstate")

    public static let newInspectorTitle = Text(zh: "新增检查人员", en: "New inspector")
    public static let editInspectorTitle = Text(zh: "编辑检查人员", en: "Edit inspector")
    public static let saveWarningsAgain = Text(zh: "以上为提醒，不影响保存：再按 Ctrl-S 保存", en: "These are warnings only: Ctrl-S again saves")
    public static let rosterRetireStep = Text(zh: "退出名录", en: "Retire")
    public static let rosterReinstateStep = Text(zh: "恢复名录", en: "Reinstate")
    public static let warningPrefix = Text(zh: "提醒：", en: "warning: ")
}

extension Strings {
    /// `16/17 人` / `16 of 17`.
    public func rosterCount(shown: Int, total: Int) -> String {
        pick(zh: "\(shown)/\(total) 人", en: "\(shown) of \(total)")
    }

    /// `已退出 1 人未列出` / `1 retired hidden`, or shown.
    public func retiredCount(_ count: Int, shown: Bool) -> String {
        shown ? pick(zh: "含已退出 \(count) 人", en: "\(count) retired shown")
              : pick(zh: "已退出 \(count) 人未列出", en: "\(count) retired hidden")
    }

    /// The list's expiry cell: the date and a marker when expired or expiring soon.
    public func certificateCell(_ expires: String?, _ state: CertificateState) -> String {
        guard let expires, !expires.isEmpty else { return "" }
        switch state {
        case .expired: return expires + " " + self[.rosterExpiredMark]
        case .expiringSoon(let days): return expires + " " + pick(zh: "剩\(days)天!", en: "\(days)d left!")
        case .valid, .notRecorded: return expires
        }
    }

    /// `退出名录 · 王丽娟` and the other steps' titles.
    public func retireTitle(_ name: String, reinstating: Bool) -> String {
        self[reinstating ? .rosterReinstateStep : .rosterRetireStep] + " · " + name
    }

    public func retiredSince(_ date: String, _ reason: String) -> String {
        pick(zh: "已于 \(date) 退出名录（\(reason)）", en: "retired on \(date) (\(reason))")
    }

    public func inspectorSaved(_ name: String) -> String {
        pick(zh: "已保存检查人员：\(name)", en: "Saved inspector: \(name)")
    }

    public func inspectorRetired(_ name: String, _ date: String) -> String {
        pick(zh: "\(name) 已退出名录（\(date)）", en: "\(name) retired (\(date))")
    }

    public func inspectorReinstated(_ name: String) -> String {
        pick(zh: "\(name) 已恢复名录", en: "\(name) reinstated")
    }

    /// The status line after a roster save: retired, reinstated, or saved.
    public func inspectorSavedMessage(_ inspector: Inspector, base: Inspector?) -> String {
        if let retired = inspector.retired, base?.retired == nil, base != nil { return inspectorRetired(inspector.name, retired.date) }
        if inspector.retired == nil, base?.retired != nil { return inspectorReinstated(inspector.name) }
        return inspectorSaved(inspector.name)
    }

    public func enterprisesSection(_ count: Int) -> String {
        pick(zh: "监管责任企业（\(count) 家）", en: count == 1 ? "Responsible for 1 enterprise" : "Responsible for \(count) enterprises")
    }

    /// An inspector's field path as the user knows it: the roster form's fields and the
    /// history's (`retired.date`). Paths of other records are `fieldLabel`'s.
    public func inspectorFieldLabel(_ path: String) -> String {
        switch path.split(separator: "[").first.map(String.init) ?? path {
        case "name": return self[.rosterFieldName]
        case "certificateNumber": return self[.rosterFieldCertificate]
        case "unit": return self[.rosterFieldUnit]
        case "phone": return self[.rosterFieldPhone]
        case "certificateExpires": return self[.rosterFieldExpires]
        case "avoidDistricts": return self[.rosterFieldAvoidDistricts]
        case "avoidEnterprises": return self[.rosterFieldAvoidEnterprises]
        case "retired.date": return self[.rosterFieldRetireDate]
        case "retired.reason": return self[.fieldReason]
        default: return fieldLabel(path)
        }
    }

    /// A refusal of the visit form: the inspector of that row, and why.
    public func inspectorRefused(_ name: String, _ refusal: InspectorRefusal) -> String {
        pick(zh: "\(name)：", en: "\(name): ") + self.refusal(refusal)
    }
}
