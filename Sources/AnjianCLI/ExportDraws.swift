import Foundation
import AnjianModel
import AnjianStore
import AnjianText

/// `anjian export draws`: one row per enterprise drawn, per draw (`--draw ID` for one): the draw,
/// the enterprise and its team, and once the planned visit is made its date, conclusion and the
/// hazards found on it, else "to be inspected" (待检查). `--district`: the enterprises of one district.
enum ExportDraws {
    static func select(_ filters: ExportCommand.Filters, district: String?, ledger: LoadedLedger, strings s: Strings) throws(CommandFailure) -> ExportCommand.Selection {
        let folder = ledger.directory.appendingPathComponent(LedgerStore.drawsFolder)
        let all = try CommandFailure.store(folder, strings: s) { try LedgerStore.drawRecords(in: ledger.directory) }
        var chosen = all.sorted { $0.id < $1.id }
        if let id = filters.draw {
            chosen = chosen.filter { $0.id == id }
            if chosen.isEmpty { throw CommandFailure(.usage, s.exportUnknownDraw(id, known: all.map(\.id).sorted())) }
        }
        chosen = chosen.filter { record in
            (filters.since.map { record.inputs.date >= $0 } ?? true) && (filters.until.map { record.inputs.date <= $0 } ?? true)
        }
        let table = self.table(chosen, district: district, ledger: ledger, strings: s)
        var selection = ExportCommand.Selection(table: table, json: ExportCommand.encodeJSON(chosen), hazardCounts: nil,
                                                total: all.reduce(0) { $0 + $1.teams.count })
        selection.notes = chosen.map(s.exportDrawNote)
        return selection
    }

    static func table(_ records: [DrawRecord], district: String?, ledger: LoadedLedger, strings s: Strings) -> ExportTable {
        let titles: [Text] = [.colDrawID, .colDrawDate, .colDrawSeed, .colDrawOrder, .colName, .colCreditCode, .colDistrict,
                              .colInspectors, .colVisitDate, .colVisitResult, .colHazardsFound]
        let enterprises = Dictionary(ledger.enterprises.map { ($0.creditCode, $0) }, uniquingKeysWith: { first, _ in first })
        let unreadable = Set(ledger.damagedFiles.filter { $0.folder == .supervisions }.compactMap(\.enterpriseCode))
        var rows: [[ExportTable.Cell]] = []
        for record in records {
            for (i, team) in record.teams.enumerated() {
                let code = team.enterpriseCode
                let enterprise = enterprises[code]
                if let district, enterprise?.district != district { continue }
                var row: [ExportTable.Cell] = [.text(record.id), ExportTables.day(record.inputs.date), .text(String(record.inputs.seed)),
                                               .text(String(i + 1)), .text(enterprise?.name ?? ""), .text(code),
                                               .text(s.district(enterprise?.district ?? "")), .text(s.drawTeamPeople(team))]
                // The visit the draw planned for this enterprise, made or not.
                let visit = ledger.supervisions[code]?.first { $0.drawID == record.id }
                switch visit {
                case let visit? where !visit.isPlanned:
                    row += [ExportTables.day(visit.date), .text(s.conclusion(of: visit)), .text(String(visit.hazardIDs.count))]
                case _? : row += [.text(""), .text(s[.drawResultPending]), .text("")]
                case nil:
                    row += [.text(""), .text(s[unreadable.contains(code) ? .drawResultUnreadable : .drawResultMissing]), .text("")]
                }
                rows.append(row)
            }
        }
        return ExportTable(titles: titles.map { s[$0] }, rows: rows)
    }
}
