import Foundation
import AnjianModel
import AnjianStore
import AnjianText

/// `anjian merge-driver %O %A %B %P`: git's custom merge driver contract. The merged file is
/// written into %A; status 0 when merged (conflict records are data the TUI shows, so they count
/// as merged), 1 when a side cannot be read (git then shows its usual conflict, %A untouched).
public enum MergeDriver {
    /// Set by `anjian sync` for git's children: who signs what the merge itself changes.
    public static let nameVariable = "ANJIAN_SYNC_NAME"
    public static let certificateVariable = "ANJIAN_SYNC_CERTIFICATE"

    /// Returns the exit status and, on failure, the line for stderr.
    public static func run(base: String, ours: String, theirs: String, path: String, environment: [String: String],
                           now: Date = Date(), strings: Strings) -> (status: Int32, message: String?) {
        guard let kind = LedgerFileKind(path: path) else {
            return (1, strings.mergeDriverFailed(path, "not a ledger file"))
        }
        let signer = Operator(name: environment[nameVariable].flatMap { $0.isEmpty ? nil : $0 } ?? "anjian sync",
                              certificateNumber: environment[certificateVariable] ?? "")
        do {
            let outcome = try LedgerMerge.merge(kind, base: try? Data(contentsOf: URL(fileURLWithPath: base)),
                                                ours: try Data(contentsOf: URL(fileURLWithPath: ours)),
                                                theirs: try Data(contentsOf: URL(fileURLWithPath: theirs)),
                                                signer: MergeSigner(signer: signer, time: CalendarDate.timestamp(now, in: .current)))
            try AtomicFile.write(outcome.data, to: URL(fileURLWithPath: ours))
            return (0, nil)
        } catch {
            return (1, strings.mergeDriverFailed(path, "\(error)"))
        }
    }
}
