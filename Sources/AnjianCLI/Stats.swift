import Foundation
import AnjianModel
import AnjianStore
import AnjianText

/// `anjian stats`: the ledger's figures (`LedgerStatistics`) as text, JSON or Markdown. It only
/// reads (no lock, no operator): the files as they are on disk, as `validate` reads them.
public enum StatsCommand {
    public enum Format: String, CaseIterable, Sendable { case text, json, markdown }

    public struct Options: Sendable {
        public var format: Format
        public var since: String?
        public var until: String?
        /// A district's Chinese or English name (`芝罘区`, `Zhifu`), or a name the ledger's enterprises use.
        public var district: String?
        public init(format: Format = .text, since: String? = nil, until: String? = nil, district: String? = nil) {
            self.format = format
            self.since = since
            self.until = until
            self.district = district
        }
    }

    /// The report for stdout, and warnings for stderr (files whose records are left out).
    public struct Output: Sendable {
        public var report: String
        public var warnings: [String]
        public var statistics: LedgerStatistics
    }

    /// The period the options give, or a usage failure naming the option.
    public static func period(_ options: Options, strings: Strings) throws(CommandFailure) -> StatisticsPeriod {
        for (option, value) in [("--since", options.since), ("--until", options.until)] {
            if let value, !CalendarDate.isValid(value) { throw CommandFailure(.usage, strings.statsBadDate(option, value)) }
        }
        if let since = options.since, let until = options.until, since > until {
            throw CommandFailure(.usage, strings.statsPeriodReversed(since: since, until: until))
        }
        return StatisticsPeriod(since: options.since, until: options.until)
    }

    /// The district's name as the records hold it, from its Chinese or English name.
    public static func district(_ name: String?, enterprises: [Enterprise], strings: Strings) throws(CommandFailure) -> String? {
        guard let name else { return nil }
        let wanted = name.trimmingCharacters(in: .whitespaces)
        if let known = District.all.first(where: { $0.name == wanted || $0.englishName.lowercased() == wanted.lowercased() }) {
            return known.name
        }
        if enterprises.contains(where: { $0.district == wanted }) { return wanted }
        throw CommandFailure(.usage, strings.statsUnknownDistrict(wanted, known: District.all.map { strings.district($0.name) }))
    }

    public static func run(directory: URL, options: Options, strings: Strings, now: Date = Date(),
                           timeZone: TimeZone = .current) throws(CommandFailure) -> Output {
        let period = try period(options, strings: strings)
        let ledger = try CommandLedger.read(directory, strings: strings, now: now)
        let district = try district(options.district, enterprises: ledger.enterprises, strings: strings)
        let today = CalendarDate.dayAndTime(now, in: timeZone).day
        let statistics = LedgerStatistics(enterprises: ledger.enterprises, hazards: ledger.hazards, supervisions: ledger.supervisions,
                                          period: period, district: district, today: today,
                                          verificationDays: Hazard.defaultVerificationDays)
        let report = StatsReport(statistics, strings: strings)
        let text: String
        switch options.format {
        case .text: text = report.text()
        case .json: text = report.json()
        case .markdown: text = report.markdown()
        }
        let warnings = ledger.damagedFiles.map { strings.statsLeftOut(strings.storeError($0.error)) }
        return Output(report: text, warnings: warnings, statistics: statistics)
    }
}
