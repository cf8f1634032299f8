import Foundation
import AnjianModel
import AnjianStore

extension Runner {
    /// Writes the draw record and its planned visits as one change: each enterprise's file as it
    /// is on disk now with the planned entry added (an id taken there gives the next free one).
    func recordDraw(_ record: DrawRecord) throws -> WrittenRecords {
        var written = WrittenRecords()
        let (record, recordFile) = try LedgerStore.prepareNewDrawRecord(record, in: directory)
        var files = [recordFile]
        var remembered: [(PreparedFile, [SupervisionEntry])] = []
        for team in record.teams {
            let code = team.enterpriseCode
            let read = try LedgerStore.readSupervisions(enterprise: code, in: directory, snapshots: snapshots)
            var entries = read.records
            let visit = record.plannedVisit(for: team, by: record.drawnBy, taken: Set(entries.map(\.id)))
            entries.append(visit)
            let file = try LedgerStore.prepareSupervisionChange(entries, changed: visit.id, over: read, enterprise: code, in: directory)
            files.append(file)
            remembered.append((file, entries))
            written.supervisions[code] = entries
        }
        try LedgerStore.write(files)
        for (file, entries) in remembered { snapshots.remember(file, holding: entries) }
        written.drawRecord = record
        return written
    }
}
