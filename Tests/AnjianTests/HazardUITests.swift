import Foundation
import Testing
@testable import AnjianApp
import AnjianModel
import AnjianRuntime
import AnjianScreen
import AnjianStore
import AnjianText

/// A demo hazard with history beyond its creation, for the page screens.
let steppedHazard: Hazard = demoHazards.keys.sorted().flatMap { demoHazards[$0]! }.first { $0.history.count >= 4 }!
let majorHazard: Hazard = demoHazards.keys.sorted().flatMap { demoHazards[$0]! }.first { $0.level == .major }!

@Suite struct HazardFlowTests {
    @Test func newHazardOpensOnTheDescriptionAndADescriptionIsEnough() throws {
        var state = makeState()
        state.press(.character("h"))
        let form = try #require(state.hazardForm?.form)
        #expect(form.fields[form.focus].id == "description")
        #expect(form.value("discoveredOn") == "2026-11-25" && form.value("foundBy") == "王丽娟")
        #expect(form.value("rectification.deadline") == "2026-12-25")
        #expect(form.value("rectification.responsible") == demoEnterprises[state.selectedEnterprise!].safetyResponsible.name)
        state.type("二楼配电箱未接地")
        guard case .store(.saveHazard(let hazard, _, _))? = state.update(.key(.control("s"))).first else {
            Issue.record("not saved: \(state.hazardForm?.form.message ?? "")")
            return
        }
        #expect(hazard.validate().isEmpty && hazard.status == .registered)
        // The next free number of the enterprise's year, after those the ledger holds.
        let code = demoEnterprises[state.selectedEnterprise!].creditCode
        let taken = (demoHazards[code] ?? []).filter { $0.number.hasPrefix("YH-2026-") }.count
        #expect(hazard.number == "YH-2026-\(code.suffix(6))-" + String(format: "%03d", taken + 1))
        #expect(hazard.history.first?.action == .created && hazard.history.first?.by == demoOperator)
        state.succeed(hazard)
        #expect(state.hazardForm == nil)
        #expect(state.ledger.hazardEntries(of: hazard.enterpriseCode).contains(hazard))
        state.press(.character("2"))
        #expect(state.hazardList.rows.contains { state.hazardDirectory.records[$0].hazard.id == hazard.id })
    }

    @Test func switchingToMajorMakesTheFiveItemsRequired() throws {
        var state = makeState()
        state.press(.character("h"))
        state.type("液氨管道阀门泄漏")
        state.focusField("level")
        state.press(.right)
        #expect(state.hazardForm?.form.fields.first { $0.id == "rectification.funds" }?.label.hasSuffix("*") == true)
        #expect(state.update(.key(.control("s"))).isEmpty)
        let form = try #require(state.hazardForm?.form)
        for id in HazardForm.majorOnly {
            #expect(form.fields[form.index(of: id)!].error == "重大隐患必填（六定）")
        }
        state.focusField("level")
        state.press(.left)
        #expect(state.hazardForm?.form.fields.first { $0.id == "rectification.funds" }?.label.hasSuffix("*") == false)
    }

    @Test func stepsOnThePageAndRefusalsSayWhy() throws {
        var state = makeState()
        let hazard = try #require(demoHazards.values.joined().first { $0.status == .registered })
        state.openHazardPage(hazard)
        state.press(.character("v"))
        #expect(state.hazardForm == nil)
        #expect(state.message == "“已登记”状态下不能验收通过并销号")
        state.press(.character("r"))
        guard case .store(.saveHazard(let started, _, _))? = state.update(.key(.control("s"))).first else {
            Issue.record("r did not start the rectification")
            return
        }
        #expect(started.status == .rectifying)
        state.succeed(started)
        state.press(.character("c"))
        guard case .store(.saveHazard(let reported, _, _))? = state.update(.key(.control("s"))).first else { return }
        state.succeed(reported)
        state.press(.character("x"))
        #expect(state.hazardForm?.form.fields[state.hazardForm!.form.focus].id == "note")
        #expect(state.update(.key(.control("s"))).isEmpty)  // a failed verification needs its reason
        #expect(state.hazardForm?.form.message == "须填写原因")
        state.type("接地线截面不足")
        guard case .store(.saveHazard(let failed, _, _))? = state.update(.key(.control("s"))).first else { return }
        #expect(failed.status == .rectifying && failed.history.last?.note == "接地线截面不足")
    }

    @Test func anExtensionDefaultsToAPeriodFromTodayForAnOverdueHazard() throws {
        var state = makeState()
        let overdue = try #require(demoHazards.values.joined().first { $0.isRectificationOverdue(today: "2026-11-25") })
        state.openHazardPage(overdue)
        state.press(.character("t"))
        #expect(state.hazardForm?.form.value("deadline") == "2026-12-25")
        state.type("配件延迟到货")
        guard case .store(.saveHazard(let extended, _, _))? = state.update(.key(.control("s"))).first else {
            Issue.record("not saved: \(state.hazardForm?.form.message ?? "")")
            return
        }
        #expect(extended.rectification.deadline == "2026-12-25" && !extended.isRectificationOverdue(today: "2026-11-25"))
        #expect(extended.history.last?.changes.first?.old == overdue.rectification.deadline)
    }

    @Test func anEditCannotMoveTheDeadline() throws {
        var state = makeState()
        let hazard = try #require(demoHazards.values.joined().first { $0.status == .registered })
        state.openHazardPage(hazard)
        state.press(.character("e"))
        state.fill("rectification.deadline", "2027-06-30")
        #expect(state.update(.key(.control("s"))).isEmpty)
        #expect(state.hazardForm?.form.message == "整改期限只能用 t 延期（须写原因）")
        state.fill("rectification.deadline", hazard.rectification.deadline)
        state.fill("location", "三楼配电室")
        guard case .store(.saveHazard(let edited, _, _))? = state.update(.key(.control("s"))).first else { return }
        #expect(edited.history.last?.changes == [FieldChange(field: "location", old: hazard.location, new: "三楼配电室")])
    }

    @Test func aVerificationDatedInTheFutureIsRefused() throws {
        var state = makeState()
        let hazard = try #require(demoHazards.values.joined().first { $0.status == .rectified })
        state.openHazardPage(hazard)
        state.press(.character("v"))
        state.fill("date", "2026-12-31")
        #expect(state.update(.key(.control("s"))).isEmpty)
        #expect(state.hazardForm?.form.message == "日期 2026-12-31 晚于今天")
    }

    @Test func aHazardFoundOnAVisitIsListedOnTheEntryToo() throws {
        var state = makeState()
        let (code, entry, effects) = try state.registerHazardOnAVisit("消防栓水压不足")
        // One store operation writes both files, or neither.
        guard effects.count == 1, case .store(.saveHazard(let hazard, _, let link?)) = effects[0] else {
            Issue.record("expected a hazard and its entry to be saved together: \(effects)")
            return
        }
        #expect(hazard.supervisionID == entry.id)
        #expect(link.entry.hazardIDs == [hazard.id])
        // The visit said 未发现问题: with a hazard on it, it now says 责令整改, and its history shows both changes.
        #expect(entry.conclusion == .noProblem && link.entry.conclusion == .rectificationOrdered)
        #expect(link.entry.history.last?.changes.map(\.field) == ["conclusion", "hazardIDs"])
        #expect(link.base == entry)
        state.succeed(effects)
        #expect(state.message?.contains(hazard.number) == true)
        #expect(state.ledger.supervisionEntry(code, entry.id)?.hazardIDs == [hazard.id])
        let page = (state.top as! SupervisionPageScreen).page.lines.map(\.value).joined()
        #expect(page.contains(hazard.number))
    }

    @Test func filtersCombine() {
        var state = makeState()
        state.press(.character("2"))
        let all = state.hazardList.rows.count
        state.chooseHazardFilters(status: 1, overdue: 1)  // open, rectification overdue
        let openOverdue = state.hazardList.rows.map { state.hazardDirectory.records[$0].hazard }
        #expect(!openOverdue.isEmpty && openOverdue.count < all)
        #expect(openOverdue.allSatisfy { !$0.isClosed && $0.isRectificationOverdue(today: "2026-11-25") })
        state.chooseHazardFilters(status: 1, overdue: 1, district: 1 + District.all.firstIndex { $0.name == "芝罘区" }!)
        #expect(state.hazardList.criteria == HazardCriteria(status: .open, overdue: .rectificationOverdue, district: "芝罘区"))
        #expect(state.hazardList.rows.allSatisfy { demoEnterprises[state.hazardDirectory.records[$0].enterprise].district == "芝罘区" })
        state.press(.character("/"))
        state.type("pdx")  // 配电箱 by pinyin initials
        #expect(state.hazardList.rows.allSatisfy { state.hazardDirectory.records[$0].hazard.description.contains("配电箱") })
        state.press(.escape, .character("F"))
        #expect(state.hazardList.rows.count == all)
    }

    @Test func sortingByEnterpriseFollowsPinyinOrder() {
        var state = makeState()
        state.press(.character("2"))
        state.sortHazards(by: .enterprise, ascending: true)
        // The column shows the short name, and sorts by it.
        let names = state.hazardList.rows.map { demoEnterprises[state.hazardDirectory.records[$0].enterprise].shortName }
        let zh = Locale(identifier: "zh_CN")
        #expect(names == names.sorted { $0.compare($1, locale: zh) != .orderedDescending })
    }

    @Test func filteredRowsKeepTheSortOrder() {
        var state = makeState()
        state.press(.character("2"), .character("O"))  // deadline, latest first
        state.press(.character("/"))
        for character in "pd" {
            state.press(.character(character))
            let deadlines = state.hazardList.rows.map { state.hazardDirectory.records[$0].hazard.rectification.deadline }
            #expect(!deadlines.isEmpty && deadlines == deadlines.sorted(by: >))
        }
        state.press(.backspace)
        let deadlines = state.hazardList.rows.map { state.hazardDirectory.records[$0].hazard.rectification.deadline }
        #expect(deadlines == deadlines.sorted(by: >) && deadlines.count > 1)
    }

    @Test func theFiltersFormSetsTheCriteria() {
        var state = makeState()
        state.press(.character("2"), .character("f"))
        state.press(.right)            // status: open
        state.press(.tab, .right, .right)  // level: major
        _ = state.update(.key(.control("s")))
        #expect(state.hazardList.criteria.status == .open && state.hazardList.criteria.level == .major)
        #expect(state.hazardList.rows.allSatisfy { state.hazardDirectory.records[$0].hazard.level == .major })
    }
}

/// A history value is shown by its field's type, not guessed from what it reads like.
@Suite struct HazardHistoryTests {
    @Test func aLocationReadingLikeACategoryStaysText() throws {
        var state = makeState()
        // An open one: a closed hazard is not edited.
        var hazard = try #require(demoHazards.keys.sorted().flatMap { demoHazards[$0]! }.first { !$0.isClosed })
        hazard.location = "二楼"
        hazard.category = .fire
        let old = hazard
        hazard.location = "other"
        hazard.category = .other
        try hazard.recordEdit(from: old, by: demoOperator, at: "2026-11-25T10:00:00+08:00")
        state.succeed(hazard)
        state.openHazardPage(hazard)
        let values = (state.top as! HazardPageScreen).page.lines.map(\.value)
        #expect(values.contains("  隐患部位：二楼 -> other"))
        #expect(values.contains("  隐患类别：消防 -> 其他"))
    }

    @Test func everyEnumFieldByItsLabelAndOtherwiseText() {
        let s = Strings(.en)
        #expect(s.historyValue("major", field: "level") == "major")
        #expect(s.historyValue("closed", field: "status") == "closed")
        #expect(s.historyValue("recheck", field: "kind") == "re-check")
        #expect(s.historyValue("caseFiled", field: "conclusion") == "case filed")
        #expect(s.historyValue("recheck", field: "findings") == "recheck")
        #expect(s.historyValue("", field: "location") == "-")
        #expect(s.historyValue("a\nb", field: "description") == "a / b")
        #expect(s.fieldLabel("inspectors[1].certificateNumber") == "Inspector 2 Certificate")
        #expect(s.fieldLabel("rectification.deadline") == "Deadline")
    }
}

@Suite struct HazardScreenTests {
    static let sizes = [(Language.zh, 80, 24), (.en, 80, 24), (.zh, 140, 40), (.en, 140, 40)]

    @Test(arguments: sizes)
    func hazardForm(_ language: Language, _ width: Int, _ height: Int) {
        var state = makeState(language, width: width, height: height)
        state.press(.character("h"))
        state.type("二楼配电箱未可靠接地")
        expectScreen(AppView.render(state), named: "hazard-form-\(language)-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func hazardPageWithHistory(_ language: Language, _ width: Int, _ height: Int) {
        var state = makeState(language, width: width, height: height)
        state.openHazardPage(steppedHazard)
        expectScreen(AppView.render(state), named: "hazard-page-\(language)-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func ledgerWithFilters(_ language: Language, _ width: Int, _ height: Int) {
        var state = makeState(language, width: width, height: height)
        state.press(.character("2"))
        state.chooseHazardFilters(status: 1)
        state.sortHazards(by: .overdue, ascending: false)
        expectScreen(AppView.render(state), named: "hazards-open-\(language)-\(width)x\(height)")
    }

    @Test func majorHazardPage() {
        var state = makeState(.zh, width: 100, height: 40)
        state.openHazardPage(majorHazard)
        expectScreen(AppView.render(state), named: "hazard-page-major-zh-100x40")
    }

    /// Overdue and major are marked by text, not only colour.
    @Test func markersWithoutColour() {
        var state = makeState(.zh, width: 140, height: 40, color: false)
        state.press(.character("2"))
        let text = AppView.render(state).text
        #expect(text.contains("逾") && text.contains("天!"))
        #expect(text.contains("重大隐患!"))
    }
}
