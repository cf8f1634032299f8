// The ledger's records loading behind the first frame (issue #8 of the plan: a city's ledger
// after years): the status line's progress, the lists' and pages' notices, the news when done.
extension Text {
    public static let recordsLoadingSection = Text(zh: "正在载入…", en: "Loading…")
    /// The enterprise page's section titles while the records load: no counts yet.
    public static let supervisionSectionLoading = Text(zh: "监管记录", en: "Supervision entries")
    public static let hazardSectionLoading = Text(zh: "隐患", en: "Hazards")
}

extension Strings {
    /// The status line's tag while the per-enterprise files load.
    public func loadingTag(_ done: Int, _ total: Int) -> String {
        total == 0 ? pick(zh: "载入中", en: "loading") : pick(zh: "载入中 \(done)/\(total)", en: "loading \(done)/\(total)")
    }

    /// In place of an empty city-wide list while its records load.
    public func hazardsLoading(_ done: Int, _ total: Int) -> String {
        total == 0 ? pick(zh: "正在载入隐患台账，载入后即显示", en: "Loading the hazard ledger; shown when loaded")
            : pick(zh: "正在载入隐患台账（已读 \(done)/\(total) 个文件），载入后即显示",
                   en: "Loading the hazard ledger (\(done) of \(total) files read); shown when loaded")
    }

    public func supervisionsLoading(_ done: Int, _ total: Int) -> String {
        total == 0 ? pick(zh: "正在载入监管记录，载入后即显示", en: "Loading the supervision entries; shown when loaded")
            : pick(zh: "正在载入监管记录（已读 \(done)/\(total) 个文件），载入后即显示",
                   en: "Loading the supervision entries (\(done) of \(total) files read); shown when loaded")
    }

    /// When the records have loaded and nothing else is to be said.
    public func recordsLoaded(hazards: Int, entries: Int) -> String {
        pick(zh: "已载入 \(hazards) 条隐患、\(entries) 条监管记录",
             en: "Loaded \(hazards) hazards and \(entries) supervision entries")
    }
}
