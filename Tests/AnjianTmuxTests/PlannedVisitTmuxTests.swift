import Foundation
import Testing
import AnjianModel
@testable import AnjianStore

/// A draw's planned visits in view 3 (issue 14): marked planned, made through the usual visit
/// form opened prefilled, then counted as visits like any other.
@Suite struct PlannedVisitTmuxTests {
    @Test func aDrawnVisitShowsAsPlannedInView3AndIsMadeWithTheVisitForm() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        #expect(try run([anjianBinary, "init", "--data", data.path]).status == 0)
        let drawn = try run([anjianBinary, "draw", "--data", data.path, "--count", "1", "--seed", "42", "--operator", "王丽娟:37062301333"])
        #expect(drawn.status == 0, "\(drawn)")
        let plan = try #require(try LedgerStore.open(data, initializeIfEmpty: false).supervisions.values.joined().first(where: \.isPlanned))
        let session = try TmuxSession(command: "\(anjianBinary) --data \(data.path)",
                                      environment: ["LANG": "zh_CN.UTF-8", "ANJIAN_OPERATOR": "王丽娟:37062301333"], width: 100, height: 30)
        try session.started()
        try session.keys("3", "/")
        try session.typeShown("计划待检")
        try session.keys("Enter")
        var screen = try session.waitFor(text: "1/11 条")
        #expect(screen.contains { $0.contains("双随机抽查") && $0.contains(plan.inspectors[0].name) })
        try session.keys("Enter")
        screen = try session.waitFor(text: "尚未检查：按 e 填写检查情况")
        #expect(screen.contains { $0.contains(plan.id) })
        // Made: the form opens with the inspectors, today and the time now; the accompanying person.
        try session.keys("e")
        screen = try session.waitFor(text: "执法证号 [\(plan.inspectors[0].certificateNumber)")
        let today = CalendarDate.dayAndTime(Date(), in: .current).day
        #expect(screen.contains { $0.contains("日期 [\(today)") })
        for (field, text) in [("陪同人员", "刘建国"), ("职务", "安全主管"), ("联系电话", "13805351234")] {
            try session.waitFor(text: field)
            while try session.cursorField() != field { try session.keys("Tab") }
            try session.typeShown(text)
        }
        try session.keys("C-s")
        screen = try session.waitFor(text: "已保存")
        #expect(screen.contains { $0.contains("已检查") })
        let made = try #require(try LedgerStore.open(data, initializeIfEmpty: false).supervisions.values.joined().first { $0.id == plan.id })
        #expect(!made.isPlanned && made.drawID == plan.drawID && made.date == today && made.accompanying.name == "刘建国")
    }
}

extension TmuxSession {
    /// The label of the form field the cursor is in (the text before its `[` on the cursor's row).
    func cursorField() throws -> String {
        let (x, y) = try cursor()
        let line = try capture()[y]
        let before = String(line.prefix(while: { _ in true }))
        // The label is the last run of non-space text before the bracket left of the cursor.
        var columns = 0, upTo = ""
        for character in before {
            if columns >= x { break }
            upTo.append(character)
            columns += character.isASCII ? 1 : 2
        }
        guard let bracket = upTo.lastIndex(of: "[") else { return "" }
        return upTo[..<bracket].split(separator: " ").last.map(String.init) ?? ""
    }
}
