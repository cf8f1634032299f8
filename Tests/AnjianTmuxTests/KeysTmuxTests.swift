import Foundation
import Testing

/// Issue #9, keys and layout, in a real terminal: the sort menu, type-ahead in a choice field,
/// and the ambiguous-width modes.
@Suite(.serialized) struct KeysTmuxTests {
    /// F6 opens the sort menu; `zt` (状态) and Enter sort by status. In the filters, `lz` picks 莱州市.
    @Test func sortMenuAndTypeAhead() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let session = try TmuxSession(command: "\(anjianBinary) --data \(data.path)",
                                      environment: ["LANG": "C.UTF-8", "LC_ALL": "zh_CN.UTF-8", "ANJIAN_OPERATOR": "王丽娟"],
                                      width: 80, height: 24)
        try session.waitFor(text: "直管企业")
        try session.keys("2")
        try session.waitFor(text: "整改逾期")
        try session.keys("F6")
        try session.waitFor(text: "排序列")
        try session.type("zt")
        try session.keys("Enter")
        try session.waitFor("sorted by status") { $0.contains { $0.contains("状态 ^") } }
        try session.keys("f")
        try session.waitFor(text: "所属区市")
        try session.keys("Tab", "Tab", "Tab")  // after "f" in one read, tabs would be text typed with it
        try session.type("lz")
        try session.waitFor(text: "莱州市")
        try session.keys("C-s")
        let screen = try session.waitFor(text: "筛选：")
        #expect(screen.contains { $0.contains("莱州市") && $0.contains("筛选") }, "\(screen.joined(separator: "\n"))")
        try session.keys("C-c")
        #expect(try session.exitStatus() == 0)
    }

    /// Asked at start, tmux answers that `…` is one cell: the first frame is whole, nothing left of
    /// the question. With `--ambiguous ascii` the status line's `·` is drawn as `.`.
    @Test func ambiguousWidthAskedOrChosen() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let environment = ["LANG": "C.UTF-8", "LC_ALL": "zh_CN.UTF-8", "ANJIAN_OPERATOR": "王丽娟"]
        let asked = try TmuxSession(command: "\(anjianBinary) --data \(data.path)", environment: environment, width: 80, height: 24)
        _ = try asked.waitFor(text: "60/60")
        var screen = try asked.recordsLoaded()
        // At 80 columns with the demo mark the app's name gives way to the five tabs.
        #expect(screen[0].hasPrefix(" [1 直管企业] 2 隐患台账") && screen.contains { $0.contains("操作员 王丽娟 · 直管企业") }, "\(screen.joined(separator: "\n"))")
        try asked.keys("C-c")
        #expect(try asked.exitStatus() == 0)
        let ascii = try TmuxSession(command: "\(anjianBinary) --data \(data.path) --ambiguous ascii", environment: environment,
                                    width: 80, height: 24)
        _ = try ascii.waitFor(text: "60/60")
        screen = try ascii.recordsLoaded()
        #expect(screen.contains { $0.contains("操作员 王丽娟 . 直管企业") } && !screen.joined().contains("·"), "\(screen.joined(separator: "\n"))")
        try ascii.keys("C-c")
        #expect(try ascii.exitStatus() == 0)
    }

    /// `--ambiguous wide` in a terminal that shows `…` one cell wide (tmux): ncurses is given two
    /// blanks and the character is written over the first, so every column stays where it was.
    @Test func wideModeKeepsTheColumnsInPlace() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let session = try TmuxSession(command: "\(anjianBinary) --data \(data.path) --ambiguous wide",
                                      environment: ["LANG": "C.UTF-8", "LC_ALL": "zh_CN.UTF-8", "ANJIAN_OPERATOR": "王丽娟"],
                                      width: 80, height: 24)
        var screen = try session.waitFor(text: "60/60")
        try session.recordsLoaded()  // the status line checked below has no loading tag then
        try session.keys("j", "j")
        screen = try session.waitFor("the third row selected") { $0.contains { $0.hasPrefix("> 烟台海晟") } }
        let header = displayColumn(of: "区市", in: screen[1])
        let cut = screen.first { $0.contains("储运有限…") }!
        #expect(header != nil && displayColumn(of: "芝罘区", in: cut) == header, "\(screen.joined(separator: "\n"))")
        #expect(screen.contains { $0.contains("王丽娟 ·  直管企业") })
        try session.keys("C-c")
        #expect(try session.exitStatus() == 0)
    }
}
