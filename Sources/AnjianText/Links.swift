// Pages that link both ways: the keys that open a hazard's enterprise and visit, a visit's
// hazards, and the history read as prose (issue #9).
extension Text {
    public static let actionOpenEnterprise = Text(zh: "打开隐患所属企业", en: "open the hazard's enterprise")
    public static let actionOpenVisit = Text(zh: "打开发现隐患的监管记录", en: "open the visit it was found on")
    public static let hintEnterprise = Text(zh: "企业", en: "enterprise")
    public static let hintVisit = Text(zh: "来源记录", en: "visit")
}

extension Strings {
    /// The header of a visit's hazards on its page.
    public func visitHazardsSection(_ count: Int) -> String {
        pick(zh: "本次发现的隐患（\(count) 条）", en: "Hazards found on this visit (\(count))")
    }
}
