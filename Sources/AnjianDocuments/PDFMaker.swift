import Foundation
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

    /// Writes `pdf` from the HTML file `html`: complete or not at all (a temporary file renamed
    /// into place once the browser has finished and it reads as a PDF).
    public func make(from html: URL, to pdf: URL) throws(PDFFailure) {
        guard let browser else { throw .noBrowser }
        let name = browser.lastPathComponent
        let fileManager = FileManager.default
        let scratch = fileManager.temporaryDirectory.appendingPathComponent("anjian-pdf-\(getpid())-\(UUID().uuidString)")
        defer { try? fileManager.removeItem(at: scratch) }
        let partial = pdf.deletingLastPathComponent().appendingPathComponent(".\(pdf.lastPathComponent).\(getpid()).partial")
        defer { try? fileManager.removeItem(at: partial) }
        let log = scratch.appendingPathComponent("browser.log")
        do {
            try fileManager.createDirectory(at: scratch.appendingPathComponent("profile"), withIntermediateDirectories: true)
            guard fileManager.createFile(atPath: log.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            throw .failed(browser: name, status: -1, detail: "\(scratch.path): \(error.localizedDescription)")
        }
        var arguments = [
            "--headless", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-networking", "--no-pdf-header-footer",
            "--user-data-dir=" + scratch.appendingPathComponent("profile").path,
            "--print-to-pdf=" + partial.path,
        ]
        // Chromium refuses to run its sandbox as root (a container, CI): there only, without it.
        if geteuid() == 0 { arguments.append("--no-sandbox") }
        arguments.append(html.absoluteURL.absoluteString)
        let process = Process()
        process.executableURL = browser
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let logHandle = FileHandle(forWritingAtPath: log.path)
        process.standardError = logHandle ?? FileHandle.nullDevice
        defer { try? logHandle?.close() }
        do { try process.run() } catch {
            throw .failed(browser: name, status: -1, detail: error.localizedDescription)
        }
        let deadline = Date().addingTimeInterval(TimeInterval(timeoutSeconds))
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw .timedOut(browser: name, seconds: timeoutSeconds)
        }
        let made = (try? Data(contentsOf: partial, options: .alwaysMapped)).map { $0.starts(with: Data("%PDF-".utf8)) } ?? false
        guard process.terminationStatus == 0, made else {
            let lines = ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").suffix(3).joined(separator: " / ")
            throw .failed(browser: name, status: process.terminationStatus, detail: lines)
        }
        if rename(partial.path, pdf.path) != 0 {
            throw .failed(browser: name, status: 0, detail: "\(pdf.path): \(String(cString: strerror(errno)))")
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
