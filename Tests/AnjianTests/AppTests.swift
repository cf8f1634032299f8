import Foundation
import Testing
@testable import AnjianApp
import AnjianModel
import AnjianRuntime
import AnjianScreen
import AnjianStore
import AnjianText

@Suite struct RegistryTests {
    /// A view listed once in the registry appears in the tab bar, answers its number key
    /// and is listed in help: the three come from the one list.
    @Test(arguments: [Language.zh, .en])
    func theRegistryDrivesTabsNumberKeysAndHelp(_ language: Language) {
        #expect(Registry.views.map(\.id) == [1, 2, 3, 4, 5])
        for view in Registry.views {
            var state = makeState(language, width: 120, height: 30)
            let title = state.strings[view.title]
            #expect(AppView.render(state).line(0).contains("\(view.id) \(title)"), "tab \(view.id)")
            state.press(.character(Character(String(view.id))))
            #expect(state.currentView == view.id)
            #expect(AppView.render(state).line(0).contains("[\(view.id) \(title)]"), "lit tab \(view.id)")
            state.press(.function(1))
            let help = (state.top as! HelpScreen).lines.map(\.text)
            #expect(help.contains { $0.hasPrefix("  \(view.id) ") && $0.hasSuffix(state.strings[view.help]) }, "help \(view.id)")
        }
    }

    @Test func aNumberNotInTheRegistryDoesNothing() {
        var state = makeState()
        state.press(.character("2"))
        state.press(.character("9"))
        #expect(state.currentView == 2 && state.route == .hazards)
    }

    @Test func eachListKeepsItsFilterWhenAnotherViewIsShown() {
        var state = makeState()
        state.press(.character("/"))
        state.type("莱州")
        state.press(.enter, .character("2"), .character("/"))
        state.type("pdx")
        state.press(.enter, .character("1"))
        #expect(state.filter.text == "莱州" && state.rows.allSatisfy { demoEnterprises[$0].district == "莱州市" })
        state.press(.character("2"))
        #expect(state.hazardList.filter.text == "pdx")
    }
}

@Suite struct EffectTests {
    /// A temporary data directory with the demo ledger, removed afterwards.
    func withDataDirectory(_ body: (URL) throws -> Void) throws {
        let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("anjian-app-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try LedgerStore.initialize(root, source: .demo)
        try body(root)
    }

    /// A hazard registered on a visit is one store operation: when the visit's file cannot be
    /// written, neither file changes, and the form stays open with the reason, through `update`.
    @Test func aTwoFileSaveThatFailsOnTheSecondWriteChangesNothingAndSaysWhy() throws {
        try withDataDirectory { data in
            var state = makeState()
            let (code, entry, effects) = try state.registerHazardOnAVisit("消防栓水压不足")
            guard case .store(let operation)? = effects.first, case .saveHazard(let hazard, _, _?) = operation else {
                Issue.record("expected one operation for the hazard and its visit: \(effects)")
                return
            }
            let hazardFile = data.appendingPathComponent("hazards/\(code).json")
            let visitFile = data.appendingPathComponent("supervisions/\(code).json")
            let before = try? Data(contentsOf: hazardFile)  // nil: the enterprise had no hazard file
            // The visit's file cannot be replaced: a directory stands at its place.
            try FileManager.default.removeItem(at: visitFile)
            try FileManager.default.createDirectory(at: visitFile, withIntermediateDirectories: false)
            let runner = Runner(directory: data, lock: nil, configURL: data.appendingPathComponent("config.json"), configProblem: nil)
            let outcome = runner.perform(operation)
            guard case .failed = outcome else {
                Issue.record("the save should fail: \(outcome)")
                return
            }
            #expect(state.update(.stored(outcome)).isEmpty)
            #expect((try? Data(contentsOf: hazardFile)) == before)
            #expect(state.hazardForm != nil, "the form stays open with everything typed")
            #expect(state.hazardForm?.form.message?.hasPrefix("保存失败") == true)
            #expect(state.hazardForm?.form.value("description") == "消防栓水压不足")
            #expect(state.ledger.hazard(code, hazard.id) == nil)
            #expect(state.ledger.supervisionEntry(code, entry.id)?.hazardIDs == entry.hazardIDs)
        }
    }

    /// The outcome reaches the form that asked for it: another open form is left alone and
    /// the news goes to the message line.
    @Test func aSavedMessageReachesTheRightPlaceWhicheverModalIsOpen() throws {
        var state = makeState()
        let hazard = try #require(demoHazards.values.flatMap { $0 }.first { $0.status == .registered })
        state.openHazardPage(hazard)
        state.press(.character("r"))  // start rectification: its form, the date and a note
        let effects = state.update(.key(.control("s")))
        state.press(.escape)  // the step form is left, and an edit form opens before the outcome arrives
        state.press(.character("e"))
        #expect(state.hazardForm != nil)
        state.succeed(effects)
        #expect(state.hazardForm != nil, "the edit form was not the one that saved")
        #expect(state.message?.contains(hazard.number) == true)
        #expect(state.ledger.hazard(hazard.enterpriseCode, hazard.id)?.status == .rectifying)
        // The form's own save closes it.
        state.fill("location", "三楼配电室")
        let own = state.update(.key(.control("s")))
        state.succeed(own)
        #expect(state.hazardForm == nil)
        #expect(state.ledger.hazard(hazard.enterpriseCode, hazard.id)?.location == "三楼配电室")
    }
}

@Suite struct HintTests {
    /// The status line's hints come from the bindings that handle the keys: each hinted key,
    /// pressed, does what its hint says.
    @Test func theSupervisionPageHintsListEveryMainActionAndEachWorks() throws {
        var state = makeState(width: 100, height: 30)
        let code = try #require(demoSupervisions.keys.sorted().first)
        let entry = try #require(state.ledger.supervisionEntries(of: code).first)
        state.openSupervisionPage(code, entry.id)
        let status = AppView.render(state).line(29)
        #expect(status.contains("e 编辑") && status.contains("h 登记隐患") && status.contains("Esc 返回") && status.contains("? 帮助"))
        state.press(.character("h"))
        #expect(state.hazardForm?.supervisionID == entry.id)
        state.press(.escape)
        state.press(.character("e"))
        #expect(state.form?.original?.id == entry.id)
    }

    @Test func theHazardPageHintsOfferOnlyTheStepsTheStateAllows() throws {
        let hazard = try #require(demoHazards.values.flatMap { $0 }.first { $0.status == .rectified })
        var state = makeState(width: 140, height: 30)
        state.openHazardPage(hazard)
        let status = AppView.render(state).line(29)
        #expect(status.contains("v 验收通过") && status.contains("x 验收不通过") && status.contains("t "))
        #expect(!status.contains("r 开始整改") && !status.contains("o 重新打开"))
    }

    /// Ctrl-N is hinted only where it adds a row.
    @Test func formHintsFollowTheForm() {
        var state = makeState(width: 100, height: 30)
        state.press(.character("s"))
        #expect(AppView.render(state).line(29).contains("Ctrl-N"))
        state.press(.escape, .character("h"))
        #expect(!AppView.render(state).line(29).contains("Ctrl-N"))
    }
}

@Suite struct InputOutsideListsTests {
    /// Chinese text or a full-width mark on a page or help (no filter there) is ignored, one
    /// character or several, and the screen stays.
    @Test func chineseOnAPageOrHelpDoesNothing() {
        var state = makeState()
        state.press(.enter)
        let page = state.route
        _ = state.update(.key(.character("中")))
        state.type("中文，？")
        #expect(state.route == page)
        state.press(.function(1))
        _ = state.update(.key(.character("中")))
        state.type("帮助")
        #expect(state.route == .help)
    }

    /// Help opened while typing a filter returns to the same row.
    @Test func helpFromAFilterKeepsTheSelection() {
        var state = makeState()
        state.press(.character("2"), .character("/"), .down, .down)
        let selected = state.hazardList.selected
        #expect(selected == 2)
        state.press(.function(1), .escape)
        #expect(state.hazardList.selected == selected && state.hazardList.filtering)
    }
}

@Suite struct StatusLineTests {
    /// At every width, the hints end with the help key (and quit, in a list), whole: hints are
    /// dropped, never cut.
    @Test(arguments: [Language.zh, .en], [60, 70, 80, 100, 140])
    func theHelpHintIsAlwaysWhole(_ language: Language, _ width: Int) throws {
        let help = language == .zh ? "? 帮助" : "? help"
        let quit = language == .zh ? "q 退出" : "q quit"
        var screens: [(String, AppState)] = []
        var state = makeState(language, width: width, height: 24)
        screens.append(("list", state))
        state.press(.character("3"))
        screens.append(("supervisions", state))
        state.press(.enter)
        screens.append(("supervision page", state))
        for status in HazardStatus.allCases {
            guard let hazard = demoHazards.values.flatMap({ $0 }).first(where: { $0.status == status }) else { continue }
            var page = makeState(language, width: width, height: 24)
            page.openHazardPage(hazard)
            screens.append(("hazard page \(status)", page))
        }
        for (name, shown) in screens {
            let status = AppView.render(shown).line(23).trimmingCharacters(in: .whitespaces)
            // The lists' sync hint comes last where it fits (it gives way first).
            let sync = language == .zh ? "F5 同步" : "F5 sync"
            #expect(status.hasSuffix(help) || status.hasSuffix(help + "  " + quit) || status.hasSuffix(help + "  " + quit + "  " + sync),
                    "\(name) at \(width): \(status)")
        }
    }
}

@Suite struct DraftTests {
    /// The draft a stop keeps, offered at the next start: reopened with every value, and
    /// removed from the drafts folder; only a save from the form reaches the ledger.
    @Test func aDraftIsOfferedAndReopenedWithEverythingTyped() throws {
        var state = makeState()
        let code = demoEnterprises[state.selectedEnterprise!].creditCode
        state.press(.character("h"))
        state.type("二楼配电箱箱门未关闭")
        state.focusField("level")
        state.press(.right)  // major
        let effects = state.update(.terminate)
        guard case .store(.saveDraft(let name, let data))? = effects.first else {
            Issue.record("expected a draft: \(effects)")
            return
        }
        #expect(state.ledger.hazards[code] == demoHazards[code], "a draft is not a ledger entry")

        var next = AppState(directory: demoDirectory, language: .zh, useColor: false, isDemo: true, dataPath: "/d", width: 80,
                            height: 24, pinyin: pinyinTable, inspectors: demoInspectors, supervisions: demoSupervisions,
                            hazards: demoHazards, signer: demoOperator, clock: { fixedNow },
                            timeZone: TimeZone(identifier: "Asia/Shanghai")!, drafts: [Drafts.Stored(name: name, data: data)])
        #expect(AppView.render(next).text.contains("未保存的表单"))
        // The draft stays on disk until the reopened form is saved (or discarded).
        #expect(next.update(.key(.control("s"))).isEmpty)
        let form = try #require(next.hazardForm?.form)
        #expect(form.value("description") == "二楼配电箱箱门未关闭")
        #expect(HazardLevel.allCases[form.choice("level")] == .major)
        #expect(form.fields.first { $0.id == "rectification.funds" }?.label.hasSuffix("*") == true, "major marks the five items")
        #expect(next.hazardForm?.enterpriseCode == code)
        next.focusField("level")
        next.press(.left)  // general again: a major hazard needs its five items first
        guard case .store(let save)? = next.update(.key(.control("s"))).first else {
            Issue.record("the reopened form saves: \(next.hazardForm?.form.message ?? "")")
            return
        }
        // Saved in the ledger: now the draft goes.
        #expect(next.update(.stored(.saved(save, written: WrittenRecords()))) == [.store(.removeDraft(name: name))])
        #expect(next.hazardForm == nil)
    }

    /// An edit kept as a draft saves, when reopened, against the record as it was read: a change
    /// made to it meanwhile is a conflict, not silently reverted.
    @Test func aReopenedEditDraftSavesAgainstTheVersionItRead() throws {
        let read = try #require(demoHazards.values.flatMap { $0 }.first { $0.status == .registered })
        var state = makeState()
        state.openHazardPage(read)
        state.press(.character("e"))
        state.fill("location", "三楼配电室")
        guard case .store(.saveDraft(let name, let data))? = state.update(.terminate).first else {
            Issue.record("expected a draft")
            return
        }
        // Meanwhile someone else changed the hazard.
        var changed = read
        changed.description = "他人修改的描述"
        var hazards = demoHazards
        hazards[read.enterpriseCode]!.upsert(changed)
        var next = AppState(directory: demoDirectory, language: .zh, useColor: false, isDemo: true, dataPath: "/d", width: 80,
                            height: 24, pinyin: pinyinTable, inspectors: demoInspectors, supervisions: demoSupervisions,
                            hazards: hazards, signer: demoOperator, clock: { fixedNow },
                            timeZone: TimeZone(identifier: "Asia/Shanghai")!, drafts: [Drafts.Stored(name: name, data: data)])
        _ = next.update(.key(.control("s")))
        guard case .store(.saveHazard(let saved, let base, _))? = next.update(.key(.control("s"))).first else {
            Issue.record("expected a save")
            return
        }
        #expect(base == read, "the base is the version the draft read, so the runner finds the conflict")
        #expect(saved.location == "三楼配电室" && saved.description == read.description)
    }

    @Test func escLeavesTheDraftsForTheNextStart() throws {
        var state = makeState()
        state.press(.character("s"))
        state.type("张")
        guard case .store(.saveDraft(let name, let data))? = state.update(.terminate).first else { return }
        var next = AppState(directory: demoDirectory, language: .en, useColor: false, isDemo: true, dataPath: "/d", width: 80,
                            height: 24, pinyin: pinyinTable, inspectors: demoInspectors, supervisions: demoSupervisions,
                            hazards: demoHazards, signer: demoOperator, drafts: [Drafts.Stored(name: name, data: data)])
        #expect(next.update(.key(.escape)).isEmpty)
        #expect(next.openForm == nil && next.message == "Drafts kept: offered again at the next start")
    }
}
