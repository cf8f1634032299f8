import Foundation
import AnjianModel
import AnjianStore

/// Which ledger file a merge is about, from its path in the data directory (git's `%P`).
public enum LedgerFileKind: Hashable, Sendable {
    case enterprises, inspectors
    /// `supervisions/<code>.json`, `hazards/<code>.json`
    case supervisions(String), hazards(String)

    /// The kind of `enterprises.json`, `inspectors.json`, `supervisions/<code>.json`, `hazards/<code>.json`;
    /// nil for any other file (the manifest, draws, settings: git merges those as text).
    public init?(path: String) {
        let parts = path.split(separator: "/").map(String.init)
        switch (parts.count, parts.first, parts.last) {
        case (1, LedgerStore.enterprisesName, _): self = .enterprises
        case (1, LedgerStore.inspectorsName, _): self = .inspectors
        case (2, LedgerStore.supervisionsFolder, let name?) where name.hasSuffix(".json"): self = .supervisions(String(name.dropLast(5)))
        case (2, LedgerStore.hazardsFolder, let name?) where name.hasSuffix(".json"): self = .hazards(String(name.dropLast(5)))
        default: return nil
        }
    }

    /// The key of the records' array in the file.
    var recordsKey: String {
        switch self {
        case .enterprises: "enterprises"
        case .inspectors: "inspectors"
        case .supervisions: "entries"
        case .hazards: "hazards"
        }
    }

    /// What identifies a record: ids for visits and hazards, the credit code, the certificate number.
    var keyField: String {
        switch self {
        case .enterprises: "creditCode"
        case .inspectors: "certificateNumber"
        case .supervisions, .hazards: "id"
        }
    }
}

/// Who signs what a merge itself changes (a renumbering), and when.
public struct MergeSigner: Sendable {
    public var signer: Operator
    public var time: String
    public init(signer: Operator, time: String) {
        self.signer = signer
        self.time = time
    }
}

/// A merged file and what the merge did.
public struct MergeOutcome: Sendable {
    /// The merged file's bytes, as the store writes them.
    public var data: Data
    /// Conflict records added (fields changed differently on both sides).
    public var conflicts: Int
    /// Numbers (hazards) or ids (visits) given anew because both sides had taken them: old → new.
    public var renumbered: [FieldChange]
}

/// Why a merge could not be made: git then shows its usual conflict.
public struct MergeFailure: Error, Sendable, CustomStringConvertible {
    public var side: String
    public var reason: String
    public var description: String { "\(side): \(reason)" }
}

/// The record-level three-way merge of one ledger file (issue 15): records are matched by their
/// key; a record added on either side is kept; changed on one side, that side's version; changed
/// on both, merged field by field against the base, a field changed differently on both sides kept
/// as ours with a `FieldConflict` on the record. Histories are the union of both sides in time order.
/// Fields are compared as JSON, so a field this code does not name merges the same way.
public enum LedgerMerge {
    public static func merge(_ kind: LedgerFileKind, base: Data?, ours: Data, theirs: Data, signer: MergeSigner) throws -> MergeOutcome {
        let baseTop = try parse(base, side: "base", kind: kind)
        guard let oursTop = try parse(ours, side: "ours", kind: kind) else { throw MergeFailure(side: "ours", reason: "empty") }
        guard let theirsTop = try parse(theirs, side: "theirs", kind: kind) else { throw MergeFailure(side: "theirs", reason: "empty") }
        var merger = RecordMerger(kind: kind)
        var records = merger.mergeLists(base: records(of: baseTop, kind), ours: records(of: oursTop, kind), theirs: records(of: theirsTop, kind))
        var renumbered: [FieldChange] = []
        switch kind {
        case .hazards(let code): renumbered = renumberHazards(&records, enterpriseCode: code, signer: signer)
        case .supervisions: renumbered = merger.renameVisits(&records, signer: signer)
        default: break
        }
        var top = oursTop
        top[kind.recordsKey] = .array(records.map(JSONValue.object))
        let data = try encode(.object(top), kind: kind)
        return MergeOutcome(data: data, conflicts: merger.conflictCount, renumbered: renumbered)
    }

    /// The file's top object; nil for an empty (absent) file. The side must also decode as the store
    /// reads it: a merge never builds on a file the program would refuse.
    static func parse(_ data: Data?, side: String, kind: LedgerFileKind) throws -> [String: JSONValue]? {
        guard let data, !data.allSatisfy({ [0x20, 0x0A, 0x0D, 0x09].contains($0) }) else { return nil }
        do {
            switch kind {
            case .enterprises: _ = try LedgerFileCodec.decodeEnterprises(data, path: side)
            case .inspectors: _ = try LedgerFileCodec.decodeInspectors(data, path: side)
            case .supervisions: _ = try LedgerFileCodec.decodeSupervisions(data, path: side)
            case .hazards: _ = try LedgerFileCodec.decodeHazards(data, path: side)
            }
            guard let top = try JSONDecoder().decode(JSONValue.self, from: data).objectValue else {
                throw MergeFailure(side: side, reason: "not a JSON object")
            }
            return top
        } catch let failure as MergeFailure {
            throw failure
        } catch {
            throw MergeFailure(side: side, reason: "\(error)")
        }
    }

    static func records(of top: [String: JSONValue]?, _ kind: LedgerFileKind) -> [[String: JSONValue]] {
        guard case .array(let items)? = top?[kind.recordsKey] else { return [] }
        return items.compactMap(\.objectValue)
    }

    /// Through the store's own types and encoder, so the bytes are those a save would write.
    static func encode(_ json: JSONValue, kind: LedgerFileKind) throws -> Data {
        do {
            switch kind {
            case .enterprises: return try LedgerFileCodec.encode(json.decode(EnterprisesFile.self))
            case .inspectors: return try LedgerFileCodec.encode(json.decode(InspectorsFile.self))
            case .supervisions: return try LedgerFileCodec.encode(json.decode(SupervisionsFile.self))
            case .hazards: return try LedgerFileCodec.encode(json.decode(HazardsFile.self))
            }
        } catch {
            throw MergeFailure(side: "merged", reason: "\(error)")
        }
    }

    /// Two hazards with one number (both sides issued it offline): the one created later gets the
    /// next free number of its enterprise and year, with a `renumbered` history entry. Ids, not
    /// numbers, link hazards to visits and documents, so nothing else changes.
    static func renumberHazards(_ records: inout [[String: JSONValue]], enterpriseCode: String, signer: MergeSigner) -> [FieldChange] {
        var holders: [String: [Int]] = [:]
        for (index, record) in records.enumerated() {
            if let number = record["number"]?.stringValue { holders[number, default: []].append(index) }
        }
        var taken = Set(holders.keys)
        var changes: [FieldChange] = []
        for number in holders.keys.sorted() where holders[number]!.count > 1 {
            let ordered = holders[number]!.sorted { a, b in
                let ka = RecordMerger.createdKey(records[a]), kb = RecordMerger.createdKey(records[b])
                return ka != kb ? ka < kb : (records[a]["id"]?.stringValue ?? "") < (records[b]["id"]?.stringValue ?? "")
            }
            for index in ordered.dropFirst() {
                let year = String((records[index]["discoveredOn"]?.stringValue ?? number.dropFirst(3).description).prefix(4))
                let new = Hazard.nextNumber(year: year, enterpriseCode: enterpriseCode, taken: taken)
                taken.insert(new)
                let change = FieldChange(field: "number", old: number, new: new)
                records[index]["number"] = .string(new)
                RecordMerger.appendHistory(&records[index], HistoryEntry(at: signer.time, by: signer.signer, action: .renumbered, changes: [change]))
                changes.append(change)
            }
        }
        return changes
    }
}

/// The merge of one file's records, counting the conflicts it records.
struct RecordMerger {
    let kind: LedgerFileKind
    var conflictCount = 0
    /// Visits both sides created under one id: the later one, to be given a new id (`renameVisits`).
    var collided: Set<Int> = []

    /// Arrays merged as sets (what either side added stays, what either removed goes): links and
    /// lists of names, where two additions are never a conflict.
    static let setFields: Set<String> = ["hazardIDs", "documents", "avoidDistricts", "avoidEnterprises", "evidence"]
    /// A hazard's lifecycle state: merged as one, so the result is always a state one side had.
    static let lifecycle = ["status", "verifications", "closedOn"]

    mutating func mergeLists(base: [[String: JSONValue]], ours: [[String: JSONValue]], theirs: [[String: JSONValue]]) -> [[String: JSONValue]] {
        let key = kind.keyField
        func keyOf(_ record: [String: JSONValue]) -> String { record[key]?.stringValue ?? "" }
        let baseByKey = Dictionary(base.map { (keyOf($0), $0) }, uniquingKeysWith: { a, _ in a })
        let theirsByKey = Dictionary(theirs.map { (keyOf($0), $0) }, uniquingKeysWith: { a, _ in a })
        let oursKeys = Set(ours.map(keyOf))
        var result: [[String: JSONValue]] = []
        var later: [[String: JSONValue]] = []
        for record in ours {
            let k = keyOf(record)
            if let other = theirsByKey[k] {
                if let original = baseByKey[k] {
                    result.append(mergeRecord(base: original, ours: record, theirs: other))
                } else if case .supervisions = kind, record != other, Self.createdEntry(record) != Self.createdEntry(other) {
                    // Two visits, one id (both sides numbered the day's visits from 1): both kept.
                    let oursFirst = Self.createdKey(record) <= Self.createdKey(other)
                    result.append(oursFirst ? record : other)
                    later.append(oursFirst ? other : record)
                } else {
                    result.append(mergeRecord(base: nil, ours: record, theirs: other))
                }
            } else if let original = baseByKey[k], original == record {
                continue  // removed on their side, unchanged on ours
            } else {
                result.append(record)  // added on ours, or changed on ours while removed on theirs: kept
            }
        }
        for record in theirs where !oursKeys.contains(keyOf(record)) {
            if let original = baseByKey[keyOf(record)], original == record { continue }
            result.append(record)
        }
        for record in later {
            collided.insert(result.count)
            result.append(record)
        }
        return result
    }

    /// Gives each visit of `collided` the next free id of its enterprise and day, with a
    /// `renumbered` history entry (`id` old → new): the sync then points its hazards at it
    /// (`LinkRepair`), found by the visit's `hazardIDs`.
    func renameVisits(_ records: inout [[String: JSONValue]], signer: MergeSigner) -> [FieldChange] {
        var taken = Set(records.compactMap { $0["id"]?.stringValue })
        var changes: [FieldChange] = []
        for index in collided.sorted() {
            guard let old = records[index]["id"]?.stringValue else { continue }
            let stem = old.range(of: "-", options: .backwards).map { String(old[..<$0.upperBound]) } ?? old + "-"
            var n = 1
            while taken.contains(stem + "\(n)") { n += 1 }
            let new = stem + "\(n)"
            taken.insert(new)
            let change = FieldChange(field: "id", old: old, new: new)
            records[index]["id"] = .string(new)
            Self.appendHistory(&records[index], HistoryEntry(at: signer.time, by: signer.signer, action: .renumbered, changes: [change]))
            changes.append(change)
        }
        return changes
    }

    /// One record changed on both sides (or added on both: `base` nil).
    mutating func mergeRecord(base: [String: JSONValue]?, ours: [String: JSONValue], theirs: [String: JSONValue]) -> [String: JSONValue] {
        if ours == theirs { return ours }
        let original = base ?? [:]
        var result: [String: JSONValue] = [:]
        var found: [(field: String, ours: JSONValue?, theirs: JSONValue?)] = []
        var handled: Set<String> = ["history", "conflicts"]
        if case .hazards = kind {
            let group = Self.lifecycle
            let oursChanged = group.contains { ours[$0] != original[$0] }
            let theirsChanged = group.contains { theirs[$0] != original[$0] }
            let source = theirsChanged && !oursChanged ? theirs : ours
            for field in group {
                result[field] = source[field]
                if oursChanged && theirsChanged && ours[field] != theirs[field] { found.append((field, ours[field], theirs[field])) }
            }
            handled.formUnion(group)
        }
        let fields = Set(original.keys).union(ours.keys).union(theirs.keys).subtracting(handled)
        for field in fields.sorted() {
            result[field] = Self.merge3(original[field], ours[field], theirs[field], path: field, found: &found)
        }
        if let history = Self.mergeHistory(original["history"], ours["history"], theirs["history"]) { result["history"] = history }
        let sides = (ours: Self.latestChange(original, ours), theirs: Self.latestChange(original, theirs))
        let fresh = found.map {
            FieldConflict(field: $0.field, ours: $0.ours, theirs: $0.theirs, oursBy: sides.ours?.by, oursAt: sides.ours?.at,
                          theirsBy: sides.theirs?.by, theirsAt: sides.theirs?.at)
        }
        var merged = result
        Self.putConflicts(&merged, kept: Self.setMerge(original["conflicts"], ours["conflicts"], theirs["conflicts"]), fresh: fresh)
        if !isLoadable(merged) {
            // The field-by-field result breaks a rule a load enforces: ours whole, every field theirs differs in a conflict.
            merged = ours
            merged["history"] = result["history"]
            let all = Set(ours.keys).union(theirs.keys).subtracting(["history", "conflicts"]).sorted().filter { ours[$0] != theirs[$0] }
            let conflicts = all.map {
                FieldConflict(field: $0, ours: ours[$0], theirs: theirs[$0], oursBy: sides.ours?.by, oursAt: sides.ours?.at,
                              theirsBy: sides.theirs?.by, theirsAt: sides.theirs?.at)
            }
            Self.putConflicts(&merged, kept: Self.setMerge(original["conflicts"], ours["conflicts"], theirs["conflicts"]), fresh: conflicts)
            conflictCount += conflicts.count
        } else {
            conflictCount += fresh.count
        }
        return merged
    }

    /// The conflicts still open from before, those on a field met again replaced by the fresh ones.
    static func putConflicts(_ record: inout [String: JSONValue], kept: JSONValue?, fresh: [FieldConflict]) {
        var all: [FieldConflict] = (try? kept?.decode([FieldConflict].self)) ?? []
        let fields = Set(fresh.map(\.field))
        all = all.filter { !fields.contains($0.field) } + fresh
        record["conflicts"] = all.isEmpty ? nil : try? JSONValue(encoding: all)
    }

    /// Whether a load would take the record (its file's rules).
    func isLoadable(_ record: [String: JSONValue]) -> Bool {
        let json = JSONValue.object(record)
        switch kind {
        case .hazards: return (try? json.decode(Hazard.self)).map { LedgerFileCodec.errors(of: $0).isEmpty } ?? false
        case .supervisions: return (try? json.decode(SupervisionEntry.self)).map { LedgerFileCodec.errors(of: $0).isEmpty } ?? false
        case .enterprises: return (try? json.decode(Enterprise.self)).map { $0.validate().errors.isEmpty } ?? false
        case .inspectors: return (try? json.decode(Inspector.self)) != nil
        }
    }

    /// The three-way merge of one field's value; a conflict keeps ours and is listed in `found`.
    static func merge3(_ base: JSONValue?, _ ours: JSONValue?, _ theirs: JSONValue?, path: String,
                       found: inout [(field: String, ours: JSONValue?, theirs: JSONValue?)]) -> JSONValue? {
        if ours == theirs { return ours }
        if ours == base { return theirs }
        if theirs == base { return ours }
        let name = String(path.split(separator: ".").last ?? "")
        if setFields.contains(name), isArrayOrAbsent(base), isArrayOrAbsent(ours), isArrayOrAbsent(theirs) {
            return setMerge(base, ours, theirs)
        }
        if case .object(let o)? = ours, case .object(let t)? = theirs, base == nil || base?.objectValue != nil {
            let b = base?.objectValue ?? [:]
            var result: [String: JSONValue] = [:]
            for key in Set(b.keys).union(o.keys).union(t.keys).sorted() {
                result[key] = merge3(b[key], o[key], t[key], path: path + "." + key, found: &found)
            }
            return .object(result)
        }
        found.append((path, ours, theirs))
        return ours
    }

    static func isArrayOrAbsent(_ value: JSONValue?) -> Bool {
        if value == nil { return true }
        if case .array = value! { return true }
        return false
    }

    /// Ours' items in their order, then theirs' new ones; an item of the base that either side
    /// removed is gone. Nil when all three are absent.
    static func setMerge(_ base: JSONValue?, _ ours: JSONValue?, _ theirs: JSONValue?) -> JSONValue? {
        func items(_ value: JSONValue?) -> [JSONValue] {
            if case .array(let list)? = value { return list }
            return []
        }
        if base == nil && ours == nil && theirs == nil { return nil }
        if ours == theirs { return ours }
        if ours == base { return theirs }
        if theirs == base { return ours }
        let b = items(base), o = items(ours), t = items(theirs)
        let removed = Set(b.filter { !o.contains($0) || !t.contains($0) })
        var result: [JSONValue] = []
        for item in o + t where !removed.contains(item) && !result.contains(item) { result.append(item) }
        if result.isEmpty && (ours == nil || theirs == nil) { return nil }
        return .array(result)
    }

    /// Both sides' entries, each once, in time order (an entry's place among those of its time kept).
    static func mergeHistory(_ base: JSONValue?, _ ours: JSONValue?, _ theirs: JSONValue?) -> JSONValue? {
        guard case .array(let union)? = setMerge(nil, ours, theirs) ?? base else { return ours }
        let times = union.map { entry -> Date? in entry.value(at: "at")?.stringValue.flatMap(parseTime) }
        var previous = Date.distantPast
        let keyed = union.indices.map { index -> (Date, Int) in
            let time = times[index] ?? previous
            previous = time
            return (time, index)
        }
        return .array(keyed.sorted { $0 < $1 }.map { union[$0.1] })
    }

    static func parseTime(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }

    /// The latest history entry a side added since the base: who changed the record there, and when.
    static func latestChange(_ base: [String: JSONValue], _ side: [String: JSONValue]) -> (by: Operator?, at: String?)? {
        guard case .array(let entries)? = side["history"] else { return nil }
        var known: [JSONValue] = []
        if case .array(let list)? = base["history"] { known = list }
        guard let entry = entries.last(where: { !known.contains($0) }) else { return nil }
        return (try? entry.value(at: "by")?.decode(Operator.self), entry.value(at: "at")?.stringValue)
    }

    /// A record's first history entry, the one that made it: two records with different ones are different records.
    static func createdEntry(_ record: [String: JSONValue]) -> JSONValue? {
        guard case .array(let entries)? = record["history"] else { return nil }
        return entries.first
    }

    /// When the record was made, for ordering two that claim one number (unknown: first).
    static func createdKey(_ record: [String: JSONValue]) -> Date {
        createdEntry(record)?.value(at: "at")?.stringValue.flatMap(parseTime) ?? .distantPast
    }

    static func appendHistory(_ record: inout [String: JSONValue], _ entry: HistoryEntry) {
        guard let json = try? JSONValue(encoding: entry) else { return }
        var entries: [JSONValue] = []
        if case .array(let list)? = record["history"] { entries = list }
        record["history"] = .array(entries + [json])
    }
}
