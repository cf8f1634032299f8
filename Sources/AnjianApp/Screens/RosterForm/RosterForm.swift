import Foundation
import AnjianModel
import AnjianRuntime
import AnjianScreen
import AnjianText

/// The roster's forms: a new inspector (`n`), an edit (`e`), and the retirement step (`r`:
/// retire with a date and a reason, or reinstate with a reason). Every one is saved as
/// `StoreOperation.saveInspector` with the record as read, and recorded in its history.
struct RosterForm: ModalComponent {
    enum Purpose: Sendable, Equatable {
        case new
        case edit(Inspector)
        case retire(Inspector)
        case reinstate(Inspector)
    }

    var form: Form
    let purpose: Purpose
    /// The warnings shown at the last Ctrl-S: the same again saves (they are only warnings).
    private var warningsShown: [ValidationIssue] = []
    var writes: Bool { true }

    init(form: Form, purpose: Purpose) {
        self.form = form
        self.purpose = purpose
    }

    // MARK: The forms

    static func new(context: Context) -> RosterForm {
        let s = context.strings
        return RosterForm(form: Form(title: s[.newInspectorTitle], fields: fields(Inspector(name: "", certificateNumber: "", unit: ""), s),
                                     today: context.today), purpose: .new)
    }

    static func edit(_ inspector: Inspector, context: Context) -> RosterForm {
        let s = context.strings
        return RosterForm(form: Form(title: s[.editInspectorTitle] + " · " + inspector.name, fields: fields(inspector, s),
                                     today: context.today), purpose: .edit(inspector))
    }

    /// `r`: retire an inspector on the roster, or reinstate a retired one.
    static func retirement(_ inspector: Inspector, context: Context) -> RosterForm {
        let s = context.strings
        let reinstating = inspector.retired != nil
        var fields: [FormField] = []
        if !reinstating {
            fields.append(FormField(id: "date", label: s[.rosterFieldRetireDate], kind: .date, text: context.today, width: 12))
        }
        fields.append(FormField(id: "reason", label: s[.fieldReason] + (reinstating ? "" : "*"), kind: .multiline(lines: 2), width: 60))
        var form = Form(title: s.retireTitle(inspector.name, reinstating: reinstating), fields: fields, today: context.today)
        form.focus = fields.count - 1
        if let retired = inspector.retired { form.message = s.retiredSince(retired.date, retired.reason) }
        return RosterForm(form: form, purpose: reinstating ? .reinstate(inspector) : .retire(inspector))
    }

    static func fields(_ inspector: Inspector, _ s: Strings) -> [FormField] {
        [
            FormField(id: "name", label: s[.rosterFieldName] + "*", kind: .text, text: inspector.name, width: 12),
            FormField(id: "certificateNumber", label: s[.rosterFieldCertificate] + "*", kind: .text, text: inspector.certificateNumber,
                      width: 16, startsRow: false),
            FormField(id: "unit", label: s[.rosterFieldUnit], kind: .text, text: inspector.unit, width: 30),
            FormField(id: "phone", label: s[.rosterFieldPhone], kind: .text, text: inspector.phone ?? "", width: 14),
            FormField(id: "certificateExpires", label: s[.rosterFieldExpires], kind: .date, text: inspector.certificateExpires ?? "",
                      width: 12),
            FormField(id: "avoidDistricts", label: s[.rosterFieldAvoidDistricts], kind: .text,
                      text: inspector.avoidDistricts.joined(separator: "、"), width: 40),
            FormField(id: "avoidEnterprises", label: s[.rosterFieldAvoidEnterprises], kind: .multiline(lines: 2),
                      text: inspector.avoidEnterprises.joined(separator: "、"), width: 60),
        ]
    }

    /// The items of a list field: separated by 、 , ， ; ； or white space.
    static func items(_ text: String) -> [String] {
        text.split { "、,，;；".contains($0) || $0.isWhitespace }.map(String.init)
    }

    /// The inspector the form describes (edits start from the record: its history and
    /// retirement stay). An enterprise to avoid may be typed by its name or short name: it is
    /// kept by its credit code.
    func inspector(ledger: LedgerData) -> Inspector {
        var inspector: Inspector
        switch purpose {
        case .edit(let original), .retire(let original), .reinstate(let original): inspector = original
        case .new: inspector = Inspector(name: "", certificateNumber: "", unit: "")
        }
        func value(_ id: String) -> String { form.value(id).trimmingCharacters(in: .whitespacesAndNewlines) }
        inspector.name = value("name")
        inspector.certificateNumber = value("certificateNumber")
        inspector.unit = value("unit")
        let phone = value("phone").filter { !$0.isWhitespace }
        inspector.phone = phone.isEmpty ? nil : phone
        let expires = value("certificateExpires")
        inspector.certificateExpires = expires.isEmpty ? nil : expires
        // Kept by the districts' Chinese names, as the draw compares them (`Muping` → 牟平区).
        inspector.avoidDistricts = Self.items(form.value("avoidDistricts")).map { District.meant($0)?.name ?? $0 }
        inspector.avoidEnterprises = Self.items(form.value("avoidEnterprises")).map { item in
            let named = ledger.enterprises.first { $0.name == item || $0.shortName == item }
            return named?.creditCode ?? CreditCode.normalize(item)
        }
        return inspector
    }

    // MARK: Keys

    mutating func handle(_ event: InputEvent, context: inout Context) -> [Command] {
        switch form.handle(event) {
        case .cancel: return [.closeModal]
        case .save: return save(context: context)
        default: return []
        }
    }

    private mutating func save(context: Context) -> [Command] {
        let session = context.session
        let s = session.strings
        let (signer, now) = (session.signerOrNobody, session.now)
        switch purpose {
        case .new, .edit:
            var inspector = inspector(ledger: context.ledger)
            let original: Inspector? = if case .edit(let original) = purpose { original } else { nil }
            // A list's problems (`avoidDistricts[1]`) belong to the list's one field.
            let issues = inspector.formIssues(among: context.ledger.roster.inspectors, original: original?.certificateNumber).map { issue in
                var issue = issue
                if let bracket = issue.field.firstIndex(of: "[") { issue.field = String(issue.field[..<bracket]) }
                return issue
            }
            let errors = issues.errors, warnings = issues.warnings
            if !errors.isEmpty || (!warnings.isEmpty && warnings != warningsShown) {
                show(issues, s)
                warningsShown = warnings
                if errors.isEmpty { form.message = s[.saveWarningsAgain] }
                return []
            }
            if let original {
                if inspector.recordEdit(from: original, by: signer, at: now).isEmpty { return [.closeModal, .message(s[.nothingChanged])] }
            } else {
                inspector.recordCreation(by: signer, at: now)
            }
            return [.save(.saveInspector(inspector, base: original))]
        case .retire(let original), .reinstate(let original):
            var inspector = original
            let reason = form.value("reason")
            do {
                if case .retire = purpose {
                    try inspector.retire(on: form.value("date").trimmingCharacters(in: .whitespaces), reason: reason, by: signer, at: now)
                } else {
                    try inspector.reinstate(reason: reason, by: signer, at: now)
                }
            } catch {
                let text = s.refusal(error)
                switch error {
                case .invalidDate: form.showErrors([("date", text)])
                case .reasonRequired: form.showErrors([("reason", text)])
                default: break
                }
                form.message = text
                return []
            }
            return [.save(.saveInspector(inspector, base: original))]
        }
    }

    /// Errors and warnings beside their fields (a warning says it is one), focus on the first.
    private mutating func show(_ issues: [ValidationIssue], _ s: Strings) {
        let sorted = issues.errors + issues.warnings
        let unplaced = form.showErrors(sorted.map {
            ($0.field, ($0.severity == .warning ? s[.warningPrefix] : "") + s.problem($0.problem))
        })
        form.message = s.formHasErrors(sorted.count) + (unplaced.isEmpty ? "" : s.colon + unplaced.joined(separator: s.clauseSeparator))
        if let first = sorted.first, let index = form.index(of: first.field) { form.focus = index }
    }
}
