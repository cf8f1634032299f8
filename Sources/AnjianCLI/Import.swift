import Foundation
import AnjianModel
import AnjianStore
import AnjianRuntime
import AnjianText

/// `anjian import enterprises|inspectors FILE`: the bureau's list read, every row checked, and the
/// ledger's list updated by credit code / certificate number — all rows or, when one is invalid,
/// none (`--skip-invalid`: the valid ones). Only enterprises.json or inspectors.json is written.
public enum ImportCommand {
    public struct Options: Sendable {
        public var kind: ImportKind
        public var file: URL
        public var directory: URL
        public var dryRun = false
        public var skipInvalid = false
        public var operatorFlag: String?
        public var environment: [String: String] = [:]
        public var configURL: URL
        public init(kind: ImportKind, file: URL, directory: URL, dryRun: Bool = false, skipInvalid: Bool = false,
                    operatorFlag: String? = nil, environment: [String: String] = [:], configURL: URL) {
            self.kind = kind
            self.file = file
            self.directory = directory
            self.dryRun = dryRun
            self.skipInvalid = skipInvalid
            self.operatorFlag = operatorFlag
            self.environment = environment
            self.configURL = configURL
        }
    }

    public struct Report: Sendable {
        /// For stdout: the problems row by row, then what was (or would be) added, updated, left.
        public var lines: [String]
        /// For stderr when the import was refused (status 65).
        public var failure: CommandFailure?
        public var status: ExitStatus { failure?.status ?? .success }
        public var added: [String], updated: [String], unchanged: [String]
        public var invalidLines: [Int]
    }

    public static func run(_ options: Options, strings: Strings, now: Date = Date()) throws(CommandFailure) -> Report {
        let path = options.file.path
        let table = try readTable(options.file, strings: strings)
        guard let header = table.header else { throw CommandFailure(.dataError, strings.importNoHeader(path)) }
        let key: ImportColumn = options.kind == .enterprises ? .creditCode : .certificateNumber
        let (columns, _) = ImportColumn.resolve(header.fields, kind: options.kind)
        guard columns[key] != nil else {
            throw CommandFailure(.dataError, strings.importMissingKeyColumn(path, line: header.line, synonyms: key.synonyms))
        }
        do {
            // A directory without a ledger is not made one here: that is `anjian init`.
            if try LedgerStore.needsInitialization(options.directory) {
                throw CommandFailure(.noInput, strings.importNoLedger(options.directory.path))
            }
        } catch let failure as CommandFailure {
            throw failure
        } catch let error as StoreError {
            throw CommandFailure(error, strings: strings)
        } catch {
            throw CommandFailure(.ioError, "\(options.directory.path): \(error)")
        }
        let time = CalendarDate.timestamp(now, in: .current)
        let note = strings.importHistoryNote(options.file.lastPathComponent)

        if options.dryRun {
            let ledger = try CommandLedger.read(options.directory, strings: strings, now: now, records: false)
            return plan(options, table, ledger: ledger, signer: nil, time: time, note: note, strings: strings).report
        }

        let (session, signer) = try CommandLedger.startWriting(options.directory, operatorFlag: options.operatorFlag,
                                                               environment: options.environment, configURL: options.configURL,
                                                               now: now, deferRecords: true, strings: strings)
        defer { session.release() }
        var (report, write) = plan(options, table, ledger: session.ledger, signer: signer, time: time, note: note, strings: strings)
        guard report.failure == nil, let write else { return report }
        do {
            try write()
        } catch let error as StoreError {
            throw CommandFailure(error, strings: strings)
        } catch {
            throw CommandFailure(.ioError, "\(options.directory.path): \(error)")
        }
        report.lines.append(strings.importSaved(options.directory.path, signer: signer.name))
        return report
    }

    static func readTable(_ file: URL, strings: Strings) throws(CommandFailure) -> CSVTable {
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            let missing = !FileManager.default.fileExists(atPath: file.path)
            throw CommandFailure(.noInput, missing ? strings.importFileMissing(file.path) : strings.importFileUnreadable(file.path))
        }
        do {
            return try CSVTable.read(data)
        } catch {
            switch error {
            case .undecodable(let offset): throw CommandFailure(.dataError, strings.importUndecodable(file.path, offset: offset))
            case .unterminatedQuote(let line): throw CommandFailure(.dataError, strings.importUnterminatedQuote(file.path, line: line))
            case .strayQuote(let line): throw CommandFailure(.dataError, strings.importStrayQuote(file.path, line: line))
            }
        }
    }

    /// The report, and the save to make (nil: nothing to write, or refused).
    static func plan(_ options: Options, _ table: CSVTable, ledger: LoadedLedger, signer: Operator?, time: String, note: String,
                     strings: Strings) -> (report: Report, write: (() throws -> Void)?) {
        let directory = options.directory
        switch options.kind {
        case .enterprises:
            let plan = ImportPlanner.enterprises(table, existing: ledger.enterprises, signer: signer, time: time, note: note)
            let names = Dictionary(plan.records.map { ($0.creditCode, $0.name) }, uniquingKeysWith: { a, _ in a })
            let report = report(plan, options, table, strings: strings) { names[$0].map { "\($0)" } ?? "" }
            let records = plan.records
            return (report, plan.changesSomething ? { try LedgerStore.saveEnterprises(records, in: directory) } : nil)
        case .inspectors:
            let plan = ImportPlanner.inspectors(table, existing: ledger.inspectors, signer: signer, time: time, note: note)
            let names = Dictionary(plan.records.map { ($0.certificateNumber, $0.name) }, uniquingKeysWith: { a, _ in a })
            let report = report(plan, options, table, strings: strings) { names[$0] ?? "" }
            let records = plan.records
            return (report, plan.changesSomething ? { try LedgerStore.saveInspectors(records, in: directory) } : nil)
        }
    }

    static func report<Record>(_ plan: ImportPlan<Record>, _ options: Options, _ table: CSVTable, strings: Strings,
                               name: (String) -> String) -> Report {
        let path = options.file.path
        var lines: [String] = []
        if !plan.unknownColumns.isEmpty {
            lines.append(strings.warningLine(strings.importUnknownColumns(path, line: plan.headerLine, plan.unknownColumns)))
        }
        for finding in plan.findings {
            let text = strings.importFinding(path, finding)
            lines.append(finding.severity == .error ? strings.errorLine(text) : strings.warningLine(text))
        }
        let refused = plan.hasErrors && !options.skipInvalid
        if !refused {
            lines += plan.added.map { strings.importListed(.added, key: $0, name: name($0)) }
            lines += plan.updated.map { strings.importListed(.updated, key: $0, name: name($0)) }
            lines += plan.unchanged.map { strings.importListed(.unchanged, key: $0, name: name($0)) }
        }
        lines.append(strings.importSummary(rows: table.rows.count, added: plan.added.count, updated: plan.updated.count,
                                           unchanged: plan.unchanged.count, invalid: plan.invalidLines.count,
                                           dryRun: options.dryRun, refused: refused))
        let failure = refused ? CommandFailure(.dataError, strings.importRefused(path, invalid: plan.invalidLines.count,
                                                                                 lines: plan.invalidLines)) : nil
        return Report(lines: lines, failure: failure, added: plan.added, updated: plan.updated, unchanged: plan.unchanged,
                      invalidLines: plan.invalidLines)
    }
}

extension Strings {
    /// `FILE: line N: field: reason`.
    func importFinding(_ path: String, _ finding: ImportFinding) -> String {
        let reason: String
        switch finding.problem {
        case .issue(let issue): reason = problem(issue)
        case .duplicateInFile(let key, let first): reason = importDuplicate(key, firstLine: first)
        case .nameHeldBy(let code): reason = importNameHeld(byCode: code)
        case .inspectorNameHeldBy(let certificate): reason = importInspectorNamesake(certificate)
        case .unknownIndustry(let industry): reason = importUnknownIndustry(industry)
        case .unknownRiskGrade(let text): reason = importUnknownRiskGrade(text)
        case .riskGradeMissing: reason = importRiskGradeMissing
        case .extraValues(let count): reason = importExtraValues(count)
        case .supervisorPhonesWithoutName: reason = importSupervisorPhonesWithoutName
        }
        return importFindingLine(path, line: finding.line, field: finding.field, reason: reason)
    }
}
