import AnjianModel
import AnjianRuntime
import AnjianScreen
import AnjianText

/// A draw's plan before it is kept: the seed and the figures, the inputs, one line per enterprise
/// drawn with its team (as `anjian draw` prints them), the fingerprints. Enter (or Ctrl-S) keeps
/// it: the runner writes the draw record and one planned visit per team, and the app goes back
/// to view 3, where they show; `e` goes back to the form with the inputs as they were.
struct DrawPlanScreen: ScreenComponent {
    let record: DrawRecord
    /// The form it came from, reopened by `e` as it was (the seed included).
    let form: DrawFormModal
    var page = PageState()
    var helpTitle: Text { .helpDrawPlan }

    init(record: DrawRecord, form: DrawFormModal, context: inout Context) {
        self.record = record
        self.form = form
        layout(context)
    }

    static let keepKeys: [Key] = [.enter, .control("s")]

    func keymap(_ context: Context) -> [KeyBinding] {
        Keymap.pageScroll + [
            KeyBinding(keys: [.pageUp, .control("b")], action: .pageUp, text: .actionPageUp),
            KeyBinding(keys: [.pageDown, .control("f"), .character(" ")], action: .pageDown, text: .actionPageDown),
            KeyBinding(keys: Self.keepKeys, action: .keepDraw, text: .actionKeepDraw, hint: .hintKeepDraw),
            KeyBinding(keys: [.character("e")], action: .changeDraw, text: .actionChangeDraw, hint: .hintChangeDraw),
        ] + Keymap.backViewsHelp
    }

    mutating func perform(_ action: Action, key: Key, context: inout Context) -> [Command] {
        if page.move(action, body: PageState.bodyHeight(context)) { return [] }
        switch action {
        case .keepDraw: return [.save(.recordDraw(record))]
        case .changeDraw: return [.back, .present(form)]
        case .back: return [.back]
        default: return []
        }
    }

    mutating func refresh(_ change: Change, context: inout Context) {
        if case .resized = change { layout(context) }
    }

    /// The plan's lines, wrapped to the width (a team's continuation lines indented under its name).
    mutating func layout(_ context: Context) {
        let s = context.strings
        let theme = context.theme
        let width = max(20, context.width - 2)
        var lines: [PageLine] = []
        func add(_ text: String, style: Style = .plain, indent: Int = 0) {
            let pad = String(repeating: " ", count: indent)
            for (i, part) in text.wrapped(toWidth: width - indent).enumerated() {
                lines.append(PageLine(label: (i == 0 ? "" : pad) + part, value: "", style: style, isHeader: true))
            }
        }
        add(s.drawPreviewHeader(seed: record.inputs.seed, drawn: record.teams.count, candidates: record.candidateCount,
                                date: record.inputs.date), style: Style(bold: true))
        add(s.drawInputsLine(record.inputs), style: theme.label)
        lines.append(PageLine(label: "", value: "", isHeader: true))
        for (i, team) in record.teams.enumerated() {
            let enterprise = context.ledger.directory.index(of: team.enterpriseCode).map { context.ledger.enterprises[$0] }
            add(s.drawPlanLine(i + 1, team, enterprise: enterprise), indent: String(i + 1).count + 2)
        }
        lines.append(PageLine(label: "", value: "", isHeader: true))
        for line in s.drawFingerprints(candidates: record.candidateFingerprint, roster: record.rosterFingerprint).split(separator: "\n") {
            add(String(line), style: theme.dim)
        }
        lines.append(PageLine(label: "", value: "", isHeader: true))
        add(s.drawPreviewKeep(key: Self.keepKeys[0].displayName, visits: record.teams.count), style: Style(bold: true))
        page.layout(lines, body: PageState.bodyHeight(context))
    }

    func render(_ context: Context, into screen: inout Screen) {
        let s = context.strings
        Chrome.renderTitle(context, tab: context.view, subtitle: s[.helpDrawPlan], into: &screen)
        page.render(context, into: &screen)
        let body = PageState.bodyHeight(context)
        let count = page.lines.count
        let position = count > body ? s.readingLine(page.scroll + 1, count) : ""
        Chrome.renderStatus(position, bindings: hintBindings(context), context: context, into: &screen)
    }
}
