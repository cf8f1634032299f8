import Testing
@testable import AnjianApp
import AnjianModel
import AnjianScreen
import AnjianText

@Suite struct ListUpdateTests {
    @Test func movesAndClampsSelection() {
        var state = makeState()
        state.press(.up)
        #expect(state.selected == 0)
        state.press(.down, .character("j"), .down)
        #expect(state.selected == 3)
        state.press(.character("k"))
        #expect(state.selected == 2)
        state.press(.end)
        #expect(state.selected == 59)
        #expect(state.listTop == 60 - state.listBodyHeight)
        state.press(.character("g"))
        #expect(state.selected == 0 && state.listTop == 0)
        state.press(.pageDown)
        #expect(state.selected == state.listBodyHeight - 1)
        state.press(.character("G"), .down)
        #expect(state.selected == 59)
    }

    @Test func filterTypingIsLiveAndEscClears() {
        var state = makeState()
        state.press(.character("/"), .character("l"), .character("z"))
        #expect(state.filtering)
        let lz = state.rows.count
        #expect(lz > 0 && lz < 60)
        state.press(.backspace)
        #expect(state.filter.text == "l")
        state.press(.escape)
        #expect(!state.filtering && state.filter.isEmpty && state.rows.count == 60)
    }

    @Test func narrowingAsYouTypeGivesTheSameRowsAsAFreshSearch() {
        var state = makeState()
        state.press(.character("/"))
        for query in ["y", "yt", "ytj", "ytjh", "ytj", "yt", "yantai", "yantaiwh", "莱", "莱州", "莱"] {
            state.press(.control("u"))
            state.type(query)
            #expect(state.rows == demoDirectory.matching(SearchQuery(query)), "\(query)")
        }
        state.press(.control("u"))
        for character in "longkou" {
            state.press(.character(character))
            #expect(state.rows == demoDirectory.matching(SearchQuery(state.filter.text)), "\(state.filter.text)")
        }
        state.press(.backspace, .backspace)
        #expect(state.rows == demoDirectory.matching(SearchQuery("longk")))
    }

    @Test func enterKeepsTheFilterAndNavigationKeysWorkAgain() {
        var state = makeState()
        state.press(.character("/"))
        state.type("莱州")
        state.press(.enter)
        #expect(!state.filtering)
        #expect(state.rows.allSatisfy { demoEnterprises[$0].district == "莱州市" })
        state.press(.character("j"))
        #expect(state.selected == 1)
        #expect(state.filter.text == "莱州")
        state.press(.escape)
        #expect(state.rows.count == 60)
        // The enterprise selected while filtered stays selected.
        #expect(demoEnterprises[state.selectedEnterprise!].district == "莱州市")
    }

    @Test func keysTypedFastArriveTogetherAndStillActAsKeys() {
        var state = makeState()
        state.type("jjj")
        #expect(state.selected == 3 && !state.filtering)
        state.type("/ytjhx")
        #expect(state.filtering && state.filter.text == "ytjhx")
        #expect(state.rows.map { demoEnterprises[$0].name } == ["烟台JH新材料科技有限公司"])
    }

    @Test func chineseTypedInTheListStartsAFilter() {
        var state = makeState()
        state.type("长岛")
        #expect(state.filtering && state.filter.text == "长岛")
        #expect(state.rows.count == 1)
        var single = makeState()
        single.press(.character("莱"))
        #expect(single.filtering && single.filter.text == "莱")
    }

    @Test func openAndBack() {
        var state = makeState()
        state.press(.down, .enter)
        #expect(state.route == .enterprise(state.rows[1]))
        state.press(.escape)
        #expect(state.route == .enterprises && state.selected == 1)
        state.press(.enter, .character("q"))
        #expect(state.route == .enterprises)
    }

    @Test func quitFromTheListOnlyButCtrlCAnywhere() {
        var state = makeState()
        state.press(.enter)
        #expect(state.update(.key(.character("q"))).isEmpty)
        #expect(state.update(.key(.control("c"))) == [.quit])
        state.press(.escape)
        #expect(state.update(.key(.character("q"))) == [.quit])
    }

    @Test func sortCyclesThroughVisibleColumnsAndReverses() {
        var state = makeState()
        state.press(.character("o"))
        #expect(state.sort == SortOrder(column: .name, ascending: true))
        state.press(.character("o"))
        #expect(state.sort == SortOrder(column: .district, ascending: true))
        state.press(.character("O"))
        #expect(state.sort == SortOrder(column: .district, ascending: false))
        let orders = state.rows.map { District.named(demoEnterprises[$0].district)!.order }
        #expect(orders == orders.sorted(by: >))
    }

    @Test func namesSortInPinyinOrder() {
        var state = makeState()
        state.sortEnterprises(by: .name, ascending: true)
        let names = state.rows.map { demoEnterprises[$0].name }
        // 蓬莱 (peng) before 烟台 (yan) before 招远 (zhao): pinyin order, not code points.
        let penglai = names.firstIndex { $0.hasPrefix("蓬莱") }!
        let yantai = names.firstIndex { $0.hasPrefix("烟台") }!
        let zhaoyuan = names.firstIndex { $0.hasPrefix("招远") }!
        #expect(penglai < yantai && yantai < zhaoyuan)
    }

    @Test func resizeKeepsTheSelectionVisible() {
        var state = makeState(width: 120, height: 40)
        state.press(.end)
        _ = state.update(.resize(width: 80, height: 24))
        #expect(state.selected == 59)
        #expect(state.listTop == 60 - state.listBodyHeight)
        _ = state.update(.resize(width: 30, height: 8))
        #expect(AppView.render(state).text.contains("30x8"))
        _ = state.update(.resize(width: 100, height: 30))
        #expect(state.selected >= state.listTop && state.selected < state.listTop + state.listBodyHeight)
    }

    @Test func helpOpensAndClosesFromTheSameKeymap() {
        var state = makeState()
        state.press(.function(1))
        #expect(state.showingHelp)
        state.press(.escape)
        #expect(!state.showingHelp)
        // Every key of the list keymap is listed on the help screen.
        state.press(.character("?"))
        let help = (state.top as! HelpScreen).lines.map(\.text).joined(separator: "\n")
        for binding in state.enterpriseList.keymap(state.context) {
            #expect(help.contains(binding.keys.map(\.displayName).joined(separator: " ")))
        }
    }

    @Test func detailScrollIsBounded() {
        var state = makeState(width: 80, height: 12)
        state.press(.enter)
        for _ in 0..<50 { state.press(.down) }
        let maximum = state.detailScroll
        #expect(maximum > 0)
        state.press(.down)
        #expect(state.detailScroll == maximum)
        state.press(.character("g"))
        #expect(state.detailScroll == 0)
    }
}

@Suite struct TextInputTests {
    @Test func editingIsGraphemeAwareAndCaretColumnCountsCells() {
        var input = TextInput()
        input.insert("烟台")
        input.handle(.character("w"))
        #expect(input.text == "烟台w" && input.caretColumn == 5)
        input.handle(.left)
        input.handle(.left)
        #expect(input.caretColumn == 2)
        input.handle(.backspace)  // removes 烟, a wide character, whole
        #expect(input.text == "台w" && input.caretColumn == 0)
        input.handle(.end)
        input.insert("e\u{301}")
        #expect(input.text == "台wé" && input.characters.count == 3 && input.caretColumn == 4)
        input.handle(.control("a"))
        input.handle(.delete)
        #expect(input.text == "wé")
        input.handle(.control("e"))
        input.insert(" 万华")
        input.handle(.control("w"))
        #expect(input.text == "wé ")
        input.handle(.control("u"))
        #expect(input.isEmpty)
    }

    @Test func pastedNewlinesBecomeSpaces() {
        var input = TextInput()
        input.insert("莱州\n矿业\t")
        #expect(input.text == "莱州 矿业 ")
    }
}
