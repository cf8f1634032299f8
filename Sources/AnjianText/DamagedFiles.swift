import AnjianStore

// Per-enterprise files found damaged on load (issue #8): the start message, the enterprise
// page's notice, and the refusal of a save into such a file.
extension Text {
    public static let damagedSupervisionsSection = Text(zh: "! 监管记录文件已损坏，记录未显示", en: "! The supervision file is damaged: entries not shown")
    public static let damagedHazardsSection = Text(zh: "! 隐患文件已损坏，记录未显示", en: "! The hazard file is damaged: hazards not shown")
    /// The enterprise page's notice at the top, followed by the worded reason.
    public static let damagedSupervisionsNotice = Text(zh: "! 监管记录文件已损坏，记录未显示，也不能保存：",
                                                       en: "! The supervision file is damaged: entries not shown, nothing can be saved to it:")
    public static let damagedHazardsNotice = Text(zh: "! 隐患文件已损坏，记录未显示，也不能保存：",
                                                  en: "! The hazard file is damaged: hazards not shown, nothing can be saved to it:")
}

extension Strings {
    public func damagedOnLoad(_ count: Int) -> String {
        pick(zh: "有 \(count) 个记录文件已损坏，其中的记录未载入（见企业页面）",
             en: count == 1 ? "1 record file is damaged; its records were not loaded (see the enterprise page)"
                : "\(count) record files are damaged; their records were not loaded (see the enterprise pages)")
    }

    /// A save refused because the file it would change was found damaged on load.
    public func damagedFileRefusal(_ folder: FileProblem.Folder, _ reason: String) -> String {
        switch folder {
        case .supervisions: return pick(zh: "未保存：该企业的监管记录文件已损坏：\(reason)", en: "Not saved: the enterprise's supervision file is damaged: \(reason)")
        case .hazards: return pick(zh: "未保存：该企业的隐患文件已损坏：\(reason)", en: "Not saved: the enterprise's hazard file is damaged: \(reason)")
        }
    }
}
