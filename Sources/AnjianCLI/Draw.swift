import Foundation
import AnjianModel
import AnjianRuntime
import AnjianStore
import AnjianText

/// `anjian draw`: the double-random draw (docs/draw.md), printed as a plan and kept as a draw
/// record in `draws/` (under the lock, signed by the operator); `--verify` re-runs a record.
public enum DrawCommand {
    public struct Options: Sendable {
        public var directory: URL
        public var districts: [String] = []
        public var categories: [SupervisionCategory] = []
        public var riskGrades: [RiskGrade] = []
        public var integrity: [IntegrityStatus] = []
        public var count: DrawCount
        public var inspectorsPerTeam = 2
        public var weighted = false
        /// Nil: a random seed, shown with the plan.
        public var seed: UInt64?
        /// Only print the plan: nothing is written, no operator needed.
        public var dryRun = false
        public var operatorFlag: String?
        public var environment: [String: String] = [:]
        public var configURL: URL
        public init(directory: URL, count: DrawCount, configURL: URL) {
            self.directory = directory
            self.count = count
            self.configURL = configURL
        }
    }

    public struct Output: Sendable {
        /// The record as written (nil id on a dry run: `record.id` is empty).
        public var record: DrawRecord
        public var written: Bool
        public var text: String
    }

    public static func run(_ options: Options, strings: Strings, now: Date = Date(), timeZone: TimeZone = .current) throws(CommandFailure) -> Output {
        let seed = options.seed ?? UInt64.random(in: 0...UInt64.max)
        let today = CalendarDate.dayAndTime(now, in: timeZone).day
        let drawnAt = CalendarDate.timestamp(now, in: timeZone)
        // A dry run reads; a draw writes its record under the lock, signed.
        var session: Session? = nil
        var signer = InspectorRef(name: "", certificateNumber: "")
        let ledger: LoadedLedger
        if options.dryRun {
            ledger = try CommandLedger.read(options.directory, strings: strings, now: now)
        } else {
            let started = try CommandLedger.startWriting(options.directory, operatorFlag: options.operatorFlag, environment: options.environment,
                                                         configURL: options.configURL, now: now, strings: strings)
            session = started.session
            signer = started.signer
            ledger = started.session.ledger
        }
        defer { session?.release() }
        let districts = try options.districts.map { name throws(CommandFailure) in
            try StatsCommand.district(name, enterprises: ledger.enterprises, strings: strings) ?? name
        }
        let inputs = DrawInputs(districts: districts, categories: options.categories, riskGrades: options.riskGrades,
                                integrity: options.integrity, count: options.count, inspectorsPerTeam: options.inspectorsPerTeam,
                                weighted: options.weighted, seed: seed, date: today)
        // The weighting counts open major hazards: with a hazard file unread, it cannot.
        if inputs.weighted, let damaged = ledger.damagedFiles.first {
            throw CommandFailure(.dataError, strings.drawDamagedLedger(strings.storeError(damaged.error)))
        }
        let result: DrawResult
        do {
            result = try Draw.run(inputs, enterprises: ledger.enterprises, inspectors: ledger.inspectors, openMajor: openMajor(ledger))
        } catch {
            throw CommandFailure(.dataError, strings.drawRefusal(error))
        }
        var record = DrawRecord(id: "", drawnAt: drawnAt, drawnBy: signer, inputs: inputs, result: result)
        if let session {
            // The record and a planned visit per team in the enterprises' files, as one change.
            switch Runner(session: session).perform(.recordDraw(record)) {
            case .saved(_, let written): record = written.drawRecord ?? record
            case .failed(_, let error): throw CommandFailure(error, strings: strings)
            }
        }
        return Output(record: record, written: !options.dryRun, text: plan(record, enterprises: ledger.enterprises, strings: strings))
    }

    /// The codes of enterprises with an open major hazard.
    static func openMajor(_ ledger: LoadedLedger) -> Set<String> {
        Set(ledger.hazards.values.joined().filter { $0.level == .major && !$0.isClosed }.map(\.enterpriseCode))
    }

    /// The plan as text: the seed and the figures first, then one line per enterprise drawn.
    public static func plan(_ record: DrawRecord, enterprises: [Enterprise], strings: Strings) -> String {
        var lines = [strings.drawHeader(id: record.id, seed: record.inputs.seed, drawn: record.teams.count, candidates: record.candidateCount,
                                        date: record.inputs.date)]
        for (i, team) in record.teams.enumerated() {
            lines.append(strings.drawPlanLine(i + 1, team, enterprise: enterprises.first { $0.creditCode == team.enterpriseCode }))
        }
        lines.append(strings.drawFingerprints(candidates: record.candidateFingerprint, roster: record.rosterFingerprint))
        return lines.joined(separator: "\n") + "\n"
    }

    /// Re-runs the draw kept in `file` on the ledger as it is now.
    public static func verify(_ file: URL, directory: URL, strings: Strings, now: Date = Date()) throws(CommandFailure) -> (DrawRecord.Verification, String) {
        let ledger = try CommandLedger.read(directory, strings: strings, now: now)
        let record = try CommandFailure.store(file, strings: strings) { try LedgerStore.readDrawRecord(file) }
        if record.inputs.weighted, let damaged = ledger.damagedFiles.first {
            throw CommandFailure(.dataError, strings.drawDamagedLedger(strings.storeError(damaged.error)))
        }
        let outcome = record.verify(enterprises: ledger.enterprises, inspectors: ledger.inspectors, openMajor: openMajor(ledger),
                                    visits: Array(ledger.supervisions.values.joined()))
        return (outcome, strings.drawVerification(outcome, id: record.id))
    }
}
