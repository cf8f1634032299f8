import Foundation

/// The double-random draw (双随机、一公开): random enterprises from the inspection targets,
/// random inspectors from the roster, reproducible by anyone from the record (docs/draw.md
/// specifies every step; its Python reference is run against this code in the tests).

/// How many enterprises to draw: a number, or a percentage of the candidates rounded up.
public enum DrawCount: Hashable, Sendable, Codable {
    case number(Int)
    case percent(Int)

    /// `{"number": 10}` or `{"percent": 15}` in the files.
    enum CodingKeys: String, CodingKey { case number, percent }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let n = try c.decodeIfPresent(Int.self, forKey: .number) {
            self = .number(n)
        } else if let p = try c.decodeIfPresent(Int.self, forKey: .percent) {
            self = .percent(p)
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath, debugDescription: "count: number or percent"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .number(let n): try c.encode(n, forKey: .number)
        case .percent(let p): try c.encode(p, forKey: .percent)
        }
    }

    /// `10` (a number) or `15%` (1% to 100%), as `anjian draw --count` and the draw screen take it.
    public static func parse(_ text: String) -> DrawCount? {
        let text = text.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("%") || text.hasSuffix("％") {
            return Int(text.dropLast()).flatMap { (1...100).contains($0) ? .percent($0) : nil }
        }
        return Int(text).map { .number($0) }
    }

    /// The count among `candidates` candidates: a percentage p of N is ⌈N·p/100⌉.
    public func resolved(among candidates: Int) -> Int {
        switch self {
        case .number(let n): return n
        case .percent(let p): return (candidates * p + 99) / 100
        }
    }
}

/// What a draw is asked for; with the candidates and the roster, all it takes to re-run it.
public struct DrawInputs: Codable, Hashable, Sendable {
    /// Filters of the candidate list; empty means any.
    public var districts: [String]
    public var categories: [SupervisionCategory]
    public var riskGrades: [RiskGrade]
    public var integrity: [IntegrityStatus]
    public var count: DrawCount
    public var inspectorsPerTeam: Int
    /// Key enterprises (major risk grade, black list, an open major hazard) hold `keyWeight` tickets.
    public var weighted: Bool
    /// Decimal in the files: JSON readers in some languages lose integers above 2⁵³.
    public var seed: UInt64
    /// The day of the draw: certificates and retirements are checked on it.
    public var date: String

    public static let keyWeight = 3

    public init(districts: [String] = [], categories: [SupervisionCategory] = [], riskGrades: [RiskGrade] = [],
                integrity: [IntegrityStatus] = [], count: DrawCount, inspectorsPerTeam: Int = 2, weighted: Bool = false,
                seed: UInt64, date: String) {
        self.districts = districts
        self.categories = categories
        self.riskGrades = riskGrades
        self.integrity = integrity
        self.count = count
        self.inspectorsPerTeam = inspectorsPerTeam
        self.weighted = weighted
        self.seed = seed
        self.date = date
    }

    enum CodingKeys: String, CodingKey {
        case districts, categories, riskGrades, integrity, count, inspectorsPerTeam, weighted, seed, date
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        districts = try c.decode([String].self, forKey: .districts)
        categories = try c.decode([SupervisionCategory].self, forKey: .categories)
        riskGrades = try c.decode([RiskGrade].self, forKey: .riskGrades)
        integrity = try c.decode([IntegrityStatus].self, forKey: .integrity)
        count = try c.decode(DrawCount.self, forKey: .count)
        inspectorsPerTeam = try c.decode(Int.self, forKey: .inspectorsPerTeam)
        weighted = try c.decode(Bool.self, forKey: .weighted)
        let text = try c.decode(String.self, forKey: .seed)
        guard let seed = UInt64(text) else {
            throw DecodingError.dataCorruptedError(forKey: .seed, in: c, debugDescription: "not a decimal 64-bit seed")
        }
        self.seed = seed
        date = try c.decode(String.self, forKey: .date)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(districts, forKey: .districts)
        try c.encode(categories, forKey: .categories)
        try c.encode(riskGrades, forKey: .riskGrades)
        try c.encode(integrity, forKey: .integrity)
        try c.encode(count, forKey: .count)
        try c.encode(inspectorsPerTeam, forKey: .inspectorsPerTeam)
        try c.encode(weighted, forKey: .weighted)
        try c.encode(String(seed), forKey: .seed)
        try c.encode(date, forKey: .date)
    }
}

/// One enterprise drawn and the team sent to it, in the order drawn.
public struct DrawTeam: Codable, Hashable, Sendable {
    public var enterpriseCode: String
    public var inspectors: [InspectorRef]
    public init(enterpriseCode: String, inspectors: [InspectorRef]) {
        self.enterpriseCode = enterpriseCode
        self.inspectors = inspectors
    }
}

/// A draw's outcome with the fingerprints of what it was drawn from.
public struct DrawResult: Hashable, Sendable {
    public var teams: [DrawTeam]
    public var candidateCount: Int
    /// SHA-256 of the candidate lines and of the roster lines (docs/draw.md, "Fingerprints").
    public var candidateFingerprint: String
    public var rosterFingerprint: String
}

/// Why a draw cannot be made; nothing is drawn.
public enum DrawRefusal: Error, Hashable, Sendable {
    case noCandidates
    /// More enterprises asked for than there are candidates (or none: 0 or less).
    case badCount(asked: Int, candidates: Int)
    case teamTooSmall(Int)
    /// After avoidance, retirements and certificates, too few inspectors may go to this enterprise.
    case tooFewInspectors(enterpriseCode: String, eligible: Int, needed: Int)
    /// An inspector's avoid list names a district no enterprise has and that is no district's
    /// Chinese name (`Muping`, a typo): the avoidance would be skipped, so nothing is drawn.
    case unknownAvoidDistrict(inspector: String, district: String)
}

public enum Draw {
    /// One candidate: its code, tickets, and what avoidance needs (district, responsible supervisors).
    public struct Candidate: Hashable, Sendable {
        public var code: String
        public var weight: Int
        public var district: String
        public var supervisors: [String]
    }

    /// The candidates: active enterprises passing the filters, sorted by credit code (byte order).
    /// `openMajor`: the codes of enterprises with an open major hazard (for the weighting).
    public static func candidates(_ enterprises: [Enterprise], inputs: DrawInputs, openMajor: Set<String>) -> [Candidate] {
        enterprises.filter { e in
            e.isActive
                && (inputs.districts.isEmpty || inputs.districts.contains(e.district))
                && (inputs.categories.isEmpty || inputs.categories.contains(e.category))
                && (inputs.riskGrades.isEmpty || inputs.riskGrades.contains(e.riskGrade))
                && (inputs.integrity.isEmpty || inputs.integrity.contains(e.integrityStatus))
        }
        .sorted { Array($0.creditCode.utf8).lexicographicallyPrecedes(Array($1.creditCode.utf8)) }
        .map { e in
            let key = e.riskGrade == .major || e.integrityStatus == .black || openMajor.contains(e.creditCode)
            return Candidate(code: e.creditCode, weight: inputs.weighted && key ? DrawInputs.keyWeight : 1,
                             district: e.district, supervisors: e.supervisors.map(\.name))
        }
    }

    /// The roster as the draw sees it, sorted by certificate number (byte order).
    static func roster(_ inspectors: [Inspector]) -> [Inspector] {
        inspectors.sorted { Array($0.certificateNumber.utf8).lexicographicallyPrecedes(Array($1.certificateNumber.utf8)) }
    }

    /// Whether `inspector` may be sent to `candidate` on `date`: not retired, certificate not
    /// expired, and no avoidance (a responsible supervisor of it, its code or district listed to avoid).
    public static func mayGo(_ inspector: Inspector, to candidate: Candidate, on date: String) -> Bool {
        inspector.refusalForVisit(on: date) == nil
            && !candidate.supervisors.contains(inspector.name)
            && !inspector.avoidEnterprises.contains(candidate.code)
            && !inspector.avoidDistricts.contains(candidate.district)
    }

    /// `code<TAB>weight<TAB>district<TAB>supervisors joined by ","` per candidate, each line ending in a line feed.
    public static func candidateLines(_ candidates: [Candidate]) -> String {
        candidates.map { "\($0.code)\t\($0.weight)\t\($0.district)\t\($0.supervisors.joined(separator: ","))\n" }.joined()
    }

    /// `certificate<TAB>name<TAB>retired date<TAB>certificate expiry<TAB>avoid districts<TAB>avoid enterprises`
    /// per inspector (lists joined by ","; absent values empty), each line ending in a line feed.
    public static func rosterLines(_ inspectors: [Inspector]) -> String {
        roster(inspectors).map { i in
            [i.certificateNumber, i.name, i.retired?.date ?? "", i.certificateExpires ?? "",
             i.avoidDistricts.joined(separator: ","), i.avoidEnterprises.joined(separator: ",")].joined(separator: "\t") + "\n"
        }.joined()
    }

    /// The draw, as docs/draw.md specifies it step by step.
    public static func run(_ inputs: DrawInputs, enterprises: [Enterprise], inspectors: [Inspector],
                           openMajor: Set<String>) throws(DrawRefusal) -> DrawResult {
        let candidates = candidates(enterprises, inputs: inputs, openMajor: openMajor)
        guard !candidates.isEmpty else { throw .noCandidates }
        let count = inputs.count.resolved(among: candidates.count)
        guard count >= 1, count <= candidates.count else { throw .badCount(asked: count, candidates: candidates.count) }
        guard inputs.inspectorsPerTeam >= 2 else { throw .teamTooSmall(inputs.inspectorsPerTeam) }
        // Avoidance is compared by the district's name: one written otherwise would never match.
        let districts = Set(District.all.map(\.name)).union(enterprises.map(\.district))
        for inspector in inspectors where inspector.refusalForVisit(on: inputs.date) == nil {
            if let unknown = inspector.avoidDistricts.first(where: { !districts.contains($0) }) {
                throw .unknownAvoidDistrict(inspector: inspector.name, district: unknown)
            }
        }
        var random = SplitMix64(seed: inputs.seed)
        // 1. The enterprises: every candidate's tickets in candidate order, shuffled; the first
        //    `count` distinct codes in the shuffled order.
        var tickets = candidates.indices.flatMap { Array(repeating: $0, count: candidates[$0].weight) }
        random.shuffle(&tickets)
        var chosen: [Int] = [], seen = Set<Int>()
        for ticket in tickets where chosen.count < count && seen.insert(ticket).inserted { chosen.append(ticket) }
        // 2. The teams, enterprise by enterprise in the order drawn: those who may go, in roster
        //    order, shuffled, then (stably) fewest assignments so far first; the first ones go.
        let roster = roster(inspectors)
        var load = [Int](repeating: 0, count: roster.count)
        var teams: [DrawTeam] = []
        for index in chosen {
            let candidate = candidates[index]
            var eligible = roster.indices.filter { mayGo(roster[$0], to: candidate, on: inputs.date) }
            guard eligible.count >= inputs.inspectorsPerTeam else {
                throw .tooFewInspectors(enterpriseCode: candidate.code, eligible: eligible.count, needed: inputs.inspectorsPerTeam)
            }
            random.shuffle(&eligible)
            let team = Array(stableSorted(eligible) { load[$0] }.prefix(inputs.inspectorsPerTeam))
            for member in team { load[member] += 1 }
            teams.append(DrawTeam(enterpriseCode: candidate.code,
                                  inspectors: team.map { InspectorRef(name: roster[$0].name, certificateNumber: roster[$0].certificateNumber) }))
        }
        return DrawResult(teams: teams, candidateCount: candidates.count,
                          candidateFingerprint: SHA256.hex(candidateLines(candidates)),
                          rosterFingerprint: SHA256.hex(rosterLines(inspectors)))
    }

    /// A stable sort by an integer key (Swift's `sorted` is not promised stable).
    static func stableSorted(_ items: [Int], by key: (Int) -> Int) -> [Int] {
        items.enumerated().sorted { (key($0.element), $0.offset) < (key($1.element), $1.offset) }.map(\.element)
    }
}
