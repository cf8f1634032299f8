import Foundation
import Testing
@testable import AnjianApp
import AnjianModel
import AnjianRuntime
import AnjianScreen
import AnjianStore
import AnjianText

extension AppState {
    var drawForm: DrawFormModal? { modal as? DrawFormModal }
    var drawPlan: DrawPlanScreen? { top as? DrawPlanScreen }

    /// Opens the draw form from view 3 and types the inputs a test needs over the defaults.
    mutating func openDrawForm(count: String = "3", team: String = "2", seed: String = "42") {
        press(.character("3"), .character("d"))
        #expect(drawForm != nil)
        fill("count", count)
        fill("team", team)
        fill("seed", seed)
    }

    /// Chooses an option of a choice field of the open form by pressing Right.
    mutating func choose(_ id: String, _ choice: Int) {
        focusField(id)
        while let form = modal?.form, form.choice(id) != choice { press(.right) }
    }

    /// The runner reports the draw kept: its record numbered, a planned visit per team in the files.
    mutating func succeedDraw(_ effects: [Effect]) throws -> DrawRecord {
        let operation = try #require(effects.compactMap { effect -> StoreOperation? in
            if case .store(let operation) = effect, case .recordDraw = operation { return operation }
            return nil
        }.first)
        guard case .recordDraw(var record) = operation else { throw CancellationError() }
        record.id = "DR-2026-001"
        var written = WrittenRecords()
        for team in record.teams {
            var entries = ledger.supervisions[team.enterpriseCode] ?? []
            entries.append(record.plannedVisit(for: team, by: record.drawnBy, taken: Set(entries.map(\.id))))
            written.supervisions[team.enterpriseCode] = entries
        }
        written.drawRecord = record
        _ = update(.stored(.saved(operation, written: written)))
        return record
    }
}

/// The draw from the TUI (issue 14): `d` in view 3, the form, the preview, keeping it.
@Suite struct DrawScreenTests {
    let active = demoEnterprises.filter(\.isActive)

    @Test func dInView3OpensTheFormWithARandomSeedAndTheCandidatesCounted() throws {
        var state = makeState()
        state.press(.character("3"), .character("d"))
        let form = try #require(state.drawForm?.form)
        #expect(UInt64(form.value("seed")) != nil)
        #expect(form.value("count") == "10" && form.value("team") == "2")
        #expect(form.title.contains("\(active.count) 家"))
        // One district chosen: the title counts that district's active enterprises.
        let district = District.all[0].name
        state.choose("district", 1)
        let inDistrict = active.filter { $0.district == district }.count
        #expect(inDistrict > 0 && inDistrict < active.count)
        #expect(state.drawForm?.form.title.contains("\(inDistrict) 家") == true)
        // Listed in view 3's help, and its hint is the draw's.
        state.press(.escape, .character("y"), .character("?"))
        #expect(state.showingHelp)
        #expect(AppView.render(state).lines().contains { $0.contains("双随机抽取（抽取检查对象和执法人员）") })
    }

    @Test func aReadOnlySessionRefusesAndOneWithoutOperatorAsksFirst() {
        var state = makeState(readOnly: .notWritable)
        state.press(.character("3"), .character("d"))
        #expect(state.modal == nil)
        #expect(state.message == state.context.session.readOnlyMessage)
        var unsigned = makeState(signer: nil)
        unsigned.press(.character("3"), .character("d"))
        #expect(unsigned.operatorForm != nil && unsigned.drawForm == nil)
    }

    @Test func ctrlSPreviewsThePlanAndEnterKeepsItThenView3ShowsThePlannedVisits() throws {
        var state = makeState()
        state.openDrawForm(count: "3", seed: "42")
        state.press(.control("s"))
        let plan = try #require(state.drawPlan)
        #expect(state.modal == nil)
        // The same draw as the model gives for these inputs on this ledger.
        let expected = try Draw.run(DrawInputs(count: .number(3), seed: 42, date: "2026-11-25"), enterprises: demoEnterprises,
                                    inspectors: demoInspectors, openMajor: [])
        #expect(plan.record.teams == expected.teams && plan.record.drawnBy == demoOperator)
        let text = plan.page.lines.map(\.label).joined(separator: "\n")
        #expect(text.contains("随机种子 42") && text.contains("从 \(active.count) 家检查对象中抽取 3 家"))
        for team in expected.teams {
            let name = try #require(demoEnterprises.first { $0.creditCode == team.enterpriseCode }?.name)
            #expect(text.contains(name) && text.contains(team.inspectors[1].certificateNumber))
        }
        // Nothing written yet; Enter asks the runner to keep it.
        let effects = state.update(.key(.enter))
        #expect(effects == [.store(.recordDraw(plan.record))])
        let before = state.ledger.supervisionIndex.records.count
        let record = try state.succeedDraw(effects)
        #expect(state.route == .supervisions)
        #expect(state.message == "抽取 DR-2026-001 已保存：计划检查 3 家，见视图 3")
        #expect(state.ledger.supervisionIndex.records.count == before + 3)
        let planned = state.ledger.supervisionIndex.records.map(\.entry).filter(\.isPlanned)
        #expect(Set(planned.map(\.enterpriseCode)) == Set(record.teams.map(\.enterpriseCode)))
        #expect(planned.allSatisfy { $0.drawID == "DR-2026-001" && $0.kind == .doubleRandom })
        let screen = AppView.render(state).lines()
        #expect(screen.filter { $0.contains("双随机抽查") && $0.contains("计划待检") }.count == 3, "\(screen.joined(separator: "\n"))")
    }

    @Test func ePreviewGoesBackToTheFormAsItWasAndEscapeLeavesThePreview() throws {
        var state = makeState()
        state.openDrawForm(count: "20%", seed: "7")
        state.press(.control("s"))
        #expect(state.drawPlan?.record.teams.count == (active.count * 20 + 99) / 100)
        state.press(.character("e"))
        #expect(state.route == .supervisions)
        #expect(state.drawForm?.form.value("seed") == "7" && state.drawForm?.form.value("count") == "20%")
        state.press(.control("s"), .escape)
        #expect(state.route == .supervisions && state.modal == nil)
    }

    @Test func badInputsAndImpossibleDrawsAreRefusedInTheFormWithTheReason() throws {
        var state = makeState()
        state.openDrawForm(count: "ten", team: "x", seed: "-1")
        state.press(.control("s"))
        var form = try #require(state.drawForm?.form)
        #expect(state.drawPlan == nil)
        #expect(form.fields[form.index(of: "count")!].error == Strings(.zh)[.drawCountBad])
        #expect(form.fields[form.index(of: "team")!].error == Strings(.zh)[.drawTeamBad])
        #expect(form.fields[form.index(of: "seed")!].error == Strings(.zh)[.drawSeedBad])
        // More than there are candidates: beside the count.
        state.fill("count", "\(active.count + 1)")
        state.fill("team", "2")
        state.fill("seed", "1")
        state.press(.control("s"))
        form = try #require(state.drawForm?.form)
        let tooMany = Strings(.zh).drawRefusal(.badCount(asked: active.count + 1, candidates: active.count))
        #expect(form.fields[form.index(of: "count")!].error == tooMany && form.message == tooMany)
        // A team of one: beside the team size.
        state.fill("count", "1")
        state.fill("team", "1")
        state.press(.control("s"))
        form = try #require(state.drawForm?.form)
        #expect(form.fields[form.index(of: "team")!].error == Strings(.zh).drawRefusal(.teamTooSmall(1)))
        // More inspectors per team than the roster has: impossible, with the enterprise named.
        state.fill("team", "\(demoInspectors.count + 1)")
        state.press(.control("s"))
        form = try #require(state.drawForm?.form)
        #expect(form.message?.hasPrefix("无法抽取：只有 ") == true && form.message?.hasSuffix("每组需要 \(demoInspectors.count + 1) 名") == true)
        #expect(form.fields[form.index(of: "team")!].error == Strings(.zh)[.drawTooFewAfterAvoidance])
        #expect(state.drawPlan == nil)
    }

    @Test func theWeightingIsRefusedWhileRecordsLoadOrAFileIsDamaged() throws {
        var loading = AppState(directory: demoDirectory, language: .zh, useColor: false, isDemo: true, dataPath: "/tmp/x", width: 80, height: 24,
                               pinyin: pinyinTable, inspectors: demoInspectors, signer: demoOperator, clock: { fixedNow },
                               loading: LoadProgress(done: 0, total: 10))
        loading.openDrawForm()
        loading.choose("weighted", 1)
        loading.press(.control("s"))
        #expect(loading.drawForm?.form.message == Strings(.zh)[.drawWhileLoading])
        // Unweighted, the draw needs no hazards.
        loading.choose("weighted", 0)
        loading.press(.control("s"))
        #expect(loading.drawPlan != nil)

        let damage = FileProblem(path: "/tmp/x/hazards/a.json", enterpriseCode: demoEnterprises[0].creditCode, folder: .hazards,
                                 error: .io(path: "/tmp/x/hazards/a.json", reason: "bad"))
        var damaged = AppState(directory: demoDirectory, language: .zh, useColor: false, isDemo: true, dataPath: "/tmp/x", width: 80, height: 24,
                               pinyin: pinyinTable, inspectors: demoInspectors, supervisions: demoSupervisions, hazards: demoHazards,
                               damagedFiles: [damage], signer: demoOperator, clock: { fixedNow })
        damaged.openDrawForm()
        damaged.choose("weighted", 1)
        damaged.press(.control("s"))
        #expect(damaged.drawForm?.form.message?.hasPrefix("有记录文件损坏") == true)
    }

    @Test func theWeightingUsesTheLedgersOpenMajorHazards() throws {
        var state = makeState()
        state.openDrawForm(count: "5", seed: "99")
        state.choose("weighted", 1)
        state.press(.control("s"))
        let plan = try #require(state.drawPlan)
        // Computed here from the demo hazards, not by the screen.
        let openMajor = Set(demoHazards.values.joined().filter { $0.level == .major && !$0.isClosed }.map(\.enterpriseCode))
        #expect(!openMajor.isEmpty)
        let expected = try Draw.run(DrawInputs(count: .number(5), weighted: true, seed: 99, date: "2026-11-25"), enterprises: demoEnterprises,
                                    inspectors: demoInspectors, openMajor: openMajor)
        #expect(plan.record.teams == expected.teams && plan.record.inputs.weighted)
    }

    @Test(arguments: [(Language.zh, 80, 24), (.en, 80, 24), (.zh, 140, 40), (.en, 140, 40)])
    func screens(_ language: Language, _ width: Int, _ height: Int) throws {
        var state = makeState(language, width: width, height: height)
        state.openDrawForm(count: "12", seed: "42")
        state.choose("risk", 0)
        expectScreen(AppView.render(state), named: "draw-form-\(language)-\(width)x\(height)")
        state.press(.control("s"))
        #expect(state.drawPlan != nil)
        expectScreen(AppView.render(state), named: "draw-plan-\(language)-\(width)x\(height)")
        state.press(.pageDown)
        expectScreen(AppView.render(state), named: "draw-plan-end-\(language)-\(width)x\(height)")
        state.press(.character("e"))
        state.fill("team", "\(demoInspectors.count)")
        state.press(.control("s"))
        expectScreen(AppView.render(state), named: "draw-refused-\(language)-\(width)x\(height)")
    }
}
