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
    /// Our write lock no longer guards the directory at `path` (see `DirectoryLock.verify`):
    /// this copy stops writing.
    case lockLost(path: String, reason: LockLoss)
    /// The lock file is a symbolic link or not a regular file: it is not opened, nothing is written.
    case unsafeLockFile(path: String)
}

/// Why a write lock no longer guards its data directory.
public enum LockLoss: Hashable, Sendable {
    /// The directory at the path is another one than the one locked (moved, replaced, removed).
    case directoryReplaced
    case lockFileRemoved
    /// Another file is at the lock file's path (another copy may have taken a new lock).
    case lockFileReplaced
    /// We gave the lock up.
    case released
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
