import Foundation
import Testing
import AnjianModel
import AnjianStore

/// Issue 14's statistics view in a real terminal, on a fresh demo ledger whose "today" is the
/// real clock: key 5 opens it, its figures are those of `anjian stats --format json` for the same
/// period, and Enter on a figure opens view 2 or 3 listing that many records.
@Suite(.serialized) struct StatisticsTmuxTests {
    @Test func theViewShowsTheCommandsFiguresAndEnterOpensTheirRecords() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let session = try TmuxSession(command: "\(anjianBinary) --data \(data.path)",
                                      environment: ["LANG": "zh_CN.UTF-8", "NO_COLOR": "1"], width: 100, height: 30)
        try session.started()
        try session.keys("5")
        var screen = try session.settled("[5 统计]")

        // The same period as the view's default: this year.
        let today = CalendarDate.dayAndTime(Date(), in: .current).day
        let year = today.prefix(4)
        #expect(screen.contains { $0.contains("期间：本年 \(year)-01-01至\(year)-12-31") }, "\(screen.joined(separator: "\n"))")
        let json = try run([anjianBinary, "stats", "--data", data.path, "--format", "json", "--since", "\(year)-01-01", "--until", "\(year)-12-31"])
        #expect(json.status == 0, "\(json.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let counts = try #require((object["hazards"] as? [String: Any])?["counts"] as? [String: Any])
        func figure(_ key: String) throws -> Int { try #require(counts[key] as? Int) }
        func shown(_ label: String) -> Int? {
            screen.dropFirst().first { $0.contains(" \(label) ") }.flatMap { line in
                line.split(separator: " ").first { Int($0) != nil }.flatMap { Int($0) }
            }
        }
        let total = try figure("total")
        #expect(total > 0)
        for (label, key) in [("隐患总数", "total"), ("未销号", "open"), ("重大未销号", "openMajor"), ("整改逾期", "rectificationOverdue"),
                             ("验收逾期", "verificationOverdue"), ("7天内到期", "dueSoon"), ("已销号", "closed"), ("逾期销号", "closedLate")] {
            #expect(shown(label) == (try figure(key)), "\(label)")
        }
        let rate = try #require(counts["rectificationRate"] as? Double)
        #expect(screen.contains { $0.contains(String(format: "整改率 %.1f%%", rate)) })

        // Enter on the first figure (all hazards of the period): view 2 lists that many.
        try session.keys("Enter")
        screen = try session.settled("[2 隐患台账]")
        #expect(screen[0].contains(" \(total)/"), "\(screen[0])")
        #expect(screen[1].contains("显示 \(total) 条  未销号 \(try figure("open"))（其中重大 \(try figure("openMajor"))）"), "\(screen[1])")

        // Back in view 5, down to "rectification overdue": view 2 lists those, each marked overdue.
        try session.keys("5")
        try session.settled("[5 统计]")
        try session.keys("Down", "Down", "Down")
        screen = try session.settled("> 整改逾期")
        let overdue = try figure("rectificationOverdue")
        try session.keys("Enter")
        screen = try session.settled("[2 隐患台账]")
        #expect(screen[0].contains(" \(overdue)/"), "\(screen[0])")
        #expect(screen.contains { $0.contains("筛选：整改逾期") })
        let marked = screen.filter { $0.contains("逾") && $0.contains("天!") }.count
        #expect(marked > 0 && marked <= overdue)

        // The visits: the entries of the period open in view 3 with their criteria line.
        let entries = try #require(((object["supervisions"] as? [String: Any])?["counts"] as? [String: Any])?["entries"] as? Int)
        try session.keys("5")
        try session.settled("[5 统计]")
        // One row at a time, each drawn before the next, until the entries' figure is selected.
        for _ in 0..<80 {
            if try session.capture().contains(where: { $0.contains("> 监管记录") }) { break }
            try session.keys("Down")
            usleep(120_000)
        }
        screen = try session.settled("> 监管记录")
        #expect(shown("监管记录") == entries)
        try session.keys("Enter")
        screen = try session.settled("[3 监管记录]")
        #expect(screen[0].contains(" \(entries)/"), "\(screen[0])")
        #expect(screen[1].contains("筛选：日期 \(year)-01-01至\(year)-12-31"), "\(screen[1])")
        try session.keys("q")
        #expect(try session.exitStatus() == 0)
    }
}
