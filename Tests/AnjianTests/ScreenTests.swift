import Testing
@testable import AnjianApp
import AnjianModel
import AnjianScreen
import AnjianText

@Suite struct ListScreenTests {
    @Test(arguments: [(Language.zh, 80, 24), (.en, 80, 24), (.zh, 120, 40), (.en, 120, 40)])
    func enterpriseList(_ language: Language, _ width: Int, _ height: Int) {
        let state = makeState(language, width: width, height: height)
        expectScreen(AppView.render(state), named: "list-\(language)-\(width)x\(height)")
    }

    @Test func filteredByChineseText() {
        var state = makeState()
        state.press(.character("/"))
        state.type("莱州")
        let screen = AppView.render(state)
        expectScreen(screen, named: "list-filtered-laizhou-zh-80x24")
        // The real cursor sits after the two wide characters of the filter.
        let prompt = "/ 筛选：".displayWidth
        #expect(screen.cursor?.x == prompt + 4)
        #expect(screen.cursor?.y == 22)
    }

    @Test func filteredByPinyinInitialsOfAHeteronym() {
        var state = makeState(.en, width: 100, height: 30)
        state.press(.character("/"), .character("c"), .character("d"))
        expectScreen(AppView.render(state), named: "list-filtered-cd-en-100x30")
    }

    @Test func noMatch() {
        var state = makeState()
        state.press(.character("/"))
        state.type("qqqzzz")
        state.press(.enter)
        expectScreen(AppView.render(state), named: "list-no-match-zh-80x24")
    }

    @Test func sortedByRiskDescending() {
        var state = makeState(.zh, width: 120, height: 40)
        state.sortEnterprises(by: .risk, ascending: false)
        let risks = state.rows.map { demoEnterprises[$0].riskGrade.severity }
        #expect(risks == risks.sorted(by: >))
        expectScreen(AppView.render(state), named: "list-sorted-risk-zh-120x40")
    }
}

@Suite struct OtherScreenTests {
    @Test func detailZh80x24() {
        var state = makeState()
        state.press(.down, .down, .enter)
        expectScreen(AppView.render(state), named: "detail-zh-80x24")
    }

    @Test func detailEn120x40() {
        var state = makeState(.en, width: 120, height: 40)
        // An enterprise on a list, with special equipment.
        let index = demoEnterprises.firstIndex { $0.integrityStatus == .black }!
        state.openEnterprisePage(demoEnterprises[index].creditCode)
        expectScreen(AppView.render(state), named: "detail-en-120x40")
    }

    @Test func helpZh80x24() {
        var state = makeState()
        state.press(.character("?"))
        expectScreen(AppView.render(state), named: "help-zh-80x24")
    }

    @Test func helpEn80x24ScrolledToTheEnd() {
        var state = makeState(.en)
        state.press(.function(1))
        for _ in 0..<60 { state.press(.down) }
        expectScreen(AppView.render(state), named: "help-en-80x24-end")
    }

    @Test(arguments: [Language.zh, .en])
    func tooSmall(_ language: Language) {
        let state = makeState(language, width: 30, height: 8)
        expectScreen(AppView.render(state), named: "too-small-\(language)-30x8")
    }

    /// Every district cell starts at the same display column whatever the names' widths.
    @Test func columnsAlignByDisplayWidth() {
        let state = makeState(.zh, width: 100, height: 30)
        let screen = AppView.render(state)
        let districtColumn = Layout.marker + EnterprisesScreen.columns.columns(width: 100)[0].width + Layout.gap
        for y in 2..<(2 + state.listBodyHeight) {
            let district = demoEnterprises[state.rows[y - 2]].district
            var text = ""
            for x in districtColumn..<screen.width where screen[x, y].width > 0 { text += screen[x, y].text }
            #expect(text.hasPrefix(district), "row \(y): \(screen.line(y))")
            #expect(screen[districtColumn - 1, y].text == " ", "row \(y): the name cell must end before the district")
        }
    }
}

@Suite struct ColourTests {
    @Test func colourIsNeverTheOnlyMarker() throws {
        let major = try #require(demoEnterprises.firstIndex { $0.riskGrade == .major })
        for color in [true, false] {
            var state = makeState(.zh, width: 120, height: 80, color: color)
            state.press(.end)  // keep the row unselected
            let screen = AppView.render(state)
            let y = 2 + state.rows.firstIndex(of: major)!
            #expect(screen.line(y).contains("重大!"))
            let x = screen.line(y).firstIndex(of: "!").map { screen.line(y)[..<$0].displayWidth } ?? 0
            let style = screen[x, y].style
            #expect((style.foreground == .red) == color)
        }
    }
}
