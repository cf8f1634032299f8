import Foundation
import AnjianModel
import AnjianRuntime
import AnjianScreen
import AnjianText

/// The enterprise forms, on the form engine: a new or edited enterprise (every field of the
/// model, checked as on load), and its steps: retiring, reinstating, the integrity red/black list.
public struct EnterpriseForm: Sendable {
    public enum Purpose: Sendable, Equatable {
        case new
        case edit(Enterprise)
        /// A step of the enterprise as read: `.retired`, `.reinstated`, `.integrityChanged`.
        case step(HistoryEntry.Action, Enterprise)
    }

    public var form: Form
    public let purpose: Purpose
    /// How many supervisor rows the form has (one more than the enterprise has, at least two).
    public let supervisorRows: Int
    /// The warnings shown for the values as they are: a second Ctrl-S saves with them.
    var acknowledged: [ValidationIssue]? = nil
    /// The credit code a re-keying was asked for: a second Ctrl-S with it unchanged re-keys.
    var rekeyConfirming: String? = nil
    /// Fields left after an edit: their problems show as soon as the focus moves on.
    var visited: Set<String> = []

    static let equipmentKeys = ["boilers", "pressureVessels", "pressurePiping", "elevators", "cranes", "forklifts"]

    /// The enterprise as the form opens it.
    var original: Enterprise? {
        switch purpose {
        case .new: return nil
        case .edit(let e), .step(_, let e): return e
        }
    }

    public static func new(today: String, strings s: Strings) -> EnterpriseForm {
        let blank = Enterprise(creditCode: "", name: "", shortName: "", district: District.all[0].name, address: "", industry: "",
                               category: .other, riskGrade: .low, legalRepresentative: "",
                               safetyResponsible: ContactPerson(name: "", position: "", phone: ""), supervisors: [])
        return EnterpriseForm(blank, purpose: .new, title: s[.newEnterpriseTitle], today: today, strings: s)
    }

    public static func edit(_ e: Enterprise, today: String, strings s: Strings) -> EnterpriseForm {
        EnterpriseForm(e, purpose: .edit(e), title: s[.editEnterpriseTitle] + " · " + e.name, today: today, strings: s)
    }

    init(_ e: Enterprise, purpose: Purpose, title: String, today: String, strings s: Strings) {
        self.purpose = purpose
        func label(_ path: String) -> String { s.enterpriseFieldLabel(path) }
        let districts = District.all.map { s.district($0.name) }
        var fields = [
            FormField(id: "creditCode", label: s[.formCreditCode], kind: .text, text: e.creditCode, width: 20),
            FormField(id: "name", label: label("name"), kind: .text, text: e.name, width: 34),
            FormField(id: "shortName", label: label("shortName"), kind: .text, text: e.shortName, width: 12, startsRow: false),
            FormField(id: "district", label: label("district"), kind: .choice(districts),
                      choice: District.all.firstIndex { $0.name == e.district } ?? 0, width: 10),
            FormField(id: "industry", label: label("industry"), kind: .text, text: e.industry, width: 16, startsRow: false),
            FormField(id: "category", label: label("category"), kind: .choice(SupervisionCategory.allCases.map { s.category($0) }),
                      choice: SupervisionCategory.allCases.firstIndex(of: e.category) ?? 0, width: 12),
            FormField(id: "riskGrade", label: label("riskGrade"), kind: .choice(RiskGrade.allCases.map { s.riskLong($0) }),
                      choice: RiskGrade.allCases.firstIndex(of: e.riskGrade) ?? 0, width: 12, startsRow: false),
            FormField(id: "address", label: label("address"), kind: .text, text: e.address, width: 50),
            FormField(id: "legalRepresentative", label: s[.formLegal], kind: .text, text: e.legalRepresentative, width: 10),
            FormField(id: "safetyResponsible.name", label: s[.formSafetyName], kind: .text, text: e.safetyResponsible.name, width: 10),
            FormField(id: "safetyResponsible.position", label: s[.formPosition], kind: .text, text: e.safetyResponsible.position,
                      width: 12, startsRow: false),
            FormField(id: "safetyResponsible.phone", label: s[.formPhone], kind: .text, text: e.safetyResponsible.phone,
                      width: 13, startsRow: false),
        ]
        supervisorRows = max(2, e.supervisors.count + 1)
        for i in 0..<supervisorRows {
            let supervisor = i < e.supervisors.count ? e.supervisors[i] : Supervisor(name: "", phone: "")
            fields += [
                FormField(id: "supervisors[\(i)].name", label: label("supervisors[\(i)].name"), kind: .inspectorName,
                          text: supervisor.name, width: 10),
                FormField(id: "supervisors[\(i)].phone", label: s[.formPhone], kind: .text, text: supervisor.phone, width: 13,
                          startsRow: false),
            ]
        }
        let labels: [Text] = [.equipmentBoilers, .equipmentPressureVessels, .equipmentPressurePiping, .equipmentElevators,
                              .equipmentCranes, .formForklifts]
        let counts = e.specialEquipment.map { [$0.boilers, $0.pressureVessels, $0.pressurePiping, $0.elevators, $0.cranes, $0.forklifts] }
        for (i, key) in Self.equipmentKeys.enumerated() {
            fields.append(FormField(id: "specialEquipment." + key, label: s[labels[i]], kind: .text,
                                    text: counts.map { String($0[i]) } ?? "", width: 4, startsRow: i % 3 == 0))
        }
        fields.append(FormField(id: "notes", label: label("notes"), kind: .multiline(lines: 2), text: e.notes, width: 60))
        form = Form(title: title, fields: fields, today: today)
    }

    /// The enterprise the form describes (for `.new` and `.edit`): texts trimmed, phones without
    /// spaces, supervisor rows left empty dropped, special equipment absent when every count is empty.
    /// Counts that are not whole numbers are returned as problems by field.
    func enterprise() -> (Enterprise, notNumbers: [String]) {
        func text(_ id: String) -> String { form.value(id).trimmingCharacters(in: .whitespacesAndNewlines) }
        func phone(_ id: String) -> String { form.value(id).filter { !$0.isWhitespace } }
        var e = original ?? Enterprise(creditCode: "", name: "", shortName: "", district: "", address: "", industry: "",
                                       category: .other, riskGrade: .low, legalRepresentative: "",
                                       safetyResponsible: ContactPerson(name: "", position: "", phone: ""), supervisors: [])
        e.creditCode = CreditCode.normalize(text("creditCode"))
        e.name = text("name")
        e.shortName = text("shortName")
        e.district = District.all[form.choice("district")].name
        e.industry = text("industry")
        e.category = SupervisionCategory.allCases[form.choice("category")]
        e.riskGrade = RiskGrade.allCases[form.choice("riskGrade")]
        e.address = text("address")
        e.legalRepresentative = text("legalRepresentative")
        e.safetyResponsible = ContactPerson(name: text("safetyResponsible.name"), position: text("safetyResponsible.position"),
                                            phone: phone("safetyResponsible.phone"))
        e.supervisors = (0..<supervisorRows).compactMap { i in
            let name = text("supervisors[\(i)].name"), number = phone("supervisors[\(i)].phone")
            return name.isEmpty && number.isEmpty ? nil : Supervisor(name: name, phone: number)
        }
        var counts: [Int] = []
        var notNumbers: [String] = []
        var anyGiven = false
        for key in Self.equipmentKeys {
            let value = text("specialEquipment." + key)
            if !value.isEmpty { anyGiven = true }
            if value.isEmpty { counts.append(0) } else if let n = Int(value) { counts.append(n) } else {
                counts.append(0)
                notNumbers.append("specialEquipment." + key)
            }
        }
        e.specialEquipment = anyGiven ? SpecialEquipment(boilers: counts[0], pressureVessels: counts[1], pressurePiping: counts[2],
                                                         elevators: counts[3], cranes: counts[4], forklifts: counts[5]) : nil
        e.notes = text("notes")
        return (e, notNumbers)
    }

    /// The problems of the form's enterprise, errors and warnings, on the form's field ids (a
    /// missing supervisor on the first supervisor's name), and the counts that are not numbers.
    func issues(among enterprises: [Enterprise]) -> (issues: [ValidationIssue], notNumbers: [String]) {
        let (e, notNumbers) = enterprise()
        var issues = e.formIssues(among: enterprises, original: original?.creditCode)
        for i in issues.indices where issues[i].field == "supervisors" { issues[i].field = "supervisors[0].name" }
        issues.removeAll { notNumbers.contains($0.field) }  // read as 0 above: its own problem says why
        return (issues, notNumbers)
    }

    /// Shows the problems beside their fields (warnings marked as such): only those of `fields`
    /// when given (the fields left so far).
    mutating func show(_ issues: [ValidationIssue], notNumbers: [String], only fields: Set<String>? = nil, strings s: Strings) {
        var shown = issues.filter { fields?.contains($0.field) ?? true }
            .map { ($0.field, $0.severity == .warning ? s.warning(s.problem($0.problem)) : s.problem($0.problem)) }
        shown += notNumbers.filter { fields?.contains($0) ?? true }.map { ($0, s[.notANumber]) }
        form.showErrors(shown.map { (id: $0.0, message: $0.1) })
    }
}
