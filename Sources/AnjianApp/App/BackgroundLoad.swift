import Foundation
import AnjianModel
import AnjianRuntime
import AnjianStore

/// Loads the per-enterprise files behind the first frame, off the main thread (the files are
/// read on both cores by the store), and builds their city-wide indexes there too. The main
/// loop polls it between keys: nothing it does waits for the load, so no keystroke does.
public final class BackgroundLoad: @unchecked Sendable {
    private let lock = NSLock()
    private var progress: LoadProgress?
    private var reported: LoadProgress?
    private var loaded: RecordsLoaded?
    private var texts: (hazards: SearchTexts, supervisions: SearchTexts)?
    /// The records have been handed over; `finished`: the search texts too.
    private var delivered = false
    private var finished = false

    /// Starts loading the session's records for `state` (its enterprise directory and pinyin
    /// table index them). Nothing starts when the session loaded them already.
    public init(session: Session, for state: AppState) {
        guard session.recordsDeferred else {
            delivered = true
            finished = true
            return
        }
        let directory = session.directory
        let codes = Set(session.ledger.enterprises.map(\.creditCode))
        let enterprises = state.ledger.directory
        let pinyin = state.ledger.pinyin
        let snapshots = session.snapshots
        let thread = Thread { [self] in
            let records = LedgerStore.loadRecords(directory, enterprises: codes, snapshots: snapshots) { done, total in
                self.set(progress: LoadProgress(done: done, total: total))
            }
            let built = RecordsLoaded(records, enterprises: enterprises, pinyin: pinyin)
            self.lock.lock()
            self.loaded = built
            self.lock.unlock()
            // The views are usable now; the filter's texts follow (records saved meanwhile catch up on install).
            let texts = (built.hazardIndex.makeSearchTexts(), built.supervisionIndex.makeSearchTexts())
            self.lock.lock()
            self.texts = texts
            self.lock.unlock()
        }
        thread.stackSize = 4 << 20
        thread.start()
    }

    private func set(progress: LoadProgress) {
        lock.lock()
        self.progress = progress
        lock.unlock()
    }

    /// True until the loaded records and their search texts have been handed over.
    public var isLoading: Bool {
        lock.lock()
        defer { lock.unlock() }
        return !finished
    }

    /// What happened since the last call, as messages for `update`: the progress when it moved,
    /// then, once, the loaded records, then their search texts.
    public func poll() -> [Message] {
        lock.lock()
        defer { lock.unlock() }
        if delivered {
            guard !finished, let texts else { return [] }
            finished = true
            self.texts = nil
            return [.searchTextsBuilt(hazards: texts.hazards, supervisions: texts.supervisions)]
        }
        if let loaded {
            delivered = true
            self.loaded = nil
            return [.recordsLoaded(loaded)]
        }
        guard let progress, progress != reported else { return [] }
        reported = progress
        return [.loadProgress(progress)]
    }

    /// Waits for the load to finish, search texts included (the tests, and a run that must see
    /// every record): the messages not yet polled.
    public func wait() -> [Message] {
        var messages: [Message] = []
        while isLoading {
            messages += poll()
            usleep(2_000)
        }
        return messages
    }
}
