import AnjianModel

// `anjian draw` (issue 14): the double-random draw's plan, refusals and verification.
extension Strings {
    public func drawHeader(id: String, seed: UInt64, drawn: Int, candidates: Int, date: String) -> String {
        let record = id.isEmpty ? pick(zh: "（试抽，未保存）", en: " (dry run, not kept)") : pick(zh: " \(id)", en: " \(id)")
        return pick(zh: "双随机抽查\(record)：\(date)，随机种子 \(seed)，从 \(candidates) 家检查对象中抽取 \(drawn) 家",
                    en: "Double-random draw\(record): \(date), seed \(seed), \(drawn) of \(candidates) candidate enterprises")
    }

    /// One enterprise of a plan: `n. name  code  district  inspector（certificate）、…`.
    public func drawPlanLine(_ number: Int, _ team: DrawTeam, enterprise: Enterprise?) -> String {
        "\(number). \(enterprise?.name ?? team.enterpriseCode)  \(team.enterpriseCode)  \(district(enterprise?.district ?? ""))  \(drawTeamPeople(team))"
    }

    /// A team as published: `name（certificate）、…`.
    public func drawTeamPeople(_ team: DrawTeam) -> String {
        team.inspectors.map { "\($0.name)（\($0.certificateNumber)）" }.joined(separator: "、")
    }

    public func drawFingerprints(candidates: String, roster: String) -> String {
        pick(zh: "检查对象名录指纹 \(candidates)\n执法人员名录指纹 \(roster)", en: "Candidate list fingerprint \(candidates)\nRoster fingerprint \(roster)")
    }

    public func drawRefusal(_ refusal: DrawRefusal) -> String {
        switch refusal {
        case .noCandidates:
            pick(zh: "没有符合条件的检查对象（在管企业），无法抽取", en: "No active enterprise matches the filters: nothing to draw from")
        case .badCount(let asked, let candidates):
            pick(zh: "抽取数量 \(asked) 不在 1 到 \(candidates)（符合条件的企业数）之间", en: "The count \(asked) is not between 1 and \(candidates), the number of candidates")
        case .teamTooSmall(let size):
            pick(zh: "每组至少 2 名执法人员（双人执法），不能为 \(size)", en: "A team needs at least 2 inspectors, not \(size)")
        case .unknownAvoidDistrict(let inspector, let district):
            pick(zh: "\(inspector) 的回避区市“\(district)”不是区市名称，回避将无法生效：请在人员名录中改为区市的中文名称",
                 en: "\(inspector)'s district to avoid “\(district)” is no district's name, so the avoidance could not apply: correct it in the roster (the district's Chinese name)")
        case .tooFewInspectors(let code, let eligible, let needed):
            pick(zh: "企业 \(code) 只有 \(eligible) 名执法人员可派（已排除回避、退出和执法证过期人员），每组需要 \(needed) 名：无法抽取",
                 en: "Only \(eligible) inspectors may go to \(code) (after avoidance, retirements and expired certificates); a team needs \(needed): the draw is impossible")
        }
    }

    public func drawDamagedLedger(_ first: String) -> String {
        pick(zh: "有记录文件损坏，无法确定哪些企业存在未销号重大隐患（加权抽取需要）：\(first)",
             en: "A record file is damaged, so the enterprises with open major hazards (for the weighting) are not known: \(first)")
    }

    public func drawVerification(_ outcome: DrawRecord.Verification, id: String) -> String {
        switch outcome {
        case .matches:
            pick(zh: "\(id)：重新抽取的结果与记录一致", en: "\(id): the draw re-run gives the recorded result")
        case .candidatesChanged:
            pick(zh: "\(id)：检查对象名录已与抽取时不同（指纹不符），无法复现", en: "\(id): the candidate list is not the one drawn from (fingerprint differs)")
        case .rosterChanged:
            pick(zh: "\(id)：执法人员名录已与抽取时不同（指纹不符），无法复现", en: "\(id): the roster is not the one drawn from (fingerprint differs)")
        case .teamsDiffer:
            pick(zh: "\(id)：名录相同，但重新抽取的结果与记录不符：记录已被改动", en: "\(id): same lists, yet the re-run differs from the record: the record was altered")
        case .refused(let refusal):
            pick(zh: "\(id)：无法重新抽取：", en: "\(id): cannot be re-run: ") + drawRefusal(refusal)
        case .visitsDiffer:
            pick(zh: "\(id)：台账中属于此次抽取的检查与记录的各组不一一对应：记录或检查已被改动",
                 en: "\(id): the ledger's visits of this draw are not one per recorded team: the record or the visits were altered")
        }
    }
}

extension Strings {
    public func drawNeedsCount(_ given: String?) -> String {
        guard let given else { return pick(zh: "请用 --count 给出抽取家数（如 10）或百分比（如 15%）", en: "Give --count: how many enterprises (10) or a percentage (15%)") }
        return pick(zh: "--count \(given) 不是家数（如 10）或 1% 到 100% 的百分比", en: "--count \(given) is neither a number (10) nor a percentage from 1% to 100%")
    }

    public func drawUnknownValue(_ value: String, known: [String]) -> String {
        pick(zh: "未知的值 \(value)，可用：\(known.joined(separator: "、"))", en: "Unknown value \(value); known: \(known.joined(separator: ", "))")
    }
}

extension Strings {
    public func drawRecorded(_ id: String, visits: Int) -> String {
        // Short enough for 80 columns with the drawer's certificate in the id.
        pick(zh: "抽取 \(id) 已保存：计划检查 \(visits) 家，见视图 3", en: "Draw \(id) kept: \(visits) visits planned (view 3)")
    }
}

extension Strings {
    public var drawLabel: String { pick(zh: "双随机抽取", en: "Draw") }

    /// The visit page's line for a visit a draw planned: which draw, and whether it is still to be made.
    public func drawNote(_ id: String, planned: Bool) -> String {
        planned ? pick(zh: "\(id) 抽中，尚未检查：按 e 填写检查情况", en: "drawn in \(id), not made yet: e fills in the visit")
            : pick(zh: "\(id) 抽中，已检查", en: "drawn in \(id), made")
    }
}

extension Strings {
    public var plannedVisitNotMade: String {
        pick(zh: "这是抽取计划中的检查，尚未进行：先按 e 填写检查情况", en: "This visit is planned by a draw and not made yet: e fills it in first")
    }
}

extension Strings {
    /// View 3's criteria line: the list holds made visits only (as a figure of the statistics counts them).
    public var madeVisitsOnly: String { pick(zh: "不含计划待检", en: "planned excluded") }
}
