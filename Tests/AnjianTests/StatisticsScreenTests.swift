import Foundation
import Testing
@testable import AnjianApp
import AnjianModel
import AnjianScreen
import AnjianText

/// View 5: the figures as reviewed screens, the period and district keys, and every figure's
/// Enter landing on a list of exactly that many rows.
@Suite struct StatisticsScreenTests {
    var statistics: (AppState) -> StatisticsScreen? = { $0.view(5, as: StatisticsScreen.self) }

    @Test(arguments: [(Language.zh, 80, 24), (.en, 80, 24), (.zh, 140, 40), (.en, 140, 40)])
    func theViewAsReviewedScreens(_ language: Language, _ width: Int, _ height: Int) {
        var state = makeState(language, width: width, height: height)
        state.press(.character("5"))
        #expect(state.top is StatisticsScreen)
        let name = "statistics-\(language)-\(width)x\(height)"
        expectScreen(AppView.render(state), named: name)
        // Further down: the trend, the visits, the list of enterprises to visit.
        state.press(.pageDown, .pageDown)
        expectScreen(AppView.render(state), named: name + "-page3")
        state.press(.end)
        expectScreen(AppView.render(state), named: name + "-end")
        for line in AppView.render(state).lines() { #expect(line.displayWidth <= width) }
    }

    @Test(arguments: AmbiguousWidth.allCases)
    func barsAndSparklinesFollowTheAmbiguousWidth(_ mode: AmbiguousWidth) {
        DisplayWidth.$ambiguous.withValue(mode) {
            var state = makeState(.zh)
            state.press(.character("5"), .pageDown)
            let screen = AppView.render(state)
            expectScreen(screen, named: "ambiguous-\(mode.rawValue)-statistics-zh-80x24")
            for line in screen.lines() { #expect(line.displayWidth <= 80, "\(line)") }
            let blocks = "▁▂▃▄▅▆▇█▏▎▍▌▋▊▉"
            if mode == .ascii {
                #expect(!screen.text.contains { blocks.contains($0) })
                #expect(screen.text.contains("#"))
            } else {
                #expect(screen.text.contains("█"))
            }
        }
    }

    @Test func barsCountTheirCellsInEachMode() {
        for width in [1, 7, 20, 31] {
            for (value, maximum) in [(1, 1), (1, 9), (5, 9), (9, 9), (3, 200)] {
                let narrow = Charts.bar(value, of: maximum, width: width, mode: .narrow)
                let wide = Charts.bar(value, of: maximum, width: width, mode: .wide)
                let ascii = Charts.bar(value, of: maximum, width: width, mode: .ascii)
                // Never wider than asked, whatever the terminal does with the blocks.
                #expect(narrow.count <= width && 2 * wide.count <= width && ascii.count <= width)
                #expect(ascii.allSatisfy { "#=|".contains($0) })
                if width >= 2 { #expect(!wide.isEmpty && !narrow.isEmpty && !ascii.isEmpty) }
            }
            // The largest value fills the width (in whole marks).
            #expect(Charts.bar(9, of: 9, width: width, mode: .narrow) == String(repeating: "█", count: width))
            #expect(Charts.bar(9, of: 9, width: width, mode: .wide) == String(repeating: "█", count: width / 2))
            #expect(Charts.bar(9, of: 9, width: width, mode: .ascii) == String(repeating: "#", count: width))
        }
        #expect(Charts.bar(0, of: 9, width: 10, mode: .narrow).isEmpty)
        #expect(Charts.bar(1, of: 2, width: 10, mode: .narrow) == "█████")
        #expect(Charts.bar(1, of: 2, width: 1, mode: .narrow) == "▌")
        #expect(Charts.bar(1, of: 16, width: 1, mode: .narrow) == "▏")
        #expect(Charts.bar(1, of: 2, width: 3, mode: .ascii) == "#=")
        #expect(Charts.sparkline([0, 1, 2, 4, 7], mode: .narrow) == "▁▂▃▅█")
        #expect(Charts.sparkline([0, 2, 4, 6, 8], mode: .ascii) == "_.-=#")
        #expect(Charts.sparkline([0, 0], mode: .ascii) == "__")
        // In wide mode each mark is two cells: the line is twice as wide, never cut.
        #expect(DisplayWidth.$ambiguous.withValue(.wide) { Charts.sparkline([0, 8], mode: .wide).displayWidth } == 4)
    }

    /// Every selectable figure: Enter opens a list with as many rows as the figure says, and
    /// view 2's header counts (over the same rows) agree.
    @Test(arguments: [0, 1, 2])
    func enterOnEveryFigureOpensAListOfThatMany(_ periodPresses: Int) throws {
        var state = makeState(.zh, width: 140, height: 40)
        state.press(.character("5"))
        for _ in 0..<periodPresses { state.press(.character("p")) }
        let screen = try #require(statistics(state))
        #expect(screen.figures.count > 40)
        var checked = 0
        for index in screen.figures.indices {
            state.press(.character("5"))
            // Select it as a user would: from the top, down to it.
            state.press(.home)
            while let current = statistics(state)?.page.selection, current < index { state.press(.down) }
            #expect(statistics(state)?.page.selection == index)
            let figure = try #require(statistics(state)).figures[index]
            state.press(.enter)
            switch figure {
            case .hazards(let criteria, let count):
                #expect(state.top is HazardsScreen)
                #expect(state.hazardList.criteria == criteria && state.hazardList.filter.text.isEmpty)
                #expect(state.hazardList.rows.count == count, "\(criteria)")
                #expect(state.shownHazardCounts.total == count)
            case .entries(let criteria, let count):
                #expect(state.top is SupervisionsScreen)
                #expect(state.supervisionList.criteria == criteria)
                #expect(state.supervisionList.rows.count == count, "\(criteria)")
            case .enterprise(let code):
                #expect((state.top as? EnterprisePageScreen).map { state.ledger.enterprises[$0.enterprise].creditCode } == code)
                state.press(.escape)
            }
            checked += 1
        }
        #expect(checked == screen.figures.count)
    }

    /// A text filter left in view 2 is cleared: the rows are the figure's.
    @Test func aFigureClearsTheListsTextFilter() throws {
        var state = makeState()
        state.press(.character("2"), .character("/"))
        state.type("zzzz")
        state.press(.enter, .character("5"), .enter)
        #expect(state.top is HazardsScreen && state.hazardList.filter.text.isEmpty)
        let figure = try #require(statistics(state)?.figures.first)
        guard case .hazards(_, let count) = figure else { Issue.record("first figure is not the hazards"); return }
        #expect(state.hazardList.rows.count == count && count > 0)
        // F clears view 3's criteria too, as view 2's.
        state.press(.character("5"))
        for _ in 0..<200 where statistics(state)?.page.selection.flatMap({ i in statistics(state)?.figures[i] }).map({
            if case .entries = $0 { return false } else { return true } }) ?? true { state.press(.down) }
        state.press(.enter)
        #expect(!state.supervisionList.criteria.isEmpty)
        state.press(.character("F"))
        #expect(state.supervisionList.criteria.isEmpty && state.supervisionList.rows.count == state.supervisionDirectory.records.count)
    }

    @Test func periodAndDistrictKeys() throws {
        var state = makeState()
        state.press(.character("5"))
        #expect(statistics(state)?.period == StatisticsPeriod(since: "2026-01-01", until: "2026-12-31"))
        state.press(.character("["))
        #expect(statistics(state)?.period == StatisticsPeriod(since: "2025-01-01", until: "2025-12-31"))
        state.press(.character("]"), .character("p"))
        #expect(statistics(state)?.period == StatisticsPeriod(since: "2026-10-01", until: "2026-12-31"))
        state.press(.character("["))
        #expect(statistics(state)?.period == StatisticsPeriod(since: "2026-07-01", until: "2026-09-30"))
        // The month of the day moved to: a quarter back from November.
        state.press(.character("p"))
        #expect(statistics(state)?.period == StatisticsPeriod(since: "2026-08-01", until: "2026-08-31"))
        state.press(.character("p"))
        #expect(statistics(state)?.period == StatisticsPeriod())
        #expect(statistics(state)?.statistics?.hazards.total == demoHazards.values.reduce(0) { $0 + $1.count })
        state.press(.character("d"))
        #expect(statistics(state)?.district == District.all[0].name)
        #expect(statistics(state)?.statistics?.district == District.all[0].name)
        for _ in District.all { state.press(.character("d")) }
        #expect(statistics(state)?.district == nil)

        // Custom: p on from "all time" asks for the dates; a bad one is refused and named.
        state.press(.character("p"))
        #expect(state.modal is PeriodForm)
        state.fill("since", "2026-02-30")
        state.press(.enter)
        #expect(state.modal?.form.message?.contains("2026-02-30") == true)
        state.fill("since", "2026-03-01")
        state.fill("until", "2026-02-01")
        state.press(.enter)
        #expect(state.modal is PeriodForm)
        state.fill("until", "2026-06-30")
        state.press(.enter)
        #expect(state.modal == nil)
        #expect(statistics(state)?.period == StatisticsPeriod(since: "2026-03-01", until: "2026-06-30"))
        #expect(statistics(state)?.statistics?.period == StatisticsPeriod(since: "2026-03-01", until: "2026-06-30"))
    }

    @Test func helpListsTheViewAndItsKeys() {
        for language in Language.allCases {
            var state = makeState(language, width: 100, height: 200)
            state.press(.character("5"), .character("?"))
            let text = AppView.render(state).text
            let s = Strings(language)
            #expect(text.contains(s[.helpStatistics]) && text.contains(s[.actionStatisticsPeriod]) && text.contains(s[.actionStatisticsDistrict]))
            #expect(text.contains(s[.actionView5]))
        }
    }

    /// The tab bar fits with the demo mark in both languages at 80 columns.
    @Test func theTabBarFitsAt80Columns() {
        for language in Language.allCases {
            var state = makeState(language)
            state.press(.character("5"))
            let title = AppView.render(state).lines()[0]
            let s = Strings(language)
            #expect(title.contains("[5 \(s[.viewStatistics])]") && title.contains("4 \(s[.viewRoster])") && title.contains(s[.demoData]), "\(title)")
            #expect(title.displayWidth <= 80)
        }
    }
}
