import Foundation
import AnjianRuntime
import AnjianStore
import AnjianText
#if canImport(Glibc)
import Glibc
#endif

/// Why a document has no PDF (its HTML is written anyway).
public enum PDFFailure: Error, Hashable, Sendable {
    /// No browser engine found: none of `PDFMaker.browserNames` on the PATH, nor `ANJIAN_BROWSER`.
    case noBrowser
    /// The browser ran but gave no PDF: its exit status and the last lines it wrote.
    case failed(browser: String, status: Int32, detail: String)
    /// The browser did not finish in time and was stopped.
    case timedOut(browser: String, seconds: Int)
}

/// Prints an HTML file to PDF with a real browser engine: headless Chromium (Debian's
/// `chromium`), run as a child process with an argument list (never a shell string), its own
/// throw-away profile, no header or footer, the page size the document's stylesheet sets (A4).
public struct PDFMaker: Sendable {
    /// Looked for on the PATH, in this order.
    public static let browserNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
    /// The browser found, nil when none is installed.
    public let browser: URL?
    public let timeoutSeconds: Int

    /// `ANJIAN_BROWSER` names the browser when set (empty: none, as on a machine without one);
    /// else the first of `browserNames` on the PATH.
    public init(environment: [String: String], timeoutSeconds: Int = 60) {
        self.timeoutSeconds = timeoutSeconds
        if let chosen = environment["ANJIAN_BROWSER"] {
            browser = chosen.isEmpty ? nil : Self.executable(chosen, path: environment["PATH"])
            return
        }
        browser = Self.browserNames.lazy.compactMap { Self.executable($0, path: environment["PATH"]) }.first
    }

    /// `name` when it is a path to an executable, else the first executable of that name on `path`.
    static func executable(_ name: String, path: String?) -> URL? {
        if name.contains("/") { return access(name, X_OK) == 0 ? URL(fileURLWithPath: name) : nil }
        let folders = (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        return folders.lazy.map { URL(fileURLWithPath: $0).appendingPathComponent(name) }.first { access($0.path, X_OK) == 0 }
    }

    /// Writes `pdf` from the HTML file `html`: complete or not at all. The browser writes into a
    /// private scratch folder (0700, a name nobody can guess); the PDF, once it reads as one, is
    /// written into place as every file of the program is (`AtomicFile`). A browser that does not
    /// finish in time is killed with its whole process group, helpers included.
    public func make(from html: URL, to pdf: URL) throws(PDFFailure) {
        guard let browser else { throw .noBrowser }
        let name = browser.lastPathComponent
        let fileManager = FileManager.default
        let scratch = fileManager.temporaryDirectory.appendingPathComponent("anjian-pdf-\(getpid())-\(UUID().uuidString)")
        defer { try? fileManager.removeItem(at: scratch) }
        let output = scratch.appendingPathComponent("document.pdf")
        do {
            try fileManager.createDirectory(at: scratch.appendingPathComponent("profile"), withIntermediateDirectories: true,
                                            attributes: [.posixPermissions: 0o700])
            try fileManager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: scratch.path)
        } catch {
            throw .failed(browser: name, status: -1, detail: "\(scratch.path): \(error.localizedDescription)")
        }
        var arguments = [
            browser.path, "--headless", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-networking", "--no-pdf-header-footer",
            "--user-data-dir=" + scratch.appendingPathComponent("profile").path,
            "--print-to-pdf=" + output.path,
        ]
        // Chromium refuses to run its sandbox as root (a container, CI): there only, without it.
        if geteuid() == 0 { arguments.append("--no-sandbox") }
        arguments.append(html.absoluteURL.absoluteString)
        let outcome: ChildProcess.Outcome
        do {
            outcome = try ChildProcess.run(arguments, timeout: TimeInterval(timeoutSeconds))
        } catch {
            switch error {
            case .cannotStart(let reason): throw .failed(browser: name, status: -1, detail: reason)
            case .timedOut: throw .timedOut(browser: name, seconds: timeoutSeconds)
            }
        }
        let made = (try? Data(contentsOf: output)) ?? Data()
        guard outcome.status == 0, made.starts(with: Data("%PDF-".utf8)) else {
            let lines = outcome.err.split(separator: "\n").suffix(3).joined(separator: " / ")
            throw .failed(browser: name, status: outcome.status, detail: lines)
        }
        do {
            try AtomicFile.write(made, to: pdf, mode: 0o644)
        } catch {
            throw .failed(browser: name, status: 0, detail: "\(pdf.path): \(error)")
        }
    }
}

extension Strings {
    /// Why there is no PDF, and where the HTML is.
    public func pdfFailure(_ failure: PDFFailure, html: String) -> String {
        switch failure {
        case .noBrowser: return pdfNoBrowser(html: html)
        case .failed(let browser, let status, let detail): return pdfFailed(browser, status: status, detail: detail, html: html)
        case .timedOut(let browser, let seconds): return pdfTimedOut(browser, seconds: seconds, html: html)
        }
    }
}
