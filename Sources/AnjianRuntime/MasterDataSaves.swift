import Foundation
import AnjianModel
import AnjianStore

/// The steps of a re-keying, for tests that stop it between two of them as a crash would.
enum RekeyStep: Int, Sendable {
    /// The enterprise's files written under the new code.
    case newFilesWritten = 1
    /// `inspectors.json` and `enterprises.json` written: the enterprise has its new code.
    case enterpriseWritten = 2
}

/// Thrown by a re-keying stopped by `Runner.stopRekey` (tests only): nothing is tidied, as after a crash.
struct RekeyStopped: Error {}

extension Runner {
    /// Tests only: stop a re-keying right after this step, leaving the files as a crash would.
    @TaskLocal static var stopRekey: RekeyStep?

    var enterprisesURL: URL { directory.appendingPathComponent(LedgerStore.enterprisesName) }
    var inspectorsURL: URL { directory.appendingPathComponent(LedgerStore.inspectorsName) }

    /// `saveEnterprise`: reads `enterprises.json` as it is now (checked as on load: a damaged file
    /// is never written over), puts the enterprise where the file still holds `base` (else a
    /// conflict) or adds it when new (a code already there is refused), and writes the list.
    /// A code changed by this save is refused while the old code has a visits or hazards file.
    func save(_ enterprise: Enterprise, base: Enterprise?) throws -> WrittenRecords {
        var enterprise = enterprise
        enterprise.creditCode = CreditCode.normalize(enterprise.creditCode)
        let path = enterprisesURL.path
        var (list, _) = try LedgerStore.loadEnterprises(enterprisesURL)
        let code = enterprise.creditCode
        var written = WrittenRecords()
        if let base {
            guard let index = list.firstIndex(where: { $0.creditCode == base.creditCode }), list[index] == base else {
                throw StoreError.conflict(path: path, id: base.creditCode)
            }
            if code != base.creditCode {
                if list.contains(where: { CreditCode.normalize($0.creditCode) == code }) { throw StoreError.keyTaken(path: path, key: .creditCode, value: code) }
                for folder in [LedgerStore.supervisionsFolder, LedgerStore.hazardsFolder] {
                    if let file = LedgerStore.recordFile(folder, enterprise: base.creditCode, in: directory) {
                        throw StoreError.rekeyRequired(path: file, code: base.creditCode)
                    }
                    // A stray file under the new code would become this enterprise's records.
                    if let file = LedgerStore.recordFile(folder, enterprise: code, in: directory) {
                        throw StoreError.rekeyTargetTaken(path: file, code: code)
                    }
                }
                written.rekeyed[base.creditCode] = code
            }
            try Self.checkWritable(enterprise, at: index, path: path)
            list[index] = enterprise
            if code != base.creditCode {
                // Inspectors avoiding the enterprise go on avoiding it under its new code.
                var roster = try LedgerStore.loadInspectors(directory)
                if Self.followCode(&roster, from: base.creditCode, to: code, as: enterprise) {
                    try LedgerStore.write([LedgerStore.prepareInspectors(roster, in: directory), LedgerStore.prepareEnterprises(list, in: directory)])
                    written.enterprises = list
                    written.inspectors = roster
                    return written
                }
            }
        } else {
            if list.contains(where: { CreditCode.normalize($0.creditCode) == code }) { throw StoreError.keyTaken(path: path, key: .creditCode, value: code) }
            try Self.checkWritable(enterprise, at: list.count, path: path)
            list.append(enterprise)
        }
        try LedgerStore.write([LedgerStore.prepareEnterprises(list, in: directory)])
        written.enterprises = list
        return written
    }

    /// `saveInspector`: as `saveEnterprise`, against `inspectors.json` by certificate number (a
    /// changed number must not be another inspector's).
    func save(_ inspector: Inspector, base: Inspector?) throws -> WrittenRecords {
        let path = inspectorsURL.path
        var roster = try LedgerStore.loadInspectors(directory)
        let number = inspector.certificateNumber
        if let base {
            guard let index = roster.firstIndex(where: { $0.certificateNumber == base.certificateNumber }), roster[index] == base else {
                throw StoreError.conflict(path: path, id: base.certificateNumber)
            }
            if number != base.certificateNumber, roster.contains(where: { $0.certificateNumber == number }) {
                throw StoreError.keyTaken(path: path, key: .certificateNumber, value: number)
            }
            try Self.checkWritable(inspector, at: index, path: path)
            roster[index] = inspector
        } else {
            if roster.contains(where: { $0.certificateNumber == number }) {
                throw StoreError.keyTaken(path: path, key: .certificateNumber, value: number)
            }
            try Self.checkWritable(inspector, at: roster.count, path: path)
            roster.append(inspector)
        }
        try LedgerStore.write([LedgerStore.prepareInspectors(roster, in: directory)])
        var written = WrittenRecords()
        written.inspectors = roster
        return written
    }

    /// Every inspector who avoids the enterprise under `old` avoids it under `new` too, each
    /// change in the inspector's history, signed as the enterprise's own change (its latest
    /// history entry). Whether any inspector changed.
    static func followCode(_ roster: inout [Inspector], from old: String, to new: String, as enterprise: Enterprise) -> Bool {
        let signed = enterprise.history?.last
        var changed = false
        for i in roster.indices where roster[i].avoidEnterprises.contains(old) && !roster[i].avoidEnterprises.contains(new) {
            var updated = roster[i]
            updated.avoidEnterprises.append(new)
            _ = updated.recordEdit(from: roster[i], by: signed?.by ?? Operator(name: "", certificateNumber: ""), at: signed?.at ?? "")
            roster[i] = updated
            changed = true
        }
        return changed
    }

    /// A record the file would not load with (the form checks first; this guards the file).
    static func checkWritable(_ record: some MasterRecordValidating, at index: Int, path: String) throws {
        if let error = record.validate().errors.first {
            throw StoreError.invalidRecord(path: path, record: index, name: record.displayName, issue: error)
        }
    }

    /// `rekeyEnterprise`: the enterprise `from` (as read) becomes `to` (its new code). Every file is
    /// read and checked first; nothing is written when one is damaged, when the list no longer
    /// holds `from` (a conflict), or when the new code is taken: by an enterprise, or by a file
    /// holding anything but this re-keying's own records (left by one cut short). Then, in order:
    ///
    /// 1. `supervisions/<new>.json` and `hazards/<new>.json`: the old files' records, each
    ///    `enterpriseCode` rewritten (ids, hazard numbers and visit links kept), both or neither;
    /// 2. `inspectors.json` (the new code added beside the old one to every avoidance list naming
    ///    it) and then `enterprises.json` (the enterprise under its new code), both or neither;
    ///    should this fail, the files of step 1 are removed again;
    /// 3. the old files, kept in `backups/` and removed.
    ///
    /// A crash after 1 leaves the ledger as before plus files under the new code, which the next
    /// start reports as named for no enterprise (not loaded); re-keying again writes the same
    /// files over them. A crash after 2 leaves the enterprise re-keyed with all its records, and the
    /// old files reported as named for no enterprise: their records are the new files', and they
    /// can be removed. Either way the directory loads and nothing is lost.
    func rekey(from: Enterprise, to: Enterprise) throws -> WrittenRecords {
        let old = from.creditCode, new = CreditCode.normalize(to.creditCode)
        var to = to
        to.creditCode = new
        let path = enterprisesURL.path
        var (list, _) = try LedgerStore.loadEnterprises(enterprisesURL)
        guard let index = list.firstIndex(where: { $0.creditCode == old }), list[index] == from else {
            throw StoreError.conflict(path: path, id: old)
        }
        if new == old || list.contains(where: { CreditCode.normalize($0.creditCode) == new }) {
            throw StoreError.keyTaken(path: path, key: .creditCode, value: new)
        }
        try Self.checkWritable(to, at: index, path: path)

        // Every file read and checked before anything is written.
        let entries = try LedgerStore.readSupervisions(enterprise: old, in: directory, snapshots: snapshots)
        let hazards = try LedgerStore.readHazards(enterprise: old, in: directory, snapshots: snapshots)
        let movedEntries = entries.records.map { entry in var entry = entry; entry.enterpriseCode = new; return entry }
        let movedHazards = hazards.records.map { hazard in var hazard = hazard; hazard.enterpriseCode = new; return hazard }
        if LedgerStore.recordFile(LedgerStore.supervisionsFolder, enterprise: new, in: directory) != nil {
            let there = try LedgerStore.readSupervisions(enterprise: new, in: directory, snapshots: nil)
            guard there.records == movedEntries else { throw StoreError.rekeyTargetTaken(path: supervisionsPath(new), code: new) }
        }
        if LedgerStore.recordFile(LedgerStore.hazardsFolder, enterprise: new, in: directory) != nil {
            let there = try LedgerStore.readHazards(enterprise: new, in: directory, snapshots: nil)
            guard there.records == movedHazards else { throw StoreError.rekeyTargetTaken(path: hazardsPath(new), code: new) }
        }
        let hadEntries = LedgerStore.recordFile(LedgerStore.supervisionsFolder, enterprise: old, in: directory) != nil
        let hadHazards = LedgerStore.recordFile(LedgerStore.hazardsFolder, enterprise: old, in: directory) != nil
        var roster = try LedgerStore.loadInspectors(directory)
        let rosterChanged = Self.followCode(&roster, from: old, to: new, as: to)

        // 1. The records under the new code.
        var newFiles: [PreparedFile] = []
        if hadEntries { newFiles.append(try LedgerStore.prepareSupervisions(movedEntries, enterprise: new, in: directory)) }
        if hadHazards { newFiles.append(try LedgerStore.prepareHazards(movedHazards, enterprise: new, in: directory)) }
        try LedgerStore.write(newFiles)
        if Self.stopRekey == .newFilesWritten { throw RekeyStopped() }

        // 2. The roster's avoidance lists, then the enterprise itself.
        list[index] = to
        var ledgerFiles: [PreparedFile] = []
        if rosterChanged { ledgerFiles.append(try LedgerStore.prepareInspectors(roster, in: directory)) }
        ledgerFiles.append(try LedgerStore.prepareEnterprises(list, in: directory))
        do {
            try LedgerStore.write(ledgerFiles)
        } catch {
            // The ledger is as before: the copies under the new code go again (best effort; a
            // copy left is reported at the next start as named for no enterprise, and is replaced
            // by the next re-keying).
            for folder in [LedgerStore.supervisionsFolder, LedgerStore.hazardsFolder] {
                try? LedgerStore.retireRecordFile(folder, enterprise: new, in: directory)
            }
            throw error
        }
        if Self.stopRekey == .enterpriseWritten { throw RekeyStopped() }

        // 3. The old files, kept in backups/. The re-keying is done: a file that cannot be removed
        // now fails nothing (its records are the new file's) and is reported at the next start.
        try? LedgerStore.retireRecordFile(LedgerStore.supervisionsFolder, enterprise: old, in: directory)
        try? LedgerStore.retireRecordFile(LedgerStore.hazardsFolder, enterprise: old, in: directory)

        for file in newFiles {
            if file.url.path == supervisionsPath(new) { snapshots.remember(file, holding: movedEntries) }
            if file.url.path == hazardsPath(new) { snapshots.remember(file, holding: movedHazards) }
        }
        var written = WrittenRecords()
        written.enterprises = list
        if rosterChanged { written.inspectors = roster }
        written.supervisions[new] = movedEntries
        written.hazards[new] = movedHazards
        written.rekeyed[old] = new
        return written
    }
}

/// A master-data record as the runner checks it before writing its file.
protocol MasterRecordValidating {
    func validate() -> [ValidationIssue]
    var displayName: String { get }
}

extension Enterprise: MasterRecordValidating {
    var displayName: String { name }
}

extension Inspector: MasterRecordValidating {
    var displayName: String { name }
}
