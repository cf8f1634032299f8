import Foundation
import AnjianModel
import AnjianRuntime
import AnjianStore
import AnjianText

extension CommandFailure {
    /// Runs a store call: its `StoreError` worded as the TUI words it, anything else an I/O error naming `path`.
    public static func store<T>(_ path: URL, strings: Strings, _ body: () throws -> T) throws(CommandFailure) -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw CommandFailure(error, strings: strings)
        } catch {
            throw CommandFailure(.ioError, "\(path.path): \(error)")
        }
    }
}

/// The data directory as the subcommands open it: read-only, or for writing under the lock and
/// signed by the operator. One place for the checks every command makes the same way.
public enum CommandLedger {
    /// The ledger for reading (no lock): a missing directory is 66, a damaged ledger file its status.
    public static func read(_ directory: URL, strings: Strings, now: Date, records: Bool = true) throws(CommandFailure) -> LoadedLedger {
        try CommandFailure.requireDirectory(directory, strings: strings)
        return try CommandFailure.store(directory, strings: strings) {
            records ? try LedgerStore.open(directory, initializeIfEmpty: false, now: now)
                : try LedgerStore.openWithoutRecords(directory, initializeIfEmpty: false, now: now)
        }
    }

    /// The session for a change: held by another copy → 75 naming the holder, not writable → 73,
    /// no operator → 64. The caller releases the session.
    public static func startWriting(_ directory: URL, operatorFlag: String?, environment: [String: String], configURL: URL,
                                    now: Date, deferRecords: Bool = false, strings: Strings) throws(CommandFailure) -> (session: Session, signer: Operator) {
        let session = try CommandFailure.store(directory, strings: strings) {
            try Session.start(directory: directory, operatorFlag: operatorFlag, environment: environment, configURL: configURL,
                              now: now, deferRecords: deferRecords)
        }
        if let holder = session.holder {
            throw CommandFailure(.tempFail, strings.readOnlyBanner(holder.operatorName, holder.pid, holder.since))
        }
        if session.readOnly { throw CommandFailure(.cannotCreate, strings.readOnlyNotWritable(directory.path)) }
        guard let signer = session.signer else {
            session.release()
            throw CommandFailure(.usage, strings.importNeedsOperator(session.unconfirmedOperator))
        }
        return (session, signer)
    }

    /// An output file never lands among the ledger's files (it could replace one with no lock and
    /// no backup); `except` names the one folder of the data directory a command writes its own files in.
    public static func refuseOutput(_ output: URL, inside directory: URL, except folder: String? = nil, strings: Strings) throws(CommandFailure) {
        let data = directory.resolvingSymlinksInPath().standardizedFileURL.path
        let target = output.deletingLastPathComponent().resolvingSymlinksInPath().standardizedFileURL.path
        let inside = target == data || target.hasPrefix(data + "/")
        let allowed = folder.map { target == data + "/" + $0 || target.hasPrefix(data + "/" + $0 + "/") } ?? false
        if inside && !allowed { throw CommandFailure(.cannotCreate, strings.exportInsideDataDirectory(output.path, data)) }
    }
}
