import AnjianText
import AnjianModel
import AnjianRuntime
import AnjianScreen

/// An inspector's page: every field of the roster, the enterprises they are responsible for
/// (each opened with Enter), the places to avoid, and the history of the record.
struct InspectorPageScreen: ScreenComponent {
    /// The inspector, by certificate number (followed when an edit changes it).
    private(set) var certificateNumber: String
    var page = PageState()
    /// The enterprises listed, by index in the ledger, in the order of their rows.
    private(set) var targets: [Int] = []
    var helpTitle: Text { .helpInspectorPage }

    init(certificateNumber: String, context: inout Context) {
        self.certificateNumber = certificateNumber
        layout(context)
    }

    func inspector(_ context: Context) -> Inspector? {
        context.ledger.roster.inspectors.first { $0.certificateNumber == certificateNumber }
    }

    func keymap(_ context: Context) -> [KeyBinding] {
        Keymap.selectablePage(open: .rosterOpenEnterprise) + [
            KeyBinding(keys: [.character("e")], action: .edit, text: .actionEditInspector, hint: .hintEdit),
            KeyBinding(keys: [.character("r")], action: .retireOrReinstate, text: .actionRetireInspector,
                       hint: inspector(context)?.retired == nil ? .hintRosterRetire : .hintRosterReinstate),
        ] + Keymap.backViewsHelp
    }

    func offers(_ action: Action, _ context: Context) -> Bool {
        switch action {
        case .open: return page.selection != nil
        case .edit, .retireOrReinstate: return inspector(context) != nil
        case .resolveConflicts: return inspector(context)?.hasConflicts ?? false
        default: return true
        }
    }

    mutating func perform(_ action: Action, key: Key, context: inout Context) -> [Command] {
        if page.move(action, body: PageState.bodyHeight(context)) { return [] }
        switch action {
        case .back: return [.back]
        case .open:
            guard let selection = page.selection, targets.indices.contains(selection) else { return [] }
            return [.open(EnterprisePageScreen(enterprise: targets[selection], context: &context))]
        case .edit:
            guard let inspector = inspector(context) else { return [] }
            return [.present(RosterForm.edit(inspector, context: context))]
        case .retireOrReinstate:
            guard let inspector = inspector(context) else { return [] }
            return [.present(RosterForm.retirement(inspector, context: context))]
        case .resolveConflicts:
            guard let inspector = inspector(context), let form = ConflictForm(.inspector(inspector), context: context) else {
                return [.message(context.strings[.noConflictsHere])]
            }
            return [.present(form)]
        default: return []
        }
    }

    mutating func refresh(_ change: Change, context: inout Context) {
        if case .inspectorSaved(let saved, let former) = change, former == certificateNumber {
            certificateNumber = saved.certificateNumber
        }
        layout(context)
    }

    mutating func layout(_ context: Context) {
        let s = context.strings
        let theme = context.theme
        let ledger = context.ledger
        let valueWidth = PageState.valueWidth(s, width: context.width)
        guard let inspector = inspector(context) else {
            // Gone from the file (another program removed it): say so rather than show another.
            targets = []
            page.layout([PageLine(label: "", value: s.noMatches(certificateNumber), style: theme.dim)], body: PageState.bodyHeight(context))
            return
        }
        var lines = ConflictMarks.lines(.inspector(inspector), strings: s, theme: theme, valueWidth: valueWidth)
        for line in Self.fields(inspector, ledger: ledger, today: context.today, strings: s, theme: theme) {
            lines += PageLine.wrapped(line.label, line.value, style: line.style, valueWidth: valueWidth)
        }
        let enterprises = RosterFacts.enterprisesByName(ledger)[inspector.name] ?? []
        lines.append(PageLine(label: "", value: ""))
        lines.append(PageLine(label: s.enterprisesSection(enterprises.count), value: "", style: theme.header, isHeader: true))
        if enterprises.isEmpty { lines.append(PageLine(label: "", value: s[.rosterNoEnterprises], style: theme.dim)) }
        for (i, index) in enterprises.enumerated() {
            let e = ledger.enterprises[index]
            // Responsible for an enterprise they should avoid (by it or its district): marked.
            let avoided = inspector.avoidEnterprises.contains(e.creditCode) || inspector.avoidDistricts.contains(e.district)
            lines.append(PageLine(label: "", value: EnterpriseMarks.long(e.name, e, s) + "  " + s.district(e.district) + "  " + e.creditCode
                                  + (avoided ? "  " + s[.rosterAvoidConflict] : ""), style: avoided ? theme.error : .plain, target: i))
        }
        targets = enterprises
        lines += HistoryLines.lines(inspector.history ?? [], strings: s, valueWidth: valueWidth, dataDirectory: context.session.dataPath,
                                    fieldLabel: s.inspectorFieldLabel)
        page.layout(lines, body: PageState.bodyHeight(context))
    }

    static func fields(_ inspector: Inspector, ledger: LedgerData, today: String, strings s: Strings, theme: Theme) -> [PageLine] {
        let state = inspector.certificateState(today: today)
        var expires = inspector.certificateExpires.map { $0 + "  " } ?? ""
        expires += "[" + s.certificateState(state) + "]"
        var lines = [
            PageLine(label: s[.rosterFieldName], value: inspector.name + (inspector.retired != nil ? "  " + s[.rosterRetiredMark] : ""),
                     style: Style(bold: true)),
            PageLine(label: s[.rosterFieldCertificate], value: inspector.certificateNumber),
            PageLine(label: s[.rosterFieldExpires], value: expires, style: RosterScreen.certificateStyle(state, theme: theme)),
            PageLine(label: s[.rosterFieldUnit], value: inspector.unit),
            PageLine(label: s[.rosterFieldPhone], value: inspector.phone ?? ""),
        ]
        let districts = inspector.avoidDistricts.map { s.district($0) }.joined(separator: s.language == .zh ? "、" : ", ")
        lines.append(PageLine(label: s[.rosterFieldAvoidDistricts], value: districts.isEmpty ? s[.rosterNoEnterprises] : districts))
        if inspector.avoidEnterprises.isEmpty {
            lines.append(PageLine(label: s[.rosterFieldAvoidEnterprises], value: s[.rosterNoEnterprises]))
        }
        for (i, code) in inspector.avoidEnterprises.enumerated() {
            let name = ledger.directory.index(of: code).map { ledger.enterprises[$0].name }
            lines.append(PageLine(label: i == 0 ? s[.rosterFieldAvoidEnterprises] : "", value: (name.map { $0 + "  " } ?? "") + code))
        }
        if let retired = inspector.retired {
            lines.append(PageLine(label: s[.rosterFieldRetired], value: s.retiredSince(retired.date, retired.reason), style: theme.error))
        }
        return lines
    }

    func render(_ context: Context, into screen: inout Screen) {
        let s = context.strings
        Chrome.renderTitle(context, tab: context.view, subtitle: s[.inspectorPageTitle], into: &screen)
        page.render(context, into: &screen)
        let body = PageState.bodyHeight(context)
        let count = page.lines.count
        let position = count > body ? "  " + s.readingLine(page.scroll + 1, count) : ""
        Chrome.renderStatus((inspector(context)?.name ?? certificateNumber) + position, bindings: hintBindings(context),
                            context: context, into: &screen)
    }
}
