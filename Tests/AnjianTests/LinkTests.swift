import Foundation
import Testing
@testable import AnjianApp
import AnjianModel
import AnjianScreen
import AnjianText

/// Pages that link both ways, and coming back to the same place (issue #9).
@Suite struct LinkTests {
    /// The demo's hazard found on a visit, and that visit.
    static let code = "91370611778000626P"
    static let visitID = "S-00626P-20261006-1"
    static var hazard: Hazard { demoHazards[code]!.first { $0.supervisionID == visitID }! }

    /// Where the selected row of the page on top is, if it is a page.
    func selectedLine(_ state: AppState) -> (line: Int?, scroll: Int, body: Int)? {
        let page: PageState
        switch state.top {
        case let p as EnterprisePageScreen: page = p.page
        case let p as SupervisionPageScreen: page = p.page
        case let p as HazardPageScreen: page = p.page
        default: return nil
        }
        return (page.selection.map { page.targetLines[$0] }, page.scroll, PageState.bodyHeight(state.context))
    }

    @Test func aVisitPageListsItsHazardsAndEnterOpensOneAndBackKeepsThePlace() throws {
        var state = makeState(width: 80, height: 14)
        state.openSupervisionPage(Self.code, Self.visitID)
        // The hazard's row is below the fold: Down scrolls to it and selects it.
        #expect(selectedLine(state)?.line == nil)
        state.press(.enter)
        #expect(state.route == .supervision(enterpriseCode: Self.code, id: Self.visitID), "Enter opens no unseen row")
        state.press(.down)
        let place = try #require(selectedLine(state))
        let line = try #require(place.line)
        #expect(place.scroll > 0 && line >= place.scroll && line < place.scroll + place.body)
        #expect(AppView.render(state).text.contains("> " + Self.hazard.number))
        state.press(.enter)
        #expect(state.route == .hazard(enterpriseCode: Self.code, id: Self.hazard.id))
        state.press(.escape)
        #expect(state.route == .supervision(enterpriseCode: Self.code, id: Self.visitID))
        let back = try #require(selectedLine(state))
        #expect(back.line == place.line && back.scroll == place.scroll)
    }

    @Test(arguments: [Language.zh, .en])
    func aHazardPageOpensItsEnterpriseAndTheVisitItWasFoundOn(_ language: Language) throws {
        var state = makeState(language, width: 100, height: 30)
        state.openHazardPage(Self.hazard)
        let hints = AppView.render(state).line(29)
        #expect(hints.contains("E " + state.strings[.hintEnterprise]) && hints.contains("S " + state.strings[.hintVisit]), "\(hints)")
        state.press(.character("E"))
        let enterprise = try #require(state.top as? EnterprisePageScreen)
        #expect(state.ledger.enterprises[enterprise.enterprise].creditCode == Self.code)
        #expect(enterprise.page.selection.map { enterprise.targets[$0] } == .hazard(Self.code, Self.hazard.id), "its row is selected")
        state.press(.escape, .character("S"))
        let visit = try #require(state.top as? SupervisionPageScreen)
        #expect(visit.id == Self.visitID && visit.page.selection == 0)
        state.press(.enter)
        #expect(state.route == .hazard(enterpriseCode: Self.code, id: Self.hazard.id))
        // Help lists both keys.
        state.press(.character("?"))
        let help = (state.top as! HelpScreen).lines.map(\.text)
        #expect(help.contains { $0.hasPrefix("  E ") && $0.hasSuffix(state.strings[.actionOpenEnterprise]) })
        #expect(help.contains { $0.hasPrefix("  S ") && $0.hasSuffix(state.strings[.actionOpenVisit]) })
    }

    @Test func aHazardFoundOutsideAVisitOffersNoVisit() throws {
        var state = makeState(width: 100, height: 30)
        let hazard = try #require(demoHazards.values.joined().first { $0.supervisionID == nil && !demoSupervisions.values.joined()
            .contains { $0.hazardIDs.contains($0.id) } })
        state.openHazardPage(hazard)
        #expect(!AppView.render(state).line(29).contains("S " + state.strings[.hintVisit]))
        state.press(.character("S"))
        #expect(state.route == .hazard(enterpriseCode: hazard.enterpriseCode, id: hazard.id))
    }

    /// Whatever moves are made, the highlighted row is on screen (or none is highlighted and
    /// Enter opens nothing); coming back from the row's page finds the same place.
    @Test(arguments: [14, 18, 24])
    func theSelectedRowIsAlwaysOnScreenAndBackKeepsIt(_ height: Int) throws {
        let moves: [Key] = [.down, .down, .pageUp, .end, .pageUp, .down, .home, .pageDown, .up, .up, .end, .up, .pageDown, .down]
        var state = makeState(width: 80, height: height)
        state.openEnterprisePage(Self.code)
        for (i, key) in ([nil] + moves).enumerated() {
            if let key { state.press(key) }
            let place = try #require(selectedLine(state))
            if let line = place.line {
                #expect(line >= place.scroll && line < place.scroll + place.body, "after move \(i) at height \(height)")
                state.press(.enter)
                #expect(state.route != .enterprise(state.enterpriseList.selectedEnterprise ?? -1))
                state.press(.escape)
                let back = try #require(selectedLine(state))
                #expect(back.line == place.line && back.scroll == place.scroll, "back after move \(i) at height \(height)")
            } else {
                state.press(.enter)
                #expect((state.top as? EnterprisePageScreen) != nil, "nothing shown, nothing opened (move \(i), height \(height))")
            }
        }
    }

    /// A visit's page lists its hazards as rows, the first selected; the tab is the view it was opened in.
    @Test(arguments: [Language.zh, .en])
    func visitPageWithItsHazards(_ language: Language) {
        var state = makeState(language, width: 100, height: 30)
        state.openSupervisionPage(Self.code, Self.visitID)
        expectScreen(AppView.render(state), named: "visit-with-hazards-\(language)-100x30")
    }

    /// The tab lit is the view you are in, however the page was reached.
    @Test func theTabShowsTheViewThePageWasOpenedIn() {
        var state = makeState(width: 100, height: 30)
        state.openHazardPage(Self.hazard)
        #expect(state.currentView == 2 && AppView.render(state).line(0).contains("[2 隐患台账]"))
        state.openEnterprisePage(Self.code)
        state.selectRow(.hazard(Self.code, Self.hazard.id))
        state.press(.enter)
        #expect(state.route == .hazard(enterpriseCode: Self.code, id: Self.hazard.id))
        #expect(state.currentView == 1 && AppView.render(state).line(0).contains("[1 直管企业]"))
        state.press(.character("S"), .character("?"))
        #expect(state.currentView == 1 && AppView.render(state).line(0).contains("[1 直管企业]"))
        state.press(.escape, .character("3"))
        #expect(state.currentView == 3 && AppView.render(state).line(0).contains("[3 监管记录]"))
    }
}

/// The first action is not lost: asked for the operator first, it goes on once one is saved (issue #9).
@Suite struct FirstActionTests {
    @Test func aNewVisitBeforeAnOperatorIsKnownAsksThenOpensTheForm() {
        var state = makeState(signer: nil)
        state.press(.character("s"))
        #expect(state.operatorForm != nil && state.form == nil)
        state.type("王丽娟")
        let effects = state.update(.key(.control("s")))
        #expect(effects == [.store(.saveOperator(demoOperator))])
        #expect(state.signer == demoOperator && state.form != nil, "the visit form opens")
        #expect(state.message == nil, "no stale message")
    }

    @Test func aStepBeforeAnOperatorIsKnownIsDoneOnceOneIsSaved() throws {
        var state = makeState(signer: nil)
        let hazard = try #require(demoHazards.values.joined().first { $0.allows(.rectificationStarted) })
        state.openHazardPage(hazard)
        state.press(.character("r"))
        #expect(state.operatorForm != nil)
        state.type("王丽娟")
        #expect(state.update(.key(.control("s"))) == [.store(.saveOperator(demoOperator))])
        #expect(state.hazardForm?.purpose == .step(.rectificationStarted, hazard), "then the step's form")
        guard case .store(.saveHazard(let saved, _, _))? = state.update(.key(.control("s"))).first else {
            Issue.record("expected the step")
            return
        }
        #expect(saved.status == .rectifying && saved.history.last?.by.name == "王丽娟")
    }

    @Test func cancelledOperatorFormOpensNothing() {
        var state = makeState(signer: nil)
        state.press(.character("h"))
        state.press(.escape)
        #expect(state.operatorForm == nil && state.hazardForm == nil)
        state.press(.character("j"))
        #expect(state.hazardForm == nil)
    }
}
