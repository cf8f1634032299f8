import AnjianText
import Foundation
import AnjianModel

/// Sort keys. Chinese text sorts in pinyin order (ICU's zh collation through
/// Foundation), not by code point, which would be arbitrary to a reader.
enum EnterpriseSorting {
    static let collation = Locale(identifier: "zh_CN")

    enum SortKey { case number(Int), text(String) }

    static func key(_ e: Enterprise, column: EnterpriseColumn, language: Language) -> SortKey {
        switch column {
        case .name: return .text(e.name)
        case .shortName: return .text(e.shortName)
        case .district: return .number(District.named(e.district)?.order ?? 99)
        case .industry where language == .en:  // the English table shows the category here
            return .number(SupervisionCategory.allCases.firstIndex(of: e.category) ?? 0)
        case .industry: return .text(e.industry)
        case .category: return .number(SupervisionCategory.allCases.firstIndex(of: e.category) ?? 0)
        case .risk: return .number(e.riskGrade.severity)
        case .integrity: return .number(IntegrityStatus.allCases.firstIndex(of: e.integrityStatus) ?? 0)
        case .supervisor: return .text(e.supervisors.first?.name ?? "")
        case .creditCode: return .text(e.creditCode)
        case .safetyPerson: return .text(e.safetyResponsible.name)
        case .safetyPhone: return .text(e.safetyResponsible.phone)
        }
    }

    /// `2026-11-25` → 20261125: dates compare as numbers, faster than strings.
    static func dayNumber(_ date: String) -> Int {
        var n = 0
        for byte in date.utf8 where byte >= 48 && byte <= 57 { n = n * 10 + Int(byte - 48) }
        return n
    }

    /// Without collation: for keys that are numbers or ASCII (dates, numbers).
    static func compareFast(_ a: SortKey, _ b: SortKey) -> Int {
        switch (a, b) {
        case let (.number(x), .number(y)): return x < y ? -1 : (x > y ? 1 : 0)
        case let (.text(x), .text(y)): return x < y ? -1 : (x > y ? 1 : 0)
        default: return 0
        }
    }

    static func compare(_ a: SortKey, _ b: SortKey) -> Int {
        switch (a, b) {
        case let (.number(x), .number(y)): return x < y ? -1 : (x > y ? 1 : 0)
        case let (.text(x), .text(y)):
            switch x.compare(y, locale: collation) {
            case .orderedAscending: return -1
            case .orderedDescending: return 1
            case .orderedSame: return 0
            }
        default: return 0
        }
    }
}
