/// A draw as kept in `draws/<id>.json`: everything needed to re-run it and see that it matches
/// (the seed and the inputs, the fingerprints of the candidates and the roster it was drawn
/// from), who drew it and when, and the teams drawn, which become the planned visits.
public struct DrawRecord: Codable, Hashable, Sendable {
    public static let currentVersion = 1
    public var schemaVersion: Int
    /// `DR-<year>-<drawer's certificate number>-<nnn>`: the drawer's next of the year. The
    /// certificate keeps two inspectors drawing offline on their own machines from taking the
    /// same id (their files would collide when synced).
    public var id: String
    /// ISO 8601 with its offset.
    public var drawnAt: String
    public var drawnBy: InspectorRef
    public var inputs: DrawInputs
    public var candidateCount: Int
    public var candidateFingerprint: String
    public var rosterFingerprint: String
    public var teams: [DrawTeam]

    public init(id: String, drawnAt: String, drawnBy: InspectorRef, inputs: DrawInputs, result: DrawResult) {
        schemaVersion = Self.currentVersion
        self.id = id
        self.drawnAt = drawnAt
        self.drawnBy = drawnBy
        self.inputs = inputs
        candidateCount = result.candidateCount
        candidateFingerprint = result.candidateFingerprint
        rosterFingerprint = result.rosterFingerprint
        teams = result.teams
    }

    /// The id of the drawer's `sequence`th draw of `year`.
    public static func id(year: Int, drawer: String, sequence: Int) -> String {
        let digits = String(sequence)
        let certificate = drawer.filter { $0.isLetter || $0.isNumber }
        return "DR-\(year)-" + (certificate.isEmpty ? "" : certificate + "-") + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// How a re-run compares with the record.
    public enum Verification: Hashable, Sendable {
        case matches
        /// The candidate list (the enterprises, their filters' fields, weights, supervisors) is not
        /// the one drawn from.
        case candidatesChanged
        /// The roster (certificates, retirements, avoidance) is not the one drawn from.
        case rosterChanged
        /// Same list and roster, yet another outcome: the record's teams or inputs were altered.
        case teamsDiffer
        /// The draw cannot be made now.
        case refused(DrawRefusal)
        /// The ledger's visits carrying this draw's id are not one per team, at its enterprises
        /// (a team cut from the record, a planned visit added or moved).
        case visitsDiffer
    }

    /// Re-runs the draw on this ledger and compares: the fingerprints first (what changed), then the teams.
    /// `visits`: the ledger's visits, when known: those carrying this draw's id must be one per
    /// team, at the teams' enterprises (planned or made).
    public func verify(enterprises: [Enterprise], inspectors: [Inspector], openMajor: Set<String>,
                       visits: [SupervisionEntry]? = nil) -> Verification {
        let rerun: DrawResult
        do {
            rerun = try Draw.run(inputs, enterprises: enterprises, inspectors: inspectors, openMajor: openMajor)
        } catch {
            let candidates = Draw.candidates(enterprises, inputs: inputs, openMajor: openMajor)
            if SHA256.hex(Draw.candidateLines(candidates)) != candidateFingerprint { return .candidatesChanged }
            if SHA256.hex(Draw.rosterLines(inspectors)) != rosterFingerprint { return .rosterChanged }
            return .refused(error)
        }
        if rerun.candidateFingerprint != candidateFingerprint || rerun.candidateCount != candidateCount { return .candidatesChanged }
        if rerun.rosterFingerprint != rosterFingerprint { return .rosterChanged }
        guard rerun.teams == teams else { return .teamsDiffer }
        if let visits {
            let carried = visits.filter { $0.drawID == id }.map(\.enterpriseCode).sorted()
            if carried != teams.map(\.enterpriseCode).sorted() { return .visitsDiffer }
        }
        return .matches
    }

    /// The visit the draw plans for `team`: planned (`isPlanned`), dated the day of the draw,
    /// double-random, the team as its inspectors, with the draw's id; its id free among `taken`.
    public func plannedVisit(for team: DrawTeam, by signer: Operator, taken: Set<String>) -> SupervisionEntry {
        var entry = SupervisionEntry(id: "", enterpriseCode: team.enterpriseCode, date: inputs.date, time: "", kind: .doubleRandom,
                                     inspectors: team.inspectors, accompanying: ContactPerson(name: "", position: "", phone: ""))
        entry.drawID = id
        entry.planned = true
        entry.id = SupervisionEntry.newID(for: entry, taken: taken)
        entry.history = [HistoryEntry(at: drawnAt, by: signer, action: .created, changes: [FieldChange(field: "drawID", old: "", new: id)])]
        return entry
    }
}
