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
    /// What each enterprise file held when last read or written here: a save whose file is
    /// still so neither decodes it again nor encodes more than the record saved. Pass the one
    /// given to `LedgerStore.open` to start with every loaded file known.
    public let snapshots: FileSnapshots

    public init(directory: URL, lock: DirectoryLock?, configURL: URL, configProblem: StoreError?,
                clock: @escaping @Sendable () -> Date = { Date() }, snapshots: FileSnapshots = FileSnapshots()) {
        self.directory = directory
        self.lock = lock
        self.configURL = configURL
        self.configProblem = configProblem
        self.clock = clock
        self.snapshots = snapshots
    }

    public init(session: Session, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.init(directory: session.directory, lock: session.lock, configURL: session.configURL,
                  configProblem: session.configProblem, clock: clock, snapshots: session.snapshots)
    }

    public func perform(_ op: StoreOperation) -> StoreOutcome {
        do {
            return .saved(op, written: try apply(op))
        } catch let error as StoreError {
            forgetFiles(of: op)
            return .failed(op, error)
        } catch {
            forgetFiles(of: op)
            // Only encoding could get here; it still names where the save was going.
            return .failed(op, .io(path: directory.path, reason: "\(error)"))
        }
    }

    /// A save that failed may have read bytes the views never took in (another program's change
    /// that made it a conflict): forgotten, so the file watch reads and shows them.
    func forgetFiles(of op: StoreOperation) {
        switch op {
        case .saveSupervision(let entry, _):
            snapshots.forget(supervisionsPath(entry.enterpriseCode))
        case .saveHazard(let hazard, _, _):
            snapshots.forget(hazardsPath(hazard.enterpriseCode))
            snapshots.forget(supervisionsPath(hazard.enterpriseCode))
        case .issueDocument(let request):
            snapshots.forget(hazardsPath(request.enterpriseCode))
            snapshots.forget(supervisionsPath(request.enterpriseCode))
        case .recordDraw(let record):
            for team in record.teams { snapshots.forget(supervisionsPath(team.enterpriseCode)) }
        case .rekeyEnterprise(let from, let to):
            for code in [from.creditCode, to.creditCode] {
                snapshots.forget(hazardsPath(code))
                snapshots.forget(supervisionsPath(code))
            }
        case .saveOperator, .saveDraft, .removeDraft, .saveEnterprise, .saveInspector:
            break
        }
    }

    /// Reads each file the operation changes as it is on disk now, applies the change on top
    /// (records are keyed by id), and writes. A record that is no longer as the program read
    /// it is a conflict; a new hazard's number is checked against the file's numbers now.
    func apply(_ op: StoreOperation) throws -> WrittenRecords {
        var written = WrittenRecords()
        try lock?.verify()  // the lock still guards this directory: else nothing is written
        switch op {
        case .saveSupervision(var entry, let base):
            let code = entry.enterpriseCode
            let read = try LedgerStore.readSupervisions(enterprise: code, in: directory, snapshots: snapshots)
            var entries = read.records
            if base == nil, entries.contains(where: { $0.id == entry.id }) {
                // A new entry whose id was given meanwhile (by another writer, or before this
                // enterprise's file had loaded): the next free one on disk.
                let requested = entry.id
                entry.id = SupervisionEntry.newID(for: entry, taken: Set(entries.map(\.id)))
                written.renamedEntries[requested] = entry.id
            }
            try Self.merge(entry, base: base, into: &entries, path: supervisionsPath(code))
            let file = try LedgerStore.prepareSupervisionChange(entries, changed: entry.id, over: read, enterprise: code, in: directory)
            try LedgerStore.write([file])
            snapshots.remember(file, holding: entries)
            written.supervisions[code] = entries
        case .saveHazard(var hazard, let base, let link):
            let code = hazard.enterpriseCode
            let read = try LedgerStore.readHazards(enterprise: code, in: directory, snapshots: snapshots)
            var hazards = read.records
            if base == nil, hazards.contains(where: { $0.number == hazard.number && $0.id != hazard.id }) {
                // Another writer issued this number since the ledger was read: the next free one on disk.
                hazard.number = Hazard.nextNumber(year: String(hazard.discoveredOn.prefix(4)), enterpriseCode: code,
                                                  taken: Set(hazards.map(\.number)))
            }
            try Self.merge(hazard, base: base, into: &hazards, path: hazardsPath(code))
            var files = [try LedgerStore.prepareHazardChange(hazards, changed: hazard.id, over: read, enterprise: code, in: directory)]
            written.hazards[code] = hazards
            if let link {
                let read = try LedgerStore.readSupervisions(enterprise: code, in: directory, snapshots: snapshots)
                var entries = read.records
                try Self.addLink(link, hazard: hazard.id, into: &entries, path: supervisionsPath(code))
                files.append(try LedgerStore.prepareSupervisionChange(entries, changed: link.entry.id, over: read, enterprise: code,
                                                                      in: directory))
                written.supervisions[code] = entries
            }
            try LedgerStore.write(files)
            snapshots.remember(files[0], holding: hazards)
            if files.count > 1, let entries = written.supervisions[code] { snapshots.remember(files[1], holding: entries) }
        case .saveOperator(let chosen):
            lock?.update(LockHolder(pid: getpid(), operatorName: chosen.name, since: CalendarDate.timestamp(clock(), in: .current)))
            guard configProblem == nil else { return written }  // never overwrite a damaged file
            try OperatorConfig.save(chosen, to: configURL)
        case .saveDraft(let name, let data):
            try Drafts.save(data, name: name, in: directory)
        case .removeDraft(let name):
            try Drafts.remove(name: name, in: directory)
        case .issueDocument(let request):
            written = try issue(request)
        case .recordDraw(let record):
            written = try recordDraw(record)
        case .saveEnterprise(let enterprise, let base):
            written = try save(enterprise, base: base)
        case .saveInspector(let inspector, let base):
            written = try save(inspector, base: base)
        case .rekeyEnterprise(let from, let to):
            written = try rekey(from: from, to: to)
        }
        return written
    }

    /// Puts `record` in place of the version the program read (`base`), or adds it when new.
    static func merge<Record: Identifiable & Equatable>(_ record: Record, base: Record?, into records: inout [Record],
                                                        path: String) throws where Record.ID == String {
        let onDisk = records.first { $0.id == record.id }
        guard onDisk == base else { throw StoreError.conflict(path: path, id: record.id) }
        records.upsert(record)
    }

    /// Lists a new hazard on its visit. The link is added to the visit as it is on disk now,
    /// so a change someone else made to the visit meanwhile is kept, not overwritten.
    static func addLink(_ link: VisitLink, hazard id: String, into entries: inout [SupervisionEntry], path: String) throws {
        guard var current = entries.first(where: { $0.id == link.entry.id }) else {
            throw StoreError.conflict(path: path, id: link.entry.id)
        }
        if current == link.base {
            current = link.entry
        } else if !current.hazardIDs.contains(id) {
            current.addHazard(id)
            current.history += link.entry.history.suffix(1)
        }
        entries.upsert(current)
    }

    func supervisionsPath(_ code: String) -> String { directory.appendingPathComponent("supervisions/\(code).json").path }
    func hazardsPath(_ code: String) -> String { directory.appendingPathComponent("hazards/\(code).json").path }
}
