import Foundation
import Testing

/// Issue #9 in a real terminal: keys sent as raw bytes, and pages that link both ways.
@Suite(.serialized) struct LinkTmuxTests {
    /// `ESC[4~` from a terminal whose description does not list it (xterm's says `ESC O F`)
    /// is End: the filter stays and the last row is selected; `ESC[1~` is Home.
    @Test func rawHomeAndEndSequencesAreHomeAndEnd() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let session = try TmuxSession(command: "\(anjianBinary) --data \(data.path) --lang en",
                                      environment: ["LANG": "C.UTF-8", "TERM": "xterm-256color", "ANJIAN_OPERATOR": "王丽娟"],
                                      width: 80, height: 24)
        try session.waitFor(text: "60 of 60")
        try session.keys("/")
        try session.type("laiz")
        try session.keys("Enter")
        try session.waitFor(text: "7 of 60")
        try session.bytes("\u{1B}[4~")
        let screen = try session.waitFor("the last row selected") { lines in
            lines.last { $0.contains("Laizhou") }?.hasPrefix(">") == true
        }
        #expect(screen.filter { $0.contains("Laizhou") }.count == 7, "the filter stays: \(screen.joined(separator: "\n"))")
        try session.bytes("\u{1B}[1~")
        try session.waitFor("the first row selected") { lines in lines.first { $0.contains("Laizhou") }?.hasPrefix(">") == true }
        try session.keys("C-c")
        #expect(try session.exitStatus() == 0)
    }
}

extension LinkTmuxTests {
    /// A visit's page lists its hazard; Enter opens it, Esc comes back to the same place with the
    /// same row highlighted, and the hazard's page opens its enterprise with `E`.
    @Test func aVisitOpensItsHazardAndBackKeepsThePlace() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let session = try TmuxSession(command: "\(anjianBinary) --data \(data.path)",
                                      environment: ["LANG": "zh_CN.UTF-8", "ANJIAN_OPERATOR": "王丽娟"], width: 80, height: 16)
        try session.started()
        try session.keys("/")
        try session.type("91370611778000626P")
        try session.keys("Enter", "Enter")
        try session.waitFor(text: "企业详情")
        // The page opens on the profile: no row is highlighted until one shows.
        try session.keys("Down", "Down")
        try session.waitFor(text: "> 2026-10-06 10:17")
        try session.keys("Enter")
        try session.waitFor(text: "本次发现的隐患（1 条）")
        try session.keys("Down")
        let visit = try session.settled("> YH-2026-00626P-001")
        #expect(visit[0].contains("[1 直管企业]"), "the tab of the view the pages were opened in")
        try session.keys("Enter")
        try session.waitFor(text: "隐患详情")
        try session.keys("Escape")
        try session.waitFor(text: "> YH-2026-00626P-001")
        let back = try session.waitFor("the visit page as it was") { $0 == visit }
        #expect(back == visit, "back keeps the place:\n\(back.joined(separator: "\n"))")
        try session.keys("Enter")
        try session.waitFor(text: "隐患详情")
        try session.keys("E")
        try session.waitFor(text: "> YH-2026-00626P-001  重大隐患!")
        try session.keys("C-c")
        #expect(try session.exitStatus() == 0)
    }
}
