/// The person using the program: a named inspector with a certificate number. Signs every change.
public typealias Operator = InspectorRef

/// An inspector of the roster (执法检查人员名录库).
public struct Inspector: Codable, Hashable, Sendable {
    public var name: String
    /// Law-enforcement certificate number (执法证号).
    public var certificateNumber: String
    public var unit: String
    /// Districts and enterprises (credit codes) this inspector must not be sent to (回避).
    public var avoidDistricts: [String]
    public var avoidEnterprises: [String]
    /// Telephone (电话), when the roster gives one; absent in files written before `anjian import`.
    public var phone: String?
    /// Every change to the record (an import, an edit, a retirement), with who made it; absent
    /// in files written before `anjian import`.
    public var history: [HistoryEntry]?
    /// The last day the law-enforcement certificate is valid (`YYYY-MM-DD`); absent when not recorded.
    public var certificateExpires: String?
    /// Set when the inspector left the roster: still shown on old records, never offered for new ones.
    public var retired: RetirementRecord?
    /// Fields changed differently on two clones, waiting for a choice (see `Conflicts.swift`);
    /// absent when there is none, so files written before read and write unchanged.
    public var conflicts: [FieldConflict]?

    public init(name: String, certificateNumber: String, unit: String,
                avoidDistricts: [String] = [], avoidEnterprises: [String] = [],
                phone: String? = nil, history: [HistoryEntry]? = nil,
                certificateExpires: String? = nil, retired: RetirementRecord? = nil) {
        self.name = name
        self.certificateNumber = certificateNumber
        self.unit = unit
        self.avoidDistricts = avoidDistricts
        self.avoidEnterprises = avoidEnterprises
        self.phone = phone
        self.history = history
        self.certificateExpires = certificateExpires
        self.retired = retired
    }

    /// The roster's rules: a name and a certificate number, a phone that is one when given,
    /// real dates, districts of the list and credit codes to avoid.
    public func validate() -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if name.isBlank { issues.append(ValidationIssue(field: "name", problem: .required)) }
        if certificateNumber.isBlank { issues.append(ValidationIssue(field: "certificateNumber", problem: .required)) }
        if let phone, !phone.isEmpty, !PhoneNumber.isValid(phone) { issues.append(ValidationIssue(field: "phone", problem: .invalidPhone(phone))) }
        if let certificateExpires, !CalendarDate.isValid(certificateExpires) {
            issues.append(ValidationIssue(field: "certificateExpires", problem: .invalidDate(certificateExpires)))
        }
        if let retired { issues += retired.validate(field: "retired") }
        for (i, district) in avoidDistricts.enumerated() where District.named(district) == nil {
            // Warnings: a roster written by others may hold such names, and an import must not stop on them.
            issues.append(ValidationIssue(field: "avoidDistricts[\(i)]", problem: .unknownDistrict(district), severity: .warning))
        }
        for (i, code) in avoidEnterprises.enumerated() {
            if let problem = CreditCode.check(code).problems.first {
                issues.append(ValidationIssue(field: "avoidEnterprises[\(i)]", problem: .creditCode(problem), severity: .warning))
            }
        }
        return issues
    }
}

/// A named inspector on a record: real name and certificate number.
public struct InspectorRef: Codable, Hashable, Sendable {
    public var name: String
    public var certificateNumber: String
    public init(name: String, certificateNumber: String) {
        self.name = name
        self.certificateNumber = certificateNumber
    }
}

/// The roster with its pinyin index, for picking inspectors by part of a name or its pinyin.
public struct InspectorRoster: Sendable {
    public let inspectors: [Inspector]
    let index: [PinyinSearchText]

    public init(_ inspectors: [Inspector], pinyin: PinyinTable) {
        self.inspectors = inspectors
        self.index = inspectors.map { PinyinSearchText($0.name, table: pinyin) }
    }

    /// Inspectors whose name matches the query (Chinese, initials, full pinyin, any reading,
    /// so 曾 is found as zeng, 单 as shan, 解 as xie), or whose certificate number contains it.
    public func matching(_ text: String) -> [Inspector] {
        let query = SearchQuery(text)
        guard !query.isEmpty else { return [] }
        return inspectors.indices.filter {
            index[$0].matches(query) || inspectors[$0].certificateNumber.contains(text.trimmingWhitespace())
        }.map { inspectors[$0] }
    }

    public func named(_ name: String) -> [Inspector] {
        let trimmed = name.trimmingWhitespace()
        return inspectors.filter { $0.name == trimmed }
    }
}
