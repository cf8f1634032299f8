import Foundation
import AnjianModel
import AnjianRuntime
import AnjianStore

/// Loads the per-enterprise files behind the first frame, off the main thread (the files are
/// read on every core by the store), and builds what the views need of them there too: the
/// city-wide indexes, then the filter's search texts and view 2's column orders. The main loop
/// takes what is ready between keys: nothing it does waits for the load, so no keystroke does.
public final class BackgroundLoad: @unchecked Sendable {
    private let lock = NSLock()
    /// Guarded by `lock`: the latest progress not yet reported, messages ready, jobs still running.
    private var progress: LoadProgress?
    private var reported: LoadProgress?
    private var ready: [Message] = []
    private var running = 0

    /// Starts loading the session's records for `state` (its enterprise directory and pinyin
    /// table index them). Nothing starts when the session loaded them already.
    public init(session: Session, for state: AppState) {
        guard session.recordsDeferred else { return }
        let directory = session.directory
        let codes = Set(session.ledger.enterprises.map(\.creditCode))
        let enterprises = state.ledger.directory
        let pinyin = state.ledger.pinyin
        let snapshots = session.snapshots
        start {
            let records = LedgerStore.loadRecords(directory, enterprises: codes, snapshots: snapshots) { done, total in
                self.set(progress: LoadProgress(done: done, total: total))
            }
            let built = RecordsLoaded(records, enterprises: enterprises, pinyin: pinyin)
            self.post(.recordsLoaded(built))
            // The views are usable now; the filter's texts follow (records saved meanwhile catch up on install).
            return .searchTextsBuilt(hazards: built.hazardIndex.makeSearchTexts(), supervisions: built.supervisionIndex.makeSearchTexts())
        }
    }

    /// Runs `job` on its own thread; its message is ready when it returns.
    private func start(_ job: @escaping @Sendable () -> Message) {
        lock.withLock { running += 1 }
        let thread = Thread { [self] in
            let message = job()
            lock.withLock {
                ready.append(message)
                running -= 1
            }
        }
        thread.stackSize = 4 << 20
        thread.start()
    }

    private func post(_ message: Message) {
        lock.withLock { ready.append(message) }
    }

    /// Files finish on several threads: their reports may arrive out of order, the count only grows.
    private func set(progress: LoadProgress) {
        lock.withLock {
            let current = self.progress ?? LoadProgress(done: -1, total: 0)
            if progress.done > current.done || (progress.done == current.done && progress.total > current.total) {
                self.progress = progress
            }
        }
    }

    /// True while something is still being loaded or built, or is ready and not yet taken.
    public var isLoading: Bool {
        lock.withLock { running > 0 || !ready.isEmpty }
    }

    /// What is ready, as messages for `update`: the progress when it moved, the loaded records,
    /// then what is built from them.
    public func poll() -> [Message] {
        lock.withLock {
            var messages: [Message] = []
            if let progress, progress != reported {
                reported = progress
                messages.append(.loadProgress(progress))
            }
            messages += ready
            ready = []
            return messages
        }
    }

    /// Hands what is ready to the app. Once the records are in, view 2's column orders are
    /// made from the app's ledger on another thread (kept only if no record changed meanwhile).
    public func deliver(into state: inout AppState) {
        for message in poll() {
            _ = state.update(message)
            if case .recordsLoaded = message {
                let ledger = state
                start { .hazardOrdersBuilt(ledger.makeHazardOrders()) }
            }
        }
    }

    /// Waits until everything is loaded and built, and hands it to the app (the tests, and a run
    /// that must see every record).
    public func wait(into state: inout AppState) {
        while isLoading {
            deliver(into: &state)
            usleep(2_000)
        }
    }
}
