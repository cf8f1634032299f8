import Testing
@testable import AnjianApp
import AnjianModel
import AnjianScreen
import AnjianText

/// Issue 9, keys: choice fields take type-ahead, pinyin included.
@Suite struct ChoiceTypeAheadTests {
    @Test func pinyinInitialsPickADistrict() {
        var state = makeState()
        state.press(.character("2"), .character("f"))
        state.focusField("district")
        state.press(.character("l"), .character("z"))
        let district = state.modal!.form.choice("district")
        #expect(district > 0 && District.all[district - 1].name == "莱州市")
        state.press(.control("s"))
        #expect(state.hazardList.criteria.district == "莱州市")
    }

    @Test func typedTogetherFullPinyinAndChinese() {
        var state = makeState()
        state.press(.character("2"), .character("f"))
        state.focusField("district")
        state.type("longkou")
        #expect(District.all[state.modal!.form.choice("district") - 1].name == "龙口市")
        state.press(.tab, .backTab)  // leaving the field forgets what was typed
        state.type("莱阳")
        #expect(District.all[state.modal!.form.choice("district") - 1].name == "莱阳市")
    }

    @Test func nothingMatchingKeepsTheChoiceAndEnglishMatchesLabels() {
        var state = makeState(.en)
        state.press(.character("2"), .character("f"))
        state.focusField("district")
        state.type("laiz")
        let laizhou = state.modal!.form.choice("district")
        #expect(District.all[laizhou - 1].name == "莱州市")
        state.type("qqq")
        #expect(state.modal!.form.choice("district") == laizhou)
        state.press(.right)
        #expect(state.modal!.form.choice("district") == laizhou + 1)
    }
}

/// Issue 9, keys: a list's sort column is picked in a menu (F6, `<`, `>`), not cycled to.
@Suite struct SortMenuTests {
    @Test func theMenuPicksAColumnByItsPinyin() {
        var state = makeState()
        state.press(.character("2"), .function(6))
        #expect(state.modal is SortMenu)
        state.type("zrr")  // 责任人? not shown at 80 columns: nothing matches, the choice stays
        state.type("zt")   // 状态
        state.press(.enter)
        #expect(state.modal == nil)
        #expect(state.hazardList.sortColumn == .status && state.hazardList.ascending)
    }

    @Test func anotherColumnStartsInItsOwnOrderAndTheOrderCanBeChosen() {
        var state = makeState(.en, width: 140, height: 40)
        state.press(.character("2"), .character("<"))
        state.type("late")
        #expect(state.modal?.form.choice("order") == 1)  // overdue days read largest first
        state.press(.tab, .right, .enter)
        #expect(state.hazardList.sortColumn == .overdue && state.hazardList.ascending)
        state.press(.character("1"), .character(">"))
        state.type("district")
        state.press(.control("s"))
        #expect(state.sort == SortOrder(column: .district, ascending: true))
        state.press(.character("3"), .function(6), .escape)
        #expect(state.modal == nil && state.supervisionList.sortColumn == .date)
    }

    @Test func theSortMarkerIsNeverCutOff() {
        var state = makeState(.en, width: 140, height: 40)
        state.press(.character("2"), .function(6))
        state.type("district")
        state.press(.tab, .right, .enter)
        let header = AppView.render(state).lines()[3]
        #expect(header.contains("Distr… v"), "\(header)")
    }
}

/// Issue 9, layout: 80×24 keeps the hazard ledger's district, long header lines end in "…",
/// a wide terminal gives the description the free width, a multi-line field shows hidden lines.
@Suite struct LayoutTests {
    @Test(arguments: [Language.zh, .en])
    func theLedgerAt80KeepsTheDistrict(_ language: Language) {
        let layout = HazardsScreen.columns(Strings(language)).columns(width: 80)
        #expect(layout.map(\.column).contains(.district))
        #expect(Layout.marker + layout.reduce(0) { $0 + $1.width } + Layout.gap * (layout.count - 1) == 80)
        var state = makeState(language)
        state.press(.character("2"))
        let screen = AppView.render(state)
        #expect(screen.line(3).contains(language == .zh ? "区市" : "District"))
        #expect(screen.lines().contains { $0.contains(language == .zh ? "莱州市" : "Laizhou") })
    }

    @Test func at140TheDescriptionTakesTheFreeWidth() {
        let layout = HazardsScreen.columns(Strings(.zh)).columns(width: 140)
        #expect(layout.count == HazardColumn.allCases.count)
        #expect(layout.last!.column == .description && layout.last!.width == 28)
        var state = makeState(width: 140, height: 40)
        state.press(.character("2"))
        #expect(AppView.render(state).text.contains("可燃气体报警器未按期校验\n"))  // whole, 24 cells
    }

    @Test func theFilterSummaryShortensCleanly() {
        var state = makeState(.en)
        state.chooseHazardFilters(status: 1, level: 2, overdue: 1, district: 7)
        let line = AppView.render(state).line(2)
        #expect(line.hasSuffix("…") && line.displayWidth == 79, "\(line)")
        #expect(line.hasPrefix(" overdue: rectification"))
    }

    @Test func aMultiLineFieldShowsThatLinesAreHidden() {
        var state = makeState(.en)
        state.press(.character("h"))
        state.type(String(repeating: "Fire exits blocked by stored goods. ", count: 5))
        var screen = AppView.render(state)
        let row = screen.lines().firstIndex { $0.contains("Description [") }!
        #expect(screen.line(row).hasSuffix("^") && screen.line(row + 1).hasSuffix("]"))
        state.press(.control("a"))  // the caret to the start: the lines below are hidden
        screen = AppView.render(state)
        #expect(screen.line(row).hasSuffix("]") && screen.line(row + 1).hasSuffix("v"), "\(screen.text)")
        let wrapped = FormView.wrap(TextInput("abcdefg"), width: 2, lines: 2)
        #expect(wrapped.hidden.above == 2 && wrapped.hidden.below == 0)
    }
}
