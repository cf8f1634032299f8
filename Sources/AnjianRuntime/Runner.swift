import Foundation
import AnjianModel
import AnjianStore

/// Performs store operations against the session's data directory. Each save reads the
/// enterprise's file as it is on disk now and changes only the record saved, so a record
/// another tool added meanwhile is kept; a damaged file fails the save and is left alone.
public struct Runner: Sendable {
    public let directory: URL
    /// Ours while we hold the write lock; its holder record names the operator.
    public let lock: DirectoryLock?
    public let configURL: URL
    /// A config file found damaged at start is never overwritten.
    public let configProblem: StoreError?
    let clock: @Sendable () -> Date

    public init(directory: URL, lock: DirectoryLock?, configURL: URL, configProblem: StoreError?,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.directory = directory
        self.lock = lock
        self.configURL = configURL
        self.configProblem = configProblem
        self.clock = clock
    }

    public init(session: Session, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.init(directory: session.directory, lock: session.lock, configURL: session.configURL,
                  configProblem: session.configProblem, clock: clock)
    }

    public func perform(_ op: StoreOperation) -> StoreOutcome {
        do {
            try apply(op)
            return .saved(op)
        } catch let error as StoreError {
            return .failed(op, error)
        } catch {
            // Only encoding could get here; it still names where the save was going.
            return .failed(op, .io(path: directory.path, reason: "\(error)"))
        }
    }

    func apply(_ op: StoreOperation) throws {
        try lock?.verify()  // the lock still guards this directory: else nothing is written
        switch op {
        case .saveSupervision(let entry):
            try LedgerStore.write([preparedSupervisions(with: entry)])
        case .saveHazard(let hazard, let linkedEntry):
            var hazards = try LedgerStore.loadHazards(enterprise: hazard.enterpriseCode, in: directory)
            hazards.upsert(hazard)
            var files = [try LedgerStore.prepareHazards(hazards, enterprise: hazard.enterpriseCode, in: directory)]
            if let linkedEntry { files.append(try preparedSupervisions(with: linkedEntry)) }
            try LedgerStore.write(files)
        case .saveOperator(let chosen):
            lock?.update(LockHolder(pid: getpid(), operatorName: chosen.name, since: CalendarDate.timestamp(clock(), in: .current)))
            guard configProblem == nil else { return }  // never overwrite a damaged file
            try OperatorConfig.save(chosen, to: configURL)
        }
    }

    /// The entry's enterprise file as on disk now, with the entry added or replaced.
    func preparedSupervisions(with entry: SupervisionEntry) throws -> PreparedFile {
        var entries = try LedgerStore.loadSupervisions(enterprise: entry.enterpriseCode, in: directory)
        entries.upsert(entry)
        return try LedgerStore.prepareSupervisions(entries, enterprise: entry.enterpriseCode, in: directory)
    }
}
