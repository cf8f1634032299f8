import Foundation

// Conflicts left by a merge (issue 15): two inspectors changed the same field of the same record
// offline. The merge keeps "ours" in place and records both values here; nothing is decided
// silently. The TUI lists them (`conflicts`) and the user chooses a side (`resolvingConflict`).

/// Any JSON value: a record's field as it is written in its file, whatever its type, so that a
/// conflict can hold both sides of any field (new fields included) and put the chosen one back.
public enum JSONValue: Codable, Hashable, Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null; return }
        if let value = try? c.decode(Bool.self) { self = .bool(value); return }
        if let value = try? c.decode(Int.self) { self = .integer(value); return }
        if let value = try? c.decode(Double.self) { self = .number(value); return }
        if let value = try? c.decode(String.self) { self = .string(value); return }
        if let value = try? c.decode([JSONValue].self) { self = .array(value); return }
        self = .object(try c.decode([String: JSONValue].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let value): try c.encode(value)
        case .integer(let value): try c.encode(value)
        case .number(let value): try c.encode(value)
        case .string(let value): try c.encode(value)
        case .array(let value): try c.encode(value)
        case .object(let value): try c.encode(value)
        }
    }

    /// A value of a Codable type, as its JSON.
    public init<T: Encodable>(encoding value: T) throws {
        self = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
    }

    /// This JSON as a value of `type`.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: JSONEncoder().encode(self))
    }

    public var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The value at a dotted path (`rectification.deadline`); nil when absent.
    public func value(at path: String) -> JSONValue? {
        var current: JSONValue? = self
        for key in path.split(separator: ".") { current = current?.objectValue?[String(key)] }
        return current
    }

    /// Sets (nil: removes) the value at a dotted path, making the objects on the way.
    public mutating func setValue(_ value: JSONValue?, at path: String) {
        let keys = path.split(separator: ".").map(String.init)
        guard !keys.isEmpty else { return }
        self = Self.setting(value, keys[...], in: self)
    }

    private static func setting(_ value: JSONValue?, _ keys: ArraySlice<String>, in current: JSONValue?) -> JSONValue {
        var members = current?.objectValue ?? [:]
        let key = keys.first!
        if keys.count == 1 {
            members[key] = value
        } else {
            members[key] = setting(value, keys.dropFirst(), in: members[key])
        }
        return .object(members)
    }

    /// The value as a history shows it: a string as it is, anything else as compact JSON.
    public var displayText: String {
        switch self {
        case .null: return ""
        case .string(let text): return text
        case .bool(let value): return value ? "true" : "false"
        case .integer(let value): return String(value)
        case .number(let value): return String(value)
        default:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
    }
}

/// One field changed differently on two sides of a merge: both values (nil: the field was absent
/// on that side) and who changed it when (the latest history entry of that side, when there is one).
public struct FieldConflict: Codable, Hashable, Sendable {
    /// The field's path in the record (`status`, `rectification.deadline`).
    public var field: String
    /// The value kept in the record (this clone's, when the merge was made).
    public var ours: JSONValue?
    /// The other side's value.
    public var theirs: JSONValue?
    public var oursBy: Operator?
    public var oursAt: String?
    public var theirsBy: Operator?
    public var theirsAt: String?

    public init(field: String, ours: JSONValue?, theirs: JSONValue?, oursBy: Operator? = nil, oursAt: String? = nil,
                theirsBy: Operator? = nil, theirsAt: String? = nil) {
        self.field = field
        self.ours = ours
        self.theirs = theirs
        self.oursBy = oursBy
        self.oursAt = oursAt
        self.theirsBy = theirsBy
        self.theirsAt = theirsAt
    }
}

/// Which value of a conflict to keep.
public enum ConflictSide: String, Codable, Sendable {
    /// The value in the record now (kept by the merge).
    case ours
    case theirs
}

/// Why a conflict could not be resolved.
public enum ConflictRefusal: Error, Hashable, Sendable {
    /// The record has no conflict on that field (already resolved, perhaps by another clone).
    case noConflict(field: String)
    /// The chosen value does not fit the record (it no longer decodes).
    case invalidValue(field: String)
}

/// A record that may carry the conflicts of a merge: hazards, supervision entries, enterprises, inspectors.
public protocol ConflictCarrying: Codable {
    var conflicts: [FieldConflict]? { get set }
}

extension ConflictCarrying {
    /// True while a conflict waits for a choice.
    public var hasConflicts: Bool { !(conflicts ?? []).isEmpty }

    /// Fields that the merge treats as one: choosing a side for one of them chooses it for all
    /// (a hazard's lifecycle state is its status, verifications and close date together).
    public static func conflictGroup(of field: String) -> [String] {
        let lifecycle = ["status", "verifications", "closedOn"]
        return lifecycle.contains(field) ? lifecycle : [field]
    }

    /// The record with the conflict on `field` decided: `side`'s value put in place (with the other
    /// fields of its group, see `conflictGroup`), the conflict removed, and the choice kept in the
    /// history (`conflictResolved`, one change per field, old → new as text) signed by `signer`.
    public func resolvingConflict(on field: String, keep side: ConflictSide, by signer: Operator, at time: String) throws(ConflictRefusal) -> Self {
        let all = conflicts ?? []
        guard all.contains(where: { $0.field == field }) else { throw .noConflict(field: field) }
        let group = Set(Self.conflictGroup(of: field))
        let chosen = all.filter { group.contains($0.field) }
        guard var json = try? JSONValue(encoding: self) else { throw .invalidValue(field: field) }
        var changes: [FieldChange] = []
        for conflict in chosen {
            let old = json.value(at: conflict.field)
            let new = side == .ours ? conflict.ours : conflict.theirs
            if old != new {
                json.setValue(new, at: conflict.field)
                changes.append(FieldChange(field: conflict.field, old: old?.displayText ?? "", new: new?.displayText ?? ""))
            }
        }
        let remaining = all.filter { !group.contains($0.field) }
        json.setValue(remaining.isEmpty ? nil : try? JSONValue(encoding: remaining), at: "conflicts")
        let entry = HistoryEntry(at: time, by: signer, action: .conflictResolved, changes: changes)
        if let entryJSON = try? JSONValue(encoding: entry) {
            var history: [JSONValue] = []
            if case .array(let existing) = json.value(at: "history") { history = existing }
            json.setValue(.array(history + [entryJSON]), at: "history")
        }
        guard let resolved = try? json.decode(Self.self) else { throw .invalidValue(field: field) }
        return resolved
    }
}

extension Hazard: ConflictCarrying {}
extension SupervisionEntry: ConflictCarrying {}
extension Enterprise: ConflictCarrying {}
extension Inspector: ConflictCarrying {}
