import AnjianText
import AnjianModel
import AnjianRuntime
import AnjianScreen

/// One screen of the app: its own state, its keys, how it handles them and how it draws.
/// Screens are values on the app's navigation stack; they change only in `perform`,
/// `input` and `refresh`, and speak to the app through the commands they return.
protocol ScreenComponent: Sendable {
    /// A top-level view's number in the `Registry`. Screens opened above a view have none of
    /// their own: the tab lit is the view they were opened in (`Context.view`), however they
    /// were reached (a hazard page opened from an enterprise page lights 1, from view 2 lights 2).
    var tab: ViewID { get }
    /// The screen's key bindings: they drive its key handling and its help. While it is
    /// typing, `Keymap.filtering` takes their place.
    func keymap(_ context: Context) -> [KeyBinding]
    /// The title of its section in help.
    var helpTitle: Text { get }
    /// Help sections shown after the bindings' own (e.g. the text-editing keys of a filter).
    func extraHelp(_ context: Context) -> [HelpSection]
    /// An action of one of its bindings.
    mutating func perform(_ action: Action, key: Key, context: inout Context) -> [Command]
    /// Input no binding takes: text typed into a filter. Nil when the screen does not want it.
    mutating func input(_ event: InputEvent, context: inout Context) -> [Command]?
    /// Whether the screen is typing text (its bindings are then the few that stop typing).
    var isTyping: Bool { get }
    /// Chinese text arrived while not typing: a list starts a filter with it. False: not here.
    mutating func startTyping() -> Bool
    /// Whether `q` quits here (top-level views) rather than going back.
    var isTopLevel: Bool { get }
    /// Whether an action of its keymap does something now (e.g. `s` needs a selected row):
    /// the status line hints only those.
    func offers(_ action: Action, _ context: Context) -> Bool
    /// The ledger or the terminal size changed, or the screen shows again.
    mutating func refresh(_ change: Change, context: inout Context)
    /// A value a modal over it handed back.
    mutating func deliver(_ delivery: Delivery, context: inout Context)
    func render(_ context: Context, into screen: inout Screen)
}

extension ScreenComponent {
    /// Screens opened above a view: no view of their own.
    var tab: ViewID { 0 }
    func extraHelp(_ context: Context) -> [HelpSection] { [] }
    mutating func input(_ event: InputEvent, context: inout Context) -> [Command]? { nil }
    var isTyping: Bool { false }
    mutating func startTyping() -> Bool { false }
    var isTopLevel: Bool { false }
    mutating func refresh(_ change: Change, context: inout Context) {}
    func offers(_ action: Action, _ context: Context) -> Bool { true }

    /// The bindings whose hints the status line shows now.
    func hintBindings(_ context: Context) -> [KeyBinding] {
        (isTyping ? Keymap.filtering : keymap(context)).filter { offers($0.action, context) }
    }
    mutating func deliver(_ delivery: Delivery, context: inout Context) {}
}

/// What changed around a screen.
enum Change: Sendable {
    case resized
    /// A record was saved: lists re-filter, pages re-lay out and select it.
    case saved(SavedRecord)
    /// The screen is on top again (back from another, or its view chosen again).
    case shown
    /// Files changed by other programs were read again: every list and page may differ.
    case reloaded
    /// An inspector of the roster was saved (added, edited, retired or reinstated), with the
    /// certificate number it had before (an edit may change it).
    case inspectorSaved(Inspector, formerNumber: String?)
}

enum SavedRecord: Sendable, Equatable {
    case supervision(SupervisionEntry)
    case hazard(Hazard)
    /// An enterprise added, edited, retired or listed, or re-keyed (by its code now).
    case enterprise(String)
}

/// A form over the screens: it takes every key until it closes.
protocol ModalComponent: Sendable {
    var form: Form { get set }
    /// Whether it changes the ledger: refused when read-only, and it needs a signer.
    var writes: Bool { get }
    mutating func handle(_ event: InputEvent, context: inout Context) -> [Command]
    /// What the form is for, when it can be kept as a draft (forms that change the ledger).
    var draftKind: Draft.Kind? { get }
    /// Its values were put back from a draft (derived labels and the like follow them).
    mutating func restored()
}

extension ModalComponent {
    var draftKind: Draft.Kind? { nil }
    mutating func restored() {}
}

/// What a screen or modal asks the app to do.
enum Command: Sendable {
    case open(any ScreenComponent)
    case back
    case showView(ViewID)
    case present(any ModalComponent)
    /// The modal is done (cancelled, or nothing to save).
    case closeModal
    /// Hand a value to the screen under the modal (e.g. the hazard filters chosen).
    case deliver(Delivery)
    /// A record to write: the runner writes it, and the outcome comes back through `update`.
    case save(StoreOperation)
    /// Every change is signed: ask for the operator first.
    case requireSigner
    /// A transient message for the status area.
    case message(String)
    /// The form just presented was reopened from this draft.
    case draftReopened(String)
    case effect(Effect)
}

/// Values a modal hands to the screen under it.
enum Delivery: Sendable {
    case hazardCriteria(HazardCriteria)
    /// Views 1 and 3: the retired enterprises and the integrity list.
    case enterpriseCriteria(EnterpriseCriteria)
    /// A figure of the statistics opens view 2 or 3 with its criteria and no text filter.
    case hazardFigure(HazardCriteria)
    case supervisionFigure(SupervisionCriteria)
    /// The statistics' custom period.
    case statisticsPeriod(StatisticsPeriod)
    /// A list's sort chosen in the sort menu: the column by its place in the column type's `allCases`.
    case sort(column: Int, ascending: Bool)
}

struct HelpSection: Sendable {
    var title: Text
    var entries: [(keys: String, text: Text)]
}
