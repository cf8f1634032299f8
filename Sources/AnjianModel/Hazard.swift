import Foundation

public enum HazardLevel: String, Codable, CaseIterable, Sendable {
    /// 一般隐患
    case general
    /// 重大隐患: the five rectification items (五落实) are required.
    case major
}

/// The lifecycle: registered → rectifying → rectified (awaiting verification) → closed;
/// a failed verification goes back to rectifying; a closed hazard reopens only with a reason.
public enum HazardStatus: String, Codable, CaseIterable, Sendable {
    case registered, rectifying, rectified, closed
}

extension HazardStatus {
    /// The lifecycle, written once: where a step leads from this state, or nil when the
    /// state does not allow it. An extension keeps the state.
    ///
    ///     registered → rectifying → rectified → closed
    ///                      ↖ verification failed ↙      closed → reopened → rectifying
    public func next(by step: HistoryEntry.Action) -> HazardStatus? {
        switch (self, step) {
        case (.registered, .rectificationStarted), (.rectified, .verificationFailed), (.closed, .reopened): return .rectifying
        case (.rectifying, .reportedRectified): return .rectified
        case (.rectified, .verifiedPassed): return .closed
        case (.registered, .deadlineExtended), (.rectifying, .deadlineExtended), (.rectified, .deadlineExtended): return self
        default: return nil
        }
    }
}

public enum HazardCategory: String, Codable, CaseIterable, Sendable {
    case equipment, electrical, fire, hazardousMaterials, workEnvironment, management, behaviour, other
}

/// The "five implementations" of rectification (五落实).
public struct Rectification: Codable, Hashable, Sendable {
    public var responsible: String
    public var measures: String
    public var funds: String
    /// `YYYY-MM-DD`
    public var deadline: String
    public var contingencyPlan: String
    public init(responsible: String, measures: String = "", funds: String = "", deadline: String, contingencyPlan: String = "") {
        self.responsible = responsible
        self.measures = measures
        self.funds = funds
        self.deadline = deadline
        self.contingencyPlan = contingencyPlan
    }
}

/// A verification (验收): who, when, the result and a remark.
public struct Verification: Codable, Hashable, Sendable {
    public var verifier: String
    public var date: String
    public var passed: Bool
    public var remark: String
    public init(verifier: String, date: String, passed: Bool, remark: String) {
        self.verifier = verifier
        self.date = date
        self.passed = passed
        self.remark = remark
    }
}

/// Why the model refused a step of the lifecycle.
public enum HazardRefusal: Error, Hashable, Sendable {
    case notAllowed(from: HazardStatus, action: HistoryEntry.Action)
    case verifierRequired
    case invalidDate(String)
    case reasonRequired
    case deadlineNotLater(old: String, new: String)
    /// A new deadline that is not after today.
    case deadlineNotAfterToday(new: String, today: String)
    /// A closed hazard is not edited: it is reopened first, with a reason.
    case editWhileClosed
    /// A verification dated before the hazard was found.
    case dateBeforeDiscovery(date: String, discovered: String)
}

/// One entry of the hidden-hazard ledger (隐患台账).
public struct Hazard: Codable, Hashable, Sendable, Identifiable {
    /// Stable id, never shown or changed.
    public var id: String
    /// 隐患编号: `YH-<year>-<last 6 of the credit code>-<sequence>`, unique and sortable.
    public var number: String
    public var enterpriseCode: String
    /// The supervision entry it was found on, if any.
    public var supervisionID: String?
    public var discoveredOn: String
    public var foundBy: String
    public var location: String
    public var description: String
    public var category: HazardCategory
    public var level: HazardLevel
    public var rectification: Rectification
    public private(set) var status: HazardStatus
    /// Every verification, the latest last.
    public private(set) var verifications: [Verification]
    /// The date it was verified and closed (销号), while closed.
    public private(set) var closedOn: String?
    public private(set) var history: [HistoryEntry]

    public init(id: String, number: String, enterpriseCode: String, supervisionID: String? = nil, discoveredOn: String,
                foundBy: String, location: String, description: String, category: HazardCategory, level: HazardLevel,
                rectification: Rectification) {
        self.id = id
        self.number = number
        self.enterpriseCode = enterpriseCode
        self.supervisionID = supervisionID
        self.discoveredOn = discoveredOn
        self.foundBy = foundBy
        self.location = location
        self.description = description
        self.category = category
        self.level = level
        self.rectification = rectification
        self.status = .registered
        self.verifications = []
        self.closedOn = nil
        self.history = []
    }

    public var isClosed: Bool { status == .closed }

    // The figures (overdue, due soon, closed late): `HazardTiming.swift`.

    /// Every problem of the record, each with its field.
    public func validate() -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        func require(_ value: String, _ field: String) {
            if value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                issues.append(ValidationIssue(field: field, problem: .required))
            }
        }
        require(description, "description")
        require(foundBy, "foundBy")
        if !CalendarDate.isValid(discoveredOn) {
            issues.append(ValidationIssue(field: "discoveredOn", problem: .invalidDate(discoveredOn)))
        }
        require(rectification.responsible, "rectification.responsible")
        if !CalendarDate.isValid(rectification.deadline) {
            issues.append(ValidationIssue(field: "rectification.deadline", problem: .invalidDate(rectification.deadline)))
        } else if CalendarDate.isValid(discoveredOn), rectification.deadline < discoveredOn {
            issues.append(ValidationIssue(field: "rectification.deadline",
                                          problem: .deadlineBeforeDiscovery(rectification.deadline, discoveredOn)))
        }
        if level == .major {
            for (value, field) in [(rectification.measures, "rectification.measures"), (rectification.funds, "rectification.funds"),
                                   (rectification.contingencyPlan, "rectification.contingencyPlan")]
            where value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                issues.append(ValidationIssue(field: field, problem: .requiredForMajorHazard))
            }
        }
        return issues
    }

    /// Problems of a stored record beyond `validate()`: a state its history and fields do
    /// not support (closed without a close date or a passed verification, a close date on
    /// an open hazard, a malformed date). Checked when files are loaded.
    public func consistencyIssues() -> [ValidationIssue] {
        var issues = validate().errors
        if id.trimmingCharacters(in: .whitespaces).isEmpty { issues.append(ValidationIssue(field: "id", problem: .required)) }
        if number.trimmingCharacters(in: .whitespaces).isEmpty { issues.append(ValidationIssue(field: "number", problem: .required)) }
        if status == .closed {
            if closedOn.map(CalendarDate.isValid) != true {
                issues.append(ValidationIssue(field: "closedOn", problem: .invalidDate(closedOn ?? "")))
            }
            if verifications.last?.passed != true || verifications.last?.verifier.trimmingCharacters(in: .whitespaces).isEmpty != false {
                issues.append(ValidationIssue(field: "verifications", problem: .required))
            }
        } else if let closedOn {
            issues.append(ValidationIssue(field: "closedOn", problem: .invalidDate(closedOn)))
        }
        for (i, v) in verifications.enumerated() where !CalendarDate.isValid(v.date) {
            issues.append(ValidationIssue(field: "verifications[\(i)].date", problem: .invalidDate(v.date)))
        }
        return issues
    }

    // MARK: Lifecycle. Each step checks the state and what it needs, and records itself.

    /// A new hazard joins the ledger: a stable id, the next free number of its enterprise and
    /// year among `taken`, and its history begun.
    public mutating func register(taken: Set<String>, by signer: Operator, at time: String) {
        id = UUID().uuidString.lowercased()
        number = Self.nextNumber(year: String(discoveredOn.prefix(4)), enterpriseCode: enterpriseCode, taken: taken)
        created(by: signer, at: time)
    }

    public mutating func created(by signer: Operator, at time: String) {
        history = [HistoryEntry(at: time, by: signer, action: .created, changes: [])]
    }

    public mutating func startRectification(by signer: Operator, at time: String) throws(HazardRefusal) {
        try move(.rectificationStarted, by: signer, at: time)
    }

    public mutating func reportRectified(by signer: Operator, at time: String) throws(HazardRefusal) {
        try move(.reportedRectified, by: signer, at: time)
    }

    /// Verification passed: verified and closed (验收销号). Needs a named verifier and a date.
    public mutating func verifyPassed(verifier: String, date: String, remark: String, by signer: Operator, at time: String) throws(HazardRefusal) {
        try checkVerification(verifier: verifier, date: date, action: .verifiedPassed)
        let result = Verification(verifier: verifier.trimmingCharacters(in: .whitespaces), date: date, passed: true, remark: remark)
        try move(.verifiedPassed, by: signer, at: time,
                 changes: [FieldChange(field: "verifier", old: "", new: result.verifier), FieldChange(field: "closedOn", old: "", new: date)],
                 note: remark.isEmpty ? nil : remark)
        verifications.append(result)
        closedOn = date
    }

    /// Verification failed: back to rectifying, with the reason.
    public mutating func verifyFailed(verifier: String, date: String, reason: String, by signer: Operator, at time: String) throws(HazardRefusal) {
        try checkVerification(verifier: verifier, date: date, action: .verificationFailed)
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .reasonRequired }
        try move(.verificationFailed, by: signer, at: time,
                 changes: [FieldChange(field: "verifier", old: "", new: verifier.trimmingCharacters(in: .whitespaces))], note: reason)
        verifications.append(Verification(verifier: verifier.trimmingCharacters(in: .whitespaces), date: date, passed: false, remark: reason))
    }

    /// A closed hazard reopens, with a reason, back into rectification.
    public mutating func reopen(reason: String, by signer: Operator, at time: String) throws(HazardRefusal) {
        guard allows(.reopened) else { throw .notAllowed(from: status, action: .reopened) }
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .reasonRequired }
        try move(.reopened, by: signer, at: time,
                 changes: [FieldChange(field: "closedOn", old: closedOn ?? "", new: "")], note: reason)
        closedOn = nil
    }

    /// A deadline after the current one and after `today`, with a reason; the history keeps the old one.
    public mutating func extendDeadline(to newDeadline: String, reason: String, today: String, by signer: Operator,
                                        at time: String) throws(HazardRefusal) {
        guard allows(.deadlineExtended) else { throw .notAllowed(from: status, action: .deadlineExtended) }
        guard CalendarDate.isValid(newDeadline) else { throw .invalidDate(newDeadline) }
        guard newDeadline > rectification.deadline else { throw .deadlineNotLater(old: rectification.deadline, new: newDeadline) }
        guard newDeadline > today else { throw .deadlineNotAfterToday(new: newDeadline, today: today) }
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .reasonRequired }
        history.append(HistoryEntry(at: time, by: signer, action: .deadlineExtended,
                                    changes: [FieldChange(field: "rectification.deadline", old: rectification.deadline, new: newDeadline)],
                                    note: reason))
        rectification.deadline = newDeadline
    }

    /// Records an edit of the descriptive fields (not the status: only the steps above change it).
    /// A closed hazard is not edited (reopen it first); a change of level needs a reason, kept as
    /// the history entry's note, and the entry is marked `levelChanged`.
    public mutating func recordEdit(from old: Hazard, reason: String = "", by signer: Operator, at time: String) throws(HazardRefusal) {
        guard !old.isClosed else { throw .editWhileClosed }
        let changes = self.changes(from: old)
        guard !changes.isEmpty else { return }
        if level == old.level {
            history.append(HistoryEntry(at: time, by: signer, action: .edited, changes: changes))
            return
        }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw .reasonRequired }
        history.append(HistoryEntry(at: time, by: signer, action: .levelChanged, changes: changes, note: reason))
    }

    private func checkVerification(verifier: String, date: String, action: HistoryEntry.Action) throws(HazardRefusal) {
        guard allows(action) else { throw .notAllowed(from: status, action: action) }
        guard !verifier.trimmingCharacters(in: .whitespaces).isEmpty else { throw .verifierRequired }
        guard CalendarDate.isValid(date) else { throw .invalidDate(date) }
        guard date >= discoveredOn else { throw .dateBeforeDiscovery(date: date, discovered: discoveredOn) }
    }

    /// The steps the hazard's state allows, in the order they are offered.
    public var allowedSteps: [HistoryEntry.Action] { HistoryEntry.Action.steps.filter(allows) }

    public func allows(_ step: HistoryEntry.Action) -> Bool { status.next(by: step) != nil }

    private mutating func move(_ action: HistoryEntry.Action, by signer: Operator, at time: String,
                               changes: [FieldChange] = [], note: String? = nil) throws(HazardRefusal) {
        guard let next = status.next(by: action) else { throw .notAllowed(from: status, action: action) }
        history.append(HistoryEntry(at: time, by: signer, action: action,
                                    changes: [FieldChange(field: "status", old: status.rawValue, new: next.rawValue)] + changes,
                                    note: note))
        status = next
    }
}
