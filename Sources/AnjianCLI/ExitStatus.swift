import Foundation
import AnjianStore
import AnjianText

/// How a subcommand ends, as `sysexits.h` numbers them, so scripts can tell a usage mistake from
/// bad input, a missing file, an I/O error or a directory another copy holds.
public enum ExitStatus: Int32, Sendable {
    case success = 0
    /// `validate`: the data has problems.
    case problems = 1
    case usage = 64
    /// EX_DATAERR: the input (a CSV row, a data file) is wrong.
    case dataError = 65
    /// EX_NOINPUT: the input file is missing or cannot be read.
    case noInput = 66
    /// EX_UNAVAILABLE: a program it needs is not installed (`print --pdf` without a browser).
    case unavailable = 69
    /// EX_SOFTWARE: a program it ran failed (the browser gave no PDF).
    case software = 70
    /// EX_CANTCREAT: the output cannot be created (a directory that already holds files).
    case cannotCreate = 73
    /// EX_IOERR
    case ioError = 74
    /// EX_TEMPFAIL: another copy writes to the data directory.
    case tempFail = 75
}

/// A subcommand that cannot go on: one line for stderr, in the user's language, and the status.
public struct CommandFailure: Error, Sendable {
    public let status: ExitStatus
    public let message: String
    public init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    /// A store error worded as the TUI words it, with the status its kind calls for.
    public init(_ error: StoreError, strings: Strings) {
        self.init(Self.status(of: error), strings.storeError(error))
    }

    /// A directory to read the ledger from that is not there: one clear line, 66.
    public static func requireDirectory(_ directory: URL, strings: Strings) throws(CommandFailure) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandFailure(.noInput, strings.noDataDirectory(directory.path))
        }
    }

    static func status(of error: StoreError) -> ExitStatus {
        switch error {
        case .damaged, .unsupportedVersion, .invalidRecord, .duplicateKey, .duplicateRecord, .unknownEnterprise,
             .invalidFileName, .conflict, .documentRefused, .keyTaken, .rekeyRequired, .rekeyTargetTaken:
            return .dataError
        case .notADataDirectory, .notADirectory, .unreadable:
            return .noInput
        case .io, .lockLost, .unsafeLockFile:
            return .ioError
        }
    }
}
