import AnjianScreen
import AnjianText

/// Help generated from the keymaps that handle the keys.
enum HelpView {
    static func sections(_ state: AppState) -> [(title: Text, entries: [(keys: String, text: Text)])] {
        func entries(_ bindings: [KeyBinding]) -> [(keys: String, text: Text)] {
            bindings.map { (keys: $0.keys.map(\.displayName).joined(separator: " "), text: $0.text) }
        }
        var result: [(Text, [(keys: String, text: Text)])] = []
        switch state.route {
        case .enterprises:
            result.append((.helpList, entries(Keymap.list)))
            result.append((.helpFilter, entries(Keymap.filtering) + Keymap.textEditing))
        case .enterprise:
            result.append((.helpDetail, entries(Keymap.detail)))
        case .supervisions:
            result.append((.helpSupervisionList, entries(Keymap.supervisionList)))
            result.append((.helpFilter, entries(Keymap.filtering) + Keymap.textEditing))
        case .supervision:
            result.append((.helpSupervision, entries(Keymap.supervision)))
        case .hazards:
            result.append((.helpHazardList, entries(Keymap.hazardList)))
            result.append((.helpFilter, entries(Keymap.filtering) + Keymap.textEditing))
        case .hazard:
            result.append((.helpHazard, entries(Keymap.hazard)))
        }
        result.append((.helpForm, Keymap.form + Keymap.textEditing))
        result.append((.helpGlobal, entries(Keymap.global)))
        result.append((.helpHelp, entries(Keymap.help)))
        return result
    }

    static func lines(_ state: AppState) -> [(text: String, isTitle: Bool)] {
        let s = state.strings
        var lines: [(String, Bool)] = []
        for (title, entries) in sections(state) {
            if !lines.isEmpty { lines.append(("", false)) }
            lines.append((s[title], true))
            for entry in entries {
                lines.append(("  " + entry.keys.padded(toWidth: 24) + "  " + s[entry.text], false))
            }
        }
        return lines
    }

    /// Rows of help text on screen: all but the title and status lines.
    static func bodyHeight(_ state: AppState) -> Int { max(1, state.height - 2) }

    static func render(_ state: AppState, theme: Theme, into screen: inout Screen) {
        let s = state.strings
        AppView.renderTitle(state, theme: theme, subtitle: s[.helpTitle], into: &screen)
        let all = lines(state)
        let body = bodyHeight(state)
        let scroll = min(state.helpScroll, max(0, all.count - body))
        for (i, line) in all.dropFirst(scroll).prefix(body).enumerated() {
            screen.put(line.text, x: 1, y: 1 + i, style: line.isTitle ? theme.header : .plain, maxWidth: screen.width - 2)
        }
        AppView.renderStatus(s[.helpTitle], right: s[.helpClose], theme: theme, into: &screen)
    }
}
