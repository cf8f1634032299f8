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
        /// The HTML's file; one ending in `.pdf` names the PDF, with the HTML beside it.
        public var output: URL?
        /// A PDF too, beside the HTML.
        public var pdf: Bool
        public var operatorFlag: String?
        public var environment: [String: String]
        public var configURL: URL
        public var browser: PDFMaker
        /// `--output X.pdf`: the HTML `X.html` beside it was not named, so it must not replace a file.
        public var htmlBesidePDF = false
        public init(directory: URL, kind: DocumentKind, id: String, output: URL?, pdf: Bool = false, operatorFlag: String?,
                    environment: [String: String], configURL: URL) {
            self.directory = directory
            self.kind = kind
            self.id = id
            self.pdf = pdf
            self.output = output
            if let output, output.pathExtension.lowercased() == "pdf" {
                self.pdf = true
                self.output = output.deletingPathExtension().appendingPathExtension("html")
                htmlBesidePDF = true
            }
            self.operatorFlag = operatorFlag
            self.environment = environment
            self.configURL = configURL
            self.browser = PDFMaker(environment: environment)
        }
    }

    public struct Result: Sendable {
        public var document: IssuedDocument
        /// The same document printed again (its number was given before).
        public var reissued: Bool
        /// The HTML's path.
        public var path: String
        /// Asked for a PDF: where it is, or why there is none.
        public var pdf: Swift.Result<URL, PDFFailure>?
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
            // Not among the ledger's files, nor over another document's copy in documents/.
            try CommandLedger.refuseOutput(output, inside: options.directory, strings: strings)
            if options.htmlBesidePDF, FileManager.default.fileExists(atPath: output.path) {
                throw CommandFailure(.cannotCreate, strings.printWouldReplace(output.path))
            }
        }
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
            if visit.isPlanned { throw CommandFailure(.dataError, strings.plannedVisitNotMade) }
            (code, recordID) = (visit.enterpriseCode, visit.id)
        }
        guard let enterprise = ledger.enterprises.first(where: { $0.creditCode == code }) else {
            throw CommandFailure(.dataError, strings.printNoVisit(options.id))
        }
        let issuedAt = CalendarDate.timestamp(now, in: timeZone)
        let year = Int(issuedAt.prefix(4)) ?? 0
        let job = PrintJob(kind: options.kind, enterpriseCode: code, recordID: recordID, issuedBy: signer, issuedAt: issuedAt,
                           highestKnown: DocumentRequest.highestSequence(of: options.kind, year: year,
                                                                         supervisions: ledger.supervisions.values.joined(),
                                                                         hazards: ledger.hazards.values.joined()),
                           output: options.output, pdf: options.pdf)
        let printed: DocumentPrinter.Printed
        do {
            printed = try DocumentPrinter.print(job, enterprise: enterprise, runner: Runner(session: session), browser: options.browser)
        } catch {
            throw CommandFailure(error, strings: strings)
        }
        switch printed.html {
        case .success(let html):
            return Result(document: printed.document, reissued: printed.reissued, path: html.path, pdf: printed.pdf)
        case .failure(let error):
            // The number is taken (printing again gives it back): said, with why there is no file.
            throw CommandFailure(.cannotCreate, strings.issuedNotWritten(printed.document.number, strings.storeError(error)))
        }
    }
}
