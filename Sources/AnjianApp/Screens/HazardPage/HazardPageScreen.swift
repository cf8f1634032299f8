import AnjianText
import AnjianModel
import AnjianRuntime
import AnjianScreen

/// A hazard's page: every field, the verifications, the history as a timeline, and the
/// steps its state allows, each on its own key.
struct HazardPageScreen: ScreenComponent {
    let code: String
    let id: String
    var page = PageState()
    var helpTitle: Text { .helpHazard }

    init(code: String, id: String, context: inout Context) {
        self.code = code
        self.id = id
        layout(context)
    }

    static let stepBindings: [KeyBinding] = [
        KeyBinding(keys: [.character("r")], action: .step(.rectificationStarted), text: .actStarted, hint: .actStarted),
        KeyBinding(keys: [.character("c")], action: .step(.reportedRectified), text: .actReported, hint: .actReported),
        KeyBinding(keys: [.character("v")], action: .step(.verifiedPassed), text: .actPassed, hint: .actPassed),
        KeyBinding(keys: [.character("x")], action: .step(.verificationFailed), text: .actFailed, hint: .actFailed),
        KeyBinding(keys: [.character("o")], action: .step(.reopened), text: .actReopened, hint: .actReopened),
        KeyBinding(keys: [.character("t")], action: .step(.deadlineExtended), text: .actExtended, hint: .actExtended),
    ]

    func keymap(_ context: Context) -> [KeyBinding] {
        // The links after Back: on a narrow status line their hints go before Back's.
        let back = Keymap.backViewsHelp
        // Resolving first: while the record has a conflict, its hint goes before the steps'.
        return Keymap.pageScroll + [Keymap.resolveConflicts] + Self.stepBindings
            + [KeyBinding(keys: [.character("e")], action: .edit, text: .actionEdit, hint: .hintEdit), Keymap.print]
            + back.prefix(1) + Self.linkBindings + back.dropFirst()
    }

    static let linkBindings: [KeyBinding] = [
        KeyBinding(keys: [.character("E")], action: .openEnterprise, text: .actionOpenEnterprise, hint: .hintEnterprise),
        KeyBinding(keys: [.character("S")], action: .openVisit, text: .actionOpenVisit, hint: .hintVisit),
    ]

    mutating func perform(_ action: Action, key: Key, context: inout Context) -> [Command] {
        if page.move(action, body: PageState.bodyHeight(context)) { return [] }
        guard let hazard = context.ledger.hazard(code, id) else { return action == .back ? [.back] : [] }
        switch action {
        case .back: return [.back]
        case .edit:
            guard let index = context.ledger.directory.index(of: code) else { return [] }
            return HazardForm.openEdit(hazard, of: index, context: &context)
        case .step(let step): return HazardForm.perform(step, on: hazard, context: &context)
        case .openEnterprise:
            guard let index = context.ledger.directory.index(of: code) else { return [] }
            var enterprise = EnterprisePageScreen(enterprise: index, context: &context)
            enterprise.select(.hazard(code, id), context: context)
            return [.open(enterprise)]
        case .openVisit:
            guard let visit = context.ledger.visit(of: hazard) else { return [] }
            var page = SupervisionPageScreen(code: code, id: visit.id, context: &context)
            page.refresh(.saved(.hazard(hazard)), context: &context)
            return [.open(page)]
        case .resolveConflicts:
            guard let form = ConflictForm(.hazard(hazard), context: context) else { return [.message(context.strings[.noConflictsHere])] }
            return [.present(form)]
        case .printDocument:
            switch PrintMenu.forHazard(hazard, context: context) {
            case .success(let menu): return [.present(menu)]
            case .failure(let refusal): return [.message(refusal.message)]
            }
        default: return []
        }
    }

    mutating func refresh(_ change: Change, context: inout Context) { layout(context) }

    /// One line for the enterprise page: number, level, status, deadline (marked when extended), its marker
    /// (overdue, due soon, closed late), description.
    static func summary(_ h: Hazard, strings s: Strings, timing: HazardTiming?) -> String {
        [h.number, s.level(h.level), s.status(h.status), s.deadline(h.rectification.deadline, extended: h.extensionCount > 0),
         timing.map(s.timingMarker) ?? "", h.description.replacingOccurrences(of: "\n", with: " ")]
            .filter { !$0.isEmpty }.joined(separator: "  ")
    }

    mutating func layout(_ context: Context) {
        let s = context.strings
        let ledger = context.ledger
        let body = PageState.bodyHeight(context)
        guard let h = ledger.hazard(code, id) else { return page.layout([], body: body) }
        let theme = context.theme
        let valueWidth = PageState.valueWidth(s, width: context.width)
        // A sync conflict first: nothing else on the page is settled until a side is chosen.
        var lines = ConflictMarks.lines(.hazard(h), strings: s, theme: theme, valueWidth: valueWidth)
        func add(_ label: String, _ value: String, _ style: Style = .plain) {
            lines += PageLine.wrapped(label, value.isEmpty ? s[.noneValue] : value, style: style, valueWidth: valueWidth)
        }
        let timing = h.timing(today: context.today, verificationDays: context.verificationDays)
        let enterprise = ledger.directory.index(of: code).map { EnterpriseMarks.withList(ledger.enterprises[$0], s) } ?? code
        add(s[.fieldNumber], h.number, Style(bold: true))
        add(s[.colEnterprise], enterprise)
        let timingText = timing.map { s.timingText($0, reportedOn: h.reportedRectifiedOn, verificationDays: context.verificationDays) }
        add(s[.fieldStatus], s.status(h.status) + (timingText.map { "  " + $0 } ?? ""), theme.hazard(h, timing: timing))
        add(s[.fieldLevel], s.level(h.level), h.level == .major ? Style(bold: true) : .plain)
        add(s[.fieldHazardCategory], s.hazardCategory(h.category))
        add(s[.fieldDiscoveredOn], h.discoveredOn + "  " + s[.fieldFoundBy] + " " + h.foundBy)
        add(s[.fieldLocation], h.location)
        add(s[.fieldDescription], h.description)
        if let source = h.supervisionID { add(s[.fieldSupervision], source) }
        add(s[.fieldResponsible], h.rectification.responsible)
        add(s[.fieldDeadline], h.rectification.deadline, h.isRectificationOverdue(today: context.today) ? theme.hazard(h, timing: timing) : .plain)
        if h.extensionCount > 0 { add("", s.extensions(h.extensionCount)) }
        add(s[.fieldMeasures], h.rectification.measures)
        add(s[.fieldFunds], s.funds(h.rectification.funds))
        add(s[.fieldRechecker], h.rectification.rechecker)
        add(s[.fieldContingency], h.rectification.contingencyPlan)
        if let listing = h.supervisionListing { add(s[.fieldListing], s.listing(listing), Style(bold: true)) }
        for (i, v) in h.verifications.enumerated() {
            let who = v.verifiers.map { $0.map { $0.name + "（" + $0.certificateNumber + "）" }.joined(separator: "、") } ?? v.verifier
            add(i == 0 ? s[.fieldVerifications] : "", [v.date, who, s[v.passed ? .verificationPassed : .verificationFailed], v.remark]
                .filter { !$0.isEmpty }.joined(separator: "  "))
        }
        if let closed = h.closedOn { add(s[.fieldClosedOn], closed) }
        lines += DocumentLines.lines(h.documents, context: context)
        lines += HistoryLines.lines(h.history, strings: s, valueWidth: valueWidth, dataDirectory: context.session.dataPath) {
            ledger.hazard(h.enterpriseCode, $0)?.number
        }
        page.layout(lines, body: body)
    }

    func render(_ context: Context, into screen: inout Screen) {
        let s = context.strings
        Chrome.renderTitle(context, tab: context.view, subtitle: s[.hazardTitle], into: &screen)
        page.render(context, into: &screen)
        guard let h = context.ledger.hazard(code, id) else { return }
        Chrome.renderStatus(h.number, bindings: hintBindings(context), context: context, into: &screen)
    }

    /// The steps the hazard's state allows.
    func offers(_ action: Action, _ context: Context) -> Bool {
        let hazard = context.ledger.hazard(code, id)
        if action == .openVisit { return hazard.flatMap { context.ledger.visit(of: $0) } != nil }
        if action == .resolveConflicts { return hazard?.hasConflicts ?? false }
        // The re-check opinion: once re-checked (the key still says why before).
        if action == .printDocument { return hazard.map { !$0.verifications.isEmpty } ?? false }
        guard case .step(let step) = action else { return true }
        return hazard?.allows(step) ?? false
    }
}
