import Foundation

public enum SupervisionKind: String, Codable, CaseIterable, Sendable {
    case routine, specialCampaign, doubleRandom, complaint, recheck
}

public enum SupervisionConclusion: String, Codable, CaseIterable, Sendable {
    case noProblem, rectificationOrdered, caseFiled
}

/// One field's change in a record's history.
public struct FieldChange: Codable, Hashable, Sendable {
    public var field: String
    public var old: String
    public var new: String
    public init(field: String, old: String, new: String) {
        self.field = field
        self.old = old
        self.new = new
    }
}

/// One change to a record: when, by whom, what, and why where a reason is required.
public struct HistoryEntry: Codable, Hashable, Sendable {
    public enum Action: String, Codable, Sendable {
        case created, edited
        // Hazard lifecycle steps:
        case rectificationStarted, reportedRectified, verifiedPassed, verificationFailed, reopened, deadlineExtended
        /// A hazard's edit that changed its level (with the reason as the note).
        case levelChanged
        /// An enforcement document issued for the record: its one change is `documents.<kind>`
        /// set to the document's number.
        case documentIssued
        // Master data (enterprises, inspectors):
        /// Left the roll (its change `retired.date`, the reason as the note); taken back (`reinstated`).
        case retired, reinstated
        /// Put on the integrity red or black list, or taken off (`integrity.status` old → new, the reason as the note).
        case integrityChanged
        /// An enterprise's credit code changed by re-keying, its files renamed (`creditCode` old → new).
        case rekeyed
        // Sync (issue 15):
        /// A merge gave the record another number or id, taken on another clone too (`number` / `id` old → new).
        case renumbered
        /// A merge conflict decided: the chosen side's value put in place (each field old → new).
        case conflictResolved

        /// The hazard lifecycle's steps, in the order they are offered.
        public static let steps: [Action] = [.rectificationStarted, .reportedRectified, .verifiedPassed,
                                              .verificationFailed, .reopened, .deadlineExtended]
    }
    /// ISO 8601 with the local offset, e.g. `2026-11-25T14:30:00+08:00`.
    public var at: String
    public var by: Operator
    public var action: Action
    public var changes: [FieldChange]
    /// The reason given (a failed verification, a reopening, an extension), or a step's note.
    public var note: String?
    /// The day a hazard's step happened (`YYYY-MM-DD`), when it was given apart from `at` (started, reported rectified).
    public var date: String?
    /// A hazard step's evidence files (photos, documents): paths relative to the data directory, or absolute.
    public var evidence: [String]?
    public init(at: String, by: Operator, action: Action, changes: [FieldChange], note: String? = nil, date: String? = nil,
                evidence: [String]? = nil) {
        self.at = at
        self.by = by
        self.action = action
        self.changes = changes
        self.note = note
        self.date = date
        self.evidence = evidence
    }
}

extension HistoryEntry {
    /// The history entry of an issued document: `documents.<kind>` set to its number.
    public static func documentIssued(_ document: IssuedDocument, by signer: Operator, at time: String) -> HistoryEntry {
        HistoryEntry(at: time, by: signer, action: .documentIssued,
                     changes: [FieldChange(field: "documents." + document.kind.rawValue, old: "", new: document.number)])
    }
}

/// A dual-real-name supervision entry (双实名监管记录): one visit or check of one enterprise.
public struct SupervisionEntry: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var enterpriseCode: String
    /// `YYYY-MM-DD`
    public var date: String
    /// `HH:MM`
    public var time: String
    public var kind: SupervisionKind
    public var inspectors: [InspectorRef]
    /// The enterprise's accompanying person (企业陪同人员).
    public var accompanying: ContactPerson
    public var itemsChecked: String
    public var findings: String
    public var conclusion: SupervisionConclusion
    /// Ids of the hazards registered on this visit.
    public var hazardIDs: [String]
    public var history: [HistoryEntry]
    /// The inspection record and rectification order issued for this visit; absent (not empty)
    /// until one is, so files written before documents existed read and write unchanged.
    public var documents: [IssuedDocument]?
    /// The double-random draw (`DrawRecord.id`) this visit carries out, kept once it is done.
    public var drawID: String?
    /// A visit a draw planned and nobody has made yet: its inspectors and enterprise are set, the
    /// time, the accompanying person and what was found come when it is made (the visit form
    /// opens it prefilled). Absent once made, and on every other visit.
    public var planned: Bool?

    public var isPlanned: Bool { planned == true }
    /// Fields changed differently on two clones, waiting for a choice (see `Conflicts.swift`);
    /// absent when there is none, so files written before read and write unchanged.
    public var conflicts: [FieldConflict]?

    public init(id: String, enterpriseCode: String, date: String, time: String, kind: SupervisionKind,
                inspectors: [InspectorRef], accompanying: ContactPerson, itemsChecked: String = "",
                findings: String = "", conclusion: SupervisionConclusion = .noProblem,
                hazardIDs: [String] = [], history: [HistoryEntry] = []) {
        self.id = id
        self.enterpriseCode = enterpriseCode
        self.date = date
        self.time = time
        self.kind = kind
        self.inspectors = inspectors
        self.accompanying = accompanying
        self.itemsChecked = itemsChecked
        self.findings = findings
        self.conclusion = conclusion
        self.hazardIDs = hazardIDs
        self.history = history
    }

    /// Every problem, each with its field (`inspectors[1].certificateNumber`, `accompanying.phone`…).
    public func validate() -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        func require(_ value: String, _ field: String) {
            if value.isSpacesOnly {
                issues.append(ValidationIssue(field: field, problem: .required))
            }
        }
        require(enterpriseCode, "enterpriseCode")
        if !CalendarDate.isValid(date) { issues.append(ValidationIssue(field: "date", problem: .invalidDate(date))) }
        // A planned visit has no time yet (nor anyone accompanying, checked below).
        if !(isPlanned && time.isEmpty), !ClockTime.isValid(time) { issues.append(ValidationIssue(field: "time", problem: .invalidTime(time))) }
        for (i, inspector) in inspectors.enumerated() {
            require(inspector.name, "inspectors[\(i)].name")
            require(inspector.certificateNumber, "inspectors[\(i)].certificateNumber")
        }
        // Fewer than two rows: the missing row's name is the field to fill. (With two rows,
        // an empty one is already reported as required.)
        if inspectors.count < 2 {
            issues.append(ValidationIssue(field: "inspectors[\(inspectors.count)].name", problem: .tooFewInspectors(inspectors.count)))
        }
        for (i, inspector) in inspectors.enumerated() where i > 0 {
            let earlier = inspectors[..<i]
            // The certificate number identifies the person: two inspectors may share a name.
            let cert = inspector.certificateNumber.trimmingWhitespace()
            let name = inspector.name.trimmingWhitespace()
            if !cert.isEmpty, earlier.contains(where: { $0.certificateNumber.trimmingWhitespace() == cert }) {
                issues.append(ValidationIssue(field: "inspectors[\(i)].name", problem: .sameInspectorTwice(name)))
            }
        }
        if isPlanned { return issues }
        require(accompanying.name, "accompanying.name")
        require(accompanying.position, "accompanying.position")
        require(accompanying.phone, "accompanying.phone")
        if !accompanying.phone.isEmpty, !PhoneNumber.isValid(accompanying.phone) {
            issues.append(ValidationIssue(field: "accompanying.phone", problem: .invalidPhone(accompanying.phone)))
        }
        return issues
    }

    /// How far ahead of the clock a visit may be dated (clocks of two machines disagree).
    public static let futureTolerance: TimeInterval = 5 * 60

    /// The rules that bind the fields to the clock and to each other: a visit not later than
    /// `now` (beyond `futureTolerance`, in the user's time zone), and no conclusion 未发现问题
    /// with findings or hazards. A form refuses them; a stored file written by others that
    /// breaks one still loads and the problem is listed as a warning, so they are `.warning`s.
    public func ruleIssues(now: Date, in zone: TimeZone) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if CalendarDate.isValid(date), ClockTime.isValid(time) {
            let latest = CalendarDate.dayAndTime(now.addingTimeInterval(Self.futureTolerance), in: zone)
            if date > latest.day || (date == latest.day && time > latest.time) {
                issues.append(ValidationIssue(field: date > latest.day ? "date" : "time", problem: .visitInFuture(date + " " + time),
                                              severity: .warning))
            }
        }
        if conclusion == .noProblem, !findings.allSatisfy(\.isWhitespace) || !hazardIDs.isEmpty {
            issues.append(ValidationIssue(field: "conclusion", problem: .noProblemWithFindings, severity: .warning))
        }
        return issues
    }

    /// The document of `kind` issued for this visit, if one was.
    public func issuedDocument(_ kind: DocumentKind) -> IssuedDocument? { documents?.first { $0.kind == kind } }

    /// Keeps a document issued for this visit, and says so in the history.
    public mutating func recordIssued(_ document: IssuedDocument, by signer: Operator, at time: String) {
        documents = (documents ?? []) + [document]
        history.append(.documentIssued(document, by: signer, at: time))
    }

    /// Lists a hazard registered on this visit. A visit with a hazard cannot say no problem
    /// was found: its conclusion 未发现问题 becomes 责令整改 (the history shows the change).
    public mutating func addHazard(_ id: String) {
        guard !hazardIDs.contains(id) else { return }
        hazardIDs.append(id)
        if conclusion == .noProblem { conclusion = .rectificationOrdered }
    }

    /// The record's fields as text, in a fixed order, for the history's old → new.
    public var fieldTexts: [(field: String, text: String)] {
        var fields: [(String, String)] = [
            ("date", date), ("time", time), ("kind", kind.rawValue),
        ]
        for (i, inspector) in inspectors.enumerated() {
            fields.append(("inspectors[\(i)].name", inspector.name))
            fields.append(("inspectors[\(i)].certificateNumber", inspector.certificateNumber))
        }
        fields += [
            ("accompanying.name", accompanying.name), ("accompanying.position", accompanying.position),
            ("accompanying.phone", accompanying.phone), ("itemsChecked", itemsChecked),
            ("findings", findings), ("conclusion", conclusion.rawValue),
            ("hazardIDs", hazardIDs.joined(separator: ",")),
        ]
        return fields
    }

    /// The fields that differ from `old` (a field missing on one side counts as empty).
    public func changes(from old: SupervisionEntry) -> [FieldChange] {
        let before = Dictionary(old.fieldTexts, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(fieldTexts, uniquingKeysWith: { a, _ in a })
        // In this version's field order; fields only the old version had (a removed inspector) last.
        var order = fieldTexts.map(\.field)
        for field in old.fieldTexts.map(\.field) where !order.contains(field) { order.append(field) }
        return order.compactMap { field in
            let a = before[field] ?? "", b = after[field] ?? ""
            return a == b ? nil : FieldChange(field: field, old: a, new: b)
        }
    }

    /// Records this version as a change of `old` (or as created, when there is none),
    /// signed by the operator at the given time.
    public func recordingHistory(from old: SupervisionEntry?, by signer: Operator, at time: String) -> SupervisionEntry {
        var result = self
        if let old {
            result.history = old.history
            // A merge's conflicts stay until a choice removes them.
            result.conflicts = old.conflicts
            let changes = self.changes(from: old)
            if !changes.isEmpty {
                result.history.append(HistoryEntry(at: time, by: signer, action: .edited, changes: changes))
            }
        } else {
            result.history = [HistoryEntry(at: time, by: signer, action: .created, changes: [])]
        }
        return result
    }
}

/// Times of day as the ledger writes them: `HH:MM`.
public enum ClockTime {
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let h = Int(parts[0]), let m = Int(parts[1]) else { return false }
        return (0...23).contains(h) && (0...59).contains(m)
    }
}

extension SupervisionEntry {
    /// `S-<last 6 of the credit code>-<date>-<n>`: readable, unique among the enterprise's `taken` ids.
    public static func newID(for entry: SupervisionEntry, taken: Set<String>) -> String {
        let stem = "S-\(entry.enterpriseCode.suffix(6))-\(entry.date.replacingOccurrences(of: "-", with: ""))-"
        var n = 1
        while taken.contains(stem + "\(n)") { n += 1 }
        return stem + "\(n)"
    }
}
