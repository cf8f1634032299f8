import AnjianText
import AnjianModel
import AnjianScreen

/// View 5: the ledger's figures over a period and a district, as tables with bars and
/// 12-month sparklines. The figures are `LedgerStatistics`, the ones `anjian stats` prints;
/// Enter on a figure opens view 2 or 3 with the criteria that select exactly its records.
struct StatisticsScreen: ScreenComponent {
    enum PeriodKind: Int, CaseIterable, Sendable { case year, quarter, month, all, custom }

    /// What a selectable line opens.
    enum Figure: Sendable, Equatable {
        case hazards(HazardCriteria, count: Int)
        case entries(SupervisionCriteria, count: Int)
        case enterprise(code: String)
    }

    var kind = PeriodKind.year
    /// A day of the year, quarter or month shown (`[` and `]` move it).
    var anchor: String
    var custom = StatisticsPeriod()
    var district: String?
    private(set) var statistics: LedgerStatistics?
    /// A record was saved since the figures were counted; `counted`: the day they were counted on.
    private var stale = false
    private var counted = ""
    private(set) var lines: [Line] = []
    private(set) var figures: [Figure] = []
    var page = PageState()

    struct Line: Sendable {
        var text: String
        var style: Style = .plain
        var target: Int? = nil
    }

    var tab: ViewID { 5 }
    var isTopLevel: Bool { true }
    var helpTitle: Text { .helpStatistics }

    init(context: inout Context) {
        anchor = context.today
        recompute(&context)
    }

    var period: StatisticsPeriod {
        switch kind {
        case .year: return .year(of: anchor)
        case .quarter: return .quarter(of: anchor)
        case .month: return .month(of: anchor)
        case .all: return StatisticsPeriod()
        case .custom: return custom
        }
    }

    static let keymapBindings: [KeyBinding] = Keymap.pageScroll + [
        KeyBinding(keys: [.pageUp, .control("b")], action: .pageUp, text: .actionPageUp),
        KeyBinding(keys: [.pageDown, .control("f"), .character(" ")], action: .pageDown, text: .actionPageDown),
        KeyBinding(keys: [.home, .character("g")], action: .moveTop, text: .actionTop),
        KeyBinding(keys: [.end, .character("G")], action: .moveBottom, text: .actionBottom),
        KeyBinding(keys: [.enter], action: .open, text: .actionStatisticsOpen, hint: .hintStatisticsRecords),
        KeyBinding(keys: [.character("p")], action: .statisticsPeriod, text: .actionStatisticsPeriod, hint: .hintStatisticsPeriod),
        KeyBinding(keys: [.character("["), .character("]")], action: .statisticsShift, text: .actionStatisticsShift),
        KeyBinding(keys: [.character("c")], action: .statisticsCustom, text: .actionStatisticsCustom),
        KeyBinding(keys: [.character("d")], action: .statisticsDistrict, text: .actionStatisticsDistrict, hint: .hintStatisticsDistrict),
    ]

    func keymap(_ context: Context) -> [KeyBinding] {
        Self.keymapBindings + Registry.bindings + Keymap.helpAndQuit
    }

    func offers(_ action: Action, _ context: Context) -> Bool {
        action == .open ? page.selection != nil : true
    }

    mutating func perform(_ action: Action, key: Key, context: inout Context) -> [Command] {
        if page.move(action, body: Self.body(context)) { return [] }
        switch action {
        case .open:
            guard let selection = page.selection, figures.indices.contains(selection) else { return [] }
            return Self.open(figures[selection], context: &context)
        case .statisticsPeriod:
            kind = PeriodKind(rawValue: (kind.rawValue + 1) % PeriodKind.allCases.count)!
            if kind == .custom {
                if custom.isOpen { custom = .year(of: anchor) }
                return [.present(PeriodForm(custom, strings: context.strings, today: context.today))]
            }
        case .statisticsShift:
            let step: Int
            switch kind {
            case .year: step = 12
            case .quarter: step = 3
            case .month: step = 1
            case .all, .custom: return []
            }
            let (year, month) = CalendarMonth.shifted(anchor, by: key == .character("[") ? -step : step)
            anchor = CalendarMonth.firstDay(year, month)
        case .statisticsCustom:
            return [.present(PeriodForm(kind == .custom || !custom.isOpen ? custom : period, strings: context.strings, today: context.today))]
        case .statisticsDistrict:
            let names = District.all.map(\.name)
            if let district, let i = names.firstIndex(of: district) {
                self.district = i + 1 < names.count ? names[i + 1] : nil
            } else {
                district = names.first
            }
        default: return []
        }
        recompute(&context)
        return []
    }

    mutating func deliver(_ delivery: Delivery, context: inout Context) {
        guard case .statisticsPeriod(let chosen) = delivery else { return }
        custom = chosen
        kind = .custom
        recompute(&context)
    }

    mutating func refresh(_ change: Change, context: inout Context) {
        switch change {
        case .resized: layout(context)
        // Saves come from forms over other screens: counted again when this view shows.
        case .saved, .inspectorSaved: stale = true
        case .shown where !stale && counted == context.today: break
        case .shown, .reloaded: recompute(&context)
        }
    }

    /// What Enter on a figure opens: the list with the figure's criteria and no text filter.
    static func open(_ figure: Figure, context: inout Context) -> [Command] {
        switch figure {
        case .hazards(let criteria, _): return [.showView(2), .deliver(.hazardFigure(criteria))]
        case .entries(let criteria, _): return [.showView(3), .deliver(.supervisionFigure(criteria))]
        case .enterprise(let code):
            guard let index = context.ledger.directory.index(of: code) else { return [] }
            return [.open(EnterprisePageScreen(enterprise: index, context: &context))]
        }
    }

    /// The figures again (the period, district, ledger or day changed), then the lines.
    mutating func recompute(_ context: inout Context) {
        stale = false
        counted = context.today
        if context.ledger.loading != nil {
            statistics = nil
        } else {
            let ledger = context.ledger
            statistics = LedgerStatistics(enterprises: ledger.enterprises, hazards: ledger.hazards, supervisions: ledger.supervisions,
                                          period: period, district: district, today: context.today,
                                          verificationDays: context.verificationDays)
        }
        layout(context)
    }

    mutating func layout(_ context: Context) {
        var builder = StatisticsLines(strings: context.strings, theme: context.theme, width: context.width,
                                      period: period, district: district)
        if let statistics { builder.build(statistics) }
        lines = builder.lines
        figures = builder.figures
        page.layout(lines.map { PageLine(label: "", value: "", target: $0.target) }, body: Self.body(context))
    }

    /// The rows of lines: the page's, less the heading.
    static func body(_ context: Context) -> Int { max(1, Chrome.pageBodyHeight(context) - 1) }

    func render(_ context: Context, into screen: inout Screen) {
        let s = context.strings
        let theme = context.theme
        Chrome.renderTitle(context, tab: tab, subtitle: "", into: &screen)
        let heading = s.statisticsHeading(kind: s.statisticsPeriodKind(kind.rawValue), since: period.since, until: period.until,
                                          district: district)
        screen.put(heading, x: 1, y: 1, style: theme.label, maxWidth: screen.width - 2)
        if statistics == nil {
            screen.put(s[.statisticsLoading], x: 1, y: 2, maxWidth: screen.width - 2)
        }
        for (i, line) in lines.dropFirst(page.scroll).prefix(Self.body(context)).enumerated() {
            let y = 2 + i
            if let target = line.target {
                let selected = target == page.selection
                let style = selected ? theme.selected : line.style
                if selected { screen.fill(x: 0, y: y, style: style) }
                screen.put((selected ? "> " : "  ") + line.text, x: 1, y: y, style: style, maxWidth: screen.width - 2)
            } else {
                screen.put(line.text, x: 1, y: y, style: line.style, maxWidth: screen.width - 2)
            }
        }
        Chrome.renderMessage(context, into: &screen)
        Chrome.renderStatus(Chrome.statusPrefix(context) + s[.viewStatistics], bindings: hintBindings(context), context: context, into: &screen)
    }
}

/// The custom period: two dates, either may be empty.
struct PeriodForm: ModalComponent {
    var form: Form
    var writes: Bool { false }

    init(_ period: StatisticsPeriod, strings s: Strings, today: String) {
        form = Form(title: s[.statisticsCustomTitle], fields: [
            FormField(id: "since", label: s[.fieldPeriodSince], kind: .date, text: period.since ?? "", width: 12),
            FormField(id: "until", label: s[.fieldPeriodUntil], kind: .date, text: period.until ?? "", width: 12),
        ], today: today)
        form.message = s[.statisticsCustomHelp]
    }

    mutating func handle(_ event: InputEvent, context: inout Context) -> [Command] {
        switch event {
        case .key(.enter): return chosen(context.strings)
        case .key(.escape): return [.closeModal]
        default: break
        }
        switch form.handle(event) {
        case .save: return chosen(context.strings)
        case .cancel: return [.closeModal]
        default: return []
        }
    }

    private mutating func chosen(_ s: Strings) -> [Command] {
        var days: [String?] = []
        for id in ["since", "until"] {
            let text = form.value(id).trimmingCharacters(in: .whitespaces)
            if !text.isEmpty, !CalendarDate.isValid(text), let i = form.index(of: id) {
                form.message = s.filterBadDate(form.fields[i].label, text)
                return []
            }
            days.append(text.isEmpty ? nil : text)
        }
        if let since = days[0], let until = days[1], since > until {
            form.message = s.statisticsReversed(since, until)
            return []
        }
        return [.deliver(.statisticsPeriod(StatisticsPeriod(since: days[0], until: days[1]))), .closeModal]
    }
}
