import Foundation
import AnjianModel
import AnjianRuntime
import AnjianScreen
import AnjianText

/// The supervision entry form as a modal: new (`s`) or edited (`e`).
extension SupervisionForm: ModalComponent {
    var writes: Bool { true }

    var draftKind: Draft.Kind? {
        original.map { .editSupervision($0) } ?? .newSupervision(enterprise: enterpriseCode)
    }

    static func new(for enterprise: Int, context: Context) -> SupervisionForm {
        let session = context.session
        return .new(for: context.ledger.enterprises[enterprise], signer: session.signer, now: session.clock(), zone: session.timeZone,
                    strings: session.strings)
    }

    static func edit(_ entry: SupervisionEntry, of enterprise: Int, context: Context) -> SupervisionForm {
        let session = context.session
        return .edit(entry, of: context.ledger.enterprises[enterprise], now: session.clock(), zone: session.timeZone,
                     strings: session.strings)
    }

    mutating func handle(_ event: InputEvent, context: inout Context) -> [Command] {
        // The field the key was typed in, not the one focused after it (Shift-Tab onto a name
        // is no edit of that name).
        let field = form.focus
        let before = form.fields[field].text
        let outcome = form.handle(event)
        if form.fields[field].text != before { nameEdited(field) }
        switch outcome {
        case .none: break
        case .cancel: return [.closeModal]
        case .addRow: addInspectorRow(context.strings)
        case .picked(let suggestion): pick(suggestion)
        case .save: return save(context: context)
        }
        RosterPicker.refresh(&form, roster: context.ledger.roster, on: form.value("date").trimmingCharacters(in: .whitespaces),
                             strings: context.strings)
        return []
    }

    private mutating func save(context: Context) -> [Command] {
        let session = context.session
        let entry = entry(roster: context.ledger.roster)
        // The rules a stored file may break (only a warning there) are refused here like errors.
        let issues = entry.validate().errors + entry.ruleIssues(now: session.clock(), in: session.timeZone)
        if !issues.isEmpty {
            form.show(issues, session.strings)
            return []
        }
        // Retired, or the certificate expired on the visit's day: refused, the name's field says why.
        let refusals = inspectorRefusals(on: entry.date, roster: context.ledger.roster)
        if !refusals.isEmpty {
            let s = session.strings
            form.showErrors(refusals.map { ($0.field, s.refusal($0.refusal)) })
            form.message = refusals.map { s.inspectorRefused($0.name, $0.refusal) }.joined(separator: s.clauseSeparator)
            if let first = refusals.first, let index = form.index(of: first.field) { form.focus = index }
            form.suggestions = []
            return []
        }
        var signed = entry
        if signed.id.isEmpty {
            signed.id = SupervisionEntry.newID(for: entry, taken: Set((context.ledger.supervisions[entry.enterpriseCode] ?? []).map(\.id)))
        }
        signed = signed.recordingHistory(from: original, by: session.signerOrNobody, at: session.now)
        return [.save(.saveSupervision(signed, base: original))]
    }
}
