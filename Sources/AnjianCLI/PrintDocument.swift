import Foundation
import AnjianDocuments
import AnjianModel
import AnjianRuntime
import AnjianStore
import AnjianText

/// `anjian print record|order|recheck ID`: issues the document (or finds it issued: the same
/// number), renders it as HTML and saves it under `documents/<year>/` (or `--output`). Under the
/// lock, signed by the operator, as every change to the ledger.
public enum PrintDocumentCommand {
    public struct Options: Sendable {
        public var directory: URL
        public var kind: DocumentKind
        /// A visit's id (record, order), or a hazard's id or number (re-check opinion).
        public var id: String
        public var output: URL?
        public var operatorFlag: String?
        public var environment: [String: String]
        public var configURL: URL
        public init(directory: URL, kind: DocumentKind, id: String, output: URL?, operatorFlag: String?,
                    environment: [String: String], configURL: URL) {
            self.directory = directory
            self.kind = kind
            self.id = id
            self.output = output
            self.operatorFlag = operatorFlag
            self.environment = environment
            self.configURL = configURL
        }
    }

    public struct Result: Sendable {
        public var document: IssuedDocument
        /// The same document printed again (its number was given before).
        public var reissued: Bool
        public var path: String
    }

    public static func run(_ options: Options, strings: Strings, now: Date = Date(), timeZone: TimeZone = .current) throws(CommandFailure) -> Result {
        try CommandFailure.requireDirectory(options.directory, strings: strings)
        let (session, signer) = try CommandLedger.startWriting(options.directory, operatorFlag: options.operatorFlag,
                                                               environment: options.environment, configURL: options.configURL,
                                                               now: now, strings: strings)
        defer { session.release() }
        let ledger = session.ledger
        // A document's number counts every one issued in the city: with a file unread, its
        // documents are unknown and a number could be given twice.
        if let damaged = ledger.damagedFiles.first {
            throw CommandFailure(.dataError, strings.printDamagedLedger(ledger.damagedFiles.count, strings.storeError(damaged.error)))
        }
        if let output = options.output {
            try CommandLedger.refuseOutput(output, inside: options.directory, except: "documents", strings: strings)
        }
        let settings = try CommandFailure.store(options.directory, strings: strings) { try LedgerStore.documentSettings(in: options.directory) }
        // The record the document is for: a visit, or a hazard (by id or number).
        let code: String, recordID: String
        if options.kind == .recheckOpinion {
            guard let hazard = ledger.hazards.values.joined().first(where: { $0.id == options.id || $0.number == options.id }) else {
                throw CommandFailure(.dataError, strings.printNoHazard(options.id))
            }
            (code, recordID) = (hazard.enterpriseCode, hazard.id)
        } else {
            guard let visit = ledger.supervisions.values.joined().first(where: { $0.id == options.id }) else {
                throw CommandFailure(.dataError, strings.printNoVisit(options.id))
            }
            (code, recordID) = (visit.enterpriseCode, visit.id)
        }
        guard let enterprise = ledger.enterprises.first(where: { $0.creditCode == code }) else {
            throw CommandFailure(.dataError, strings.printNoVisit(options.id))
        }
        let issuedAt = CalendarDate.timestamp(now, in: timeZone)
        var request = DocumentRequest(kind: options.kind, enterpriseCode: code, recordID: recordID, issuedBy: signer,
                                      issuedAt: issuedAt, settings: settings, highestKnown: 0)
        request.highestKnown = DocumentRequest.highestSequence(of: options.kind, year: request.year,
                                                                supervisions: ledger.supervisions.values.joined(),
                                                                hazards: ledger.hazards.values.joined())
        let written: WrittenRecords
        switch Runner(session: session).perform(.issueDocument(request)) {
        case .saved(_, let records): written = records
        case .failed(_, let error): throw CommandFailure(error, strings: strings)
        }
        guard let document = written.issuedDocument else { throw CommandFailure(.ioError, strings.printNoVisit(options.id)) }
        let visits = written.supervisions[code] ?? ledger.supervisions[code] ?? []
        let hazards = written.hazards[code] ?? ledger.hazards[code] ?? []
        let html: String
        switch options.kind {
        case .inspectionRecord, .rectificationOrder:
            let visit = visits.first { $0.id == recordID }!
            if options.kind == .inspectionRecord {
                // The hazards as the record listed them when issued.
                let found = document.hazardIDs.compactMap { id in hazards.first { $0.id == id } }
                html = DocumentRenderer.inspectionRecord(document, settings: settings, enterprise: enterprise, visit: visit, hazards: found)
            } else {
                // The hazards as the order covers them: fixed when it was first issued.
                let covered = document.hazardIDs.compactMap { id in hazards.first { $0.id == id } }
                html = DocumentRenderer.rectificationOrder(document, settings: settings, enterprise: enterprise, visit: visit, hazards: covered)
            }
        case .recheckOpinion:
            let hazard = hazards.first { $0.id == recordID }!
            // The order as the opinion cited it when issued (by its number): never one issued later.
            let order = document.orderNumber.flatMap { number in
                visits.lazy.compactMap { $0.documents?.first { $0.kind == .rectificationOrder && $0.number == number } }.first
            }
            html = DocumentRenderer.recheckOpinion(document, settings: settings, enterprise: enterprise, hazards: [hazard], order: order)
        }
        let target = options.output ?? options.directory.appendingPathComponent("documents/\(document.year)/\(options.kind.rawValue)-\(document.sequence).html")
        do {
            try AtomicFile.ensureDirectory(target.deletingLastPathComponent())
            try AtomicFile.write(Data(html.utf8), to: target, mode: 0o644)
        } catch let error as StoreError {
            throw CommandFailure(.cannotCreate, strings.storeError(error))
        } catch {
            throw CommandFailure(.cannotCreate, "\(target.path): \(error)")
        }
        return Result(document: document, reissued: written.reissued, path: target.path)
    }
}
