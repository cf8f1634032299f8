import AnjianText
import AnjianModel
import AnjianScreen

/// What a key does. The keymaps below are data: the same tables drive key handling
/// and the help screen, so the two cannot drift apart.
public enum Action: Hashable, Sendable {
    case moveUp, moveDown, pageUp, pageDown, moveTop, moveBottom
    case open, back, filter, clearFilter, sortNextColumn, sortReverse
    case help, quit, showView(Int), newSupervision, newHazard
    case redraw, suspend
    // While a filter is being typed:
    case acceptFilter, cancelFilter
    case edit
    /// View 2's filters form, and clearing every filter.
    case filters, clearAllFilters
    /// A hazard's lifecycle step.
    case step(HistoryEntry.Action)
}

public struct KeyBinding: Sendable {
    public let keys: [Key]
    public let action: Action
    public let text: Text
    public init(keys: [Key], action: Action, text: Text) {
        self.keys = keys
        self.action = action
        self.text = text
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
            KeyBinding(keys: [.character("/")], action: .filter, text: .actionFilter),
            KeyBinding(keys: [.escape], action: .clearFilter, text: .actionClearFilter),
            KeyBinding(keys: [.character("o")], action: .sortNextColumn, text: .actionSortNext),
            KeyBinding(keys: [.character("O")], action: .sortReverse, text: .actionSortReverse),
        ] + Registry.bindings
    }

    /// The end of every top-level list's keymap.
    static let helpAndQuit: [KeyBinding] = [
        KeyBinding(keys: [.character("?")], action: .help, text: .actionHelp),
        KeyBinding(keys: [.character("q")], action: .quit, text: .actionQuit),
    ]

    /// While the filter is being typed, keys not listed here edit the text (see `TextInput`).
    public static let filtering: [KeyBinding] = [
        KeyBinding(keys: [.up], action: .moveUp, text: .actionUp),
        KeyBinding(keys: [.down], action: .moveDown, text: .actionDown),
        KeyBinding(keys: [.pageUp], action: .pageUp, text: .actionPageUp),
        KeyBinding(keys: [.pageDown], action: .pageDown, text: .actionPageDown),
        KeyBinding(keys: [.enter], action: .acceptFilter, text: .actionAcceptFilter),
        KeyBinding(keys: [.escape], action: .cancelFilter, text: .actionCancelFilter),
    ]

    /// Scrolling a read-only page.
    static let pageScroll: [KeyBinding] = [
        KeyBinding(keys: [.up, .character("k")], action: .moveUp, text: .actionScrollUp),
        KeyBinding(keys: [.down, .character("j")], action: .moveDown, text: .actionScrollDown),
    ]

    /// The end of every page's keymap: back, the views, help.
    static var backViewsHelp: [KeyBinding] {
        [KeyBinding(keys: [.escape, .character("q"), .left], action: .back, text: .actionBack)]
            + Registry.bindings + [KeyBinding(keys: [.character("?")], action: .help, text: .actionHelp)]
    }

    /// Forms: handled by `Form`, listed here for the help screen.
    public static let form: [(keys: String, text: Text)] = [
        ("Tab Down", .actionNextField),
        ("Shift-Tab Up", .actionPreviousField),
        ("Enter", .actionNewLine),
        ("Left Right Space", .actionChoice),
        ("Down Up Enter", .actionPick),
        ("Ctrl-N", .actionAddInspector),
        ("Ctrl-S", .actionSave),
        ("Esc", .actionCancel),
    ]

    /// Text-editing keys of `TextInput`, listed for the help screen.
    public static let textEditing: [(keys: String, text: Text)] = [
        ("Left Right", .actionCaret),
        ("Home End Ctrl-A Ctrl-E", .actionCaretHomeEnd),
        ("Backspace", .actionDeleteBack),
        ("Delete Ctrl-D", .actionDeleteForward),
        ("Ctrl-U", .actionClearInput),
        ("Ctrl-K", .actionKillToEnd),
        ("Ctrl-W", .actionDeleteWord),
    ]

    public static func action(for key: Key, in bindings: [KeyBinding]) -> Action? {
        (bindings + global).first { $0.keys.contains(key) }?.action
    }
}
