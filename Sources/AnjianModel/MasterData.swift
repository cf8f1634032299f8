import Foundation

// The rules for changing master data (issue 13): enterprises and the inspector roster are edited
// field by field, retired and reinstated, and every change is kept in the record's history as
// visits and hazards keep theirs (who, when, which field, old → new). Pure functions: the
// runner writes what they give (`StoreOperation.saveEnterprise`, `.saveInspector`, `.rekeyEnterprise`).

/// Why a change to an enterprise or an inspector is refused; the UI words it.
public enum MasterDataRefusal: Error, Hashable, Sendable {
    case invalidDate(String)
    case reasonRequired
    /// Already retired, since that day.
    case alreadyRetired(since: String)
    case notRetired
    /// A review date before the decision's date.
    case reviewBeforeDecision(review: String, decision: String)
    /// Taking off the list an enterprise that is not on it.
    case notListed
    /// The listing asked for is the one the enterprise has.
    case integrityUnchanged
    /// The new credit code is not a valid one.
    case invalidCreditCode(CreditCode.Problem)
    /// Re-keying to the code the enterprise already has.
    case sameCreditCode
    /// The credit code changed on an enterprise with visits or hazards: their files are named by
    /// it, so only an explicit re-keying (`StoreOperation.rekeyEnterprise`) may change it.
    case rekeyRequired(code: String)
}

/// A record of the master data: an enterprise or an inspector of the roster.
public protocol MasterRecord: Sendable {
    /// What the record is known by in its file: the credit code, the certificate number.
    var key: String { get }
    /// The fields an edit may change, as text, in the order a history lists them.
    var fieldTexts: [(field: String, text: String)] { get }
    var history: [HistoryEntry]? { get set }
    var retired: RetirementRecord? { get set }
    /// A merge's conflicts waiting for a choice: an edit keeps them (only a choice removes one).
    var conflicts: [FieldConflict]? { get set }
}

extension MasterRecord {
    /// Not retired: listed, and offered for new records.
    public var isActive: Bool { retired == nil }

    /// The fields that differ from `old` (a field one side lacks counts as empty), in this version's order.
    public func changes(from old: Self) -> [FieldChange] {
        let before = Dictionary(old.fieldTexts, uniquingKeysWith: { a, _ in a })
        var seen = Set<String>()
        var result: [FieldChange] = []
        for (field, text) in fieldTexts {
            seen.insert(field)
            let was = before[field] ?? ""
            if was != text { result.append(FieldChange(field: field, old: was, new: text)) }
        }
        for (field, text) in old.fieldTexts where !seen.contains(field) && !text.isEmpty {
            result.append(FieldChange(field: field, old: text, new: ""))
        }
        return result
    }

    /// Begins the history of a new record (`created`).
    public mutating func recordCreation(by signer: Operator, at time: String, note: String? = nil) {
        history = [HistoryEntry(at: time, by: signer, action: .created, changes: [], note: note)]
    }

    /// This version as an edit of `old`: its history and retirement carried over (only the steps
    /// below change that), and one `edited` entry listing every changed field, old → new. Nothing
    /// is added when nothing changed; the changes are returned.
    @discardableResult
    mutating func recordChanges(from old: Self, by signer: Operator, at time: String, note: String? = nil) -> [FieldChange] {
        history = old.history
        retired = old.retired
        conflicts = old.conflicts
        let changes = self.changes(from: old)
        if !changes.isEmpty {
            history = (history ?? []) + [HistoryEntry(at: time, by: signer, action: .edited, changes: changes, note: note)]
        }
        return changes
    }

    /// Leaves the roll on `date` (a real day), with a reason. An inspector's later day takes effect
    /// then (the roster and the visit form read it); the enterprise form refuses a later day, as
    /// the lists and the draw take an enterprise's retirement at once.
    public mutating func retire(on date: String, reason: String, by signer: Operator, at time: String) throws(MasterDataRefusal) {
        if let retired { throw .alreadyRetired(since: retired.date) }
        guard CalendarDate.isValid(date) else { throw .invalidDate(date) }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw .reasonRequired }
        retired = RetirementRecord(date: date, reason: reason)
        history = (history ?? []) + [HistoryEntry(at: time, by: signer, action: .retired,
                                                  changes: [FieldChange(field: "retired.date", old: "", new: date)],
                                                  note: reason, date: date)]
    }

    /// Comes back on the roll; the history keeps the retirement (its date as the change's old value).
    public mutating func reinstate(reason: String = "", by signer: Operator, at time: String) throws(MasterDataRefusal) {
        guard let old = retired else { throw .notRetired }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        retired = nil
        history = (history ?? []) + [HistoryEntry(at: time, by: signer, action: .reinstated,
                                                  changes: [FieldChange(field: "retired.date", old: old.date, new: "")],
                                                  note: reason.isEmpty ? nil : reason)]
    }
}

extension Array where Element == ValidationIssue {
    /// The problems by field id (`creditCode`, `supervisors[1].phone`), each field's in order:
    /// what a form shows beside each field.
    public var byField: [String: [ValidationIssue]] { Dictionary(grouping: self, by: \.field) }
}

// MARK: Enterprises

extension Enterprise: MasterRecord {
    public var key: String { creditCode }

    /// Every field the enterprise form edits, as text. The integrity listing, the retirement and
    /// the history have their own steps; absent special equipment is empty.
    public var fieldTexts: [(field: String, text: String)] {
        var fields: [(String, String)] = [
            ("creditCode", creditCode), ("name", name), ("shortName", shortName), ("district", district), ("address", address),
            ("industry", industry), ("category", category.rawValue), ("riskGrade", riskGrade.rawValue),
            ("legalRepresentative", legalRepresentative),
            ("safetyResponsible.name", safetyResponsible.name), ("safetyResponsible.position", safetyResponsible.position),
            ("safetyResponsible.phone", safetyResponsible.phone),
            ("supervisors", supervisors.map(\.name).joined(separator: "、")),
            ("supervisors.phone", supervisors.map(\.phone).joined(separator: "、")),
        ]
        let equipment = specialEquipment
        for (key, count) in [("boilers", equipment?.boilers), ("pressureVessels", equipment?.pressureVessels),
                             ("pressurePiping", equipment?.pressurePiping), ("elevators", equipment?.elevators),
                             ("cranes", equipment?.cranes), ("forklifts", equipment?.forklifts)] {
            fields.append(("specialEquipment." + key, count.map(String.init) ?? ""))
        }
        fields.append(("notes", notes))
        return fields
    }

    /// A new enterprise from the form: its code normalized (upper case, no surrounding spaces)
    /// and its history begun.
    public mutating func recordCreation(by signer: Operator, at time: String) {
        creditCode = CreditCode.normalize(creditCode)
        recordCreation(by: signer, at: time, note: nil)
    }

    /// This version (from the form) as an edit of `old`: one `edited` history entry with every
    /// changed field, old → new; the history, the integrity listing and the retirement are
    /// `old`'s (they change only by their own steps). A changed credit code is refused when the
    /// enterprise has visits or hazards (`hasRecords`, as the ledger knows them; the runner checks
    /// the files too): that is `rekeyed(to:)`'s job. Returns the changes (none: nothing to save).
    @discardableResult
    public mutating func recordEdit(from old: Enterprise, hasRecords: Bool, by signer: Operator,
                                    at time: String) throws(MasterDataRefusal) -> [FieldChange] {
        creditCode = CreditCode.normalize(creditCode)
        if creditCode != old.creditCode, hasRecords { throw .rekeyRequired(code: old.creditCode) }
        integrity = old.integrity
        return recordChanges(from: old, by: signer, at: time)
    }

    /// Problems of the form's enterprise, each with the field it belongs to (see `byField`): the
    /// rules checked on load (a wrong check character is an error; the GB 11714 organization-code
    /// digit and an area code of another district are warnings), and against the other
    /// enterprises: a credit code or a name another already has. `original`: the credit code the
    /// record was opened with (nil for a new one).
    public func formIssues(among enterprises: [Enterprise], original: String?) -> [ValidationIssue] {
        var issues = validate()
        let code = CreditCode.normalize(creditCode)
        let others = enterprises.filter { $0.creditCode != original }
        if !code.isEmpty, others.contains(where: { CreditCode.normalize($0.creditCode) == code }) {
            issues.append(ValidationIssue(field: "creditCode", problem: .duplicateCreditCode(code)))
        }
        let trimmedName = name.trimmingCharacters(in: .whitespaces)
        if !trimmedName.isEmpty, let holder = others.first(where: { $0.name == trimmedName }) {
            issues.append(ValidationIssue(field: "name", problem: .nameHeldBy(code: holder.creditCode)))
        }
        return issues
    }

    /// Puts the enterprise on the red or black list, moves it from one to the other, changes the
    /// listing's details, or (`.none`) takes it off. The reason and the decision's date are
    /// required; the review date, when given, is not before the decision. The history gets one
    /// `integrityChanged` entry: `integrity.status` old → new and every other detail that changed,
    /// with the reason as its note and the decision's date as its date. Taken off, the listing is
    /// removed (absent means not listed); the history keeps what it was.
    public mutating func changeIntegrity(to status: IntegrityStatus, reason: String, decidedOn date: String,
                                         documentNumber: String = "", reviewDate: String = "",
                                         by signer: Operator, at time: String) throws(MasterDataRefusal) {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        let documentNumber = documentNumber.trimmingCharacters(in: .whitespaces)
        let reviewDate = reviewDate.trimmingCharacters(in: .whitespaces)
        if status == .none, integrityStatus == .none { throw .notListed }
        guard !reason.isEmpty else { throw .reasonRequired }
        guard CalendarDate.isValid(date) else { throw .invalidDate(date) }
        if !reviewDate.isEmpty {
            guard CalendarDate.isValid(reviewDate) else { throw .invalidDate(reviewDate) }
            guard reviewDate >= date else { throw .reviewBeforeDecision(review: reviewDate, decision: date) }
        }
        let new = status == .none ? nil : IntegrityRecord(status: status, reason: reason, date: date,
                                                         documentNumber: documentNumber.isEmpty ? nil : documentNumber,
                                                         reviewDate: reviewDate.isEmpty ? nil : reviewDate)
        func texts(_ record: IntegrityRecord?) -> [(String, String)] {
            [("integrity.status", (record?.status ?? .none).rawValue), ("integrity.reason", record?.reason ?? ""),
             ("integrity.date", record?.date ?? ""), ("integrity.documentNumber", record?.documentNumber ?? ""),
             ("integrity.reviewDate", record?.reviewDate ?? "")]
        }
        let changes = zip(texts(integrity), texts(new)).compactMap { was, now in
            was.1 == now.1 ? nil : FieldChange(field: now.0, old: was.1, new: now.1)
        }
        guard !changes.isEmpty else { throw .integrityUnchanged }
        integrity = new
        history = (history ?? []) + [HistoryEntry(at: time, by: signer, action: .integrityChanged, changes: changes,
                                                  note: reason, date: date)]
    }

    /// The enterprise under a new credit code, its history saying so (`rekeyed`, `creditCode`
    /// old → new). Only the record: `StoreOperation.rekeyEnterprise(from: self, to: result)`
    /// renames its files and rewrites the code in its visits and hazards (their numbers stay).
    public func rekeyed(to newCode: String, reason: String = "", by signer: Operator, at time: String) throws(MasterDataRefusal) -> Enterprise {
        let check = CreditCode.check(newCode)
        if let problem = check.problems.first { throw .invalidCreditCode(problem) }
        guard check.normalized != creditCode else { throw .sameCreditCode }
        var result = self
        result.creditCode = check.normalized
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        result.history = (history ?? []) + [HistoryEntry(at: time, by: signer, action: .rekeyed,
                                                         changes: [FieldChange(field: "creditCode", old: creditCode, new: check.normalized)],
                                                         note: reason.isEmpty ? nil : reason)]
        return result
    }
}

/// Which enterprises a list shows by their place on the integrity red or black list.
public enum IntegrityFilter: Hashable, Sendable, CaseIterable {
    case all
    /// On either list.
    case listed, red, black

    public func admits(_ status: IntegrityStatus) -> Bool {
        switch self {
        case .all: return true
        case .listed: return status != .none
        case .red: return status == .red
        case .black: return status == .black
        }
    }
}

// MARK: Inspectors

/// Where an inspector's law-enforcement certificate stands on a day.
public enum CertificateState: Hashable, Sendable {
    /// No expiry date on the roster (or not a real date: `validate` names it).
    case notRecorded
    case valid
    /// Valid for `days` more days after today (0: today is its last day), within `Inspector.expiryWarningDays`.
    case expiringSoon(days: Int)
    /// Its last valid day has passed.
    case expired
}

/// Why an inspector cannot be named on a new visit of a given day.
public enum InspectorRefusal: Hashable, Sendable {
    /// Retired on or before that day.
    case retired(since: String)
    /// The certificate's last valid day is before that day.
    case certificateExpired(on: String)
}

extension Inspector: MasterRecord {
    /// A certificate expiring within this many days is marked.
    public static let expiryWarningDays = 30

    public var key: String { certificateNumber }

    /// Every field the roster form edits, as text (lists joined with 、).
    public var fieldTexts: [(field: String, text: String)] {
        [("name", name), ("certificateNumber", certificateNumber), ("unit", unit), ("phone", phone ?? ""),
         ("certificateExpires", certificateExpires ?? ""),
         ("avoidDistricts", avoidDistricts.joined(separator: "、")), ("avoidEnterprises", avoidEnterprises.joined(separator: "、"))]
    }

    /// This version (from the form) as an edit of `old`: one `edited` entry with every changed
    /// field (the certificate number too: the records keep the number they were signed with);
    /// the history and retirement are `old`'s. Returns the changes (none: nothing to save).
    @discardableResult
    public mutating func recordEdit(from old: Inspector, by signer: Operator, at time: String) -> [FieldChange] {
        recordChanges(from: old, by: signer, at: time)
    }

    /// Problems of the form's inspector by field (see `byField`): the roster's rules, and a
    /// certificate number another inspector has. `original`: the number it was opened with.
    public func formIssues(among roster: [Inspector], original: String?) -> [ValidationIssue] {
        var issues = validate()
        let number = certificateNumber.trimmingCharacters(in: .whitespaces)
        if !number.isEmpty, roster.contains(where: { $0.certificateNumber == number && $0.certificateNumber != original }) {
            issues.append(ValidationIssue(field: "certificateNumber", problem: .duplicateCertificate(number)))
        }
        return issues
    }

    /// The certificate on `today` (`YYYY-MM-DD`): valid through its expiry day, marked in the
    /// last `expiryWarningDays` days, expired from the day after.
    public func certificateState(today: String) -> CertificateState {
        guard let expires = certificateExpires, CalendarDate.isValid(expires), CalendarDate.isValid(today),
              let days = CalendarDate.days(from: today, to: expires) else { return .notRecorded }
        if days < 0 { return .expired }
        return days <= Self.expiryWarningDays ? .expiringSoon(days: days) : .valid
    }

    /// Why this inspector cannot be named on a visit of `date`, or nil: retired on or before that
    /// day, or the certificate expired before it. Old records naming them are not affected.
    public func refusalForVisit(on date: String) -> InspectorRefusal? {
        if let retired, retired.date <= date { return .retired(since: retired.date) }
        if let expires = certificateExpires, CalendarDate.isValid(expires), expires < date {
            return .certificateExpired(on: expires)
        }
        return nil
    }
}
