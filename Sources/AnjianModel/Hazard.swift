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

/// The rectification's six items (六定: the item itself, measures, funds, responsible person,
/// deadline, re-checker), with the contingency plan of a major hazard.
public struct Rectification: Codable, Hashable, Sendable {
    public var responsible: String
    public var measures: String
    /// In 万元; nil when not given. See `Funds` for files that hold text.
    public var funds: Funds?
    /// `YYYY-MM-DD`
    public var deadline: String
    public var contingencyPlan: String
    /// 复查人: who re-checks the rectification (absent in files written before it was asked: "").
    public var rechecker: String
    public init(responsible: String, measures: String = "", funds: Funds? = nil, deadline: String, contingencyPlan: String = "",
                rechecker: String = "") {
        self.responsible = responsible
        self.measures = measures
        self.funds = funds.flatMap { $0 == .text("") ? nil : $0 }
        self.deadline = deadline
        self.contingencyPlan = contingencyPlan
        self.rechecker = rechecker
    }

    enum CodingKeys: String, CodingKey { case responsible, measures, funds, deadline, contingencyPlan, rechecker }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(responsible: try c.decode(String.self, forKey: .responsible), measures: try c.decode(String.self, forKey: .measures),
                  funds: try c.decodeIfPresent(Funds.self, forKey: .funds), deadline: try c.decode(String.self, forKey: .deadline),
                  contingencyPlan: try c.decode(String.self, forKey: .contingencyPlan),
                  rechecker: try c.decodeIfPresent(String.self, forKey: .rechecker) ?? "")
    }
}

/// A verification (验收): who, when, the result and a remark (for closing a major hazard, the
/// written verification opinion, 整改复查意见).
public struct Verification: Codable, Hashable, Sendable {
    /// The verifiers' names, as shown (`王丽娟、孙建军`).
    public var verifier: String
    public var date: String
    public var passed: Bool
    public var remark: String
    /// The verifiers with their certificate numbers (two to close a major hazard); absent in files
    /// written before they were recorded.
    public var verifiers: [InspectorRef]?
    public init(verifier: String, date: String, passed: Bool, remark: String, verifiers: [InspectorRef]? = nil) {
        self.verifier = verifier
        self.date = date
        self.passed = passed
        self.remark = remark
        self.verifiers = verifiers
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
    /// A step dated before the step it follows (date, that step's date).
    case dateBeforePreviousStep(date: String, previous: String)
    /// 销号 of a major hazard: two verifiers, each with a certificate number, two different people.
    case twoVerifiersRequired
    /// 销号 of a major hazard: the written verification opinion (整改复查意见).
    case opinionRequired
    /// An evidence file that is not there (the path as given).
    case evidenceMissing(String)
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
    /// 挂牌督办, for a major hazard listed for supervision; absent when not listed.
    public var supervisionListing: SupervisionListing?
    public private(set) var status: HazardStatus
    /// Every verification, the latest last.
    public private(set) var verifications: [Verification]
    /// The date it was verified and closed (销号), while closed.
    public private(set) var closedOn: String?
    public private(set) var history: [HistoryEntry]
    /// The re-check opinion issued on this hazard; absent (not empty) until one is, so files
    /// written before documents existed read and write unchanged.
    public private(set) var documents: [IssuedDocument]?
    /// Fields changed differently on two clones, waiting for a choice (see `Conflicts.swift`);
    /// absent when there is none, so files written before read and write unchanged.
    public var conflicts: [FieldConflict]?

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

    /// The document of `kind` issued on this hazard, if one was.
    /// The document of `kind` issued for the hazard as it stands: a re-check opinion states its
    /// latest re-check (one issued for an earlier re-check is not it).
    public func issuedDocument(_ kind: DocumentKind) -> IssuedDocument? {
        guard kind == .recheckOpinion else { return documents?.first { $0.kind == kind } }
        return documents?.last { $0.kind == kind && ($0.verification ?? verifications.count) == verifications.count }
    }

    /// Keeps a document issued on this hazard, and says so in the history.
    public mutating func recordIssued(_ document: IssuedDocument, by signer: Operator, at time: String) {
        documents = (documents ?? []) + [document]
        history.append(.documentIssued(document, by: signer, at: time))
    }

    // The figures (overdue, due soon, closed late): `HazardTiming.swift`.

    // Validation: `HazardValidation.swift`.

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

    /// Rectification started (on `date`, with a note and evidence files, all optional).
    public mutating func startRectification(on date: String? = nil, note: String = "", evidence: [String] = [], by signer: Operator,
                                            at time: String) throws(HazardRefusal) {
        try checkStepDate(date, action: .rectificationStarted)
        try move(.rectificationStarted, by: signer, at: time, note: Self.noteOrNil(note), date: date, evidence: evidence)
    }

    /// Reported rectified by the enterprise (on `date`, which starts the re-check period, with a note and evidence).
    public mutating func reportRectified(on date: String? = nil, note: String = "", evidence: [String] = [], by signer: Operator,
                                         at time: String) throws(HazardRefusal) {
        try checkStepDate(date, action: .reportedRectified)
        try move(.reportedRectified, by: signer, at: time, note: Self.noteOrNil(note), date: date, evidence: evidence)
    }

    /// Verification passed: verified and closed (验收销号). Needs a named verifier and a date; a major
    /// hazard needs two verifiers with certificate numbers and the written opinion (`remark`).
    public mutating func verifyPassed(verifier: String, date: String, remark: String, evidence: [String] = [], by signer: Operator,
                                      at time: String) throws(HazardRefusal) {
        try verifyPassed(verifiers: [InspectorRef(name: verifier, certificateNumber: "")], date: date, remark: remark, evidence: evidence,
                         by: signer, at: time)
    }

    public mutating func verifyPassed(verifiers: [InspectorRef], date: String, remark: String, evidence: [String] = [], by signer: Operator,
                                      at time: String) throws(HazardRefusal) {
        let named = Self.named(verifiers)
        try checkVerification(verifier: named.first?.name ?? "", date: date, action: .verifiedPassed)
        if level == .major { try Self.checkClosing(named, opinion: remark) }
        let names = named.map(\.name).joined(separator: "、")
        let withCertificates = named.contains { !$0.certificateNumber.isEmpty } ? named : nil
        let result = Verification(verifier: names, date: date, passed: true, remark: remark, verifiers: withCertificates)
        try move(.verifiedPassed, by: signer, at: time,
                 changes: [FieldChange(field: "verifier", old: "", new: result.verifier), FieldChange(field: "closedOn", old: "", new: date)],
                 note: remark.isEmpty ? nil : remark, evidence: evidence)
        verifications.append(result)
        closedOn = date
    }

    /// Verification failed: back to rectifying, with the reason.
    public mutating func verifyFailed(verifier: String, date: String, reason: String, evidence: [String] = [], by signer: Operator,
                                      at time: String) throws(HazardRefusal) {
        try checkVerification(verifier: verifier, date: date, action: .verificationFailed)
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .reasonRequired }
        try move(.verificationFailed, by: signer, at: time,
                 changes: [FieldChange(field: "verifier", old: "", new: verifier.trimmingCharacters(in: .whitespaces))], note: reason,
                 evidence: evidence)
        verifications.append(Verification(verifier: verifier.trimmingCharacters(in: .whitespaces), date: date, passed: false, remark: reason))
    }

    /// A closed hazard reopens, with a reason, back into rectification.
    public mutating func reopen(reason: String, evidence: [String] = [], by signer: Operator, at time: String) throws(HazardRefusal) {
        guard allows(.reopened) else { throw .notAllowed(from: status, action: .reopened) }
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .reasonRequired }
        try move(.reopened, by: signer, at: time,
                 changes: [FieldChange(field: "closedOn", old: closedOn ?? "", new: "")], note: reason, evidence: evidence)
        closedOn = nil
    }

    /// A deadline after the current one and after `today`, with a reason; the history keeps the old one.
    public mutating func extendDeadline(to newDeadline: String, reason: String, today: String, evidence: [String] = [],
                                        by signer: Operator, at time: String) throws(HazardRefusal) {
        guard allows(.deadlineExtended) else { throw .notAllowed(from: status, action: .deadlineExtended) }
        guard CalendarDate.isValid(newDeadline) else { throw .invalidDate(newDeadline) }
        guard newDeadline > rectification.deadline else { throw .deadlineNotLater(old: rectification.deadline, new: newDeadline) }
        guard newDeadline > today else { throw .deadlineNotAfterToday(new: newDeadline, today: today) }
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .reasonRequired }
        history.append(HistoryEntry(at: time, by: signer, action: .deadlineExtended,
                                    changes: [FieldChange(field: "rectification.deadline", old: rectification.deadline, new: newDeadline)],
                                    note: reason, evidence: evidence.isEmpty ? nil : evidence))
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
        try checkStepOrder(date)
    }

    /// A step is not dated before the lifecycle step it follows (a report before the start of the
    /// rectification, a verification before the report).
    func checkStepOrder(_ date: String) throws(HazardRefusal) {
        let steps = history.filter { HistoryEntry.Action.steps.contains($0.action) && $0.action != .deadlineExtended }
        guard let previous = steps.last.map({ $0.date ?? String($0.at.prefix(10)) }), CalendarDate.isValid(previous) else { return }
        guard date >= previous else { throw .dateBeforePreviousStep(date: date, previous: previous) }
    }

    /// The steps the hazard's state allows, in the order they are offered.
    public var allowedSteps: [HistoryEntry.Action] { HistoryEntry.Action.steps.filter(allows) }

    public func allows(_ step: HistoryEntry.Action) -> Bool { status.next(by: step) != nil }

    private mutating func move(_ action: HistoryEntry.Action, by signer: Operator, at time: String,
                               changes: [FieldChange] = [], note: String? = nil, date: String? = nil,
                               evidence: [String] = []) throws(HazardRefusal) {
        guard let next = status.next(by: action) else { throw .notAllowed(from: status, action: action) }
        history.append(HistoryEntry(at: time, by: signer, action: action,
                                    changes: [FieldChange(field: "status", old: status.rawValue, new: next.rawValue)] + changes,
                                    note: note, date: date, evidence: evidence.isEmpty ? nil : evidence))
        status = next
    }
}
