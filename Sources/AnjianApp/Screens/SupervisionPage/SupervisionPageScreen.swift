import AnjianText
import AnjianModel
import AnjianRuntime
import AnjianScreen

/// One supervision entry, read-only, with the hazards found on it (selectable, opened with
/// Enter) and its history as a timeline.
struct SupervisionPageScreen: ScreenComponent {
    let code: String
    let id: String
    var page = PageState()
    /// The ids of the hazards listed, in target order.
    private(set) var hazards: [String] = []
    var helpTitle: Text { .helpSupervision }

    init(code: String, id: String, context: inout Context) {
        self.code = code
        self.id = id
        layout(context)
    }

    func keymap(_ context: Context) -> [KeyBinding] {
        Keymap.pageScroll + [
            KeyBinding(keys: [.enter], action: .open, text: .openHazard, hint: .hintOpen),
            Keymap.resolveConflicts,
            KeyBinding(keys: [.character("e")], action: .edit, text: .actionEdit, hint: .hintEdit),
            KeyBinding(keys: [.character("h")], action: .newHazard, text: .actionNewHazard, hint: .hintHazard),
            Keymap.print,
        ] + Keymap.backViewsHelp
    }

    mutating func perform(_ action: Action, key: Key, context: inout Context) -> [Command] {
        if page.move(action, body: PageState.bodyHeight(context)) { return [] }
        switch action {
        case .back: return [.back]
        case .open:
            guard let selection = page.selection, hazards.indices.contains(selection) else { return [] }
            return [.open(HazardPageScreen(code: code, id: hazards[selection], context: &context))]
        case .edit:
            guard let entry = context.ledger.supervisionEntry(code, id), let index = context.ledger.directory.index(of: code) else { return [] }
            return [.present(SupervisionForm.edit(entry, of: index, context: context))]
        case .newHazard:
            guard let index = context.ledger.directory.index(of: code) else { return [] }
            if context.ledger.supervisionEntry(code, id)?.isPlanned == true { return [.message(context.strings.plannedVisitNotMade)] }
            return [.present(HazardForm.new(for: index, supervisionID: id, context: context))]
        case .resolveConflicts:
            guard let entry = context.ledger.supervisionEntry(code, id), let form = ConflictForm(.supervision(entry), context: context) else {
                return [.message(context.strings[.noConflictsHere])]
            }
            return [.present(form)]
        case .printDocument:
            guard let entry = context.ledger.supervisionEntry(code, id) else { return [] }
            switch PrintMenu.forVisit(entry, context: context) {
            case .success(let menu): return [.present(menu)]
            case .failure(let refusal): return [.message(refusal.message)]
            }
        default: return []
        }
    }

    mutating func refresh(_ change: Change, context: inout Context) {
        layout(context)
        // A hazard just registered on this visit (or changed from its page) is selected.
        if case .saved(.hazard(let hazard)) = change, let index = hazards.firstIndex(of: hazard.id) {
            page.select(index, body: PageState.bodyHeight(context))
        }
    }

    /// Whether Enter has a hazard to open.
    func offers(_ action: Action, _ context: Context) -> Bool {
        if action == .resolveConflicts { return context.ledger.supervisionEntry(code, id)?.hasConflicts ?? false }
        return action != .open || page.selection != nil
    }

    /// One line for lists: date time, kind, inspectors, conclusion.
    static func summary(_ e: SupervisionEntry, strings s: Strings) -> String {
        [e.date + " " + e.time, s.kind(e.kind), e.inspectors.map(\.name).joined(separator: "、"), s.conclusion(of: e)]
            .joined(separator: "  ")
    }

    mutating func layout(_ context: Context) {
        let s = context.strings
        let ledger = context.ledger
        guard let e = ledger.supervisionEntry(code, id) else { return page.layout([], body: PageState.bodyHeight(context)) }
        let valueWidth = PageState.valueWidth(s, width: context.width)
        var lines = ConflictMarks.lines(.supervision(e), strings: s, theme: context.theme, valueWidth: valueWidth)
        func add(_ label: String, _ value: String, bold: Bool = false) {
            lines += PageLine.wrapped(label, value, style: bold ? Style(bold: true) : .plain, valueWidth: valueWidth)
        }
        let enterprise = ledger.directory.index(of: code).map { EnterpriseMarks.withList(ledger.enterprises[$0], s) } ?? code
        add(s[.colEnterprise], enterprise, bold: true)
        // A file written by others may break the rules the form enforces: said here, as on load.
        for issue in e.ruleIssues(now: context.session.clock(), in: context.session.timeZone) {
            lines.append(PageLine(label: "", value: "! " + s.problem(issue.problem), style: context.theme.error))
        }
        add(s[.fieldDate], e.date + " " + e.time + "    " + e.id)
        add(s[.fieldKind], s.kind(e.kind))
        for (i, inspector) in e.inspectors.enumerated() {
            add(s.fieldInspector(i + 1), inspector.name + "  " + s[.fieldCertificate] + " " + inspector.certificateNumber)
        }
        add(s[.fieldAccompanying], [e.accompanying.name, e.accompanying.position, e.accompanying.phone].joined(separator: "  "))
        add(s[.fieldItemsChecked], e.itemsChecked.isEmpty ? s[.noneValue] : e.itemsChecked)
        add(s[.fieldFindings], e.findings.isEmpty ? s[.noneValue] : e.findings)
        add(s[.fieldConclusion], s.conclusion(of: e), bold: e.conclusion != .noProblem || e.isPlanned)
        if let draw = e.drawID { add(s.drawLabel, s.drawNote(draw, planned: e.isPlanned)) }
        let found = ledger.hazards(foundOn: e)
        if !found.isEmpty {
            lines.append(PageLine(label: "", value: ""))
            lines.append(PageLine(label: s.visitHazardsSection(found.count), value: "", style: context.theme.header, isHeader: true))
            for (i, hazard) in found.enumerated() {
                let timing = hazard.timing(today: context.today, verificationDays: context.session.verificationDays)
                lines.append(PageLine(label: "", value: ConflictMarks.listed(hazard, HazardPageScreen.summary(hazard, strings: s, timing: timing), s),
                                      style: context.theme.hazard(hazard, timing: timing), target: i))
            }
        }
        hazards = found.map(\.id)
        lines += DocumentLines.lines(e.documents, context: context)
        lines += HistoryLines.lines(e.history, strings: s, valueWidth: valueWidth) { ledger.hazard(e.enterpriseCode, $0)?.number }
        page.layout(lines, body: PageState.bodyHeight(context))
    }

    func render(_ context: Context, into screen: inout Screen) {
        let s = context.strings
        Chrome.renderTitle(context, tab: context.view, subtitle: s[.supervisionTitle], into: &screen)
        page.render(context, into: &screen)
        Chrome.renderStatus(id, bindings: hintBindings(context), context: context, into: &screen)
    }
}
