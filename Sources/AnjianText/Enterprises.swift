import AnjianModel

// The enterprise list (view 1) and an enterprise's page.
extension Text {
    public static let colName = Text(zh: "企业名称", en: "Name")
    public static let colShortName = Text(zh: "简称", en: "Short name")
    public static let colDistrict = Text(zh: "区市", en: "District")
    public static let colIndustry = Text(zh: "行业", en: "Industry")
    public static let colCategory = Text(zh: "监管类别", en: "Category")
    public static let colRisk = Text(zh: "风险", en: "Risk")
    public static let colIntegrity = Text(zh: "诚信", en: "List")
    public static let colSupervisor = Text(zh: "监管责任人", en: "Supervisor")
    public static let colCreditCode = Text(zh: "统一社会信用代码", en: "Credit code")
    public static let colSafetyPerson = Text(zh: "安全责任人", en: "Safety officer")
    public static let colSafetyPhone = Text(zh: "责任人电话", en: "Officer phone")
    public static let noEnterprises = Text(zh: "台账中还没有企业", en: "The ledger has no enterprises yet")
    public static let detailTitle = Text(zh: "企业详情", en: "Enterprise")
    public static let fieldCreditCode = Text(zh: "统一社会信用代码", en: "Credit code")
    public static let fieldName = Text(zh: "企业名称", en: "Name")
    public static let fieldShortName = Text(zh: "简称", en: "Short name")
    public static let fieldDistrict = Text(zh: "所属区市", en: "District")
    public static let fieldAddress = Text(zh: "地址", en: "Address")
    public static let fieldIndustry = Text(zh: "行业", en: "Industry")
    public static let fieldCategory = Text(zh: "监管类别", en: "Category")
    public static let fieldRisk = Text(zh: "风险等级", en: "Risk grade")
    public static let fieldLegalRepresentative = Text(zh: "法定代表人", en: "Legal representative")
    public static let fieldSafetyResponsible = Text(zh: "企业安全责任人", en: "Safety officer")
    public static let fieldSupervisors = Text(zh: "监管责任人", en: "Supervisors")
    public static let fieldSpecialEquipment = Text(zh: "特种设备", en: "Special equipment")
    public static let fieldIntegrity = Text(zh: "诚信红黑榜", en: "Integrity list")
    public static let fieldNotes = Text(zh: "备注", en: "Notes")
    public static let equipmentNone = Text(zh: "无", en: "none")
    public static let creditCodeValid = Text(zh: "校验通过", en: "check OK")
    public static let creditCodeInvalid = Text(zh: "校验不通过", en: "invalid")
    public static let equipmentBoilers = Text(zh: "锅炉", en: "boilers")
    public static let equipmentPressureVessels = Text(zh: "压力容器", en: "pressure vessels")
    public static let equipmentPressurePiping = Text(zh: "压力管道", en: "pressure piping")
    public static let equipmentElevators = Text(zh: "电梯", en: "elevators")
    public static let equipmentCranes = Text(zh: "起重机械", en: "cranes")
    public static let equipmentForklifts = Text(zh: "场（厂）内机动车辆", en: "forklifts")
}

extension Strings {
    public func shownOfTotal(_ shown: Int, _ total: Int) -> String {
        pick(zh: "\(shown)/\(total) 家", en: "\(shown) of \(total)")
    }

    public func noMatches(_ filter: String) -> String {
        pick(zh: "没有匹配“\(filter)”的企业", en: "No enterprise matches \"\(filter)\"")
    }

    public func districtCode(_ code: String) -> String {
        pick(zh: "区划代码 \(code)", en: "division code \(code)")
    }

    /// One kind of special equipment and how many: `锅炉 2`, `boilers 2`.
    public func equipment(_ kind: Text, _ count: Int) -> String {
        pick(zh: "\(kind.zh) \(count)", en: "\(kind.en) \(count)")
    }

    public func riskShort(_ grade: RiskGrade) -> String { self[grade.shortLabel] }
    public func riskLong(_ grade: RiskGrade) -> String { self[grade.longLabel] }
    public func integrity(_ status: IntegrityStatus) -> String { self[status.label] }
    public func category(_ category: SupervisionCategory) -> String { self[category.label] }
}

extension RiskGrade {
    /// For the list's column: `重大!`.
    public var shortLabel: Text {
        switch self {
        case .major: Text(zh: "重大!", en: "Major!")
        case .high: Text(zh: "较大", en: "High")
        case .moderate: Text(zh: "一般", en: "Medium")
        case .low: Text(zh: "低", en: "Low")
        }
    }

    /// With its colour: `重大风险（红）`.
    public var longLabel: Text {
        switch self {
        case .major: Text(zh: "重大风险（红）", en: "major risk (red)")
        case .high: Text(zh: "较大风险（橙）", en: "high risk (orange)")
        case .moderate: Text(zh: "一般风险（黄）", en: "moderate risk (yellow)")
        case .low: Text(zh: "低风险（蓝）", en: "low risk (blue)")
        }
    }
}

extension IntegrityStatus {
    public var label: Text {
        switch self {
        case .none: Text(zh: "未列入", en: "not listed")
        case .red: Text(zh: "红榜+", en: "Red+")
        case .black: Text(zh: "黑榜!", en: "Black!")
        }
    }
}

extension SupervisionCategory {
    public var label: Text {
        switch self {
        case .hazardousChemicals: Text(zh: "危险化学品", en: "Hazardous chemicals")
        case .specialEquipment: Text(zh: "特种设备使用", en: "Special equipment")
        case .mining: Text(zh: "非煤矿山", en: "Mining")
        case .food: Text(zh: "食品", en: "Food")
        case .machinery: Text(zh: "机械制造", en: "Machinery")
        case .shipbuilding: Text(zh: "船舶修造", en: "Shipbuilding")
        case .port: Text(zh: "港口", en: "Port")
        case .other: Text(zh: "其他", en: "Other")
        }
    }
}
