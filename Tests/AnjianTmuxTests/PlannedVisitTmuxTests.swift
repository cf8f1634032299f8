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
            try session.tabTo(field)
            try session.typeShown(text)
        }
        try session.keys("C-s")
        screen = try session.waitFor(text: "已保存")
        #expect(screen.contains { $0.contains("已检查") })
        let made = try #require(try LedgerStore.open(data, initializeIfEmpty: false).supervisions.values.joined().first { $0.id == plan.id })
        #expect(!made.isPlanned && made.drawID == plan.drawID && made.date == today && made.accompanying.name == "刘建国")
    }

    /// The draw from the TUI: `d` in view 3, the inputs typed (a seed of our own), the preview,
    /// Enter keeps it; the planned visits show in view 3, and one is made with the visit form.
    @Test func aDrawFromTheTUIPlansVisitsInView3AndOneIsMade() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        #expect(try run([anjianBinary, "init", "--data", data.path]).status == 0)
        let session = try TmuxSession(command: "\(anjianBinary) --data \(data.path)",
                                      environment: ["LANG": "zh_CN.UTF-8", "ANJIAN_OPERATOR": "王丽娟:37062301333"], width: 80, height: 24)
        try session.started()
        try session.keys("3")
        try session.waitFor(text: "10/10 条")
        try session.keys("d")
        var screen = try session.settled("符合条件的在管企业 60 家")
        // A random seed is shown before drawing.
        #expect(screen.contains { $0.contains("随机种子 [") && $0.contains(where: \.isNumber) })
        for (field, text) in [("抽取家数", "2"), ("随机种子", "20261125")] {
            try session.tabTo(field)
            try session.keys("C-u")
            try session.typeShown(text)
        }
        try session.keys("C-s")
        screen = try session.settled("抽取结果预览（未保存）")
        // Wrapped at 80 columns: the header read across its lines, without the spaces.
        let header = screen.joined().replacingOccurrences(of: " ", with: "")
        #expect(header.contains("随机种子20261125，从60家检查对象中抽取2家"), "\(screen.joined(separator: "\n"))")
        // Nothing written before Enter.
        #expect(!FileManager.default.fileExists(atPath: data.appendingPathComponent("draws").path))
        try session.keys("Enter")
        screen = try session.settled("已保存：计划检查 2 家")
        let ledger = try LedgerStore.open(data, initializeIfEmpty: false)
        let records = try LedgerStore.drawRecords(in: data)
        let record = try #require(records.first)
        #expect(records.count == 1 && record.inputs.seed == 20261125 && record.drawnBy.name == "王丽娟")
        let planned = ledger.supervisions.values.joined().filter(\.isPlanned)
        #expect(Set(planned.map(\.enterpriseCode)) == Set(record.teams.map(\.enterpriseCode)) && planned.count == 2)
        #expect(screen.filter { $0.contains("双随机抽查") && $0.contains("计划待检") }.count == 2)
        #expect(screen.contains { $0.contains("12/12 条") })
        // One made: its page, e, the accompanying person, Ctrl-S.
        try session.keys("/")
        try session.typeShown("计划待检")
        try session.keys("Enter")
        try session.waitFor(text: "2/12 条")
        try session.keys("Enter")
        try session.waitFor(text: "尚未检查：按 e 填写检查情况")
        try session.keys("e")
        try session.waitFor(text: "陪同人员")
        for (field, text) in [("陪同人员", "刘建国"), ("职务", "安全主管"), ("联系电话", "13805351234")] {
            try session.tabTo(field)
            try session.typeShown(text)
        }
        try session.keys("C-s")
        try session.waitFor(text: "已保存")
        let after = try LedgerStore.open(data, initializeIfEmpty: false).supervisions.values.joined().filter { $0.drawID == record.id }
        #expect(after.count == 2 && after.filter(\.isPlanned).count == 1)
        #expect(after.contains { !$0.isPlanned && $0.accompanying.name == "刘建国" })
        // The export for publication says which is made and which is still to be inspected.
        let exported = try run([anjianBinary, "export", "draws", "--data", data.path, "--draw", record.id])
        #expect(exported.status == 0 && exported.out.contains("待检查") && exported.out.contains("未发现问题"))
    }
}

extension TmuxSession {
    /// Tabs forward to the form field labelled `field`, one Tab at a time, each awaited (the cursor
    /// moves) before the next: Tabs sent faster than the program draws overshoot, and the last
    /// field does not wrap.
    func tabTo(_ field: String) throws {
        for _ in 0..<30 {
            let here = try cursor()
            if try cursorField() == field { return }
            try keys("Tab")
            // A choice field hides the cursor: then it may not move, and the wait ends.
            _ = try? waitFor("the cursor to move", within: 1) { _ in (try? self.cursor()).map { $0 != here } ?? false }
        }
        throw TmuxError.timeout("the field \(field)", try capture().joined(separator: "\n"))
    }

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
