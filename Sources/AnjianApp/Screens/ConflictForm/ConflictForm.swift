import AnjianModel
import AnjianRuntime
import AnjianScreen
import AnjianText

/// `C` on a record's page: one choice per conflicting field (a hazard's lifecycle fields as one,
/// as the merge made them): decide later, keep this machine's value, or take the other side's.
/// Enter saves the choices as one write of the record (`LedgerConflicts.resolution`), each
/// recorded in its history.
struct ConflictForm: ModalComponent {
    var form: Form
    var writes: Bool { true }
    let subject: ConflictSubject
    /// The field each choice decides, in form order.
    let fields: [String]

    /// The form for a record with conflicts; nil when it has none.
    init?(_ subject: ConflictSubject, context: Context) {
        let s = context.strings
        var fields: [String] = []
        var covered: Set<String> = []
        for conflict in subject.conflicts where !covered.contains(conflict.field) {
            fields.append(conflict.field)
            covered.formUnion(Hazard.conflictGroup(of: conflict.field))
        }
        guard !fields.isEmpty else { return nil }
        self.subject = subject
        self.fields = fields
        // Each option short enough for an 80-column form: the page above shows the values whole.
        let room = max(12, min(40, context.width - 40))
        let formFields = fields.enumerated().map { i, field in
            let conflict = subject.conflicts.first { $0.field == field }!
            let options = [s[.conflictUndecided],
                           s.conflictKeep(ours: true, value: ConflictMarks.value(conflict, ours: true, s)).truncated(toWidth: room),
                           s.conflictKeep(ours: false, value: ConflictMarks.value(conflict, ours: false, s)).truncated(toWidth: room)]
            return FormField(id: "conflict\(i)", label: ConflictMarks.fieldLabel(field, subject, s), kind: .choice(options), width: 20)
        }
        form = Form(title: s[.conflictFormTitle], fields: formFields, today: context.today)
        form.message = s[.conflictFormNote]
    }

    mutating func handle(_ event: InputEvent, context: inout Context) -> [Command] {
        switch event {
        case .key(.enter): return save(context)
        case .key(.escape): return [.closeModal]
        default: break
        }
        switch form.handle(event) {
        case .save: return save(context)
        case .cancel: return [.closeModal]
        default: return []
        }
    }

    /// The chosen sides, saved as one write of the record against it as loaded.
    private mutating func save(_ context: Context) -> [Command] {
        let s = context.strings
        let choices: [(field: String, side: ConflictSide)] = fields.enumerated().compactMap { i, field in
            switch form.choice("conflict\(i)") {
            case 1: (field, .ours)
            case 2: (field, .theirs)
            default: nil
            }
        }
        guard !choices.isEmpty, let signer = context.session.signer else { return [.closeModal, .message(s[.conflictNoneChosen])] }
        do {
            guard let operation = try LedgerConflicts.resolution(of: subject, choices: choices, by: signer, at: context.session.now) else {
                return [.closeModal, .message(s[.noConflictsHere])]
            }
            return [.save(operation)]
        } catch {
            switch error {
            case .noConflict: form.message = s[.noConflictsHere]
            case .invalidValue(let field): form.message = s.conflictInvalidValue(ConflictMarks.fieldLabel(field, subject, s))
            }
            return []
        }
    }
}
