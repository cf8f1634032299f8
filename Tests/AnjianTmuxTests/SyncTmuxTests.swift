import Foundation
import Testing
import AnjianModel
@testable import AnjianStore

/// Sync in the running program (issue 15): a bare repository and two clones; the TUI runs on clone
/// A in tmux while clone B works and syncs with `anjian sync`.
@Suite(.serialized) struct SyncTmuxTests {
    @Test func aVisitSyncedElsewhereAppearsOnF5AndAConflictIsMarkedResolvedAndSyncedClean() throws {
        let root = temporaryDirectory()
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let server = root.appendingPathComponent("server.git").path
        let a = root.appendingPathComponent("a"), b = root.appendingPathComponent("b")
        // The program and git, each with this test's own home (no one's configuration is read or written).
        func anjian(_ arguments: String...) throws -> String {
            let result = try run(["env", "HOME=\(root.path)", "LANG=zh_CN.UTF-8", anjianBinary] + arguments)
            #expect(result.status == 0, "anjian \(arguments): \(result.err)")
            return result.out
        }
        #expect(try run(["git", "init", "-q", "--bare", "-b", "main", server]).status == 0)
        _ = try anjian("init", "--data", a.path)
        _ = try anjian("sync", "--data", a.path, "--setup", server, "--operator", "王丽娟:37062301333")
        _ = try anjian("init", "--data", b.path, "--clone", server)

        let tui = try TmuxSession(command: "\(anjianBinary) --data \(a.path)",
                                  environment: ["LANG": "zh_CN.UTF-8", "HOME": root.path, "ANJIAN_OPERATOR": "王丽娟:37062301333"],
                                  width: 80, height: 24)
        try tui.started()
        try tui.keys("3")
        try tui.waitFor(text: "10/10 条")

        // B records a visit and syncs.
        // An enterprise with visits and hazards.
        let names = try FileManager.default.contentsOfDirectory(atPath: b.appendingPathComponent(LedgerStore.hazardsFolder).path)
        let code = try #require(names.sorted().map { String($0.dropLast(5)) }.first { code in
            ((try? LedgerStore.loadSupervisions(enterprise: code, in: b)) ?? []).contains { !$0.isPlanned }
                && !((try? LedgerStore.loadHazards(enterprise: code, in: b)) ?? []).isEmpty
        })
        var visits = try LedgerStore.loadSupervisions(enterprise: code, in: b)
        var visit = try #require(visits.first { !$0.isPlanned })
        visit.id = SupervisionEntry.newID(for: visit, taken: Set(visits.map(\.id)))
        visit.findings = "同步测试：消防通道堵塞"
        visit.hazardIDs = []
        visit.documents = nil
        visits.append(visit)
        try LedgerStore.saveSupervisions(visits, enterprise: code, in: b)
        let bSaid = try anjian("sync", "--data", b.path, "--operator", "李强:37062301999")
        #expect(bSaid.contains("已上传到服务器"))

        // F5 in the TUI: merged, shown in view 3 without a restart.
        try tui.keys("F5")
        var screen = try tui.waitFor(text: "同步完成")
        screen = try tui.waitFor(text: "11/11 条")
        #expect(screen.contains { $0.contains("同步完成") && $0.contains("收到 1 次提交") })
        try tui.keys("/")
        try tui.typeShown("消防通道堵塞")
        screen = try tui.waitFor(text: "1/11 条")
        try tui.keys("Escape")

        // The same hazard's description changed on both sides: B first, then A (another tool writes A's file).
        let hazardFile = { (dir: URL) in try LedgerStore.loadHazards(enterprise: code, in: dir) }
        var bHazards = try hazardFile(b)
        let hazard = try #require(bHazards.first)
        bHazards[0].description = "B 记录：配电箱门锁损坏"
        try LedgerStore.saveHazards(bHazards, enterprise: code, in: b)
        _ = try anjian("sync", "--data", b.path, "--operator", "李强:37062301999")
        var aHazards = try hazardFile(a)
        aHazards[0].description = "A 记录：配电箱未接地"
        try LedgerStore.saveHazards(aHazards, enterprise: code, in: a)

        try tui.keys("F5")
        screen = try tui.waitFor(text: "1 处冲突待选择")
        try tui.keys("2")
        screen = try tui.waitFor(text: "冲突1处!")
        try tui.keys("/")
        try tui.typeShown(hazard.number)
        screen = try tui.waitFor(text: "冲突!")
        try tui.keys("Enter", "Enter")
        screen = try tui.waitFor(text: "同步冲突 1 处")
        #expect(screen.contains { $0.contains("对方：B 记录：配电箱门锁损坏") })
        #expect(screen.contains { $0.contains("本机：A 记录：配电箱未接地") })
        try tui.keys("C")
        try tui.waitFor(text: "选择冲突中保留的值")
        try tui.keys("Right", "Right")
        try tui.waitFor(text: "采用对方")
        try tui.keys("Enter")
        screen = try tui.waitFor(text: "解决同步冲突")
        #expect(!screen.contains { $0.contains("同步冲突 1 处") })
        try tui.keys("Escape")
        screen = try tui.waitFor(text: "隐患台账 1")
        #expect(!screen.joined().contains("冲突"))

        // Synced clean: the choice reaches B.
        try tui.keys("F5")
        screen = try tui.waitFor(text: "已上传")
        #expect(!screen.contains { $0.contains("冲突待选择") })
        _ = try anjian("sync", "--data", b.path, "--operator", "李强:37062301999")
        let inB = try #require(try hazardFile(b).first { $0.id == hazard.id })
        #expect(inB.description == "B 记录：配电箱门锁损坏" && !inB.hasConflicts)
        #expect(inB.history.last?.action == .conflictResolved && inB.history.last?.by.name == "王丽娟")
        try tui.keys("q")
        #expect(try tui.exitStatus() == 0)
        let hazardsPath = LedgerStore.hazardsFolder + "/" + code + ".json"
        #expect(try Data(contentsOf: a.appendingPathComponent(hazardsPath)) == Data(contentsOf: b.appendingPathComponent(hazardsPath)))
    }

    @Test func f5OnALedgerThatDoesNotSyncSaysHowToSetItUp() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let tui = try TmuxSession(command: "\(anjianBinary) --data \(data.path)",
                                  environment: ["LANG": "en_US.UTF-8", "HOME": data.path, "ANJIAN_OPERATOR": "王丽娟", "NO_COLOR": "1"],
                                  width: 80, height: 24)
        try tui.started("60 of 60")
        try tui.keys("F5")
        try tui.waitFor(text: "anjian sync --setup URL")
        try tui.keys("q")
        #expect(try tui.exitStatus() == 0)
    }
}
