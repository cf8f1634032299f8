import Foundation
import AnjianModel
import AnjianRuntime
import AnjianText

/// A lifecycle step's form, asking only for what the step needs, and every step's evidence files.
extension HazardForm {
    /// Starting rectification and reporting it rectified: the day and a note. Verification: the
    /// verifier, the date, the remark or reason (closing a major hazard: two verifiers with
    /// certificate numbers and the written opinion). Reopening: the reason. Extension: the new
    /// deadline and the reason.
    public static func step(_ action: HistoryEntry.Action, _ hazard: Hazard, signer: Operator?, today: String,
                            strings s: Strings) -> HazardForm {
        var fields: [FormField] = []
        let note = FormField(id: "note", label: s[.fieldReason], kind: .multiline(lines: 2), width: 60)
        switch action {
        case .rectificationStarted, .reportedRectified:
            fields = [FormField(id: "date", label: s[.fieldStepDate], kind: .date, text: today, width: 12),
                      FormField(id: "note", label: s[.fieldStepNote], kind: .multiline(lines: 2), width: 60)]
        case .verifiedPassed where hazard.level == .major:
            fields = [
                FormField(id: "verifier", label: s.fieldLabel("verifier") + "*", kind: .inspectorName, text: signer?.name ?? "", width: 10),
                FormField(id: "verifierCertificate", label: s[.fieldCertificate] + "*", kind: .text,
                          text: signer?.certificateNumber ?? "", width: 16, startsRow: false),
                FormField(id: "verifier2", label: s[.fieldSecondVerifier] + "*", kind: .inspectorName, width: 10),
                FormField(id: "verifier2Certificate", label: s[.fieldCertificate] + "*", kind: .text, width: 16, startsRow: false),
                FormField(id: "date", label: s[.fieldVerifyDate], kind: .date, text: today, width: 12),
                FormField(id: "note", label: s[.fieldOpinion] + "*", kind: .multiline(lines: 2), width: 60),
            ]
        case .verifiedPassed, .verificationFailed:
            fields = [
                FormField(id: "verifier", label: s.fieldLabel("verifier"), kind: .inspectorName, text: signer?.name ?? "", width: 10),
                FormField(id: "date", label: s[.fieldVerifyDate], kind: .date, text: today, width: 12, startsRow: false),
                FormField(id: "note", label: s[action == .verifiedPassed ? .fieldRemark : .fieldReason], kind: .multiline(lines: 2), width: 60),
            ]
        case .reopened:
            fields = [note]
        case .deadlineExtended:
            fields = [
                // A standard period from today or from the old deadline, whichever is later.
                FormField(id: "deadline", label: s[.fieldNewDeadline], kind: .date,
                          text: CalendarDate.adding(days: standardDays, to: max(today, hazard.rectification.deadline)) ?? "", width: 12),
                note,
            ]
        default:
            break
        }
        fields.append(FormField(id: "evidence", label: s[.fieldEvidence], kind: .multiline(lines: 2), width: 60))
        let title = s.step(action) + " · " + hazard.number
        var result = HazardForm(form: Form(title: title, fields: fields, today: today), purpose: .step(action, hazard),
                                enterpriseCode: hazard.enterpriseCode, supervisionID: hazard.supervisionID)
        // Everything else has a default: start where the user must type (the remark or reason; the second verifier).
        result.form.focus = result.form.index(of: "verifier2") ?? result.form.index(of: "note") ?? 0
        return result
    }

    /// A roster pick on a verifier's name fills its certificate number too.
    mutating func picked(_ suggestion: Suggestion) {
        let id = form.fields[form.focus].id
        form.setValue(id, suggestion.value)
        if form.index(of: id + "Certificate") != nil { form.setValue(id + "Certificate", suggestion.secondValue) }
    }

    /// The step done on the hazard, as the form describes it: refused with the model's reason.
    func apply(_ action: HistoryEntry.Action, to hazard: inout Hazard, session: SessionState,
               roster: InspectorRoster) throws(HazardRefusal) {
        let note = form.value("note").trimmingCharacters(in: .whitespacesAndNewlines)
        let date = form.value("date").trimmingCharacters(in: .whitespaces)
        let evidence = try Evidence.check(form.value("evidence"), dataDirectory: session.dataPath)
        let (signer, now) = (session.signerOrNobody, session.now)
        switch action {
        case .rectificationStarted: try hazard.startRectification(on: date, note: note, evidence: evidence, by: signer, at: now)
        case .reportedRectified: try hazard.reportRectified(on: date, note: note, evidence: evidence, by: signer, at: now)
        case .verifiedPassed:
            // A general hazard's form asks the verifier's name only: the certificate is the roster's
            // when the name is one inspector's (the re-check opinion prints it), else left blank.
            func certified(_ name: String, _ certificate: String) -> InspectorRef {
                guard certificate.isBlank else { return InspectorRef(name: name, certificateNumber: certificate) }
                let matches = roster.named(name)
                return InspectorRef(name: name, certificateNumber: matches.count == 1 ? matches[0].certificateNumber : "")
            }
            let verifiers = [certified(form.value("verifier"), form.value("verifierCertificate")),
                             InspectorRef(name: form.value("verifier2"), certificateNumber: form.value("verifier2Certificate"))]
            try hazard.verifyPassed(verifiers: verifiers, date: date, remark: note, evidence: evidence, by: signer, at: now)
        case .verificationFailed:
            try hazard.verifyFailed(verifier: form.value("verifier"), date: date, reason: note, evidence: evidence, by: signer, at: now)
        case .reopened:
            try hazard.reopen(reason: note, evidence: evidence, by: signer, at: now)
        case .deadlineExtended:
            try hazard.extendDeadline(to: form.value("deadline").trimmingCharacters(in: .whitespaces), reason: note, today: session.today,
                                      evidence: evidence, by: signer, at: now)
        default:
            break
        }
    }

    /// The field a refusal is about.
    func field(of refusal: HazardRefusal) -> String? {
        switch refusal {
        case .verifierRequired: return "verifier"
        case .twoVerifiersRequired: return form.value("verifier2").isEmpty ? "verifier2" : "verifier2Certificate"
        case .invalidDate: return form.index(of: "date") != nil ? "date" : "deadline"
        case .reasonRequired, .opinionRequired: return "note"
        case .deadlineNotLater, .deadlineNotAfterToday: return "deadline"
        case .dateBeforeDiscovery, .dateBeforePreviousStep: return "date"
        case .evidenceMissing: return "evidence"
        case .notAllowed, .editWhileClosed: return nil
        }
    }
}
