/// A key as the application sees it, independent of ncurses.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right, home, end, pageUp, pageDown
    case enter, escape, tab, backTab, backspace, delete, insert
    case function(Int)
    /// Ctrl plus a letter, lower-case (`.control("s")` is Ctrl-S).
    case control(Character)

    /// The name shown on the help screen. ASCII only: arrows are East Asian
    /// Ambiguous and turn two cells wide in Chinese terminals.
    public var displayName: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .insert: return "Insert"
        case .function(let n): return "F\(n)"
        case .control(let c): return "Ctrl-" + String(c).uppercased()
        }
    }
}

/// What the terminal delivers to the application.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    /// Several printable characters that arrived together: an input method's commit, or a
    /// paste the terminal did not mark. Kept whole so it is inserted as one piece.
    case text(String)
    /// A bracketed paste: text, never keys (its control characters are already dropped).
    case paste(String)
    case resize(width: Int, height: Int)
}
