import Foundation
import AnjianModel
import AnjianStore

/// One change to the data directory, performed by `Runner.perform` as a whole or not at all.
/// Each carries the record as the program last read it (`base`, nil for a new record): the
/// runner applies the change only where the file still holds that version, so a record
/// changed meanwhile by someone else is a conflict, never silently overwritten.
public enum StoreOperation: Hashable, Sendable {
    /// Add or replace this entry in its enterprise's supervision file.
    case saveSupervision(SupervisionEntry, base: SupervisionEntry?)
    /// Add or replace this hazard in its enterprise's hazard file and, when it was registered
    /// on a visit, that visit listing it (`link`): both files or neither.
    case saveHazard(Hazard, base: Hazard?, link: VisitLink?)
    /// Name the operator in the lock's holder record and remember them in the config file.
    case saveOperator(Operator)
    /// Keep a half-filled form as a draft (see `Drafts`), or remove one taken back or discarded.
    case saveDraft(name: String, data: Data)
    case removeDraft(name: String)
    /// Issue an enforcement document for a visit or a hazard, or give back the one issued before
    /// (`WrittenRecords.issuedDocument`): its number, its record and a history entry in the file.
    case issueDocument(DocumentRequest)
    /// Keep a double-random draw (`draws/<id>.json`, under the next free id) and the visits it
    /// plans, one planned entry per team in its enterprise's file: all the files or none.
    case recordDraw(DrawRecord)
    /// Add or replace this enterprise in `enterprises.json` (by credit code; `base` nil: new). A
    /// new code on an existing record (`base` under another code) is allowed only while no
    /// visits or hazards are filed under the old one: else `rekeyEnterprise`.
    case saveEnterprise(Enterprise, base: Enterprise?)
    /// Add or replace this inspector in `inspectors.json` (by certificate number; `base` nil: new).
    case saveInspector(Inspector, base: Inspector?)
    /// Give an enterprise a new credit code: `from` as the program read it, `to` the same
    /// enterprise under its new code (`Enterprise.rekeyed(to:)`). Its supervision and hazard files
    /// are written under the new code (each record's `enterpriseCode` rewritten, ids and hazard
    /// numbers kept), then `enterprises.json`, then the old files are removed (see `Runner.rekey`).
    case rekeyEnterprise(from: Enterprise, to: Enterprise)
}

/// A visit that lists a newly registered hazard: the entry with the hazard's id added (and its
/// history saying so), and the entry as it was read before.
public struct VisitLink: Hashable, Sendable {
    public var entry: SupervisionEntry
    public var base: SupervisionEntry
    public init(entry: SupervisionEntry, base: SupervisionEntry) {
        self.entry = entry
        self.base = base
    }
}

/// What the files written hold now: every record of each enterprise file the operation wrote,
/// including records other programs added, so the views can show the files as they are.
public struct WrittenRecords: Hashable, Sendable {
    public var hazards: [String: [Hazard]] = [:]
    public var supervisions: [String: [SupervisionEntry]] = [:]
    /// A new supervision entry saved under another id than it asked for (its id was given on disk
    /// meanwhile): the id asked for → the id saved.
    public var renamedEntries: [String: String] = [:]
    /// `issueDocument`: the document as issued now, or as issued before (`reissued`, nothing written).
    public var issuedDocument: IssuedDocument?
    public var reissued = false
    /// `recordDraw`: the record as written (its id given on disk).
    public var drawRecord: DrawRecord?
    /// `saveEnterprise`, `rekeyEnterprise`: the whole enterprise list as written (with what
    /// other programs added), for the app to adopt.
    public var enterprises: [Enterprise]?
    /// `saveInspector` (and a re-keying that renamed an enterprise to avoid): the roster as written.
    public var inspectors: [Inspector]?
    /// `rekeyEnterprise` (or a `saveEnterprise` that changed a code with no records): the old
    /// credit code → the new one. The records now under the new code are in `hazards` and
    /// `supervisions`; nothing is left under the old one.
    public var rekeyed: [String: String] = [:]
    public init(hazards: [String: [Hazard]] = [:], supervisions: [String: [SupervisionEntry]] = [:]) {
        self.hazards = hazards
        self.supervisions = supervisions
    }
}

/// How an operation went. The error stays typed: the UI words it in the user's language.
public enum StoreOutcome: Hashable, Sendable {
    case saved(StoreOperation, written: WrittenRecords)
    /// Nothing of the operation was written.
    case failed(StoreOperation, StoreError)
}
