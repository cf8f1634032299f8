import Foundation
import Testing
@testable import AnjianApp
import AnjianModel

/// Issue 9's rules for hazards: a closed hazard is closed, a level changes only with a reason,
/// a deadline extension moves forward and is counted.
@Suite struct HazardRuleTests {
    func closedHazard() throws -> Hazard {
        var h = sampleHazard()
        try h.startRectification(by: inspector, at: "t")
        try h.reportRectified(by: inspector, at: "t")
        try h.verifyPassed(verifier: "单志刚", date: "2026-12-01", remark: "", by: inspector, at: "t")
        return h
    }

    @Test func aClosedHazardIsNotEditedUntilReopened() throws {
        let old = try closedHazard()
        var h = old
        h.description = "改写"
        #expect(throws: HazardRefusal.editWhileClosed) { try h.recordEdit(from: old, by: inspector, at: "t") }
        var reopened = old
        try reopened.reopen(reason: "复查发现再次出现", by: inspector, at: "t")
        var edited = reopened
        edited.description = "改写"
        try edited.recordEdit(from: reopened, by: inspector, at: "t")
        #expect(edited.history.last?.action == .edited)
    }

    @Test func aLevelChangeNeedsAReasonAndIsMarkedInTheHistory() throws {
        let old = sampleHazard(level: .major)
        var h = old
        h.level = .general
        #expect(throws: HazardRefusal.reasonRequired) { try h.recordEdit(from: old, reason: " ", by: inspector, at: "t") }
        try h.recordEdit(from: old, reason: "复核后降为一般隐患", by: inspector, at: "t")
        let entry = try #require(h.history.last)
        #expect(entry.action == .levelChanged && entry.note == "复核后降为一般隐患")
        #expect(entry.changes == [FieldChange(field: "level", old: "major", new: "general")])
    }

    @Test func anExtensionMovesForwardFromTodayAndIsCounted() throws {
        var h = sampleHazard()
        h.rectification.deadline = "2026-11-27"
        // Later than the current deadline but not after today.
        #expect(throws: HazardRefusal.deadlineNotAfterToday(new: "2026-12-01", today: "2026-12-01")) {
            try h.extendDeadline(to: "2026-12-01", reason: "x", today: "2026-12-01", by: inspector, at: "t")
        }
        #expect(h.extensionCount == 0)
        try h.extendDeadline(to: "2026-12-20", reason: "设备到货晚", today: "2026-12-01", by: inspector, at: "t")
        try h.extendDeadline(to: "2027-01-20", reason: "再次延期", today: "2026-12-15", by: inspector, at: "t")
        #expect(h.extensionCount == 2)
    }

    @Test func eOnAClosedHazardSaysToReopenFirst() throws {
        var state = makeState()
        let hazard = try #require(demoHazards.keys.sorted().flatMap { demoHazards[$0]! }.first { $0.isClosed })
        state.openHazardPage(hazard)
        state.press(.character("e"))
        #expect(state.hazardForm == nil)
        #expect(state.message == "已验收销号的隐患不能编辑：先按 o 重新打开（须写原因）")
    }

    @Test func theEditFormAsksWhyTheLevelChanged() throws {
        var state = makeState()
        let hazard = try #require(demoHazards.keys.sorted().flatMap { demoHazards[$0]! }.first { $0.level == .major && !$0.isClosed })
        state.openHazardPage(hazard)
        state.press(.character("e"))
        state.focusField("level")
        state.press(.left)
        #expect(state.update(.key(.control("s"))).isEmpty)
        let form = try #require(state.hazardForm?.form)
        #expect(form.fields.first { $0.id == "levelReason" }?.error == "须填写原因")
        #expect(form.fields.first { $0.id == "levelReason" }?.label.hasSuffix("*") == true)
        state.fill("levelReason", "复核后降为一般隐患")
        guard case .store(.saveHazard(let saved, _, _))? = state.update(.key(.control("s"))).first else {
            Issue.record("not saved: \(state.hazardForm?.form.message ?? "")")
            return
        }
        #expect(saved.level == .general && saved.history.last?.action == .levelChanged)
        #expect(saved.history.last?.note == "复核后降为一般隐患")
    }

    @Test func tRefusesADeadlineNotAfterTodayAndThePageCountsExtensions() throws {
        var state = makeState()  // today 2026-11-25
        let hazard = try #require(demoHazards.keys.sorted().flatMap { demoHazards[$0]! }
            .first { $0.allows(.deadlineExtended) && $0.rectification.deadline < "2026-11-20" })
        state.openHazardPage(hazard)
        state.press(.character("t"))
        state.fill("deadline", "2026-11-20")
        state.fill("note", "设备到货晚")
        #expect(state.update(.key(.control("s"))).isEmpty)
        #expect(state.hazardForm?.form.fields.first { $0.id == "deadline" }?.error == "新期限 2026-11-20 须晚于今天 2026-11-25")
        state.fill("deadline", "2026-12-20")
        let effects = state.update(.key(.control("s")))
        state.succeed(effects)
        let lines = try #require(state.top as? HazardPageScreen).page.lines.map(\.value)
        let deadline = try #require(lines.firstIndex(of: "2026-12-20"))
        #expect(lines[deadline + 1] == "延期 \(hazard.extensionCount + 1) 次")
    }

    @Test func hOnAVisitProposesTheVisitsDateAndInspectors() throws {
        var state = makeState()
        let code = try #require(demoSupervisions.keys.sorted().first)
        let visit = try #require(state.ledger.supervisionEntries(of: code).first { $0.date < state.today })
        state.openSupervisionPage(code, visit.id)
        state.press(.character("h"))
        let form = try #require(state.hazardForm?.form)
        #expect(form.value("discoveredOn") == visit.date)
        #expect(form.value("foundBy") == visit.inspectors.map(\.name).joined(separator: "、"))
        #expect(form.value("foundBy").split(separator: "、").count == visit.inspectors.count)
        #expect(state.hazardForm?.supervisionID == visit.id)
    }
}
