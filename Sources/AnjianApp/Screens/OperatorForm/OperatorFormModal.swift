import Foundation
import AnjianModel
import AnjianRuntime
import AnjianScreen
import AnjianText

/// Asked once at start when the operator is unknown, or before the first change.
struct OperatorFormModal: ModalComponent {
    var form: Form
    var writes: Bool { false }

    /// `name`: given at start without a certificate number; filled in, the focus on the certificate.
    init(strings s: Strings, today: String, message: String? = nil, name: String? = nil) {
        form = Form(title: s[.operatorFormTitle], fields: [
            FormField(id: "name", label: s[.fieldOperatorName], kind: .text, text: name ?? "", width: 12),
            FormField(id: "certificateNumber", label: s[.fieldCertificate], kind: .text, width: 16),
        ], focus: name == nil ? 0 : 1, today: today)
        form.message = message
    }

    mutating func handle(_ event: InputEvent, context: inout Context) -> [Command] {
        switch form.handle(event) {
        case .save:
            let s = context.strings
            let roster = context.ledger.roster
            let name = form.value("name").trimmingCharacters(in: .whitespaces)
            var cert = form.value("certificateNumber").trimmingCharacters(in: .whitespaces)
            if cert.isEmpty, roster.named(name).count == 1 { cert = roster.named(name)[0].certificateNumber }
            var errors: [(String, String)] = []
            if name.isEmpty { errors.append(("name", s[.problemRequired])) }
            if cert.isEmpty { errors.append(("certificateNumber", s[.problemRequired])) }
            if !errors.isEmpty {
                form.showErrors(errors)
                return []
            }
            let chosen = Operator(name: name, certificateNumber: cert)
            context.session.signer = chosen
            // Saved first: the action that asked for the operator goes on when the form closes.
            return [.effect(.store(.saveOperator(chosen))), .closeModal]
        case .cancel:
            return [.closeModal]  // Esc: go on without; the first change asks again
        default:
            return []
        }
    }
}
