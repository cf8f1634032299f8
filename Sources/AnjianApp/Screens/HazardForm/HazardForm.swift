import Foundation
import AnjianModel
import AnjianRuntime
import AnjianScreen
import AnjianText

/// The hazard forms, all on the form engine: a new or edited hazard, one lifecycle step
/// (asking only for what the step needs), and the filters of view 2.
public struct HazardForm: Sendable {
    public enum Purpose: Sendable, Equatable {
        case new
        case edit(Hazard)
        case step(HistoryEntry.Action, Hazard)
        case filters
    }

    public var form: Form
    public let purpose: Purpose
    public let enterpriseCode: String
    public let supervisionID: String?

    static let majorOnly = ["rectification.measures", "rectification.funds", "rectification.contingencyPlan", "rectification.rechecker"]
    /// The standard period for rectifying a general hazard.
    static let standardDays = 30

    /// A new hazard: the focus on the description, every other required field holding a
    /// default (general, found today by the operator, deadline a standard period ahead,
    /// the enterprise's safety responsible person responsible), so a description and
    /// Ctrl-S make a valid entry. Found on a visit, it was found that day by the visit's inspectors.
    public static func new(for enterprise: Enterprise, visit: SupervisionEntry? = nil, signer: Operator?, today: String,
                           strings s: Strings) -> HazardForm {
        let foundBy = visit.map { $0.inspectors.map(\.name).joined(separator: "、") } ?? signer?.name ?? ""
        var hazard = Hazard(id: "", number: "", enterpriseCode: enterprise.creditCode, supervisionID: visit?.id,
                            discoveredOn: visit?.date ?? today, foundBy: foundBy, location: "", description: "",
                            category: .equipment, level: .general,
                            rectification: Rectification(responsible: enterprise.safetyResponsible.name,
                                                         deadline: CalendarDate.adding(days: standardDays, to: today) ?? today))
        hazard.location = ""
        var result = HazardForm(hazard: hazard, purpose: .new, title: s[.newHazardTitle] + " · " + enterprise.name,
                                today: today, strings: s)
        result.form.focus = result.form.index(of: "description") ?? 0
        return result
    }

    public static func edit(_ hazard: Hazard, of enterprise: Enterprise, today: String, strings s: Strings) -> HazardForm {
        HazardForm(hazard: hazard, purpose: .edit(hazard), title: s[.editHazardTitle] + " · " + hazard.number, today: today, strings: s)
    }

    init(hazard h: Hazard, purpose: Purpose, title: String, today: String, strings s: Strings) {
        self.purpose = purpose
        self.enterpriseCode = h.enterpriseCode
        self.supervisionID = h.supervisionID
        var fields = [
            FormField(id: "description", label: s.fieldLabel("description"), kind: .multiline(lines: 2), text: h.description, width: 60),
            FormField(id: "location", label: s.fieldLabel("location"), kind: .text, text: h.location, width: 24),
            FormField(id: "category", label: s.fieldLabel("category"), kind: .choice(HazardCategory.allCases.map { s.hazardCategory($0) }),
                      choice: HazardCategory.allCases.firstIndex(of: h.category) ?? 0, width: 12, startsRow: false),
            FormField(id: "level", label: s.fieldLabel("level"), kind: .choice(HazardLevel.allCases.map { s.level($0) }),
                      choice: HazardLevel.allCases.firstIndex(of: h.level) ?? 0, width: 12),
            FormField(id: "discoveredOn", label: s.fieldLabel("discoveredOn"), kind: .date, text: h.discoveredOn, width: 12, startsRow: false),
            FormField(id: "foundBy", label: s.fieldLabel("foundBy"), kind: .text, text: h.foundBy, width: 10),
            FormField(id: "rectification.responsible", label: s.fieldLabel("rectification.responsible"), kind: .text, text: h.rectification.responsible,
                      width: 10, startsRow: false),
            FormField(id: "rectification.deadline", label: s.fieldLabel("rectification.deadline"), kind: .date, text: h.rectification.deadline, width: 12),
            FormField(id: "rectification.funds", label: s[.fieldFundsInForm], kind: .text, text: h.rectification.funds?.text ?? "",
                      width: 8, startsRow: false),
            FormField(id: "rectification.rechecker", label: s.fieldLabel("rectification.rechecker"), kind: .inspectorName,
                      text: h.rectification.rechecker, width: 10),
            FormField(id: "supervisionListing.level", label: s[.fieldListing],
                      kind: .choice([s[.listingNone]] + SupervisionListing.Level.allCases.map { s.listingLevel($0) }),
                      choice: h.supervisionListing.map { 1 + (SupervisionListing.Level.allCases.firstIndex(of: $0.level) ?? 0) } ?? 0,
                      width: 8, startsRow: false),
            FormField(id: "supervisionListing.date", label: s[.fieldListingDate], kind: .date, text: h.supervisionListing?.date ?? "", width: 12),
            FormField(id: "supervisionListing.documentNumber", label: s[.fieldListingDocument], kind: .text,
                      text: h.supervisionListing?.documentNumber ?? "", width: 22, startsRow: false),
            FormField(id: "rectification.measures", label: s.fieldLabel("rectification.measures"), kind: .multiline(lines: 2),
                      text: h.rectification.measures, width: 60),
            FormField(id: "rectification.contingencyPlan", label: s.fieldLabel("rectification.contingencyPlan"), kind: .multiline(lines: 2),
                      text: h.rectification.contingencyPlan, width: 60),
        ]
        if case .edit = purpose {
            // Asked for when the level changes (marked required then): the history keeps it.
            fields.append(FormField(id: "levelReason", label: s[.fieldLevelReason], kind: .text, width: 40))
        }
        form = Form(title: title, fields: fields, today: today)
        baseLabels = Dictionary(uniqueKeysWithValues: fields.map { ($0.id, $0.label) })
        markRequired()
    }

    /// The filters of view 2, filled with the current criteria.
    public static func filters(_ criteria: HazardCriteria, today: String, strings s: Strings) -> HazardForm {
        let statuses = [s[.filterAll], s[.filterOpen]] + HazardStatus.allCases.map { s.status($0) }
        let statusChoice: Int
        switch criteria.status {
        case .all: statusChoice = 0
        case .open: statusChoice = 1
        case .only(let status): statusChoice = 2 + (HazardStatus.allCases.firstIndex(of: status) ?? 0)
        }
        let overdueChoices = [s[.filterAll], s[.filterRectificationOverdue], s[.filterVerificationOverdue], s[.filterDueSoon], s[.filterNotOverdue],
                              s[.filterClosedLate]]
        let districts = [s[.filterAll]] + District.all.map { s.district($0.name) }
        let fields = [
            FormField(id: "status", label: s[.fieldStatus], kind: .choice(statuses), choice: statusChoice, width: 14),
            FormField(id: "level", label: s[.fieldLevel], kind: .choice([s[.filterAll]] + HazardLevel.allCases.map { s.level($0) }),
                      choice: criteria.level.map { 1 + (HazardLevel.allCases.firstIndex(of: $0) ?? 0) } ?? 0, width: 12),
            FormField(id: "overdue", label: s[.colOverdue], kind: .choice(overdueChoices),
                      choice: HazardCriteria.OverdueFilter.allCases.firstIndex(of: criteria.overdue) ?? 0, width: 22),
            FormField(id: "district", label: s[.fieldDistrict], kind: .choice(districts),
                      choice: criteria.district.flatMap { name in District.all.firstIndex { $0.name == name } }.map { $0 + 1 } ?? 0, width: 14),
            FormField(id: "enterprise", label: s[.fieldEnterpriseFilter], kind: .text, text: criteria.enterprise, width: 20),
            FormField(id: "inspector", label: s[.fieldInspectorFilter], kind: .text, text: criteria.inspector, width: 10),
            FormField(id: "integrity", label: s[.fieldIntegrity], kind: .choice(IntegrityFilter.allCases.map { s.integrityFilter($0) }),
                      choice: IntegrityFilter.allCases.firstIndex(of: criteria.integrity) ?? 0, width: 12),
            FormField(id: "category", label: s[.fieldHazardCategory],
                      kind: .choice([s[.filterAll]] + HazardCategory.allCases.map { s.hazardCategory($0) }),
                      choice: criteria.category.map { 1 + (HazardCategory.allCases.firstIndex(of: $0) ?? 0) } ?? 0, width: 14),
            FormField(id: "discoveredSince", label: s[.fieldDiscoveredSince], kind: .date, text: criteria.discovered.since ?? "", width: 12),
            FormField(id: "discoveredUntil", label: s[.fieldDiscoveredUntil], kind: .date, text: criteria.discovered.until ?? "", width: 12),
        ]
        return HazardForm(form: Form(title: s[.hazardFilterTitle], fields: fields, today: today), purpose: .filters,
                          enterpriseCode: "", supervisionID: nil)
    }

    init(form: Form, purpose: Purpose, enterpriseCode: String, supervisionID: String?) {
        self.form = form
        self.purpose = purpose
        self.enterpriseCode = enterpriseCode
        self.supervisionID = supervisionID
        self.baseLabels = [:]
    }

    var baseLabels: [String: String]

    /// The five rectification items are marked required (`*`) while the level is major, the
    /// reason for a level change while the level differs from the edited hazard's.
    mutating func markRequired() {
        guard !baseLabels.isEmpty, let level = form.index(of: "level") else { return }
        let chosen = HazardLevel.allCases[form.fields[level].choice]
        var required = chosen == .major ? Self.majorOnly : []
        if case .edit(let original) = purpose, chosen != original.level { required.append("levelReason") }
        for id in Self.majorOnly + ["levelReason"] {
            guard let i = form.index(of: id), let base = baseLabels[id] else { continue }
            form.fields[i].label = required.contains(id) ? base + "*" : base
        }
    }

    /// The hazard the form describes (for `.new` and `.edit`).
    func hazard() -> Hazard {
        var h: Hazard
        if case .edit(let original) = purpose {
            h = original
        } else {
            h = Hazard(id: "", number: "", enterpriseCode: enterpriseCode, supervisionID: supervisionID, discoveredOn: "",
                       foundBy: "", location: "", description: "", category: .equipment, level: .general,
                       rectification: Rectification(responsible: "", deadline: ""))
        }
        func text(_ id: String) -> String { form.value(id).trimmingCharacters(in: .whitespacesAndNewlines) }
        h.description = text("description")
        h.location = text("location")
        h.category = HazardCategory.allCases[form.choice("category")]
        h.level = HazardLevel.allCases[form.choice("level")]
        h.discoveredOn = text("discoveredOn")
        h.foundBy = text("foundBy")
        let funds = text("rectification.funds")
        h.rectification = Rectification(responsible: text("rectification.responsible"), measures: text("rectification.measures"),
                                        funds: funds.isEmpty ? nil : Funds(parsing: funds), deadline: text("rectification.deadline"),
                                        contingencyPlan: text("rectification.contingencyPlan"), rechecker: text("rectification.rechecker"))
        let listing = form.choice("supervisionListing.level")
        h.supervisionListing = listing == 0 ? nil
            : SupervisionListing(level: SupervisionListing.Level.allCases[listing - 1], date: text("supervisionListing.date"),
                                 documentNumber: text("supervisionListing.documentNumber"))
        return h
    }

    /// The criteria the filters form describes.
    func criteria() -> HazardCriteria {
        var c = HazardCriteria()
        switch form.choice("status") {
        case 0: c.status = .all
        case 1: c.status = .open
        case let n: c.status = .only(HazardStatus.allCases[n - 2])
        }
        let level = form.choice("level")
        c.level = level == 0 ? nil : HazardLevel.allCases[level - 1]
        c.overdue = HazardCriteria.OverdueFilter.allCases[form.choice("overdue")]
        let district = form.choice("district")
        c.district = district == 0 ? nil : District.all[district - 1].name
        c.enterprise = form.value("enterprise").trimmingCharacters(in: .whitespaces)
        c.inspector = form.value("inspector").trimmingCharacters(in: .whitespaces)
        c.integrity = IntegrityFilter.allCases[form.choice("integrity")]
        let category = form.choice("category")
        c.category = category == 0 ? nil : HazardCategory.allCases[category - 1]
        func day(_ id: String) -> String? {
            let text = form.value(id).trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : text
        }
        c.discovered = StatisticsPeriod(since: day("discoveredSince"), until: day("discoveredUntil"))
        return c
    }

    /// The first date of the filters that is no date, as a message naming its field.
    func filterDateProblem(_ s: Strings) -> String? {
        for id in ["discoveredSince", "discoveredUntil"] {
            let text = form.value(id).trimmingCharacters(in: .whitespaces)
            if !text.isEmpty, !CalendarDate.isValid(text), let i = form.index(of: id) {
                return s.filterBadDate(form.fields[i].label, text)
            }
        }
        return nil
    }
}
