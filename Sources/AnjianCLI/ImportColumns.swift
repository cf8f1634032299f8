import AnjianModel

/// What `anjian import` imports.
public enum ImportKind: String, Sendable, CaseIterable {
    case enterprises, inspectors
}

/// A column of an imported list, with the header texts it is recognised by (docs/cli.md shows
/// this table). Headers are compared without case, spaces (full-width too), `_` and `-`.
public enum ImportColumn: String, Sendable, CaseIterable {
    // Enterprises
    case creditCode, name, shortName, district, address, industry, riskGrade, legalRepresentative
    case safetyName, safetyPosition, safetyPhone, supervisors, supervisorPhones, notes
    // Inspectors
    case inspectorName, certificateNumber, unit, phone

    public static func columns(of kind: ImportKind) -> [ImportColumn] {
        switch kind {
        case .enterprises: [.creditCode, .name, .shortName, .district, .address, .industry, .riskGrade, .legalRepresentative,
                            .safetyName, .safetyPosition, .safetyPhone, .supervisors, .supervisorPhones, .notes]
        case .inspectors: [.inspectorName, .certificateNumber, .unit, .phone]
        }
    }

    /// The header texts, the canonical Chinese and English ones first.
    public var synonyms: [String] {
        switch self {
        case .creditCode: ["统一社会信用代码", "credit_code", "信用代码", "社会信用代码", "creditCode"]
        case .name: ["企业名称", "name", "单位名称", "名称", "enterprise_name"]
        case .shortName: ["简称", "short_name", "企业简称", "shortName"]
        case .district: ["所属区市", "district", "区县", "区市", "所属区县"]
        case .address: ["地址", "address", "详细地址", "企业地址", "经营地址"]
        case .industry: ["行业", "industry", "行业类别", "所属行业"]
        case .riskGrade: ["风险等级", "risk_grade", "风险分级", "riskGrade"]
        case .legalRepresentative: ["法定代表人", "legal_representative", "法人代表", "法人", "legalRepresentative"]
        case .safetyName: ["安全负责人", "safety_responsible", "企业安全责任人", "安全责任人"]
        case .safetyPosition: ["安全负责人职务", "safety_position", "职务"]
        case .safetyPhone: ["联系电话", "safety_phone", "安全负责人电话", "phone"]
        case .supervisors: ["监管责任人", "supervisors", "包保责任人", "supervisor"]
        case .supervisorPhones: ["监管责任人电话", "supervisor_phone", "包保责任人电话", "supervisor_phones"]
        case .notes: ["备注", "notes", "note"]
        case .inspectorName: ["姓名", "name", "执法人员", "inspector"]
        case .certificateNumber: ["执法证号", "certificate_number", "执法证编号", "证号", "certificate"]
        case .unit: ["所属单位/科室", "unit", "所属单位", "科室", "单位", "部门", "department"]
        case .phone: ["电话", "phone", "联系电话", "手机", "mobile"]
        }
    }

    static func key(_ header: String) -> String {
        String(header.trimmingImportSpaces().lowercased().unicodeScalars.filter { !" \u{3000}_-\t".unicodeScalars.contains($0) })
    }

    /// The file's header row read: which column each field is in, and the headers not recognised
    /// (ignored). A field named twice is read from its first column; the second is reported unknown.
    public static func resolve(_ header: [String], kind: ImportKind) -> (columns: [ImportColumn: Int], unknown: [String]) {
        var columns: [ImportColumn: Int] = [:]
        var unknown: [String] = []
        let candidates = Self.columns(of: kind)
        for (index, text) in header.enumerated() {
            let key = key(text)
            if key.isEmpty { continue }
            if let column = candidates.first(where: { $0.synonyms.contains { Self.key($0) == key } }), columns[column] == nil {
                columns[column] = index
            } else {
                unknown.append(text.trimmingImportSpaces())
            }
        }
        return (columns, unknown)
    }
}

/// The supervision category an industry's text names (docs/cli.md shows this table): the first
/// category, in this order, one of whose words the text contains; nil when none does (其他 with a note).
public enum IndustryCategory {
    public static let table: [(SupervisionCategory, [String])] = [
        (.specialEquipment, ["特种设备", "锅炉", "压力容器", "电梯", "起重", "special equipment", "boiler"]),
        (.hazardousChemicals, ["危险化学品", "危化", "燃气", "化工生产", "石油化工", "hazardous chemical", "chemicals"]),
        (.shipbuilding, ["船舶", "造船", "海洋工程", "shipbuilding", "shipyard"]),
        (.port, ["港口", "码头", "装卸", "port"]),
        (.machinery, ["机械", "设备制造", "零部件", "铸造", "电机", "机床", "machinery"]),
        (.mining, ["矿", "采选", "开采", "黄金", "mining", "mine"]),
        (.food, ["食品", "水产", "果汁", "果蔬", "饮料", "酿造", "酿酒", "葡萄酒", "粉丝", "食用油", "花生油", "罐头", "乳制品",
                 "肉制品", "矿泉水", "饮用水", "food"]),
        (.other, ["其他", "other"]),
    ]

    /// The category whose longest keyword the industry holds (`矿泉水生产` is food, not mining;
    /// `其他机械制造` machinery: on a tie the earlier category wins, 其他 last); English keywords
    /// match whole words only (`port` is not in `transport`).
    public static func category(of industry: String) -> SupervisionCategory? {
        let text = industry.lowercased()
        if let exact = SupervisionCategory(rawValue: industry) { return exact }
        let words = Set(text.split(whereSeparator: { !$0.isLetter || !$0.isASCII }).map(String.init))
        var best: (category: SupervisionCategory, length: Int)?
        for (category, keywords) in table {
            for keyword in keywords where keyword.count > (best?.length ?? 0) {
                let ascii = keyword.allSatisfy(\.isASCII)
                let found = ascii ? (keyword.contains(" ") ? text.contains(keyword) : words.contains(keyword)) : text.contains(keyword)
                if found { best = (category, keyword.count) }
            }
        }
        return best?.category
    }
}

/// 风险等级 as lists write it: the Chinese grade, its colour, or the English word.
enum RiskGradeText {
    static func grade(_ text: String) -> RiskGrade? {
        switch text.lowercased() {
        case "重大", "重大风险", "红", "红色", "major", "red": .major
        case "较大", "较大风险", "橙", "橙色", "high", "orange": .high
        case "一般", "一般风险", "黄", "黄色", "moderate", "yellow": .moderate
        case "低", "低风险", "蓝", "蓝色", "low", "blue": .low
        default: nil
        }
    }
}

extension String {
    /// Without leading and trailing spaces, full-width ones (U+3000) and no-break ones included.
    func trimmingImportSpaces() -> String {
        let spaces: Set<Unicode.Scalar> = [" ", "\t", "\u{3000}", "\u{00A0}", "\u{FEFF}"]
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, spaces.contains(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, spaces.contains(last) { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
