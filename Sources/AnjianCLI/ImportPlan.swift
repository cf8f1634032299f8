import Foundation
import AnjianModel

/// One thing found in a row of the imported file, at its physical line.
public struct ImportFinding: Sendable, Equatable {
    public enum Problem: Sendable, Equatable {
        case issue(ValidationIssue.Problem)
        /// The same key as an earlier row (its line).
        case duplicateInFile(key: String, firstLine: Int)
        /// The enterprise's name belongs to another credit code (in the ledger or the file).
        case nameHeldBy(code: String)
        /// An inspector's name is already on the roster under another certificate number.
        case inspectorNameHeldBy(certificate: String)
        /// The industry names no category of the table: 其他 is recorded.
        case unknownIndustry(String)
        case unknownRiskGrade(String)
        /// A new enterprise without a risk grade: 低 is recorded.
        case riskGradeMissing
        /// Values after the header's last column.
        case extraValues(Int)
        /// More supervisor phones than supervisors.
        case supervisorPhonesWithoutName
    }

    public var line: Int
    /// The header text of the column, as the file writes it, or the field's canonical name.
    public var field: String
    public var problem: Problem
    public var severity: ValidationIssue.Severity
}

/// What importing the file would do: the problems row by row, and the records as they will be.
public struct ImportPlan<Record: Sendable>: Sendable {
    public var findings: [ImportFinding] = []
    /// Lines of the rows with an error: none of them is imported.
    public var invalidLines: [Int] = []
    public var added: [String] = []
    public var updated: [String] = []
    public var unchanged: [String] = []
    /// The whole list after the import, valid rows applied (existing order, new ones at the end).
    public var records: [Record] = []
    public var unknownColumns: [String] = []
    public var headerLine: Int = 1
    public var hasErrors: Bool { !invalidLines.isEmpty }
    public var changesSomething: Bool { !added.isEmpty || !updated.isEmpty }
}

extension ImportPlan where Record: MasterRecord {
    /// A valid row's record: added (history `created`), updated field by field (`edited`, the
    /// changes), or left as it was; `index` finds the records by key.
    mutating func apply(_ record: Record, key: String, replacing old: Record?, at index: inout [String: Int],
                        signer: Operator?, time: String, note: String) {
        var record = record
        if let old, let i = index[key] {
            let changes = record.changes(from: old)
            if changes.isEmpty {
                unchanged.append(key)
            } else {
                if let signer { record.history = (old.history ?? []) + [HistoryEntry(at: time, by: signer, action: .edited, changes: changes, note: note)] }
                records[i] = record
                updated.append(key)
            }
        } else {
            if let signer { record.history = [HistoryEntry(at: time, by: signer, action: .created, changes: [], note: note)] }
            index[key] = records.count
            records.append(record)
            added.append(key)
        }
    }
}

/// Reads the rows of a table and merges them into the ledger's list. Pure: nothing is written.
public enum ImportPlanner {
    public static func enterprises(_ table: CSVTable, existing: [Enterprise], signer: Operator?, time: String,
                                   note: String) -> ImportPlan<Enterprise> {
        var plan = ImportPlan<Enterprise>()
        guard let header = table.header else { return plan }
        plan.headerLine = header.line
        let (columns, unknown) = ImportColumn.resolve(header.fields, kind: .enterprises)
        plan.unknownColumns = unknown
        func label(_ column: ImportColumn) -> String {
            columns[column].map { header.fields[$0].trimmingImportSpaces() } ?? column.synonyms[0]
        }
        let fieldColumn: [String: ImportColumn] = [
            "creditCode": .creditCode, "name": .name, "shortName": .shortName, "district": .district, "address": .address,
            "industry": .industry, "legalRepresentative": .legalRepresentative, "safetyResponsible.name": .safetyName,
            "safetyResponsible.position": .safetyPosition, "safetyResponsible.phone": .safetyPhone,
            "supervisors": .supervisors, "notes": .notes,
        ]
        func label(field: String) -> String {
            if let column = fieldColumn[field] { return label(column) }
            if field.hasPrefix("supervisors[") { return label(field.hasSuffix(".phone") ? .supervisorPhones : .supervisors) }
            return field
        }
        var index: [String: Int] = [:]
        for (i, enterprise) in existing.enumerated() { index[enterprise.creditCode] = i }
        var ownerOfName: [String: String] = [:]
        for enterprise in existing { ownerOfName[enterprise.name] = enterprise.creditCode }
        var firstLine: [String: Int] = [:]
        plan.records = existing

        for row in table.rows {
            var findings: [ImportFinding] = []
            func add(_ field: String, _ problem: ImportFinding.Problem, _ severity: ValidationIssue.Severity = .error) {
                findings.append(ImportFinding(line: row.line, field: field, problem: problem, severity: severity))
            }
            func value(_ column: ImportColumn) -> String? {
                guard let i = columns[column] else { return nil }
                return i < row.fields.count ? ExcelText.unguarded(row.fields[i].trimmingImportSpaces()) : ""
            }
            let extra = row.fields.dropFirst(header.fields.count).filter { !$0.trimmingImportSpaces().isEmpty }.count
            if extra > 0 { add(label(.creditCode), .extraValues(extra), .warning) }

            let code = CreditCode.normalize(value(.creditCode) ?? "")
            let old = index[code].map { plan.records[$0] }
            var record = old ?? Enterprise(creditCode: code, name: "", shortName: "", district: "", address: "", industry: "",
                                           category: .other, riskGrade: .low, legalRepresentative: "",
                                           safetyResponsible: ContactPerson(name: "", position: "", phone: ""), supervisors: [])
            record.creditCode = code
            if let name = value(.name) { record.name = name }
            if let short = value(.shortName), !short.isEmpty { record.shortName = short }
            if old == nil, record.shortName.isEmpty { record.shortName = record.name }
            if let district = value(.district) { record.district = district }
            if let address = value(.address) { record.address = address }
            // The category follows the industry only when that changes (or the enterprise is new):
            // a category set by hand for an unchanged industry is kept.
            if let industry = value(.industry), old == nil || industry != old?.industry {
                record.industry = industry
                if let category = IndustryCategory.category(of: industry) {
                    record.category = category
                } else if !industry.isEmpty {
                    record.category = .other
                    add(label(.industry), .unknownIndustry(industry), .warning)
                }
            }
            if let grade = value(.riskGrade), !grade.isEmpty {
                if let known = RiskGradeText.grade(grade) { record.riskGrade = known } else { add(label(.riskGrade), .unknownRiskGrade(grade)) }
            } else if old == nil {
                add(label(.riskGrade), .riskGradeMissing, .warning)
            }
            if let legal = value(.legalRepresentative) { record.legalRepresentative = legal }
            if let name = value(.safetyName) { record.safetyResponsible.name = name }
            if let position = value(.safetyPosition) { record.safetyResponsible.position = position }
            if let phone = value(.safetyPhone) { record.safetyResponsible.phone = phone }
            if let names = value(.supervisors) {
                let phones = value(.supervisorPhones).map(splitList)
                let known = Dictionary(record.supervisors.map { ($0.name, $0.phone) }, uniquingKeysWith: { a, _ in a })
                let list = splitList(names)
                record.supervisors = list.enumerated().map { i, name in
                    Supervisor(name: name, phone: phones.map { i < $0.count ? $0[i] : "" } ?? known[name] ?? "")
                }
                if let phones, phones.count > list.count { add(label(.supervisorPhones), .supervisorPhonesWithoutName) }
            } else if let phones = value(.supervisorPhones).map(splitList) {
                for i in record.supervisors.indices { record.supervisors[i].phone = i < phones.count ? phones[i] : "" }
                if phones.count > record.supervisors.count { add(label(.supervisorPhones), .supervisorPhonesWithoutName) }
            }
            if let notes = value(.notes) { record.notes = notes }

            for issue in record.validate() { add(label(field: issue.field), .issue(issue.problem), issue.severity) }
            if !code.isEmpty {
                if let first = firstLine[code] {
                    add(label(.creditCode), .duplicateInFile(key: code, firstLine: first))
                } else {
                    firstLine[code] = row.line
                }
            }
            if !record.name.isEmpty, let owner = ownerOfName[record.name], owner != code {
                add(label(.name), .nameHeldBy(code: owner))
            }
            plan.findings += findings
            if findings.contains(where: { $0.severity == .error }) {
                plan.invalidLines.append(row.line)
                continue
            }
            ownerOfName[record.name] = code
            plan.apply(record, key: code, replacing: old, at: &index, signer: signer, time: time, note: note)
        }
        return plan
    }

    public static func inspectors(_ table: CSVTable, existing: [Inspector], signer: Operator?, time: String,
                                  note: String) -> ImportPlan<Inspector> {
        var plan = ImportPlan<Inspector>()
        guard let header = table.header else { return plan }
        plan.headerLine = header.line
        let (columns, unknown) = ImportColumn.resolve(header.fields, kind: .inspectors)
        plan.unknownColumns = unknown
        func label(_ column: ImportColumn) -> String {
            columns[column].map { header.fields[$0].trimmingImportSpaces() } ?? column.synonyms[0]
        }
        var index: [String: Int] = [:]
        for (i, inspector) in existing.enumerated() { index[inspector.certificateNumber] = i }
        var firstLine: [String: Int] = [:]
        plan.records = existing

        for row in table.rows {
            var findings: [ImportFinding] = []
            func add(_ field: String, _ problem: ImportFinding.Problem, _ severity: ValidationIssue.Severity = .error) {
                findings.append(ImportFinding(line: row.line, field: field, problem: problem, severity: severity))
            }
            func value(_ column: ImportColumn) -> String? {
                guard let i = columns[column] else { return nil }
                return i < row.fields.count ? ExcelText.unguarded(row.fields[i].trimmingImportSpaces()) : ""
            }
            let extra = row.fields.dropFirst(header.fields.count).filter { !$0.trimmingImportSpaces().isEmpty }.count
            if extra > 0 { add(label(.certificateNumber), .extraValues(extra), .warning) }
            let certificate = value(.certificateNumber) ?? ""
            let old = index[certificate].map { plan.records[$0] }
            var record = old ?? Inspector(name: "", certificateNumber: certificate, unit: "")
            if let name = value(.inspectorName) { record.name = name }
            if let unit = value(.unit) { record.unit = unit }
            if let phone = value(.phone) { record.phone = phone.isEmpty && old?.phone == nil ? nil : phone }

            // The roster's rules, as `validate` checks them; each named by the file's column.
            let columns: [String: ImportColumn] = ["name": .inspectorName, "certificateNumber": .certificateNumber, "phone": .phone]
            for issue in record.validate() { add(columns[issue.field].map { label($0) } ?? issue.field, .issue(issue.problem), issue.severity) }
            if !certificate.isEmpty {
                if let first = firstLine[certificate] {
                    add(label(.certificateNumber), .duplicateInFile(key: certificate, firstLine: first))
                } else {
                    firstLine[certificate] = row.line
                }
            }
            if let namesake = plan.records.first(where: { $0.name == record.name && $0.certificateNumber != certificate }), !record.name.isEmpty {
                add(label(.inspectorName), .inspectorNameHeldBy(certificate: namesake.certificateNumber), .warning)
            }
            plan.findings += findings
            if findings.contains(where: { $0.severity == .error }) {
                plan.invalidLines.append(row.line)
                continue
            }
            plan.apply(record, key: certificate, replacing: old, at: &index, signer: signer, time: time, note: note)
        }
        return plan
    }

    /// 隋洪涛、单志刚 — names or phones in one cell, separated as lists write them.
    static func splitList(_ text: String) -> [String] {
        text.split(whereSeparator: { "、,，;；/\n".contains($0) }).map { String($0).trimmingImportSpaces() }.filter { !$0.isEmpty }
    }
}
