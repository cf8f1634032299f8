import Foundation
import Testing
import AnjianStore

/// `anjian print` as a process: the document issued under the next number, written as HTML that an
/// independent parser reads, the same number when printed again, and the ledger recording it.
@Suite struct PrintCommandTests {
    static let signer = ["--operator", "王丽娟:37062301333"]

    @Test func aVisitsRecordAndOrderAndAHazardsOpinionArePrintedAndKeepTheirNumbers() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        #expect(try run([anjianBinary, "init", "--data", data.path]).status == 0)
        // The demo's major hazard h-0004 names its visit; the visit does not list it (a crash between
        // the two writes leaves exactly this): the order still covers it.
        let visit = "S-00626P-20261006-1"
        var result = try run([anjianBinary, "print", "record", visit, "--data", data.path, "--lang", "en"] + Self.signer)
        #expect(result.status == 0 && result.out.contains("（烟）应急检记〔") && result.out.contains("第 1 号"), "\(result)")
        result = try run([anjianBinary, "print", "order", visit, "--data", data.path, "--lang", "en"] + Self.signer)
        #expect(result.status == 0 && result.out.contains("（烟）应急责改〔") && result.out.contains("第 1 号"), "\(result)")
        let again = try run([anjianBinary, "print", "record", visit, "--data", data.path, "--lang", "en"] + Self.signer)
        #expect(again.status == 0 && again.out.contains("issued before: same number") && again.out.contains("第 1 号"), "\(again)")
        result = try run([anjianBinary, "print", "recheck", "YH-2026-00626P-001", "--data", data.path, "--lang", "zh"] + Self.signer)
        #expect(result.status == 0 && result.out.contains("（烟）应急复查〔"), "\(result)")

        let year = String(Calendar(identifier: .gregorian).component(.year, from: Date()))
        let folder = data.appendingPathComponent("documents/\(year)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["inspectionRecord-1.html", "recheckOpinion-1.html", "rectificationOrder-1.html"])
        // Each page is well-formed for an XML parser, and holds the names, certificate numbers and deadline.
        let check = """
        import sys, xml.etree.ElementTree as ET
        for path in sys.argv[1:]:
            text = ''.join(ET.parse(path).getroot().itertext())
            assert '消防通道堆放杂物' in text and '2026年11月6日' in text, path
            assert '曾凡涛' in text and '37062101259' in text or '宋雪梅' in text and '37061901185' in text, path
        print(len(sys.argv) - 1)
        """
        let parsed = try run(["/usr/bin/env", "python3", "-c", check] + ["inspectionRecord-1.html", "rectificationOrder-1.html", "recheckOpinion-1.html"]
            .map { folder.appendingPathComponent($0).path })
        #expect(parsed.status == 0 && parsed.out == "3\n", "\(parsed.err)")
        let opinion = try String(contentsOf: folder.appendingPathComponent("recheckOpinion-1.html"), encoding: .utf8)
        #expect(opinion.contains("（烟）应急责改〔\(year)〕第 1 号"), "the opinion refers to the order's number")

        // The ledger records them: a restart numbers the next visit's record 2.
        let ledger = try LedgerStore.open(data, initializeIfEmpty: false)
        let recorded = ledger.supervisions.values.joined().first { $0.id == visit }?.documents ?? []
        #expect(recorded.map(\.kind.rawValue).sorted() == ["inspectionRecord", "rectificationOrder"])
        let other = try #require(ledger.supervisions.values.joined().first { $0.id != visit }?.id)
        result = try run([anjianBinary, "print", "record", other, "--data", data.path] + Self.signer)
        #expect(result.status == 0 && result.out.contains("第 2 号"), "\(result)")

        let missing = try run([anjianBinary, "print", "order", "S-NO-SUCH", "--data", data.path, "--lang", "en"] + Self.signer)
        #expect(missing.status == 65 && missing.err == "anjian: No supervision entry has the id S-NO-SUCH\n")
    }

    /// What review found: a damaged file stops the numbering; an output among the ledger's files is
    /// refused; a reprinted opinion cites only the order it cited when issued.
    @Test func numbersAreNeverGuessedAndLedgerFilesNeverOverwritten() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        #expect(try run([anjianBinary, "init", "--data", data.path]).status == 0)
        let visit = "S-00626P-20261006-1"
        let ledgerFile = data.appendingPathComponent("supervisions/91370611778000626P.json")
        let before = try Data(contentsOf: ledgerFile)
        var result = try run([anjianBinary, "print", "record", visit, "--data", data.path, "--output", ledgerFile.path, "--lang", "en"] + Self.signer)
        #expect(result.status == 73 && result.err.contains("inside the data directory"), "\(result)")
        #expect(try Data(contentsOf: ledgerFile) == before)

        // The opinion first, with no order: its order line stays blank when reprinted after an order.
        result = try run([anjianBinary, "print", "recheck", "h-0004", "--data", data.path] + Self.signer)
        #expect(result.status == 0, "\(result)")
        #expect(try run([anjianBinary, "print", "order", visit, "--data", data.path] + Self.signer).status == 0)
        result = try run([anjianBinary, "print", "recheck", "h-0004", "--data", data.path, "--lang", "en"] + Self.signer)
        #expect(result.status == 0 && result.out.contains("same number"), "\(result)")
        let year = String(Calendar(identifier: .gregorian).component(.year, from: Date()))
        let opinion = try String(contentsOf: data.appendingPathComponent("documents/\(year)/recheckOpinion-1.html"), encoding: .utf8)
        #expect(!opinion.contains("应急责改"), "an opinion never cites an order issued after it")

        // Another enterprise's file damaged: its documents cannot be counted, so no number is given.
        let other = try #require(try FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("supervisions").path)
            .sorted().first { $0 != "91370611778000626P.json" })
        try Data("{ broken".utf8).write(to: data.appendingPathComponent("supervisions/\(other)"))
        result = try run([anjianBinary, "print", "record", visit, "--data", data.path, "--lang", "en"] + Self.signer)
        #expect(result.status == 65 && result.err.contains("cannot be counted") && result.err.contains(other), "\(result)")
    }

    /// `--pdf` without a browser: the document is issued and its HTML written; the exit status (69)
    /// and the message say there is no PDF, how to install the browser and where the HTML is.
    /// `--output FILE.pdf` names the PDF, with the HTML beside it.
    @Test func pdfWithoutABrowserSaysHowToGetOneAndKeepsTheHTML() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        #expect(try run([anjianBinary, "init", "--data", data.path]).status == 0)
        let visit = "S-00626P-20261015-2"
        let result = try run(["/usr/bin/env", "ANJIAN_BROWSER=", anjianBinary, "print", "record", visit, "--pdf", "--data", data.path,
                              "--lang", "en"] + Self.signer)
        #expect(result.status == 69, "\(result)")
        #expect(result.out.contains("Issued on-site inspection record （烟）应急检记〔"), "\(result)")
        #expect(result.err.contains("No PDF: no Chromium browser found (install it: apt-get install chromium fonts-noto-cjk)"), "\(result)")
        let year = String(Calendar(identifier: .gregorian).component(.year, from: Date()))
        let html = data.appendingPathComponent("documents/\(year)/inspectionRecord-1.html")
        #expect(result.err.contains(html.path) && FileManager.default.fileExists(atPath: html.path))

        let output = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let named = try run(["/usr/bin/env", "ANJIAN_BROWSER=/bin/false", anjianBinary, "print", "record", visit, "--data", data.path,
                             "--output", output.appendingPathComponent("记录.pdf").path] + Self.signer)
        #expect(named.status == 70 && named.err.contains("No PDF: false exited with status 1"), "\(named)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path) == ["记录.html"], "the HTML beside the PDF asked for")
    }
}
