import AnjianModel

// The draw screen (issue 14): its form, opened from view 3 with `d`, and the plan's preview.
extension Text {
    public static let actionDraw = Text(zh: "双随机抽取（抽取检查对象和执法人员）", en: "double-random draw (enterprises and inspectors)")
    public static let hintDraw = Text(zh: "抽取", en: "draw")
    public static let helpDrawPlan = Text(zh: "双随机抽取结果预览", en: "Draw preview")
    public static let actionKeepDraw = Text(zh: "保存抽取结果（记录抽取，生成计划检查）", en: "keep the draw (its record and the planned visits)")
    public static let hintKeepDraw = Text(zh: "保存", en: "keep")
    public static let actionChangeDraw = Text(zh: "修改抽取条件", en: "change the draw's inputs")
    public static let hintChangeDraw = Text(zh: "修改条件", en: "change")
    public static let actionDrawScroll = Text(zh: "翻页", en: "scroll a page")

    public static let drawFieldDistrict = Text(zh: "区市", en: "District")
    public static let drawFieldCategory = Text(zh: "监管类别", en: "Category")
    public static let drawFieldRisk = Text(zh: "风险等级", en: "Risk grade")
    public static let drawFieldIntegrity = Text(zh: "诚信状态", en: "Integrity")
    public static let drawFieldCount = Text(zh: "抽取家数", en: "Enterprises")
    public static let drawFieldTeam = Text(zh: "每组人数", en: "Per team")
    public static let drawFieldWeighted = Text(zh: "重点加权", en: "Weighting")
    public static let drawFieldSeed = Text(zh: "随机种子", en: "Seed")
    public static let drawAny = Text(zh: "全部", en: "any")
    public static let drawWeightedNo = Text(zh: "否", en: "no")
    public static let drawWeightedYes = Text(zh: "是（重点企业 3 倍机会）", en: "yes (key enterprises ×3)")
    public static let drawCountBad = Text(zh: "填家数（如 10）或 1% 到 100% 的百分比（如 15%，向上取整）",
                                          en: "a number (10) or a percentage from 1% to 100% (15%, rounded up)")
    public static let drawTeamBad = Text(zh: "填人数，至少 2", en: "a number, at least 2")
    public static let drawSeedBad = Text(zh: "填 0 到 18446744073709551615 之间的整数", en: "a whole number from 0 to 18446744073709551615")
    public static let drawTooFewAfterAvoidance = Text(zh: "排除回避、退出和证件过期人员后不够", en: "not enough after avoidance")
    public static let drawWhileLoading = Text(zh: "记录仍在载入：加权抽取要知道哪些企业有未销号重大隐患，请稍候再抽",
                                              en: "The records are still loading: the weighting needs the open major hazards; draw again shortly")
}

extension Strings {
    /// The draw form's title: what it draws from, and the key that draws.
    public func drawFormTitle(candidates: Int, key: String) -> String {
        pick(zh: "双随机抽取：符合条件的在管企业 \(candidates) 家（\(key) 抽取预览，尚不保存）",
             en: "Double-random draw: \(candidates) active enterprises match (\(key): preview, not kept)")
    }

    /// An impossible draw in the form's one message line (the command line says more).
    public func drawTooFewInspectors(code: String, eligible: Int, needed: Int) -> String {
        pick(zh: "无法抽取：只有 \(eligible) 名执法人员可派往 \(code)，每组需要 \(needed) 名",
             en: "Impossible: only \(eligible) inspectors may go to \(code), a team needs \(needed)")
    }

    /// The preview's first line: not kept yet.
    public func drawPreviewHeader(seed: UInt64, drawn: Int, candidates: Int, date: String) -> String {
        pick(zh: "抽取结果预览（未保存）：\(date)，随机种子 \(seed)，从 \(candidates) 家检查对象中抽取 \(drawn) 家",
             en: "Draw preview (not kept): \(date), seed \(seed), \(drawn) of \(candidates) candidate enterprises")
    }

    /// The inputs in words: the filters, the team size, the weighting.
    public func drawInputsLine(_ inputs: DrawInputs) -> String {
        let any = self[.drawAny]
        func list(_ items: [String]) -> String { items.isEmpty ? any : items.joined(separator: pick(zh: "、", en: ", ")) }
        let parts = [
            self[.drawFieldDistrict] + " " + list(inputs.districts.map { district($0) }),
            self[.drawFieldCategory] + " " + list(inputs.categories.map { category($0) }),
            self[.drawFieldRisk] + " " + list(inputs.riskGrades.map { riskLong($0) }),
            self[.drawFieldIntegrity] + " " + list(inputs.integrity.map { integrity($0) }),
        ]
        let team = pick(zh: "每组 \(inputs.inspectorsPerTeam) 人", en: "\(inputs.inspectorsPerTeam) per team")
        let weighted = inputs.weighted ? pick(zh: "重点企业加权", en: "key enterprises weighted") : pick(zh: "不加权", en: "not weighted")
        return (parts + [team, weighted]).joined(separator: pick(zh: "；", en: "; "))
    }

    /// The preview's last line: what keeping it does.
    public func drawPreviewKeep(key: String, visits: Int) -> String {
        pick(zh: "按 \(key) 保存：记下抽取记录，并为 \(visits) 家企业各生成一条计划检查（视图 3 中标“计划待检”）",
             en: "\(key) keeps it: the draw's record, and a planned visit for each of the \(visits) enterprises (marked planned in view 3)")
    }
}
