import Foundation
import Testing
import AnjianModel
@testable import AnjianStore

/// Issue 13's roster in a real terminal, on a fresh demo ledger whose "today" is the real clock.
@Suite(.serialized) struct RosterTmuxTests {
    /// 解春生 retires from his page in view 4 (a date and a reason); the visit form no longer
    /// offers him (解玉洁 still is), while his old visits still name him in view 3.
    @Test func aRetiredInspectorIsNoLongerOfferedButOldVisitsStillShowHim() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let session = try TmuxSession(command: "\(anjianBinary) --data \(data.path)",
                                      environment: ["LANG": "zh_CN.UTF-8", "ANJIAN_OPERATOR": "王丽娟:37062301333"], width: 100, height: 30)
        try session.started()
        let before = try LedgerStore.open(data)
        let visits = before.supervisions.values.flatMap { $0 }.filter { $0.inspectors.contains { $0.name == "解春生" } }
        #expect(!visits.isEmpty)

        // Before: typing 解 in a visit form offers him.
        try session.keys("s")
        try session.waitFor(text: "新建监管记录")
        try session.type("解")
        try session.waitFor(text: "37061901370")
        // One Escape closes the suggestions, the next asks; sent apart, so that two escapes read
        // together are never taken for one key.
        try session.keys("Escape")
        usleep(300_000)
        try session.keys("Escape")
        try session.waitFor(text: "放弃未保存的修改")
        try session.keys("y")
        try session.waitFor("the form closed") { !$0.joined().contains("新建监管记录") }
        try session.settled("60/60 家")

        // View 4, his page, r: the date proposed is today; a reason; Ctrl-S.
        try session.keys("4")
        try session.waitFor(text: "[4 人员名录]")
        try session.keys("/")
        try session.type("37061901370")
        try session.waitFor(text: " 1/17 人")
        try session.keys("Enter", "Enter")
        try session.waitFor(text: "检查人员详情")
        try session.keys("r")
        try session.waitFor(text: "退出名录 · 解春生")
        try session.type("调离执法岗位")
        try session.keys("C-s")
        var screen = try session.waitFor(text: "解春生 已退出名录")
        #expect(screen.contains { $0.contains("已于") && $0.contains("退出名录（调离执法岗位）") })
        #expect(screen.contains { $0.contains("解春生  [已退出]") })
        #expect(screen.contains { $0.contains("r 恢复名录") })
        let saved = try #require(try LedgerStore.open(data).inspectors.first { $0.name == "解春生" })
        #expect(saved.retired?.reason == "调离执法岗位")
        #expect(saved.history?.last?.action == .retired && saved.history?.last?.by.name == "王丽娟")

        // The list hides him; a shows him, marked.
        try session.keys("Escape")
        try session.keys("Escape")
        screen = try session.settled("16/17 人")
        #expect(!screen.contains { $0.contains("解春生") })
        try session.keys("a")
        // A settled frame: the count can be drawn before the rows.
        screen = try session.settled("17/17 人")
        #expect(screen.contains { $0.contains("解春生") && $0.contains("[已退出]") })

        // The visit form: 解 offers 解玉洁 only.
        try session.keys("1")
        try session.settled("[1 直管企业]")
        try session.keys("s")
        try session.waitFor(text: "新建监管记录")
        try session.type("解")
        screen = try session.waitFor(text: "37062301518")
        #expect(!screen.contains { $0.contains("37061901370") }, "\(screen.joined(separator: "\n"))")
        // One Escape closes the suggestions, the next asks; sent apart, so that two escapes read
        // together are never taken for one key.
        try session.keys("Escape")
        usleep(300_000)
        try session.keys("Escape")
        try session.waitFor(text: "放弃未保存的修改")
        try session.keys("y")
        try session.waitFor("the form closed") { !$0.joined().contains("新建监管记录") }

        // His old visits still name him.
        try session.keys("3")
        try session.waitFor(text: "[3 监管记录]")
        try session.keys("/")
        try session.type("解春生")
        screen = try session.waitFor(text: " \(visits.count)/")
        #expect(screen.filter { $0.contains("解春生") }.count >= min(visits.count, 20))
        try session.keys("Enter", "Enter")
        screen = try session.waitFor(text: "检查人员2")
        #expect(screen.contains { $0.contains("解春生") })
        try session.keys("C-c")
        #expect(try session.exitStatus() == 0)
    }

    /// 单志刚's certificate expired long ago: named on a new visit, Ctrl-S is refused with the
    /// reason beside his name, and nothing is written.
    @Test func anExpiredCertificateIsRefusedInTheVisitFormWithTheReason() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        _ = try LedgerStore.open(data)
        let file = data.appendingPathComponent("inspectors.json")
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        var inspectors = try #require(json["inspectors"] as? [[String: Any]])
        let index = try #require(inspectors.firstIndex { $0["name"] as? String == "单志刚" })
        inspectors[index]["certificateExpires"] = "2020-01-31"
        json["inspectors"] = inspectors
        try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys]).write(to: file)
        let visitsBefore = try LedgerStore.open(data).supervisions.values.reduce(0) { $0 + $1.count }

        let session = try TmuxSession(command: "\(anjianBinary) --data \(data.path) --lang en",
                                      environment: ["LANG": "C.UTF-8", "ANJIAN_OPERATOR": "王丽娟:37062301333"], width: 80, height: 24)
        try session.waitFor(text: "60 of 60")
        try session.recordsLoaded()
        // The roster marks it.
        try session.keys("4")
        var screen = try session.waitFor(text: "[4 Roster]")
        #expect(screen.contains { $0.contains("单志刚") && $0.contains("2020-01-31 expired!") })

        try session.keys("1")
        try session.waitFor(text: "[1 Enterprises]")
        try session.keys("s")
        try session.waitFor(text: "New supervision")
        try session.type("szg")
        screen = try session.waitFor(text: "37062101074")
        #expect(screen.contains { $0.contains("37062101074") && $0.contains("certificate expired") })
        try session.keys("Enter")
        try session.keys("C-s")
        screen = try session.waitFor(text: "certificate expired on 2020-01-31")
        #expect(screen.contains { $0.contains("! this inspector's certificate expired on 2020-01-31") })
        #expect(screen.contains { $0.contains("单志刚: this inspector's certificate expired on 2020-01-31") })
        try session.keys("Escape")
        try session.waitFor(text: "Discard")
        try session.keys("y", "C-c")
        #expect(try session.exitStatus() == 0)
        #expect(try LedgerStore.open(data).supervisions.values.reduce(0) { $0 + $1.count } == visitsBefore)
    }
}
