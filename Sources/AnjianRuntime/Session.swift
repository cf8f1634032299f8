import Foundation
import AnjianModel
import AnjianStore

/// What a run of the program works with once it has started: the data directory (locked
/// for writing when we could), the ledger read from it, and who signs the changes.
/// Shared by the terminal UI and command-line subcommands; knows nothing of screens.
public struct Session: Sendable {
    public let directory: URL
    public let ledger: LoadedLedger
    public let pinyin: PinyinTable
    /// Who signs changes: `--operator`, else `$ANJIAN_OPERATOR`, else the config file; nil: ask.
    public let signer: Operator?
    /// The name given by `--operator` or `$ANJIAN_OPERATOR` without a certificate number that the
    /// roster could not supply: the UI asks for the operator with it filled in.
    public let unconfirmedOperator: String?
    /// The other copy that holds the write lock, when its record could be read.
    public let holder: LockHolder?
    /// Another copy writes, or the directory cannot be written: nothing may be saved.
    public let readOnly: Bool
    /// Read-only because the directory itself cannot be written (not because of a holder).
    public let notWritable: Bool
    /// The config file was found damaged: it is never written, and the operator is asked again.
    public let configProblem: StoreError?
    public let configURL: URL
    /// Our write lock; nil when read-only. The kernel drops it at exit anyway.
    public let lock: DirectoryLock?
    /// The per-enterprise files are not in `ledger` yet: they load behind the first frame.
    public let recordsDeferred: Bool
    /// Every per-enterprise file as loaded (and, by the runner, as saved): a save into a file
    /// still as we know it does not decode it again.
    public let snapshots: FileSnapshots

    /// Takes the lock, opens the ledger (initialising an empty directory with the demo ledger
    /// when we may write) and resolves the operator. Throws the StoreError that stops a start.
    /// `deferRecords`: the hazards and supervision entries are left for `LedgerStore.loadRecords`
    /// (the terminal UI loads them behind its first frame).
    public static func start(directory: URL, operatorFlag: String?, environment: [String: String],
                             configURL: URL, now: Date, deferRecords: Bool = false) throws -> Session {
        try AtomicFile.ensureDirectory(directory)
        // A folder of other files is refused before anything, not even the lock file, is written there.
        _ = try LedgerStore.needsInitialization(directory)
        // One writer at a time: the lock is taken before anything is written.
        let me = LockHolder(pid: getpid(), operatorName: operatorHint(operatorFlag, environment, configURL) ?? "",
                            since: CalendarDate.timestamp(now, in: .current))
        var lock: DirectoryLock? = nil
        var holder: LockHolder? = nil
        var notWritable = false
        switch try DirectoryLock.acquire(directory, holder: me) {
        case .acquired(let acquired): lock = acquired
        case .heldBy(let other): holder = other
        case .notWritable: notWritable = true
        }
        let readOnly = lock == nil
        if !readOnly { try DataDirectory.prepareForWriting(directory) }
        let snapshots = FileSnapshots()
        let ledger = deferRecords ? try LedgerStore.openWithoutRecords(directory, initializeIfEmpty: !readOnly, now: now)
            : try LedgerStore.open(directory, initializeIfEmpty: !readOnly, now: now, snapshots: snapshots)
        let pinyin = try DemoLedger.pinyinTable()
        var signer: Operator? = nil
        var configProblem: StoreError? = nil
        var unconfirmed: String? = nil
        if let given = operatorFlag ?? environment["ANJIAN_OPERATOR"].flatMap({ $0.isEmpty ? nil : $0 }) {
            signer = OperatorConfig.resolve(given, roster: ledger.inspectors, remembered: (try? OperatorConfig.load(from: configURL)) ?? nil)
            if signer == nil { unconfirmed = OperatorConfig.parse(given, roster: ledger.inspectors)?.name }
        } else {
            do {
                signer = try OperatorConfig.load(from: configURL)
            } catch let error as StoreError {
                // A damaged preference does not stop the ledger: ask again, and leave the file alone.
                configProblem = error
            }
        }
        return Session(directory: directory, ledger: ledger, pinyin: pinyin, signer: signer, unconfirmedOperator: unconfirmed, holder: holder,
                       readOnly: readOnly, notWritable: notWritable, configProblem: configProblem,
                       configURL: configURL, lock: lock, recordsDeferred: deferRecords,
                       snapshots: snapshots)
    }

    /// Gives up the write lock (at the end of the run).
    public func release() { lock?.release() }

    /// The operator's name as far as it is known before the ledger is read, for the lock.
    static func operatorHint(_ flag: String?, _ environment: [String: String], _ configURL: URL) -> String? {
        let given = flag ?? environment["ANJIAN_OPERATOR"]
        if let given, !given.isEmpty { return String(given.split(whereSeparator: { ":/：".contains($0) }).first ?? "") }
        return (try? OperatorConfig.load(from: configURL))??.name
    }
}
