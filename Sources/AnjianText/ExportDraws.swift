import AnjianModel

// `anjian export draws` (issue 14): the draws' plans and results, for publication (双随机、一公开).
extension Text {
    public static let exportDrawsTitle = Text(zh: "双随机抽查计划与结果", en: "Double-random draws: plans and results")
    public static let colDrawID = Text(zh: "抽取编号", en: "Draw")
    public static let colDrawDate = Text(zh: "抽取日期", en: "Drawn on")
    public static let colDrawSeed = Text(zh: "随机种子", en: "Seed")
    public static let colDrawOrder = Text(zh: "序号", en: "No.")
    public static let colVisitDate = Text(zh: "检查日期", en: "Visited on")
    public static let colVisitResult = Text(zh: "检查结果", en: "Result")
    public static let colHazardsFound = Text(zh: "发现隐患数", en: "Hazards found")
    public static let drawResultPending = Text(zh: "待检查", en: "to be inspected")
    public static let drawResultMissing = Text(zh: "无计划检查记录", en: "no planned visit on record")
    public static let drawResultUnreadable = Text(zh: "监管记录文件无法读取", en: "supervision file unreadable")
}

extension Strings {
    /// The report's line for one draw: what anyone needs to re-run it (docs/draw.md).
    public func exportDrawNote(_ record: DrawRecord) -> String {
        let inputs = drawInputsLine(record.inputs)
        return pick(zh: "\(record.id)：\(record.inputs.date) 抽取，随机种子 \(record.inputs.seed)，从 \(record.candidateCount) 家中抽取 \(record.teams.count) 家（\(inputs)）；检查对象名录指纹 \(record.candidateFingerprint)，执法人员名录指纹 \(record.rosterFingerprint)",
                    en: "\(record.id): drawn \(record.inputs.date), seed \(record.inputs.seed), \(record.teams.count) of \(record.candidateCount) enterprises (\(inputs)); candidate list fingerprint \(record.candidateFingerprint), roster fingerprint \(record.rosterFingerprint)")
    }

    public func exportUnknownDraw(_ id: String, known: [String]) -> String {
        let list = known.isEmpty ? pick(zh: "（尚无抽取记录）", en: "(no draws yet)") : known.joined(separator: pick(zh: "、", en: ", "))
        return pick(zh: "没有抽取记录 \(id)；现有：\(list)", en: "No draw \(id); there are: \(list)")
    }
}
