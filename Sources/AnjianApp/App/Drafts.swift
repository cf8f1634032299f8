import Foundation
import AnjianModel
import AnjianRuntime
import AnjianScreen
import AnjianStore
import AnjianText

/// A form kept when the program had to stop with it half-filled (a lost terminal, SIGHUP,
/// SIGTERM, Ctrl-C): what it was for and every field's value. Not a ledger record: the next
/// start offers it back, and only a save from the reopened form reaches the ledger.
struct Draft: Codable, Equatable, Sendable {
    /// What the form was for; an edit or a step keeps the record as the form read it, so the
    /// reopened form saves against that version: a change made meanwhile is a conflict.
    enum Kind: Codable, Equatable, Sendable {
        case newSupervision(enterprise: String)
        case editSupervision(SupervisionEntry)
        case newHazard(enterprise: String, visit: String?)
        case editHazard(Hazard)
        case hazardStep(Hazard, step: HistoryEntry.Action)
        case newEnterprise
        case editEnterprise(Enterprise)
        case enterpriseStep(Enterprise, step: HistoryEntry.Action)
    }
    var kind: Kind
    /// The form's title, to tell the user which form it was.
    var title: String
    var savedAt: String
    var savedBy: String
    /// Field ids in order, with their text and choice.
    var fields: [Field]

    struct Field: Codable, Equatable, Sendable {
        var id: String
        var text: String
        var choice: Int
    }

    init(kind: Kind, form: Form, session: SessionState) {
        self.kind = kind
        title = form.title
        savedAt = session.now
        savedBy = session.signer?.name ?? ""
        fields = form.fields.map { Field(id: $0.id, text: $0.text, choice: $0.choice) }
    }

    /// `20261125143000-1a2b3c4d.json`: drafts sort by time, and two never share a name.
    var fileName: String {
        String(savedAt.prefix(19).filter(\.isNumber)) + "-" + UUID().uuidString.prefix(8).lowercased() + ".json"
    }

    func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return (try? encoder.encode(self)) ?? Data()
    }

    /// The form again, as it was: built as the screens build it, then every value put back.
    /// Nil when its record is gone.
    func reopen(_ context: Context) -> (any ModalComponent)? {
        let ledger = context.ledger
        var modal: any ModalComponent
        switch kind {
        case .newSupervision(let code):
            guard let index = ledger.directory.index(of: code) else { return nil }
            var form = SupervisionForm.new(for: index, context: context)
            let rows = fields.filter { $0.id.hasPrefix("inspectors[") && $0.id.hasSuffix("].name") }.count
            while form.inspectorRows < rows { form.addInspectorRow(context.strings) }
            modal = form
        case .editSupervision(let read):
            guard let index = ledger.directory.index(of: read.enterpriseCode) else { return nil }
            var form = SupervisionForm.edit(read, of: index, context: context)
            let rows = fields.filter { $0.id.hasPrefix("inspectors[") && $0.id.hasSuffix("].name") }.count
            while form.inspectorRows < rows { form.addInspectorRow(context.strings) }
            modal = form
        case .newHazard(let code, let visit):
            guard let index = ledger.directory.index(of: code) else { return nil }
            modal = HazardForm.new(for: index, supervisionID: visit, context: context)
        case .editHazard(let read):
            guard let index = ledger.directory.index(of: read.enterpriseCode) else { return nil }
            modal = HazardForm.edit(read, of: index, context: context)
        case .hazardStep(let read, let step):
            let session = context.session
            modal = HazardForm.step(step, read, signer: session.signer, today: session.today, strings: session.strings)
        case .newEnterprise:
            modal = EnterpriseForm.new(context: context)
        case .editEnterprise(let read):
            modal = EnterpriseForm.edit(read, today: context.today, strings: context.strings)
        case .enterpriseStep(let read, let step):
            modal = EnterpriseForm.step(step, read, today: context.today, strings: context.strings)
        }
        for field in fields {
            guard let i = modal.form.index(of: field.id) else { continue }
            modal.form.fields[i].input = TextInput(field.text)
            modal.form.fields[i].choice = field.choice
        }
        modal.form.changed = true
        modal.form.focus = 0
        modal.restored()
        return modal
    }
}

extension AppState {
    /// The open form as a draft, when it has changes worth keeping and the ledger may be written.
    var openDraft: Draft? {
        guard let modal, modal.form.changed, let kind = modal.draftKind, context.session.readOnly == nil else { return nil }
        return Draft(kind: kind, form: modal.form, session: context.session)
    }

    /// The program must stop (Ctrl-C, a signal, a lost terminal): a half-filled form is kept
    /// as a draft first, and the program quits once the draft is on disk. When it cannot be
    /// kept, the form stays open and says why (a signal ends the program all the same).
    mutating func stopping() -> [Effect] {
        guard let draft = openDraft else { return [.quit] }
        let operation = StoreOperation.saveDraft(name: draft.fileName, data: draft.encoded())
        modalSave = operation
        return [.store(operation)]
    }
}

/// Offers the drafts kept at the last stop: reopen one, or discard it; Esc keeps them for later.
struct DraftOfferModal: ModalComponent {
    var form: Form
    var drafts: [(name: String, draft: Draft)]
    var writes: Bool { true }

    init?(_ stored: [Drafts.Stored], context: Context) {
        drafts = stored.compactMap { item in
            (try? JSONDecoder().decode(Draft.self, from: item.data)).map { (item.name, $0) }
        }
        guard !drafts.isEmpty else { return nil }
        let s = context.strings
        form = Form(title: s[.draftOfferTitle], fields: [], today: context.today)
        form.fields = fields(s)
        form.message = s[.draftOfferHint]
    }

    func fields(_ s: Strings) -> [FormField] {
        let labels = drafts.map { $0.draft.title + "  " + HistoryLines.readableTime($0.draft.savedAt) + "  " + $0.draft.savedBy }
        return [
            FormField(id: "draft", label: s[.fieldDraft], kind: .choice(labels), width: 40),
            FormField(id: "action", label: s[.fieldDraftAction], kind: .choice([s[.draftReopen], s[.draftDiscard]]), width: 10),
        ]
    }

    mutating func handle(_ event: InputEvent, context: inout Context) -> [Command] {
        switch form.handle(event) {
        case .save:
            let chosen = drafts[form.choice("draft")]
            let remove = Command.effect(.store(.removeDraft(name: chosen.name)))
            guard form.choice("action") == 0 else {
                drafts.remove(at: form.choice("draft"))
                if drafts.isEmpty { return [remove, .closeModal] }
                form = Form(title: form.title, fields: fields(context.strings), today: form.today)
                return [remove]
            }
            guard let reopened = chosen.draft.reopen(context) else {
                form.message = context.strings[.draftRecordGone]
                return []
            }
            // The draft stays on disk until the reopened form is saved or discarded.
            return [.closeModal, .present(reopened), .draftReopened(chosen.name)]
        case .cancel:
            return [.closeModal, .message(context.strings[.draftKept])]
        default:
            return []
        }
    }
}
