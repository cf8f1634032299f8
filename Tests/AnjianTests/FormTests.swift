import Foundation
import Testing
@testable import AnjianApp
import AnjianModel
import AnjianRuntime
import AnjianScreen
import AnjianStore
import AnjianText

@Suite struct FormEngineTests {
    func textForm() -> Form {
        Form(title: "t", fields: [
            FormField(id: "a", label: "A", kind: .text, width: 10),
            FormField(id: "b", label: "B", kind: .multiline(lines: 2), width: 10),
            FormField(id: "d", label: "D", kind: .date, width: 12),
            FormField(id: "c", label: "C", kind: .choice(["x", "y", "z"]), width: 6),
        ], today: "2026-11-25")
    }

    @Test func keysProduceTheTextAndCaretColumn() {
        var form = textForm()
        _ = form.handle(.key(.character("二")))
        _ = form.handle(.text("楼配电箱"))  // an input method's multi-character commit
        #expect(form.value("a") == "二楼配电箱" && form.fields[0].input.caretColumn == 10)
        _ = form.handle(.key(.left))
        _ = form.handle(.key(.left))
        _ = form.handle(.key(.backspace))  // removes 配, a wide character, whole
        #expect(form.value("a") == "二楼电箱" && form.fields[0].input.caretColumn == 4)
        _ = form.handle(.key(.character("A")))
        #expect(form.value("a") == "二楼A电箱" && form.fields[0].input.caretColumn == 5)
        _ = form.handle(.key(.home))
        _ = form.handle(.key(.delete))
        _ = form.handle(.key(.control("e")))
        _ = form.handle(.key(.control("w")))
        #expect(form.value("a") == "")
        #expect(form.changed)
    }

    @Test func theCursorLandsOnTheCaretCell() {
        var form = textForm()
        _ = form.handle(.text("烟台ab"))
        _ = form.handle(.key(.left))
        let state = makeState()
        var screen = Screen(width: 80, height: 24)
        FormView.render(form, context: state.context, into: &screen)
        let placement = FormView.layout(form, strings: state.strings, width: 80).placements[0]
        #expect(screen.cursor?.x == placement.x + 5)
        #expect(screen.cursor?.y == 2)
    }

    @Test func aPasteWithNewlinesDoesNotSubmit() {
        var form = textForm()
        #expect(form.handle(.text("第一行\n第二行\r\n")) == .none)
        #expect(form.value("a") == "第一行 第二行 ")
        _ = form.handle(.key(.tab))
        #expect(form.handle(.text("第一行\n第二行")) == .none)
        #expect(form.value("b") == "第一行\n第二行")
        #expect(form.focus == 1)
    }

    @Test func enterInsertsALineBreakOnlyInMultiLineFields() {
        var form = textForm()
        #expect(form.handle(.key(.enter)) == .none)
        #expect(form.focus == 1)
        _ = form.handle(.key(.character("a")))
        _ = form.handle(.key(.enter))
        _ = form.handle(.key(.character("b")))
        #expect(form.value("b") == "a\nb" && form.focus == 1)
    }

    @Test func tabAndShiftTabMoveAndDatesExpand() {
        var form = textForm()
        _ = form.handle(.key(.tab))
        _ = form.handle(.key(.tab))
        _ = form.handle(.key(.character("t")))
        _ = form.handle(.key(.tab))
        #expect(form.value("d") == "2026-11-25" && form.focus == 3)
        _ = form.handle(.key(.backTab))
        _ = form.handle(.key(.control("u")))
        _ = form.handle(.text("+30"))
        _ = form.handle(.key(.down))
        #expect(form.value("d") == "2026-12-25")
        _ = form.handle(.key(.right))
        _ = form.handle(.key(.right))
        _ = form.handle(.key(.right))
        _ = form.handle(.key(.left))
        #expect(form.choice("c") == 2)
        _ = form.handle(.key(.up))
        #expect(form.focus == 2)
    }

    @Test func escOnAChangedFormAsksAndOnlyYDiscards() {
        var form = textForm()
        #expect(form.handle(.key(.escape)) == .cancel)  // unchanged: no question
        _ = form.handle(.key(.character("x")))
        #expect(form.handle(.key(.escape)) == .none)
        #expect(form.confirmingDiscard)
        #expect(form.handle(.key(.escape)) == .none)  // Esc again does not confirm
        #expect(!form.confirmingDiscard && form.value("a") == "x")
        _ = form.handle(.key(.escape))
        #expect(form.handle(.key(.character("y"))) == .cancel)
    }

    @Test func theCaretOfAWrappedMultiLineFieldIsWhereTheTextIs() {
        var input = TextInput(String(repeating: "x", count: 59) + "yz")
        input.handle(.left)
        let (rows, caret, _) = FormView.wrap(input, width: 60, lines: 2)
        #expect(rows == [String(repeating: "x", count: 59) + "y", "z"])
        #expect(caret.row == 1 && caret.column == 0)
        var chinese = TextInput("二楼配电箱")
        chinese.handle(.left)
        let wrapped = FormView.wrap(chinese, width: 6, lines: 2)
        #expect(wrapped.0 == ["二楼配", "电箱"])
        #expect(wrapped.1.row == 1 && wrapped.1.column == 2)
    }

    @Test func ctrlSAsksToSave() {
        var form = textForm()
        #expect(form.handle(.key(.control("s"))) == .save)
    }
}

@Suite struct SupervisionFormTests {
    let laiyang = demoEnterprises.firstIndex { $0.district == "莱阳市" }!

    func openForm() -> AppState {
        var state = makeState()
        state.press(.character("/"))
        state.type(demoEnterprises[laiyang].name)
        state.press(.enter, .enter, .character("s"))
        return state
    }

    @Test func opensPrefilledWithTheFocusOnTheSecondInspectorsName() throws {
        let state = openForm()
        let form = try #require(state.form?.form)
        #expect(form.fields[form.focus].id == "inspectors[1].name")
        #expect(form.value("inspectors[0].name") == "王丽娟")
        #expect(form.value("inspectors[0].certificateNumber") == "37062301333")
        #expect(form.value("date") == "2026-11-25" && form.value("time") == "14:30")
        #expect(form.choice("kind") == 0 && form.choice("conclusion") == 0)
        #expect(form.value("accompanying.name") == demoEnterprises[laiyang].safetyResponsible.name)
        #expect(form.value("accompanying.phone") == demoEnterprises[laiyang].safetyResponsible.phone)
    }

    @Test func nameTabCertificateCtrlSIsACompleteEntry() throws {
        var state = openForm()
        state.type("张伟明")
        state.press(.tab)
        #expect(state.form?.form.fields[state.form!.form.focus].id == "inspectors[1].certificateNumber")
        state.type("37061988888")
        let effects = state.update(.key(.control("s")))
        guard case .store(.saveSupervision(let entry, _))? = effects.first else {
            Issue.record("no save: \(state.form?.form.message ?? "")")
            return
        }
        #expect(entry.inspectors.map(\.name) == ["王丽娟", "张伟明"])
        #expect(entry.validate().isEmpty)
        #expect(entry.history.first?.by == demoOperator && entry.history.first?.at == "2026-11-25T14:30:00+08:00")
        #expect(entry.id.hasPrefix("S-") && entry.id.hasSuffix("-20261125-1"))
        state.succeed(entry)
        #expect(state.form == nil)
        #expect(state.ledger.supervisionEntries(of: entry.enterpriseCode).first == entry)
        #expect(state.supervisionDirectory.records.contains { $0.entry == entry })
    }

    @Test func withoutASecondInspectorNothingIsSavedAndTheFieldSaysWhy() throws {
        var state = openForm()
        let effects = state.update(.key(.control("s")))
        #expect(effects.isEmpty)
        let form = try #require(state.form?.form)
        #expect(form.fields[form.index(of: "inspectors[1].name")!].error == "必填")
        #expect(form.fields[form.focus].id == "inspectors[1].name")
        #expect(form.message?.contains("处需要修改") == true)
    }

    @Test func pickingFromTheRosterFillsNameAndCertificate() throws {
        var state = openForm()
        state.type("zft")
        let suggestions = try #require(state.form?.form.suggestions)
        #expect(suggestions.map(\.title) == ["曾凡涛"])
        state.press(.enter)
        let form = try #require(state.form?.form)
        #expect(form.value("inspectors[1].name") == "曾凡涛")
        #expect(form.value("inspectors[1].certificateNumber") == demoInspectors.first { $0.name == "曾凡涛" }!.certificateNumber)
        #expect(form.fields[form.focus].id == "accompanying.name")
    }

    @Test func ctrlNAddsAThirdInspectorAndEmptyExtraRowsAreIgnored() throws {
        var state = openForm()
        state.type("张伟明")
        state.press(.tab)
        state.type("37061988888")
        state.press(.control("n"))
        #expect(state.form?.form.fields[state.form!.form.focus].id == "inspectors[2].name")
        guard case .store(.saveSupervision(let entry, _))? = state.update(.key(.control("s"))).first else {
            Issue.record("not saved")
            return
        }
        #expect(entry.inspectors.count == 2)
    }

    @Test func editingKeepsHistoryAndRecordsTheChange() throws {
        var state = makeState()
        let code = try #require(demoSupervisions.keys.sorted().first)
        let original = try #require(state.ledger.supervisionEntries(of: code).first)
        state.openSupervisionPage(code, original.id)
        state.press(.character("e"))
        state.focusField("itemsChecked")
        state.type("消防通道")
        guard case .store(.saveSupervision(let entry, _))? = state.update(.key(.control("s"))).first else {
            Issue.record("not saved: \(state.form?.form.message ?? "")")
            return
        }
        #expect(entry.id == original.id)
        #expect(entry.history.count == original.history.count + 1)
        #expect(entry.history.last?.changes.map(\.field) == ["itemsChecked"])
    }

    @Test func renamingAPickedInspectorDropsTheirCertificateNumber() throws {
        var state = openForm()
        state.type("szg")
        state.press(.enter)
        let picked = try #require(state.form?.form.value("inspectors[1].certificateNumber"))
        #expect(!picked.isEmpty)
        state.focusField("inspectors[1].name")
        state.press(.control("u"))
        state.type("区文博")
        #expect(state.form?.form.value("inspectors[1].certificateNumber") == "")
    }

    /// A draft that cannot be written: the form stays open and says why; Ctrl-C then asks.
    @Test func ctrlCWhenTheDraftCannotBeKeptKeepsTheFormOpen() throws {
        var state = openForm()
        state.type("张")
        guard case .store(let operation)? = state.update(.key(.control("c"))).first else {
            Issue.record("expected a draft")
            return
        }
        #expect(state.update(.stored(.failed(operation, .io(path: "/d/drafts", reason: "disk full")))).isEmpty)
        #expect(state.form?.form.message?.contains("disk full") == true && state.form?.form.value("inspectors[1].name") == "张")
        #expect(state.update(.key(.control("c"))).isEmpty && state.form?.form.confirmingDiscard == true)
        #expect(state.update(.key(.control("c"))) == [.quit])
    }

    /// Ctrl-C on a changed form quits without losing it: it is kept as a draft.
    @Test func ctrlCOnAChangedFormKeepsItAsADraft() throws {
        var state = openForm()
        state.type("张")
        let effects = state.update(.key(.control("c")))
        guard effects.count == 1, case .store(.saveDraft(let name, let data)) = effects[0] else {
            Issue.record("expected a draft: \(effects)")
            return
        }
        // Quits once the draft is on disk, not before.
        #expect(state.update(.stored(.saved(.saveDraft(name: name, data: data), written: WrittenRecords()))) == [.quit])
        #expect(name.hasPrefix("20261125143000-") && name.hasSuffix(".json"))
        let draft = try JSONDecoder().decode(Draft.self, from: data)
        #expect(draft.fields.first { $0.id == "inspectors[1].name" }?.text == "张")
        // An unchanged form just quits.
        var fresh = openForm()
        #expect(fresh.update(.key(.control("c"))) == [.quit])
    }

    @Test func withoutAnOperatorNothingUnsignedCanBeStarted() {
        var state = makeState(signer: nil)
        state.press(.character("s"))
        #expect(state.form == nil && state.operatorForm != nil)
        state.press(.escape)
        state.press(.character("h"))
        #expect(state.hazardForm == nil && state.operatorForm != nil)
    }

    @Test func phonesAreSavedWithoutSpaces() throws {
        var state = openForm()
        state.type("张伟明")
        state.press(.tab)
        state.type("37061988888")
        state.fill("accompanying.phone", "186 2431 4768")
        guard case .store(.saveSupervision(let entry, _))? = state.update(.key(.control("s"))).first else {
            Issue.record("not saved")
            return
        }
        #expect(entry.accompanying.phone == "18624314768")
    }

    @Test func readOnlyRefusesToOpenTheForm() {
        var state = makeState(readOnly: .heldBy(LockHolder(pid: 42, operatorName: "单志刚", since: "2026-11-25T08:00:00+08:00")))
        state.press(.character("s"))
        #expect(state.form == nil)
        #expect(state.message?.contains("单志刚") == true && state.message?.contains("42") == true)
    }
}

@Suite struct FormScreenTests {
    func formState(_ language: Language) -> AppState {
        var state = makeState(language)
        state.press(.down, .down, .character("s"))
        return state
    }

    @Test(arguments: [Language.zh, .en])
    func newSupervisionForm(_ language: Language) {
        let state = formState(language)
        expectScreen(AppView.render(state), named: "supervision-form-\(language)-80x24")
    }

    @Test(arguments: [Language.zh, .en])
    func newSupervisionFormWithErrors(_ language: Language) {
        var state = formState(language)
        state.fill("accompanying.phone", "12345")
        _ = state.update(.key(.control("s")))
        expectScreen(AppView.render(state), named: "supervision-form-errors-\(language)-80x24")
    }

    @Test func rosterSuggestions() {
        var state = formState(.zh)
        state.type("单")
        expectScreen(AppView.render(state), named: "supervision-form-suggestions-zh-80x24")
    }

    @Test func supervisionListAndEntry() {
        var state = makeState(.zh, width: 100, height: 30)
        state.press(.character("3"))
        expectScreen(AppView.render(state), named: "supervisions-zh-100x30")
        state.press(.enter)
        expectScreen(AppView.render(state), named: "supervision-entry-zh-100x30")
    }

    @Test func supervisionListInEnglishShowsWholeLabels() {
        var state = makeState(.en, width: 120, height: 20)
        state.press(.character("3"))
        let screen = AppView.render(state)
        expectScreen(screen, named: "supervisions-en-120x20")
        #expect(screen.text.contains("rectification ordered") && screen.text.contains("double-random check"))
    }

    @Test func enterprisePageListsItsEntriesNewestFirst() throws {
        var state = makeState(.en, width: 100, height: 40)
        let code = try #require(demoSupervisions.keys.sorted().first { demoSupervisions[$0]!.count > 1 })
        state.openEnterprisePage(code)
        expectScreen(AppView.render(state), named: "enterprise-with-entries-en-100x40")
    }

    @Test func operatorPrompt() {
        var state = makeState(signer: nil, askOperator: true)
        state.type("王丽娟")
        expectScreen(AppView.render(state), named: "operator-prompt-zh-80x24")
        let effects = state.update(.key(.control("s")))
        #expect(effects == [.store(.saveOperator(demoOperator))])
        #expect(state.signer == demoOperator && state.operatorForm == nil)
    }
}

@Suite struct PickedCertificateTests {
    /// Moving back onto a picked name is no edit: its certificate number stays.
    @Test func shiftTabOntoAPickedNameKeepsItsCertificate() throws {
        var state = makeState()
        state.press(.character("s"))
        state.type("szg")
        state.press(.enter)
        let picked = try #require(state.form?.form.value("inspectors[1].certificateNumber"))
        #expect(!picked.isEmpty)
        state.press(.tab, .backTab, .backTab, .backTab)
        #expect(state.form?.form.value("inspectors[1].certificateNumber") == picked)
    }
}
