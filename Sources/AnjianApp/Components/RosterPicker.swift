import AnjianText
import Foundation
import AnjianModel

/// The roster's candidates under a name field: the same in every form that names an inspector.
enum RosterPicker {
    /// Up to five inspectors matching what is typed (characters or pinyin), never one retired by
    /// `day`; none when the text is empty or already exactly one roster name. A certificate
    /// expired by `day` is said in the detail (saving a visit with them is refused).
    static func suggestions(for text: String, roster: InspectorRoster, on day: String, strings s: Strings) -> [Suggestion] {
        guard !text.isEmpty else { return [] }
        let matches = roster.matching(text).filter { inspector in
            if case .retired? = inspector.refusalForVisit(on: day) { return false }
            return true
        }
        if matches.count == 1, matches[0].name == text.trimmingCharacters(in: .whitespaces) { return [] }
        return matches.prefix(5).map {
            // Before the unit, which a narrow box cuts.
            let expired = $0.certificateState(today: day) == .expired ? "  " + s[.certificateExpired] : ""
            return Suggestion(title: $0.name, detail: $0.certificateNumber + expired + "  " + $0.unit, value: $0.name,
                              secondValue: $0.certificateNumber)
        }
    }

    /// Refreshes the suggestions under the form's focused field when it names an inspector;
    /// `day`: the record's date (a visit's), else today.
    static func refresh(_ form: inout Form, roster: InspectorRoster, on day: String? = nil, strings s: Strings) {
        let field = form.fields[form.focus]
        let day = day.flatMap { CalendarDate.isValid($0) ? $0 : nil } ?? form.today
        form.suggestions = field.kind == .inspectorName ? suggestions(for: field.text, roster: roster, on: day, strings: s) : []
        form.highlighted = min(form.highlighted, max(0, form.suggestions.count - 1))
    }
}
