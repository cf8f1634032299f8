import Foundation
import Testing
@testable import AnjianModel

let inspector = Operator(name: "王丽娟", certificateNumber: "37062301333")

func sampleHazard(level: HazardLevel = .general) -> Hazard {
    var hazard = Hazard(id: "h1", number: "YH-2026-53906K-001", enterpriseCode: "91370602469653906K",
                        discoveredOn: "2026-11-25", foundBy: "王丽娟", location: "二楼配电室",
                        description: "配电箱未接地", category: .electrical, level: level,
                        rectification: Rectification(responsible: "滕磊", deadline: "2026-12-25"))
    hazard.created(by: inspector, at: "2026-11-25T14:30:00+08:00")
    return hazard
}

@Suite struct HazardLifecycleTests {
    @Test func theWholeWayToClosed() throws {
        var h = sampleHazard()
        #expect(h.status == .registered)
        try h.startRectification(by: inspector, at: "t1")
        #expect(h.status == .rectifying)
        try h.reportRectified(by: inspector, at: "t2")
        #expect(h.status == .rectified)
        try h.verifyPassed(verifier: "单志刚", date: "2026-12-20", remark: "已整改到位", by: inspector, at: "t3")
        #expect(h.status == .closed && h.closedOn == "2026-12-20")
        #expect(h.verifications == [Verification(verifier: "单志刚", date: "2026-12-20", passed: true, remark: "已整改到位")])
        #expect(h.history.map(\.action) == [.created, .rectificationStarted, .reportedRectified, .verifiedPassed])
        #expect(h.history[1].changes.first == FieldChange(field: "status", old: "registered", new: "rectifying"))
        #expect(h.history.allSatisfy { $0.by == inspector })
    }

    /// The offered steps and the steps the model performs come from one table: in every
    /// state, a step is offered exactly when performing it is not refused for the state.
    @Test func offeredStepsAreThePerformableOnes() throws {
        func perform(_ step: HistoryEntry.Action, on hazard: Hazard) -> Bool {
            var h = hazard
            do {
                switch step {
                case .rectificationStarted: try h.startRectification(by: inspector, at: "t")
                case .reportedRectified: try h.reportRectified(by: inspector, at: "t")
                case .verifiedPassed: try h.verifyPassed(verifier: "单志刚", date: "2026-12-01", remark: "", by: inspector, at: "t")
                case .verificationFailed: try h.verifyFailed(verifier: "单志刚", date: "2026-12-01", reason: "x", by: inspector, at: "t")
                case .reopened: try h.reopen(reason: "复发", by: inspector, at: "t")
                case .deadlineExtended: try h.extendDeadline(to: "2027-01-31", reason: "设备到货晚", today: "2026-11-25", by: inspector, at: "t")
                default: return false
                }
                return true
            } catch { return false }
        }
        var h = sampleHazard()
        var seen: [HazardStatus: [HistoryEntry.Action]] = [:]
        for next in [HistoryEntry.Action.rectificationStarted, .reportedRectified, .verifiedPassed, .reopened] {
            seen[h.status] = h.allowedSteps
            #expect(HistoryEntry.Action.steps.filter { perform($0, on: h) } == h.allowedSteps, "\(h.status)")
            #expect(perform(next, on: h))
            switch next {
            case .rectificationStarted: try h.startRectification(by: inspector, at: "t")
            case .reportedRectified: try h.reportRectified(by: inspector, at: "t")
            case .verifiedPassed: try h.verifyPassed(verifier: "单志刚", date: "2026-12-01", remark: "", by: inspector, at: "t")
            default: try h.reopen(reason: "复发", by: inspector, at: "t")
            }
        }
        #expect(seen[.registered] == [.rectificationStarted, .deadlineExtended])
        #expect(seen[.rectifying] == [.reportedRectified, .deadlineExtended])
        #expect(seen[.rectified] == [.verifiedPassed, .verificationFailed, .deadlineExtended])
        #expect(seen[.closed] == [.reopened])
    }

    @Test func supervisionIDsAreNumberedPerEnterpriseAndDay() {
        let entry = SupervisionEntry(id: "", enterpriseCode: "91370602469653906K", date: "2026-11-25", time: "09:00",
                                     kind: .routine, inspectors: [], accompanying: ContactPerson(name: "", position: "", phone: ""))
        #expect(SupervisionEntry.newID(for: entry, taken: []) == "S-53906K-20261125-1")
        #expect(SupervisionEntry.newID(for: entry, taken: ["S-53906K-20261125-1", "S-53906K-20261125-2"]) == "S-53906K-20261125-3")
    }

    @Test func everyRefusedTransition() {
        var h = sampleHazard()
        #expect(throws: HazardRefusal.notAllowed(from: .registered, action: .reportedRectified)) { try h.reportRectified(by: inspector, at: "t") }
        #expect(throws: HazardRefusal.notAllowed(from: .registered, action: .verifiedPassed)) {
            try h.verifyPassed(verifier: "单志刚", date: "2026-12-01", remark: "", by: inspector, at: "t")
        }
        #expect(throws: HazardRefusal.notAllowed(from: .registered, action: .verificationFailed)) {
            try h.verifyFailed(verifier: "单志刚", date: "2026-12-01", reason: "x", by: inspector, at: "t")
        }
        #expect(throws: HazardRefusal.notAllowed(from: .registered, action: .reopened)) { try h.reopen(reason: "x", by: inspector, at: "t") }
        try? h.startRectification(by: inspector, at: "t")
        #expect(throws: HazardRefusal.notAllowed(from: .rectifying, action: .rectificationStarted)) { try h.startRectification(by: inspector, at: "t") }
        #expect(throws: HazardRefusal.notAllowed(from: .rectifying, action: .verifiedPassed)) {
            try h.verifyPassed(verifier: "单志刚", date: "2026-12-01", remark: "", by: inspector, at: "t")
        }
        try? h.reportRectified(by: inspector, at: "t")
        #expect(throws: HazardRefusal.notAllowed(from: .rectified, action: .reportedRectified)) { try h.reportRectified(by: inspector, at: "t") }
        try? h.verifyPassed(verifier: "单志刚", date: "2026-12-01", remark: "", by: inspector, at: "t")
        #expect(h.status == .closed)
        #expect(throws: HazardRefusal.notAllowed(from: .closed, action: .rectificationStarted)) { try h.startRectification(by: inspector, at: "t") }
        #expect(throws: HazardRefusal.notAllowed(from: .closed, action: .deadlineExtended)) {
            try h.extendDeadline(to: "2027-01-31", reason: "x", today: "2026-11-25", by: inspector, at: "t")
        }
        let historyLength = h.history.count
        #expect(historyLength == 4)  // refusals leave no trace
    }

    @Test func noClosingWithoutANamedVerifierAndADate() throws {
        var h = sampleHazard()
        try h.startRectification(by: inspector, at: "t")
        try h.reportRectified(by: inspector, at: "t")
        #expect(throws: HazardRefusal.verifierRequired) { try h.verifyPassed(verifier: " ", date: "2026-12-01", remark: "", by: inspector, at: "t") }
        #expect(throws: HazardRefusal.invalidDate("2026-13-01")) {
            try h.verifyPassed(verifier: "单志刚", date: "2026-13-01", remark: "", by: inspector, at: "t")
        }
        #expect(h.status == .rectified)
    }

    @Test func aVerificationCannotPrecedeTheDiscovery() throws {
        var h = sampleHazard()
        try h.startRectification(by: inspector, at: "t")
        try h.reportRectified(by: inspector, at: "t")
        #expect(throws: HazardRefusal.dateBeforeDiscovery(date: "2026-01-01", discovered: "2026-11-25")) {
            try h.verifyPassed(verifier: "单志刚", date: "2026-01-01", remark: "", by: inspector, at: "t")
        }
        #expect(h.status == .rectified)
    }

    @Test func storedStatesMustHoldTogether() throws {
        var h = sampleHazard()
        #expect(h.consistencyIssues().isEmpty)
        try h.startRectification(by: inspector, at: "t")
        try h.reportRectified(by: inspector, at: "t")
        try h.verifyPassed(verifier: "单志刚", date: "2026-12-01", remark: "", by: inspector, at: "t")
        #expect(h.consistencyIssues().isEmpty)
        // A hand-edited file: closed without its verification.
        let json = String(decoding: try JSONEncoder().encode(h), as: UTF8.self)
            .replacingOccurrences(of: "\"passed\":true", with: "\"passed\":false")
        let edited = try JSONDecoder().decode(Hazard.self, from: Data(json.utf8))
        #expect(edited.consistencyIssues().map(\.field) == ["verifications"])
    }

    @Test func failedVerificationGoesBackToRectifyingWithTheReason() throws {
        var h = sampleHazard()
        try h.startRectification(by: inspector, at: "t")
        try h.reportRectified(by: inspector, at: "t")
        #expect(throws: HazardRefusal.reasonRequired) { try h.verifyFailed(verifier: "单志刚", date: "2026-12-01", reason: "", by: inspector, at: "t") }
        try h.verifyFailed(verifier: "单志刚", date: "2026-12-01", reason: "接地线截面不足", by: inspector, at: "t")
        #expect(h.status == .rectifying)
        #expect(h.history.last?.action == .verificationFailed && h.history.last?.note == "接地线截面不足")
        #expect(h.verifications.last?.passed == false)
    }

    @Test func reopenNeedsAReason() throws {
        var h = sampleHazard()
        try h.startRectification(by: inspector, at: "t")
        try h.reportRectified(by: inspector, at: "t")
        try h.verifyPassed(verifier: "单志刚", date: "2026-12-01", remark: "", by: inspector, at: "t")
        #expect(throws: HazardRefusal.reasonRequired) { try h.reopen(reason: "  ", by: inspector, at: "t") }
        try h.reopen(reason: "复查发现再次出现", by: inspector, at: "t")
        #expect(h.status == .rectifying && h.closedOn == nil)
        #expect(h.history.last?.note == "复查发现再次出现")
    }

    @Test func deadlineExtensionKeepsTheOldDeadlineInTheHistory() throws {
        var h = sampleHazard()
        #expect(throws: HazardRefusal.reasonRequired) { try h.extendDeadline(to: "2027-01-31", reason: "", today: "2026-11-25", by: inspector, at: "t") }
        #expect(throws: HazardRefusal.deadlineNotLater(old: "2026-12-25", new: "2026-12-01")) {
            try h.extendDeadline(to: "2026-12-01", reason: "x", today: "2026-11-25", by: inspector, at: "t")
        }
        try h.extendDeadline(to: "2027-01-31", reason: "设备到货延迟", today: "2026-11-25", by: inspector, at: "t")
        #expect(h.rectification.deadline == "2027-01-31")
        #expect(h.history.last?.changes == [FieldChange(field: "rectification.deadline", old: "2026-12-25", new: "2027-01-31")])
        #expect(h.history.last?.note == "设备到货延迟")
    }

    @Test func rectificationOverdueAtTheDeadlinesBoundary() throws {
        var h = sampleHazard()
        #expect(!h.isRectificationOverdue(today: "2026-12-24"))
        #expect(!h.isRectificationOverdue(today: "2026-12-25"))  // the deadline day itself
        #expect(h.isRectificationOverdue(today: "2026-12-26"))
        #expect(h.rectificationDaysOverdue(today: "2026-12-26") == 1)
        #expect(h.rectificationDaysOverdue(today: "2027-01-05") == 11)
        try h.startRectification(by: inspector, at: "2026-12-01T09:00:00+08:00")
        #expect(h.isRectificationOverdue(today: "2027-01-05"))  // rectifying still owes it
        try h.reportRectified(by: inspector, at: "2026-12-20T09:00:00+08:00")
        // Reported rectified before the deadline: the wait is the bureau's, not the enterprise's.
        #expect(!h.isRectificationOverdue(today: "2027-01-05") && h.rectificationDaysOverdue(today: "2027-01-05") == 0)
        try h.verifyPassed(verifier: "单志刚", date: "2027-01-05", remark: "", by: inspector, at: "t")
        #expect(!h.isRectificationOverdue(today: "2027-01-05") && h.rectificationDaysOverdue(today: "2027-02-01") == 0)
    }

    @Test func majorHazardsNeedAllFiveRectificationItems() {
        var h = sampleHazard(level: .major)
        #expect(Set(h.validate().map(\.field)) == ["rectification.measures", "rectification.funds", "rectification.contingencyPlan",
                                                  "rectification.rechecker"])
        #expect(h.validate().allSatisfy { $0.problem == .requiredForMajorHazard })
        h.rectification.measures = "更换配电箱并可靠接地"
        h.rectification.funds = "2.5 万元"
        h.rectification.contingencyPlan = "停电检修，设置警戒"
        h.rectification.rechecker = "孙建军"
        #expect(h.validate().isEmpty)
        #expect(sampleHazard().validate().isEmpty)  // a general hazard needs only responsible person and deadline
        var general = sampleHazard()
        general.rectification.responsible = ""
        general.rectification.deadline = "2026-11-01"
        #expect(Set(general.validate().map(\.field)) == ["rectification.responsible", "rectification.deadline"])
    }

    @Test func editsAreRecordedFieldByField() throws {
        let old = sampleHazard()
        var h = old
        h.location = "三楼配电室"
        h.level = .major
        try h.recordEdit(from: old, reason: "复核为重大隐患", by: inspector, at: "t")
        #expect(h.history.last?.changes == [FieldChange(field: "location", old: "二楼配电室", new: "三楼配电室"),
                                            FieldChange(field: "level", old: "general", new: "major")])
    }

    @Test func numbersAreUniqueAndSortable() {
        var taken: Set<String> = []
        for _ in 0..<12 {
            taken.insert(Hazard.nextNumber(year: "2026", enterpriseCode: "91370602469653906K", taken: taken))
        }
        #expect(taken.count == 12)
        #expect(taken.sorted().first == "YH-2026-53906K-001" && taken.sorted().last == "YH-2026-53906K-012")
        #expect(Hazard.nextNumber(year: "2026", enterpriseCode: "91370602469653906K", taken: ["YH-2026-53906K-001"]) == "YH-2026-53906K-002")
    }

    @Test func calendarDays() {
        #expect(CalendarDate.days(from: "2026-12-31", to: "2027-01-01") == 1)
        #expect(CalendarDate.days(from: "2024-02-28", to: "2024-03-01") == 2)
        #expect(CalendarDate.days(from: "2026-11-25", to: "2026-11-25") == 0)
        #expect(CalendarDate.days(from: "2026-11-25", to: "2026-10-26") == -30)
    }
}
