import AnjianModel
import AnjianScreen
import AnjianText

/// What views 1 and 3 show of the enterprises: retired ones (view 1 hides them unless asked),
/// and those on the integrity red or black list.
struct EnterpriseCriteria: Hashable, Sendable {
    enum Retired: Hashable, Sendable, CaseIterable { case hidden, shown, only }
    var retired: Retired = .hidden
    var integrity: IntegrityFilter = .all

    var isDefault: Bool { self == EnterpriseCriteria() }

    func admits(_ e: Enterprise) -> Bool {
        switch retired {
        case .hidden: if !e.isActive { return false }
        case .only: if e.isActive { return false }
        case .shown: break
        }
        return integrity.admits(e.integrityStatus)
    }

    /// The criteria in words, for the status line (empty when none narrows the list).
    func describe(_ s: Strings, retiredMatters: Bool) -> String {
        var parts: [String] = []
        if retiredMatters, retired != .hidden { parts.append(s[.formRetired] + " " + s[Self.label(retired)]) }
        if integrity != .all { parts.append(s.integrityFilter(integrity)) }
        return parts.joined(separator: s.listSeparator)
    }

    static func label(_ retired: Retired) -> Text {
        switch retired {
        case .hidden: return .filterRetiredHide
        case .shown: return .filterRetiredShow
        case .only: return .filterRetiredOnly
        }
    }
}

/// The filters form of views 1 and 3 (`f`): the retired enterprises (view 1 only) and the integrity list.
struct EnterpriseFilterForm: ModalComponent {
    var form: Form
    var writes: Bool { false }

    init(_ criteria: EnterpriseCriteria, withRetired: Bool, context: Context) {
        let s = context.strings
        var fields: [FormField] = []
        if withRetired {
            fields.append(FormField(id: "retired", label: s[.formRetired], kind: .choice(EnterpriseCriteria.Retired.allCases.map { s[EnterpriseCriteria.label($0)] }),
                                    choice: EnterpriseCriteria.Retired.allCases.firstIndex(of: criteria.retired) ?? 0, width: 14))
        }
        fields.append(FormField(id: "integrity", label: s[.fieldIntegrity], kind: .choice(IntegrityFilter.allCases.map { s.integrityFilter($0) }),
                                choice: IntegrityFilter.allCases.firstIndex(of: criteria.integrity) ?? 0, width: 12))
        form = Form(title: s[withRetired ? .enterpriseFiltersTitle : .supervisionFiltersTitle], fields: fields, today: context.today)
    }

    var criteria: EnterpriseCriteria {
        var c = EnterpriseCriteria()
        if form.index(of: "retired") != nil { c.retired = EnterpriseCriteria.Retired.allCases[form.choice("retired")] }
        c.integrity = IntegrityFilter.allCases[form.choice("integrity")]
        return c
    }

    mutating func handle(_ event: InputEvent, context: inout Context) -> [Command] {
        switch form.handle(event) {
        case .save: return [.deliver(.enterpriseCriteria(criteria)), .closeModal]
        case .cancel: return [.closeModal]
        default: return []
        }
    }
}
