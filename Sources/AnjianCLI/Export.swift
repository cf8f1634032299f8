import Foundation
import AnjianModel
import AnjianStore
import AnjianText

/// `anjian export`: the records a TUI ledger shows with the same filters, as a table (CSV, XLSX,
/// Markdown) or as the records themselves (JSON). Reads the data directory only: no lock.
public enum ExportCommand {
    public enum Kind: String, CaseIterable, Sendable { case enterprises, supervisions, hazards, draws }
    public enum Format: String, CaseIterable, Sendable { case csv, xlsx, json, markdown }

    /// The filters as given on the command line; checked and turned into the model's criteria by `run`.
    public struct Filters: Sendable, Equatable {
        public var status: String?
        public var level: String?
        /// Rectification or verification overdue (the TUI's two overdue choices together).
        public var overdue = false
        /// One of the TUI's overdue choices exactly: rectification-overdue, verification-overdue, due-soon, not-overdue, closed-late.
        public var timing: String?
        public var district: String?
        public var enterprise: String?
        public var inspector: String?
        public var since: String?
        public var until: String?
        public var query: String?
        /// `draws`: one draw by its id (`DR-2026-37062301333-001`).
        public var draw: String?
        public init() {}
    }

    /// What was exported: the bytes, how many records, and one line per damaged file left out.
    public struct Result: Sendable {
        public var data: Data
        public var records: Int
        public var skippedFiles: [String]
    }

    public static func run(kind: Kind, format: Format, filters: Filters, directory: URL, strings: Strings,
                           now: Date = Date(), timeZone: TimeZone = .current) throws(CommandFailure) -> Result {
        let ledger = try CommandLedger.read(directory, strings: strings, now: now)
        let today = CalendarDate.dayAndTime(now, in: timeZone).day
        let selection = try select(kind, filters: filters, ledger: ledger, strings: strings, today: today)
        let skipped = ledger.damagedFiles.map { strings.exportSkippedFile(strings.storeError($0.error)) }
        let data: Data
        switch format {
        case .csv: data = ExportCSV.encode(selection.table)
        case .xlsx:
            do { data = try ExportXlsx.encode(selection.table, sheetName: strings.exportKindName(kind.rawValue)) } catch {
                throw CommandFailure(.ioError, "xlsx: \(error)")
            }
        case .json: data = selection.json
        case .markdown:
            data = Data(ExportMarkdown.report(selection, kind: kind, filters: filters, strings: strings, today: today,
                                              directory: directory.path, missingFiles: ledger.damagedFiles.count).utf8)
        }
        return Result(data: data, records: selection.table.rows.count, skippedFiles: skipped)
    }

    /// The chosen records, as a table and as JSON, with what the report says about them.
    public struct Selection: Sendable {
        public var table: ExportTable
        public var json: Data
        /// For hazards: the figures of the rows, as the TUI header counts them.
        public var hazardCounts: HazardCounts?
        public var total: Int
        /// For draws: a line per draw (seed, inputs, fingerprints), for the report.
        public var notes: [String] = []
    }

    static let verificationDays = Hazard.defaultVerificationDays

    public static func select(_ kind: Kind, filters: Filters, ledger: LoadedLedger, strings: Strings,
                              today: String) throws(CommandFailure) -> Selection {
        let pinyin: PinyinTable
        do { pinyin = try DemoLedger.pinyinTable() } catch { throw CommandFailure(.ioError, "pinyin: \(error)") }
        let directory = EnterpriseDirectory(enterprises: ledger.enterprises, pinyin: pinyin)
        let district = try checkedDistrict(filters.district, strings: strings)
        for (option, value) in [("--since", filters.since), ("--until", filters.until)] {
            if let value, !CalendarDate.isValid(value) { throw CommandFailure(.usage, strings.exportBadDate(option, value)) }
        }
        if let since = filters.since, let until = filters.until, since > until {
            throw CommandFailure(.usage, strings.statsPeriodReversed(since: since, until: until))  // as `stats` refuses it
        }
        if kind != .draws, filters.draw != nil {
            throw CommandFailure(.usage, strings.exportFilterNotApplicable("--draw", kind: strings.exportKindName(kind.rawValue)))
        }
        switch kind {
        case .draws:
            try refuse(["--status": filters.status, "--level": filters.level, "--timing": filters.timing,
                        "--overdue": filters.overdue ? "" : nil, "--enterprise": filters.enterprise,
                        "--inspector": filters.inspector, "--query": filters.query], kind: kind, strings: strings)
            return try ExportDraws.select(filters, district: district, ledger: ledger, strings: strings)
        case .enterprises:
            try refuse(["--status": filters.status, "--level": filters.level, "--timing": filters.timing,
                        "--overdue": filters.overdue ? "" : nil, "--since": filters.since, "--until": filters.until,
                        "--inspector": filters.inspector], kind: kind, strings: strings)
            var rows = directory.matching(SearchQuery(filters.query ?? ""))
            rows = directory.matching(SearchQuery(filters.enterprise ?? ""), among: rows)
            if let district { rows = rows.filter { directory.enterprises[$0].district == district } }
            let chosen = rows.map { directory.enterprises[$0] }
            return Selection(table: ExportTables.enterprises(chosen, strings: strings), json: encodeJSON(chosen),
                             hazardCounts: nil, total: directory.enterprises.count)
        case .supervisions:
            try refuse(["--status": filters.status, "--level": filters.level, "--timing": filters.timing,
                        "--overdue": filters.overdue ? "" : nil, "--inspector": filters.inspector], kind: kind, strings: strings)
            let index = SupervisionDirectory(ledger.supervisions, enterprises: directory, pinyin: pinyin, labels: Strings.searchLabels)
            let enterpriseHit = directory.matchesByEnterprise(SearchQuery(filters.enterprise ?? ""))
            let rows = index.matching(SearchQuery(filters.query ?? "")).filter { i in
                let record = index.records[i]
                if let district, directory.enterprises[record.enterprise].district != district { return false }
                if let since = filters.since, record.item.date < since { return false }
                if let until = filters.until, record.item.date > until { return false }
                return enterpriseHit[record.enterprise]
            }
            // The TUI's default order: newest first.
            let chosen = rows.map { index.records[$0] }.sorted { SupervisionEntry.newestFirst($0.item, $1.item) }
            return Selection(table: ExportTables.supervisions(chosen.map { ($0.item, directory.enterprises[$0.enterprise]) }, strings: strings),
                             json: encodeJSON(chosen.map(\.item)), hazardCounts: nil, total: index.records.count)
        case .hazards:
            let criteria = try hazardCriteria(filters, district: district, strings: strings)
            let index = HazardDirectory(ledger.hazards, enterprises: directory, pinyin: pinyin)
            let rows = hazardRows(index, criteria: criteria, overdue: filters.overdue, query: filters.query ?? "", today: today)
                .filter { i in
                    let found = index.records[i].item.discoveredOn
                    if let since = filters.since, found < since { return false }
                    if let until = filters.until, found > until { return false }
                    return true
                }
            // The TUI's default order: by deadline, ties by number.
            let chosen = rows.map { index.records[$0] }.sorted {
                ($0.item.rectification.deadline, $0.item.number) < ($1.item.rectification.deadline, $1.item.number)
            }
            let counts = HazardCounts(chosen.map(\.item), today: today, verificationDays: verificationDays)
            return Selection(table: ExportTables.hazards(chosen.map { ($0.item, directory.enterprises[$0.enterprise]) }, strings: strings,
                                                         today: today, verificationDays: verificationDays),
                             json: encodeJSON(chosen.map(\.item)), hazardCounts: counts, total: index.records.count)
        }
    }

    /// The hazards the TUI's view 2 shows for these criteria and `/` text: the model's matching,
    /// and for `--overdue` the union of its two overdue choices.
    public static func hazardRows(_ index: HazardDirectory, criteria: HazardCriteria, overdue: Bool, query: String, today: String) -> [Int] {
        let candidates = index.matching(SearchQuery(query))
        guard overdue else { return index.matching(criteria, today: today, verificationDays: verificationDays, among: candidates) }
        var rectification = criteria, verification = criteria
        rectification.overdue = .rectificationOverdue
        verification.overdue = .verificationOverdue
        let hits = Set(index.matching(rectification, today: today, verificationDays: verificationDays, among: candidates))
            .union(index.matching(verification, today: today, verificationDays: verificationDays, among: candidates))
        return candidates.filter(hits.contains)
    }

    static func hazardCriteria(_ filters: Filters, district: String?, strings: Strings) throws(CommandFailure) -> HazardCriteria {
        var criteria = HazardCriteria(district: district, enterprise: filters.enterprise ?? "", inspector: filters.inspector ?? "")
        if let status = filters.status {
            let statuses = ["all", "open"] + HazardStatus.allCases.map(\.rawValue)
            switch status {
            case "all": criteria.status = .all
            case "open": criteria.status = .open
            default:
                guard let wanted = HazardStatus(rawValue: status) else {
                    throw CommandFailure(.usage, strings.exportBadValue("--status", status, expected: statuses.joined(separator: ", ")))
                }
                criteria.status = .only(wanted)
            }
        }
        if let level = filters.level {
            guard let wanted = HazardLevel(rawValue: level) else {
                throw CommandFailure(.usage, strings.exportBadValue("--level", level,
                                                                     expected: HazardLevel.allCases.map(\.rawValue).joined(separator: ", ")))
            }
            criteria.level = wanted
        }
        if let timing = filters.timing {
            let choices: [String: HazardCriteria.OverdueFilter] = [
                "rectification-overdue": .rectificationOverdue, "verification-overdue": .verificationOverdue,
                "due-soon": .dueSoon, "not-overdue": .notOverdue, "closed-late": .closedLate,
            ]
            guard let wanted = choices[timing] else {
                throw CommandFailure(.usage, strings.exportBadValue("--timing", timing, expected: choices.keys.sorted().joined(separator: ", ")))
            }
            criteria.overdue = wanted
        }
        return criteria
    }

    /// A district by its Chinese name, English name or code, as the ledger writes it (Chinese).
    static func checkedDistrict(_ text: String?, strings: Strings) throws(CommandFailure) -> String? {
        guard let text else { return nil }
        if let district = District.all.first(where: { $0.name == text || $0.code == text || $0.englishName.lowercased() == text.lowercased() }) {
            return district.name
        }
        throw CommandFailure(.usage, strings.exportBadValue("--district", text, expected: District.all.map(\.name).joined(separator: "、")))
    }

    static func refuse(_ options: [String: String?], kind: Kind, strings: Strings) throws(CommandFailure) {
        if let given = options.keys.sorted().first(where: { options[$0]! != nil }) {
            throw CommandFailure(.usage, strings.exportFilterNotApplicable(given, kind: strings.exportKindName(kind.rawValue)))
        }
    }

    /// The records as the data files write them (docs/data-format.md): keys sorted, pretty-printed.
    static func encodeJSON<T: Encodable>(_ records: [T]) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = (try? encoder.encode(records)) ?? Data("[]".utf8)
        data.append(0x0A)
        return data
    }
}
