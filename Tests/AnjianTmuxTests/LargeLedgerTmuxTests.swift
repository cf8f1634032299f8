import Foundation
import Testing
import AnjianGenerator
import AnjianModel
import AnjianStore

/// A larger ledger in the real terminal: the list is drawn before the records have loaded, keys
/// typed meanwhile act at once, and the views fill in when the records arrive.
@Suite(.serialized) struct LargeLedgerTmuxTests {
    @Test func theFirstFrameComesBeforeTheRecordsAndKeysTypedMeanwhileAreKept() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let summary = try LedgerGenerator.generate(into: data, hazards: 12_000, supervisions: 2_400, seed: 7, today: "2026-11-20")
        let session = try TmuxSession(command: "\(anjianBinary) --data \(data.path)",
                                      environment: ["LANG": "zh_CN.UTF-8", "ANJIAN_OPERATOR": "王丽娟:37062301333"],
                                      width: 100, height: 30)
        // The enterprise list with the loading tag: 24,000 records take seconds in a debug build.
        var screen = try session.waitFor(text: "60/60 家")
        #expect(screen.contains { $0.contains("[载入中") }, "\(screen.joined(separator: "\n"))")

        // A filter typed while loading takes every key.
        try session.keys("/")
        try session.type("莱州")
        screen = try session.waitFor("the 莱州 filter") { $0.contains { $0.hasPrefix("/ 筛选：莱州") } && $0.contains { $0.contains(" 7/60 家") } }

        // Once loaded, the tag is gone and view 2 holds every hazard.
        try session.keys("Escape")
        screen = try session.recordsLoaded()
        try session.keys("2")
        screen = try session.settled("隐患台账 \(summary.hazards)")
        #expect(!screen.joined().contains("正在载入"))
        try session.keys("3")
        try session.settled("监管记录 \(summary.entries)")
        try session.keys("q")
        #expect(try session.exitStatus() == 0)
    }
}
