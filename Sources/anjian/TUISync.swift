import Foundation
import AnjianApp
import AnjianModel
import AnjianSync
import AnjianText

/// The TUI's sync key (`Effect.sync`): git run here, under the session's lock, the outcome
/// handed to the app as plain values (the app does not depend on git).
enum TUISync {
    static func run(_ directory: URL, signer: Operator, strings: Strings) -> SyncOutcome {
        do {
            let report = try GitSync.sync(directory, signer: signer, driver: GitSync.driverCommand(executable: GitSync.currentExecutable),
                                          strings: strings)
            var summary = SyncSummary(committed: report.committed, offline: report.offline, noRemote: report.noRemote,
                                      received: report.received, pushed: report.pushed, conflicts: report.conflictedRecords)
            summary.duplicateDocuments = report.duplicateDocuments.count
            return .done(summary)
        } catch {
            if case .notARepository = error { return .notSetUp }
            return .failed(error.message(strings))
        }
    }
}
