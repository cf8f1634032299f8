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
        /// What the files hold now, for the views to adopt (the document is issued whatever follows).
        public var written: WrittenRecords
        /// Where the HTML is, or why it was not written: the document keeps its number either way.
        public var html: Result<URL, StoreError>
        /// Asked for a PDF and the HTML written: where the PDF is, or why there is none.
        public var pdf: Result<URL, PDFFailure>?
    }

    /// Issues and writes the document of `job` for `enterprise`. Only a failure to issue (a damaged
    /// file, a conflict, a refusal) throws, and then nothing was recorded; once issued, the outcome
    /// of writing it is in `Printed` (its number is taken, and printing again gives the same one).
    ///
    /// The copy under `documents/<year>/` is the document as issued: written once, never rendered
    /// again while it is there, so a reprint is the paper that was signed, whatever changed since.
    public static func print(_ job: PrintJob, enterprise: Enterprise, runner: Runner,
                             browser: PDFMaker = PDFMaker(environment: ProcessInfo.processInfo.environment)) throws(StoreError) -> Printed {
        let directory = runner.directory
        let settings: DocumentSettings
        do { settings = try LedgerStore.documentSettings(in: directory) } catch { throw StoreError.wrap(error, path: directory.path) }
        var job = job
        // A document copy whose record went back (a restored file) still holds its number.
        job.highestKnown = max(job.highestKnown, highestSequenceOnDisk(job.kind, year: Int(job.issuedAt.prefix(4)) ?? 0, in: directory))
        let written: WrittenRecords
        switch runner.perform(.issueDocument(job.request(settings: settings))) {
        case .saved(_, let records): written = records
        case .failed(_, let error): throw error
        }
        guard let document = written.issuedDocument else {
            throw StoreError.conflict(path: directory.appendingPathComponent("supervisions/\(job.enterpriseCode).json").path, id: job.recordID)
        }
        var printed = Printed(document: document, reissued: written.reissued, written: written, html: .failure(.io(path: "", reason: "")))
        do {
            let archive = defaultLocation(of: document, in: directory)
            var bytes = written.reissued ? try? Data(contentsOf: archive) : nil
            if bytes == nil {
                let code = job.enterpriseCode
                let visits = try written.supervisions[code]
                    ?? LedgerStore.readSupervisions(enterprise: code, in: directory, snapshots: runner.snapshots).records
                let hazards = try written.hazards[code] ?? LedgerStore.readHazards(enterprise: code, in: directory, snapshots: runner.snapshots).records
                let html = try render(document, settings: settings, enterprise: enterprise, recordID: job.recordID, visits: visits, hazards: hazards)
                bytes = Data(html.utf8)
                try AtomicFile.ensureDirectory(archive.deletingLastPathComponent())
                try AtomicFile.write(bytes!, to: archive, mode: 0o644)
            }
            let target = job.output ?? archive
            if let output = job.output {
                try AtomicFile.write(bytes!, to: output, mode: 0o644)
            }
            printed.html = .success(target)
            if job.pdf {
                let pdf = target.deletingPathExtension().appendingPathExtension("pdf")
                do {
                    try browser.make(from: target, to: pdf)
                    printed.pdf = .success(pdf)
                } catch {
                    printed.pdf = .failure(error)
                }
            }
        } catch {
            printed.html = .failure(StoreError.wrap(error, path: (job.output ?? defaultLocation(of: document, in: directory)).path))
        }
        return printed
    }

    /// The highest sequence of `kind` among the copies in `documents/<year>/` (`<kind>-<n>.html` or `.pdf`), 0 for none.
    static func highestSequenceOnDisk(_ kind: DocumentKind, year: Int, in directory: URL) -> Int {
        let folder = directory.appendingPathComponent("documents/\(year)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let prefix = kind.rawValue + "-"
        return names.compactMap { name -> Int? in
            guard name.hasPrefix(prefix), name.hasSuffix(".html") || name.hasSuffix(".pdf") else { return nil }
            return Int(name.dropFirst(prefix.count).prefix { $0.isNumber })
        }.max() ?? 0
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
