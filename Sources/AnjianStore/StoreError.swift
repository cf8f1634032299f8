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
    /// A file or folder that could not be read, and why (worded by the UI, never Foundation's text).
    case unreadable(path: String, reason: ReadFailure)
    /// A record whose key is already used: `firstRecord` of `firstPath` (the same file or another).
    case duplicateRecord(path: String, record: Int, key: RecordKey, value: String, firstPath: String, firstRecord: Int)
    /// A per-enterprise file named for a credit code that is not an enterprise of the ledger.
    case unknownEnterprise(path: String, code: String)
    /// A per-enterprise file whose name is not a credit code.
    case invalidFileName(path: String, problem: CreditCode.Problem)
    /// Our write lock no longer guards the directory at `path` (see `DirectoryLock.verify`):
    /// this copy stops writing.
    case lockLost(path: String, reason: LockLoss)
    /// The lock file is a symbolic link or not a regular file: it is not opened, nothing is written.
    case unsafeLockFile(path: String)
    /// A document that cannot be issued for the record `id` of the file at `path`, and why.
    case documentRefused(path: String, id: String, reason: DocumentRefusal)
    /// A new record (or a record given a new key) whose key another record of the file at `path` has.
    case keyTaken(path: String, key: RecordKey, value: String)
    /// A credit code changed by an ordinary save while visits or hazards are filed under it
    /// (`path`: such a file): only re-keying may do that.
    case rekeyRequired(path: String, code: String)
    /// Re-keying to a code whose file (`path`) already holds other records: nothing is written.
    case rekeyTargetTaken(path: String, code: String)
}

/// Why a document cannot be issued (issue 12).
public enum DocumentRefusal: Hashable, Sendable {
    /// A rectification order for a visit that registered no hazard: there is nothing to order.
    case noHazards
    /// A re-check opinion on a hazard never verified: there is no re-check result to state.
    case notRechecked
}

extension StoreError {
    /// A `StoreError` as it is; anything else (Foundation's, the system's) named with the path it
    /// happened at.
    public static func wrap(_ error: any Error, path: String) -> StoreError {
        error as? StoreError ?? .io(path: path, reason: "\(error)")
    }

    /// The file or folder the problem is about.
    public var path: String {
        switch self {
        case .io(let path, _), .damaged(let path, _, _, _, _), .unsupportedVersion(let path, _, _), .invalidRecord(let path, _, _, _),
             .duplicateKey(let path, _, _), .notADataDirectory(let path, _), .notADirectory(let path), .unreadable(let path, _),
             .duplicateRecord(let path, _, _, _, _, _), .unknownEnterprise(let path, _), .invalidFileName(let path, _),
             .conflict(let path, _), .lockLost(let path, _), .unsafeLockFile(let path), .documentRefused(let path, _, _),
             .keyTaken(let path, _, _), .rekeyRequired(let path, _), .rekeyTargetTaken(let path, _):
            return path
        }
    }
}

/// Why a path could not be read.
public enum ReadFailure: Hashable, Sendable {
    /// The system call failed with this errno (EACCES, EIO, ENOENT…).
    case system(Int32)
    /// Something else than a regular file stands where a file should be.
    case notAFile(FileKind)
    /// Something else than a folder stands where a folder should be.
    case notAFolder(FileKind)
    /// A symbolic link to a path that does not exist (its target).
    case danglingLink(String)
}

/// What stands at a path, for `ReadFailure`.
public enum FileKind: Hashable, Sendable {
    case regularFile, directory, fifo, socket, device, other
}

/// The key a record must not share with another.
public enum RecordKey: Hashable, Sendable {
    /// Unique within the enterprise's file.
    case supervisionID
    /// Unique in the city (a UUID).
    case hazardID
    /// Unique in the city (YH-<year>-<code>-<nnn>); a repeat is a warning.
    case hazardNumber
    /// An inspector's law-enforcement certificate number: unique in the roster.
    case certificateNumber
    /// An enterprise's unified social credit code: unique in the ledger.
    case creditCode
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
    /// Bytes that are not UTF-8, at this offset from the start of the file (0-based).
    case invalidUTF8(offset: Int)
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
