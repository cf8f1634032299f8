import AnjianText
import AnjianModel
import AnjianScreen

/// Sizes shared by the screens.
public enum Layout {
    public static let minimumWidth = 60
    public static let minimumHeight = 12
    /// Title bar, table header, message/filter line, status line.
    static let listChrome = 4
    static let gap = 1
    /// Selection marker before each row.
    static let marker = 2
}

/// Styles, with or without colour (`NO_COLOR`). Meaning is never carried by colour
/// alone: every coloured value also has a text marker (`重大!`, `黑榜!`).
struct Theme {
    let color: Bool
    var title: Style { Style(bold: true, reverse: true) }
    var header: Style { Style(bold: true, underline: true) }
    var selected: Style { Style(reverse: true) }
    var status: Style { Style(reverse: true) }
    var label: Style { Style(bold: true) }
    var dim: Style { Style(dim: true) }
    var error: Style { Style(foreground: color ? .red : nil, bold: true) }

    func risk(_ grade: RiskGrade) -> Style {
        guard color else { return grade == .major ? Style(bold: true) : .plain }
        switch grade {
        case .major: return Style(foreground: .red, bold: true)
        case .high: return Style(foreground: .yellow)
        case .moderate: return .plain
        case .low: return Style(foreground: .blue)
        }
    }

    /// Overdue (rectification red, verification yellow), due soon (yellow) and major hazards stand
    /// out, closed ones are dim; the text carries a marker too (`逾N天!`, `验收逾N天!`, `N天后到期`, `重大隐患!`).
    func hazard(_ hazard: Hazard, timing: HazardTiming?) -> Style {
        switch timing {
        case .rectificationOverdue?: return Style(foreground: color ? .red : nil, bold: true)
        case .verificationOverdue?: return Style(foreground: color ? .yellow : nil, bold: true)
        case .dueSoon?: return Style(foreground: color ? .yellow : nil)
        case .closedLate?, nil: break
        }
        if hazard.level == .major { return Style(foreground: color ? .magenta : nil, bold: !color) }
        if hazard.isClosed { return Style(dim: true) }
        return .plain
    }

    func integrity(_ status: IntegrityStatus) -> Style {
        guard color else { return status == .black ? Style(bold: true) : .plain }
        switch status {
        case .none: return .plain
        case .red: return Style(foreground: .green)
        case .black: return Style(foreground: .magenta, bold: true)
        }
    }
}

/// The parts every screen draws around its content: title bar with the view tabs, the
/// message line, the filter line, the status line.
enum Chrome {
    static func renderTooSmall(_ context: Context, into screen: inout Screen) {
        let (width, height) = (context.width, context.height)
        let text = context.strings.tooSmall(width, height, Layout.minimumWidth, Layout.minimumHeight)
        let lines = text.wrapped(toWidth: max(1, width))
        let top = max(0, (height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let x = max(0, (width - line.displayWidth) / 2)
            screen.put(line, x: x, y: top + i)
        }
    }

    /// Top row: the app, the view tabs, and on the right the data directory.
    static func renderTitle(_ context: Context, tab current: ViewID, subtitle: String, into screen: inout Screen) {
        let s = context.strings
        let theme = context.theme
        let session = context.session
        screen.fill(y: 0, style: theme.title)
        let demo = (session.readOnly != nil ? "[\(s[.readOnlyTag])] " : "") + (session.isDemo ? "[\(s[.demoData])] " : "")
        // The tabs closer together when the demo and read-only marks would not fit beside them.
        func tab(_ view: TopLevelView, compact: Bool) -> String {
            let text = "\(view.id) \(s[view.title])"
            return view.id == current ? "[" + text + "]" : (compact ? text : " " + text + " ")
        }
        func tabsWidth(compact: Bool) -> Int { Registry.views.reduce(0) { $0 + tab($1, compact: compact).displayWidth + 1 } }
        let name = " " + s[.appTitle] + " "
        func fits(name: String, compact: Bool, subtitle: String) -> Bool {
            name.displayWidth + tabsWidth(compact: compact) + (subtitle.isEmpty ? 0 : 1 + subtitle.displayWidth) + demo.displayWidth + 1
                <= screen.width
        }
        // Narrower, the app's name gives way (the tabs say where one is), then the subtitle (the
        // status line shows the count too): never the tabs or the marks.
        let compact = !fits(name: name, compact: false, subtitle: subtitle)
        let shownName = !compact || fits(name: name, compact: true, subtitle: subtitle) ? name : " "
        let subtitle = fits(name: shownName, compact: compact, subtitle: subtitle) ? subtitle : ""
        var x = screen.put(shownName, x: 0, y: 0, style: theme.title)
        for view in Registry.views {
            x += screen.put(tab(view, compact: compact), x: x, y: 0, style: view.id == current ? Style(bold: true, reverse: false) : theme.title)
            x += screen.put(" ", x: x, y: 0, style: theme.title)
        }
        if !subtitle.isEmpty { x += screen.put(" " + subtitle, x: x, y: 0, style: theme.title) }
        let room = screen.width - x - 1
        // The data directory when it fits, else its tail, else only the demo marker.
        let label = s[.dataDirectory] + " "
        var right = demo + label + session.dataPath + " "
        if right.displayWidth > room {
            let pathRoom = room - demo.displayWidth - label.displayWidth - 2
            right = pathRoom >= 12 ? demo + label + "…" + tail(of: session.dataPath, width: pathRoom - 1) + " " : demo
        }
        if right.displayWidth <= room {
            screen.put(right, x: screen.width - right.displayWidth, y: 0, style: theme.title)
        }
    }

    /// The end of a text that fits in `width` cells.
    static func tail(of text: String, width: Int) -> String {
        var result = ""
        for character in text.reversed() {
            if (result.displayWidth + DisplayWidth.of(character)) > width { break }
            result.insert(character, at: result.startIndex)
        }
        return result
    }

    /// The start of every status line: demo data, read-only, the operator.
    static func statusPrefix(_ context: Context) -> String {
        let s = context.strings
        return (context.session.isDemo ? "[\(s[.demoData])] " : "") + (context.session.readOnly != nil ? "[\(s[.readOnlyTag])] " : "")
            + (context.ledger.loading.map { "[\(s.loadingTag($0.done, $0.total))] " } ?? "")
            + operatorText(context) + " · "
    }

    /// Rows between the title and the message line of a scrolling page.
    static func pageBodyHeight(_ context: Context) -> Int { context.height - 3 }

    /// The operator for the status line.
    static func operatorText(_ context: Context) -> String {
        context.session.signer.map { context.strings.operatorLabel($0.name) } ?? context.strings[.noOperator]
    }

    /// The line above the status line: the transient message, or in read-only mode
    /// the banner naming who holds the data directory.
    static func renderMessage(_ context: Context, into screen: inout Screen) {
        guard let text = context.message ?? context.session.readOnlyMessage else { return }
        screen.put(text, x: 1, y: screen.height - 2, style: context.theme.label, maxWidth: screen.width - 2)
    }

    /// The filter line of a list: the prompt and text with the real cursor on the caret
    /// while typing; otherwise the message.
    static func renderFilterLine(_ context: Context, input: TextInput, active: Bool, into screen: inout Screen) {
        let row = screen.height - 2
        let theme = context.theme
        guard active || !input.isEmpty else {
            renderMessage(context, into: &screen)
            return
        }
        let x = screen.put("/ " + context.strings[.filterPrompt], x: 0, y: row, style: theme.label)
        let room = max(1, screen.width - x - 1)
        let (visible, caret) = active ? FormView.window(input, width: room) : (input.text.truncated(toWidth: room), 0)
        screen.put(visible, x: x, y: row, maxWidth: room)
        if active { screen.cursor = (x + caret, row) }
        if let message = context.message {
            screen.put(message, x: max(0, screen.width - message.displayWidth - 1), y: row, style: theme.label)
        }
    }

    /// Bottom row: the mode on the left, the hints of the bindings on the right, generated from
    /// the keymap. The left side keeps its room up to two thirds of the line, the keys get the
    /// rest; hints that do not fit are left out whole, from the end, the help key's last, and a
    /// left side cut short ends in "…".
    static func renderStatus(_ left: String, bindings: [KeyBinding], context: Context, into screen: inout Screen) {
        let s = context.strings
        let width = screen.width
        var entries = bindings.compactMap { binding in
            binding.hint.map { (text: binding.keys[0].displayName + " " + s[$0], isHelp: binding.action == .help) }
        }
        func joined() -> String { entries.map(\.text).joined(separator: "  ") }
        // The left side (mode, counts) keeps its room up to two thirds of the line.
        let room = min(width - min(left.displayWidth + 1, width * 2 / 3) - 3, width - width / 3)
        while joined().displayWidth > room, let i = entries.lastIndex(where: { !$0.isHelp }) ?? entries.indices.last {
            entries.remove(at: i)
        }
        let right = joined()
        let y = screen.height - 1
        screen.fill(y: y, style: context.theme.status)
        screen.put(" " + left.truncated(toWidth: width - right.displayWidth - 3), x: 0, y: y, style: context.theme.status)
        screen.put(right, x: width - right.displayWidth - 1, y: y, style: context.theme.status)
    }
}
