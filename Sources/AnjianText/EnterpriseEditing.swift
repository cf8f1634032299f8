import AnjianModel

// Editing enterprises in the TUI (issue 13): the enterprise form, its steps (retiring, the
// integrity red/black list), the markers of retired and listed enterprises, the lists' filters,
// and an enterprise's history by its field paths.
extension Text {
    public static let newEnterpriseTitle = Text(zh: "新增企业", en: "New enterprise")
    public static let editEnterpriseTitle = Text(zh: "编辑企业", en: "Edit enterprise")
    public static let retireTitle = Text(zh: "退出名录", en: "Retire")
    public static let reinstateTitle = Text(zh: "恢复名录", en: "Reinstate")
    public static let integrityTitle = Text(zh: "诚信红黑榜", en: "Integrity list")
    public static let enterpriseFiltersTitle = Text(zh: "企业列表筛选条件（Ctrl-S 应用）", en: "Enterprise list filters (Ctrl-S applies)")
    public static let supervisionFiltersTitle = Text(zh: "监管记录筛选条件（Ctrl-S 应用）", en: "Supervision list filters (Ctrl-S applies)")

    // The form's labels: short enough for its label column (11 cells in Chinese, 17 in English).
    public static let formCreditCode = Text(zh: "信用代码", en: "Credit code")
    public static let formSafetyName = Text(zh: "安全责任人", en: "Safety officer")
    public static let formPosition = Text(zh: "职务", en: "Position")
    public static let formPhone = Text(zh: "电话", en: "Phone")
    public static let formLegal = Text(zh: "法定代表人", en: "Legal rep.")
    public static let formForklifts = Text(zh: "场内车辆", en: "forklifts")
    public static let formStatus = Text(zh: "榜单", en: "List")
    public static let formDecisionDate = Text(zh: "决定日期", en: "Decision date")
    public static let formDocumentNumber = Text(zh: "决定文号", en: "Document no.")
    public static let formReviewDate = Text(zh: "复核日期", en: "Review date")
    public static let formRetiredOn = Text(zh: "退出日期", en: "Retired on")
    public static let integrityTakeOff = Text(zh: "移出（不列入）", en: "off the list")
    public static let formRetired = Text(zh: "已退出企业", en: "Retired")

    // Field paths of an enterprise, as its history shows them.
    public static let fieldSafetyPosition = Text(zh: "安全责任人职务", en: "Safety officer's position")
    public static let fieldSafetyPhone = Text(zh: "安全责任人电话", en: "Safety officer's phone")
    public static let fieldSupervisorPhones = Text(zh: "监管责任人电话", en: "Supervisors' phones")
    public static let fieldIntegrityReason = Text(zh: "列入原因", en: "Listing reason")
    public static let fieldIntegrityDate = Text(zh: "决定日期", en: "Decision date")
    public static let fieldIntegrityDocument = Text(zh: "决定文号", en: "Decision document")
    public static let fieldIntegrityReview = Text(zh: "复核日期", en: "Review date")
    public static let fieldRetired = Text(zh: "退出名录", en: "Retired")

    // Markers: on pages and in view 1 (long), in views 2 and 3 beside the name (short).
    public static let retiredMarker = Text(zh: "〔已退出〕", en: "[retired]")
    public static let retiredMarkerShort = Text(zh: "〔退〕", en: "[ret]")
    public static let redMarkerShort = Text(zh: "红+", en: "R+")
    public static let blackMarkerShort = Text(zh: "黑!", en: "B!")

    // Filters.
    public static let filterRetiredHide = Text(zh: "不显示", en: "hidden")
    public static let filterRetiredShow = Text(zh: "一并显示", en: "shown too")
    public static let filterRetiredOnly = Text(zh: "只显示已退出", en: "retired only")
    public static let filterListed = Text(zh: "红榜或黑榜", en: "red or black")
    public static let filterRed = Text(zh: "红榜", en: "red list")
    public static let filterBlack = Text(zh: "黑榜", en: "black list")

    // Keys.
    public static let actionNewEnterprise = Text(zh: "新增企业", en: "add an enterprise")
    public static let actionEditEnterprise = Text(zh: "编辑企业信息", en: "edit the enterprise")
    public static let actionRetire = Text(zh: "退出名录（不再直管，记录保留）", en: "retire (leaves direct supervision; records stay)")
    public static let actionReinstate = Text(zh: "恢复名录", en: "reinstate")
    public static let actionIntegrity = Text(zh: "诚信红黑榜：列入、调整或移出", en: "integrity list: put on, move, take off")
    public static let actionEnterpriseFilters = Text(
        zh: "筛选条件（已退出企业、诚信红黑榜）", en: "filters (retired enterprises, integrity list)")
    public static let actionSupervisionFilters = Text(zh: "筛选条件（诚信红黑榜）", en: "filters (integrity list)")
    public static let hintNew = Text(zh: "新增", en: "new")
    public static let hintRetire = Text(zh: "退出", en: "retire")
    public static let hintReinstate = Text(zh: "恢复", en: "reinstate")
    public static let hintIntegrity = Text(zh: "红黑榜", en: "list")

    public static let rekeyWhileLoading = Text(
        zh: "记录仍在载入，暂不能变更信用代码", en: "the records are still loading: the credit code cannot change yet")
    public static let notANumber = Text(zh: "须为非负整数", en: "must be a whole number, 0 or more")
}

/// Whose history a change belongs to: its field paths are read by that record's map
/// (`category` is a hazard's category on a hazard, the supervision category on an enterprise).
public enum HistorySubject: Sendable {
    case record, enterprise
}

extension Strings {
    /// The form's warnings, shown and allowed: `2 条提醒（不影响保存），再按 Ctrl-S 保存`.
    public func warningsBeforeSave(_ count: Int) -> String {
        pick(zh: "\(count) 条提醒（不影响保存），再按 Ctrl-S 保存", en: count == 1 ? "1 warning (saving is allowed): Ctrl-S again to save"
             : "\(count) warnings (saving is allowed): Ctrl-S again to save")
    }

    /// Beside a field: a warning, not an error.
    public func warning(_ text: String) -> String { pick(zh: "提醒：\(text)", en: "warning: \(text)") }

    /// The credit code changed on an enterprise with records: what Ctrl-S again does.
    public func confirmRekey(_ old: String, _ new: String, visits: Int, hazards: Int) -> String {
        pick(zh: "Ctrl-S：改为 \(new)，迁移 \(visits) 条记录、\(hazards) 条隐患；Esc 取消",
             en: "Ctrl-S: becomes \(new), moving \(visits) visits, \(hazards) hazards; Esc cancels")
    }

    public func enterpriseAdded(_ name: String) -> String { pick(zh: "已新增企业：\(name)", en: "Enterprise added: \(name)") }
    public func enterpriseSaved(_ name: String) -> String { pick(zh: "已保存：\(name)", en: "Saved: \(name)") }
    public func enterpriseStepDone(_ step: String, _ name: String) -> String {
        pick(zh: "\(step)：\(name)", en: "\(step): \(name)")
    }
    public func enterpriseRekeyed(_ old: String, _ new: String) -> String {
        pick(zh: "信用代码已由 \(old) 变更为 \(new)，记录已迁移", en: "Credit code changed from \(old) to \(new); its records moved")
    }

    /// `退出名录  2026-11-25  原因：搬迁出市` on the enterprise page.
    public func retiredLine(_ record: RetirementRecord) -> String {
        record.date + "  " + labelled(self[.fieldReason], record.reason)
    }

    /// The status line of view 1 while retired enterprises are hidden.
    public func retiredHidden(_ count: Int) -> String {
        pick(zh: "另有 \(count) 家已退出（f 显示）", en: "\(count) retired hidden (f shows)")
    }

    /// The short marker of a list beside a name in views 2 and 3, or "".
    public func integrityMarkerShort(_ status: IntegrityStatus) -> String {
        switch status {
        case .none: return ""
        case .red: return self[.redMarkerShort]
        case .black: return self[.blackMarkerShort]
        }
    }

    public func integrityFilter(_ filter: IntegrityFilter) -> String {
        switch filter {
        case .all: return self[.filterAll]
        case .listed: return self[.filterListed]
        case .red: return self[.filterRed]
        case .black: return self[.filterBlack]
        }
    }

    /// An enterprise's field path as the user knows it (its history, its form's problems):
    /// `integrity.status` → 诚信红黑榜, `specialEquipment.boilers` → 特种设备 锅炉,
    /// `supervisors[1].name` → 监管责任人2. Paths it does not know are shown as they are.
    public func enterpriseFieldLabel(_ path: String) -> String {
        if path.hasPrefix("specialEquipment.") {
            let kinds: [String: Text] = ["boilers": .equipmentBoilers, "pressureVessels": .equipmentPressureVessels,
                                         "pressurePiping": .equipmentPressurePiping, "elevators": .equipmentElevators,
                                         "cranes": .equipmentCranes, "forklifts": .equipmentForklifts]
            if let kind = kinds[String(path.dropFirst("specialEquipment.".count))] {
                return self[.fieldSpecialEquipment] + " " + self[kind]
            }
        }
        if path.hasPrefix("supervisors["), let close = path.firstIndex(of: "]"),
           let n = Int(path[path.index(path.startIndex, offsetBy: 12)..<close]) {
            let phone = path.hasSuffix(".phone")
            return pick(zh: "监管责任人\(n + 1)", en: "Supervisor \(n + 1)") + (phone ? " " + self[.formPhone] : "")
        }
        switch path {
        case "creditCode": return self[.fieldCreditCode]
        case "name": return self[.fieldName]
        case "shortName": return self[.fieldShortName]
        case "district": return self[.fieldDistrict]
        case "address": return self[.fieldAddress]
        case "industry": return self[.fieldIndustry]
        case "category": return self[.fieldCategory]
        case "riskGrade": return self[.fieldRisk]
        case "legalRepresentative": return self[.fieldLegalRepresentative]
        case "safetyResponsible", "safetyResponsible.name": return self[.fieldSafetyResponsible]
        case "safetyResponsible.position": return self[.fieldSafetyPosition]
        case "safetyResponsible.phone": return self[.fieldSafetyPhone]
        case "supervisors": return self[.fieldSupervisors]
        case "supervisors.phone": return self[.fieldSupervisorPhones]
        case "specialEquipment": return self[.fieldSpecialEquipment]
        case "notes": return self[.fieldNotes]
        case "integrity", "integrity.status": return self[.fieldIntegrity]
        case "integrity.reason": return self[.fieldIntegrityReason]
        case "integrity.date": return self[.fieldIntegrityDate]
        case "integrity.documentNumber": return self[.fieldIntegrityDocument]
        case "integrity.reviewDate": return self[.fieldIntegrityReview]
        case "retired", "retired.date": return self[.fieldRetired]
        case "retired.reason": return self[.fieldReason]
        default: return path
        }
    }

    /// An enterprise's history value by its field: the category, risk grade, list and district by
    /// their names in the UI's language, every other as the text it is (empty as "—").
    public func enterpriseHistoryValue(_ value: String, field: String) -> String {
        if value.isEmpty { return self[.noneValue] }
        switch field {
        case "category": if let v = SupervisionCategory(rawValue: value) { return category(v) }
        case "riskGrade": if let v = RiskGrade(rawValue: value) { return riskLong(v) }
        case "integrity.status": if let v = IntegrityStatus(rawValue: value) { return integrity(v) }
        case "district": return district(value)
        default: break
        }
        return value.replacingOccurrences(of: "\n", with: " / ")
    }
}
