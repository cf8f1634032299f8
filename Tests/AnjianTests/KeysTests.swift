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
