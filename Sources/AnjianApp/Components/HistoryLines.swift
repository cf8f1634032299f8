import AnjianText
import AnjianModel
import AnjianScreen

/// A record's history as page lines, the same for supervision entries and hazards: who and
/// when, each change as a phrase (hazards by their numbers, which `hazardNumber` gives for an
/// id from the ledger), and the reason given. `fieldLabel`: the labels of a record whose paths
/// are not `Strings.fieldLabel`'s (an inspector's).
enum HistoryLines {
    static func lines(_ history: [HistoryEntry], of subject: HistorySubject = .record, strings s: Strings, valueWidth: Int,
                      dataDirectory: String = "", hazardNumber: (String) -> String? = { _ in nil },
                      fieldLabel: ((String) -> String)? = nil) -> [PageLine] {
        var lines = [PageLine(label: "", value: ""), PageLine(label: s[.historyTitle], value: "", style: Style(bold: true))]
        func add(_ value: String) { lines += PageLine.wrapped("", value, valueWidth: valueWidth) }
        for item in history {
            let who = item.by.name.isEmpty ? s[.noOperator] : item.by.name
            switch item.action {
            case .created: add(s.historyCreated(readableTime(item.at), who))
            case .edited: add(s.historyEdited(readableTime(item.at), who))
            default: add(readableTime(item.at) + "  " + who + "  " + s.step(item.action) + (item.date.map { "  " + $0 } ?? ""))
            }
            // A step's status change is its name, said above.
            for change in item.changes where change.field != "status" {
                add("  " + s.historyChange(change, of: subject, hazardNumber: hazardNumber, label: fieldLabel))
            }
            if let note = item.note { add("  " + s.labelled(s[noteLabel(item.action)], note)) }
            // Evidence files, each marked when it is not there.
            for path in item.evidence ?? [] {
                let missing = Evidence.exists(path, dataDirectory: dataDirectory) ? "" : s[.evidenceMissingMark]
                add("  " + s.labelled(s[.fieldEvidence], path + missing))
            }
        }
        return lines
    }

    static func noteLabel(_ action: HistoryEntry.Action) -> Text {
        switch action {
        case .verifiedPassed: .fieldRemark
        case .rectificationStarted, .reportedRectified: .fieldStepNote
        default: .fieldReason
        }
    }

    /// `2026-10-27T15:30:00+08:00` → `2026-10-27 15:30`.
    static func readableTime(_ iso: String) -> String {
        guard iso.count >= 16 else { return iso }
        return String(iso.prefix(16)).replacingOccurrences(of: "T", with: " ")
    }
}
