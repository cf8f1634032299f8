import Foundation

// A hazard's rules, checked by the forms before a save and on every load.
extension Hazard {
    /// Every problem of the record, each with its field. `loading`: the rules added after files were
    /// written (funds as a number, the re-checker of a major hazard) are warnings, not errors.
    public func validate(loading: Bool = false) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        func require(_ value: String, _ field: String) {
            if value.isBlank {
                issues.append(ValidationIssue(field: field, problem: .required))
            }
        }
        require(description, "description")
        require(foundBy, "foundBy")
        if !CalendarDate.isValid(discoveredOn) {
            issues.append(ValidationIssue(field: "discoveredOn", problem: .invalidDate(discoveredOn)))
        }
        require(rectification.responsible, "rectification.responsible")
        if !CalendarDate.isValid(rectification.deadline) {
            issues.append(ValidationIssue(field: "rectification.deadline", problem: .invalidDate(rectification.deadline)))
        } else if CalendarDate.isValid(discoveredOn), rectification.deadline < discoveredOn {
            issues.append(ValidationIssue(field: "rectification.deadline",
                                          problem: .deadlineBeforeDiscovery(rectification.deadline, discoveredOn)))
        }
        issues += majorHazardIssues(loading: loading)
        return issues
    }

    /// Problems of a stored record beyond `validate()`: a state its history and fields do
    /// not support (closed without a close date or a passed verification, a close date on
    /// an open hazard, a malformed date). Checked when files are loaded.
    public func consistencyIssues() -> [ValidationIssue] {
        var issues = validate(loading: true).errors
        if id.isSpacesOnly { issues.append(ValidationIssue(field: "id", problem: .required)) }
        if number.isSpacesOnly { issues.append(ValidationIssue(field: "number", problem: .required)) }
        if status == .closed {
            if closedOn.map(CalendarDate.isValid) != true {
                issues.append(ValidationIssue(field: "closedOn", problem: .invalidDate(closedOn ?? "")))
            }
            if verifications.last?.passed != true || verifications.last?.verifier.isSpacesOnly != false {
                issues.append(ValidationIssue(field: "verifications", problem: .required))
            }
        } else if let closedOn {
            issues.append(ValidationIssue(field: "closedOn", problem: .invalidDate(closedOn)))
        }
        for (i, v) in verifications.enumerated() where !CalendarDate.isValid(v.date) {
            issues.append(ValidationIssue(field: "verifications[\(i)].date", problem: .invalidDate(v.date)))
        }
        return issues
    }
}
