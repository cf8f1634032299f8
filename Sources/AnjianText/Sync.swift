import AnjianModel

// `anjian sync`, `anjian sync --setup URL`, `anjian init --clone URL` and the merge driver (issue 15).
extension Strings {
    /// The commit message's summary: "2 visits, 3 hazards, 1 enterprise" (nothing counted: "ledger").
    public func syncSummary(visits: Int, hazards: Int, enterprises: Int, inspectors: Int) -> String {
        var parts: [String] = []
        if language == .zh {
            if visits > 0 { parts.append("\(visits) 条检查记录") }
            if hazards > 0 { parts.append("\(hazards) 条隐患") }
            if enterprises > 0 { parts.append("\(enterprises) 家企业") }
            if inspectors > 0 { parts.append("\(inspectors) 名执法人员") }
            return parts.isEmpty ? "台账" : parts.joined(separator: "，")
        }
        func count(_ n: Int, _ one: String, _ many: String) { if n > 0 { parts.append("\(n) \(n == 1 ? one : many)") } }
        count(visits, "visit", "visits")
        count(hazards, "hazard", "hazards")
        count(enterprises, "enterprise", "enterprises")
        count(inspectors, "inspector", "inspectors")
        return parts.isEmpty ? "ledger" : parts.joined(separator: ", ")
    }

    public func syncNotARepository(_ path: String) -> String {
        pick(zh: "\(path) 还不是同步的台账：先用 anjian sync --setup 地址（或 anjian init --clone 地址 新建）",
             en: "\(path) is not a synced ledger yet: run anjian sync --setup URL first (or anjian init --clone URL)")
    }

    public func syncGitMissing(_ reason: String) -> String {
        pick(zh: "无法运行 git（\(reason)）：请先安装 git", en: "cannot run git (\(reason)): install git first")
    }

    public func syncGitFailed(_ step: String, _ detail: String) -> String {
        pick(zh: "git \(step) 失败：\(detail)", en: "git \(step) failed: \(detail)")
    }

    public func syncCommitted(_ summary: String) -> String {
        pick(zh: "已提交本机修改：\(summary)", en: "committed the local changes: \(summary)")
    }

    public var syncNothingToCommit: String { pick(zh: "本机没有新修改", en: "no local changes") }

    public var syncOffline: String {
        pick(zh: "连不上服务器：修改已在本机提交，下次同步时上传", en: "the server cannot be reached: the changes are committed here and will be pushed at the next sync")
    }

    public func syncReceived(_ commits: Int) -> String {
        pick(zh: "收到他人的 \(commits) 次提交", en: "received \(commits) commit\(commits == 1 ? "" : "s") from others")
    }

    public var syncPushed: String { pick(zh: "已上传到服务器", en: "pushed to the server") }
    public var syncUpToDate: String { pick(zh: "与服务器一致", en: "up to date with the server") }
    public var syncNoRemote: String { pick(zh: "没有设置服务器：修改只在本机提交", en: "no server is set: the changes are committed here only") }

    public func syncConflicts(_ n: Int) -> String {
        pick(zh: "\(n) 处冲突待选择（台账中已标出）", en: "\(n) conflict\(n == 1 ? "" : "s") to choose (marked in the ledger)")
    }

    public func syncRenumbered(_ n: Int) -> String {
        pick(zh: "\(n) 个编号因与他人重复而改号（历史中有记录）", en: "\(n) number\(n == 1 ? "" : "s") taken on both sides given anew (see the history)")
    }

    public func syncMergeFailed(_ detail: String) -> String {
        pick(zh: "合并失败，已恢复到合并前（本机修改已提交，未丢失）：\(detail)",
             en: "the merge failed and was undone (the local changes are committed, nothing is lost): \(detail)")
    }

    public func syncPushRejected(_ detail: String) -> String {
        pick(zh: "上传被拒绝（请再同步一次）：\(detail)", en: "the push was refused (sync again): \(detail)")
    }

    public func syncSetUp(_ url: String) -> String {
        pick(zh: "已设置同步：\(url)", en: "sync set up with \(url)")
    }

    public func syncRemoteNotEmpty(_ url: String) -> String {
        pick(zh: "\(url) 已有台账：请在新目录用 anjian init --clone \(url) 取得它",
             en: "\(url) already holds a ledger: take it with anjian init --clone \(url) into a new directory")
    }

    public func syncCloneTargetNotEmpty(_ path: String) -> String {
        pick(zh: "\(path) 不是空目录：克隆只写入新目录或空目录", en: "\(path) is not empty: a clone goes into a new or empty directory")
    }

    public func syncRemoteEmpty(_ url: String) -> String {
        pick(zh: "\(url) 里还没有台账：先在有台账的电脑上运行 anjian sync --setup \(url)",
             en: "\(url) holds no ledger yet: run anjian sync --setup \(url) on the machine that has one first")
    }

    public func syncCloned(_ url: String, _ path: String) -> String {
        pick(zh: "已从 \(url) 取得台账到 \(path)", en: "cloned the ledger of \(url) into \(path)")
    }

    public func mergeDriverFailed(_ path: String, _ detail: String) -> String {
        pick(zh: "\(path) 无法按记录合并（交给 git 处理）：\(detail)", en: "\(path) cannot be merged record by record (left to git): \(detail)")
    }
}

extension Strings {
    public func syncDuplicateDocuments(_ count: Int) -> String {
        pick(zh: "注意：合并后有 \(count) 个文书编号重复（两台电脑离线时各自开具），编号不变，需人工作废或重开：",
             en: "Note: \(count) document numbers are now issued twice (two machines issued offline); they stay as printed, someone must void or reissue:")
    }
}
