import Foundation
import Testing
@testable import AnjianModel

/// A history time on a day, as the steps record it.
func stepTime(_ day: String) -> String { day + "T09:00:00+08:00" }

/// A hazard found on `found` with `deadline`, taken through the steps given by their days.
func figureHazard(found: String = "2026-11-01", deadline: String, level: HazardLevel = .general, started: String? = nil,
                   reported: String? = nil, closed: String? = nil, extendedTo: String? = nil) throws -> Hazard {
    var h = sampleHazard(level: level)
    h.discoveredOn = found
    h.rectification.deadline = deadline
    if let extendedTo { try h.extendDeadline(to: extendedTo, reason: "配件延迟到货", today: found, by: inspector, at: stepTime(found)) }
    if let day = started ?? reported ?? closed { try h.startRectification(by: inspector, at: stepTime(day)) }
    if let day = reported ?? closed { try h.reportRectified(by: inspector, at: stepTime(day)) }
    if let closed {
        try h.verifyPassed(verifiers: [InspectorRef(name: "单志刚", certificateNumber: "37060201001"), inspector], date: closed,
                           remark: "整改到位", by: inspector, at: stepTime(closed))
    }
    return h
}

/// The figures of issue 9, each at its edges. Today is given, as the app's clock gives it.
@Suite struct HazardFigureTests {
    let n = Hazard.defaultVerificationDays

    @Test func theDefaultReCheckPeriodIsTenDays() {
        #expect(Hazard.defaultVerificationDays == 10 && Hazard.dueSoonDays == 7)
    }

    /// The case: reported rectified on 09-20, before its 10-05 deadline, is the bureau's backlog on 11-25.
    @Test func reportedBeforeTheDeadlineIsVerificationOverdueNotRectificationOverdue() throws {
        let h = try figureHazard(found: "2026-09-05", deadline: "2026-10-05", started: "2026-09-07", reported: "2026-09-20")
        #expect(!h.isRectificationOverdue(today: "2026-11-25") && h.rectificationDaysOverdue(today: "2026-11-25") == 0)
        #expect(h.reportedRectifiedOn == "2026-09-20")
        #expect(h.timing(today: "2026-11-25", verificationDays: n) == .verificationOverdue(days: 56))
    }

    @Test func rectificationOverdueFromTheDayAfterTheDeadline() throws {
        let h = try figureHazard(deadline: "2026-11-25", started: "2026-11-02")
        #expect(h.timing(today: "2026-11-25", verificationDays: n) == .dueSoon(daysLeft: 0))  // the deadline today
        #expect(h.timing(today: "2026-11-26", verificationDays: n) == .rectificationOverdue(days: 1))
        #expect(!h.isVerificationOverdue(today: "2026-12-31", verificationDays: n))
    }

    @Test func verificationOverdueFromTheDayAfterThePeriod() throws {
        let h = try figureHazard(deadline: "2026-12-31", reported: "2026-11-15")
        #expect(h.timing(today: "2026-11-25", verificationDays: n) == nil)  // the report exactly 10 days ago
        #expect(h.timing(today: "2026-11-26", verificationDays: n) == .verificationOverdue(days: 1))
        // The period is a setting: the caller's, not a constant inside.
        #expect(h.timing(today: "2026-11-25", verificationDays: 5) == .verificationOverdue(days: 5))
        // Past the deadline, awaiting verification within the period: nothing owed by the enterprise yet.
        #expect(h.timing(today: "2027-01-01", verificationDays: 60) == nil)
    }

    @Test func aFailedVerificationRestartsTheClocksFromTheLatestReport() throws {
        var h = try figureHazard(deadline: "2026-11-20", reported: "2026-11-01")
        try h.verifyFailed(verifier: "单志刚", date: "2026-11-05", reason: "接地线截面不足", by: inspector, at: stepTime("2026-11-05"))
        #expect(h.timing(today: "2026-11-25", verificationDays: n) == .rectificationOverdue(days: 5))
        try h.reportRectified(by: inspector, at: stepTime("2026-11-24"))
        #expect(h.reportedRectifiedOn == "2026-11-24" && h.timing(today: "2026-11-25", verificationDays: n) == nil)
    }

    @Test func dueWithinSevenDaysWhileTheRectificationIsOwed() throws {
        let h = try figureHazard(deadline: "2026-12-02")
        #expect(h.timing(today: "2026-11-24", verificationDays: n) == nil)  // 8 days left
        #expect(h.timing(today: "2026-11-25", verificationDays: n) == .dueSoon(daysLeft: 7))
        #expect(h.isDueSoon(today: "2026-12-02") && !h.isDueSoon(today: "2026-12-03"))
        let reported = try figureHazard(deadline: "2026-12-02", reported: "2026-11-24")
        #expect(!reported.isDueSoon(today: "2026-11-25"))  // reported rectified: no longer due
    }

    @Test func closedOnTheDeadlineIsOnTimeADayAfterIsLate() throws {
        let onTime = try figureHazard(deadline: "2026-11-20", closed: "2026-11-20")
        #expect(onTime.daysClosedLate == 0 && onTime.timing(today: "2026-11-25", verificationDays: n) == nil)
        let late = try figureHazard(deadline: "2026-11-20", closed: "2026-11-21")
        #expect(late.daysClosedLate == 1 && late.timing(today: "2026-11-25", verificationDays: n) == .closedLate(days: 1))
        #expect(try figureHazard(deadline: "2026-11-20").daysClosedLate == nil)
        let both = HazardCounts([onTime, late], today: "2026-11-25", verificationDays: n)
        #expect(both.closedOnTime == 1 && both.closedLate == 1 && both.onTimeRate == "50.0%")
    }

    @Test func anExtendedDeadlineCountsFromTheNewDeadline() throws {
        let h = try figureHazard(deadline: "2026-11-20", extendedTo: "2026-12-31")
        #expect(try h.extensionCount == 1 && figureHazard(deadline: "2026-11-20").extensionCount == 0)
        #expect(h.timing(today: "2026-11-25", verificationDays: n) == nil)
        #expect(h.timing(today: "2026-12-25", verificationDays: n) == .dueSoon(daysLeft: 6))
        #expect(h.timing(today: "2027-01-01", verificationDays: n) == .rectificationOverdue(days: 1))
        let closed = try figureHazard(deadline: "2026-11-20", closed: "2026-12-01", extendedTo: "2026-12-31")
        #expect(closed.daysClosedLate == 0)  // late for the first deadline, on time for the extended one
    }

    @Test func countsSayWhatTheyCount() throws {
        let hazards = [
            try figureHazard(deadline: "2026-11-20", level: .major),                          // open major, rectification overdue
            try figureHazard(deadline: "2026-11-20", level: .major, closed: "2026-11-10"),    // closed major: not open major
            try figureHazard(deadline: "2026-12-31", reported: "2026-11-01"),                 // verification overdue
            try figureHazard(deadline: "2026-11-28", started: "2026-11-02"),                  // due soon
            try figureHazard(deadline: "2026-11-10", closed: "2026-11-12"),                   // closed late
        ]
        let c = HazardCounts(hazards, today: "2026-11-25", verificationDays: n)
        #expect(c.total == 5 && c.open == 3 && c.openMajor == 1 && c.closed == 2)
        #expect(c.rectificationOverdue == 1 && c.verificationOverdue == 1 && c.dueSoon == 1)
        #expect(c.closedOnTime == 1 && c.closedLate == 1)
        #expect(c.rectificationRate == "40.0%")
        // On time: closed by the deadline over closed plus those still owed past it (1 / (2 + 1)).
        #expect(c.onTimeRate == "33.3%")
        #expect(HazardCounts([], today: "2026-11-25", verificationDays: n).onTimeRate == "—")
    }

    @Test func theOverdueFilterFollowsTheFigures() throws {
        let rectification = try figureHazard(deadline: "2026-11-20")
        let verification = try figureHazard(deadline: "2026-12-31", reported: "2026-11-01")
        let soon = try figureHazard(deadline: "2026-11-28")
        func admitted(_ filter: HazardCriteria.OverdueFilter) -> [Bool] {
            [rectification, verification, soon].map { HazardCriteria(overdue: filter).admits($0, today: "2026-11-25", verificationDays: n) }
        }
        #expect(admitted(.rectificationOverdue) == [true, false, false])
        #expect(admitted(.verificationOverdue) == [false, true, false])
        #expect(admitted(.dueSoon) == [false, false, true])
        #expect(admitted(.notOverdue) == [false, false, true])
        #expect(admitted(.all) == [true, true, true])
    }
}

@Suite struct ReviewedFigureRuleTests {
    /// Rectified on time and verified late: the enterprise was on time; the delay is the bureau's
    /// verification, counted apart, never as "closed late".
    @Test func aLateVerificationOfAnOnTimeReportIsNotClosedLate() throws {
        let h = try figureHazard(deadline: "2026-11-10", reported: "2026-11-08", closed: "2026-11-30")
        #expect(h.daysClosedLate == 0)
        let late = try figureHazard(deadline: "2026-11-10", reported: "2026-11-12", closed: "2026-11-13")
        #expect(late.daysClosedLate == 2)
    }

    /// A step is never dated before the step it follows.
    @Test func aStepDatedBeforeThePreviousOneIsRefused() throws {
        var h = try figureHazard(deadline: "2026-11-30", started: "2026-11-10")
        #expect(throws: HazardRefusal.dateBeforePreviousStep(date: "2026-11-09", previous: "2026-11-10")) {
            try h.reportRectified(on: "2026-11-09", by: inspector, at: stepTime("2026-11-20"))
        }
        try h.reportRectified(on: "2026-11-12", by: inspector, at: stepTime("2026-11-12"))
        #expect(throws: HazardRefusal.dateBeforePreviousStep(date: "2026-11-11", previous: "2026-11-12")) {
            try h.verifyPassed(verifier: "单志刚", date: "2026-11-11", remark: "", by: inspector, at: stepTime("2026-11-13"))
        }
    }

    /// A file written by another program with dates after today loads with warnings.
    @Test func futureStepDatesAreWarnedOnLoad() throws {
        let h = try figureHazard(deadline: "2026-12-30", reported: "2026-12-01", closed: "2026-12-02")
        let warnings = h.loadWarnings(dataDirectory: "/", today: "2026-11-25")
        #expect(warnings.contains { $0.field == "closedOn" && $0.problem == .dateInFuture("2026-12-02") })
        #expect(warnings.contains { $0.field.hasPrefix("verifications[") })
        #expect(h.loadWarnings(dataDirectory: "/", today: "2026-12-31").allSatisfy { $0.problem != .dateInFuture("2026-12-02") })
    }
}
