import AnjianModel

// Record field paths as the user knows them, and history values shown by their field's type.
extension Strings {
    /// A supervision entry's or a hazard's field path as the user knows it (the one map, used
    /// by the history views and, where a field's id is a record path, by the forms):
    /// `inspectors[1].name` → 检查人员2 姓名, `rectification.deadline` → 整改期限.
    /// Paths it does not know are shown as they are.
    public func fieldLabel(_ path: String) -> String {
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
    /// enum (`level`, `category`, `kind`, `conclusion`, `status`) by its label, every other as
    /// the text it is (empty as "—", line breaks as " / "), even when it reads like an enum.
    public func historyValue(_ value: String, field: String) -> String {
        if value.isEmpty { return self[.noneValue] }
        switch field {
        case "level": if let v = HazardLevel(rawValue: value) { return level(v) }
        case "category": if let v = HazardCategory(rawValue: value) { return hazardCategory(v) }
        case "status": if let v = HazardStatus(rawValue: value) { return status(v) }
        case "kind": if let v = SupervisionKind(rawValue: value) { return kind(v) }
        case "conclusion": if let v = SupervisionConclusion(rawValue: value) { return conclusion(v) }
        case "supervisionListing.level": if let v = SupervisionListing.Level(rawValue: value) { return listingLevel(v) }
        default: break
        }
        return value.replacingOccurrences(of: "\n", with: " / ")
    }

    /// One change of a history entry: `隐患部位：二楼 -> other`.
    public func historyChange(_ change: FieldChange) -> String {
        fieldLabel(change.field) + "：" + historyValue(change.old, field: change.field) + " -> "
            + historyValue(change.new, field: change.field)
    }
}
