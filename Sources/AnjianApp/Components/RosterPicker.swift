import AnjianText
import Foundation
import AnjianModel

/// The roster's candidates under a name field: the same in every form that names an inspector.
enum RosterPicker {
    /// Up to five inspectors matching what is typed (characters or pinyin); none when the text
    /// is empty or already exactly one roster name.
    static func suggestions(for text: String, roster: InspectorRoster) -> [Suggestion] {
        guard !text.isEmpty else { return [] }
        let matches = roster.matching(text)
        if matches.count == 1, matches[0].name == text.trimmingCharacters(in: .whitespaces) { return [] }
        return matches.prefix(5).map {
            Suggestion(title: $0.name, detail: $0.certificateNumber + "  " + $0.unit, value: $0.name, secondValue: $0.certificateNumber)
        }
    }

    /// Refreshes the suggestions under the form's focused field when it names an inspector.
    static func refresh(_ form: inout Form, roster: InspectorRoster) {
        let field = form.fields[form.focus]
        form.suggestions = field.kind == .inspectorName ? suggestions(for: field.text, roster: roster) : []
        form.highlighted = min(form.highlighted, max(0, form.suggestions.count - 1))
    }
}
