import AnjianModel

// The TUI's side of syncing (issue 15): the sync key and its outcome in the status line, the
// conflict markers of the lists and headers, the conflicts of a record's page and the form that
// chooses a side.
extension Text {
    public static let actionSync = Text(zh: "同步（git：提交、取回、合并、上传）", en: "sync (git: commit, fetch, merge, push)")
    public static let hintSync = Text(zh: "同步", en: "sync")
    public static let syncing = Text(zh: "同步中…", en: "Syncing…")
    public static let syncWhileLoading = Text(zh: "记录还在读取，读完后再同步", en: "The records are still loading: sync once they have")
    /// A record with a conflict in a list: first in its cell, never cut off.
    public static let conflictMarker = Text(zh: "冲突!", en: "conflict!")
    public static let actionResolveConflicts = Text(zh: "选择同步冲突中保留的一方", en: "choose a side of the sync conflicts")
    public static let hintResolve = Text(zh: "选冲突", en: "resolve")
    public static let conflictFormTitle = Text(zh: "选择冲突中保留的值", en: "Choose the values to keep")
    public static let conflictUndecided = Text(zh: "稍后再定", en: "decide later")
    public static let conflictNoneChosen = Text(zh: "没有选择：冲突保留，稍后再定", en: "Nothing chosen: the conflicts stay for later")
    public static let conflictFormNote = Text(zh: "←→ 选择一方，Tab 下一处，Enter 保存，Esc 取消", en: "Left/Right: a side; Tab: next; Enter: save; Esc: cancel")
    public static let noConflictsHere = Text(zh: "此记录没有同步冲突", en: "This record has no sync conflict")
}

extension Strings {
    /// The outcome of a sync in the status line: what was committed, received, pushed; offline or
    /// without a server; the conflicts left to choose.
    public func syncDone(committed: String?, offline: Bool, noRemote: Bool, received: Int, pushed: Bool, conflicts: Int) -> String {
        var parts: [String] = []
        if language == .zh {
            parts.append(committed.map { "已提交 " + $0 } ?? "本机无新修改")
            if received > 0 { parts.append("收到 \(received) 次提交") }
            if offline { parts.append("连不上服务器，下次同步时上传") }
            if noRemote { parts.append("未设服务器，只在本机提交") }
            if pushed { parts.append("已上传") } else if !offline && !noRemote && received == 0 { parts.append("与服务器一致") }
            if conflicts > 0 { parts.append("\(conflicts) 处冲突待选择") }
            return "同步完成：" + parts.joined(separator: "，")
        }
        parts.append(committed.map { "committed " + $0 } ?? "no local changes")
        if received > 0 { parts.append("received \(received) commit\(received == 1 ? "" : "s")") }
        if offline { parts.append("offline: will push at the next sync") }
        if noRemote { parts.append("no server: committed here only") }
        if pushed { parts.append("pushed") } else if !offline && !noRemote && received == 0 { parts.append("up to date") }
        if conflicts > 0 { parts.append("\(conflicts) conflict\(conflicts == 1 ? "" : "s") to choose") }
        return "Synced: " + parts.joined(separator: "; ")
    }

    public var syncNotSetUp: String {
        pick(zh: "此数据目录未设置同步：在命令行运行 anjian sync --setup 地址（见 docs/sync.md）",
             en: "This data directory does not sync yet: run anjian sync --setup URL (see docs/sync.md)")
    }

    public func syncFailed(_ reason: String) -> String {
        pick(zh: "同步未完成：\(reason)", en: "Sync not done: \(reason)")
    }

    /// The headers of views 2 and 3: records of the ledger waiting for a side to be chosen.
    public func conflictCount(_ n: Int) -> String {
        pick(zh: "冲突\(n)处!", en: "\(n) conflict\(n == 1 ? "" : "s")!")
    }

    /// The section of a record's page listing its conflicts.
    public func conflictSection(_ n: Int, key: String) -> String {
        pick(zh: "同步冲突 \(n) 处（\(key) 选择保留哪一方）", en: "Sync conflicts: \(n) (\(key) to choose a side)")
    }

    /// One side of a conflict: the value, who changed it and when.
    public func conflictSide(ours: Bool, value: String, by: String?, at: String?) -> String {
        let who = [by, at].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        let side = ours ? pick(zh: "本机", en: "here") : pick(zh: "对方", en: "theirs")
        return side + pick(zh: "：", en: ": ") + value + (who.isEmpty ? "" : pick(zh: "  （" + who + "）", en: "  (" + who + ")"))
    }

    /// A side in the form's choice: `保留本机：整改中` / `keep here: in progress`.
    public func conflictKeep(ours: Bool, value: String) -> String {
        ours ? pick(zh: "保留本机：", en: "keep here: ") + value : pick(zh: "采用对方：", en: "take theirs: ") + value
    }

    public func conflictInvalidValue(_ label: String) -> String {
        pick(zh: "所选的值不适合“\(label)”（记录无法保存）：请选另一方", en: "The chosen value does not fit \(label) (the record would not save): choose the other side")
    }

    public func conflictsResolved(_ n: Int) -> String {
        pick(zh: "已选择 \(n) 处冲突", en: "\(n) conflict\(n == 1 ? "" : "s") resolved")
    }
}
