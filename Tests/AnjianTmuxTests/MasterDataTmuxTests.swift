import Foundation
import Testing
import AnjianModel
@testable import AnjianStore

/// Master data in the real program (issue 13): an enterprise added, listed, retired.
@Suite(.serialized) struct MasterDataTmuxTests {
    /// Types into the focused field and waits until its box shows it: the next key is sent only then
    /// (text and a Tab in one read would be taken as a paste).
    func fill(_ session: TmuxSession, _ text: String, choice: Bool = false) throws {
        try session.type(text)
        try session.waitFor(text: (choice ? "< " : "[") + text)
    }

    @Test func addAnEnterpriseWithAWrongCheckCharacterFixItRestartAndFindItByPinyin() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let command = "\(anjianBinary) --data \(data.path)"
        let environment = ["LANG": "zh_CN.UTF-8", "ANJIAN_OPERATOR": "王丽娟"]
        var session: TmuxSession? = try TmuxSession(command: command, environment: environment, width: 80, height: 24)
        let s = session!
        try s.started()
        try s.keys("n")
        try s.waitFor(text: "新增企业")
        // 福山区's area code, a wrong check character (E is right).
        try fill(s, "91370611MA3C7XK84A")
        try s.keys("Tab")
        try fill(s, "烟台测试新材料有限公司")
        try s.keys("Tab")
        try fill(s, "测试新材")
        try s.keys("Tab")
        try fill(s, "福山区", choice: true)  // a choice, picked by typing it
        try s.keys("Tab")
        try fill(s, "化工")
        try s.keys("Tab")
        try fill(s, "危险化学品", choice: true)
        try s.keys("Tab", "Tab")
        try fill(s, "烟台市福山区测试路1号")
        try s.keys("Tab")
        try fill(s, "张三")
        try s.keys("Tab")
        try fill(s, "李四")
        try s.keys("Tab", "Tab")
        try fill(s, "13805351234")
        try s.keys("Tab")
        try fill(s, "赵六")
        try s.keys("Tab")
        try fill(s, "0535-6688123")
        try s.keys("C-s")
        var screen = try s.waitFor(text: "处需要修改")
        #expect(screen.contains { $0.contains("! 校验码应为 E，实为 A") })
        let enterprisesFile = data.appendingPathComponent(LedgerStore.enterprisesName)
        #expect(try LedgerStore.loadEnterprises(enterprisesFile).0.count == 60)

        // The focus is on the code: put the right check character, save.
        try s.keys("C-u")
        try fill(s, "91370611MA3C7XK84E")
        try s.keys("C-s")
        screen = try s.waitFor(text: "已新增企业：烟台测试新材料有限公司")
        #expect(screen.contains { $0.contains("61/61 家") })
        let saved = try #require(try LedgerStore.loadEnterprises(enterprisesFile).0.first { $0.creditCode == "91370611MA3C7XK84E" })
        #expect(saved.district == "福山区" && saved.category == .hazardousChemicals && saved.supervisors == [Supervisor(name: "赵六", phone: "0535-6688123")])
        #expect(saved.history?.first?.action == .created && saved.history?.first?.by.name == "王丽娟")
        try s.keys("q")
        #expect(try s.exitStatus() == 0)
        session = nil

        let again = try TmuxSession(command: command, environment: environment, width: 80, height: 24)
        try again.started("61/61 家")
        try again.keys("/")
        try again.typeShown("ytcsxc")
        screen = try again.waitFor(text: " 1/61 家")
        #expect(screen.contains { $0.contains("烟台测试新材料有限公司") })
        try again.keys("Enter", "Enter")
        screen = try again.waitFor(text: "修改记录")
        #expect(screen.contains { $0.contains("91370611MA3C7XK84E  [校验通过]") })
        try again.keys("q", "q")
        #expect(try again.exitStatus() == 0)
    }

    @Test func theBlackListIsMarkedInViewsOneToThreeAndARetiredEnterpriseIsHiddenAndMarked() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let session = try TmuxSession(command: "\(anjianBinary) --data \(data.path)",
                                      environment: ["LANG": "zh_CN.UTF-8", "ANJIAN_OPERATOR": "王丽娟"], width: 120, height: 30)
        try session.started()
        // 烟台恒泰精细化工 is on the red list, with visits and hazards: moved to the black list.
        try session.keys("/")
        try session.typeShown("恒泰")
        try session.waitFor(text: " 1/60 家")
        try session.keys("Enter", "Enter")
        try session.waitFor(text: "企业详情")
        try session.keys("b")
        try session.waitFor(text: "诚信红黑榜 · 烟台恒泰精细化工有限公司")
        try session.keys("Right")
        try session.waitFor(text: "< 黑榜! >")
        try session.keys("Tab", "Tab", "Tab", "Tab")
        try session.keys("C-u")
        try session.typeShown("瞒报事故")
        try session.keys("C-s")
        var screen = try session.waitFor(text: "诚信红黑榜变更：烟台恒泰精细化工有限公司")
        #expect(screen.contains { $0.contains("黑榜!") && $0.contains("瞒报事故") })
        try session.keys("1")
        try session.waitFor("the black list in view 1's row") { $0.contains { $0.contains("烟台恒泰精细化工有限公司") && $0.contains("黑榜!") } }
        try session.keys("2")
        try session.waitFor(text: "黑!恒泰")
        try session.keys("3")
        try session.waitFor(text: "黑!烟台恒泰精细化工")
        let file = data.appendingPathComponent(LedgerStore.enterprisesName)
        let listed = try #require(try LedgerStore.loadEnterprises(file).0.first { $0.name == "烟台恒泰精细化工有限公司" })
        #expect(listed.integrity?.status == .black && listed.history?.last?.action == .integrityChanged)

        // Retired from its page: hidden from view 1, which says so; its filters show it, marked.
        try session.keys("1", "Enter")
        try session.waitFor(text: "企业详情")
        try session.keys("x")
        try session.waitFor(text: "退出名录 · 烟台恒泰精细化工有限公司")
        try session.typeShown("搬迁出市")
        try session.keys("C-s")
        screen = try session.waitFor(text: "烟台恒泰精细化工有限公司 〔已退出〕")
        try session.keys("Escape")
        screen = try session.waitFor(text: "另有 1 家已退出（f 显示）")
        #expect(screen.contains { $0.contains("0/60 家") })
        try session.keys("f")
        try session.waitFor(text: "企业列表筛选条件")
        try session.keys("Right", "C-s")
        screen = try session.waitFor(text: "〔已退出〕烟台恒泰")
        #expect(screen.contains { $0.contains("1/60 家") })
        try session.keys("3")
        try session.waitFor(text: "黑!〔退〕烟台恒泰")
        #expect(try LedgerStore.loadEnterprises(file).0.first { $0.name == "烟台恒泰精细化工有限公司" }?.retired?.reason == "搬迁出市")
        try session.keys("q")
        #expect(try session.exitStatus() == 0)
    }
}
