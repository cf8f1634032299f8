import Foundation
import AnjianModel
import AnjianScreen

/// The columns of the enterprise table; which are shown depends on the width.
public enum EnterpriseColumn: Hashable, Sendable, CaseIterable {
    case name, district, industry, risk, integrity, supervisor
    case creditCode, safetyPerson, safetyPhone, category, shortName
}

public struct SortOrder: Hashable, Sendable {
    public var column: EnterpriseColumn
    public var ascending: Bool
}

public enum Route: Hashable, Sendable {
    case enterprises
    /// The enterprise page; the index is into the ledger's enterprises.
    case enterprise(Int)
}

/// Side effects the runner carries out after `update`.
public enum Effect: Hashable, Sendable {
    case quit, redraw, suspend
}

/// The whole application state. `update` is the one place it changes.
public struct AppState: Sendable {
    public var directory: EnterpriseDirectory
    public var strings: Strings
    public var useColor: Bool
    public var isDemo: Bool
    public var dataPath: String
    public var width: Int
    public var height: Int

    public var route: Route = .enterprises
    public var showingHelp = false
    public var helpScroll = 0
    public var detailScroll = 0

    // Enterprise list
    public var filter = TextInput()
    public var filtering = false
    public var sort: SortOrder? = nil
    /// Indices into `directory.enterprises` of the rows shown, filtered and sorted.
    public private(set) var rows: [Int]
    /// Index into `rows`.
    public var selected = 0
    /// First row shown.
    public var top = 0
    /// A transient message for the status line.
    public var message: String? = nil
    /// The last filter and what it matched, so typing one more character only
    /// re-checks those rows.
    private var lastMatch: (query: SearchQuery, rows: [Int])? = nil

    public init(directory: EnterpriseDirectory, language: Language, useColor: Bool, isDemo: Bool,
                dataPath: String, width: Int, height: Int) {
        self.directory = directory
        self.strings = Strings(language)
        self.useColor = useColor
        self.isDemo = isDemo
        self.dataPath = dataPath
        self.width = width
        self.height = height
        self.rows = Array(directory.enterprises.indices)
    }

    public var enterprises: [Enterprise] { directory.enterprises }

    public var selectedEnterprise: Int? { rows.indices.contains(selected) ? rows[selected] : nil }

    /// Rows of the table body at the current height (see `Layout`).
    var listBodyHeight: Int { max(1, height - Layout.listChrome) }

    /// Recomputes the rows after the filter or the sort changed, keeping the
    /// selected enterprise selected when it is still shown.
    mutating func refreshRows() {
        let current = selectedEnterprise
        let query = SearchQuery(filter.text)
        let candidates = lastMatch.flatMap { query.narrows($0.query) ? $0.rows : nil }
        var result = directory.matching(query, among: candidates)
        lastMatch = (query, result)
        if let sort {
            let keyed = result.map { ($0, EnterpriseSorting.key(enterprises[$0], column: sort.column)) }
            result = keyed.sorted { a, b in
                let order = EnterpriseSorting.compare(a.1, b.1)
                if order != 0 { return sort.ascending ? order < 0 : order > 0 }
                return a.0 < b.0
            }.map(\.0)
        }
        rows = result
        if let current, let index = rows.firstIndex(of: current), !filtering {
            selected = index
        } else if filtering {
            selected = 0
        }
        clampSelection()
    }

    mutating func clampSelection() {
        selected = max(0, min(selected, rows.count - 1))
        let body = listBodyHeight
        if selected < top { top = selected }
        if selected >= top + body { top = selected - body + 1 }
        top = max(0, min(top, max(0, rows.count - body)))
    }
}

/// Sort keys. Chinese text sorts in pinyin order (ICU's zh collation through
/// Foundation), not by code point, which would be arbitrary to a reader.
enum EnterpriseSorting {
    static let collation = Locale(identifier: "zh_CN")

    enum SortKey { case number(Int), text(String) }

    static func key(_ e: Enterprise, column: EnterpriseColumn) -> SortKey {
        switch column {
        case .name: return .text(e.name)
        case .shortName: return .text(e.shortName)
        case .district: return .number(District.named(e.district)?.order ?? 99)
        case .industry: return .text(e.industry)
        case .category: return .number(SupervisionCategory.allCases.firstIndex(of: e.category) ?? 0)
        case .risk: return .number(-e.riskGrade.severity)
        case .integrity: return .number(IntegrityStatus.allCases.firstIndex(of: e.integrityStatus) ?? 0)
        case .supervisor: return .text(e.supervisors.first?.name ?? "")
        case .creditCode: return .text(e.creditCode)
        case .safetyPerson: return .text(e.safetyResponsible.name)
        case .safetyPhone: return .text(e.safetyResponsible.phone)
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
