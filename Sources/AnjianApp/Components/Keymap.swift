import AnjianModel
import AnjianScreen
import AnjianText

/// What a key does. Keymaps are data: the same tables drive key handling, the help screen and
/// the status line's hints, so they cannot drift apart.
public enum Action: Hashable, Sendable {
    case moveUp, moveDown, pageUp, pageDown, moveTop, moveBottom
    case open, back, filter, clearFilter, sortNextColumn, sortReverse, sortMenu
    case help, quit, showView(Int), newSupervision, newHazard
    case redraw, suspend
    // While a filter is being typed:
    case acceptFilter, cancelFilter
    case edit
    /// View 2's filters form, and clearing every filter.
    case filters, clearAllFilters
    /// A hazard's lifecycle step.
    case step(HistoryEntry.Action)
    /// From a hazard's page: its enterprise's page, the page of the visit it was found on.
    case openEnterprise, openVisit
    /// From a visit's or a hazard's page: the print menu of its enforcement documents.
    case printDocument
    /// The roster (view 4): add an inspector, show the retired too; retire or reinstate (an inspector, an enterprise).
    case newInspector, showRetired, retireOrReinstate
    /// Master data: a new enterprise (view 1); an enterprise's integrity listing (its page).
    case newEnterprise, integrityList
    /// The statistics (view 5): the next kind of period, the previous or next period, custom dates, the next district.
    case statisticsPeriod, statisticsShift, statisticsCustom, statisticsDistrict
    /// Sync through git (top-level views); choose the sides of a record's sync conflicts (its page).
    case sync, resolveConflicts
    /// View 3: the double-random draw's form; its preview keeps the draw or goes back to the form.
    case draw, keepDraw, changeDraw
    // Editing a line of text (`TextInput`):
    case caretLeft, caretRight, caretStart, caretEnd, deleteBackward, deleteForward, clearInput, deleteToEnd, deleteWord
    // In a form (`Form`):
    case nextField, previousField, lineOrNextField, addRow, save, cancel
    case previousChoice, nextChoice
    case highlightNext, highlightPrevious, pick, dismissSuggestions
}

public struct KeyBinding: Sendable {
    public let keys: [Key]
    public let action: Action
    /// What it does, for help.
    public let text: Text
    /// A word or two for the status line's hints; nil keeps it out of the hints.
    public let hint: Text?
    public init(keys: [Key], action: Action, text: Text, hint: Text? = nil) {
        self.keys = keys
        self.action = action
        self.text = text
        self.hint = hint
    }
}

/// Bindings shared by several screens; each screen's own keymap sits in its folder.
public enum Keymap {
    /// Keys that work on every screen.
    public static let global: [KeyBinding] = [
        KeyBinding(keys: [.function(1)], action: .help, text: .actionHelp),
        KeyBinding(keys: [.control("c")], action: .quit, text: .actionQuit),
        KeyBinding(keys: [.control("l")], action: .redraw, text: .actionRedraw),
        KeyBinding(keys: [.control("z")], action: .suspend, text: .actionSuspend),
    ]

    /// Moving in a table, the same in every list.
    static let tableMoves: [KeyBinding] = [
        KeyBinding(keys: [.up, .character("k")], action: .moveUp, text: .actionUp),
        KeyBinding(keys: [.down, .character("j")], action: .moveDown, text: .actionDown),
        KeyBinding(keys: [.pageUp, .control("b")], action: .pageUp, text: .actionPageUp),
        KeyBinding(keys: [.pageDown, .control("f")], action: .pageDown, text: .actionPageDown),
        KeyBinding(keys: [.home, .character("g")], action: .moveTop, text: .actionTop),
        KeyBinding(keys: [.end, .character("G")], action: .moveBottom, text: .actionBottom),
    ]

    /// Filtering, sorting and switching views, the same in every top-level list.
    static var tableTools: [KeyBinding] {
        [
            KeyBinding(keys: [.character("/")], action: .filter, text: .actionFilter, hint: .hintFilter),
            KeyBinding(keys: [.escape], action: .clearFilter, text: .actionClearFilter),
            KeyBinding(keys: [.function(6), .character("<"), .character(">")], action: .sortMenu, text: .actionSortMenu, hint: .hintSort),
            KeyBinding(keys: [.character("o")], action: .sortNextColumn, text: .actionSortNext),
            KeyBinding(keys: [.character("O")], action: .sortReverse, text: .actionSortReverse),
        ] + Registry.bindings
    }

    /// The end of every top-level list's keymap (sync there: its hint gives way first on a narrow line).
    static let helpAndQuit: [KeyBinding] = [
        KeyBinding(keys: [.character("?")], action: .help, text: .actionHelp, hint: .hintHelp),
        KeyBinding(keys: [.character("q")], action: .quit, text: .actionQuit, hint: .hintQuit),
        sync,
    ]

    /// While the filter is being typed, keys not listed here edit the text (see `textEditing`).
    public static let filtering: [KeyBinding] = [
        KeyBinding(keys: [.up], action: .moveUp, text: .actionUp),
        KeyBinding(keys: [.down], action: .moveDown, text: .actionDown),
        KeyBinding(keys: [.pageUp], action: .pageUp, text: .actionPageUp),
        KeyBinding(keys: [.pageDown], action: .pageDown, text: .actionPageDown),
        KeyBinding(keys: [.enter], action: .acceptFilter, text: .actionAcceptFilter, hint: .hintKeep),
        KeyBinding(keys: [.escape], action: .cancelFilter, text: .actionCancelFilter, hint: .hintClear),
    ]

    /// Moving on a page whose lines can be opened (an enterprise's records, an inspector's
    /// enterprises), Enter opening the selected one (`open` says what it is, for help), and
    /// the record's sync conflicts.
    static func selectablePage(open: Text) -> [KeyBinding] {
        [
            KeyBinding(keys: [.up, .character("k")], action: .moveUp, text: .actionUp),
            KeyBinding(keys: [.down, .character("j")], action: .moveDown, text: .actionDown),
            KeyBinding(keys: [.enter], action: .open, text: open, hint: .hintOpen),
            resolveConflicts,
            KeyBinding(keys: [.pageUp], action: .pageUp, text: .actionPageUp),
            KeyBinding(keys: [.pageDown, .character(" ")], action: .pageDown, text: .actionPageDown),
            KeyBinding(keys: [.home, .character("g")], action: .moveTop, text: .actionTop),
            KeyBinding(keys: [.end, .character("G")], action: .moveBottom, text: .actionBottom),
        ]
    }

    /// Scrolling a read-only page.
    static let pageScroll: [KeyBinding] = [
        KeyBinding(keys: [.up, .character("k")], action: .moveUp, text: .actionScrollUp),
        KeyBinding(keys: [.down, .character("j")], action: .moveDown, text: .actionScrollDown),
    ]

    /// Syncing the ledger through git (`AppState` handles it on any screen whose keymap has it).
    static let sync = KeyBinding(keys: [.function(5), .character("U")], action: .sync, text: .actionSync, hint: .hintSync)

    /// A record's page: choosing the sides of its sync conflicts (offered while it has some).
    static let resolveConflicts = KeyBinding(keys: [.character("C")], action: .resolveConflicts, text: .actionResolveConflicts,
                                             hint: .hintResolve)

    /// Printing a page's enforcement documents.
    static let print = KeyBinding(keys: [.character("p")], action: .printDocument, text: .actionPrint, hint: .hintPrint)

    /// The end of every page's keymap: back, the views, help.
    static var backViewsHelp: [KeyBinding] {
        [KeyBinding(keys: [.escape, .character("q"), .left], action: .back, text: .actionBack, hint: .hintBack)]
            + Registry.bindings + [KeyBinding(keys: [.character("?")], action: .help, text: .actionHelp, hint: .hintHelp)]
    }

    /// Moving between a form's fields (`Form.handle`).
    public static let formFields: [KeyBinding] = [
        KeyBinding(keys: [.tab, .down], action: .nextField, text: .actionNextField, hint: .hintNext),
        KeyBinding(keys: [.backTab, .up], action: .previousField, text: .actionPreviousField),
        KeyBinding(keys: [.enter], action: .lineOrNextField, text: .actionNewLine),
    ]

    /// In a choice field.
    public static let choice: [KeyBinding] = [
        KeyBinding(keys: [.left], action: .previousChoice, text: .actionChoice),
        KeyBinding(keys: [.right, .character(" ")], action: .nextChoice, text: .actionChoice),
    ]

    /// While the roster's suggestions show under a name field.
    public static let suggestions: [KeyBinding] = [
        KeyBinding(keys: [.down], action: .highlightNext, text: .actionPick),
        KeyBinding(keys: [.up], action: .highlightPrevious, text: .actionPick),
        KeyBinding(keys: [.enter], action: .pick, text: .actionPick, hint: .hintPick),
        KeyBinding(keys: [.escape], action: .dismissSuggestions, text: .actionDismissSuggestions, hint: .hintClose),
    ]

    /// A form's commands.
    public static let formCommands: [KeyBinding] = [
        KeyBinding(keys: [.control("n")], action: .addRow, text: .actionAddInspector, hint: .hintAddInspector),
        KeyBinding(keys: [.control("s")], action: .save, text: .actionSave, hint: .hintSave),
        KeyBinding(keys: [.escape], action: .cancel, text: .actionCancel, hint: .hintCancel),
    ]

    /// Every form key, in help order.
    static var form: [KeyBinding] { formFields + choice + suggestions + formCommands }

    /// Editing a line of text (`TextInput.handle`); other characters are typed.
    public static let textEditing: [KeyBinding] = [
        KeyBinding(keys: [.left], action: .caretLeft, text: .actionCaret),
        KeyBinding(keys: [.right], action: .caretRight, text: .actionCaret),
        KeyBinding(keys: [.home], action: .caretStart, text: .actionCaretHomeEnd),
        KeyBinding(keys: [.end], action: .caretEnd, text: .actionCaretHomeEnd),
        KeyBinding(keys: [.control("a")], action: .caretStart, text: .actionCaretHomeEnd),
        KeyBinding(keys: [.control("e")], action: .caretEnd, text: .actionCaretHomeEnd),
        KeyBinding(keys: [.backspace, .control("h")], action: .deleteBackward, text: .actionDeleteBack),
        KeyBinding(keys: [.delete, .control("d")], action: .deleteForward, text: .actionDeleteForward),
        KeyBinding(keys: [.control("u")], action: .clearInput, text: .actionClearInput),
        KeyBinding(keys: [.control("k")], action: .deleteToEnd, text: .actionKillToEnd),
        KeyBinding(keys: [.control("w")], action: .deleteWord, text: .actionDeleteWord),
    ]

    /// The action a key has among `bindings`, if any.
    public static func action(for key: Key, in bindings: [KeyBinding]) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// The status line's hints of these bindings: `key word`, in keymap order.
    static func hints(_ bindings: [KeyBinding], _ s: Strings) -> [String] {
        bindings.compactMap { binding in binding.hint.map { binding.keys[0].displayName + " " + s[$0] } }
    }
}
