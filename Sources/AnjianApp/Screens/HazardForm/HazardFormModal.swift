import Foundation
import AnjianModel
import AnjianRuntime
import AnjianScreen
import AnjianText

/// The hazard forms as modals: a new or edited hazard, a lifecycle step, view 2's filters.
extension HazardForm: ModalComponent {
    var writes: Bool { purpose != .filters }

    var draftKind: Draft.Kind? {
        switch purpose {
        case .new: return .newHazard(enterprise: enterpriseCode, visit: supervisionID)
        case .edit(let hazard): return .editHazard(hazard)
        case .step(let step, let hazard): return .hazardStep(hazard, step: step)
        case .filters: return nil
        }
    }

    mutating func restored() { markRequired() }

    /// `h`: a new hazard for an enterprise, linked to a supervision entry when opened from one.
    static func new(for enterprise: Int, supervisionID: String?, context: Context) -> HazardForm {
        let session = context.session
        let enterprise = context.ledger.enterprises[enterprise]
        let visit = supervisionID.flatMap { context.ledger.supervisionEntry(enterprise.creditCode, $0) }
        return .new(for: enterprise, visit: visit, signer: session.signer,
                    today: session.today, strings: session.strings)
    }

    static func edit(_ hazard: Hazard, of enterprise: Int, context: Context) -> HazardForm {
        .edit(hazard, of: context.ledger.enterprises[enterprise], today: context.today, strings: context.strings)
    }

    /// `e`: the edit form, refused for a closed hazard (reopen it first, with a reason).
    static func openEdit(_ hazard: Hazard, of enterprise: Int, context: inout Context) -> [Command] {
        guard !hazard.isClosed else {
            context.message = context.strings.refusal(.editWhileClosed)
            return []
        }
        return [.present(edit(hazard, of: enterprise, context: context))]
    }

    static func filters(_ criteria: HazardCriteria, context: Context) -> HazardForm {
        .filters(criteria, today: context.today, strings: context.strings)
    }

    /// A step's key on the hazard page: its form (every step records a date or a reason and may
    /// list evidence files); refused when the state does not allow it.
    static func perform(_ step: HistoryEntry.Action, on hazard: Hazard, context: inout Context) -> [Command] {
        let session = context.session
        if let refusal = session.readOnlyMessage {
            context.message = refusal
            return []
        }
        guard session.signer != nil else { return [.requireSigner] }
        guard hazard.allows(step) else {
            context.message = session.strings.refusal(.notAllowed(from: hazard.status, action: step))
            return []
        }
        return [.present(HazardForm.step(step, hazard, signer: session.signer, today: session.today, strings: session.strings))]
    }

    mutating func handle(_ event: InputEvent, context: inout Context) -> [Command] {
        switch form.handle(event) {
        case .cancel: return [.closeModal]
        case .picked(let suggestion):
            picked(suggestion)
            form.suggestions = []
            form.move(by: 1)
        case .save: return save(context: context)
        default: break
        }
        markRequired()
        RosterPicker.refresh(&form, roster: context.ledger.roster, strings: context.strings)
        return []
    }

    private mutating func refuse(_ text: String, field: String? = nil) -> [Command] {
        if let field { form.showErrors([(field, text)]) }
        form.message = text
        return []
    }

    private mutating func save(context: Context) -> [Command] {
        let session = context.session
        let s = session.strings
        switch purpose {
        case .filters:
            if let problem = filterDateProblem(s) {
                form.message = problem
                return []
            }
            return [.deliver(.hazardCriteria(criteria())), .closeModal]
        case .new, .edit:
            var hazard = hazard()
            let issues = hazard.validate().errors
            if !issues.isEmpty {
                form.show(issues, s)
                return []
            }
            if case .edit(let original) = purpose {
                // The deadline moves only through an extension, which needs a reason and keeps the old one.
                if hazard.rectification.deadline != original.rectification.deadline {
                    return refuse(s[.deadlineByExtension], field: "rectification.deadline")
                }
                if hazard.changes(from: original).isEmpty { return [.closeModal, .message(s[.nothingChanged])] }
                do {
                    try hazard.recordEdit(from: original, reason: form.value("levelReason"), by: session.signerOrNobody, at: session.now)
                } catch {
                    return refuse(s.refusal(error), field: error == .reasonRequired ? "levelReason" : nil)
                }
                return [.save(.saveHazard(hazard, base: original, link: nil))]
            }
            hazard.register(taken: Set(context.ledger.hazardIndex.records.map(\.item.number)), by: session.signerOrNobody, at: session.now)
            // Registered on a visit: the entry lists it too, and both files are written as one.
            var link: VisitLink? = nil
            if let source = hazard.supervisionID, let visit = context.ledger.supervisionEntry(hazard.enterpriseCode, source),
               !visit.hazardIDs.contains(hazard.id) {
                var entry = visit
                entry.addHazard(hazard.id)
                link = VisitLink(entry: entry.recordingHistory(from: visit, by: session.signerOrNobody, at: session.now), base: visit)
            }
            return [.save(.saveHazard(hazard, base: nil, link: link))]
        case .step(let action, let original):
            return saveStep(action, original, session: session, roster: context.ledger.roster)
        }
    }

    private mutating func saveStep(_ action: HistoryEntry.Action, _ original: Hazard, session: SessionState,
                                   roster: InspectorRoster) -> [Command] {
        let date = form.value("date").trimmingCharacters(in: .whitespaces)
        if form.index(of: "date") != nil, CalendarDate.isValid(date), date > session.today {
            return refuse(session.strings.refusalFutureDate(date), field: "date")
        }
        // A verifier retired by the day of the re-check, or whose certificate had expired, may not sign it.
        if action == .verifiedPassed || action == .verificationFailed {
            for field in ["verifier", "verifier2"] where form.index(of: field) != nil {
                let name = form.value(field).trimmingCharacters(in: .whitespaces)
                let number = form.value(field + "Certificate").trimmingCharacters(in: .whitespaces)
                let byName = roster.named(name)
                let person = (number.isEmpty ? nil : roster.inspectors.first { $0.certificateNumber == number }) ?? (byName.count == 1 ? byName[0] : nil)
                if !name.isEmpty, let person, let refusal = person.refusalForVisit(on: CalendarDate.isValid(date) ? date : session.today) {
                    return refuse(session.strings.inspectorRefused(name, refusal), field: field)
                }
            }
        }
        var hazard = original
        do {
            try apply(action, to: &hazard, session: session, roster: roster)
        } catch {
            return refuse(session.strings.refusal(error), field: field(of: error))
        }
        return [.save(.saveHazard(hazard, base: original, link: nil))]
    }
}
