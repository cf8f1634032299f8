import Foundation
import AnjianModel
import AnjianScreen
import AnjianText

extension AppState {
    var signerOrNobody: Operator { signer ?? Operator(name: "", certificateNumber: "") }
    var now: String { CalendarDate.timestamp(clock(), in: timeZone) }

    /// `h`: a new hazard for an enterprise, linked to a supervision entry when opened from one.
    mutating func openNewHazard(_ index: Int, supervisionID: String? = nil) {
        if let refusal = readOnlyMessage { message = refusal; return }
        guard requireSigner() else { return }
        hazardForm = HazardForm.new(for: enterprises[index], supervisionID: supervisionID, signer: signer, today: today, strings: strings)
    }

    mutating func updateHazardForm(_ event: InputEvent) -> [Effect] {
        guard var current = hazardForm else { return [] }
        let outcome = current.form.handle(event)
        switch outcome {
        case .cancel:
            hazardForm = nil
            return []
        case .picked(let suggestion):
            current.form.setValue(current.form.fields[current.form.focus].id, suggestion.value)
            current.form.suggestions = []
            current.form.move(by: 1)
        case .save:
            return saveHazardForm(current)
        default:
            break
        }
        current.markRequired()
        if current.form.fields[current.form.focus].kind == .inspectorName {
            let text = current.form.fields[current.form.focus].text
            let matches = text.isEmpty ? [] : roster.matching(text)
            current.form.suggestions = matches.count == 1 && matches[0].name == text ? [] : matches.prefix(5).map {
                Suggestion(title: $0.name, detail: $0.certificateNumber + "  " + $0.unit, value: $0.name, secondValue: $0.certificateNumber)
            }
        }
        hazardForm = current
        return []
    }

    private mutating func saveHazardForm(_ current: HazardForm) -> [Effect] {
        var current = current
        func refuse(_ text: String, field: String? = nil) -> [Effect] {
            if let field { current.form.showErrors([(field, text)]) }
            current.form.message = text
            hazardForm = current
            return []
        }
        if case .filters = current.purpose {
            hazardList.criteria = current.criteria()
            hazardForm = nil
            refreshHazardRows()
            return []
        }
        if let refusal = readOnlyMessage { return refuse(refusal) }
        switch current.purpose {
        case .new, .edit:
            var hazard = current.hazard()
            let issues = hazard.validate().errors
            if !issues.isEmpty {
                current.form.showErrors(issues.map { ($0.field, strings.problem($0.problem)) })
                current.form.message = strings.formHasErrors(issues.count)
                if let first = issues.first, let index = current.form.index(of: first.field) { current.form.focus = index }
                hazardForm = current
                return []
            }
            if case .edit(let original) = current.purpose {
                // The deadline moves only through an extension, which needs a reason and keeps the old one.
                if hazard.rectification.deadline != original.rectification.deadline {
                    return refuse(strings[.deadlineByExtension], field: "rectification.deadline")
                }
                if hazard.changes(from: original).isEmpty {
                    hazardForm = nil
                    message = strings[.nothingChanged]
                    return []
                }
                hazard.recordEdit(from: original, by: signerOrNobody, at: now)
            } else {
                hazard.id = UUID().uuidString.lowercased()
                let taken = Set(hazardDirectory.records.map(\.hazard.number))
                hazard.number = Hazard.nextNumber(year: String(hazard.discoveredOn.prefix(4)), enterpriseCode: hazard.enterpriseCode, taken: taken)
                hazard.created(by: signerOrNobody, at: now)
                // Registered on a visit: the entry lists it too (both files are written).
                if let source = hazard.supervisionID, var entry = supervisionEntry(hazard.enterpriseCode, source),
                   !entry.hazardIDs.contains(hazard.id) {
                    let old = entry
                    entry.hazardIDs.append(hazard.id)
                    hazardForm = current
                    return [.saveHazard(hazard), .saveSupervision(entry.recordingHistory(from: old, by: signerOrNobody, at: now))]
                }
            }
            hazardForm = current
            return [.saveHazard(hazard)]
        case .step(let action, let original):
            var hazard = original
            let note = current.form.value("note").trimmingCharacters(in: .whitespacesAndNewlines)
            let date = current.form.value("date").trimmingCharacters(in: .whitespaces)
            if current.form.index(of: "date") != nil, CalendarDate.isValid(date), date > today {
                return refuse(strings.refusalFutureDate(date), field: "date")
            }
            do {
                switch action {
                case .verifiedPassed:
                    try hazard.verifyPassed(verifier: current.form.value("verifier"), date: current.form.value("date"),
                                            remark: note, by: signerOrNobody, at: now)
                case .verificationFailed:
                    try hazard.verifyFailed(verifier: current.form.value("verifier"), date: current.form.value("date"),
                                            reason: note, by: signerOrNobody, at: now)
                case .reopened:
                    try hazard.reopen(reason: note, by: signerOrNobody, at: now)
                case .deadlineExtended:
                    try hazard.extendDeadline(to: current.form.value("deadline").trimmingCharacters(in: .whitespaces),
                                              reason: note, by: signerOrNobody, at: now)
                default:
                    break
                }
            } catch {
                let field: String?
                switch error {
                case .verifierRequired: field = "verifier"
                case .invalidDate: field = current.form.index(of: "date") != nil ? "date" : "deadline"
                case .reasonRequired: field = "note"
                case .deadlineNotLater: field = "deadline"
                case .dateBeforeDiscovery: field = "date"
                case .notAllowed: field = nil
                }
                return refuse(strings.refusal(error), field: field)
            }
            hazardForm = current
            return [.saveHazard(hazard)]
        case .filters:
            return []
        }
    }

    /// A step that needs nothing more than a key (start rectification, report rectified).
    mutating func performStep(_ action: HistoryEntry.Action, code: String, id: String) -> [Effect] {
        if let refusal = readOnlyMessage { message = refusal; return [] }
        guard requireSigner() else { return [] }
        guard var hazard = hazard(code, id) else { return [] }
        do {
            switch action {
            case .rectificationStarted: try hazard.startRectification(by: signerOrNobody, at: now)
            case .reportedRectified: try hazard.reportRectified(by: signerOrNobody, at: now)
            case .verifiedPassed, .verificationFailed, .reopened, .deadlineExtended:
                // Asks for what it needs first; refused here already when the state does not allow it.
                guard hazard.allows(action) else { throw HazardRefusal.notAllowed(from: hazard.status, action: action) }
                hazardForm = HazardForm.step(action, hazard, signer: signer, today: today, strings: strings)
                return []
            default: return []
            }
        } catch let refusal as HazardRefusal {
            message = strings.refusal(refusal)
            return []
        } catch {
            return []
        }
        return [.saveHazard(hazard)]
    }

    /// The runner saved the hazard: keep it, close the form, say so.
    public mutating func hazardSaveSucceeded(_ hazard: Hazard) {
        var list = hazards[hazard.enterpriseCode] ?? []
        list.upsert(hazard)
        hazards[hazard.enterpriseCode] = list
        hazardDirectory.upsert(hazard)
        hazardList.lastMatch = nil
        hazardList.recent = []
        hazardList.sorted = nil
        refreshHazardRows()
        let step = hazard.history.last.map { strings.step($0.action) } ?? ""
        message = step.isEmpty ? strings.hazardSaved(hazard.number) : strings.stepDone(step, hazard.number)
        hazardForm = nil
        if case .enterprise(let index) = route {
            detailSelection = DetailView.targets(self, enterprise: index).firstIndex(of: .hazard(hazard.enterpriseCode, hazard.id)) ?? detailSelection
            detailScroll = DetailView.scrollShowing(self, enterprise: index)
        }
    }

    mutating func performInHazardList(_ action: Action) {
        var list = hazardList
        if TableMoves.apply(action, selected: &list.selected, top: &list.top, rowCount: list.rows.count, body: hazardBodyHeight) {
            hazardList = list
            return
        }
        var refresh = false
        switch action {
        case .filter: list.filtering = true
        case .clearFilter, .cancelFilter:
            list.filtering = false
            list.filter = TextInput()
            refresh = true
        case .acceptFilter: list.filtering = false
        case .filters:
            hazardForm = HazardForm.filters(list.criteria, today: today, strings: strings)
        case .clearAllFilters:
            list.criteria = HazardCriteria()
            list.filter = TextInput()
            refresh = true
        case .sortNextColumn:
            let columns = HazardListView.visibleColumns(width: width)
            let i = columns.firstIndex(of: list.sortColumn) ?? -1
            list.sortColumn = columns[(i + 1) % columns.count]
            list.ascending = ![.overdue, .level].contains(list.sortColumn)
            refresh = true
        case .sortReverse:
            list.ascending.toggle()
            refresh = true
        case .open:
            if list.rows.indices.contains(list.selected) {
                let hazard = hazardDirectory.records[list.rows[list.selected]].hazard
                hazardList = list
                open(.hazard(enterpriseCode: hazard.enterpriseCode, id: hazard.id))
                return
            }
        default: break
        }
        hazardList = list
        if refresh { refreshHazardRows() } else { clampHazardSelection() }
    }

    mutating func performInHazard(_ action: Action, code: String, id: String) -> [Effect] {
        switch action {
        case .moveUp: detailScroll = max(0, detailScroll - 1)
        case .moveDown: detailScroll = min(detailScroll + 1, HazardPageView.maxScroll(self, code: code, id: id))
        case .back: goBack()
        case .edit:
            if let refusal = readOnlyMessage { message = refusal; return [] }
            guard requireSigner() else { return [] }
            if let hazard = hazard(code, id), let index = hazardDirectory.enterprise(code) {
                hazardForm = HazardForm.edit(hazard, of: enterprises[index], today: today, strings: strings)
            }
        case .step(let step): return performStep(step, code: code, id: id)
        default: break
        }
        return []
    }
}
