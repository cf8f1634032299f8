import Foundation
import Testing
@testable import AnjianApp
import AnjianModel
import AnjianRuntime
import AnjianScreen
import AnjianStore
import AnjianText
import AnjianGenerator

/// The records load behind the first frame (issue: a city's ledger after years): what the
/// views show once they have is what they show when everything was loaded first.
@Suite struct DeferredLoadTests {
    func session(_ dir: URL, deferred: Bool) throws -> Session {
        try Session.start(directory: dir, operatorFlag: "王丽娟", environment: [:],
                          configURL: dir.appendingPathComponent("config.json"), now: fixedNow, deferRecords: deferred)
    }

    func screens(_ state: AppState) -> [String] {
        var state = state
        var seen = [AppView.render(state).text]
        for view in ["2", "3"] {
            state.press(.character(Character(view)))
            seen.append(AppView.render(state).text)
            state.press(.character("/"))
            state.type("wang")
            seen.append(AppView.render(state).text)
            state.press(.escape)
        }
        return seen
    }

    @Test func viewsAfterTheDeferredLoadEqualViewsLoadedFirst() throws {
        try withDemoLedger { dir in
            let first = try session(dir, deferred: false)
            let firstState = AppState(session: first, language: .zh, useColor: false, size: (100, 30))
            first.release()

            let deferred = try session(dir, deferred: true)
            defer { deferred.release() }
            #expect(deferred.ledger.hazards.isEmpty && deferred.ledger.supervisions.isEmpty)
            var state = AppState(session: deferred, language: .zh, useColor: false, size: (100, 30))
            #expect(state.ledger.loading != nil)
            let load = BackgroundLoad(session: deferred, for: state)
            load.wait(into: &state)
            #expect(state.ledger.loading == nil)
            #expect(!load.isLoading && load.poll().isEmpty)
            #expect(state.ledger.hazardIndex.searchTexts != nil && state.ledger.supervisionIndex.searchTexts != nil)
            // View 2's column orders were made behind the load too: a sort change does not sort.
            #expect(state.ledger.hazardIndex.orders.count >= HazardColumn.allCases.count && state.ledger.hazardIndex.facts != nil)
            #expect(state.ledger.hazards == firstState.ledger.hazards && state.ledger.supervisions == firstState.ledger.supervisions)
            // The start's message differs (the loaded count); the views, filters included, do not.
            #expect(state.message == "已载入 \(demoHazards.values.map(\.count).reduce(0, +)) 条隐患、\(demoSupervisions.values.map(\.count).reduce(0, +)) 条监管记录")
            _ = state.update(.key(.escape))
            var shown = firstState
            shown.press(.escape)
            #expect(screens(state).dropFirst() == screens(shown).dropFirst())
        }
    }

    @Test func whileLoadingTheViewsSaySoAndTheStatusLineCounts() throws {
        var state = AppState(directory: demoDirectory, language: .zh, useColor: false, isDemo: true, dataPath: "/d",
                             width: 100, height: 30, pinyin: pinyinTable, inspectors: demoInspectors,
                             signer: demoOperator, clock: { fixedNow }, loading: LoadProgress(done: 0, total: 0))
        _ = state.update(.loadProgress(LoadProgress(done: 12, total: 120)))
        #expect(AppView.render(state).lines().last?.contains("[载入中 12/120]") == true)
        state.press(.character("2"))
        let view2 = AppView.render(state).lines()
        #expect(view2[1].contains("正在载入隐患台账（已读 12/120 个文件），载入后即显示"))
        #expect(!view2.contains { $0.contains("未销号") || $0.contains("整改逾期") }, "no figures of an empty ledger while loading")
        state.press(.character("3"))
        #expect(AppView.render(state).text.contains("正在载入监管记录（已读 12/120 个文件），载入后即显示"))
        var english = state
        english.context.session.strings = Strings(.en)
        #expect(AppView.render(english).lines().last?.contains("[loading 12/120]") == true)
        #expect(AppView.render(english).text.contains("Loading the supervision entries (12 of 120 files read); shown when loaded"))
        state.press(.character("1"), .enter)
        let page = AppView.render(state).lines()
        #expect(page.filter { $0.contains("正在载入…") }.count == 2)
        #expect(!page.contains { $0.contains("暂无隐患") || $0.contains("暂无监管记录") })
        #expect(!page.contains { $0.contains("0 条") }, "no counts of an empty ledger while loading")
        #expect(page.contains { $0.hasPrefix(" 监管记录") } && page.contains { $0.hasPrefix(" 隐患") })


        // Keys typed while loading act at once: the filter of view 1 took them.
        state.press(.escape, .escape, .character("1"), .character("/"))
        state.type("烟台")
        #expect(AppView.render(state).text.contains("筛选：烟台"))
        _ = state.update(.recordsLoaded(RecordsLoaded(LoadedRecords(supervisions: demoSupervisions, hazards: demoHazards,
                                                                    damagedFiles: [], fileWarnings: []),
                                                      enterprises: demoDirectory, pinyin: pinyinTable)))
        #expect(state.ledger.loading == nil)
        #expect(!AppView.render(state).lines().last!.contains("载入中"))
        #expect(AppView.render(state).text.contains("筛选：烟台"))
    }

    /// A save made while the files load was read from disk after the load began: it wins over
    /// the load's older copy of that file, and records of other files come from the load.
    @Test func aSaveWhileLoadingIsKeptWhenTheOlderLoadArrives() throws {
        var state = AppState(directory: demoDirectory, language: .zh, useColor: false, isDemo: true, dataPath: "/d",
                             width: 100, height: 30, pinyin: pinyinTable, inspectors: demoInspectors,
                             signer: demoOperator, clock: { fixedNow }, loading: LoadProgress(done: 0, total: 0))
        let code = try #require(demoSupervisions.keys.sorted().first)
        var newer = try #require(demoSupervisions[code]?.first)
        newer.findings = "保存于载入期间"
        var saved = demoSupervisions[code]!
        saved[0] = newer
        _ = state.update(.stored(.saved(.saveSupervision(newer, base: demoSupervisions[code]![0]),
                                        written: WrittenRecords(supervisions: [code: saved]))))
        _ = state.update(.recordsLoaded(RecordsLoaded(LoadedRecords(supervisions: demoSupervisions, hazards: demoHazards,
                                                                    damagedFiles: [], fileWarnings: []),
                                                      enterprises: demoDirectory, pinyin: pinyinTable)))
        // The filter's texts, built from the load's records, catch up with the save when installed.
        let texts = RecordsLoaded(LoadedRecords(supervisions: demoSupervisions, hazards: demoHazards, damagedFiles: [], fileWarnings: []),
                                  enterprises: demoDirectory, pinyin: pinyinTable)
        _ = state.update(.searchTextsBuilt(hazards: texts.hazardIndex.makeSearchTexts(), supervisions: texts.supervisionIndex.makeSearchTexts()))
        #expect(state.ledger.supervisionIndex.matching(SearchQuery("保存于载入期间")).count == 1)
        #expect(state.ledger.supervisions[code] == saved)
        #expect(state.ledger.supervisionIndex.records.filter { $0.entry.findings == "保存于载入期间" }.count == 1)
        #expect(state.ledger.supervisionIndex.records.count == demoSupervisions.values.map(\.count).reduce(0, +))
        #expect(state.ledger.hazards == demoHazards)
    }

    /// A damaged file found by the background load is reported with its position, is never
    /// written, and the rest of the ledger is usable.
    @Test func aDamagedFileFoundBehindTheFirstFrameIsReportedAndKept() throws {
        try withDemoLedger { dir in
            let code = try demoCode(dir, "hazards")
            let file = dir.appendingPathComponent("hazards/\(code).json")
            let bytes = Data("{\n  \"schemaVersion\" : 1,\n  \"hazards\" : [ oops ]\n}\n".utf8)
            try bytes.write(to: file)
            let deferred = try session(dir, deferred: true)
            defer { deferred.release() }
            var state = AppState(session: deferred, language: .zh, useColor: false, size: (100, 30))
            BackgroundLoad(session: deferred, for: state).wait(into: &state)
            #expect(state.message == "有 1 个记录文件已损坏，其中的记录未载入（见企业页面）")
            let problem = try #require(state.ledger.damage(of: code, .hazards))
            #expect(problem.error == .damaged(path: file.path, line: 3, column: 17, field: nil, reason: .invalidJSON))
            #expect(state.ledger.hazardIndex.records.count == demoHazards.values.map(\.count).reduce(0, +) - (demoHazards[code]?.count ?? 0))
            #expect(try Data(contentsOf: file) == bytes)
        }
    }
}

/// View 2's orders made behind the load give the rows the plain sort gives, for every column
/// and direction, on a generated ledger (varied dates, overdue and closed hazards).
@Suite struct BackgroundOrdersTests {
    @Test func everySortAfterTheBackgroundLoadEqualsThePlainSort() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try LedgerGenerator.generate(into: dir, hazards: 1_500, supervisions: 300, seed: 11, today: "2026-11-25")
        let session = try Session.start(directory: dir, operatorFlag: "王丽娟", environment: [:],
                                        configURL: dir.appendingPathComponent("config.json"), now: fixedNow, deferRecords: true)
        defer { session.release() }
        var state = AppState(session: session, language: .zh, useColor: false, size: (140, 40))
        state.context.session.clock = { fixedNow }
        state.context.session.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        BackgroundLoad(session: session, for: state).wait(into: &state)
        #expect(state.ledger.hazardIndex.orders.count > 1)
        state.press(.character("2"), .character("/"))
        state.type("pdx")
        state.press(.escape, .character("o"))
        var ledger = state.ledger
        let overdueFirst = HazardsScreen.sorted(ledger.hazardIndex, column: .overdue, ascending: false, rank: ledger.enterpriseRank(shortName: true),
                                                today: state.today, verificationDays: Hazard.defaultVerificationDays)
        #expect(state.hazardList.sortColumn == .overdue && !state.hazardList.ascending)
        #expect(state.hazardList.rows == overdueFirst, "after a filter was cleared, the next column's order")
        for column in HazardColumn.allCases {
            for ascending in [true, false] {
                state.sortHazards(by: column, ascending: ascending)
                var ledger = state.ledger
                let rank = ledger.enterpriseRank(shortName: true)
                let plain = HazardsScreen.sorted(ledger.hazardIndex, column: column, ascending: ascending, rank: rank,
                                                 today: state.today, verificationDays: Hazard.defaultVerificationDays)
                #expect(state.hazardList.rows == plain, "\(column) \(ascending ? "ascending" : "descending")")
            }
        }
    }
}

/// What the review of the loading behind the first frame found, held by tests.
@Suite struct LoadingReviewTests {
    /// A draft found at start waits for the records, and for a form opened meanwhile to close.
    @Test func draftsAreOfferedOnceLoadedAndNoFormIsOpen() throws {
        var first = makeState()
        first.press(.character("h"))
        first.type("二楼配电箱箱门未关闭")
        guard case .store(.saveDraft(let name, let data))? = first.update(.terminate).first else {
            Issue.record("expected a draft")
            return
        }
        var state = AppState(directory: demoDirectory, language: .zh, useColor: false, isDemo: true, dataPath: "/d", width: 80,
                             height: 24, pinyin: pinyinTable, inspectors: demoInspectors, signer: demoOperator, clock: { fixedNow },
                             timeZone: TimeZone(identifier: "Asia/Shanghai")!, drafts: [Drafts.Stored(name: name, data: data)],
                             loading: LoadProgress(done: 0, total: 0))
        #expect(!AppView.render(state).text.contains("未保存的表单"), "not while loading")
        state.press(.enter, .character("s"))
        #expect(state.openForm != nil)
        _ = state.update(.recordsLoaded(RecordsLoaded(LoadedRecords(supervisions: demoSupervisions, hazards: demoHazards,
                                                                    damagedFiles: [], fileWarnings: []),
                                                      enterprises: demoDirectory, pinyin: pinyinTable)))
        #expect(!AppView.render(state).text.contains("未保存的表单"), "not over the form being filled")
        state.press(.escape)
        if state.openForm?.confirmingDiscard == true { state.press(.character("y")) }
        #expect(AppView.render(state).text.contains("未保存的表单"), "offered once the form is closed")
    }

    /// A new visit whose id was given on disk meanwhile (here: before the enterprise's file had
    /// loaded, the form counted no visits) is saved under the next free id, not refused as a conflict.
    @Test func aNewVisitWhoseIDIsTakenOnDiskGetsTheNextOne() throws {
        try withDemoLedger { dir in
            let session = try Session.start(directory: dir, operatorFlag: "王丽娟", environment: [:],
                                            configURL: dir.appendingPathComponent("config.json"), now: fixedNow)
            defer { session.release() }
            let code = try #require(session.ledger.supervisions.keys.sorted().first)
            var entry = try #require(session.ledger.supervisions[code]?.first)
            let taken = entry.id
            entry.findings = "载入期间新建"
            let outcome = Runner(session: session).perform(.saveSupervision(entry, base: nil))
            guard case .saved(let op, let written) = outcome else {
                Issue.record("refused: \(outcome)")
                return
            }
            let renamed = try #require(written.renamedEntries[taken])
            #expect(renamed != taken && renamed == SupervisionEntry.newID(for: entry, taken: Set(session.ledger.supervisions[code]!.map(\.id))))
            let onDisk = try LedgerStore.loadSupervisions(enterprise: code, in: dir)
            #expect(onDisk.first { $0.id == taken } == session.ledger.supervisions[code]!.first, "the visit on disk is untouched")
            #expect(onDisk.first { $0.id == renamed }?.findings == "载入期间新建")

            var state = AppState(session: session, language: .zh, useColor: false, size: (100, 30))
            _ = state.update(.stored(.saved(op, written: written)))
            #expect(state.message?.contains(renamed) == true)
        }
    }
}
