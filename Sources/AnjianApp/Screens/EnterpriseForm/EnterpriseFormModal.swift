import Foundation
import AnjianModel
import AnjianRuntime
import AnjianScreen
import AnjianText

/// The enterprise forms as modals: `n` in view 1, `e`, `x` and `b` on an enterprise's page.
extension EnterpriseForm: ModalComponent {
    var writes: Bool { true }

    var draftKind: Draft.Kind? {
        switch purpose {
        case .new: return .newEnterprise
        case .edit(let e): return .editEnterprise(e)
        case .step(let step, let e): return .enterpriseStep(e, step: step)
        }
    }

    static func new(context: Context) -> EnterpriseForm { .new(today: context.today, strings: context.strings) }

    static func edit(_ enterprise: Int, context: Context) -> EnterpriseForm {
        .edit(context.ledger.enterprises[enterprise], today: context.today, strings: context.strings)
    }

    /// Whether the ledger holds (or may hold: still loading, or a damaged file) visits or
    /// hazards filed under the code: then only a re-keying changes it.
    static func hasRecords(_ code: String, ledger: LedgerData) -> Bool {
        ledger.loading != nil || !(ledger.supervisions[code] ?? []).isEmpty || !(ledger.hazards[code] ?? []).isEmpty
            || ledger.damage(of: code, .supervisions) != nil || ledger.damage(of: code, .hazards) != nil
    }

    mutating func handle(_ event: InputEvent, context: inout Context) -> [Command] {
        let before = form.fields.map { ($0.text, $0.choice) }
        let left = form.focus
        let outcome = form.handle(event)
        if !zip(before, form.fields.map { ($0.text, $0.choice) }).allSatisfy({ $0 == $1 }) {
            acknowledged = nil
            rekeyConfirming = nil
            visited.insert(form.fields[left].id)
        }
        switch outcome {
        case .cancel: return [.closeModal]
        case .save: return save(context: context)
        case .picked(let suggestion): picked(suggestion, roster: context.ledger.roster)
        case .none, .addRow: break
        }
        // A field left after an edit says at once what is wrong with it.
        if form.focus != left, visited.contains(form.fields[left].id), isRecordForm {
            let (issues, notNumbers) = issues(among: context.ledger.enterprises)
            show(issues, notNumbers: notNumbers, only: visited, strings: context.strings)
        }
        RosterPicker.refresh(&form, roster: context.ledger.roster, strings: context.strings)
        return []
    }

    var isRecordForm: Bool {
        if case .step = purpose { return false }
        return true
    }

    /// A supervisor picked from the roster: the name, and the roster's phone when the row has none.
    mutating func picked(_ suggestion: Suggestion, roster: InspectorRoster) {
        let id = form.fields[form.focus].id
        form.setValue(id, suggestion.value)
        let phoneID = id.replacingOccurrences(of: ".name", with: ".phone")
        if form.value(phoneID).isEmpty,
           let phone = roster.inspectors.first(where: { $0.certificateNumber == suggestion.secondValue })?.phone {
            form.setValue(phoneID, phone)
        }
        form.suggestions = []
        form.move(by: 1)
    }

    private mutating func refuse(_ text: String, field: String? = nil) -> [Command] {
        if let field {
            form.showErrors([(field, text)])
            form.focus(on: field)
        }
        form.message = text
        return []
    }

    private mutating func save(context: Context) -> [Command] {
        let session = context.session
        let s = session.strings
        switch purpose {
        case .step(let step, let original):
            return saveStep(step, original, session: session)
        case .new, .edit:
            break
        }
        let (issues, notNumbers) = issues(among: context.ledger.enterprises)
        let errors = issues.errors
        if !errors.isEmpty || !notNumbers.isEmpty {
            show(issues, notNumbers: notNumbers, strings: s)
            form.message = s.formHasErrors(errors.count + notNumbers.count)
            if let first = (notNumbers.first ?? errors.first?.field) { form.focus(on: first) }
            return []
        }
        let warnings = issues.warnings
        if !warnings.isEmpty, acknowledged != warnings {
            show(issues, notNumbers: [], strings: s)
            acknowledged = warnings
            form.message = s.warningsBeforeSave(warnings.count)
            return []
        }
        var (enterprise, _) = self.enterprise()
        let (signer, now) = (session.signerOrNobody, session.now)
        guard let original else {
            enterprise.recordCreation(by: signer, at: now)
            return [.save(.saveEnterprise(enterprise, base: nil))]
        }
        let newCode = enterprise.creditCode
        if newCode != original.creditCode, Self.hasRecords(original.creditCode, ledger: context.ledger) {
            if context.ledger.loading != nil { return refuse(s[.rekeyWhileLoading], field: "creditCode") }
            // Refused with the reason; Ctrl-S again with the same code is the explicit re-keying.
            guard rekeyConfirming == newCode else {
                rekeyConfirming = newCode
                form.showErrors([("creditCode", s.refusal(.rekeyRequired(code: original.creditCode)))])
                form.focus(on: "creditCode")
                form.message = s.confirmRekey(original.creditCode, newCode,
                                              visits: context.ledger.supervisions[original.creditCode]?.count ?? 0,
                                              hazards: context.ledger.hazards[original.creditCode]?.count ?? 0)
                return []
            }
            enterprise.creditCode = original.creditCode
            do {
                try enterprise.recordEdit(from: original, hasRecords: true, by: signer, at: now)
                let moved = try enterprise.rekeyed(to: newCode, by: signer, at: now)
                return [.save(.rekeyEnterprise(from: original, to: moved))]
            } catch {
                return refuse(s.refusal(error), field: "creditCode")
            }
        }
        do {
            let changes = try enterprise.recordEdit(from: original, hasRecords: Self.hasRecords(original.creditCode, ledger: context.ledger),
                                                    by: signer, at: now)
            if changes.isEmpty { return [.closeModal, .message(s[.nothingChanged])] }
        } catch {
            return refuse(s.refusal(error), field: "creditCode")
        }
        return [.save(.saveEnterprise(enterprise, base: original))]
    }
}
