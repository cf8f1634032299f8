import Foundation
import Testing
@testable import AnjianApp
import AnjianModel
import AnjianRuntime
import AnjianScreen
import AnjianStore
import AnjianText

let demoEnterprises: [Enterprise] = try! DemoLedger.enterprises()
let demoDirectory = EnterpriseDirectory(enterprises: demoEnterprises, pinyin: pinyinTable)

let demoInspectors: [Inspector] = try! DemoLedger.inspectors()
let demoSupervisions: [String: [SupervisionEntry]] = try! DemoLedger.supervisions()
let demoHazards: [String: [Hazard]] = try! DemoLedger.hazards()
/// 2026-11-25 14:30 in Yantai.
let fixedNow = Date(timeIntervalSince1970: 1_795_588_200)
let demoOperator = Operator(name: "王丽娟", certificateNumber: "37062301333")

func makeState(_ language: Language = .zh, width: Int = 80, height: Int = 24, color: Bool = false,
               signer: Operator? = demoOperator, readOnly: ReadOnlyReason? = nil, askOperator: Bool = false,
               hazards: [String: [Hazard]] = demoHazards, inspectors: [Inspector] = demoInspectors) -> AppState {
    AppState(directory: demoDirectory, language: language, useColor: color, isDemo: true,
             dataPath: "/home/inspector/.local/share/anjian", width: width, height: height,
             pinyin: pinyinTable, inspectors: inspectors, supervisions: demoSupervisions,
             hazards: hazards, signer: signer, readOnly: readOnly, clock: { fixedNow },
             timeZone: TimeZone(identifier: "Asia/Shanghai")!, askOperator: askOperator)
}

extension AppState {
    /// Presses keys by name, as a user would.
    mutating func press(_ keys: Key...) {
        for key in keys { _ = update(.key(key)) }
    }

    mutating func type(_ text: String) {
        _ = update(.text(text))
    }

    /// The runner reports that the effect's store operation reached the disk: the files now
    /// hold the ledger's records with the operation's applied.
    mutating func succeed(_ effects: [Effect]) {
        for case .store(let operation) in effects {
            var written = WrittenRecords()
            switch operation {
            case .saveSupervision(let entry, _):
                written.supervisions[entry.enterpriseCode] = upserting(entry, into: ledger.supervisions[entry.enterpriseCode])
            case .saveHazard(let hazard, _, let link):
                written.hazards[hazard.enterpriseCode] = upserting(hazard, into: ledger.hazards[hazard.enterpriseCode])
                if let link {
                    written.supervisions[hazard.enterpriseCode] = upserting(link.entry, into: ledger.supervisions[hazard.enterpriseCode])
                }
            case .saveInspector(let inspector, let base):
                // The roster as the runner writes it: the record replaced where its base was, else added.
                var roster = ledger.roster.inspectors
                if let base, let i = roster.firstIndex(where: { $0.certificateNumber == base.certificateNumber }) {
                    roster[i] = inspector
                } else {
                    roster.append(inspector)
                }
                written.inspectors = roster
            case .saveEnterprise, .rekeyEnterprise: break  // master data (issue 13): its screens adopt it
            case .saveOperator, .saveDraft, .removeDraft, .issueDocument, .recordDraw: break
            }
            _ = update(.stored(.saved(operation, written: written)))
        }
    }

    /// A record saved as a form would save it (its base the ledger's version), reported saved.
    mutating func succeed(_ entry: SupervisionEntry) {
        succeed([.store(.saveSupervision(entry, base: ledger.supervisionEntry(entry.enterpriseCode, entry.id)))])
    }

    mutating func succeed(_ hazard: Hazard) {
        succeed([.store(.saveHazard(hazard, base: ledger.hazard(hazard.enterpriseCode, hazard.id), link: nil))])
    }

    // Reading the state as the screens hold it; tests change it only through `update`.
    func view<T>(_ id: ViewID, as type: T.Type) -> T? {
        (stack.first { $0.tab == id && $0.isTopLevel } ?? parked[id]) as? T
    }
    var route: Route {
        switch top {
        case let page as EnterprisePageScreen: return .enterprise(page.enterprise)
        case let page as HazardPageScreen: return .hazard(enterpriseCode: page.code, id: page.id)
        case let page as SupervisionPageScreen: return .supervision(enterpriseCode: page.code, id: page.id)
        case is HazardsScreen: return .hazards
        case is SupervisionsScreen: return .supervisions
        case is HelpScreen: return .help
        case is RosterScreen: return .roster
        case let page as InspectorPageScreen: return .inspector(page.certificateNumber)
        default: return .enterprises
        }
    }
    var sort: SortOrder? { enterpriseList.table.sortColumn.map { SortOrder(column: $0, ascending: enterpriseList.table.ascending) } }
    var detailScroll: Int {
        switch top {
        case let page as EnterprisePageScreen: return page.page.scroll
        case let page as HazardPageScreen: return page.page.scroll
        case let page as SupervisionPageScreen: return page.page.scroll
        default: return 0
        }
    }

    /// Sorts view 2 with `o` / `O`, as a user would.
    mutating func sortHazards(by column: HazardColumn, ascending: Bool) {
        press(.character("2"))
        for _ in 0..<20 where hazardList.sortColumn != column { press(.character("o")) }
        if hazardList.ascending != ascending { press(.character("O")) }
        #expect(hazardList.sortColumn == column && hazardList.ascending == ascending)
    }

    /// Sorts the enterprise list with `o` / `O`, as a user would.
    mutating func sortEnterprises(by column: EnterpriseColumn, ascending: Bool) {
        press(.character("1"))
        for _ in 0..<20 where sort?.column != column { press(.character("o")) }
        if sort?.ascending != ascending { press(.character("O")) }
        #expect(sort == SortOrder(column: column, ascending: ascending))
    }

    var enterpriseList: EnterprisesScreen { view(1, as: EnterprisesScreen.self)! }
    var rows: [Int] { enterpriseList.table.rows }
    var selected: Int { enterpriseList.table.selected }
    var listTop: Int { enterpriseList.table.top }
    var filter: TextInput { enterpriseList.table.filter }
    var filtering: Bool { enterpriseList.table.filtering }
    var selectedEnterprise: Int? { enterpriseList.table.selectedRecord }
    var listBodyHeight: Int { EnterprisesScreen.bodyHeight(context) }
    var hazardList: TableState<HazardColumn, HazardCriteria> { view(2, as: HazardsScreen.self)!.table }
    var shownHazardCounts: HazardCounts { view(2, as: HazardsScreen.self)!.counts }
    var supervisionList: TableState<SupervisionColumn, SupervisionCriteria> { view(3, as: SupervisionsScreen.self)!.table }
    var form: SupervisionForm? { modal as? SupervisionForm }
    var hazardForm: HazardForm? { modal as? HazardForm }
    var operatorForm: Form? { (modal as? OperatorFormModal)?.form }
    var showingHelp: Bool { top is HelpScreen }
    var hazardDirectory: HazardDirectory { ledger.hazardIndex }
    var supervisionDirectory: SupervisionDirectory { ledger.supervisionIndex }
    var enterprises: [Enterprise] { ledger.enterprises }

    /// Moves the form's focus to a field with Tab / Shift-Tab, as a user would.
    mutating func focusField(_ id: String) {
        guard let target = modal?.form.index(of: id) else { Issue.record("no field \(id)"); return }
        while let focus = modal?.form.focus, focus != target { press(focus < target ? .tab : .backTab) }
    }

    /// Replaces a form field's text by typing.
    mutating func fill(_ id: String, _ text: String) {
        focusField(id)
        press(.control("u"), .control("k"))
        type(text)
    }

    /// Opens a hazard's page from view 2 by filtering on its number.
    mutating func openHazardPage(_ hazard: Hazard) {
        press(.character("2"), .character("/"))
        type(hazard.number)
        press(.enter, .enter)
        #expect((top as? HazardPageScreen)?.id == hazard.id)
    }

    /// Opens an enterprise's page from view 1 by filtering on its credit code.
    mutating func openEnterprisePage(_ code: String) {
        press(.character("1"), .escape, .character("/"))
        type(code)
        press(.enter, .enter)
        #expect((top as? EnterprisePageScreen).map { ledger.enterprises[$0.enterprise].creditCode } == code)
    }

    /// Opens a supervision entry's page from its enterprise's page.
    mutating func openSupervisionPage(_ code: String, _ id: String) {
        openEnterprisePage(code)
        selectRow(.supervision(code, id))
        press(.enter)
        #expect((top as? SupervisionPageScreen)?.id == id)
    }

    /// Moves down the enterprise page until a record's row is selected.
    mutating func selectRow(_ target: EnterprisePageScreen.Target) {
        for _ in 0..<50 {
            guard let page = top as? EnterprisePageScreen, page.page.selection.map({ page.targets[$0] }) != target else { return }
            press(.down)
        }
    }

    /// Registers a hazard on the newest visit of the first enterprise with visits, as a user
    /// would (`h` on the visit's page, a description, Ctrl-S); the effects of the save.
    mutating func registerHazardOnAVisit(_ description: String) throws -> (code: String, entry: SupervisionEntry, effects: [Effect]) {
        let code = try #require(demoSupervisions.keys.sorted().first)
        let entry = try #require(ledger.supervisionEntries(of: code).first)
        openSupervisionPage(code, entry.id)
        press(.character("h"))
        type(description)
        return (code, entry, update(.key(.control("s"))))
    }

    /// Sets view 2's filters through its filters form (`f`): each choice by its index.
    mutating func chooseHazardFilters(status: Int = 0, level: Int = 0, overdue: Int = 0, district: Int = 0) {
        press(.character("2"), .character("f"))
        for (id, choice) in [("status", status), ("level", level), ("overdue", overdue), ("district", district)] {
            focusField(id)
            while let form = modal?.form, form.choice(id) != choice { press(.right) }
        }
        press(.control("s"))
    }
}

/// Compares a rendered screen with the reviewed text file `Screens/<name>.txt`.
/// `ANJIAN_RECORD_SCREENS=1 swift test` rewrites the files; review them with `git diff`.
func expectScreen(_ screen: Screen, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Screens").appendingPathComponent(name + ".txt")
    let actual = screen.lines().joined(separator: "\n") + "\n"
    if ProcessInfo.processInfo.environment["ANJIAN_RECORD_SCREENS"] == "1" {
        try! actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("missing reviewed screen \(url.path); record it with ANJIAN_RECORD_SCREENS=1", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var report = "screen \(name) differs:\n"
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? String(e[i]) : "<none>"
            let al = i < a.count ? String(a[i]) : "<none>"
            if el != al { report += "line \(i + 1)\n  expected: \(el)\n  actual:   \(al)\n" }
        }
        Issue.record(Comment(rawValue: report), sourceLocation: sourceLocation)
    }
}

func upserting<R: Identifiable>(_ record: R, into records: [R]?) -> [R] {
    var result = records ?? []
    result.upsert(record)
    return result
}

/// Where the app is, as the tests read it.
enum Route: Equatable {
    case enterprises, hazards, supervisions, help, roster
    case inspector(String)
    case enterprise(Int)
    case hazard(enterpriseCode: String, id: String)
    case supervision(enterpriseCode: String, id: String)
}

struct SortOrder: Equatable {
    var column: EnterpriseColumn
    var ascending: Bool
}
