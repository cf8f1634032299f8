import AnjianModel

/// What can go wrong with the data directory. Every case names the file, and where
/// it can, the line, record and field, so the user can mend it by hand.
public enum StoreError: Error, Hashable, Sendable {
    case io(path: String, reason: String)
    /// Not valid JSON, or not the shape the schema describes.
    case damaged(path: String, line: Int?, column: Int?, field: String?, reason: Damage)
    case unsupportedVersion(path: String, found: Int, supported: Int)
    /// A record that decodes but breaks a rule (invalid credit code, unknown district…).
    case invalidRecord(path: String, record: Int, name: String, issue: ValidationIssue)
    case duplicateKey(path: String, record: Int, key: String)
    case notADataDirectory(path: String, missing: String)
    case notADirectory(path: String)
    /// The record was changed or removed in the file by someone else since the program read it.
    case conflict(path: String, id: String)
}

/// Why a file cannot be read faithfully; the UI words it in the user's language.
public enum Damage: Hashable, Sendable {
    case invalidJSON
    case notAnObject
    case missingVersion
    case missingField
    /// The JSON type expected there (`String`, `Int`, `Array`…).
    case wrongType(String)
    /// A value outside the allowed ones, e.g. a risk grade `medium`.
    case invalidValue(String)
    /// The file's enterprise code is not the one its name or its record says.
    case wrongEnterprise(String)
    case other(String)
}
