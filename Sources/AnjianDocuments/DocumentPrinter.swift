import Foundation
import AnjianModel
import AnjianRuntime
import AnjianStore

/// Prints a document for the screens and the command line alike: issues it through the runner
/// (under the lock: the next number of its kind and year, or the number it was given before),
/// renders it from the files as they are on disk now, writes the HTML and, when asked, the PDF.
public enum DocumentPrinter {
    public struct Printed: Sendable {
        public var document: IssuedDocument
        /// The same document printed again: its number was given before and nothing was recorded.
        public var reissued: Bool
        /// What the files hold now, for the views to adopt.
        public var written: WrittenRecords
        public var html: URL
        /// Asked for a PDF: where it is, or why there is none (the HTML is written either way).
        public var pdf: Result<URL, PDFFailure>?
    }

    /// Issues and writes the document of `job` for `enterprise`. A failure to issue (a damaged
    /// file, a conflict, a refusal) writes nothing; the HTML's write failing leaves the document
    /// issued, as printing it again gives the same number.
    public static func print(_ job: PrintJob, enterprise: Enterprise, runner: Runner,
                             browser: PDFMaker = PDFMaker(environment: ProcessInfo.processInfo.environment)) throws(StoreError) -> Printed {
        let directory = runner.directory
        let settings: DocumentSettings
        do { settings = try LedgerStore.documentSettings(in: directory) } catch { throw StoreError.wrap(error, path: directory.path) }
        let written: WrittenRecords
        switch runner.perform(.issueDocument(job.request(settings: settings))) {
        case .saved(_, let records): written = records
        case .failed(_, let error): throw error
        }
        guard let document = written.issuedDocument else {
            throw StoreError.conflict(path: directory.appendingPathComponent("supervisions/\(job.enterpriseCode).json").path, id: job.recordID)
        }
        let code = job.enterpriseCode
        let visits: [SupervisionEntry], hazards: [Hazard]
        do {
            visits = try written.supervisions[code] ?? LedgerStore.readSupervisions(enterprise: code, in: directory, snapshots: runner.snapshots).records
            hazards = try written.hazards[code] ?? LedgerStore.readHazards(enterprise: code, in: directory, snapshots: runner.snapshots).records
        } catch {
            throw StoreError.wrap(error, path: directory.path)
        }
        let html = try render(document, settings: settings, enterprise: enterprise, recordID: job.recordID, visits: visits, hazards: hazards)
        let target = job.output ?? defaultLocation(of: document, in: directory)
        do {
            try AtomicFile.ensureDirectory(target.deletingLastPathComponent())
            try AtomicFile.write(Data(html.utf8), to: target, mode: 0o644)
        } catch {
            throw StoreError.wrap(error, path: target.path)
        }
        var printed = Printed(document: document, reissued: written.reissued, written: written, html: target)
        if job.pdf {
            let pdf = target.deletingPathExtension().appendingPathExtension("pdf")
            do {
                try browser.make(from: target, to: pdf)
                printed.pdf = .success(pdf)
            } catch {
                printed.pdf = .failure(error)
            }
        }
        return printed
    }

    /// `documents/<year>/<kind>-<n>.html`: one file per document, named by its number's year and sequence.
    public static func defaultLocation(of document: IssuedDocument, in directory: URL) -> URL {
        directory.appendingPathComponent("documents/\(document.year)/\(document.kind.rawValue)-\(document.sequence).html")
    }

    /// The document's HTML from the records as they are: a record lists, and an order covers, the
    /// hazards as fixed when first issued; an opinion cites only the order it cited then.
    static func render(_ document: IssuedDocument, settings: DocumentSettings, enterprise: Enterprise, recordID: String,
                       visits: [SupervisionEntry], hazards: [Hazard]) throws(StoreError) -> String {
        let fixed = document.hazardIDs.compactMap { id in hazards.first { $0.id == id } }
        switch document.kind {
        case .inspectionRecord, .rectificationOrder:
            guard let visit = visits.first(where: { $0.id == recordID }) else {
                throw StoreError.conflict(path: "supervisions/\(enterprise.creditCode).json", id: recordID)
            }
            return document.kind == .inspectionRecord
                ? DocumentRenderer.inspectionRecord(document, settings: settings, enterprise: enterprise, visit: visit, hazards: fixed)
                : DocumentRenderer.rectificationOrder(document, settings: settings, enterprise: enterprise, visit: visit, hazards: fixed)
        case .recheckOpinion:
            guard let hazard = hazards.first(where: { $0.id == recordID }) else {
                throw StoreError.conflict(path: "hazards/\(enterprise.creditCode).json", id: recordID)
            }
            let order = document.orderNumber.flatMap { number in
                visits.lazy.compactMap { $0.documents?.first { $0.kind == .rectificationOrder && $0.number == number } }.first
            }
            return DocumentRenderer.recheckOpinion(document, settings: settings, enterprise: enterprise, hazards: [hazard], order: order)
        }
    }
}
