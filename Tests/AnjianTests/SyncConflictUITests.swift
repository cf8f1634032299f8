import Foundation
import Testing
@testable import AnjianApp
import AnjianModel
import AnjianRuntime
import AnjianScreen
import AnjianStore
import AnjianText

/// The TUI's side of sync (issue 15): the sync key's effect and outcome, conflict markers in the
/// lists and headers, the conflicts on a record's page and choosing a side.
@Suite struct SyncConflictUITests {
    static let other = Operator(name: "李强", certificateNumber: "37062301999")

    /// The demo ledger with one hazard whose description was changed on two machines (the merge
    /// kept ours in place and recorded both), and one visit with a conflict on its findings.
    static func conflicted() throws -> (hazards: [String: [Hazard]], supervisions: [String: [SupervisionEntry]], hazard: Hazard, visit: SupervisionEntry) {
        var hazards = demoHazards
        let code = try #require(hazards.keys.sorted().first { !(hazards[$0] ?? []).isEmpty })
        var hazard = hazards[code]![0]
        hazard.conflicts = [FieldConflict(field: "description", ours: .string(hazard.description), theirs: .string("配电箱门锁损坏（对方记录）"),
                                          oursBy: demoOperator, oursAt: "2026-11-24T10:00:00+08:00",
                                          theirsBy: other, theirsAt: "2026-11-24T11:30:00+08:00")]
        hazards[code]![0] = hazard
        var supervisions = demoSupervisions
        let visitCode = try #require(supervisions.keys.sorted().first { !(supervisions[$0] ?? []).isEmpty })
        var visit = supervisions[visitCode]![0]
        visit.conflicts = [FieldConflict(field: "findings", ours: .string(visit.findings), theirs: .string("消防通道堵塞"),
                                         oursBy: demoOperator, oursAt: "2026-11-24T09:00:00+08:00",
                                         theirsBy: other, theirsAt: "2026-11-24T09:10:00+08:00")]
        supervisions[visitCode]![0] = visit
        return (hazards, supervisions, hazard, visit)
    }

    static func state(_ language: Language = .zh, width: Int = 80, height: Int = 24, enterprises: [Enterprise] = demoEnterprises,
                      inspectors: [Inspector] = demoInspectors) throws -> (AppState, Hazard, SupervisionEntry) {
        let ledger = try conflicted()
        let state = AppState(directory: EnterpriseDirectory(enterprises: enterprises, pinyin: pinyinTable), language: language,
                             useColor: false, isDemo: true, dataPath: "/home/inspector/.local/share/anjian", width: width, height: height,
                             pinyin: pinyinTable, inspectors: inspectors, supervisions: ledger.supervisions, hazards: ledger.hazards,
                             signer: demoOperator, clock: { fixedNow }, timeZone: TimeZone(identifier: "Asia/Shanghai")!)
        return (state, ledger.hazard, ledger.visit)
    }

    @Test func conflictsAreMarkedInViewsTwoAndThreeAndCountedInTheirHeaders() throws {
        var (app, hazard, _) = try Self.state()
        #expect(app.ledger.conflictCount == 2)
        app.press(.character("2"), .character("/"))
        app.type(hazard.number)
        app.press(.enter)
        let hazards = AppView.render(app)
        #expect(hazards.line(1).hasPrefix(" 冲突2处!"))
        #expect(hazards.lines().dropFirst(3).contains { $0.contains("冲突!") })
        app.press(.character("3"))
        let visits = AppView.render(app)
        #expect(visits.lines().last?.contains("冲突2处!") == true, "the status line counts them at 80 columns")
        #expect(visits.lines().filter { $0.contains("冲突!") }.count == 1)
    }

    @Test func enterprisesAndInspectorsWithConflictsAreMarkedInViewsOneAndFour() throws {
        var enterprises = demoEnterprises
        enterprises[0].conflicts = [FieldConflict(field: "address", ours: .string(enterprises[0].address), theirs: .string("芝罘区某路1号"))]
        var inspectors = demoInspectors
        inspectors[0].conflicts = [FieldConflict(field: "phone", ours: .string("13800000000"), theirs: .string("13900000000"))]
        var (app, _, _) = try Self.state(.en, enterprises: enterprises, inspectors: inspectors)
        #expect(app.ledger.conflictCount == 4)
        let list = AppView.render(app)
        #expect(list.lines().contains { $0.contains("conflict!" + enterprises[0].name.prefix(4)) })
        app.press(.character("4"))
        #expect(AppView.render(app).lines().contains { $0.contains("conflict!") })
        app.press(.character("2"))
        #expect(AppView.render(app).line(1).hasPrefix(" 4 conflicts!"))
    }

    @Test func choosingTheirSideOnTheHazardPageSavesItAndTheMarkerGoes() throws {
        var (app, hazard, _) = try Self.state()
        app.openHazardPage(hazard)
        let page = AppView.render(app).lines().joined(separator: "\n")
        #expect(page.contains("同步冲突 1 处（C 选择保留哪一方）"))
        #expect(page.contains("对方：配电箱门锁损坏（对方记录）  （李强 2026-11-24 11:30）"))
        app.press(.character("C"))
        #expect(app.openForm?.title == "选择冲突中保留的值")
        app.press(.right, .right)  // decide later → keep here → take theirs
        let effects = app.update(.key(.enter))
        guard case .store(.saveHazard(let saved, let base, nil))? = effects.first else {
            Issue.record("expected a hazard save, got \(effects)")
            return
        }
        #expect(base == hazard)
        #expect(saved.description == "配电箱门锁损坏（对方记录）")
        #expect(!saved.hasConflicts)
        #expect(saved.history.last?.action == .conflictResolved)
        #expect(saved.history.last?.by == demoOperator)
        app.succeed(effects)
        #expect(app.openForm == nil)
        #expect(app.ledger.conflictCount == 1)
        let after = AppView.render(app).lines()
        #expect(!after.contains { $0.contains("同步冲突 1 处") })
        #expect(after.contains { $0.contains("王丽娟  解决同步冲突") })
        app.press(.escape)
        let list = AppView.render(app)
        // The visit's conflict is left: counted, and the hazard's row no longer marked.
        #expect(list.line(1).hasPrefix(" 冲突1处!"))
        #expect(!list.lines().dropFirst(3).contains { $0.contains("冲突!") })
    }

    @Test func decidingNothingKeepsTheConflictAndSaysSo() throws {
        var (app, hazard, _) = try Self.state(.en)
        app.openHazardPage(hazard)
        app.press(.character("C"))
        let effects = app.update(.key(.enter))
        #expect(effects.isEmpty)
        #expect(app.openForm == nil)
        #expect(app.message == "Nothing chosen: the conflicts stay for later")
        #expect(app.ledger.hazard(hazard.enterpriseCode, hazard.id)?.hasConflicts == true)
    }

    @Test func theVisitPageAndItsEnterprisePageMarkTheConflict() throws {
        var (app, _, visit) = try Self.state()
        app.openEnterprisePage(visit.enterpriseCode)
        #expect(AppView.render(app).lines().contains { $0.contains("冲突! " + visit.date) })
        app.openSupervisionPage(visit.enterpriseCode, visit.id)
        let lines = AppView.render(app).lines()
        #expect(lines.contains { $0.contains("同步冲突 1 处") })
        #expect(lines.last?.contains("C 选冲突") == true)
        app.press(.character("C"), .right)
        let effects = app.update(.key(.enter))
        guard case .store(.saveSupervision(let saved, _))? = effects.first else {
            Issue.record("expected a visit save, got \(effects)")
            return
        }
        #expect(saved.findings == visit.findings && !saved.hasConflicts)
    }

    @Test func aPageWithoutConflictsNeitherHintsNorOpensTheForm() throws {
        var app = makeState()
        let hazard = try #require(demoHazards.values.flatMap { $0 }.first)
        app.openHazardPage(hazard)
        #expect(!AppView.render(app).lines().last!.contains("C "))
        app.press(.character("C"))
        #expect(app.openForm == nil)
        #expect(app.message == "此记录没有同步冲突")
    }

    @Test func theSyncKeyAsksForTheEffectAndShowsTheOutcome() throws {
        var app = makeState(.en)
        let effects = app.update(.key(.function(5)))
        #expect(effects == [.sync(demoOperator)])
        #expect(app.message == "Syncing…")
        _ = app.update(.synced(.done(SyncSummary(committed: "2 visits", received: 1, pushed: true, conflicts: 1))))
        #expect(app.message == "Synced: committed 2 visits; received 1 commit; pushed; 1 conflict to choose")
        _ = app.update(.synced(.done(SyncSummary(committed: "1 hazard", offline: true))))
        #expect(app.message == "Synced: committed 1 hazard; offline: will push at the next sync")
        _ = app.update(.synced(.notSetUp))
        #expect(app.message?.contains("anjian sync --setup URL") == true)
        // U too, on every top-level view, listed in help.
        app.press(.character("3"))
        #expect(app.update(.key(.character("U"))) == [.sync(demoOperator)])
        app.press(.character("?"))
        var listed = AppView.render(app).lines().contains { $0.contains("F5 U") && $0.contains("sync (git") }
        for _ in 0..<3 where !listed {
            app.press(.pageDown)
            listed = AppView.render(app).lines().contains { $0.contains("F5 U") && $0.contains("sync (git") }
        }
        #expect(listed)
    }

    @Test func theSyncKeyIsRefusedWhenReadOnlyAndAsksForTheOperatorFirst() throws {
        var readOnly = makeState(readOnly: .notWritable)
        #expect(readOnly.update(.key(.function(5))).isEmpty)
        var anonymous = makeState(signer: nil)
        #expect(anonymous.update(.key(.function(5))).isEmpty)
        #expect(anonymous.openForm != nil)
    }

    @Test func masterDataChangedOnDiskIsAdopted() throws {
        var (app, _, _) = try Self.state()
        var enterprises = demoEnterprises
        enterprises[1].conflicts = [FieldConflict(field: "address", ours: .string("a"), theirs: .string("b"))]
        var written = WrittenRecords()
        written.enterprises = enterprises
        _ = app.update(.filesChanged(written, problems: []))
        #expect(app.ledger.conflictCount == 3)
        #expect(AppView.render(app).lines().contains { $0.contains("冲突!") })
    }
}

/// Reviewed screens of a record with a sync conflict (`Screens/sync-conflict-*.txt`).
@Suite struct SyncConflictScreenTests {
    @Test(arguments: [Language.zh, .en], [(80, 24), (140, 40)])
    func hazardPageListsItsConflictAndTheFormChoosesASide(_ language: Language, _ size: (Int, Int)) throws {
        var (app, hazard, _) = try SyncConflictUITests.state(language, width: size.0, height: size.1)
        let name = "\(language.rawValue)-\(size.0)x\(size.1)"
        app.press(.character("2"), .character("/"))
        app.type(hazard.number)
        app.press(.enter)
        expectScreen(AppView.render(app), named: "sync-conflict-hazards-\(name)")
        app.press(.enter)
        expectScreen(AppView.render(app), named: "sync-conflict-hazard-page-\(name)")
        app.press(.character("C"), .right, .right)
        expectScreen(AppView.render(app), named: "sync-conflict-form-\(name)")
    }

    @Test(arguments: [Language.zh, .en])
    func visitsWithAConflictAt80Columns(_ language: Language) throws {
        var (app, _, _) = try SyncConflictUITests.state(language)
        app.press(.character("3"))
        expectScreen(AppView.render(app), named: "sync-conflict-supervisions-\(language.rawValue)-80x24")
    }
}

@Suite struct MasterDataWatchTests {
    @Test func enterprisesAndRosterChangedOnDiskAreReadAndADamagedOneIsReported() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("anjian-watch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        try LedgerStore.initialize(data, source: .demo)
        var watch = FileWatch(directory: data)
        let none = watch.masterDataChanges()
        #expect(none.enterprises == nil && none.inspectors == nil && none.problem == nil)
        let url = data.appendingPathComponent(LedgerStore.enterprisesName)
        var enterprises = try LedgerStore.loadEnterprises(url).0
        enterprises[0].address = "芝罘区同步路1号"
        try LedgerStore.write([LedgerStore.prepareEnterprises(enterprises, in: data)])
        let changed = watch.masterDataChanges()
        #expect(changed.enterprises?[0].address == "芝罘区同步路1号")
        #expect(changed.inspectors == nil && changed.problem == nil)
        #expect(watch.masterDataChanges().enterprises == nil)
        try Data("{ broken".utf8).write(to: data.appendingPathComponent(LedgerStore.inspectorsName))
        let damaged = watch.masterDataChanges()
        #expect(damaged.inspectors == nil && damaged.problem != nil)
    }
}
