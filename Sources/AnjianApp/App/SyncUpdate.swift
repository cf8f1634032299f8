import AnjianModel
import AnjianText

// The sync key and its outcome (issue 15). git itself runs in the executable (`Effect.sync`).
extension AppState {
    /// The sync key: refused while read-only (another copy holds the directory) or while the
    /// records load; asks for the operator first (the commit is signed); else the effect, after
    /// "Syncing…" is shown.
    mutating func syncRequested() -> [Command] {
        if let refusal = context.session.readOnlyMessage { return [.message(refusal)] }
        if context.ledger.loading != nil { return [.message(context.strings[.syncWhileLoading])] }
        guard let signer = context.session.signer else { return [.requireSigner] }
        return [.message(context.strings[.syncing]), .effect(.sync(signer))]
    }

    /// The status line says what the sync did; the changed files were adopted before (`filesChanged`).
    mutating func synced(_ outcome: SyncOutcome) {
        let s = context.strings
        switch outcome {
        case .done(let summary): context.message = summary.message(s)
        case .notSetUp: context.message = s.syncNotSetUp
        case .failed(let reason): context.message = s.syncFailed(reason)
        }
    }
}
