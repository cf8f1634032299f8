import Foundation
import Testing
@testable import AnjianApp
import AnjianModel
import AnjianRuntime
import AnjianScreen
import AnjianText

/// The demo roster with what issue 13 added (today is 2026-11-25): phones and expiry dates, a
/// certificate expiring in 15 days, one expired, a retired inspector, places to avoid, history.
let rosterInspectors: [Inspector] = {
    var roster = demoInspectors
    func change(_ name: String, _ body: (inout Inspector) -> Void) {
        body(&roster[roster.firstIndex { $0.name == name }!])
    }
    change("王丽娟") { $0.phone = "13905356677"; $0.certificateExpires = "2028-06-30" }
    change("刘欣怡") { $0.phone = "0535-6601234"; $0.certificateExpires = "2026-12-10" }
    change("单志刚") { $0.certificateExpires = "2026-10-31" }
    change("解春生") {
        $0.certificateExpires = "2027-03-31"
        $0.retired = RetirementRecord(date: "2026-10-31", reason: "调离执法岗位")
    }
    change("于海波") {
        $0.phone = "13805351234"
        $0.certificateExpires = "2027-12-31"
        $0.avoidDistricts = ["莱州市"]
        $0.history = [
            HistoryEntry(at: "2026-01-05T09:00:00+08:00", by: demoOperator, action: .created, changes: [], note: nil),
            HistoryEntry(at: "2026-11-20T16:45:00+08:00", by: demoOperator, action: .edited, changes: [
                FieldChange(field: "phone", old: "", new: "13805351234"),
                FieldChange(field: "certificateExpires", old: "2026-12-31", new: "2027-12-31"),
                FieldChange(field: "avoidDistricts", old: "", new: "莱州市"),
            ], note: nil),
        ]
    }
    return roster
}()

func rosterState(_ language: Language = .zh, width: Int = 80, height: Int = 24) -> AppState {
    makeState(language, width: width, height: height, inspectors: rosterInspectors)
}

extension AppState {
    var roster: RosterScreen { view(4, as: RosterScreen.self)! }
    var rosterForm: RosterForm? { modal as? RosterForm }
    /// The names listed in view 4, in order.
    var rosterNames: [String] { roster.table.rows.map { ledger.roster.inspectors[$0].name } }

    /// Every line of the inspector's page showing (scrolled or not).
    var inspectorPageText: String {
        (top as? InspectorPageScreen)?.page.lines.map { $0.label + " " + $0.value }.joined(separator: "\n") ?? ""
    }

    /// Opens an inspector's page from view 4 by filtering on the certificate number.
    mutating func openInspectorPage(_ name: String) {
        let number = ledger.roster.inspectors.first { $0.name == name }!.certificateNumber
        press(.character("4"), .escape, .character("/"))
        type(number)
        press(.enter, .enter)
        #expect(route == .inspector(number))
    }

    /// Ctrl-S on the open form, which must ask for a save.
    mutating func savedOperation(sourceLocation: SourceLocation = #_sourceLocation) throws -> StoreOperation {
        let operation = saveForm()
        return try #require(operation, sourceLocation: sourceLocation)
    }

    /// Ctrl-S on the open form; the save's operation, if it asked for one.
    mutating func saveForm() -> StoreOperation? {
        for case .store(let operation) in update(.key(.control("s"))) { return operation }
        return nil
    }
}

extension AppState {
    func updated(_ keys: Key...) -> AppState {
        var state = self
        for key in keys { state.press(key) }
        return state
    }

    func render() -> Screen { AppView.render(self) }
}

@Suite struct RosterScreenTests {
    @Test(arguments: [(Language.zh, 80, 24), (.en, 80, 24), (.zh, 140, 40), (.en, 140, 40)])
    func roster(_ language: Language, _ width: Int, _ height: Int) {
        var state = rosterState(language, width: width, height: height)
        state.press(.character("4"))
        expectScreen(AppView.render(state), named: "roster-\(language)-\(width)x\(height)")
    }

    @Test(arguments: [(Language.zh, 80, 24), (.en, 80, 24), (.zh, 140, 40), (.en, 140, 40)])
    func inspectorPage(_ language: Language, _ width: Int, _ height: Int) {
        var state = rosterState(language, width: width, height: height)
        state.openInspectorPage("于海波")
        expectScreen(AppView.render(state), named: "inspector-page-\(language)-\(width)x\(height)")
    }

    @Test func retiredShownByAKeyAndMarked() {
        var state = rosterState()
        state.press(.character("4"))
        #expect(!state.rosterNames.contains("解春生"))
        #expect(state.rosterNames.count == rosterInspectors.count - 1)
        #expect(rosterState(width: 140, height: 40).updated(.character("4")).render().line(39).contains("16/17 人 · 已退出 1 人未列出"))
        state.press(.character("a"))
        #expect(state.rosterNames.contains("解春生"))
        let screen = AppView.render(state)
        expectScreen(screen, named: "roster-retired-zh-80x24")
        let row = screen.lines().first { $0.contains("解春生") }
        #expect(row?.contains("[已退出] 2026-10-31") == true)
        state.press(.character("a"))
        #expect(!state.rosterNames.contains("解春生"))
    }

    @Test func expiredAndSoonExpiringCertificatesAreMarkedInText() {
        var state = rosterState(.en)
        state.press(.character("4"))
        let lines = AppView.render(state).lines()
        #expect(lines.first { $0.contains("单志刚") }?.contains("2026-10-31 expired!") == true)
        #expect(lines.first { $0.contains("刘欣怡") }?.contains("2026-12-10 15d left!") == true)
        #expect(lines.first { $0.contains("王丽娟") }?.contains("2028-06-30") == true)
        #expect(lines.first { $0.contains("王丽娟") }?.contains("!") == false)
    }

    @Test func theTabBarFitsAt80ColumnsWithTheDemoMark() {
        for language in Language.allCases {
            for view in Registry.views {
                var state = rosterState(language)
                state.press(.character(Character(String(view.id))))
                let title = AppView.render(state).line(0)
                for tab in Registry.views {
                    #expect(title.contains("\(tab.id) \(state.strings[tab.title])"), "\(language) view \(view.id): \(title)")
                }
                #expect(title.contains("[\(state.strings[.demoData])]"), "\(language) view \(view.id): \(title)")
            }
        }
    }

    @Test func filterByPinyinAndSortByExpiry() {
        var state = rosterState()
        state.press(.character("4"), .character("/"))
        state.type("wanglij")
        #expect(state.rosterNames == ["王丽娟"])
        state.press(.escape)
        // The responsible enterprises are searched too: 北岸热力's supervisors.
        state.press(.character("/"))
        state.type("北岸")
        let supervisors = demoEnterprises.first { $0.shortName == "北岸热力" }!.supervisors.map(\.name)
        #expect(Set(state.rosterNames) == Set(supervisors))
        state.press(.escape)
        for _ in 0..<3 where state.roster.table.sortColumn != .expires { state.press(.character("o")) }
        #expect(state.roster.table.sortColumn == .expires)
        let dates = state.roster.table.rows.compactMap { state.ledger.roster.inspectors[$0].certificateExpires }
        #expect(dates == dates.sorted() && dates.count == 4)
    }

    @Test func theResponsibleEnterprisesComeFromTheSupervisorsAndOpen() throws {
        var state = rosterState()
        state.openInspectorPage("单志刚")
        let page = try #require(state.top as? InspectorPageScreen)
        let expected = demoEnterprises.indices.filter { demoEnterprises[$0].supervisors.contains { $0.name == "单志刚" } }
        #expect(page.targets == expected && !expected.isEmpty)
        state.press(.enter)
        #expect(state.route == .enterprise(expected[0]))
        state.press(.escape)
        #expect(state.route == .inspector("37062101074"))
    }
}

@Suite struct RosterFormTests {
    @Test func addAnInspector() throws {
        var state = rosterState()
        state.press(.character("4"), .character("n"))
        #expect(state.rosterForm?.purpose == .new)
        // Nothing typed: the required fields say so, nothing is saved.
        #expect(state.saveForm() == nil)
        #expect(state.openForm?.fields.first { $0.id == "name" }?.error == "必填")
        #expect(state.openForm?.fields.first { $0.id == "certificateNumber" }?.error == "必填")
        state.fill("name", "林晓")
        state.fill("certificateNumber", "37062401999")
        state.fill("unit", "市局执法稽查支队")
        state.fill("phone", "13912345678")
        state.fill("certificateExpires", "+30")
        state.fill("avoidEnterprises", "北岸热力、91370611312686718C")
        let operation = try state.savedOperation()
        guard case .saveInspector(let saved, let base) = operation else { Issue.record("\(operation)"); return }
        #expect(base == nil)
        #expect(saved.name == "林晓" && saved.certificateNumber == "37062401999" && saved.phone == "13912345678")
        #expect(saved.certificateExpires == "2026-12-25")
        let beian = demoEnterprises.first { $0.shortName == "北岸热力" }!.creditCode
        #expect(saved.avoidEnterprises == [beian, "91370611312686718C"])
        #expect(saved.history?.map(\.action) == [.created])
        #expect(saved.history?.first?.by == demoOperator)

        state.succeed([.store(operation)])
        #expect(state.openForm == nil)
        #expect(state.message == "已保存检查人员：林晓")
        #expect(state.ledger.roster.inspectors.last?.name == "林晓")
        #expect(state.roster.selectedInspector == state.ledger.roster.inspectors.count - 1)
        // The visit form's roster offers the new inspector at once.
        #expect(state.ledger.roster.matching("lx").contains { $0.name == "林晓" })
    }

    @Test func aTakenCertificateNumberIsRefusedBesideTheField() {
        var state = rosterState(.en)
        state.press(.character("4"), .character("n"))
        state.fill("name", "林晓")
        state.fill("certificateNumber", "37062301333")
        #expect(state.saveForm() == nil)
        #expect(state.openForm?.fields.first { $0.id == "certificateNumber" }?.error == "certificate number 37062301333 is already on the roster")
    }

    @Test func warningsAreShownAndASecondCtrlSSaves() throws {
        var state = rosterState()
        state.press(.character("4"), .character("n"))
        state.fill("name", "林晓")
        state.fill("certificateNumber", "37062401999")
        state.fill("avoidDistricts", "莱州市、火星区")
        #expect(state.saveForm() == nil)
        let error = try #require(state.openForm?.fields.first { $0.id == "avoidDistricts" }?.error)
        #expect(error.hasPrefix("提醒：") && error.contains("火星区"))
        #expect(state.openForm?.message == Strings(.zh)[.saveWarningsAgain])
        guard case .saveInspector(let saved, nil)? = state.saveForm() else { Issue.record("not saved"); return }
        #expect(saved.avoidDistricts == ["莱州市", "火星区"])
    }

    @Test func anEditRecordsItsChangesAndEscAsksFirst() throws {
        var state = rosterState()
        state.openInspectorPage("刘欣怡")
        state.press(.character("e"))
        let original = rosterInspectors.first { $0.name == "刘欣怡" }!
        #expect(state.rosterForm?.purpose == .edit(original))
        state.fill("certificateExpires", "2029-12-10")
        state.press(.escape)
        #expect(state.openForm?.confirmingDiscard == true)
        state.press(.character("n"))
        #expect(state.openForm?.confirmingDiscard == false && state.openForm != nil)
        let operation = try state.savedOperation()
        guard case .saveInspector(let saved, let base) = operation else { Issue.record("\(operation)"); return }
        #expect(base == original)
        #expect(saved.history?.last?.changes == [FieldChange(field: "certificateExpires", old: "2026-12-10", new: "2029-12-10")])
        state.succeed([.store(operation)])
        // The page shows the change in its history, by the field's label.
        let text = state.inspectorPageText
        #expect(text.contains("有效期至：2026-12-10 -> 2029-12-10"), "\(text)")
    }

    @Test func anEditChangingNothingSavesNothing() {
        var state = rosterState()
        state.openInspectorPage("刘欣怡")
        state.press(.character("e"))
        #expect(state.saveForm() == nil)
        #expect(state.openForm == nil && state.message == "没有修改")
    }

    @Test func retireWithADateAndAReasonThenReinstate() throws {
        var state = rosterState()
        state.openInspectorPage("刘欣怡")
        state.press(.character("r"))
        #expect(state.openForm?.value("date") == "2026-11-25")
        // No reason: refused, beside the field.
        #expect(state.saveForm() == nil)
        #expect(state.openForm?.fields.first { $0.id == "reason" }?.error == Strings(.zh)[.refusalReason])
        state.type("退休")
        let operation = try state.savedOperation()
        guard case .saveInspector(let retired, _) = operation else { Issue.record("\(operation)"); return }
        #expect(retired.retired == RetirementRecord(date: "2026-11-25", reason: "退休"))
        #expect(retired.history?.last?.action == .retired)
        state.succeed([.store(operation)])
        #expect(state.message == "刘欣怡 已退出名录（2026-11-25）")
        var text = state.inspectorPageText
        #expect(text.contains("刘欣怡  [已退出]") && text.contains("已于 2026-11-25 退出名录（退休）"))
        #expect(text.contains("退出日期 设为 2026-11-25"))

        // Back in the list it is hidden now; `a` shows it.
        state.press(.escape)
        #expect(!state.rosterNames.contains("刘欣怡"))

        // Reinstated from its page: the history keeps both steps.
        state.press(.character("a"))
        state.openInspectorPage("刘欣怡")
        state.press(.character("r"))
        #expect(state.openForm?.index(of: "date") == nil)
        let again = try state.savedOperation()
        guard case .saveInspector(let back, _) = again else { return }
        #expect(back.retired == nil && back.history?.suffix(2).map(\.action) == [.retired, .reinstated])
        state.succeed([.store(again)])
        #expect(state.message == "刘欣怡 已恢复名录")
        text = state.inspectorPageText
        #expect(!text.contains("[已退出]") && text.contains("恢复名录"))
    }

    @Test func aFutureRetirementKeepsThemListedUntilThen() throws {
        var state = rosterState()
        state.openInspectorPage("刘欣怡")
        state.press(.character("r"))
        state.fill("date", "2026-12-31")
        state.fill("reason", "退休")
        state.succeed([.store(try state.savedOperation())])
        state.press(.escape)
        #expect(state.rosterNames.contains("刘欣怡"))
    }

    @Test func aReadOnlySessionRefusesTheForms() {
        var state = makeState(readOnly: .notWritable, inspectors: rosterInspectors)
        state.press(.character("4"), .character("n"))
        #expect(state.openForm == nil)
        #expect(state.message?.contains("只读") == true || state.message != nil)
    }

    @Test func aFailedSaveKeepsTheFormAndSaysWhy() throws {
        var state = rosterState()
        state.press(.character("4"), .character("n"))
        state.fill("name", "林晓")
        state.fill("certificateNumber", "37062401999")
        let operation = try state.savedOperation()
        _ = state.update(.stored(.failed(operation, .conflict(path: "/data/inspectors.json", id: "37062401999"))))
        #expect(state.openForm?.value("name") == "林晓")
        #expect(state.openForm?.message?.hasPrefix("保存失败") == true)
        #expect(state.ledger.roster.inspectors.count == rosterInspectors.count)
    }
}

@Suite struct VisitFormRosterTests {
    /// The first enterprise's visit form with the second inspector's name typed.
    func visitForm(typing name: String) -> AppState {
        var state = rosterState()
        state.press(.character("1"), .character("s"))
        state.fill("inspectors[1].name", name)
        return state
    }

    @Test func aRetiredInspectorIsNotOffered() {
        let state = visitForm(typing: "xcs")
        #expect(state.openForm?.suggestions.isEmpty == true)
        // Another whose name matches the same character still is.
        let others = visitForm(typing: "解")
        #expect(others.openForm?.suggestions.map(\.title) == ["解玉洁"])
    }

    @Test func anExpiredCertificateIsMarkedInTheSuggestionsAndRefusedOnSave() throws {
        var state = visitForm(typing: "szg")
        let suggestion = try #require(state.openForm?.suggestions.first { $0.title == "单志刚" })
        #expect(suggestion.detail.contains("执法证已过期"))
        state.press(.enter)
        #expect(state.openForm?.value("inspectors[1].certificateNumber") == "37062101074")
        #expect(state.saveForm() == nil)
        let field = state.openForm?.fields.first { $0.id == "inspectors[1].name" }
        #expect(field?.error == "该检查人员的执法证已于 2026-10-31 到期")
        #expect(state.openForm?.message == "单志刚：该检查人员的执法证已于 2026-10-31 到期")
        #expect(state.openForm?.fields[state.openForm!.focus].id == "inspectors[1].name")
    }

    @Test func aRetiredInspectorTypedByHandIsRefusedNamingTheField() throws {
        var state = visitForm(typing: "解春生")
        // Typed in full: the roster's number is taken on save.
        #expect(state.saveForm() == nil)
        #expect(state.openForm?.fields.first { $0.id == "inspectors[1].name" }?.error
                == "该检查人员已于 2026-10-31 退出名录，不能用于新的检查")
    }

    @Test func anOldVisitKeepsARetiredInspectorsNameAndSavesAnEdit() throws {
        // A visit by 解春生 before he retired.
        var state = rosterState()
        let old = try #require(demoSupervisions.values.flatMap { $0 }.first { $0.inspectors.contains { $0.name == "解春生" } })
        state.openSupervisionPage(old.enterpriseCode, old.id)
        #expect(AppView.render(state).lines().joined().contains("解春生"))
        state.press(.character("e"))
        state.fill("findings", "复查记录补充")
        guard case .saveSupervision(let saved, _)? = state.saveForm() else { Issue.record("refused: \(state.openForm?.message ?? "")"); return }
        #expect(saved.inspectors.contains { $0.name == "解春生" })
    }
}
