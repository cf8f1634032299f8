// What every form says: its hint, the discard question, errors and saving.
extension Text {
    public static let confirmDiscard = Text(
        zh: "放弃未保存的修改？按 y 放弃，按其他键继续编辑",
        en: "Discard your changes? y discards, any other key keeps editing")
}

extension Strings {
    public func formHasErrors(_ count: Int) -> String {
        pick(zh: "有 \(count) 处需要修改，见各栏旁的说明", en: "\(count) problems to fix: see beside the fields")
    }

    public func saved(_ id: String) -> String {
        pick(zh: "已保存：\(id)", en: "Saved: \(id)")
    }

    public func saveFailed(_ reason: String) -> String {
        pick(zh: "保存失败，未丢失任何内容：\(reason)", en: "Not saved, nothing lost: \(reason)")
    }
}
