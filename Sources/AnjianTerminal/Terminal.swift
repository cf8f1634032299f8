import CNCursesW
import Glibc
import AnjianScreen

/// The only code that talks to ncurses: start and stop, keys, resize, and drawing a
/// `Screen` with the real cursor on the caret.
public final class Terminal {
    private var previous: Screen?
    private let useColor: Bool
    private var colorPairs: [Int: Int16] = [:]
    private var started = false
    private var decoder = InputDecoder()
    /// Bracketed paste: the terminal marks a paste, so its line breaks are never Enter.
    static let enablePaste = "\u{1B}[?2004h", disablePaste = "\u{1B}[?2004l"

    /// Starts curses. Call `LocaleGuard.ensureUTF8()` first.
    public init(useColor: Bool) {
        Self.acceptResizeSignals()
        setenv("ESCDELAY", "25", 0)
        initscr()
        set_escdelay(25)
        raw()  // Ctrl-S and Ctrl-C reach us as keys instead of flow control and SIGINT
        noecho()
        nonl()
        keypad(anjian_stdscr(), true)
        meta(anjian_stdscr(), true)
        intrflush(anjian_stdscr(), false)
        var colors = false
        if useColor, has_colors() {
            start_color()
            use_default_colors()
            colors = true
        }
        self.useColor = colors
        started = true
        putp(Self.enablePaste)  // through ncurses' own output stream
        fflush(nil)
    }

    deinit { stop() }

    /// A parent may have blocked or ignored SIGWINCH (both survive exec); ncurses
    /// then never learns of a resize. Seen with programs started from a test runner.
    static func acceptResizeSignals() {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGWINCH)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        // Before initscr nothing of ours handles it, so the default is safe; ncurses installs its own.
        signal(SIGWINCH, SIG_DFL)
    }

    public func stop() {
        guard started else { return }
        started = false
        putp(Self.disablePaste)
        fflush(nil)
        curs_set(1)
        endwin()
    }

    public var size: (width: Int, height: Int) {
        (Int(anjian_columns()), Int(anjian_lines()))
    }

    /// How long a bracketed paste under way waits for more before it ends by itself: a
    /// start marker whose end never comes would otherwise hold every key.
    static let pastePauseMilliseconds: Int32 = 300

    /// Waits for input (up to `timeoutMilliseconds`, -1 for ever) and returns everything
    /// that has arrived, decoded by `InputDecoder` (IME commits and pastes stay whole). A
    /// paste under way is read on until it ends or nothing arrives for a moment.
    public func readEvents(timeoutMilliseconds: Int32 = -1) -> [InputEvent] {
        var events: [InputEvent] = []
        timeout(timeoutMilliseconds)
        var pausedInPaste = false
        while true {
            var wide: wint_t = 0
            let status = get_wch(&wide)
            if status == anjian_err() {
                decoder.endOfBatch(into: &events)
                guard decoder.pastePending else { break }
                if pausedInPaste {
                    decoder.flush(into: &events)
                    if !decoder.pastePending { break }
                }
                pausedInPaste = true
                timeout(Self.pastePauseMilliseconds)
                continue
            }
            pausedInPaste = false
            timeout(0)
            if status == anjian_key_code_yes() {
                if Int32(wide) == KEY_RESIZE {
                    let (w, h) = size
                    decoder.special(.resize(width: w, height: h), into: &events)
                } else if let key = Self.functionKey(Int32(wide)) {
                    decoder.special(.key(key), into: &events)
                }
                continue
            }
            guard let scalar = Unicode.Scalar(UInt32(wide)) else { continue }
            decoder.scalar(scalar, into: &events)
        }
        timeout(-1)
        return events
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        // VT220 descriptions call the keys sending `ESC[1~` and `ESC[4~` Find and Select.
        case KEY_HOME, KEY_A1, KEY_FIND: return .home
        case KEY_END, KEY_C1, KEY_SELECT: return .end
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_BTAB: return .backTab
        default:
            for n in 1...12 where code == anjian_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }

    /// Draws the screen, sending only the cells that changed since the last frame,
    /// then places the real cursor on the caret (input methods anchor there).
    public func draw(_ screen: Screen) {
        let full = previous == nil || previous!.width != screen.width || previous!.height != screen.height
        if full { clearok(anjian_stdscr(), true); erase() }
        let wideAmbiguous = DisplayWidth.ambiguous == .wide
        var overlay: [(x: Int, y: Int, cell: Cell)] = []
        for y in 0..<screen.height {
            var x = 0
            while x < screen.width {
                let cell = screen[x, y]
                if cell.width == 0 { x += 1; continue }
                var changed = full || previous![x, y] != cell
                if !changed, cell.width == 2, x + 1 < screen.width, previous![x + 1, y] != screen[x + 1, y] { changed = true }
                if wideAmbiguous, cell.width == 2, Self.isAmbiguous(cell) {
                    // ncurses counts it one cell (the C library's width), the terminal two: ncurses gets two
                    // blanks, and the character is written over them after ncurses is done, every frame.
                    var blank = Cell.blank
                    blank.style = cell.style
                    put(blank, x: x, y: y)
                    put(blank, x: x + 1, y: y)
                    overlay.append((x, y, cell))
                } else if changed {
                    // Never write into the last column with a wide character: Screen has already clipped.
                    put(cell, x: x, y: y)
                }
                x += max(1, cell.width)
            }
        }
        if let cursor = screen.cursor {
            curs_set(1)
            move(Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
            move(Int32(max(0, screen.height - 1)), 0)
        }
        refresh()
        if !overlay.isEmpty {
            let (cx, cy) = screen.cursor ?? (0, max(0, screen.height - 1))
            putp(overlay.map { "\u{1B}[\($0.y + 1);\($0.x + 1)H" + Self.sgr($0.cell.style, color: useColor) + $0.cell.text + "\u{1B}[0m" }.joined()
                 + "\u{1B}[\(cy + 1);\(cx + 1)H")
            fflush(nil)
        }
        previous = screen
    }

    static func isAmbiguous(_ cell: Cell) -> Bool {
        cell.text.unicodeScalars.first.map { DisplayWidth.isAmbiguous($0.value) } ?? false
    }

    /// ANSI attributes of a style, for the characters written past ncurses.
    static func sgr(_ style: Style, color: Bool) -> String {
        var codes = ["0"]
        if style.bold { codes.append("1") }
        if style.dim { codes.append("2") }
        if style.underline { codes.append("4") }
        if style.reverse { codes.append("7") }
        if color, let fg = style.foreground { codes.append(String(30 + fg.rawValue)) }
        if color, let bg = style.background { codes.append(String(40 + bg.rawValue)) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    /// Forgets the last frame so the next draw repaints everything (after a resize or Ctrl-L).
    public func invalidate() { previous = nil }

    private func put(_ cell: Cell, x: Int, y: Int) {
        var wideChars: [wchar_t] = cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) } + [0]
        var attributes = anjian_attr_normal()
        if cell.style.bold { attributes |= anjian_attr_bold() }
        if cell.style.reverse { attributes |= anjian_attr_reverse() }
        if cell.style.underline { attributes |= anjian_attr_underline() }
        if cell.style.dim { attributes |= anjian_attr_dim() }
        let pair = colorPair(cell.style)
        var complex = cchar_t()
        setcchar(&complex, &wideChars, attributes, pair, nil)
        mvadd_wch(Int32(y), Int32(x), &complex)
    }

    private func colorPair(_ style: Style) -> Int16 {
        guard useColor, style.foreground != nil || style.background != nil else { return 0 }
        let fg = style.foreground?.rawValue ?? -1
        let bg = style.background?.rawValue ?? -1
        let key = (fg + 1) * 16 + (bg + 1)
        if let pair = colorPairs[key] { return pair }
        let pair = Int16(colorPairs.count + 1)
        guard Int32(pair) < anjian_color_pairs() else { return 0 }
        init_pair(pair, Int16(fg), Int16(bg))
        colorPairs[key] = pair
        return pair
    }

    /// Ctrl-Z in raw mode: give the terminal back, stop, and repaint on return.
    public func suspend() {
        endwin()
        kill(getpid(), SIGTSTP)
        refresh()
        invalidate()
    }
}

/// The last termination signal received; 0 for none. Written only by the handler.
nonisolated(unsafe) private var receivedTerminationSignal: sig_atomic_t = 0

extension Terminal {
    /// SIGTERM, SIGHUP (a lost terminal, an SSH drop) and SIGINT are only recorded here: the
    /// handler does nothing else, as only async-signal-safe work may be done there. Without
    /// SA_RESTART the wait for a key returns, and the main loop keeps what can be kept (a
    /// half-filled form as a draft), restores the terminal and exits.
    public static func watchTerminationSignals() {
        for sig in [SIGTERM, SIGHUP, SIGINT] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { received in receivedTerminationSignal = received }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(sig, &action, nil)
        }
    }

    /// The termination signal received since the program started, or nil.
    public static var terminationSignal: Int32? {
        receivedTerminationSignal == 0 ? nil : receivedTerminationSignal
    }
}
