import Foundation
import AnjianModel
import AnjianScreen
import AnjianStore
import AnjianText

extension AppState {
    /// The one place where the state changes: an input event in, effects out.
    public mutating func update(_ event: InputEvent) -> [Effect] {
        if case .resize(let w, let h) = event {
            width = w
            height = h
            clampSelection()
            clampSupervisionSelection()
            clampHazardSelection()
            return [.redraw]
        }
        if case .key(let key) = event, let action = Keymap.action(for: key, in: []),
           [.quit, .redraw, .suspend].contains(action) {
            // Ctrl-C, Ctrl-L, Ctrl-Z work everywhere, forms included. Saved data is on disk.
            switch action {
            case .quit:
                // A changed form is not thrown away by a stray Ctrl-C: it asks, and a second Ctrl-C quits.
                if let open = form?.form, open.changed, !open.confirmingDiscard {
                    form?.form.confirmingDiscard = true
                    return []
                }
                if let open = hazardForm?.form, open.changed, !open.confirmingDiscard {
                    hazardForm?.form.confirmingDiscard = true
                    return []
                }
                return [.quit]
            case .redraw: return [.redraw]
            default: return [.suspend]
            }
        }
        if operatorForm != nil { return updateOperatorForm(event) }
        if form != nil { return updateForm(event) }
        if hazardForm != nil { return updateHazardForm(event) }
        switch event {
        case .text(let text): return handleText(text)
        case .key(let key): return handle(key)
        case .resize: return []
        }
    }

    // MARK: Forms

    private mutating func updateForm(_ event: InputEvent) -> [Effect] {
        guard var current = form else { return [] }
        let before = current.form.fields[current.form.focus].text
        let outcome = current.form.handle(event)
        if current.form.fields[current.form.focus].text != before { current.nameEdited() }
        switch outcome {
        case .none: break
        case .cancel:
            form = nil
            return []
        case .addRow:
            current.addInspectorRow(strings)
        case .picked(let suggestion):
            current.pick(suggestion)
        case .save:
            let entry = current.entry(roster: roster)
            let issues = entry.validate().errors
            if !issues.isEmpty {
                let unplaced = current.form.showErrors(issues.map { ($0.field, strings.problem($0.problem)) })
                current.form.message = strings.formHasErrors(issues.count)
                    + (unplaced.isEmpty ? "" : "：" + unplaced.joined(separator: "；"))
                if let first = issues.first, let index = current.form.index(of: first.field) {
                    current.form.focus = index
                }
                current.form.suggestions = []
                form = current
                return []
            }
            if let refusal = readOnlyMessage {
                current.form.message = refusal
                form = current
                return []
            }
            var signed = entry
            if signed.id.isEmpty {
                signed.id = SupervisionEntry.newID(for: entry, taken: Set((supervisions[entry.enterpriseCode] ?? []).map(\.id)))
            }
            signed = signed.recordingHistory(from: current.original, by: signer ?? Operator(name: "", certificateNumber: ""),
                                             at: CalendarDate.timestamp(clock(), in: timeZone))
            form = current
            return [.saveSupervision(signed)]
        }
        current.refreshSuggestions(roster: roster)
        form = current
        return []
    }

    /// The runner saved the entry: keep it, close the form, say so.
    public mutating func saveSucceeded(_ entry: SupervisionEntry) {
        var entries = supervisions[entry.enterpriseCode] ?? []
        entries.upsert(entry)
        supervisions[entry.enterpriseCode] = entries
        supervisionDirectory.upsert(entry)
        supervisionList.lastMatch = nil
        supervisionList.sorted = nil
        supervisionList.recent = []
        refreshSupervisionRows()
        // A link added to the entry behind a new hazard saves quietly: the hazard's message stays.
        if form != nil { message = strings.saved(entry.id) }
        form = nil
        if case .enterprise(let index) = route {
            detailSelection = DetailView.targets(self, enterprise: index).firstIndex(of: .supervision(entry.enterpriseCode, entry.id)) ?? 0
        }
    }

    /// The runner could not save: the form stays open with everything typed.
    public mutating func saveFailed(_ reason: String) {
        let text = strings.saveFailed(reason)
        if form != nil {
            form?.form.message = text
        } else if hazardForm != nil {
            hazardForm?.form.message = text
        } else {
            message = text
        }
    }

    /// The values the UI needs to be told it may not change anything, or nil when it may.
    var readOnlyMessage: String? {
        guard isReadOnly else { return nil }
        if directoryNotWritable { return strings.readOnlyNotWritable(dataPath) }
        guard let holder = readOnlyHolder else { return strings[.readOnlyUnknown] }
        return strings.readOnlyBanner(holder.operatorName, holder.pid, holder.since)
    }

    public static func operatorForm(strings s: Strings, today: String) -> Form {
        Form(title: s[.operatorFormTitle], fields: [
            FormField(id: "name", label: s[.fieldOperatorName], kind: .text, width: 12),
            FormField(id: "certificateNumber", label: s[.fieldCertificate], kind: .text, width: 16),
        ], today: today)
    }

    private mutating func updateOperatorForm(_ event: InputEvent) -> [Effect] {
        guard var current = operatorForm else { return [] }
        switch current.handle(event) {
        case .save:
            let name = current.value("name").trimmingCharacters(in: .whitespaces)
            var cert = current.value("certificateNumber").trimmingCharacters(in: .whitespaces)
            if cert.isEmpty, roster.named(name).count == 1 { cert = roster.named(name)[0].certificateNumber }
            var errors: [(String, String)] = []
            if name.isEmpty { errors.append(("name", strings[.problemRequired])) }
            if cert.isEmpty { errors.append(("certificateNumber", strings[.problemRequired])) }
            if !errors.isEmpty {
                current.showErrors(errors)
                operatorForm = current
                return []
            }
            let chosen = Operator(name: name, certificateNumber: cert)
            signer = chosen
            operatorForm = nil
            return [.saveOperator(chosen)]
        case .cancel:
            operatorForm = nil  // Esc: go on without; forms will ask for the first inspector
            return []
        default:
            operatorForm = current
            return []
        }
    }

    /// Every change is signed: without an operator, ask for one first.
    mutating func requireSigner() -> Bool {
        guard signer == nil else { return true }
        operatorForm = AppState.operatorForm(strings: strings, today: today)
        message = strings[.operatorNeeded]
        return false
    }

    /// Opens the new-supervision form for an enterprise, unless read-only.
    mutating func openNewSupervision(_ index: Int) {
        if let refusal = readOnlyMessage { message = refusal; return }
        guard requireSigner() else { return }
        form = SupervisionForm.new(for: enterprises[index], signer: signer, now: clock(), zone: timeZone, strings: strings)
    }

    mutating func openEdit(_ code: String, _ id: String) {
        if let refusal = readOnlyMessage { message = refusal; return }
        guard requireSigner() else { return }
        guard let entry = supervisionEntry(code, id), let index = supervisionDirectory.enterprise(code) else { return }
        form = SupervisionForm.edit(entry, of: enterprises[index], now: clock(), zone: timeZone, strings: strings)
    }

    // MARK: Views

    /// Several characters that arrived together. In a text field they are inserted
    /// whole; elsewhere they are keys, typed fast, until one of them opens a text field
    /// (`/`) or is Chinese text (an input method's commit), which starts a filter.
    private mutating func handleText(_ text: String) -> [Effect] {
        var effects: [Effect] = []
        var rest = Substring(text)
        while let character = rest.first {
            if form != nil {
                return effects + updateForm(.text(String(rest)))
            }
            if hazardForm != nil {
                return effects + updateHazardForm(.text(String(rest)))
            }
            if !showingHelp, route == .enterprises || route == .supervisions || route == .hazards {
                if filtering || supervisionList.filtering || hazardList.filtering {
                    insertIntoFilter(String(rest))
                    return effects
                }
                if !character.isASCII, Keymap.action(for: .character(character), in: Keymap.list) == nil {
                    switch route {
                    case .enterprises: filtering = true; filter = TextInput()
                    case .hazards: hazardList.filtering = true; hazardList.filter = TextInput()
                    default: supervisionList.filtering = true; supervisionList.filter = TextInput()
                    }
                    continue
                }
            }
            effects += handle(.character(character))
            rest = rest.dropFirst()
            if effects.contains(.quit) { return effects }
        }
        return effects
    }

    private mutating func insertIntoFilter(_ text: String) {
        switch route {
        case .enterprises:
            filter.insert(text)
            refreshRows()
        case .hazards:
            hazardList.filter.insert(text)
            refreshHazardRows()
        default:
            supervisionList.filter.insert(text)
            refreshSupervisionRows()
        }
    }

    private mutating func handle(_ key: Key) -> [Effect] {
        message = nil
        if showingHelp {
            return perform(Keymap.action(for: key, in: Keymap.help), key: key)
        }
        switch route {
        case .enterprises where filtering:
            if let action = Keymap.action(for: key, in: Keymap.filtering) {
                return perform(action, key: key)
            }
            let before = filter.text
            if filter.handle(key), filter.text != before { refreshRows() }
            return []
        case .supervisions where supervisionList.filtering:
            if let action = Keymap.action(for: key, in: Keymap.filtering) {
                return perform(action, key: key)
            }
            let before = supervisionList.filter.text
            if supervisionList.filter.handle(key), supervisionList.filter.text != before { refreshSupervisionRows() }
            return []
        case .hazards where hazardList.filtering:
            if let action = Keymap.action(for: key, in: Keymap.filtering) {
                return perform(action, key: key)
            }
            let before = hazardList.filter.text
            if hazardList.filter.handle(key), hazardList.filter.text != before { refreshHazardRows() }
            return []
        case .enterprises, .supervisions, .hazards:
            if case .character(let c) = key, !c.isASCII, Keymap.action(for: key, in: Keymap.list) == nil {
                return handleText(String(c))
            }
            let keymap = route == .enterprises ? Keymap.list : route == .hazards ? Keymap.hazardList : Keymap.supervisionList
            return perform(Keymap.action(for: key, in: keymap), key: key)
        case .hazard:
            return perform(Keymap.action(for: key, in: Keymap.hazard), key: key)
        case .enterprise:
            return perform(Keymap.action(for: key, in: Keymap.detail), key: key)
        case .supervision:
            return perform(Keymap.action(for: key, in: Keymap.supervision), key: key)
        }
    }

    private mutating func perform(_ action: Action?, key: Key) -> [Effect] {
        guard let action else { return [] }
        switch action {
        case .quit:
            let topLevel = route == .enterprises || route == .supervisions || route == .hazards
            if key == .control("c") || topLevel && !showingHelp { return [.quit] }
            return []
        case .redraw: return [.redraw]
        case .suspend: return [.suspend]
        case .help:
            showingHelp = true
            helpScroll = 0
            return []
        default: break
        }
        if showingHelp {
            let page = HelpView.bodyHeight(self)
            let last = max(0, HelpView.lines(self).count - page)
            switch action {
            case .moveUp: helpScroll -= 1
            case .moveDown: helpScroll += 1
            case .pageUp: helpScroll -= page
            case .pageDown: helpScroll += page
            case .moveTop: helpScroll = 0
            case .moveBottom: helpScroll = last
            case .back: showingHelp = false
            default: break
            }
            helpScroll = max(0, min(helpScroll, last))
            return []
        }
        if case .showView(let n) = action {
            showView(n)
            return []
        }
        switch route {
        case .enterprises: performInList(action)
        case .enterprise(let index): performInDetail(action, enterprise: index)
        case .supervisions: performInSupervisionList(action)
        case .supervision(let code, let id): performInSupervision(action, code: code, id: id)
        case .hazards: performInHazardList(action)
        case .hazard(let code, let id): return performInHazard(action, code: code, id: id)
        }
        return []
    }

    mutating func showView(_ n: Int) {
        switch n {
        case 1: route = .enterprises; backStack = []
        case 2: route = .hazards; backStack = []; refreshHazardRows()
        default: route = .supervisions; backStack = []; refreshSupervisionRows()
        }
    }

    mutating func open(_ next: Route) {
        backStack.append(route)
        route = next
        detailScroll = 0
    }

    mutating func goBack() {
        route = backStack.popLast() ?? .enterprises
        detailScroll = 0
    }

    private mutating func performInList(_ action: Action) {
        if TableMoves.apply(action, selected: &selected, top: &top, rowCount: rows.count, body: listBodyHeight) { return }
        switch action {
        case .open:
            if let index = selectedEnterprise {
                open(.enterprise(index))
                detailSelection = 0
            }
        case .filter:
            filtering = true
        case .clearFilter, .cancelFilter:
            filtering = false
            if !filter.isEmpty {
                filter = TextInput()
                refreshRows()
            }
        case .acceptFilter:
            filtering = false
        case .sortNextColumn:
            let columns = Layout.visibleColumns(width: width)
            if let sort, let i = columns.firstIndex(of: sort.column) {
                self.sort = i + 1 < columns.count ? SortOrder(column: columns[i + 1], ascending: true) : nil
            } else {
                sort = SortOrder(column: columns[0], ascending: true)
            }
            refreshRows()
        case .sortReverse:
            if var order = sort {
                order.ascending.toggle()
                sort = order
            } else {
                sort = SortOrder(column: .name, ascending: false)
            }
            refreshRows()
        case .newSupervision:
            if let index = selectedEnterprise { openNewSupervision(index) }
        case .newHazard:
            if let index = selectedEnterprise { openNewHazard(index) }
        default: break
        }
        clampSelection()
    }

    private mutating func performInDetail(_ action: Action, enterprise index: Int) {
        let targets = DetailView.targets(self, enterprise: index)
        let page = max(1, height - 4)
        switch action {
        case .moveUp:
            if targets.isEmpty { detailScroll -= 1 } else { detailSelection -= 1 }
        case .moveDown:
            if targets.isEmpty { detailScroll += 1 } else { detailSelection += 1 }
        case .pageUp: detailScroll -= page
        case .pageDown: detailScroll += page
        case .moveTop: detailScroll = 0; detailSelection = 0
        case .moveBottom: detailScroll = Int.max / 2; detailSelection = targets.count - 1
        case .back: goBack()
        case .open:
            if targets.indices.contains(detailSelection) {
                switch targets[detailSelection] {
                case .supervision(let code, let id): open(.supervision(enterpriseCode: code, id: id))
                case .hazard(let code, let id): open(.hazard(enterpriseCode: code, id: id))
                }
            }
        case .newSupervision: openNewSupervision(index)
        case .newHazard: openNewHazard(index)
        default: break
        }
        detailSelection = max(0, min(detailSelection, targets.count - 1))
        if case .enterprise(let current) = route, current == index {
            // Home shows the top of the page (the profile); the other moves follow the selection.
            if !targets.isEmpty, [.moveUp, .moveDown, .moveBottom].contains(action) {
                detailScroll = DetailView.scrollShowing(self, enterprise: index)
            }
            detailScroll = max(0, min(detailScroll, DetailView.maxScroll(self, enterprise: index)))
        }
    }

    private mutating func performInSupervisionList(_ action: Action) {
        var list = supervisionList
        if TableMoves.apply(action, selected: &list.selected, top: &list.top, rowCount: list.rows.count, body: supervisionBodyHeight) {
            supervisionList = list
            return
        }
        switch action {
        case .filter: list.filtering = true
        case .clearFilter, .cancelFilter:
            list.filtering = false
            list.filter = TextInput()
        case .acceptFilter: list.filtering = false
        case .sortNextColumn:
            let columns = SupervisionListView.visibleColumns(width: width, strings)
            let i = columns.firstIndex(of: list.sortColumn) ?? -1
            list.sortColumn = columns[(i + 1) % columns.count]
            list.ascending = list.sortColumn != .date
        case .sortReverse: list.ascending.toggle()
        case .open:
            if list.rows.indices.contains(list.selected) {
                let entry = supervisionDirectory.records[list.rows[list.selected]].entry
                supervisionList = list
                open(.supervision(enterpriseCode: entry.enterpriseCode, id: entry.id))
                return
            }
        default: break
        }
        supervisionList = list
        if [.clearFilter, .cancelFilter, .sortNextColumn, .sortReverse].contains(action) {
            refreshSupervisionRows()
        } else {
            clampSupervisionSelection()
        }
    }

    private mutating func performInSupervision(_ action: Action, code: String, id: String) {
        switch action {
        case .moveUp: detailScroll = max(0, detailScroll - 1)
        case .moveDown: detailScroll = min(detailScroll + 1, SupervisionDetailView.maxScroll(self, code: code, id: id))
        case .back: goBack()
        case .edit: openEdit(code, id)
        case .newHazard:
            if let index = supervisionDirectory.enterprise(code) { openNewHazard(index, supervisionID: id) }
        default: break
        }
    }
}
