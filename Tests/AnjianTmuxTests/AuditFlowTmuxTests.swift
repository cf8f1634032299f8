import Foundation
import Testing
import AnjianModel
@testable import AnjianStore

/// Issue #9's flows end to end in a real terminal, on a fresh demo ledger whose "today" is the
/// real clock: records are picked by their properties, dates computed from the program's today.
@Suite(.serialized) struct AuditFlowTmuxTests {
    /// A visit by two inspectors (neither the operator) → two hazards registered from its page,
    /// each proposing the visit's date and both inspectors as finders → both listed on the visit
    /// → Enter on the second opens it → Esc comes back to the same screen, same row selected.
    @Test func aVisitsTwoHazardsTakeItsDateAndInspectorsAndBackKeepsThePlace() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let session = try TmuxSession(command: "\(anjianBinary) --data \(data.path)",
                                      environment: ["LANG": "zh_CN.UTF-8", "ANJIAN_OPERATOR": "王丽娟"], width: 80, height: 16)
        try session.started()

        // The only visit of its enterprise (so filtering by the credit code leaves one row),
        // by two inspectors other than the operator, with no hazard found on it yet.
        let ledger = try LedgerStore.open(data)
        let total = ledger.supervisions.values.reduce(0) { $0 + $1.count }
        let candidates = ledger.supervisions.values.flatMap { $0 }.filter { entry in
            entry.inspectors.count == 2 && !entry.inspectors.contains { $0.name == "王丽娟" }
                && ledger.supervisions[entry.enterpriseCode]?.count == 1
                && !(ledger.hazards[entry.enterpriseCode] ?? []).contains { $0.supervisionID == entry.id }
        }
        let visit = try #require(candidates.sorted { $0.id < $1.id }.first)
        let code = visit.enterpriseCode
        let enterprise = try #require(ledger.enterprises.first { $0.creditCode == code })
        let (first, second) = (visit.inspectors[0].name, visit.inspectors[1].name)
        let finders = first + "、" + second

        // View 3, filtered to the enterprise's one visit, Enter: the visit's page, no hazards listed.
        try session.keys("3")
        try session.waitFor(text: "[3 监管记录]")
        try session.keys("/")
        try session.type(code)
        try session.waitFor(text: " 1/\(total) 条")
        try session.keys("Enter", "Enter")
        var screen = try session.settled("检查人员2")
        #expect(screen.contains { $0.contains(visit.id) })
        #expect(!screen.joined().contains("本次发现的隐患"))

        let descriptions = ["储罐区静电接地线断开", "装卸台防爆灯具损坏"]
        for (n, description) in descriptions.enumerated() {
            try session.keys("h")
            screen = try session.settled("登记隐患 · \(enterprise.name)")
            // Proposed: the visit's date, and its inspectors as finders (the box shows the first
            // name and a cut; focused, it shows the end of the text: the second name).
            #expect(screen.contains { $0.contains("发现日期 [\(visit.date)") }, "\(screen.joined(separator: "\n"))")
            #expect(screen.contains { $0.contains("发现人 [\(first)、") }, "\(screen.joined(separator: "\n"))")
            try session.keys("Tab", "Tab", "Tab", "Tab", "Tab")
            screen = try session.waitFor("the finder field focused") { $0.contains { $0.contains("发现人 [") && $0.contains(second) } }
            try session.keys("BTab", "BTab", "BTab", "BTab", "BTab")
            try session.waitFor("the description focused again") { $0.contains { $0.contains("发现人 [\(first)、") } }
            try session.type(description)
            try session.waitFor(text: description)
            try session.keys("C-s")
            screen = try session.settled("已保存隐患")
            #expect(screen.contains { $0.contains("本次发现的隐患（\(n + 1) 条）") }, "\(screen.joined(separator: "\n"))")
        }

        // Saved on the visit: found that day by both inspectors, and the visit lists both.
        let saved = try LedgerStore.open(data)
        let found = (saved.hazards[code] ?? []).filter { $0.supervisionID == visit.id }
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.discoveredOn == visit.date && $0.foundBy == finders }, "\(found.map { ($0.discoveredOn, $0.foundBy) })")
        let one = try #require(found.first { $0.description == descriptions[0] })
        let two = try #require(found.first { $0.description == descriptions[1] })
        #expect(saved.supervisions[code]?.first { $0.id == visit.id }?.hazardIDs == [one.id, two.id])

        // Both listed on the visit's page; select the second (from the first) and open it.
        try session.keys("Up")
        screen = try session.settled("> \(one.number)")
        #expect(screen.contains { $0.contains(two.number) && $0.contains(descriptions[1]) && !$0.contains("> ") })
        try session.keys("Down")
        let before = try session.settled("> \(two.number)")
        #expect(before.contains { $0.contains("> \(two.number)") && $0.contains(descriptions[1]) })
        #expect(before.contains { $0.contains("本次发现的隐患（2 条）") })
        try session.keys("Enter")
        screen = try session.settled("隐患详情")
        #expect(screen.contains { $0.contains("隐患编号") && $0.contains(two.number) }, "\(screen.joined(separator: "\n"))")
        #expect(screen.contains { $0.contains("发现日期") && $0.contains("\(visit.date)  发现人 \(finders)") })
        #expect(screen.contains { $0.contains(descriptions[1]) })
        try session.keys("Escape")
        let back = try session.settled("> \(two.number)")
        #expect(back == before, "back keeps the place:\n\(back.joined(separator: "\n"))\n---\n\(before.joined(separator: "\n"))")
        try session.keys("C-c")
        #expect(try session.exitStatus() == 0)
    }

    /// A major hazard registered with the six items (funds refused as words, accepted as a number
    /// of 万元) and listed for supervision; an extension to a date after the deadline but before
    /// today is refused and changes nothing; rectification started and reported with notes and
    /// evidence (a missing file refused until it exists); closed by two verifiers, the second
    /// picked from the roster, with the written opinion.
    @Test func aMajorHazardListedRefusedAPastExtensionRectifiedWithEvidenceAndClosedByTwo() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let session = try TmuxSession(command: "\(anjianBinary) --data \(data.path)",
                                      environment: ["LANG": "zh_CN.UTF-8", "ANJIAN_OPERATOR": "王丽娟"], width: 100, height: 30)
        try session.started()
        let ledger = try LedgerStore.open(data)
        let target = try #require(ledger.enterprises.first { $0.name == "莱州鑫源矿业有限公司" })
        #expect((ledger.hazards[target.creditCode] ?? []).isEmpty)
        let operatorCertificate = try #require(ledger.inspectors.first { $0.name == "王丽娟" }).certificateNumber
        let rechecker = try #require(ledger.inspectors.first { $0.name == "孙建军" })

        try session.keys("/")
        try session.type("鑫源")
        try session.waitFor(text: " 1/60 家")
        try session.keys("Enter", "Enter")
        try session.waitFor(text: "暂无隐患")
        try session.keys("h")
        var screen = try session.settled("登记隐患 · 莱州鑫源矿业有限公司")

        // Dates from the program's today (the proposed discovery date): found 40 days ago, due
        // 10 days ago (overdue), listed 36 days ago; the extension tried lies between the
        // deadline and today.
        let dateLine = try #require(screen.first { $0.contains("发现日期 [") })
        let dateRange = try #require(dateLine.range(of: #"发现日期 \[\d{4}-\d{2}-\d{2}"#, options: .regularExpression))
        let today = String(dateLine[dateRange].suffix(10))
        func day(_ offset: Int) throws -> String { try #require(CalendarDate.adding(days: offset, to: today)) }
        let (discovered, deadline, listed, pastExtension) = (try day(-40), try day(-10), try day(-36), try day(-5))
        let description = "主斜井提升绞车安全保护装置失效"
        let measures = "更换安全保护装置并逐项试验"
        let plan = "停用主斜井，井下人员经副井撤离"
        let document = "烟安委办〔2026〕12号"

        try session.typeShown(description)
        try session.keys("Tab", "Tab", "Tab", "Right")  // level: 重大隐患
        screen = try session.settled("< 重大隐患")
        // The six items beyond the hazard itself are now required.
        for label in ["资金(万元)*", "复查人*", "整改措施*", "应急预案*"] {
            #expect(screen.contains { $0.contains(label) }, "\(label) marked required")
        }
        try session.keys("Tab", "C-u")
        try session.typeShown(discovered)
        try session.keys("Tab", "Tab", "Tab", "C-u")
        try session.typeShown(deadline)
        try session.keys("Tab")
        try session.typeShown("十五万")
        try session.keys("Tab")
        try session.typeShown(rechecker.name)
        try session.keys("Tab", "Right")  // 挂牌督办: 市级
        try session.waitFor(text: "< 市级 >")
        try session.keys("Tab")
        try session.typeShown(listed)
        try session.keys("Tab")
        try session.typeShown(document)
        try session.keys("Tab")
        try session.typeShown(measures)
        try session.keys("Tab")
        try session.typeShown(plan)

        // Funds in words are refused, beside the field; as a number of 万元 they save.
        try session.keys("C-s")
        screen = try session.settled("整改资金须为数字（万元），不是“十五万”")
        #expect(screen.contains { $0.contains("登记隐患") })
        #expect(try LedgerStore.open(data).hazards[target.creditCode]?.isEmpty ?? true, "nothing saved")
        try session.keys("C-u")  // the focus is on the field in error
        try session.type("15")
        try session.keys("C-s")
        screen = try session.settled("已保存隐患")
        let registered = try #require(try LedgerStore.open(data).hazards[target.creditCode]?.first)
        let number = registered.number
        #expect(registered.level == .major && registered.status == .registered)
        #expect(registered.rectification.funds == .amount(15))
        #expect(registered.rectification.rechecker == rechecker.name)
        #expect(registered.rectification.deadline == deadline && registered.discoveredOn == discovered)
        #expect(registered.supervisionListing == SupervisionListing(level: .city, date: listed, documentNumber: document))
        #expect(screen.contains { $0.contains("> \(number)") && $0.contains("重大隐患") })

        // Its page: the six items and the listing.
        try session.keys("Enter")
        screen = try session.settled("隐患详情")
        func line(_ label: String) -> String { screen.first { $0.hasPrefix(" " + label) } ?? "" }
        #expect(line("隐患编号").contains(number))
        #expect(line("整改期限").contains(deadline))
        #expect(line("整改资金").contains("15 万元"))
        #expect(line("复查人").contains(rechecker.name))
        #expect(line("整改措施").contains(measures) && line("应急预案").contains(plan))
        #expect(line("挂牌督办").contains("市级  \(listed)  \(document)"), "\(screen.joined(separator: "\n"))")

        // `t` to a date after the deadline but already past: refused, saying why, and nothing changes.
        try session.keys("t")
        screen = try session.settled("延长整改期限 · \(number)")
        try session.keys("BTab", "C-u")  // from the reason to the new deadline
        try session.typeShown(pastExtension)
        try session.keys("Tab")
        try session.typeShown("防爆配件到货延迟")
        try session.keys("C-s")
        screen = try session.settled("新期限 \(pastExtension) 须晚于今天 \(today)")
        #expect(screen.contains { $0.contains("延长整改期限") }, "the form stays open")
        try session.keys("Escape")
        try session.waitFor(text: "放弃未保存的修改")
        try session.keys("y")
        screen = try session.settled("r 开始整改")
        #expect(line("整改期限").contains(deadline), "the deadline unchanged: \(screen.joined(separator: "\n"))")
        #expect(!screen.joined().contains("延期"))
        var hazard = try #require(try LedgerStore.open(data).hazards[target.creditCode]?.first)
        #expect(hazard.rectification.deadline == deadline && hazard.extensionCount == 0)
        #expect(hazard.history.map(\.action) == [.created])

        // `r`: the day (today), a note, a photo taken before.
        let photoBefore = "photos/整改前现场.jpg", photoAfter = "photos/整改后现场.jpg"
        try FileManager.default.createDirectory(at: data.appendingPathComponent("photos"), withIntermediateDirectories: true)
        try Data("before".utf8).write(to: data.appendingPathComponent(photoBefore))
        try session.keys("r")
        screen = try session.settled("开始整改 · \(number)")
        #expect(screen.contains { $0.contains("日期 [\(today)") })
        try session.typeShown("已停用主斜井，订购保护装置")
        try session.keys("Tab")
        try session.typeShown(photoBefore)
        try session.keys("C-s")
        try session.waitFor(text: "c 整改完成待验收")

        // `c`: the photo after is not there yet: refused; once it exists the same form saves.
        try session.keys("c")
        try session.waitFor(text: "整改完成待验收 · \(number)")
        try session.typeShown("保护装置已更换，试验合格")
        try session.keys("Tab")
        try session.typeShown(photoAfter)
        try session.keys("C-s")
        try session.waitFor(text: "证据文件不存在：\(photoAfter)")
        #expect(try LedgerStore.open(data).hazards[target.creditCode]?.first?.status == .rectifying)
        try Data("after".utf8).write(to: data.appendingPathComponent(photoAfter))
        try session.keys("C-s")
        try session.waitFor(text: "v 验收通过并销号")

        // `v`: two verifiers (the operator proposed, the second picked from the roster with its
        // certificate number) and the written opinion.
        try session.keys("v")
        screen = try session.settled("验收通过并销号 · \(number)")
        #expect(screen.contains { $0.contains("验收人* [王丽娟") && $0.contains(operatorCertificate) })
        try session.type("孙建")
        try session.waitFor("the roster's suggestion") { $0.contains { $0.contains(rechecker.name) && $0.contains(rechecker.certificateNumber) } }
        try session.keys("Enter")
        screen = try session.settled("[\(rechecker.certificateNumber)")
        #expect(screen.contains { $0.contains("验收人二* [\(rechecker.name)") && $0.contains(rechecker.certificateNumber) })
        try session.keys("Tab", "Tab")  // the date (today), then the opinion
        let opinion = "保护装置经试验动作可靠，同意销号"
        try session.type(opinion)
        try session.keys("C-s")
        screen = try session.settled("o 重新打开")
        #expect(line("状态").contains("已验收销号"), "\(screen.joined(separator: "\n"))")
        let verification = line("验收记录")
        #expect(verification.contains("王丽娟（\(operatorCertificate)）、\(rechecker.name)（\(rechecker.certificateNumber)）"),
                "\(screen.joined(separator: "\n"))")
        #expect(verification.contains("通过"))
        #expect(screen.joined().contains(opinion))
        #expect(screen.contains { $0.contains("证据材料：\(photoBefore)") })
        #expect(screen.contains { $0.contains("证据材料：\(photoAfter)") })
        #expect(!screen.joined().contains("文件不存在"))

        hazard = try #require(try LedgerStore.open(data).hazards[target.creditCode]?.first)
        #expect(hazard.status == .closed && hazard.closedOn == today)
        #expect(hazard.rectification.deadline == deadline)
        #expect(hazard.history.map(\.action) == [.created, .rectificationStarted, .reportedRectified, .verifiedPassed])
        #expect(hazard.history[1].date == today && hazard.history[1].evidence == [photoBefore])
        #expect(hazard.history[2].note == "保护装置已更换，试验合格" && hazard.history[2].evidence == [photoAfter])
        let passed = try #require(hazard.verifications.last)
        #expect(passed.passed && passed.remark == opinion)
        #expect(passed.verifiers == [InspectorRef(name: "王丽娟", certificateNumber: operatorCertificate),
                                     InspectorRef(name: rechecker.name, certificateNumber: rechecker.certificateNumber)])
        try session.keys("C-c")
        #expect(try session.exitStatus() == 0)
    }
}
