import Foundation
import AnjianDocuments
import AnjianModel
import AnjianRuntime
import AnjianScreen
import AnjianStore
import AnjianText

/// What reaches `update`: the user's input, or the outcome of an effect.
public enum Message: Sendable {
    case input(InputEvent)
    /// The runner performed a store operation.
    case stored(StoreOutcome)
    /// The program must stop now (SIGHUP, SIGTERM: a lost terminal): keep what can be kept.
    case terminate
    /// Other programs changed these files (a sync, a restore, another tool): show them as they are.
    case filesChanged(WrittenRecords, problems: [FileProblem])
    /// The per-enterprise files loading behind the first frame: how far, then what they hold.
    case loadProgress(LoadProgress)
    case recordsLoaded(RecordsLoaded)
    /// The filter's search texts of the loaded records, built behind them.
    case searchTextsBuilt(hazards: SearchTexts, supervisions: SearchTexts)
    /// View 2's column orders and today's facts of the hazards, made behind the loaded records.
    case hazardOrdersBuilt(HazardDirectory.Prepared)
    /// A document printed (`Effect.printDocument`), or why it was not issued.
    case printed(PrintJob, Result<DocumentPrinter.Printed, StoreError>)
    /// A sync through git finished (`Effect.sync`); the files it changed come as `filesChanged` first.
    case synced(SyncOutcome)
    /// `enterprises.json` or `inspectors.json` changed on disk but cannot be read: the views keep what they had.
    case masterDataUnreadable(StoreError)
}

/// What the runner does after `update`; store operations report back with `.stored`.
public enum Effect: Hashable, Sendable {
    case quit, redraw, suspend
    case store(StoreOperation)
    /// Issue and print a document of this enterprise (`DocumentPrinter.print`); the outcome comes
    /// back as `Message.printed`. The screen is drawn first: the status line says it is printing.
    case printDocument(PrintJob, Enterprise)
    /// Sync the data directory through git, commits signed by this operator (`GitSync.sync`, run by
    /// the executable under the session's lock); the outcome comes back as `Message.synced`. The
    /// screen is drawn first: the status line says it is syncing.
    case sync(Operator)
}

/// The whole application: the navigation stack of screens, at most one modal form, and the
/// context they share (the ledger, the session, the message). `update` is the one place it changes.
public struct AppState: Sendable {
    public internal(set) var context: Context
    /// The screens, the current one last; the first is a top-level view from the registry.
    var stack: [any ScreenComponent]
    /// Top-level views not showing, kept with their filter, sort and selection.
    var parked: [ViewID: any ScreenComponent] = [:]
    /// A form over the screens: it takes every key.
    var modal: (any ModalComponent)?
    /// The save the open modal asked for, so that its outcome reaches that modal.
    var modalSave: StoreOperation?
    /// The open form could not be kept as a draft: Ctrl-C asks before discarding it.
    var draftFailed = false
    /// The draft the open form was reopened from: removed once the form is saved or discarded.
    var reopenedDraft: String?
    /// The key whose action asked for the operator first (`s`, `h`, `e`, a step): it acts
    /// again once the operator form is saved, so the first action is not lost.
    var keyAwaitingSigner: Key?
    /// Drafts found at start while the records still load: offered once they have (a draft
    /// of a hazard's step needs the hazard).
    var draftsAfterLoad: [Drafts.Stored] = []

    public init(directory: EnterpriseDirectory, language: Language, useColor: Bool, isDemo: Bool,
                dataPath: String, width: Int, height: Int, pinyin: PinyinTable,
                inspectors: [Inspector] = [], supervisions: [String: [SupervisionEntry]] = [:],
                hazards: [String: [Hazard]] = [:], damagedFiles: [FileProblem] = [], signer: Operator? = nil, readOnly: ReadOnlyReason? = nil,
                clock: @escaping @Sendable () -> Date = { Date() }, timeZone: TimeZone = .current,
                message: String? = nil, askOperator: Bool = false, operatorMessage: String? = nil, operatorName: String? = nil,
                drafts: [Drafts.Stored] = [], loading: LoadProgress? = nil) {
        let ledger = LedgerData(directory: directory, pinyin: pinyin, inspectors: inspectors,
                                supervisions: supervisions, hazards: hazards, damagedFiles: damagedFiles, loading: loading)
        let session = SessionState(strings: Strings(language), useColor: useColor, isDemo: isDemo, dataPath: dataPath,
                                   width: width, height: height, signer: signer, readOnly: readOnly,
                                   clock: clock, timeZone: timeZone)
        var context = Context(ledger: ledger, session: session, message: message)
        stack = [Registry.views[0].make(&context)]
        context.view = Registry.views[0].id
        self.context = context
        if loading != nil {
            draftsAfterLoad = drafts
        }
        if askOperator {
            modal = OperatorFormModal(strings: session.strings, today: session.today, message: operatorMessage, name: operatorName)
        } else if loading == nil, let offer = DraftOfferModal(drafts, context: context) {
            modal = offer  // the operator first; drafts stay on disk for the next start
        }
    }

    // Read-only views of the state, for the executable and the tests.
    public var strings: Strings { context.strings }
    public var message: String? { context.message }
    public var signer: Operator? { context.session.signer }
    public var isReadOnly: Bool { context.session.readOnly != nil }
    public var width: Int { context.width }
    public var height: Int { context.height }
    public var today: String { context.today }
    public var ledger: LedgerData { context.ledger }
    /// View 2's orders of every column and the hazards' facts of today, made from the ledger as it
    /// is now: a pure function, to run on another thread after the records load.
    public func makeHazardOrders() -> HazardDirectory.Prepared {
        HazardsScreen.prepareOrders(context.ledger, today: context.today, verificationDays: context.verificationDays)
    }

    /// Keeps orders made by `makeHazardOrders`; dropped when a record changed since (they are then made when first needed).
    public mutating func installHazardOrders(_ prepared: HazardDirectory.Prepared) { context.ledger.installHazardOrders(prepared) }

    /// Search texts built on another thread from `ledger`'s indexes (or an older copy).
    public mutating func installSearchTexts(hazards: SearchTexts?, supervisions: SearchTexts?) {
        context.ledger.installSearchTexts(hazards: hazards, supervisions: supervisions)
    }
    var top: any ScreenComponent { stack[stack.count - 1] }
    /// The open form, if any.
    public var openForm: Form? { modal?.form }
    /// The number of the top-level view showing, or under the pages showing.
    public var currentView: ViewID { context.view }
}
