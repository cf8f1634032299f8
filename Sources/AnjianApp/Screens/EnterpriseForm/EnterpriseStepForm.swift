import Foundation
import AnjianModel
import AnjianRuntime
import AnjianText

/// An enterprise's steps, asking only for what each needs: retiring (the day and why),
/// reinstating (why, optional), the integrity red/black list (which list or none, why, the
/// decision's date and document number, the review date).
extension EnterpriseForm {
    /// The integrity form's choices, in order: the lists, then off the list.
    static let integrityChoices: [IntegrityStatus] = [.red, .black, .none]

    public static func step(_ step: HistoryEntry.Action, _ e: Enterprise, today: String, strings s: Strings) -> EnterpriseForm {
        var fields: [FormField] = []
        let title: Text
        switch step {
        case .retired:
            title = .retireTitle
            fields = [FormField(id: "date", label: s[.formRetiredOn], kind: .date, text: today, width: 12),
                      FormField(id: "reason", label: s[.fieldReason], kind: .multiline(lines: 2), width: 60)]
        case .reinstated:
            title = .reinstateTitle
            fields = [FormField(id: "reason", label: s[.fieldReason], kind: .multiline(lines: 2), width: 60)]
        default:
            title = .integrityTitle
            // Listed: its details to change; else a listing to make, decided today.
            let current = e.integrity.flatMap { $0.status == .none ? nil : $0 }
            let choices = integrityChoices.map { $0 == .none ? s[.integrityTakeOff] : s.integrity($0) }
            fields = [
                FormField(id: "status", label: s[.formStatus], kind: .choice(choices),
                          choice: current.flatMap { c in integrityChoices.firstIndex(of: c.status) } ?? 0, width: 10),
                FormField(id: "date", label: s[.formDecisionDate], kind: .date, text: current?.date ?? today, width: 12, startsRow: false),
                FormField(id: "documentNumber", label: s[.formDocumentNumber], kind: .text, text: current?.documentNumber ?? "", width: 24),
                FormField(id: "reviewDate", label: s[.formReviewDate], kind: .date, text: current?.reviewDate ?? "", width: 12),
                FormField(id: "reason", label: s[.fieldReason], kind: .multiline(lines: 2), text: current?.reason ?? "", width: 60),
            ]
        }
        var result = EnterpriseForm(form: Form(title: s[title] + " · " + e.name, fields: fields, today: today), purpose: .step(step, e))
        result.form.focus = step == .integrityChanged ? 0 : result.form.index(of: "reason") ?? 0
        return result
    }

    init(form: Form, purpose: Purpose) {
        self.form = form
        self.purpose = purpose
        self.supervisorRows = 0
    }

    /// The step done on the enterprise as the form describes it, refused with the model's reason
    /// beside the field it is about.
    mutating func saveStep(_ step: HistoryEntry.Action, _ original: Enterprise, session: SessionState) -> [Command] {
        let s = session.strings
        func text(_ id: String) -> String { form.value(id).trimmingCharacters(in: .whitespacesAndNewlines) }
        var enterprise = original
        let (signer, now) = (session.signerOrNobody, session.now)
        // An enterprise leaves the list, and an integrity decision counts, from the day they are
        // saved: a later day would act before it comes (the lists and the draw read no dates).
        if step != .reinstated, CalendarDate.isValid(text("date")), text("date") > session.today {
            form.showErrors([("date", s.refusalFutureDate(text("date")))])
            form.focus(on: "date")
            form.message = s.refusalFutureDate(text("date"))
            return []
        }
        do {
            switch step {
            case .retired: try enterprise.retire(on: text("date"), reason: text("reason"), by: signer, at: now)
            case .reinstated: try enterprise.reinstate(reason: text("reason"), by: signer, at: now)
            default:
                try enterprise.changeIntegrity(to: Self.integrityChoices[form.choice("status")], reason: text("reason"),
                                               decidedOn: text("date"), documentNumber: text("documentNumber"),
                                               reviewDate: text("reviewDate"), by: signer, at: now)
            }
        } catch {
            let field = self.field(of: error)
            if let field { form.showErrors([(field, s.refusal(error))]); form.focus(on: field) }
            form.message = s.refusal(error)
            return []
        }
        return [.save(.saveEnterprise(enterprise, base: original))]
    }

    /// The field a refusal is about.
    func field(of refusal: MasterDataRefusal) -> String? {
        switch refusal {
        case .invalidDate(let date): return text("reviewDate") == date && form.index(of: "reviewDate") != nil ? "reviewDate" : "date"
        case .reasonRequired: return "reason"
        case .reviewBeforeDecision: return "reviewDate"
        case .notListed, .integrityUnchanged: return "status"
        default: return nil
        }
    }

    private func text(_ id: String) -> String { form.value(id).trimmingCharacters(in: .whitespaces) }
}
