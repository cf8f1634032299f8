import AnjianModel

// Record field paths as the user knows them, and history values shown by their field's type.
extension Strings {
    /// A supervision entry's or a hazard's field path as the user knows it (the one map, used
    /// by the history views and, where a field's id is a record path, by the forms):
    /// `inspectors[1].name` → 检查人员2 姓名, `rectification.deadline` → 整改期限.
    /// Paths it does not know are shown as they are.
    public func fieldLabel(_ path: String) -> String {
        if let kind = issuedDocumentKind(field: path) { return self[kind.name] }
        if path.hasPrefix("inspectors["), let close = path.firstIndex(of: "]"),
           let n = Int(path[path.index(path.startIndex, offsetBy: 11)..<close]) {
            let rest = path[path.index(after: close)...]
            return fieldInspector(n + 1) + " " + self[rest == ".certificateNumber" ? .fieldCertificate : .fieldOperatorName]
        }
        switch path {
        // A supervision entry's
        case "date": return self[.fieldDate]
        case "time": return self[.fieldTime]
        case "kind": return self[.fieldKind]
        case "inspectors": return self[.fieldInspectors]
        case "accompanying.name": return self[.fieldAccompanying]
        case "accompanying.position": return self[.fieldPosition]
        case "accompanying.phone": return self[.fieldPhone]
        case "itemsChecked": return self[.fieldItemsChecked]
        case "findings": return self[.fieldFindings]
        case "conclusion": return self[.fieldConclusion]
        case "hazardIDs": return self[.fieldHazardsFound]
        // A hazard's
        case "discoveredOn": return self[.fieldDiscoveredOn]
        case "foundBy": return self[.fieldFoundBy]
        case "location": return self[.fieldLocation]
        case "description": return self[.fieldDescription]
        case "category": return self[.fieldHazardCategory]
        case "level": return self[.fieldLevel]
        case "status": return self[.fieldStatus]
        case "rectification.responsible": return self[.fieldResponsible]
        case "rectification.measures": return self[.fieldMeasures]
        case "rectification.funds": return self[.fieldFunds]
        case "rectification.deadline": return self[.fieldDeadline]
        case "rectification.contingencyPlan": return self[.fieldContingency]
        case "rectification.rechecker": return self[.fieldRechecker]
        case "supervisionListing", "supervisionListing.level": return self[.fieldListing]
        case "supervisionListing.date": return self[.fieldListingDate]
        case "supervisionListing.documentNumber": return self[.fieldListingDocument]
        case "verifier": return self[.fieldVerifier]
        case "closedOn": return self[.fieldClosedOn]
        default: return path
        }
    }

    /// A history line's old or new value, shown by its field's type: the fields that hold an
    /// enum (`level`, `category`, `kind`, `conclusion`, `status`) by its name (without the
    /// lists' `!` marker), every other as the text it is (empty as "—", line breaks as " / "),
    /// even when it reads like an enum.
    public func historyValue(_ value: String, field: String) -> String {
        if value.isEmpty { return self[.noneValue] }
        switch field {
        case "level": if let v = HazardLevel(rawValue: value) { return self[v.name] }
        case "category": if let v = HazardCategory(rawValue: value) { return hazardCategory(v) }
        case "status": if let v = HazardStatus(rawValue: value) { return status(v) }
        case "kind": if let v = SupervisionKind(rawValue: value) { return kind(v) }
        case "conclusion": if let v = SupervisionConclusion(rawValue: value) { return conclusion(v) }
        case "supervisionListing.level": if let v = SupervisionListing.Level(rawValue: value) { return listingLevel(v) }
        default: break
        }
        return value.replacingOccurrences(of: "\n", with: " / ")
    }

    /// One change of a history entry as a phrase: `隐患部位：二楼 -> 三楼` / `Location: 二楼 -> 三楼`;
    /// a value set where there was none `整改期限 设为 …` / `Deadline set to …` (a verifier:
    /// `验收人 王丽娟` / `verified by 王丽娟`); one taken away `… 已清除（原为 …）` / `… cleared (was …)`;
    /// a visit's hazards by their numbers (`登记隐患 YH-…` / `registered hazard YH-…`), which
    /// `hazardNumber` gives for an id (an id it does not know is shown as it is). `label`: the
    /// field's label where the record's paths are neither a record's nor an enterprise's (an inspector's).
    public func historyChange(_ change: FieldChange, of subject: HistorySubject = .record,
                              hazardNumber: (String) -> String? = { _ in nil }, label labelOf: ((String) -> String)? = nil) -> String {
        let enterprise = subject == .enterprise
        if !enterprise, change.field == "hazardIDs" { return hazardLinks(change, hazardNumber) }
        if !enterprise, let kind = issuedDocumentKind(field: change.field), change.old.isEmpty { return self[kind.name] + " " + change.new }
        let label = labelOf?(change.field) ?? (enterprise ? enterpriseFieldLabel(change.field) : fieldLabel(change.field))
        func value(_ text: String) -> String {
            enterprise ? enterpriseHistoryValue(text, field: change.field) : historyValue(text, field: change.field)
        }
        let old = value(change.old), new = value(change.new)
        if change.old.isEmpty {
            if change.field == "verifier" { return pick(zh: "\(label) \(new)", en: "verified by \(new)") }
            return pick(zh: "\(label) 设为 \(new)", en: "\(label) set to \(new)")
        }
        if change.new.isEmpty { return pick(zh: "\(label) 已清除（原为 \(old)）", en: "\(label) cleared (was \(old))") }
        return labelled(label, old + " -> " + new)
    }

    /// `原因：…` / `Reason: …`: a label and its value, with the language's colon.
    public func labelled(_ label: String, _ value: String) -> String {
        pick(zh: "\(label)：\(value)", en: "\(label): \(value)")
    }

    /// The hazards a visit's list gained and lost, by number.
    private func hazardLinks(_ change: FieldChange, _ hazardNumber: (String) -> String?) -> String {
        func ids(_ text: String) -> [String] { text.split(separator: ",").map(String.init) }
        let before = ids(change.old), after = ids(change.new)
        func numbers(_ ids: [String]) -> String { ids.map { hazardNumber($0) ?? $0 }.joined(separator: pick(zh: "、", en: ", ")) }
        let added = after.filter { !before.contains($0) }, removed = before.filter { !after.contains($0) }
        var phrases: [String] = []
        if !added.isEmpty {
            phrases.append(pick(zh: "登记隐患 ", en: added.count == 1 ? "registered hazard " : "registered hazards ") + numbers(added))
        }
        if !removed.isEmpty {
            phrases.append(pick(zh: "移除隐患 ", en: removed.count == 1 ? "removed hazard " : "removed hazards ") + numbers(removed))
        }
        // Only the order changed: nothing gained or lost.
        if phrases.isEmpty { return labelled(fieldLabel(change.field), numbers(after)) }
        return phrases.joined(separator: pick(zh: "；", en: "; "))
    }
}
