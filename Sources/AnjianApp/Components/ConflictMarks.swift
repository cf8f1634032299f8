import AnjianModel
import AnjianRuntime
import AnjianScreen
import AnjianText

/// How a record carrying sync conflicts (issue 15) shows: `冲突!` first in its list cell (so a
/// narrow column never cuts it off, and it reads without colour), and on its page a section
/// listing each conflict's two sides, who changed them and when.
enum ConflictMarks {
    /// The marker to put before a list cell's text, or "" when the record has no conflict.
    static func prefix(_ record: some ConflictCarrying, _ s: Strings) -> String {
        record.hasConflicts ? s[.conflictMarker] : ""
    }

    /// A row of a page's list (an enterprise's visits and hazards): the marker, then the row.
    static func listed(_ record: some ConflictCarrying, _ text: String, _ s: Strings) -> String {
        record.hasConflicts ? s[.conflictMarker] + " " + text : text
    }

    /// The page lines of a record's conflicts (none when it has none), for the top of its page: a
    /// header naming the key that resolves them, per field its label and both sides, a blank line.
    static func lines(_ subject: ConflictSubject, strings s: Strings, theme: Theme, valueWidth: Int) -> [PageLine] {
        let conflicts = subject.conflicts
        guard !conflicts.isEmpty else { return [] }
        var lines = [PageLine(label: s.conflictSection(conflicts.count, key: Keymap.resolveConflicts.keys[0].displayName), value: "",
                              style: theme.error, isHeader: true)]
        for conflict in conflicts {
            let label = fieldLabel(conflict.field, subject, s)
            lines += PageLine.wrapped(label, side(conflict, ours: true, s), style: theme.label, valueWidth: valueWidth)
            lines += PageLine.wrapped("", side(conflict, ours: false, s), valueWidth: valueWidth)
        }
        return lines + [PageLine(label: "", value: "")]
    }

    static func side(_ conflict: FieldConflict, ours: Bool, _ s: Strings) -> String {
        let who = ours ? conflict.oursBy : conflict.theirsBy
        let at = (ours ? conflict.oursAt : conflict.theirsAt).map(HistoryLines.readableTime)
        return s.conflictSide(ours: ours, value: value(conflict, ours: ours, s), by: who?.name, at: at)
    }

    /// A side's value as the history shows values (enum fields by name, line breaks as " / ").
    static func value(_ conflict: FieldConflict, ours: Bool, _ s: Strings) -> String {
        s.historyValue((ours ? conflict.ours : conflict.theirs)?.displayText ?? "", field: conflict.field)
    }

    /// A field's label by the kind of record (an enterprise's and an inspector's paths have their own).
    static func fieldLabel(_ field: String, _ subject: ConflictSubject, _ s: Strings) -> String {
        switch subject {
        case .enterprise: s.enterpriseFieldLabel(field)
        case .inspector: s.inspectorFieldLabel(field)
        case .supervision, .hazard: s.fieldLabel(field)
        }
    }
}
