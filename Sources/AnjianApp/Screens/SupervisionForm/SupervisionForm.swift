import Foundation
import AnjianModel
import AnjianRuntime
import AnjianScreen
import AnjianText

/// The supervision entry form (新建 / 编辑监管记录), built on the form engine.
public struct SupervisionForm: Sendable {
    public var form: Form
    public let enterpriseCode: String
    /// The entry being edited; nil for a new one.
    public let original: SupervisionEntry?
    /// How many inspector rows the form has (at least two).
    public private(set) var inspectorRows: Int
    /// Certificate numbers filled from the roster, by row prefix: renaming that inspector
    /// clears the number again rather than keep someone else's.
    var pickedCertificates: [String: String] = [:]

    static func kindLabels(_ s: Strings) -> [String] { SupervisionKind.allCases.map { s.kind($0) } }
    static func conclusionLabels(_ s: Strings) -> [String] { SupervisionConclusion.allCases.map { s.conclusion($0) } }

    /// A new entry, pre-filled: the operator as the first inspector, now, routine, no problem
    /// found, the enterprise's safety responsible person as the accompanying person; the
    /// focus on the second inspector's name.
    public static func new(for enterprise: Enterprise, signer: Operator?, now: Date, zone: TimeZone,
                           strings: Strings) -> SupervisionForm {
        let (day, time) = CalendarDate.dayAndTime(now, in: zone)
        let entry = SupervisionEntry(
            id: "", enterpriseCode: enterprise.creditCode, date: day, time: time, kind: .routine,
            inspectors: [InspectorRef(name: signer?.name ?? "", certificateNumber: signer?.certificateNumber ?? ""),
                         InspectorRef(name: "", certificateNumber: "")],
            accompanying: enterprise.safetyResponsible)
        var result = SupervisionForm(entry: entry, original: nil, enterprise: enterprise, today: day, strings: strings)
        result.form.focus = result.form.index(of: "inspectors[1].name") ?? 0
        return result
    }

    public static func edit(_ entry: SupervisionEntry, of enterprise: Enterprise, now: Date, zone: TimeZone,
                            strings: Strings) -> SupervisionForm {
        let (day, time) = CalendarDate.dayAndTime(now, in: zone)
        // A planned visit is being made now: today and the time, which the inspector can change.
        var shown = entry
        if entry.isPlanned { (shown.date, shown.time) = (day, time) }
        return SupervisionForm(entry: shown, original: entry, enterprise: enterprise, today: day, strings: strings)
    }

    init(entry: SupervisionEntry, original: SupervisionEntry?, enterprise: Enterprise, today: String, strings s: Strings) {
        self.enterpriseCode = enterprise.creditCode
        self.original = original
        self.inspectorRows = max(2, entry.inspectors.count)
        var fields: [FormField] = [
            FormField(id: "date", label: s.fieldLabel("date"), kind: .date, text: entry.date, width: 12),
            FormField(id: "time", label: s.fieldLabel("time"), kind: .time, text: entry.time, width: 6, startsRow: false),
            FormField(id: "kind", label: s.fieldLabel("kind"), kind: .choice(Self.kindLabels(s)),
                      choice: SupervisionKind.allCases.firstIndex(of: entry.kind) ?? 0, width: 18),
        ]
        for i in 0..<inspectorRows {
            let inspector = i < entry.inspectors.count ? entry.inspectors[i] : InspectorRef(name: "", certificateNumber: "")
            fields += Self.inspectorFields(i, inspector, s)
        }
        fields += [
            FormField(id: "accompanying.name", label: s.fieldLabel("accompanying.name"), kind: .text, text: entry.accompanying.name, width: 10),
            FormField(id: "accompanying.position", label: s.fieldLabel("accompanying.position"), kind: .text, text: entry.accompanying.position,
                      width: 12, startsRow: false),
            FormField(id: "accompanying.phone", label: s.fieldLabel("accompanying.phone"), kind: .text, text: entry.accompanying.phone, width: 13),
            FormField(id: "itemsChecked", label: s.fieldLabel("itemsChecked"), kind: .multiline(lines: 2), text: entry.itemsChecked, width: 60),
            FormField(id: "findings", label: s.fieldLabel("findings"), kind: .multiline(lines: 2), text: entry.findings, width: 60),
            FormField(id: "conclusion", label: s.fieldLabel("conclusion"), kind: .choice(Self.conclusionLabels(s)),
                      choice: SupervisionConclusion.allCases.firstIndex(of: entry.conclusion) ?? 0, width: 18),
        ]
        let title = (original == nil ? s[.newSupervisionTitle] : s[.editSupervisionTitle]) + " · " + enterprise.name
        form = Form(title: title, fields: fields, today: today)
        form.canAddRows = true
    }

    static func inspectorFields(_ i: Int, _ inspector: InspectorRef, _ s: Strings) -> [FormField] {
        [
            FormField(id: "inspectors[\(i)].name", label: s.fieldInspector(i + 1), kind: .inspectorName,
                      text: inspector.name, width: 10),
            FormField(id: "inspectors[\(i)].certificateNumber", label: s[.fieldCertificate], kind: .text,
                      text: inspector.certificateNumber, width: 14, startsRow: false),
        ]
    }

    /// Ctrl-N: one more inspector row, focused.
    mutating func addInspectorRow(_ s: Strings) {
        let after = form.index(of: "inspectors[\(inspectorRows - 1)].certificateNumber")!
        form.fields.insert(contentsOf: Self.inspectorFields(inspectorRows, InspectorRef(name: "", certificateNumber: ""), s),
                           at: after + 1)
        inspectorRows += 1
        form.focus(on: "inspectors[\(inspectorRows - 1)].name")
    }

    /// The entry the form describes. Extra inspector rows left empty are dropped; a roster
    /// name without a certificate number gets the roster's number.
    func entry(roster: InspectorRoster) -> SupervisionEntry {
        let inspectors = namedInspectors(roster: roster).map(\.inspector)
        var entry = original ?? SupervisionEntry(id: "", enterpriseCode: enterpriseCode, date: "", time: "",
                                                 kind: .routine, inspectors: [], accompanying: ContactPerson(name: "", position: "", phone: ""))
        entry.date = form.value("date").trimmingCharacters(in: .whitespaces)
        entry.time = form.value("time").trimmingCharacters(in: .whitespaces)
        entry.kind = SupervisionKind.allCases[form.choice("kind")]
        entry.inspectors = inspectors
        entry.accompanying = ContactPerson(name: form.value("accompanying.name").trimmingCharacters(in: .whitespaces),
                                           position: form.value("accompanying.position").trimmingCharacters(in: .whitespaces),
                                           phone: form.value("accompanying.phone").filter { !$0.isWhitespace })
        entry.itemsChecked = form.value("itemsChecked").trimmingCharacters(in: .whitespacesAndNewlines)
        entry.findings = form.value("findings").trimmingCharacters(in: .whitespacesAndNewlines)
        entry.conclusion = SupervisionConclusion.allCases[form.choice("conclusion")]
        // A planned visit saved through the form has been made.
        entry.planned = nil
        return entry
    }

    /// The inspectors of the rows, each with its row: extra rows left empty are dropped; a roster
    /// name without a certificate number gets the roster's number.
    func namedInspectors(roster: InspectorRoster) -> [(row: Int, inspector: InspectorRef)] {
        var result: [(Int, InspectorRef)] = []
        for i in 0..<inspectorRows {
            let name = form.value("inspectors[\(i)].name").trimmingCharacters(in: .whitespaces)
            var cert = form.value("inspectors[\(i)].certificateNumber").trimmingCharacters(in: .whitespaces)
            if i >= 2 && name.isEmpty && cert.isEmpty { continue }
            if cert.isEmpty, !name.isEmpty {
                let known = roster.named(name)
                if known.count == 1 { cert = known[0].certificateNumber }
            }
            result.append((i, InspectorRef(name: name, certificateNumber: cert)))
        }
        return result
    }

    /// The rows naming an inspector of the roster who may not be on a visit of `date`: retired
    /// by then, or their certificate expired (`Inspector.refusalForVisit`), each with its name
    /// field. An inspector the entry named when it was read is not asked again: old visits keep
    /// the names they were made with.
    func inspectorRefusals(on date: String, roster: InspectorRoster) -> [(field: String, name: String, refusal: InspectorRefusal)] {
        namedInspectors(roster: roster).compactMap { row, named in
            if original?.inspectors.contains(named) == true { return nil }
            let byNumber = named.certificateNumber.isEmpty ? nil : roster.inspectors.first { $0.certificateNumber == named.certificateNumber }
            // A number that is nobody's does not make a retired or expired person acceptable: the
            // name, when it is one inspector's, is checked then.
            let byName = roster.named(named.name)
            guard let inspector = byNumber ?? (byName.count == 1 ? byName[0] : nil),
                  let refusal = inspector.refusalForVisit(on: date) else { return nil }
            return ("inspectors[\(row)].name", named.name, refusal)
        }
    }

    /// An inspector's name changed: a number picked for the old name goes.
    mutating func nameEdited(_ field: Int) {
        let id = form.fields[field].id
        guard id.hasSuffix(".name") else { return }
        let prefix = String(id.dropLast(".name".count))
        if let picked = pickedCertificates[prefix], form.value(prefix + ".certificateNumber") == picked {
            form.setValue(prefix + ".certificateNumber", "")
            pickedCertificates[prefix] = nil
        }
    }

    /// A roster entry was picked: name and certificate filled, focus past them.
    mutating func pick(_ suggestion: Suggestion) {
        let id = form.fields[form.focus].id
        guard id.hasSuffix(".name") else { return }
        let prefix = String(id.dropLast(".name".count))
        form.setValue(id, suggestion.value)
        form.setValue(prefix + ".certificateNumber", suggestion.secondValue)
        pickedCertificates[prefix] = suggestion.secondValue
        form.suggestions = []
        if let cert = form.index(of: prefix + ".certificateNumber") {
            form.fields[form.focus].error = nil
            form.fields[cert].error = nil
            form.focus = min(form.fields.count - 1, cert + 1)
        }
    }
}
