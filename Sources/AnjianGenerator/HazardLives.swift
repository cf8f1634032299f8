import AnjianModel

// A hazard's record and its life: registered, then taken through the model's own steps
// (`startRectification`, `reportRectified`, `verifyPassed`…), so the lifecycle's rules, the step
// order and the major-hazard rules hold by construction; a step that would fall after today is
// not taken, which leaves recent hazards open.
extension EnterpriseRecords {
    /// The steps after registration a hazard is planned to go through (it stops at today).
    /// `edited` stands for a correction of its fields.
    static let plans: [(steps: [HistoryEntry.Action], weight: Double)] = [
        ([.rectificationStarted, .reportedRectified, .verifiedPassed], 70),
        ([.rectificationStarted, .deadlineExtended, .reportedRectified, .verifiedPassed], 8),
        ([.rectificationStarted, .reportedRectified, .verificationFailed], 3),
        ([.rectificationStarted, .reportedRectified, .verificationFailed, .reportedRectified], 3),
        ([.rectificationStarted, .reportedRectified, .verifiedPassed, .reopened], 1),
        ([.rectificationStarted, .deadlineExtended], 2),
        ([.rectificationStarted, .deadlineExtended, .deadlineExtended, .reportedRectified], 1),
        ([.rectificationStarted], 5),
        ([.rectificationStarted, .reportedRectified], 4),
        ([.edited], 3),
    ]

    static let categories: [HazardCategory] = [.equipment, .electrical, .fire, .hazardousMaterials, .workEnvironment, .management,
                                               .behaviour, .other]

    mutating func makeHazard(id: String, number: String, finding: Finding, visit: PlannedVisit?,
                             evidence: inout [(path: String, text: String)]) throws -> Hazard {
        let category = Self.categories[random.weighted(categoryWeights)]
        let major = random.chance([.hazardousMaterials, .equipment, .fire].contains(category) ? 0.045 : 0.012)
        let place = random.pick(places)
        let found = finding.day
        // Found on a visit: by its two inspectors. Otherwise by an inspector who registers it
        // himself, or by the enterprise's own check, registered by an inspector of its team.
        let finder = random.pick(team)
        let inspectorFound = random.chance(0.6)
        let foundBy = visit.map { $0.inspectors.map(\.name).joined(separator: "、") }
            ?? (inspectorFound ? finder.name : random.chance(0.5) ? enterprise.safetyResponsible.name : Fragments.personName(&random))
        let deadlineDays = major ? random.pick([60, 90, 90, 120, 180]) : random.pick([7, 10, 15, 15, 30, 30, 30, 30, 45, 60])
        let measures = major || random.chance(0.8) ? random.pick(Fragments.measures[category]!) : ""
        let funds: Funds? = major ? .amount(Double(random.int(20...2000)) / 10)
            : random.chance(0.55) ? .amount(Double(random.int(1...50)) / 10) : nil
        let rechecker = major || random.chance(0.5) ? random.pick(team).name : ""
        let responsible = random.chance(0.6) ? enterprise.safetyResponsible.name : Fragments.personName(&random)
        var hazard = Hazard(id: id, number: number, enterpriseCode: enterprise.creditCode, supervisionID: visit?.id,
                            discoveredOn: found.text, foundBy: foundBy, location: place,
                            description: description(place: place, category: category), category: category,
                            level: major ? .major : .general,
                            rectification: Rectification(responsible: responsible, measures: measures, funds: funds,
                                                         deadline: (found + deadlineDays).text,
                                                         contingencyPlan: major ? random.pick(Fragments.contingencyPlans) : "",
                                                         rechecker: rechecker))
        if major, random.chance(0.6) {
            let listed = min(found + random.int(0...15), today)
            let province = random.chance(0.2)
            hazard.supervisionListing = SupervisionListing(
                level: province ? .province : .city, date: listed.text,
                documentNumber: (province ? "鲁安办督〔" : "烟安委办〔") + "\(listed.year)〕\(random.int(1...180))号")
        }
        let registrar = visit?.inspectors[0] ?? finder
        hazard.created(by: registrar, at: found.at(minute: finding.minute))
        try live(&hazard, found: found, evidence: &evidence)
        return hazard
    }

    /// 30–80 characters: the place and the problem, what it risks, then how it stands, up to a length drawn for it.
    mutating func description(place: String, category: HazardCategory) -> String {
        let target = random.int(30...80)
        var text = place + random.pick(Fragments.problems[category]!)
        if random.chance(0.3) { text += "，" + Fragments.quantity(&random) }
        text += "，" + random.pick(Fragments.risks[category]!)
        var used: Set<Int> = []
        while text.count < target {
            let i = random.int(0...(Fragments.details.count - 1))
            guard used.insert(i).inserted else { continue }
            let longer = text + "，" + Fragments.details[i]
            if longer.count > 80 {
                if text.count >= 30 { break }
                continue
            }
            text = longer
        }
        return text
    }

    /// A time of the working day, for a step's record.
    mutating func stamp(_ day: Day) -> String { day.at(minute: 8 * 60 + 30 + random.int(0...(9 * 60))) }

    mutating func live(_ hazard: inout Hazard, found: Day, evidence: inout [(path: String, text: String)]) throws {
        let plan = Self.plans[random.weighted(Self.plans.map(\.weight))].steps
        let signer = random.pick(team)
        // The day of the latest step: the next is not dated before it.
        var last = found
        var reports = 0
        steps: for step in plan {
            var day: Day
            switch step {
            case .rectificationStarted:
                day = last + random.weighted([40, 30, 15, 10, 5])
                guard day <= today else { break steps }
                try hazard.startRectification(on: day.text, note: random.chance(0.15) ? random.pick(Fragments.stepNotes[step]!) : "",
                                              by: signer, at: stamp(day))
            case .reportedRectified:
                let deadline = Day(hazard.rectification.deadline)
                // Mostly within the deadline; some late (closed late).
                day = random.chance(0.85) ? last + max(1, Int(Double(max(deadline - last, 1)) * (0.3 + 0.7 * random.unit())))
                    : max(deadline, last) + random.int(1...30)
                guard day <= today else { break steps }
                reports += 1
                var files: [String] = []
                if random.chance(0.04) {
                    let path = "evidence/\(enterprise.creditCode)/\(hazard.number)-\(reports).txt"
                    evidence.append((path, "\(hazard.number) 整改后现场照片说明（生成的数据）：\(hazard.rectification.measures)\n"))
                    files.append(path)
                }
                try hazard.reportRectified(on: day.text, note: random.chance(0.25) ? random.pick(Fragments.stepNotes[step]!) : "",
                                           evidence: files, by: signer, at: stamp(day))
            case .verifiedPassed:
                day = last + (random.chance(0.85) ? random.int(1...10) : random.int(11...30))
                guard day <= today else { break steps }
                let checker = team.first { $0.name == hazard.rectification.rechecker } ?? random.pick(team)
                if hazard.level == .major {
                    try hazard.verifyPassed(verifiers: [checker, other(than: checker)], date: day.text,
                                            remark: random.pick(Fragments.majorOpinions), by: signer, at: stamp(day))
                } else if random.chance(0.85) {
                    try hazard.verifyPassed(verifier: checker.name, date: day.text,
                                            remark: random.chance(0.6) ? random.pick(Fragments.passedRemarks) : "", by: signer, at: stamp(day))
                } else {
                    try hazard.verifyPassed(verifiers: [checker, other(than: checker)], date: day.text,
                                            remark: random.pick(Fragments.passedRemarks), by: signer, at: stamp(day))
                }
            case .verificationFailed:
                day = last + random.int(1...10)
                guard day <= today else { break steps }
                try hazard.verifyFailed(verifier: random.pick(team).name, date: day.text, reason: random.pick(Fragments.failedReasons),
                                        by: signer, at: stamp(day))
            case .reopened:
                day = last + random.int(10...120)
                guard day <= today else { break steps }
                try hazard.reopen(reason: random.pick(Fragments.reopenReasons), by: signer, at: stamp(day))
            case .deadlineExtended:
                // Asked for shortly before the deadline; the new one after both.
                let deadline = Day(hazard.rectification.deadline)
                day = max(last, deadline - random.int(0...5))
                guard day <= today else { break steps }
                try hazard.extendDeadline(to: (max(deadline, day) + random.int(15...60)).text, reason: random.pick(Fragments.extensionReasons),
                                          today: day.text, by: signer, at: stamp(day))
            default:
                day = last
                try correct(&hazard, on: found, by: signer)
            }
            last = day
        }
        // A hazard too recent for its first step still has its record corrected once: every history has two entries or more.
        if hazard.history.count < 2 { try correct(&hazard, on: found, by: signer) }
    }

    /// An edit of the rectification's measures (as an inspector completes a record), through `recordEdit`.
    mutating func correct(_ hazard: inout Hazard, on day: Day, by signer: InspectorRef) throws {
        var edited = hazard
        let choices = Fragments.measures[hazard.category]!.filter { $0 != hazard.rectification.measures }
        edited.rectification.measures = random.pick(choices)
        // The next day, or late on the day of registration when that is today.
        let at = day + 1 <= today ? stamp(day + 1) : day.at(minute: 23 * 60 + 30)
        try edited.recordEdit(from: hazard, by: signer, at: at)
        hazard = edited
    }

    /// Another inspector of the enterprise's (with a certificate number of their own).
    mutating func other(than inspector: InspectorRef) -> InspectorRef {
        let pool = team.filter { $0.certificateNumber != inspector.certificateNumber }
        return random.pick(pool.isEmpty ? inspectors.filter { $0.certificateNumber != inspector.certificateNumber } : pool)
    }
}
