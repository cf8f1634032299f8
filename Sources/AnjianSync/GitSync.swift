import Foundation
import AnjianModel
import AnjianStore
import AnjianText
import AnjianRuntime
import AnjianCLI

/// Why a sync stopped. Nothing is lost in any case: the local changes are committed first.
public enum SyncError: Error, Sendable {
    case notARepository(String)
    case gitUnavailable(String)
    case gitFailed(step: String, detail: String)
    case mergeFailed(String)
    case pushRejected(String)
    case remoteNotEmpty(String)
    case cloneTargetNotEmpty(String)
    /// The repository holds no ledger yet (set one up with `--setup` first).
    case remoteEmpty(String)
    case store(StoreError)

    public func message(_ s: Strings) -> String {
        switch self {
        case .notARepository(let path): s.syncNotARepository(path)
        case .gitUnavailable(let reason): s.syncGitMissing(reason)
        case .gitFailed(let step, let detail): s.syncGitFailed(step, detail)
        case .mergeFailed(let detail): s.syncMergeFailed(detail)
        case .pushRejected(let detail): s.syncPushRejected(detail)
        case .remoteNotEmpty(let url): s.syncRemoteNotEmpty(url)
        case .cloneTargetNotEmpty(let path): s.syncCloneTargetNotEmpty(path)
        case .remoteEmpty(let url): s.syncRemoteEmpty(url)
        case .store(let error): s.storeError(error)
        }
    }
}

/// What a sync did, for the command's output and the TUI's status line.
public struct SyncReport: Sendable, Equatable {
    /// The local commit's summary ("2 visits, 3 hazards"), nil when there was nothing to commit.
    public var committed: String?
    /// The server could not be reached: committed here, to be pushed at the next sync.
    public var offline = false
    /// No remote is configured.
    public var noRemote = false
    /// Commits of others merged in.
    public var received = 0
    public var pushed = false
    /// Visits given a new id by the merge whose hazards were pointed at it.
    public var linksRepaired = 0
    /// Records of the ledger that carry a conflict waiting for a choice, after the sync.
    public var conflictedRecords = 0
    /// Document numbers issued twice once the sides met (two clones issuing offline): one line
    /// each; the numbers stay as printed, a person decides (see docs/sync.md).
    public var duplicateDocuments: [String] = []

    public init() {}

    /// One line per thing that happened, in the user's language.
    public func lines(_ s: Strings) -> [String] {
        var lines: [String] = [committed.map(s.syncCommitted) ?? s.syncNothingToCommit]
        if noRemote { lines.append(s.syncNoRemote) }
        if offline { lines.append(s.syncOffline) }
        if received > 0 { lines.append(s.syncReceived(received)) }
        if linksRepaired > 0 { lines.append(s.syncRenumbered(linksRepaired)) }
        if pushed { lines.append(s.syncPushed) } else if !offline && !noRemote && received == 0 { lines.append(s.syncUpToDate) }
        if conflictedRecords > 0 { lines.append(s.syncConflicts(conflictedRecords)) }
        if !duplicateDocuments.isEmpty { lines.append(s.syncDuplicateDocuments(duplicateDocuments.count)) }
        lines += duplicateDocuments
        return lines
    }
}

/// `anjian sync`: the data directory as a git working tree, synced with its `origin`. Every
/// function here expects the caller to hold the data directory's write lock for its whole run
/// (`Session` / `DirectoryLock`): git rewrites ledger files while merging.
public enum GitSync {
    public static let remote = "origin"

    /// Ledger files merged record by record; the rest (manifest, draws, settings) as text by git.
    public static let attributes = """
        # Written by anjian sync: the ledger's files are merged record by record (docs/sync.md).
        enterprises.json merge=anjian
        inspectors.json merge=anjian
        supervisions/*.json merge=anjian
        hazards/*.json merge=anjian

        """

    /// What stays on each machine: the lock, backups, drafts, printed copies, temporary files.
    public static let ignore = """
        # Written by anjian sync: each machine's own files (docs/sync.md).
        .anjian.lock
        backups/
        drafts/
        documents/
        .*.tmp-*

        """

    /// git's `merge.anjian.driver`: this program, run by git through the shell with git's placeholders.
    public static func driverCommand(executable: String) -> String {
        "'" + executable.replacingOccurrences(of: "'", with: "'\\''") + "' merge-driver %O %A %B %P"
    }

    /// The running program's path, for the driver.
    public static var currentExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// git set up to sign as `signer` (author and committer; the merge driver signs renumberings with it).
    public static func git(_ directory: URL, signer: Operator) -> Git {
        let email = (signer.certificateNumber.isEmpty ? "inspector" : signer.certificateNumber) + "@anjian.invalid"
        return Git(directory: directory, environment: [
            "GIT_AUTHOR_NAME": signer.name, "GIT_AUTHOR_EMAIL": email,
            "GIT_COMMITTER_NAME": signer.name, "GIT_COMMITTER_EMAIL": email,
            MergeDriver.nameVariable: signer.name, MergeDriver.certificateVariable: signer.certificateNumber,
        ])
    }

    /// `.gitattributes`, `.gitignore` and the merge driver in the repository's config.
    public static func configure(_ git: Git, driver: String) throws(SyncError) {
        for (name, text) in [(".gitattributes", attributes), (".gitignore", ignore)] {
            let url = git.directory.appendingPathComponent(name)
            if (try? String(contentsOf: url, encoding: .utf8)) != text {
                do { try AtomicFile.write(Data(text.utf8), to: url) } catch { throw .store(error as? StoreError ?? .io(path: url.path, reason: "\(error)")) }
            }
        }
        try check(git, ["config", "merge.anjian.name", "anjian: ledger records merged one by one"], step: "config")
        try check(git, ["config", "merge.anjian.driver", driver], step: "config")
    }

    /// Commits the local changes, fetches, merges (records by the driver), repairs the links of
    /// renamed visits, pushes. Offline: committed here, said so.
    public static func sync(_ directory: URL, signer: Operator, driver: String, strings: Strings) throws(SyncError) -> SyncReport {
        let git = git(directory, signer: signer)
        guard try run(git, ["rev-parse", "--show-toplevel"]).ok,
              FileManager.default.fileExists(atPath: directory.appendingPathComponent(".git").path) else {
            throw .notARepository(directory.path)
        }
        try configure(git, driver: driver)
        var report = SyncReport()
        report.committed = try commitLocal(git, signer: signer, strings: strings)
        let remotes = try run(git, ["remote"]).out.split(separator: "\n").map(String.init)
        guard remotes.contains(remote) else {
            report.noRemote = true
            report.conflictedRecords = conflictedRecords(directory)
            return report
        }
        let branch = try currentBranch(git)
        for attempt in 0..<3 {
            let fetch = try run(git, ["fetch", "-q", remote])
            guard fetch.ok else {
                // Unreachable (no network, the USB stick not in): commit here, push later. Any other
                // failure (a wrong address, a refused key) is said: "later" would never come.
                let url = try run(git, ["remote", "get-url", remote]).out.trimmingCharacters(in: .whitespacesAndNewlines)
                guard unreachable(fetch.detail) || missingLocalPath(url) else { throw .gitFailed(step: "fetch", detail: fetch.detail) }
                report.offline = true
                break
            }
            let upstream = "refs/remotes/\(remote)/\(branch)"
            if try run(git, ["rev-parse", "--verify", "-q", upstream]).ok {
                let incoming = Int(try run(git, ["rev-list", "--count", "HEAD.." + upstream]).out.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
                if incoming > 0 {
                    let before = try run(git, ["rev-parse", "HEAD"]).out.trimmingCharacters(in: .whitespacesAndNewlines)
                    let merge = try run(git, ["merge", "--no-edit", "-q", upstream])
                    if !merge.ok {
                        try? run(git, ["merge", "--abort"])
                        throw .mergeFailed(merge.detail)
                    }
                    report.received += incoming
                    report.linksRepaired += try repairLinks(git, since: before, strings: strings, signer: signer)
                }
            }
            let ahead = try run(git, ["rev-parse", "--verify", "-q", upstream]).ok
                ? Int(try run(git, ["rev-list", "--count", upstream + "..HEAD"]).out.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
                : 1
            if ahead == 0 { break }
            report.linksRepaired += try repairAllLinks(git, strings: strings, signer: signer)
            let push = try run(git, ["push", "-q", remote, "HEAD:refs/heads/\(branch)"])
            if push.ok {
                report.pushed = true
                try? run(git, ["branch", "-q", "--set-upstream-to=\(remote)/\(branch)"])
                break
            }
            // Someone pushed meanwhile: fetch and merge again; a push that fails otherwise is being offline.
            let rejected = push.err.contains("rejected") || push.err.contains("fetch first") || push.err.contains("non-fast-forward")
            if !rejected {
                guard unreachable(push.detail) else { throw .gitFailed(step: "push", detail: push.detail) }
                report.offline = true
                break
            }
            if attempt == 2 { throw .pushRejected(push.detail) }
        }
        report.conflictedRecords = conflictedRecords(directory)
        report.duplicateDocuments = duplicateDocuments(directory, strings: strings)
        return report
    }

    /// Whether git's message says the server could not be reached at all (the network, the host,
    /// a path that is not there: a USB stick not plugged in), rather than refusing us.
    static func unreachable(_ detail: String) -> Bool {
        let text = detail.lowercased()
        return ["could not resolve host", "connection timed out", "connection refused", "network is unreachable",
                "no route to host", "could not read from remote repository.\n\nplease make sure", "no such file or directory",
                "temporary failure in name resolution", "operation timed out"].contains { text.contains($0) }
            && !text.contains("permission denied") && !text.contains("authentication failed")
    }

    /// A remote that is a path on this machine (a USB stick, a mounted share) which is not there now.
    static func missingLocalPath(_ url: String) -> Bool {
        let local = url.hasPrefix("/") || url.hasPrefix("file://")
        let path = url.hasPrefix("file://") ? String(url.dropFirst("file://".count)) : url
        return local && !FileManager.default.fileExists(atPath: path)
    }

    /// Document numbers the ledger holds twice (see `ValidateCommand.duplicateDocuments`).
    static func duplicateDocuments(_ directory: URL, strings: Strings) -> [String] {
        guard let ledger = try? LedgerStore.open(directory, initializeIfEmpty: false) else { return [] }
        return ValidateCommand.duplicateDocuments(ledger, strings: strings)
    }

    /// `anjian sync --setup URL`: makes the data directory a repository whose `origin` is `url`
    /// (an empty bare repository on the bureau's server, a path on a USB stick), then syncs.
    /// A remote that already holds a ledger is taken with `clone`, never mixed with this one.
    public static func setup(_ directory: URL, url: String, signer: Operator, driver: String, strings: Strings) throws(SyncError) -> SyncReport {
        let git = git(directory, signer: signer)
        if !FileManager.default.fileExists(atPath: directory.appendingPathComponent(".git").path) {
            try check(git, ["init", "-q", "-b", "main"], step: "init")
        }
        let hasHistory = try run(git, ["rev-parse", "--verify", "-q", "HEAD"]).ok
        if !hasHistory {
            // A URL is never taken for an option.
            guard !url.hasPrefix("-") else { throw .gitFailed(step: "ls-remote", detail: url) }
            let heads = try run(git, ["ls-remote", "--heads", "--", url])
            if heads.ok && !heads.out.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw .remoteNotEmpty(url) }
        }
        let remotes = try run(git, ["remote"]).out.split(separator: "\n").map(String.init)
        try check(git, remotes.contains(remote) ? ["remote", "set-url", "--", remote, url] : ["remote", "add", "--", remote, url], step: "remote")
        return try sync(directory, signer: signer, driver: driver, strings: strings)
    }

    /// `anjian init --clone URL`: the ledger of `url` into `directory` (new or empty), set up for
    /// sync. The caller then opens it under the lock (which also makes it owner-only).
    public static func clone(_ url: String, into directory: URL, driver: String) throws(SyncError) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        if !names.isEmpty { throw .cloneTargetNotEmpty(directory.path) }
        let parent = directory.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        guard !url.hasPrefix("-") else { throw .gitFailed(step: "clone", detail: url) }
        try check(Git(directory: parent), ["clone", "-q", "--", url, directory.path], step: "clone")
        let git = Git(directory: directory)
        // A bare repository made with another default branch than the one pushed: its HEAD names
        // nothing and the clone is empty. Take the ledger's branch (main, else the only one).
        if !(try run(git, ["rev-parse", "--verify", "-q", "HEAD"]).ok) {
            let branches = try run(git, ["branch", "-r", "--format=%(refname:lstrip=3)"]).out
                .split(separator: "\n").map(String.init).filter { $0 != "HEAD" && !$0.isEmpty }
            guard let branch = branches.contains("main") ? "main" : branches.first else { throw .remoteEmpty(url) }
            try check(git, ["checkout", "-q", "-B", branch, "\(remote)/\(branch)"], step: "checkout")
        }
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent(LedgerStore.enterprisesName).path) else {
            throw .remoteEmpty(url)
        }
        try configure(git, driver: driver)
    }

    // MARK: Steps

    /// Stages everything (the ignore file keeps each machine's own files out) and commits it,
    /// signed by the operator, the certificate in a trailer; nil when nothing changed.
    static func commitLocal(_ git: Git, signer: Operator, strings: Strings) throws(SyncError) -> String? {
        let counts = ChangeSummary.count(git)
        try check(git, ["add", "-A"], step: "add")
        if try run(git, ["diff", "--cached", "--quiet"]).ok, try run(git, ["rev-parse", "--verify", "-q", "HEAD"]).ok { return nil }
        let summary = strings.syncSummary(visits: counts.visits, hazards: counts.hazards, enterprises: counts.enterprises, inspectors: counts.inspectors)
        try check(git, ["commit", "-q", "--allow-empty", "-m", summary, "-m", "Anjian-Certificate: \(signer.certificateNumber)"], step: "commit")
        return summary
    }

    /// After a merge: visits the merge gave a new id (both sides had numbered one the same) take
    /// their hazards with them, found by the visit's `hazardIDs`. Committed when anything changed.
    static func repairLinks(_ git: Git, since before: String, strings: Strings, signer: Operator) throws(SyncError) -> Int {
        let changed = try run(git, ["diff", "--name-only", before, "HEAD", "--", LedgerStore.supervisionsFolder + "/"]).out
        return try repairLinks(git, paths: changed.split(separator: "\n").map(String.init), strings: strings, signer: signer)
    }

    /// Every enterprise's links, before a push: a repair an earlier sync could not finish (it
    /// failed after its merge was committed) is done now, never pushed undone. Repairing what is
    /// whole changes nothing.
    static func repairAllLinks(_ git: Git, strings: Strings, signer: Operator) throws(SyncError) -> Int {
        let folder = git.directory.appendingPathComponent(LedgerStore.supervisionsFolder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return try repairLinks(git, paths: names.sorted().map { LedgerStore.supervisionsFolder + "/" + $0 }, strings: strings, signer: signer)
    }

    static func repairLinks(_ git: Git, paths: [String], strings: Strings, signer: Operator) throws(SyncError) -> Int {
        var repaired = 0
        for path in paths where path.hasSuffix(".json") {
            let code = String(path.split(separator: "/").last!.dropLast(5))
            do {
                repaired += try LinkRepair.repair(enterprise: code, in: git.directory)
            } catch {
                throw .store(error as? StoreError ?? .io(path: String(path), reason: "\(error)"))
            }
        }
        if repaired > 0 {
            try check(git, ["add", "-A"], step: "add")
            try check(git, ["commit", "-q", "-m", strings.syncRenumbered(repaired), "-m", "Anjian-Certificate: \(signer.certificateNumber)"], step: "commit")
        }
        return repaired
    }

    static func currentBranch(_ git: Git) throws(SyncError) -> String {
        let result = try run(git, ["symbolic-ref", "--short", "HEAD"])
        let name = result.out.trimmingCharacters(in: .whitespacesAndNewlines)
        return result.ok && !name.isEmpty ? name : "main"
    }

    /// Records with a conflict waiting for a choice (per-enterprise files that load, the master data).
    public static func conflictedRecords(_ directory: URL) -> Int {
        guard let ledger = try? LedgerStore.open(directory, initializeIfEmpty: false) else { return 0 }
        return LedgerConflicts.list(ledger).count
    }

    static func run(_ git: Git, _ arguments: [String]) throws(SyncError) -> GitResult {
        do { return try git.run(arguments) } catch { throw .gitUnavailable(error.reason) }
    }

    static func check(_ git: Git, _ arguments: [String], step: String) throws(SyncError) {
        let result = try run(git, arguments)
        if !result.ok { throw .gitFailed(step: step, detail: result.detail) }
    }
}

/// What the local changes are, counted by record against the last commit: the commit message.
enum ChangeSummary {
    struct Counts { var visits = 0, hazards = 0, enterprises = 0, inspectors = 0 }

    static func count(_ git: Git) -> Counts {
        var counts = Counts()
        guard let status = try? git.run(["status", "--porcelain", "-z", "--untracked-files=all"]), status.ok else { return counts }
        for item in status.out.split(separator: "\0") where item.count > 3 {
            let path = String(item.dropFirst(3))
            guard let kind = LedgerFileKind(path: path) else { continue }
            let old = (try? git.run(["show", "HEAD:" + path])).flatMap { $0.ok ? Data($0.out.utf8) : nil }
            let new = try? Data(contentsOf: git.directory.appendingPathComponent(path))
            let n = changedRecords(kind, old: old, new: new)
            switch kind {
            case .supervisions: counts.visits += n
            case .hazards: counts.hazards += n
            case .enterprises: counts.enterprises += n
            case .inspectors: counts.inspectors += n
            }
        }
        return counts
    }

    /// Records added or changed from `old` to `new`, by their key.
    static func changedRecords(_ kind: LedgerFileKind, old: Data?, new: Data?) -> Int {
        func records(_ data: Data?) -> [String: JSONValue] {
            guard let data, let top = try? JSONDecoder().decode(JSONValue.self, from: data).objectValue,
                  case .array(let items)? = top[kind.recordsKey] else { return [:] }
            return Dictionary(items.map { ($0.objectValue?[kind.keyField]?.stringValue ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        }
        let before = records(old)
        return records(new).filter { before[$0.key] != $0.value }.count
    }
}

/// A visit renamed by a merge (`renumbered`, `id` old → new) takes its hazards along.
public enum LinkRepair {
    /// Points at the renamed visits of one enterprise the hazards they list that still name the
    /// old id; returns how many hazards changed. Idempotent.
    public static func repair(enterprise code: String, in directory: URL) throws -> Int {
        let entries = try LedgerStore.loadSupervisions(enterprise: code, in: directory)
        var moves: [String: String] = [:]  // hazard id → the visit id it belongs to
        var renamedFrom: [String: String] = [:]  // new visit id → old
        for entry in entries {
            for step in entry.history where step.action == .renumbered {
                for change in step.changes where change.field == "id" && change.new == entry.id {
                    renamedFrom[entry.id] = change.old
                    for hazardID in entry.hazardIDs { moves[hazardID] = entry.id }
                }
            }
        }
        guard !moves.isEmpty else { return 0 }
        var hazards = try LedgerStore.loadHazards(enterprise: code, in: directory)
        var changed = 0
        for index in hazards.indices {
            guard let visit = moves[hazards[index].id], hazards[index].supervisionID == renamedFrom[visit] else { continue }
            hazards[index].supervisionID = visit
            changed += 1
        }
        if changed > 0 { try LedgerStore.saveHazards(hazards, enterprise: code, in: directory) }
        return changed
    }
}
