import AnjianText
import AnjianModel
import AnjianRuntime
import AnjianScreen
import AnjianStore

/// The enterprise page: the full profile, then its supervision entries and hazards, each
/// selectable and opened with Enter.
struct EnterprisePageScreen: ScreenComponent {
    /// Its place in the ledger's list, and its credit code (the list is written again by every
    /// save of an enterprise: the code finds it there).
    private(set) var enterprise: Int
    private(set) var code: String
    var page = PageState()
    /// What each selectable row opens, in order: entries newest first, then hazards.
    private(set) var targets: [Target] = []
    var helpTitle: Text { .helpDetail }

    enum Target: Hashable, Sendable {
        case supervision(String, String)
        case hazard(String, String)
    }

    init(enterprise: Int, context: inout Context) {
        self.enterprise = enterprise
        self.code = context.ledger.enterprises[enterprise].creditCode
        layout(context)
    }

    func keymap(_ context: Context) -> [KeyBinding] {
        Keymap.selectablePage(open: .actionOpenEntry) + [
            KeyBinding(keys: [.escape, .character("q"), .left], action: .back, text: .actionBack, hint: .hintBack),
            KeyBinding(keys: [.character("s")], action: .newSupervision, text: .actionNewSupervision, hint: .hintEntry),
            KeyBinding(keys: [.character("h")], action: .newHazard, text: .actionNewHazard, hint: .hintHazard),
            KeyBinding(keys: [.character("e")], action: .edit, text: .actionEditEnterprise, hint: .hintEdit),
            KeyBinding(keys: [.character("b")], action: .integrityList, text: .actionIntegrity, hint: .hintIntegrity),
            context.ledger.enterprises[enterprise].isActive
                ? KeyBinding(keys: [.character("x")], action: .retireOrReinstate, text: .actionRetire, hint: .hintRetire)
                : KeyBinding(keys: [.character("x")], action: .retireOrReinstate, text: .actionReinstate, hint: .hintReinstate),
        ] + Registry.bindings + [KeyBinding(keys: [.character("?")], action: .help, text: .actionHelp, hint: .hintHelp)]
    }

    mutating func perform(_ action: Action, key: Key, context: inout Context) -> [Command] {
        if page.move(action, body: PageState.bodyHeight(context)) { return [] }
        switch action {
        case .back: return [.back]
        case .open:
            guard let selection = page.selection, targets.indices.contains(selection) else { return [] }
            switch targets[selection] {
            case .supervision(let code, let id): return [.open(SupervisionPageScreen(code: code, id: id, context: &context))]
            case .hazard(let code, let id): return [.open(HazardPageScreen(code: code, id: id, context: &context))]
            }
        case .newSupervision:
            if let refusal = damageRefusal(.supervisions, context) { return [.message(refusal)] }
            return [.present(SupervisionForm.new(for: enterprise, context: context))]
        case .newHazard:
            if let refusal = damageRefusal(.hazards, context) { return [.message(refusal)] }
            return [.present(HazardForm.new(for: enterprise, supervisionID: nil, context: context))]
        case .edit:
            return [.present(EnterpriseForm.edit(enterprise, context: context))]
        case .retireOrReinstate:
            let e = context.ledger.enterprises[enterprise]
            return [.present(EnterpriseForm.step(e.isActive ? .retired : .reinstated, e, today: context.today, strings: context.strings))]
        case .resolveConflicts:
            guard let form = ConflictForm(.enterprise(context.ledger.enterprises[enterprise]), context: context) else {
                return [.message(context.strings[.noConflictsHere])]
            }
            return [.present(form)]
        case .integrityList:
            let e = context.ledger.enterprises[enterprise]
            return [.present(EnterpriseForm.step(.integrityChanged, e, today: context.today, strings: context.strings))]
        default: return []
        }
    }

    mutating func refresh(_ change: Change, context: inout Context) {
        // Found again by its code; a re-keying keeps its place in the list and gives it the new code.
        if let index = context.ledger.directory.index(of: code) {
            enterprise = index
        } else if case .saved(.enterprise(let saved)) = change, let index = context.ledger.directory.index(of: saved), index == enterprise {
            code = saved
        }
        layout(context)
        guard case .saved(let record) = change else { return }
        switch record {
        case .supervision(let entry): select(.supervision(entry.enterpriseCode, entry.id), context: context)
        case .hazard(let hazard): select(.hazard(hazard.enterpriseCode, hazard.id), context: context)
        case .enterprise: break
        }
    }

    /// Selects a record's row and scrolls to show it.
    mutating func select(_ target: Target, context: Context) {
        if let index = targets.firstIndex(of: target) { page.select(index, body: PageState.bodyHeight(context)) }
    }

    /// Whether Enter has a row to open.
    func offers(_ action: Action, _ context: Context) -> Bool {
        if action == .resolveConflicts { return context.ledger.enterprises[enterprise].hasConflicts }
        return action != .open || page.selection != nil
    }

    /// Lays the page out at the terminal's width: done when the data or the size changes,
    /// not on every key.
    mutating func layout(_ context: Context) {
        let s = context.strings
        let theme = context.theme
        let ledger = context.ledger
        let e = ledger.enterprises[enterprise]
        let valueWidth = PageState.valueWidth(s, width: context.width)
        var lines = ConflictMarks.lines(.enterprise(e), strings: s, theme: theme, valueWidth: valueWidth)
        // Files found damaged on load come first: what follows is not the whole record.
        let damaged = [FileProblem.Folder.supervisions, .hazards].compactMap { ledger.damage(of: e.creditCode, $0) }
        for damage in damaged {
            lines.append(PageLine(label: "", value: s[damage.folder == .hazards ? .damagedHazardsNotice : .damagedSupervisionsNotice],
                                  style: theme.error))
            lines += PageLine.wrapped("", s.storeError(damage.error), style: theme.error, valueWidth: valueWidth)
        }
        for line in Self.fields(e, strings: s, theme: theme) {
            lines += PageLine.wrapped(line.label, line.value, style: line.style, valueWidth: valueWidth)
        }
        let entries = ledger.supervisionEntries(of: e.creditCode)
        lines.append(PageLine(label: "", value: ""))
        // While the records load the counts would read as none: the titles only.
        let loading = ledger.loading != nil
        lines.append(PageLine(label: loading ? s[.supervisionSectionLoading] : s.supervisionSection(entries.count), value: "",
                              style: theme.header, isHeader: true))
        if ledger.damage(of: e.creditCode, .supervisions) != nil {
            lines.append(PageLine(label: "", value: s[.damagedSupervisionsSection], style: theme.error))
        } else if ledger.loading != nil {
            lines.append(PageLine(label: "", value: s[.recordsLoadingSection], style: theme.dim))
        } else if entries.isEmpty {
            lines.append(PageLine(label: "", value: s[.noSupervisions], style: theme.dim))
        }
        for (i, entry) in entries.enumerated() {
            lines.append(PageLine(label: "", value: ConflictMarks.listed(entry, SupervisionPageScreen.summary(entry, strings: s), s), target: i))
        }
        let hazards = ledger.hazardEntries(of: e.creditCode)
        let (today, verificationDays) = (context.today, context.verificationDays)
        let counts = HazardCounts(hazards, today: today, verificationDays: verificationDays)
        lines.append(PageLine(label: "", value: ""))
        lines.append(PageLine(label: loading ? s[.hazardSectionLoading] : s.hazardSection(counts), value: "",
                              style: theme.header, isHeader: true))
        if ledger.damage(of: e.creditCode, .hazards) != nil {
            lines.append(PageLine(label: "", value: s[.damagedHazardsSection], style: theme.error))
        } else if ledger.loading != nil {
            lines.append(PageLine(label: "", value: s[.recordsLoadingSection], style: theme.dim))
        } else if hazards.isEmpty {
            lines.append(PageLine(label: "", value: s[.noHazards], style: theme.dim))
        }
        for (i, hazard) in hazards.enumerated() {
            let timing = hazard.timing(today: today, verificationDays: verificationDays)
            lines.append(PageLine(label: "", value: ConflictMarks.listed(hazard, HazardPageScreen.summary(hazard, strings: s, timing: timing), s),
                                  style: theme.hazard(hazard, timing: timing), target: entries.count + i))
        }
        if let history = e.history, !history.isEmpty {
            lines += HistoryLines.lines(history, of: .enterprise, strings: s, valueWidth: valueWidth)
        }
        targets = entries.map { .supervision(e.creditCode, $0.id) } + hazards.map { .hazard(e.creditCode, $0.id) }
        page.layout(lines, body: PageState.bodyHeight(context))
    }

    /// New records are refused at once when their file was found damaged on load.
    func damageRefusal(_ folder: FileProblem.Folder, _ context: Context) -> String? {
        let s = context.strings
        return context.ledger.damage(of: context.ledger.enterprises[enterprise].creditCode, folder)
            .map { s.damagedFileRefusal(folder, s.storeError($0.error)) }
    }

    func render(_ context: Context, into screen: inout Screen) {
        let s = context.strings
        let e = context.ledger.enterprises[enterprise]
        Chrome.renderTitle(context, tab: context.view, subtitle: EnterpriseMarks.long(s[.detailTitle], e, s), into: &screen)
        page.render(context, into: &screen)
        let body = PageState.bodyHeight(context)
        let count = page.lines.count
        let position = count > body ? "  " + s.readingLine(page.scroll + 1, count) : ""
        Chrome.renderStatus(e.shortName + position, bindings: hintBindings(context),
                            context: context, into: &screen)
    }

    static func fields(_ e: Enterprise, strings s: Strings, theme: Theme) -> [PageLine] {
        let check = CreditCode.check(e.creditCode)
        var codeText = check.normalized + "  " + (check.isValid ? "[" + s[.creditCodeValid] + "]" : "[" + s[.creditCodeInvalid] + "]")
        for problem in check.problems { codeText += " " + s.problem(.creditCode(problem)) }
        var lines: [PageLine] = [
            PageLine(label: s[.fieldName], value: EnterpriseMarks.long(e.name, e, s), style: Style(bold: true)),
            PageLine(label: s[.fieldShortName], value: e.shortName),
            PageLine(label: s[.fieldCreditCode], value: codeText, style: check.isValid ? .plain : theme.error),
        ]
        for warning in check.warnings {
            lines.append(PageLine(label: "", value: "! " + s.problem(.organizationCode(warning)), style: theme.error))
        }
        let districtCode = District.named(e.district).map { "  (" + s.districtCode($0.code) + ")" } ?? ""
        let districtName = s.language == .zh ? e.district : s.district(e.district) + " " + e.district
        lines += [
            PageLine(label: s[.fieldDistrict], value: districtName + districtCode),
            PageLine(label: s[.fieldAddress], value: e.address),
            PageLine(label: s[.fieldIndustry], value: e.industry),
            PageLine(label: s[.fieldCategory], value: s.category(e.category)),
            PageLine(label: s[.fieldRisk], value: s.riskShort(e.riskGrade) + "  " + s.riskLong(e.riskGrade), style: theme.risk(e.riskGrade)),
            PageLine(label: s[.fieldLegalRepresentative], value: e.legalRepresentative),
            PageLine(label: s[.fieldSafetyResponsible],
                 value: [e.safetyResponsible.name, e.safetyResponsible.position, e.safetyResponsible.phone]
                    .filter { !$0.isEmpty }.joined(separator: "  ")),
        ]
        for (i, supervisor) in e.supervisors.enumerated() {
            lines.append(PageLine(label: i == 0 ? s[.fieldSupervisors] : "", value: supervisor.name + "  " + supervisor.phone))
        }
        if let equipment = e.specialEquipment, equipment.total > 0 {
            let parts: [(Text, Int)] = [
                (.equipmentBoilers, equipment.boilers), (.equipmentPressureVessels, equipment.pressureVessels),
                (.equipmentPressurePiping, equipment.pressurePiping), (.equipmentElevators, equipment.elevators),
                (.equipmentCranes, equipment.cranes), (.equipmentForklifts, equipment.forklifts),
            ]
            let text = parts.filter { $0.1 > 0 }.map { s.equipment($0.0, $0.1) }.joined(separator: s.language == .zh ? "，" : ", ")
            lines.append(PageLine(label: s[.fieldSpecialEquipment], value: text))
        } else {
            lines.append(PageLine(label: s[.fieldSpecialEquipment], value: s[.equipmentNone]))
        }
        if let integrity = e.integrity, integrity.status != .none {
            lines.append(PageLine(label: s[.fieldIntegrity],
                              value: s.integrity(integrity.status) + "  " + integrity.date + "  " + integrity.reason,
                              style: theme.integrity(integrity.status)))
            var details: [String] = []
            if let number = integrity.documentNumber { details.append(s.labelled(s[.fieldIntegrityDocument], number)) }
            if let review = integrity.reviewDate { details.append(s.labelled(s[.fieldIntegrityReview], review)) }
            if !details.isEmpty { lines.append(PageLine(label: "", value: details.joined(separator: "  "))) }
        } else {
            lines.append(PageLine(label: s[.fieldIntegrity], value: s.integrity(.none)))
        }
        if !e.notes.isEmpty { lines.append(PageLine(label: s[.fieldNotes], value: e.notes)) }
        if let retired = e.retired {
            lines.append(PageLine(label: s[.fieldRetired], value: s.retiredLine(retired), style: theme.dim))
        }
        return lines
    }

}
