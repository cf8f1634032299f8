import AnjianModel
import AnjianScreen
import AnjianText

/// Sizes shared by update (paging, scrolling) and render.
public enum Layout {
    public static let minimumWidth = 60
    public static let minimumHeight = 12
    /// Title bar, table header, message/filter line, status line.
    static let listChrome = 4
    static let nameMinimum = 24
    static let gap = 1
    /// Selection marker before each row.
    static let marker = 2

    static func width(of column: EnterpriseColumn) -> Int {
        switch column {
        case .name: return nameMinimum
        case .district: return 8
        case .industry: return 14
        case .risk: return 6
        case .integrity: return 6
        case .supervisor: return 14
        case .creditCode: return 18
        case .safetyPerson: return 10
        case .safetyPhone: return 13
        case .category: return 12
        case .shortName: return 12
        }
    }

    static let core: [EnterpriseColumn] = [.name, .district, .risk, .integrity]
    /// Added in this order while they fit; the first two need only the name's minimum.
    static let optional: [EnterpriseColumn] = [.industry, .supervisor, .safetyPerson, .creditCode, .safetyPhone, .category, .shortName]
    static let order: [EnterpriseColumn] = [.name, .district, .industry, .risk, .integrity, .safetyPerson, .safetyPhone,
                                            .creditCode, .category, .shortName, .supervisor]

    /// The columns shown at a width: the core ones always, more as the terminal widens.
    public static func visibleColumns(width: Int) -> [EnterpriseColumn] {
        columnWidths(width: width).map(\.column)
    }

    /// Column widths; the name takes what is left.
    static func columnWidths(width: Int) -> [(column: EnterpriseColumn, width: Int)] {
        var columns = core
        func used(_ list: [EnterpriseColumn]) -> Int {
            marker + list.reduce(0) { $0 + Self.width(of: $1) } + gap * (list.count - 1)
        }
        for (i, column) in optional.enumerated() {
            // Beyond industry and supervisor, add a column only where the name keeps room
            // for a typical Chinese company name (15 characters).
            let nameNeeds = i < 2 ? nameMinimum : 30
            if used(columns + [column]) - nameMinimum + nameNeeds <= width { columns.append(column) }
        }
        columns.sort { order.firstIndex(of: $0)! < order.firstIndex(of: $1)! }
        let nameWidth = max(10, nameMinimum + width - used(columns))
        return columns.map { ($0, $0 == .name ? nameWidth : Self.width(of: $0)) }
    }
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

    /// Overdue and major hazards stand out; the text carries a marker too (`逾N天!`, `重大隐患!`).
    func hazard(_ hazard: Hazard, today: String) -> Style {
        if hazard.isOverdue(today: today) { return Style(foreground: color ? .red : nil, bold: true) }
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

/// Renders the state into a screen. Pure: the same state gives the same screen.
public enum AppView {
    public static func render(_ state: AppState) -> Screen {
        var screen = Screen(width: state.width, height: state.height)
        guard state.width >= Layout.minimumWidth, state.height >= Layout.minimumHeight else {
            renderTooSmall(state, into: &screen)
            return screen
        }
        let theme = Theme(color: state.useColor)
        if let form = state.operatorForm {
            FormView.render(form, state: state, theme: theme, into: &screen)
        } else if let form = state.form {
            FormView.render(form.form, state: state, theme: theme, into: &screen)
        } else if let form = state.hazardForm {
            FormView.render(form.form, state: state, theme: theme, into: &screen)
        } else if state.showingHelp {
            HelpView.render(state, theme: theme, into: &screen)
        } else {
            switch state.route {
            case .enterprises: ListView.render(state, theme: theme, into: &screen)
            case .enterprise(let index): DetailView.render(state, enterprise: index, theme: theme, into: &screen)
            case .supervisions: SupervisionListView.render(state, theme: theme, into: &screen)
            case .supervision(let code, let id): SupervisionDetailView.render(state, code: code, id: id, theme: theme, into: &screen)
            case .hazards: HazardListView.render(state, theme: theme, into: &screen)
            case .hazard(let code, let id): HazardPageView.render(state, code: code, id: id, theme: theme, into: &screen)
            }
        }
        return screen
    }

    static func renderTooSmall(_ state: AppState, into screen: inout Screen) {
        let text = state.strings.tooSmall(state.width, state.height, Layout.minimumWidth, Layout.minimumHeight)
        let lines = text.wrapped(toWidth: max(1, state.width))
        let top = max(0, (state.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let x = max(0, (state.width - line.displayWidth) / 2)
            screen.put(line, x: x, y: top + i)
        }
    }

    /// Top row: the app, the view tabs, and on the right the data directory.
    static func renderTitle(_ state: AppState, theme: Theme, subtitle: String, into screen: inout Screen) {
        let s = state.strings
        screen.fill(y: 0, style: theme.title)
        var x = screen.put(" " + s[.appTitle] + " ", x: 0, y: 0, style: theme.title)
        let tabs: [(Int, Text)] = [(1, .viewEnterprises), (2, .viewHazards), (3, .viewSupervisions)]
        let current: Int
        switch state.route {
        case .supervisions, .supervision: current = 3
        case .hazards, .hazard: current = 2
        default: current = 1
        }
        for (n, text) in tabs {
            let label = n == current ? "[\(n) \(s[text])]" : " \(n) \(s[text]) "
            x += screen.put(label, x: x, y: 0, style: n == current ? Style(bold: true, reverse: false) : theme.title)
            x += screen.put(" ", x: x, y: 0, style: theme.title)
        }
        x += screen.put(" " + subtitle, x: x, y: 0, style: theme.title)
        let demo = (state.isReadOnly ? "[\(s[.readOnlyTag])] " : "") + (state.isDemo ? "[\(s[.demoData])] " : "")
        let room = screen.width - x - 1
        // The data directory when it fits, else its tail, else only the demo marker.
        let label = s[.dataDirectory] + " "
        var right = demo + label + state.dataPath + " "
        if right.displayWidth > room {
            let pathRoom = room - demo.displayWidth - label.displayWidth - 2
            right = pathRoom >= 12 ? demo + label + "…" + tail(of: state.dataPath, width: pathRoom - 1) + " " : demo
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
    static func statusPrefix(_ state: AppState) -> String {
        let s = state.strings
        return (state.isDemo ? "[\(s[.demoData])] " : "") + (state.isReadOnly ? "[\(s[.readOnlyTag])] " : "")
            + operatorText(state) + " · "
    }

    /// Rows between the title and the message line of a scrolling page.
    static func pageBodyHeight(_ state: AppState) -> Int { state.height - 3 }

    /// A read-only page of label / value lines (a supervision entry, a hazard), scrolled.
    static func renderPage(_ lines: [(label: String, value: String, style: Style)], state: AppState, theme: Theme,
                           into screen: inout Screen) {
        let body = pageBodyHeight(state)
        let scroll = min(state.detailScroll, max(0, lines.count - body))
        let labelWidth = DetailView.labelWidth(state.strings)
        for (i, line) in lines.dropFirst(scroll).prefix(body).enumerated() {
            screen.put(line.label.padded(toWidth: labelWidth), x: 1, y: 1 + i, style: theme.label)
            screen.put(line.value, x: labelWidth + 3, y: 1 + i, style: line.style, maxWidth: screen.width - labelWidth - 3)
        }
        renderMessage(state, theme: theme, into: &screen)
    }

    /// The operator for the status line.
    static func operatorText(_ state: AppState) -> String {
        state.signer.map { state.strings.operatorLabel($0.name) } ?? state.strings[.noOperator]
    }

    /// The line above the status line: the transient message, or in read-only mode
    /// the banner naming who holds the data directory.
    static func renderMessage(_ state: AppState, theme: Theme, into screen: inout Screen) {
        guard let text = state.message ?? state.readOnlyMessage else { return }
        screen.put(text, x: 1, y: screen.height - 2, style: theme.label, maxWidth: screen.width - 2)
    }

    /// The filter line of a list: the prompt and text with the real cursor on the caret
    /// while typing; otherwise the message.
    static func renderFilterLine(_ state: AppState, input: TextInput, active: Bool, theme: Theme, into screen: inout Screen) {
        let row = screen.height - 2
        guard active || !input.isEmpty else {
            renderMessage(state, theme: theme, into: &screen)
            return
        }
        let x = screen.put("/ " + state.strings[.filterPrompt], x: 0, y: row, style: theme.label)
        let room = max(1, screen.width - x - 1)
        let (visible, caret) = active ? FormView.window(input, width: room) : (input.text.truncated(toWidth: room), 0)
        screen.put(visible, x: x, y: row, maxWidth: room)
        if active { screen.cursor = (x + caret, row) }
        if let message = state.message {
            screen.put(message, x: max(0, screen.width - message.displayWidth - 1), y: row, style: theme.label)
        }
    }

    /// Bottom row: the mode on the left, the keys on the right.
    static func renderStatus(_ left: String, right: String, theme: Theme, into screen: inout Screen) {
        let y = screen.height - 1
        screen.fill(y: y, style: theme.status)
        // The keys get what the left side does not need, the left side at least a third.
        let rightWidth = min(right.displayWidth, max(screen.width / 2, screen.width - left.displayWidth - 4),
                             screen.width - screen.width / 3)
        screen.put(" " + left, x: 0, y: y, style: theme.status, maxWidth: screen.width - rightWidth - 2)
        let shown = right.truncated(toWidth: rightWidth)
        screen.put(shown, x: screen.width - shown.displayWidth - 1, y: y, style: theme.status)
    }
}
