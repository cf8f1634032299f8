import Foundation
import AnjianModel
import AnjianStore

/// What it takes to issue an enforcement document (issue 12): for which record, by whom and
/// when, under which settings, and the highest number of its kind and year the program knows.
public struct DocumentRequest: Hashable, Sendable {
    public var kind: DocumentKind
    public var enterpriseCode: String
    /// The visit's id (inspection record, rectification order) or the hazard's id (re-check opinion).
    public var recordID: String
    public var issuedBy: Operator
    /// ISO 8601 with its offset, as history entries write it; its year is the number's year.
    public var issuedAt: String
    public var settings: DocumentSettings
    /// The highest sequence of this kind and year among the documents of the loaded ledger (0
    /// for none; see `highestSequence`). The runner also counts those in the file on disk now.
    public var highestKnown: Int

    public init(kind: DocumentKind, enterpriseCode: String, recordID: String, issuedBy: Operator, issuedAt: String,
                settings: DocumentSettings, highestKnown: Int) {
        self.kind = kind
        self.enterpriseCode = enterpriseCode
        self.recordID = recordID
        self.issuedBy = issuedBy
        self.issuedAt = issuedAt
        self.settings = settings
        self.highestKnown = highestKnown
    }

    /// The year of the number: the year it is issued in (the year of `issuedAt`).
    public var year: Int { Int(issuedAt.prefix(4)) ?? 0 }

    /// The highest sequence of `kind` in `year` among these records' documents, 0 for none: what
    /// the program knows, for `highestKnown` (the city's ledger, every enterprise).
    public static func highestSequence(of kind: DocumentKind, year: Int, supervisions: some Sequence<SupervisionEntry>,
                                       hazards: some Sequence<Hazard>) -> Int {
        let documents = supervisions.lazy.flatMap { $0.documents ?? [] } + hazards.lazy.flatMap { $0.documents ?? [] }
        return kind.nextSequence(year: year, issued: documents) - 1
    }
}

extension Runner {
    /// Issues the document against the enterprise's files as they are on disk now: the one
    /// already issued of that kind for the record is given back unchanged (same number, nothing
    /// written); otherwise the next number after the highest known and the highest in the file,
    /// recorded on the record with a history entry, the file written as a save writes it.
    func issue(_ request: DocumentRequest) throws -> WrittenRecords {
        var written = WrittenRecords()
        let code = request.enterpriseCode
        let readEntries = try LedgerStore.readSupervisions(enterprise: code, in: directory, snapshots: snapshots)
        var entries = readEntries.records
        written.supervisions[code] = entries
        func next(in records: [[IssuedDocument]?]) -> Int {
            max(request.highestKnown + 1, request.kind.nextSequence(year: request.year, issued: records.lazy.flatMap { $0 ?? [] }))
        }
        func document(sequence: Int, hazardIDs: [String], orderNumber: String? = nil, verification: Int? = nil) -> IssuedDocument {
            IssuedDocument(kind: request.kind, year: request.year, sequence: sequence,
                           number: request.settings.number(request.kind, year: request.year, sequence: sequence),
                           issuedAt: request.issuedAt, issuedBy: request.issuedBy, hazardIDs: hazardIDs, orderNumber: orderNumber,
                           verification: verification)
        }
        switch request.kind {
        case .inspectionRecord, .rectificationOrder:
            let path = supervisionsPath(code)
            guard var visit = entries.first(where: { $0.id == request.recordID }) else {
                throw StoreError.conflict(path: path, id: request.recordID)
            }
            if let issued = visit.issuedDocument(request.kind) {
                written.issuedDocument = issued
                written.reissued = true
                return written
            }
            // An order covers the hazards found on the visit: those it lists, and those naming it as
            // theirs (a crash between the two writes of a registration leaves only the latter; the
            // app shows both); a record stands for the visit itself.
            // The record lists them too, as they were when it was issued: a reprint shows the same.
            let hazards = try LedgerStore.readHazards(enterprise: code, in: directory, snapshots: snapshots).records
            let covered = visit.hazardIDs + hazards.filter { $0.supervisionID == visit.id && !visit.hazardIDs.contains($0.id) }.map(\.id)
            if request.kind == .rectificationOrder, covered.isEmpty {
                throw StoreError.documentRefused(path: path, id: visit.id, reason: .noHazards)
            }
            let issued = document(sequence: next(in: entries.map(\.documents)), hazardIDs: covered)
            visit.recordIssued(issued, by: request.issuedBy, at: request.issuedAt)
            try write(visit, into: &entries) {
                try LedgerStore.prepareSupervisionChange($0, changed: visit.id, over: readEntries, enterprise: code, in: directory)
            }
            written.supervisions[code] = entries
            written.issuedDocument = issued
        case .recheckOpinion:
            let path = hazardsPath(code)
            let readHazards = try LedgerStore.readHazards(enterprise: code, in: directory, snapshots: snapshots)
            var hazards = readHazards.records
            written.hazards[code] = hazards
            guard var hazard = hazards.first(where: { $0.id == request.recordID }) else {
                throw StoreError.conflict(path: path, id: request.recordID)
            }
            if let issued = hazard.issuedDocument(.recheckOpinion) {
                written.issuedDocument = issued
                written.reissued = true
                return written
            }
            guard !hazard.verifications.isEmpty else { throw StoreError.documentRefused(path: path, id: hazard.id, reason: .notRechecked) }
            // The order that covers the hazard, the latest when several do. None issued in the
            // ledger (an order written on paper before the ledger printed them): no number, and
            // the document leaves a blank line for it to be written by hand.
            let order = entries.compactMap { $0.issuedDocument(.rectificationOrder) }
                .filter { $0.hazardIDs.contains(hazard.id) }
                .max { ($0.issuedAt, $0.sequence) < ($1.issuedAt, $1.sequence) }
            let issued = document(sequence: next(in: hazards.map(\.documents)), hazardIDs: [hazard.id], orderNumber: order?.number,
                                  verification: hazard.verifications.count)
            hazard.recordIssued(issued, by: request.issuedBy, at: request.issuedAt)
            try write(hazard, into: &hazards) {
                try LedgerStore.prepareHazardChange($0, changed: hazard.id, over: readHazards, enterprise: code, in: directory)
            }
            written.hazards[code] = hazards
            written.issuedDocument = issued
        }
        return written
    }

    /// Puts the record in its file's records and writes the file as `prepare` encodes them.
    private func write<Record: Identifiable & Sendable>(_ record: Record, into records: inout [Record],
                                                       prepare: ([Record]) throws -> PreparedFile) throws {
        records.upsert(record)
        let file = try prepare(records)
        try LedgerStore.write([file])
        snapshots.remember(file, holding: records)
    }
}
