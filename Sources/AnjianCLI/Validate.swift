import Foundation
import AnjianModel
import AnjianStore
import AnjianText

/// `anjian validate`: every file read and checked as the program loads it (the same load path),
/// and the links between visits and hazards; each problem one line naming its file and record.
public enum ValidateCommand {
    public struct Report: Sendable {
        public var lines: [String]
        public var errors: Int
        public var warnings: Int
        /// 0 only when nothing was found.
        public var status: ExitStatus { errors + warnings == 0 ? .success : .problems }
    }

    public static func run(directory: URL, strings: Strings, now: Date = Date()) throws(CommandFailure) -> Report {
        try CommandFailure.requireDirectory(directory, strings: strings)
        let ledger: LoadedLedger
        do {
            ledger = try LedgerStore.open(directory, initializeIfEmpty: false, now: now)
        } catch let error as StoreError {
            // A ledger's own file that is damaged stops the load: that is the problem found.
            if case .notADataDirectory = error { throw CommandFailure(error, strings: strings) }
            if case .notADirectory = error { throw CommandFailure(error, strings: strings) }
            return Report(lines: [strings.errorLine(strings.storeError(error)), strings.validateSummary(errors: 1, warnings: 0)],
                          errors: 1, warnings: 0)
        } catch {
            throw CommandFailure(.ioError, "\(directory.path): \(error)")
        }
        var errors = ledger.damagedFiles.map { strings.storeError($0.error) }
        errors += rosterProblems(ledger, strings: strings)
        errors += brokenLinks(ledger, strings: strings)
        errors += documentProblems(ledger, strings: strings)
        let enterprisesPath = directory.appendingPathComponent(LedgerStore.enterprisesName).path
        var warnings = ledger.warnings.map { warning in
            strings.storeError(.invalidRecord(path: enterprisesPath, record: warning.record,
                                              name: ledger.enterprises[warning.record].name, issue: warning.issue))
        }
        warnings += ledger.fileWarnings.map { strings.storeError($0.error) }
        if errors.isEmpty && warnings.isEmpty {
            let entries = ledger.supervisions.values.reduce(0) { $0 + $1.count }
            let hazards = ledger.hazards.values.reduce(0) { $0 + $1.count }
            return Report(lines: [strings.validateClean(directory.path, enterprises: ledger.enterprises.count, entries: entries, hazards: hazards)],
                          errors: 0, warnings: 0)
        }
        let lines = errors.map(strings.errorLine) + warnings.map(strings.warningLine)
            + [strings.validateSummary(errors: errors.count, warnings: warnings.count)]
        return Report(lines: lines, errors: errors.count, warnings: warnings.count)
    }

    /// The roster (`inspectors.json`) is only decoded on load: its rules and unique certificate
    /// numbers are checked here.
    static func rosterProblems(_ ledger: LoadedLedger, strings: Strings) -> [String] {
        let path = ledger.directory.appendingPathComponent(LedgerStore.inspectorsName).path
        var lines: [String] = []
        var seen: [String: Int] = [:]
        for (index, inspector) in ledger.inspectors.enumerated() {
            for issue in inspector.validate() where issue.severity == .error {
                lines.append(strings.storeError(.invalidRecord(path: path, record: index, name: inspector.name, issue: issue)))
            }
            let number = inspector.certificateNumber.trimmingCharacters(in: .whitespaces)
            guard !number.isEmpty else { continue }
            if let first = seen[number] {
                lines.append(strings.storeError(.duplicateRecord(path: path, record: index, key: .certificateNumber, value: number,
                                                                 firstPath: path, firstRecord: first)))
            } else {
                seen[number] = index
            }
        }
        return lines
    }

    /// The documents' settings (`documents.json`), the issued documents (one number never given
    /// twice: a kind's sequence of a year is unique in the city) and the draw records (`draws/`).
    static func documentProblems(_ ledger: LoadedLedger, strings: Strings) -> [String] {
        var lines: [String] = []
        do { _ = try LedgerStore.documentSettings(in: ledger.directory) } catch {
            lines.append(strings.storeError(StoreError.wrap(error, path: ledger.directory.appendingPathComponent(LedgerStore.documentSettingsName).path)))
        }
        lines += duplicateDocuments(ledger, strings: strings)
        do { _ = try LedgerStore.drawRecords(in: ledger.directory) } catch {
            lines.append(strings.storeError(StoreError.wrap(error, path: ledger.directory.appendingPathComponent(LedgerStore.drawsFolder).path)))
        }
        return lines
    }

    /// A document number given twice in the city (a kind's sequence of a year is unique): one line
    /// each, naming the file and the record. Two clones issuing offline can bring this about.
    public static func duplicateDocuments(_ ledger: LoadedLedger, strings: Strings) -> [String] {
        var lines: [String] = []
        var firstHolder: [String: String] = [:]
        let holders = ledger.supervisions.values.joined().map { (record: $0.id, path: "supervisions/\($0.enterpriseCode).json", documents: $0.documents ?? []) }
            + ledger.hazards.values.joined().map { (record: $0.number, path: "hazards/\($0.enterpriseCode).json", documents: $0.documents ?? []) }
        for holder in holders.sorted(by: { ($0.path, $0.record) < ($1.path, $1.record) }) {
            for document in holder.documents {
                let key = "\(document.kind.rawValue) \(document.year) \(document.sequence)"
                if let first = firstHolder[key] {
                    lines.append(strings.duplicateDocument(document.number, path: ledger.directory.appendingPathComponent(holder.path).path,
                                                           record: holder.record, first: first))
                } else {
                    firstHolder[key] = holder.record
                }
            }
        }
        return lines
    }

    /// A visit listing a hazard its enterprise's file does not hold, or a hazard naming a visit
    /// that is not there. Enterprises with a damaged file are left out: their records are unknown.
    static func brokenLinks(_ ledger: LoadedLedger, strings: Strings) -> [String] {
        var lines: [String] = []
        let damaged = Set(ledger.damagedFiles.compactMap(\.enterpriseCode))
        for enterprise in ledger.enterprises where !damaged.contains(enterprise.creditCode) {
            let code = enterprise.creditCode
            let hazards = ledger.hazards[code] ?? []
            let visits = ledger.supervisions[code] ?? []
            let hazardIDs = Set(hazards.map(\.id)), visitIDs = Set(visits.map(\.id))
            let supervisionsPath = ledger.directory.appendingPathComponent("\(LedgerStore.supervisionsFolder)/\(code).json").path
            let hazardsPath = ledger.directory.appendingPathComponent("\(LedgerStore.hazardsFolder)/\(code).json").path
            for visit in visits {
                for id in visit.hazardIDs where !hazardIDs.contains(id) {
                    lines.append(strings.brokenVisitLink(supervisionsPath, visit: visit.id, hazard: id))
                }
            }
            for hazard in hazards {
                if let visit = hazard.supervisionID, !visit.isEmpty, !visitIDs.contains(visit) {
                    lines.append(strings.brokenHazardLink(hazardsPath, hazard: hazard.number, visit: visit))
                }
            }
        }
        return lines
    }
}
