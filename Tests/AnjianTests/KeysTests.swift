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
