import Foundation
import Testing
import AnjianStore

/// `p` on a visit's and a hazard's page in the real program (issue 12): the print menu, the
/// document issued and written, the status line naming the file, the page listing the document.
@Suite struct PrintTmuxTests {
    /// Whether Debian's chromium is on the PATH the sessions get (`/usr/bin:/bin`).
    static let hasBrowser = ["/usr/bin/chromium", "/bin/chromium"].contains { FileManager.default.isExecutableFile(atPath: $0) }

    func openTheDemoVisitWithTwoHazards(_ session: TmuxSession, filterLabel: String) throws {
        try session.keys("3", "/")
        try session.typeShown("00626P")
        try session.keys("Enter")
        try session.waitFor(text: filterLabel)
        // Newest first: the 2026-10-15 visit, which registered two hazards.
        try session.keys("Home", "Enter")
        try session.waitFor(text: "S-00626P-20261015-2")
    }

    @Test func fromAVisitPagePPrintsTheRecordAndTheOrderAndTheStatusLineNamesTheFile() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        #expect(try run([anjianBinary, "init", "--data", data.path]).status == 0)
        // Without a browser first: the HTML, and the status line says how to get the PDF.
        var environment = ["LANG": "zh_CN.UTF-8", "ANJIAN_OPERATOR": "王丽娟", "ANJIAN_BROWSER": ""]
        var session: TmuxSession? = try TmuxSession(command: "\(anjianBinary) --data \(data.path)", environment: environment, width: 80, height: 24)
        try session!.started()
        try openTheDemoVisitWithTwoHazards(session!, filterLabel: "2/10 条")
        try session!.waitFor(text: "p 文书")
        try session!.keys("p")
        try session!.waitFor(text: "< 现场检查记录 >")
        try session!.waitFor(text: "Enter 开具（取新编号）")
        try session!.keys("Enter")
        // At 80 columns the whole file name and how to get the PDF show.
        var screen = try session!.waitFor(text: "inspectionRecord-1.html（无PDF，需apt-get install chromium）")
        let year = String(Calendar(identifier: .gregorian).component(.year, from: Date()))
        let folder = data.appendingPathComponent("documents/\(year)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("inspectionRecord-1.html").path))
        // The page lists the document with its number.
        screen = try session!.waitFor(text: "执法文书（1）")
        #expect(screen.contains { $0.contains("现场检查记录  （烟）应急检记〔\(year)〕第 1 号") })
        // Printed again: the menu says it was issued, the number stays.
        try session!.keys("p")
        try session!.waitFor(text: "已开具 （烟）应急检记〔\(year)〕第 1 号，Enter 重新打印（编号不变）")
        try session!.keys("Escape", "q")
        session = nil

        // With the browser, in English at 80×24 without colour: the order as PDF.
        environment["LANG"] = "C.UTF-8"
        environment["ANJIAN_BROWSER"] = nil
        environment["NO_COLOR"] = "1"
        session = try TmuxSession(command: "\(anjianBinary) --data \(data.path) --lang en", environment: environment, width: 80, height: 24)
        try session!.started("60 of 60")
        try openTheDemoVisitWithTwoHazards(session!, filterLabel: "2 of 10")
        try session!.keys("p")
        try session!.waitFor(text: "< on-site inspection record >")
        try session!.keys("Right")
        try session!.waitFor(text: "< rectification order >")
        try session!.waitFor(text: "Enter issues it under a new number")
        try session!.keys("Enter")
        if Self.hasBrowser {
            screen = try session!.waitFor(text: "Rectification order issued: documents/\(year)/rectificationOrder-1.pdf", within: 60)
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("rectificationOrder-1.pdf").path))
        } else {
            screen = try session!.waitFor(text: "documents/\(year)/rectificationOrder-1.html (no PDF: apt-get install chromium)")
        }
        try session!.waitFor(text: "Documents (2)")
        // Printed again: the same file, named whole.
        try session!.keys("p", "Right")
        try session!.waitFor(text: "Enter prints it again")
        try session!.keys("Enter")
        try session!.waitFor(text: "Printed again (same number): documents/\(year)/rectificationOrder-1.", within: 60)
        // A hazard not yet re-checked has no opinion: the key says why.
        try session!.keys("Enter")
        try session!.waitFor(text: "YH-2026-00626P-002")
        try session!.keys("p")
        try session!.waitFor(text: "has not been re-checked yet")
        let ledger = try LedgerStore.open(data, initializeIfEmpty: false)
        let visit = try #require(ledger.supervisions.values.joined().first { $0.id == "S-00626P-20261015-2" })
        #expect(visit.documents?.map(\.kind.rawValue) == ["inspectionRecord", "rectificationOrder"])
    }
}
