// Drafts: a half-filled form kept when the program had to stop, and offered back.
extension Text {
    public static let draftOfferTitle = Text(zh: "上次退出时有未保存的表单（草稿）", en: "Unsaved forms kept when the program last stopped")
    public static let draftOfferHint = Text(zh: "Ctrl-S 执行；Esc 以后再说（下次启动再提示）", en: "Ctrl-S: do it · Esc: later (offered at the next start)")
    public static let fieldDraft = Text(zh: "草稿", en: "Draft")
    public static let fieldDraftAction = Text(zh: "处理", en: "Action")
    public static let draftReopen = Text(zh: "重新打开", en: "reopen")
    public static let draftDiscard = Text(zh: "丢弃", en: "discard")
    public static let draftRecordGone = Text(zh: "这份草稿对应的记录已不存在，只能丢弃", en: "The record of this draft no longer exists: it can only be discarded")
    public static let draftKept = Text(zh: "草稿已保留，下次启动时再提示", en: "Drafts kept: offered again at the next start")
}

extension Strings {
    public func draftNotKept(_ reason: String) -> String {
        pick(zh: "表单未能保存为草稿（\(reason)），仍然打开；再按 Ctrl-C 会先询问是否放弃",
             en: "The form could not be kept as a draft (\(reason)); it stays open, and Ctrl-C again asks before discarding it")
    }
}
