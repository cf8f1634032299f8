import AnjianModel

/// One enterprise's years of records: its supervision visits, the hazards found on them and
/// by other checks, each hazard taken through its lifecycle by the model's own steps.
struct EnterpriseRecords {
    let enterprise: Enterprise
    let today: Day
    var random: SeededRandom
    /// The roster members who may be sent here (回避: not those avoiding it or its district).
    let inspectors: [InspectorRef]
    /// The few who usually come, and who record the steps of its hazards.
    let team: [InspectorRef]
    let first: Day
    /// Places of this enterprise's industry first, then the common ones.
    let places: [String]
    let categoryWeights: [Double]

    struct Made {
        var hazards: [Hazard] = []
        var entries: [SupervisionEntry] = []
        var evidence: [(path: String, text: String)] = []
    }

    /// A visit before its record is written: what the hazards found on it need.
    struct PlannedVisit {
        var id: String
        var day: Day
        var minute: Int
        var kind: SupervisionKind
        var inspectors: [InspectorRef]
        var hazardCount: Int
        var caseFiled: Bool
    }

    /// A hazard before its number: when and on which visit it was found.
    struct Finding {
        var day: Day
        var minute: Int
        var visit: Int?
    }

    init(enterprise: Enterprise, roster: [Inspector], today: Day, random: SeededRandom) {
        self.enterprise = enterprise
        self.today = today
        self.random = random
        let allowed = roster.filter { !$0.avoidEnterprises.contains(enterprise.creditCode) && !$0.avoidDistricts.contains(enterprise.district) }
        inspectors = (allowed.count >= 2 ? allowed : roster).map { InspectorRef(name: $0.name, certificateNumber: $0.certificateNumber) }
        var shuffled = inspectors
        self.random.shuffle(&shuffled)
        team = Array(shuffled.prefix(3))
        first = today - (LedgerGenerator.years * 365 + LedgerGenerator.years / 4)
        let own = Fragments.industryPlaces.filter { $0.keywords.contains { enterprise.industry.contains($0) } }.flatMap(\.places)
        places = own + Fragments.commonPlaces
        // equipment, electrical, fire, hazardousMaterials, workEnvironment, management, behaviour, other
        let chemical = ["危险化学品", "化工", "溴素", "燃气", "民用爆炸", "涉氨", "氰化"].contains { enterprise.industry.contains($0) }
        categoryWeights = chemical ? [16, 15, 16, 22, 10, 12, 7, 2] : [22, 18, 18, 4, 13, 14, 8, 3]
    }

    mutating func make(hazards count: Int, visits visitCount: Int) throws -> Made {
        var made = Made()
        let visits = planVisits(visitCount, hazards: count)
        let findings = findHazards(count, visits: visits)
        var ids: Set<String> = []
        var sequence: [Int: Int] = [:]
        for finding in findings {
            let year = finding.day.year
            sequence[year, default: 0] += 1
            var id = random.uuid()
            while !ids.insert(id).inserted { id = random.uuid() }
            let hazard = try makeHazard(id: id, number: number(year: year, sequence[year]!), finding: finding,
                                        visit: finding.visit.map { visits[$0] }, evidence: &made.evidence)
            made.hazards.append(hazard)
        }
        made.entries = writeVisits(visits, hazards: made.hazards)
        return made
    }

    /// `Hazard.nextNumber`'s format, counted per year instead of searched: the hazards are
    /// registered in order, so the next free number is always the count so far plus one.
    func number(year: Int, _ sequence: Int) -> String {
        let digits = String(sequence)
        return "YH-\(year)-\(enterprise.creditCode.suffix(6))-" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    // MARK: Visits

    mutating func planVisits(_ count: Int, hazards: Int) -> [PlannedVisit] {
        // Working days before today (a visit today could be "in the future" in another time zone).
        var days: [Day] = []
        for _ in 0..<count {
            var day = first + random.int(0...(today - first - 1))
            while day.isWeekend { day = day - 1 }
            days.append(day < first ? first : day)
        }
        days.sort()
        // At most half of the hazards are found on visits; the rest by the enterprise's own and other checks.
        var linkable = hazards / 2
        var taken: Set<String> = []
        var visits: [PlannedVisit] = []
        for day in days {
            let kind = [SupervisionKind.routine, .specialCampaign, .doubleRandom, .complaint, .recheck][random.weighted([45, 20, 15, 5, 15])]
            var found = 0
            if random.chance(kind == .recheck ? 0.2 : 0.55) { found = min(linkable, 1 + random.weighted([45, 25, 14, 8, 5, 3])) }
            linkable -= found
            let pair = twoInspectors()
            var entry = SupervisionEntry(id: "", enterpriseCode: enterprise.creditCode, date: day.text, time: "", kind: kind,
                                         inspectors: pair, accompanying: ContactPerson(name: "", position: "", phone: ""))
            entry.id = SupervisionEntry.newID(for: entry, taken: taken)
            taken.insert(entry.id)
            visits.append(PlannedVisit(id: entry.id, day: day, minute: 8 * 60 + 30 + 5 * random.int(0...90), kind: kind,
                                       inspectors: pair, hazardCount: found, caseFiled: found > 0 && random.chance(0.06)))
        }
        return visits
    }

    /// Two different inspectors, usually of the enterprise's team.
    mutating func twoInspectors() -> [InspectorRef] {
        let pool = random.chance(0.8) && team.count >= 2 ? team : inspectors
        let a = random.int(0...(pool.count - 1))
        var b = random.int(0...(pool.count - 2))
        if b >= a { b += 1 }
        return [pool[a], pool[b]]
    }

    /// Every hazard's discovery, in the order they were registered.
    mutating func findHazards(_ count: Int, visits: [PlannedVisit]) -> [Finding] {
        var findings: [Finding] = []
        for (index, visit) in visits.enumerated() {
            for k in 0..<visit.hazardCount {
                // Registered after the visit, the same day.
                findings.append(Finding(day: visit.day, minute: min(visit.minute + 30 + 10 * k + random.int(0...20), 23 * 60), visit: index))
            }
        }
        while findings.count < count {
            var day = first + random.int(0...(today - first))
            if day.isWeekend, random.chance(0.8) { day = day - 2 }
            findings.append(Finding(day: max(day, first), minute: 8 * 60 + random.int(0...(10 * 60)), visit: nil))
        }
        return findings.enumerated().sorted { ($0.element.day, $0.element.minute, $0.offset) < ($1.element.day, $1.element.minute, $1.offset) }
            .map(\.element)
    }

    /// The visits' records, each listing its hazards as the program does when one is registered
    /// on a visit: the id added and the history saying so.
    mutating func writeVisits(_ visits: [PlannedVisit], hazards: [Hazard]) -> [SupervisionEntry] {
        var found: [String: [Hazard]] = [:]
        for hazard in hazards { if let visit = hazard.supervisionID { found[visit, default: []].append(hazard) } }
        return visits.map { plan in
            let own = found[plan.id] ?? []
            let accompanying = random.chance(0.7)
                ? enterprise.safetyResponsible
                : ContactPerson(name: Fragments.personName(&random), position: random.pick(Fragments.positions), phone: Fragments.mobile(&random))
            var items = Fragments.itemsChecked
            random.shuffle(&items)
            var entry = SupervisionEntry(id: plan.id, enterpriseCode: enterprise.creditCode, date: plan.day.text,
                                         time: twoDigits(plan.minute / 60) + ":" + twoDigits(plan.minute % 60), kind: plan.kind,
                                         inspectors: plan.inspectors, accompanying: accompanying,
                                         itemsChecked: items.prefix(random.int(2...4)).joined(separator: "；"))
            if !own.isEmpty {
                entry.conclusion = plan.caseFiled ? .caseFiled : .rectificationOrdered
                let major = own.filter { $0.level == .major }.count
                let examples = own.prefix(2).map { problem(of: $0) }.joined(separator: "、")
                entry.findings = "发现隐患\(own.count)项" + (major > 0 ? "（其中重大隐患\(major)项）" : "") + "，主要为" + examples
                    + (own.count > 2 ? "等" : "") + (plan.caseFiled ? "，已立案调查" : "，已责令限期整改")
            }
            let recorder = plan.inspectors[0]
            entry = entry.recordingHistory(from: nil, by: recorder, at: plan.day.at(minute: plan.minute))
            for hazard in own {
                var listed = entry
                listed.addHazard(hazard.id)
                entry = listed.recordingHistory(from: entry, by: recorder, at: hazard.history[0].at)
            }
            return entry
        }
    }

    /// The problem a description names, after its place.
    func problem(of hazard: Hazard) -> String {
        let text = hazard.description.dropFirst(hazard.location.count)
        return String(text.prefix { $0 != "，" })
    }
}
