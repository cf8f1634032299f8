import AnjianText
import AnjianModel
import AnjianScreen

/// One field of a form. The form engine is shared by every form: supervision entries
/// now, hazards and the operator prompt too.
public struct FormField: Sendable {
    public enum Kind: Sendable, Equatable {
        case text
        /// Several lines; Enter inserts a line break.
        case multiline(lines: Int)
        /// `YYYY-MM-DD`; `t` means today and `+30` thirty days ahead.
        case date
        /// `HH:MM`
        case time
        /// One of several labels, changed with Left / Right or Space, or picked by typing part of
        /// one or its pinyin (`lz` → 莱州市).
        case choice([String])
        /// A name picked from the inspector roster by typing part of it or its pinyin,
        /// or typed freely.
        case inspectorName
    }

    public let id: String
    public var label: String
    public var kind: Kind
    public var input: TextInput
    public var choice: Int
    /// Width of the value box in cells.
    public var width: Int
    /// Whether this field starts a new row (else it follows the previous one on its row).
    public var startsRow: Bool
    public var error: String? = nil

    public init(id: String, label: String, kind: Kind, text: String = "", choice: Int = 0,
                width: Int = 20, startsRow: Bool = true) {
        self.id = id
        self.label = label
        self.kind = kind
        self.input = TextInput(text)
        self.choice = choice
        if case .choice(let options) = kind {
            // "< longest option >" always fits.
            self.width = max(width, (options.map(\.displayWidth).max() ?? 0) + 2)
        } else {
            self.width = width
        }
        self.startsRow = startsRow
    }

    public var text: String { input.text }
    public var isTextual: Bool {
        if case .choice = kind { return false }
        return true
    }
    public var lineCount: Int {
        if case .multiline(let lines) = kind { return lines }
        return 1
    }
}

/// A candidate offered under a roster field.
public struct Suggestion: Sendable, Equatable {
    public var title: String
    public var detail: String
    public var value: String
    public var secondValue: String
}

/// What a key did to the form, for the screen that owns it.
public enum FormOutcome: Equatable, Sendable {
    case none
    case save
    case cancel
    /// A suggestion was chosen for the focused field.
    case picked(Suggestion)
    /// Ctrl-N: the owner may add a repeatable row.
    case addRow
}

/// The state of a form being edited: fields, focus, whether it changed, the discard
/// question, suggestions under the focused field.
public struct Form: Sendable {
    public var title: String
    public var fields: [FormField]
    public var focus: Int
    public var changed = false
    public var confirmingDiscard = false
    public var message: String? = nil
    public var suggestions: [Suggestion] = []
    public var highlighted = 0
    /// The user closed the suggestions with Esc; they reopen on the next edit.
    public var suggestionsDismissed = false
    /// `YYYY-MM-DD` of today, for `t` and `+N` in date fields.
    public var today: String
    /// Whether Ctrl-N adds a row (another inspector) for the form's owner.
    public var canAddRows = false
    /// What has been typed in the focused choice field, to pick an option by (see `typeAhead`).
    public private(set) var typed = ""
    /// The readings that let a choice be picked by its pinyin; given by the app (`AppState`).
    public var pinyin: PinyinTable?
    /// What Ctrl-S does in this form when it is not saving (the draw form draws), for its hint.
    public var saveHint: Text?

    public init(title: String, fields: [FormField], focus: Int = 0, today: String) {
        self.title = title
        self.fields = fields
        self.focus = focus
        self.today = today
    }

    public func index(of id: String) -> Int? { fields.firstIndex { $0.id == id } }
    public func value(_ id: String) -> String { index(of: id).map { fields[$0].text } ?? "" }
    public func choice(_ id: String) -> Int { index(of: id).map { fields[$0].choice } ?? 0 }

    public var showsSuggestions: Bool { !suggestions.isEmpty && !suggestionsDismissed }

    public mutating func setValue(_ id: String, _ value: String) {
        guard let i = index(of: id) else { return }
        fields[i].input = TextInput(value)
    }

    /// Shows each error beside its field; errors for ids the form lacks are returned.
    @discardableResult
    public mutating func showErrors(_ errors: [(id: String, message: String)]) -> [String] {
        for i in fields.indices { fields[i].error = nil }
        var unplaced: [String] = []
        for (id, message) in errors {
            if let i = index(of: id) {
                fields[i].error = fields[i].error.map { $0 + "；" + message } ?? message
            } else {
                unplaced.append(message)
            }
        }
        return unplaced
    }

    public mutating func handle(_ event: InputEvent) -> FormOutcome {
        switch event {
        case .resize: return .none
        case .text(let text), .paste(let text):
            if confirmingDiscard { confirmingDiscard = false; return .none }
            guard fields[focus].isTextual else {
                typeAhead(text)
                return .none
            }
            if case .multiline = fields[focus].kind {
                fields[focus].input.insert(text, keepingLineBreaks: true)
            } else {
                fields[focus].input.insert(text)
            }
            edited()
            return .none
        case .key(let key):
            return handle(key)
        }
    }

    private mutating func edited() {
        changed = true
        suggestionsDismissed = false
        highlighted = 0
        fields[focus].error = nil
    }

    /// A key by the form's bindings: the suggestions' while they show, a choice field's, then
    /// the form's own; any other key edits the focused text.
    private mutating func handle(_ key: Key) -> FormOutcome {
        if confirmingDiscard {
            confirmingDiscard = false
            return key == .character("y") || key == .character("Y") ? .cancel : .none
        }
        message = nil
        if showsSuggestions, let action = Keymap.action(for: key, in: Keymap.suggestions) {
            switch action {
            case .highlightNext: highlighted = min(highlighted + 1, suggestions.count - 1)
            case .highlightPrevious: if highlighted > 0 { highlighted -= 1 } else { move(by: -1) }
            case .pick:
                changed = true
                return .picked(suggestions[highlighted])
            default: suggestionsDismissed = true
            }
            return .none
        }
        if case .choice(let options) = fields[focus].kind, let action = Keymap.action(for: key, in: Keymap.choice) {
            let step = action == .previousChoice ? options.count - 1 : 1
            fields[focus].choice = (fields[focus].choice + step) % options.count
            changed = true
            fields[focus].error = nil
            typed = ""
            return .none
        }
        if case .choice = fields[focus].kind {
            switch key {
            case .character(let character):
                typeAhead(String(character))
                return .none
            case .backspace, .control("h"):
                typed = String(typed.dropLast())
                return .none
            default: typed = ""
            }
        }
        switch Keymap.action(for: key, in: Keymap.formCommands + Keymap.formFields) {
        case .save?:
            leaveField()
            return .save
        case .cancel?:
            if changed { confirmingDiscard = true; return .none }
            return .cancel
        case .nextField?: move(by: 1)
        case .previousField?: move(by: -1)
        case .addRow?: return canAddRows ? .addRow : .none
        case .lineOrNextField?:
            if case .multiline = fields[focus].kind {
                fields[focus].input.insert("\n", keepingLineBreaks: true)
                edited()
            } else {
                move(by: 1)
            }
        default:
            guard fields[focus].isTextual else { return .none }
            let before = fields[focus].input
            if fields[focus].input.handle(key), fields[focus].input != before { edited() }
        }
        return .none
    }

    /// The bindings whose hints the status line shows for this form.
    var hintBindings: [KeyBinding] {
        if showsSuggestions { return Keymap.suggestions + Keymap.formCommands.filter { $0.action == .save } }
        return Keymap.formFields + Keymap.formCommands.filter { $0.action != .addRow || canAddRows }.map { binding in
            guard binding.action == .save, let saveHint else { return binding }
            return KeyBinding(keys: binding.keys, action: binding.action, text: binding.text, hint: saveHint)
        }
    }

    /// Typing in a choice field picks the first option that what was typed so far matches: part of
    /// its label, or its pinyin (initials, full or mixed, as the list filter). When nothing matches,
    /// the new text alone starts again; when that matches nothing either, the choice stays.
    mutating func typeAhead(_ text: String) {
        guard case .choice(let options) = fields[focus].kind else { return }
        for attempt in [typed + text, text] {
            let query = SearchQuery(attempt)
            guard !query.isEmpty else { return }
            let found = options.firstIndex { option in
                pinyin.map { PinyinSearchText(option, table: $0).matches(query) } ?? option.lowercased().contains(query.raw.lowercased())
            }
            if let found {
                typed = attempt
                if fields[focus].choice != found { changed = true }
                fields[focus].choice = found
                fields[focus].error = nil
                return
            }
        }
    }

    /// Moves the focus, completing the field being left (`t` → today in a date field).
    public mutating func move(by step: Int) {
        typed = ""
        leaveField()
        focus = max(0, min(fields.count - 1, focus + step))
        suggestions = []
        suggestionsDismissed = false
        highlighted = 0
    }

    public mutating func focus(on id: String) {
        guard let i = index(of: id) else { return }
        leaveField()
        typed = ""
        focus = i
        suggestions = []
    }

    mutating func leaveField() {
        guard fields[focus].kind == .date else { return }
        let text = fields[focus].text.trimmingCharacters(in: .whitespaces).lowercased()
        if text == "t" {
            fields[focus].input = TextInput(today)
        } else if text.hasPrefix("+") || text.hasPrefix("-"), let days = Int(text.dropFirst()),
                  let date = CalendarDate.adding(days: text.hasPrefix("+") ? days : -days, to: today) {
            fields[focus].input = TextInput(date)
        }
    }
}

extension Form {
    /// Shows validation issues beside their fields, their count (and those without a field)
    /// in the message, and focuses the first.
    mutating func show(_ issues: [ValidationIssue], _ s: Strings) {
        let unplaced = showErrors(issues.map { ($0.field, s.problem($0.problem)) })
        message = s.formHasErrors(issues.count) + (unplaced.isEmpty ? "" : "：" + unplaced.joined(separator: "；"))
        if let first = issues.first, let index = index(of: first.field) { focus = index }
        suggestions = []
    }
}
