import AnjianModel

// Major hazards in full (挂牌督办, funds in 万元, the re-checker, two-person 销号 with an opinion)
// and the steps' dates, notes and evidence files.
extension Text {
    public static let fieldRechecker = Text(zh: "复查人", en: "Re-checker")
    public static let fieldFundsInForm = Text(zh: "资金(万元)", en: "Funds 10k¥")
    public static let fieldListing = Text(zh: "挂牌督办", en: "Listed for supervision")
    public static let fieldListingDate = Text(zh: "督办日期", en: "Listed on")
    public static let fieldListingDocument = Text(zh: "督办文号", en: "Document no.")
    public static let listingNone = Text(zh: "未挂牌", en: "not listed")
    public static let fieldSecondVerifier = Text(zh: "验收人二", en: "Second verifier")
    public static let fieldOpinion = Text(zh: "整改复查意见", en: "Verification opinion")
    public static let fieldStepDate = Text(zh: "日期", en: "Date")
    public static let fieldStepNote = Text(zh: "说明", en: "Note")
    public static let fieldEvidence = Text(zh: "证据材料", en: "Evidence files")
    public static let evidenceHint = Text(zh: "（照片或文件路径，每行一个，相对数据目录或绝对路径）",
                                          en: "(photo or document paths, one a line, relative to the data directory or absolute)")
    public static let evidenceMissingMark = Text(zh: "（文件不存在）", en: " (missing)")
    public static let problemTwoVerifiers = Text(
        zh: "重大隐患销号须两名验收人，各填执法证号（不能是同一人）",
        en: "closing a major hazard needs two verifiers, each with a certificate number (two people)")
    public static let problemOpinion = Text(zh: "重大隐患销号须填写整改复查意见", en: "closing a major hazard needs a written verification opinion")
    public static let problemListingOnlyMajor = Text(zh: "只有重大隐患挂牌督办", en: "only a major hazard is listed for supervision")
}

extension Strings {
    public func listingLevel(_ level: SupervisionListing.Level) -> String {
        switch level {
        case .city: pick(zh: "市级", en: "city")
        case .province: pick(zh: "省级", en: "province")
        }
    }

    /// The hazard page's line: `市级  2026-11-10  烟安委办〔2026〕12号`.
    public func listing(_ listing: SupervisionListing) -> String {
        [listingLevel(listing.level), listing.date, listing.documentNumber].joined(separator: "  ")
    }

    /// Funds as the page shows them: `12.5 万元`, or text kept from an older file as it is.
    public func funds(_ funds: Funds?) -> String {
        switch funds {
        case nil: return ""
        case .amount(let value): return Funds.format(value) + pick(zh: " 万元", en: " × 10k yuan")
        case .text(let text): return text + pick(zh: "（不是数字，请改为万元数）", en: " (not a number: give it in 10k yuan)")
        }
    }

    func problemFundsNotANumber(_ text: String) -> String {
        pick(zh: "整改资金须为数字（万元），不是“\(text)”", en: "funds must be a number (10k yuan), not \"\(text)\"")
    }

    func problemBeforeDiscovery(_ date: String, _ discovered: String) -> String {
        pick(zh: "日期 \(date) 早于发现日期 \(discovered)", en: "the date \(date) is before the discovery \(discovered)")
    }

    func problemEvidenceMissing(_ path: String) -> String {
        pick(zh: "证据文件不存在：\(path)", en: "no evidence file at \(path)")
    }

    func problemDateInFuture(_ date: String) -> String {
        pick(zh: "日期 \(date) 晚于今天", en: "the date \(date) is after today")
    }

    func refusalBeforePreviousStep(_ date: String, _ previous: String) -> String {
        pick(zh: "日期 \(date) 早于上一步的日期 \(previous)", en: "the date \(date) is before the previous step's \(previous)")
    }
}
