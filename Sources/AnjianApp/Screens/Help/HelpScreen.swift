import AnjianScreen
import AnjianText

extension HelpSection {
    /// One line per binding; neighbours that do the same (`Left` and `Right` move the caret)
    /// share a line.
    static func entries(_ bindings: [KeyBinding]) -> [(keys: String, text: Text)] {
        var result: [(keys: String, text: Text)] = []
        for binding in bindings {
            let keys = binding.keys.map(\.displayName).joined(separator: " ")
            if let last = result.last, last.text == binding.text {
                result[result.count - 1].keys += " " + keys
            } else {
                result.append((keys, binding.text))
            }
        }
        return result
    }
}

/// Help for the screen it was opened from, generated from that screen's keymap: the keys
/// listed are the keys handled.
struct HelpScreen: ScreenComponent {
    let lines: [(text: String, isTitle: Bool)]
    private(set) var scroll = 0
    var helpTitle: Text { .helpHelp }

    static let bindings: [KeyBinding] = [
        KeyBinding(keys: [.up, .character("k")], action: .moveUp, text: .actionScrollUp),
        KeyBinding(keys: [.down, .character("j")], action: .moveDown, text: .actionScrollDown),
        KeyBinding(keys: [.pageUp, .control("b")], action: .pageUp, text: .actionPageUp),
        KeyBinding(keys: [.pageDown, .control("f"), .character(" ")], action: .pageDown, text: .actionPageDown),
        KeyBinding(keys: [.home, .character("g")], action: .moveTop, text: .actionTop),
        KeyBinding(keys: [.end, .character("G")], action: .moveBottom, text: .actionBottom),
        KeyBinding(keys: [.escape, .character("q"), .character("?"), .function(1)], action: .back, text: .actionBack, hint: .hintBack),
    ]

    init(for screen: any ScreenComponent, context: Context) {
        let sections = [HelpSection(title: screen.helpTitle, entries: HelpSection.entries(screen.keymap(context)))]
            + screen.extraHelp(context) + [
                HelpSection(title: .helpForm, entries: HelpSection.entries(Keymap.form + Keymap.textEditing)),
                HelpSection(title: .helpGlobal, entries: HelpSection.entries(Keymap.global)),
                HelpSection(title: .helpHelp, entries: HelpSection.entries(Self.bindings)),
            ]
        let s = context.strings
        var lines: [(String, Bool)] = []
        for section in sections {
            if !lines.isEmpty { lines.append(("", false)) }
            lines.append((s[section.title], true))
            for entry in section.entries {
                lines.append(("  " + entry.keys.padded(toWidth: 24) + "  " + s[entry.text], false))
            }
        }
        self.lines = lines
    }

    func keymap(_ context: Context) -> [KeyBinding] { Self.bindings }

    /// Rows of help text on screen: all but the title and status lines.
    static func bodyHeight(_ context: Context) -> Int { max(1, context.height - 2) }

    mutating func perform(_ action: Action, key: Key, context: inout Context) -> [Command] {
        let page = Self.bodyHeight(context)
        let last = max(0, lines.count - page)
        switch action {
        case .moveUp: scroll -= 1
        case .moveDown: scroll += 1
        case .pageUp: scroll -= page
        case .pageDown: scroll += page
        case .moveTop: scroll = 0
        case .moveBottom: scroll = last
        case .back: return [.back]
        default: break
        }
        scroll = max(0, min(scroll, last))
        return []
    }

    func render(_ context: Context, into screen: inout Screen) {
        let s = context.strings
        Chrome.renderTitle(context, tab: context.view, subtitle: s[.helpTitle], into: &screen)
        let body = Self.bodyHeight(context)
        let shown = min(scroll, max(0, lines.count - body))
        for (i, line) in lines.dropFirst(shown).prefix(body).enumerated() {
            screen.put(line.text, x: 1, y: 1 + i, style: line.isTitle ? context.theme.header : .plain, maxWidth: screen.width - 2)
        }
        Chrome.renderStatus(s[.helpTitle], bindings: Self.bindings, context: context, into: &screen)
    }
}
