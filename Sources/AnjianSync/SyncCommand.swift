import Foundation
import AnjianModel
import AnjianStore
import AnjianRuntime
import AnjianText
import AnjianCLI

/// The subcommands' work: `anjian sync [--setup URL]` and `anjian init --clone URL`. Each takes the
/// data directory's write lock and holds it until git is done.
public enum SyncCommand {
    public struct Options: Sendable {
        public var directory: URL
        public var setupURL: String?
        public var operatorFlag: String?
        public var environment: [String: String]
        public var configURL: URL
        /// The merge driver's command line for git's config (`GitSync.driverCommand`).
        public var driver: String
        public init(directory: URL, setupURL: String? = nil, operatorFlag: String?, environment: [String: String], configURL: URL, driver: String) {
            self.directory = directory
            self.setupURL = setupURL
            self.operatorFlag = operatorFlag
            self.environment = environment
            self.configURL = configURL
            self.driver = driver
        }
    }

    public static func run(_ options: Options, strings: Strings, now: Date = Date()) throws(CommandFailure) -> SyncReport {
        try CommandFailure.requireDirectory(options.directory, strings: strings)
        let (session, signer) = try CommandLedger.startWriting(options.directory, operatorFlag: options.operatorFlag,
                                                               environment: options.environment, configURL: options.configURL,
                                                               now: now, deferRecords: true, strings: strings)
        defer { session.release() }
        do {
            if let url = options.setupURL {
                return try GitSync.setup(options.directory, url: url, signer: signer, driver: options.driver, strings: strings)
            }
            return try GitSync.sync(options.directory, signer: signer, driver: options.driver, strings: strings)
        } catch {
            throw failure(error, strings)
        }
    }

    /// `anjian init --clone URL`: the ledger cloned, set up for sync, and opened once under the lock
    /// (owner-only permissions; a ledger that does not load is reported).
    public static func clone(_ url: String, into directory: URL, driver: String, strings: Strings, now: Date = Date()) throws(CommandFailure) -> String {
        do {
            try GitSync.clone(url, into: directory, driver: driver)
        } catch {
            throw failure(error, strings)
        }
        let session = try CommandFailure.store(directory, strings: strings) {
            try Session.start(directory: directory, operatorFlag: nil, environment: [:], configURL: URL(fileURLWithPath: "/nonexistent"), now: now)
        }
        session.release()
        return strings.syncCloned(url, directory.path)
    }

    static func failure(_ error: SyncError, _ strings: Strings) -> CommandFailure {
        switch error {
        case .notARepository, .remoteNotEmpty, .cloneTargetNotEmpty, .remoteEmpty: CommandFailure(.usage, error.message(strings))
        case .gitUnavailable: CommandFailure(.unavailable, error.message(strings))
        case .store(let storeError): CommandFailure(storeError, strings: strings)
        case .gitFailed, .mergeFailed, .pushRejected: CommandFailure(.software, error.message(strings))
        }
    }
}
