import AnjianModel
import AnjianScreen

extension AppState {
    /// The one place where the state changes: an input event in, effects out.
    public mutating func update(_ event: InputEvent) -> [Effect] {
        switch event {
        case .resize(let w, let h):
            width = w
            height = h
            clampSelection()
            return [.redraw]
        case .text(let text):
            return handleText(text)
        case .key(let key):
            return handle(key)
        }
    }

    /// Several characters that arrived together. In a text field they are inserted
    /// whole; elsewhere they are keys, typed fast, until one of them opens a text field
    /// (`/`) or is Chinese text (an input method's commit), which starts a filter.
    private mutating func handleText(_ text: String) -> [Effect] {
        var effects: [Effect] = []
        var rest = Substring(text)
        while let character = rest.first {
            if route == .enterprises, !showingHelp {
                if filtering {
                    filter.insert(String(rest))
                    refreshRows()
                    return effects
                }
                if !character.isASCII, Keymap.action(for: .character(character), in: Keymap.list) == nil {
                    filtering = true
                    filter = TextInput()
                    continue
                }
            }
            effects += handle(.character(character))
            rest = rest.dropFirst()
            if effects.contains(.quit) { return effects }
        }
        return effects
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
            if filter.handle(key) { refreshRows() }
            return []
        case .enterprises:
            if case .character(let c) = key, !c.isASCII, Keymap.action(for: key, in: Keymap.list) == nil {
                return handleText(String(c))
            }
            return perform(Keymap.action(for: key, in: Keymap.list), key: key)
        case .enterprise:
            return perform(Keymap.action(for: key, in: Keymap.detail), key: key)
        }
    }

    private mutating func perform(_ action: Action?, key: Key) -> [Effect] {
        guard let action else { return [] }
        switch action {
        case .quit:
            if key == .control("c") || route == .enterprises && !showingHelp { return [.quit] }
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
            switch action {
            case .moveUp: helpScroll = max(0, helpScroll - 1)
            case .moveDown: helpScroll = min(helpScroll + 1, max(0, HelpView.lines(self).count - (height - 2)))
            case .back: showingHelp = false
            default: break
            }
            return []
        }
        switch route {
        case .enterprises: performInList(action)
        case .enterprise: performInDetail(action)
        }
        return []
    }

    private mutating func performInList(_ action: Action) {
        let page = max(1, listBodyHeight - 1)
        switch action {
        case .moveUp: selected -= 1
        case .moveDown: selected += 1
        case .pageUp: selected -= page; top -= page
        case .pageDown: selected += page; top += page
        case .moveTop: selected = 0
        case .moveBottom: selected = rows.count - 1
        case .open:
            if let index = selectedEnterprise {
                route = .enterprise(index)
                detailScroll = 0
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
        case .showView(let n) where n != 1:
            message = strings[.viewNotYet, strings[n == 2 ? .viewHazards : .viewSupervisions]]
        case .newSupervision, .newHazard:
            message = strings[.viewNotYet, strings[action == .newHazard ? .actionNewHazard : .actionNewSupervision]]
        default: break
        }
        clampSelection()
    }

    private mutating func performInDetail(_ action: Action) {
        let page = max(1, height - 4)
        switch action {
        case .moveUp: detailScroll -= 1
        case .moveDown: detailScroll += 1
        case .pageUp: detailScroll -= page
        case .pageDown: detailScroll += page
        case .moveTop: detailScroll = 0
        case .moveBottom: detailScroll = Int.max / 2
        case .back: route = .enterprises
        case .showView(1): route = .enterprises
        case .showView(let n):
            message = strings[.viewNotYet, strings[n == 2 ? .viewHazards : .viewSupervisions]]
        case .newSupervision, .newHazard:
            message = strings[.viewNotYet, strings[action == .newHazard ? .actionNewHazard : .actionNewSupervision]]
        default: break
        }
        if case .enterprise(let index) = route {
            detailScroll = max(0, min(detailScroll, DetailView.maxScroll(self, enterprise: index)))
        }
    }
}
