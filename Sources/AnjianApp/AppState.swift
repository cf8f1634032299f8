import Foundation
import AnjianModel
import AnjianStore
import AnjianScreen
import AnjianText

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
    /// View 2: the city-wide hazard ledger.
    case hazards
    /// One hazard's page.
    case hazard(enterpriseCode: String, id: String)
    /// View 3: every supervision entry of the city.
    case supervisions
    /// One supervision entry, read-only, with its history.
    case supervision(enterpriseCode: String, id: String)
}

/// Side effects the runner carries out after `update`, reporting back with
/// `saveSucceeded` / `saveFailed`.
public enum Effect: Hashable, Sendable {
    case quit, redraw, suspend
    /// Write this enterprise's supervision file with the entry added or replaced.
    case saveSupervision(SupervisionEntry)
    /// Write this enterprise's hazard file with the hazard added or replaced.
    case saveHazard(Hazard)
    /// Remember the operator in the configuration file.
    case saveOperator(Operator)
}

/// The columns of the supervision table (view 3).
public enum SupervisionColumn: Hashable, Sendable, CaseIterable {
    case date, enterprise, district, kind, inspectors, conclusion, accompanying, findings
}

/// The city-wide supervision list: its filter, sort, rows and selection.
public struct SupervisionListState: Sendable {
    public var filter = TextInput()
    public var filtering = false
    public var sortColumn: SupervisionColumn = .date
    public var ascending = false
    /// Indices into the directory's records.
    public var rows: [Int] = []
    public var selected = 0
    public var top = 0
    var lastMatch: (query: SearchQuery, rows: [Int])? = nil
    var sorted: (column: SupervisionColumn, ascending: Bool, rows: [Int])? = nil
    var recent: [(query: SearchQuery, rows: [Int])] = []
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
    /// Where Esc goes back to.
    public var backStack: [Route] = []
    public var showingHelp = false
    public var helpScroll = 0
    public var detailScroll = 0
    /// On the enterprise page: the selected supervision entry (newest first).
    public var detailSelection = 0

    // Supervision
    public var signer: Operator?
    public var roster: InspectorRoster
    /// Entries by enterprise credit code: what the files hold.
    public var supervisions: [String: [SupervisionEntry]]
    public var supervisionDirectory: SupervisionDirectory
    public var supervisionList = SupervisionListState()
    /// The form being edited, if any: it takes every key.
    public var form: SupervisionForm? = nil

    // Hazards
    public var hazards: [String: [Hazard]]
    public var hazardDirectory: HazardDirectory
    public var hazardList = HazardListState()
    /// A hazard form or a lifecycle step's form, if open: it takes every key.
    public var hazardForm: HazardForm? = nil
    /// Asked once at start when the operator is unknown.
    public var operatorForm: Form? = nil
    /// Set when another process holds the data directory: nothing can be saved.
    public var readOnlyHolder: LockHolder? = nil
    public var isReadOnly = false
    /// Read-only because the data directory cannot be written, not because of another copy.
    public var directoryNotWritable = false
    public var clock: @Sendable () -> Date = { Date() }
    var cachedEnterpriseRank: [Bool: [Int]] = [:]
    public var timeZone = TimeZone.current

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
                dataPath: String, width: Int, height: Int, pinyin: PinyinTable,
                inspectors: [Inspector] = [], supervisions: [String: [SupervisionEntry]] = [:],
                hazards: [String: [Hazard]] = [:], signer: Operator? = nil) {
        self.directory = directory
        let strings = Strings(language)
        self.strings = strings
        self.roster = InspectorRoster(inspectors, pinyin: pinyin)
        self.supervisions = supervisions
        self.signer = signer
        self.supervisionDirectory = SupervisionDirectory(supervisions, enterprises: directory, pinyin: pinyin,
                                                         labels: Strings.searchLabels)
        self.hazards = hazards
        self.hazardDirectory = HazardDirectory(hazards, enterprises: directory, pinyin: pinyin)
        self.useColor = useColor
        self.isDemo = isDemo
        self.dataPath = dataPath
        self.width = width
        self.height = height
        self.rows = Array(directory.enterprises.indices)
        refreshSupervisionRows()
        refreshHazardRows()
    }

    /// An enterprise's supervision entries, newest first.
    public func supervisionEntries(of code: String) -> [SupervisionEntry] {
        (supervisions[code] ?? []).sorted(by: SupervisionEntry.newestFirst)
    }

    public func supervisionEntry(_ code: String, _ id: String) -> SupervisionEntry? {
        supervisions[code]?.first { $0.id == id }
    }

    /// The body rows of view 3 at the current height.
    var supervisionBodyHeight: Int { max(1, height - Layout.listChrome) }

    mutating func refreshSupervisionRows() {
        let list = supervisionList
        let current = list.rows.indices.contains(list.selected) ? list.rows[list.selected] : nil
        let query = SearchQuery(list.filter.text)
        let records = supervisionDirectory.records
        // Every record in the sort order, computed when the sort or the data changes: a
        // keystroke then filters in that order and never sorts.
        if list.sorted?.column != list.sortColumn || list.sorted?.ascending != list.ascending {
            let column = list.sortColumn
            let rank = column == .enterprise ? enterpriseRank() : []
            let keyed = records.indices.map { ($0, SupervisionSorting.key(records[$0], column: column, rank: rank)) }
            let order = keyed.sorted { a, b in
                let order = EnterpriseSorting.compareFast(a.1, b.1)
                if order != 0 { return list.ascending ? order < 0 : order > 0 }
                return SupervisionEntry.newestFirst(records[a.0].entry, records[b.0].entry)
            }.map(\.0)
            supervisionList.sorted = (column, list.ascending, order)
            supervisionList.lastMatch = nil
            supervisionList.recent = []
        }
        let result: [Int]
        if let cached = supervisionList.recent.last(where: { $0.query.raw == query.raw }) {
            result = cached.rows  // Backspace back to a query just typed
        } else {
            let candidates = supervisionList.lastMatch.flatMap { query.narrows($0.query) ? $0.rows : nil }
            result = supervisionDirectory.matching(query, among: candidates ?? supervisionList.sorted!.rows)
            supervisionList.recent = Array((supervisionList.recent + [(query, result)]).suffix(12))
        }
        supervisionList.lastMatch = (query, result)
        supervisionList.rows = result
        if let current, let index = result.firstIndex(of: current), !list.filtering {
            supervisionList.selected = index
        } else if list.filtering {
            supervisionList.selected = 0
        }
        clampSupervisionSelection()
    }

    mutating func clampSupervisionSelection() {
        TableMoves.clamp(selected: &supervisionList.selected, top: &supervisionList.top,
                         rowCount: supervisionList.rows.count, body: supervisionBodyHeight)
    }

    public var enterprises: [Enterprise] { directory.enterprises }

    /// Each enterprise's place in pinyin order of names, computed once, when first needed:
    /// sorting thousands of hazards by enterprise then compares numbers, not collated strings.
    mutating func enterpriseRank(shortName: Bool = false) -> [Int] {
        if let rank = cachedEnterpriseRank[shortName] { return rank }
        let rank = directory.pinyinRank(by: shortName ? \.shortName : \.name)
        cachedEnterpriseRank[shortName] = rank
        return rank
    }

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
            let keyed = result.map { ($0, EnterpriseSorting.key(enterprises[$0], column: sort.column, language: strings.language)) }
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
        TableMoves.clamp(selected: &selected, top: &top, rowCount: rows.count, body: listBodyHeight)
    }
}

/// Sort keys. Chinese text sorts in pinyin order (ICU's zh collation through
/// Foundation), not by code point, which would be arbitrary to a reader.
enum SupervisionSorting {
    /// Numbers and ASCII only, so sorting thousands of entries needs no collation;
    /// enterprises sort by their precomputed pinyin rank.
    static func key(_ record: SupervisionDirectory.Record, column: SupervisionColumn, rank: [Int]) -> EnterpriseSorting.SortKey {
        let e = record.entry
        switch column {
        case .date: return .text(e.date + " " + e.time)
        case .enterprise: return .number(rank[record.enterprise])
        case .district: return .number(record.districtOrder)
        case .kind: return .number(SupervisionKind.allCases.firstIndex(of: e.kind) ?? 0)
        case .inspectors: return .text(e.inspectors.first?.name ?? "")
        case .conclusion: return .number(SupervisionConclusion.allCases.firstIndex(of: e.conclusion) ?? 0)
        case .accompanying: return .text(e.accompanying.name)
        case .findings: return .text(e.findings)
        }
    }
}

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
