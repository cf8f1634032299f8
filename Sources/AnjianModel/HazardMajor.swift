import Foundation

/// 挂牌督办: a major hazard listed for supervision by the city or the province, on a date, by a document.
public struct SupervisionListing: Codable, Hashable, Sendable {
    public enum Level: String, Codable, CaseIterable, Sendable {
        /// 市级
        case city
        /// 省级
        case province
    }
    public var level: Level
    /// `YYYY-MM-DD`
    public var date: String
    /// 督办文号, e.g. `烟安委办〔2026〕12号`.
    public var documentNumber: String
    public init(level: Level, date: String, documentNumber: String) {
        self.level = level
        self.date = date
        self.documentNumber = documentNumber
    }
}

// The rules of a major hazard (重大事故隐患) beyond the general ones: the six items (六定) in
// full, funds a number, the listing for supervision complete, and 销号 by two certified
// verifiers with a written opinion. Rules added after files were written are warnings on load.
extension Hazard {
    func majorHazardIssues(loading: Bool) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        let newRule: ValidationIssue.Severity = loading ? .warning : .error
        func blank(_ value: String) -> Bool { value.isBlank }
        if case .text(let text) = rectification.funds {
            issues.append(ValidationIssue(field: "rectification.funds", problem: .fundsNotANumber(text), severity: newRule))
        } else if let amount = rectification.funds?.amount, amount < 0 || !amount.isFinite {
            issues.append(ValidationIssue(field: "rectification.funds", problem: .fundsNotANumber(Funds.format(amount))))
        }
        if level == .major {
            for (value, field) in [(rectification.measures, "rectification.measures"), (rectification.funds?.text ?? "", "rectification.funds"),
                                   (rectification.contingencyPlan, "rectification.contingencyPlan")] where blank(value) {
                issues.append(ValidationIssue(field: field, problem: .requiredForMajorHazard))
            }
            if blank(rectification.rechecker) {
                issues.append(ValidationIssue(field: "rectification.rechecker", problem: .requiredForMajorHazard, severity: newRule))
            }
        }
        if let listing = supervisionListing {
            if level != .major { issues.append(ValidationIssue(field: "supervisionListing", problem: .listingOnlyForMajorHazard)) }
            if !CalendarDate.isValid(listing.date) {
                issues.append(ValidationIssue(field: "supervisionListing.date", problem: .invalidDate(listing.date)))
            } else if CalendarDate.isValid(discoveredOn), listing.date < discoveredOn {
                issues.append(ValidationIssue(field: "supervisionListing.date", problem: .beforeDiscovery(listing.date, discoveredOn)))
            }
            if blank(listing.documentNumber) {
                issues.append(ValidationIssue(field: "supervisionListing.documentNumber", problem: .required))
            }
        }
        return issues
    }

    /// What a file written by others (or before these rules) may hold and the program would
    /// refuse, listed as warnings on load: the rules added since (funds as text, no re-checker),
    /// a major hazard closed without two certified verifiers or without an opinion, and evidence
    /// files that are not there (`dataDirectory` resolves relative paths).
    public func loadWarnings(dataDirectory: String, today: String? = nil) -> [ValidationIssue] {
        var issues = validate(loading: true).warnings
        if let today {
            // Dates of steps later than today: a file written by another program (the forms refuse them).
            for (i, entry) in history.enumerated() {
                if let date = entry.date, CalendarDate.isValid(date), date > today {
                    issues.append(ValidationIssue(field: "history[\(i)].date", problem: .dateInFuture(date), severity: .warning))
                }
            }
            for (i, verification) in verifications.enumerated() where CalendarDate.isValid(verification.date) && verification.date > today {
                issues.append(ValidationIssue(field: "verifications[\(i)].date", problem: .dateInFuture(verification.date), severity: .warning))
            }
            if let closedOn, CalendarDate.isValid(closedOn), closedOn > today {
                issues.append(ValidationIssue(field: "closedOn", problem: .dateInFuture(closedOn), severity: .warning))
            }
        }
        if level == .major, isClosed, let last = verifications.last, last.passed {
            if (try? Self.checkClosing(last.verifiers ?? [], opinion: "-")) == nil {
                issues.append(ValidationIssue(field: "verifications[\(verifications.count - 1)].verifiers",
                                              problem: .closingNeedsTwoVerifiers, severity: .warning))
            }
            if last.remark.isBlank {
                issues.append(ValidationIssue(field: "verifications[\(verifications.count - 1)].remark",
                                              problem: .closingNeedsOpinion, severity: .warning))
            }
        }
        for (i, entry) in history.enumerated() {
            for path in entry.evidence ?? [] where !Evidence.exists(path, dataDirectory: dataDirectory) {
                issues.append(ValidationIssue(field: "history[\(i)].evidence", problem: .evidenceMissing(path), severity: .warning))
            }
        }
        return issues
    }

    /// The verifiers given, trimmed, the rows with neither name nor certificate left out.
    static func named(_ verifiers: [InspectorRef]) -> [InspectorRef] {
        verifiers.map { InspectorRef(name: $0.name.trimmingCharacters(in: .whitespaces),
                                     certificateNumber: $0.certificateNumber.trimmingCharacters(in: .whitespaces)) }
            .filter { !$0.name.isEmpty || !$0.certificateNumber.isEmpty }
    }

    /// 销号 of a major hazard: at least two verifiers, each named with a certificate number, no
    /// certificate twice, and the written verification opinion.
    static func checkClosing(_ verifiers: [InspectorRef], opinion: String) throws(HazardRefusal) {
        let named = Self.named(verifiers)
        guard named.count >= 2, named.allSatisfy({ !$0.name.isEmpty && !$0.certificateNumber.isEmpty }),
              Set(named.map(\.certificateNumber)).count == named.count else { throw .twoVerifiersRequired }
        guard !opinion.isBlank else { throw .opinionRequired }
    }

    /// A step's own date, when given: a valid day, not before the discovery.
    func checkStepDate(_ date: String?, action: HistoryEntry.Action) throws(HazardRefusal) {
        guard let date else { return }
        guard allows(action) else { throw .notAllowed(from: status, action: action) }
        guard CalendarDate.isValid(date) else { throw .invalidDate(date) }
        guard date >= discoveredOn else { throw .dateBeforeDiscovery(date: date, discovered: discoveredOn) }
        try checkStepOrder(date)
    }

    static func noteOrNil(_ note: String) -> String? {
        let trimmed = note.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}

/// Evidence files of a hazard's steps (photos, documents): paths relative to the data directory or absolute.
public enum Evidence {
    /// The paths in what a person typed: one a line, or separated by `;` or `；`, blanks left out.
    public static func paths(in text: String) -> [String] {
        text.split(whereSeparator: { $0 == "\n" || $0 == ";" || $0 == "；" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Where a path points: absolute as is (`~` is the home directory), else under the data directory.
    public static func resolve(_ path: String, dataDirectory: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        return expanded.hasPrefix("/") ? expanded : (dataDirectory as NSString).appendingPathComponent(expanded)
    }

    /// Whether a regular file is there.
    public static func exists(_ path: String, dataDirectory: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: resolve(path, dataDirectory: dataDirectory), isDirectory: &isDirectory)
            && !isDirectory.boolValue
    }

    /// The paths in `text`, refused with the first one that is not there.
    public static func check(_ text: String, dataDirectory: String) throws(HazardRefusal) -> [String] {
        let list = paths(in: text)
        if let missing = list.first(where: { !exists($0, dataDirectory: dataDirectory) }) { throw .evidenceMissing(missing) }
        return list
    }
}
