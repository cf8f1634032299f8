import Foundation

/// Where a hazard stands against its dates on a given day, when that needs a marker. A hazard
/// is in at most one of these: the first two need the rectification still owed, the third an
/// enterprise's report awaiting the re-check, the last a closed hazard.
public enum HazardTiming: Hashable, Sendable {
    /// Not reported rectified (registered or rectifying) and past the deadline, by this many days.
    case rectificationOverdue(days: Int)
    /// Not reported rectified, and the deadline is today (0) or at most `Hazard.dueSoonDays` days away.
    case dueSoon(daysLeft: Int)
    /// Reported rectified and not re-checked within the re-check period, by this many days.
    case verificationOverdue(days: Int)
    /// Closed (销号) this many days after its deadline.
    case closedLate(days: Int)
}

// The figures a supervisor reads. All of them are computed from the record and a day the
// caller gives (the session's clock), never stored. Dates are validated when saved and loaded;
// `YYYY-MM-DD` compares as text, so the rows of view 2 need no parsing here.
extension Hazard {
    /// The re-check period: days the bureau has, from the enterprise's report that a hazard is
    /// rectified, to re-check it (复查) before it counts as *verification overdue*. Default 10, the
    /// period the enforcement procedure sets for a re-check. It is a setting: callers pass the
    /// period in use (`verificationDays:`; the app's `SessionState.verificationDays`).
    public static let defaultVerificationDays = 10
    /// A deadline at most this many days away (today included) is *due soon*.
    public static let dueSoonDays = 7

    /// The rectification is still owed: not yet reported rectified.
    public var awaitsRectification: Bool { status == .registered || status == .rectifying }

    /// Rectification overdue: not reported rectified by its deadline. On the deadline day itself it is not yet overdue.
    public func isRectificationOverdue(today: String) -> Bool {
        awaitsRectification && rectification.deadline.utf8.count == 10 && today > rectification.deadline
    }

    /// Whole days past the deadline while the rectification is owed (0 when not rectification overdue).
    public func rectificationDaysOverdue(today: String) -> Int {
        guard isRectificationOverdue(today: today) else { return 0 }
        return CalendarDate.days(from: rectification.deadline, to: today) ?? 0
    }

    /// Days left to the deadline while the rectification is owed and the deadline not passed (0 on the deadline day).
    public func daysToDeadline(today: String) -> Int? {
        guard awaitsRectification, rectification.deadline.utf8.count == 10, today <= rectification.deadline else { return nil }
        return CalendarDate.days(from: today, to: rectification.deadline)
    }

    public func isDueSoon(today: String) -> Bool { daysToDeadline(today: today).map { $0 <= Self.dueSoonDays } ?? false }

    /// The day the enterprise reported it rectified (the latest `reportedRectified` step's `date`,
    /// else the day it was recorded), while it awaits verification; nil otherwise or when the history does not say.
    public var reportedRectifiedOn: String? {
        guard status == .rectified, let report = history.last(where: { $0.action == .reportedRectified }) else { return nil }
        let day = report.date ?? String(report.at.prefix(10))
        return CalendarDate.isValid(day) ? day : nil
    }

    /// Whole days past the re-check period (0 when not verification overdue): reported rectified
    /// and not re-checked within `verificationDays` days of the report. A report exactly
    /// `verificationDays` days ago is not yet overdue.
    public func verificationDaysOverdue(today: String, verificationDays: Int) -> Int {
        guard let reported = reportedRectifiedOn, let days = CalendarDate.days(from: reported, to: today) else { return 0 }
        return max(0, days - verificationDays)
    }

    public func isVerificationOverdue(today: String, verificationDays: Int) -> Bool {
        verificationDaysOverdue(today: today, verificationDays: verificationDays) > 0
    }

    /// Days a closed hazard was rectified after its deadline: counted to the enterprise's last report
    /// of rectification (the bureau's own re-check time is verification, counted apart), or to the
    /// closing day when the history has no report. 0 when on time, nil while open.
    public var daysClosedLate: Int? {
        guard isClosed, let closedOn, rectification.deadline.utf8.count == 10 else { return nil }
        let report = history.last { $0.action == .reportedRectified }.map { $0.date ?? String($0.at.prefix(10)) }
        let done = report.flatMap { CalendarDate.isValid($0) ? $0 : nil } ?? closedOn
        guard done.utf8.count == 10 else { return nil }
        return max(0, CalendarDate.days(from: rectification.deadline, to: done) ?? 0)
    }

    /// The marker the hazard needs on the day, if any.
    public func timing(today: String, verificationDays: Int) -> HazardTiming? {
        switch status {
        case .registered, .rectifying:
            if isRectificationOverdue(today: today) { return .rectificationOverdue(days: rectificationDaysOverdue(today: today)) }
            if let left = daysToDeadline(today: today), left <= Self.dueSoonDays { return .dueSoon(daysLeft: left) }
        case .rectified:
            let days = verificationDaysOverdue(today: today, verificationDays: verificationDays)
            if days > 0 { return .verificationOverdue(days: days) }
        case .closed:
            if let days = daysClosedLate, days > 0 { return .closedLate(days: days) }
        }
        return nil
    }
}
