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
