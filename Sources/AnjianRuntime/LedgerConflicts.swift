import Foundation
import AnjianModel
import AnjianStore

/// A record of the ledger that carries merge conflicts (issue 15): what the TUI marks in its lists,
/// counts in the header and offers to resolve.
public struct ConflictedRecord: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case enterprise, inspector, supervision, hazard }
    public var kind: Kind
    /// The record's key: credit code, certificate number, visit id, hazard id.
    public var key: String
    /// The enterprise whose file holds it (visits and hazards; an enterprise's own code).
    public var enterpriseCode: String?
    /// How the record is named in a list: the enterprise's or inspector's name, the visit id, the hazard number.
    public var title: String
    public var conflicts: [FieldConflict]
}

/// A record that may carry conflicts, as the app holds it: what a choice of sides is made on.
public enum ConflictSubject: Sendable, Hashable {
    case enterprise(Enterprise)
    case inspector(Inspector)
    case supervision(SupervisionEntry)
    case hazard(Hazard)

    public var conflicts: [FieldConflict] {
        switch self {
        case .enterprise(let e): e.conflicts ?? []
        case .inspector(let i): i.conflicts ?? []
        case .supervision(let s): s.conflicts ?? []
        case .hazard(let h): h.conflicts ?? []
        }
    }
}

/// Listing a ledger's conflicts and turning a choice into the store operation that saves it.
public enum LedgerConflicts {
    /// Every record with a conflict: enterprises, the roster, then each enterprise's visits and hazards (by credit code).
    public static func list(_ ledger: LoadedLedger) -> [ConflictedRecord] {
        var found: [ConflictedRecord] = []
        for e in ledger.enterprises where e.hasConflicts {
            found.append(ConflictedRecord(kind: .enterprise, key: e.creditCode, enterpriseCode: e.creditCode, title: e.name, conflicts: e.conflicts!))
        }
        for i in ledger.inspectors where i.hasConflicts {
            found.append(ConflictedRecord(kind: .inspector, key: i.certificateNumber, enterpriseCode: nil, title: i.name, conflicts: i.conflicts!))
        }
        for code in Set(ledger.supervisions.keys).union(ledger.hazards.keys).sorted() {
            for s in ledger.supervisions[code] ?? [] where s.hasConflicts {
                found.append(ConflictedRecord(kind: .supervision, key: s.id, enterpriseCode: code, title: s.id, conflicts: s.conflicts!))
            }
            for h in ledger.hazards[code] ?? [] where h.hasConflicts {
                found.append(ConflictedRecord(kind: .hazard, key: h.id, enterpriseCode: code, title: h.number, conflicts: h.conflicts!))
            }
        }
        return found
    }

    /// The operation that saves `subject` (the record as loaded) with a side chosen for each of
    /// `choices`' fields, in order, each recorded in the history (`conflictResolved`). A field no
    /// longer in conflict (decided with its group by an earlier choice) is skipped; nil when none is left.
    public static func resolution(of subject: ConflictSubject, choices: [(field: String, side: ConflictSide)],
                                  by signer: Operator, at time: String) throws(ConflictRefusal) -> StoreOperation? {
        func resolved<R: ConflictCarrying>(_ record: R) throws(ConflictRefusal) -> R? {
            var result = record
            var changed = false
            for choice in choices where (result.conflicts ?? []).contains(where: { $0.field == choice.field }) {
                result = try result.resolvingConflict(on: choice.field, keep: choice.side, by: signer, at: time)
                changed = true
            }
            return changed ? result : nil
        }
        switch subject {
        case .enterprise(let e): return try resolved(e).map { .saveEnterprise($0, base: e) }
        case .inspector(let i): return try resolved(i).map { .saveInspector($0, base: i) }
        case .supervision(let s): return try resolved(s).map { .saveSupervision($0, base: s) }
        case .hazard(let h): return try resolved(h).map { .saveHazard($0, base: h, link: nil) }
        }
    }

    /// The operation that saves `record` with its conflict on `field` decided for `side`
    /// (`ConflictCarrying.resolvingConflict`), against the record as loaded: the runner refuses it
    /// as a conflict when the file changed meanwhile. Nil when the record is no longer in the ledger.
    public static func resolution(of record: ConflictedRecord, field: String, keep side: ConflictSide, in ledger: LoadedLedger,
                                  by signer: Operator, at time: String) throws(ConflictRefusal) -> StoreOperation? {
        switch record.kind {
        case .enterprise:
            guard let e = ledger.enterprises.first(where: { $0.creditCode == record.key }) else { return nil }
            return .saveEnterprise(try e.resolvingConflict(on: field, keep: side, by: signer, at: time), base: e)
        case .inspector:
            guard let i = ledger.inspectors.first(where: { $0.certificateNumber == record.key }) else { return nil }
            return .saveInspector(try i.resolvingConflict(on: field, keep: side, by: signer, at: time), base: i)
        case .supervision:
            guard let s = ledger.supervisions[record.enterpriseCode ?? ""]?.first(where: { $0.id == record.key }) else { return nil }
            return .saveSupervision(try s.resolvingConflict(on: field, keep: side, by: signer, at: time), base: s)
        case .hazard:
            guard let h = ledger.hazards[record.enterpriseCode ?? ""]?.first(where: { $0.id == record.key }) else { return nil }
            return .saveHazard(try h.resolvingConflict(on: field, keep: side, by: signer, at: time), base: h, link: nil)
        }
    }
}
