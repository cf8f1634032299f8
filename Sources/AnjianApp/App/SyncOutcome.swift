import AnjianText

/// What a sync did, as the app shows it (the executable runs git and fills it in: the app does
/// not depend on git).
public enum SyncOutcome: Sendable, Equatable {
    case done(SyncSummary)
    /// The data directory is not a git repository: the status line says how to set it up.
    case notSetUp
    /// Stopped, with the reason in the user's language (nothing local is lost: it was committed first).
    case failed(String)
}

public struct SyncSummary: Sendable, Equatable {
    /// The local commit's summary ("2 visits, 3 hazards"); nil when nothing changed here.
    public var committed: String?
    public var offline: Bool
    public var noRemote: Bool
    /// Commits of others merged in.
    public var received: Int
    public var pushed: Bool
    /// Records left with a conflict to choose.
    public var conflicts: Int
    /// Document numbers now issued twice (two machines issued offline).
    public var duplicateDocuments = 0

    public init(committed: String? = nil, offline: Bool = false, noRemote: Bool = false, received: Int = 0, pushed: Bool = false,
                conflicts: Int = 0) {
        self.committed = committed
        self.offline = offline
        self.noRemote = noRemote
        self.received = received
        self.pushed = pushed
        self.conflicts = conflicts
    }

    func message(_ s: Strings) -> String {
        let done = s.syncDone(committed: committed, offline: offline, noRemote: noRemote, received: received, pushed: pushed, conflicts: conflicts)
        // The duplicates first: the status line is one line, and they need a person.
        return duplicateDocuments == 0 ? done : s.syncDuplicateDocuments(duplicateDocuments) + " anjian validate"
    }
}
