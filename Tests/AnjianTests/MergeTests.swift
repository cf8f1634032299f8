import Foundation
import Testing
@testable import AnjianApp
import AnjianModel
import AnjianRuntime
import AnjianStore

/// Saves never write over what the program has not read: each file is read at save time, the
/// change applied on top, and a record changed by someone else meanwhile is a conflict.
@Suite struct MergeTests {
    func withLedger(_ body: (URL, Runner) throws -> Void) throws {
        let data = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("anjian-merge-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        try LedgerStore.initialize(data, source: .demo)
        try body(data, Runner(directory: data, lock: nil, configURL: data.appendingPathComponent("config.json"), configProblem: nil))
    }

    func state(on data: URL) throws -> AppState {
        let ledger = try LedgerStore.open(data, initializeIfEmpty: false)
        return AppState(directory: EnterpriseDirectory(enterprises: ledger.enterprises, pinyin: pinyinTable), language: .zh,
                        useColor: false, isDemo: true, dataPath: data.path, width: 100, height: 30, pinyin: pinyinTable,
                        inspectors: ledger.inspectors, supervisions: ledger.supervisions, hazards: ledger.hazards,
                        signer: demoOperator, clock: { fixedNow }, timeZone: TimeZone(identifier: "Asia/Shanghai")!)
    }

    /// Runs the effects through the real runner and hands the outcomes back, as the executable does.
    func run(_ effects: [Effect], _ state: inout AppState, _ runner: Runner) -> [StoreOutcome] {
        var outcomes: [StoreOutcome] = []
        for case .store(let operation) in effects {
            let outcome = runner.perform(operation)
            outcomes.append(outcome)
            _ = state.update(.stored(outcome))
        }
        return outcomes
    }

    @Test func aRecordAddedByAnotherToolIsKeptAndShownAfterOurSave() throws {
        try withLedger { data, runner in
            var app = try state(on: data)
            let code = try #require(app.ledger.hazards.keys.sorted().first)
            let before = app.ledger.hazards[code]!.count
            // Another tool adds a hazard to the file while we run.
            var theirs = app.ledger.hazards[code]![0]
            theirs.id = "added-elsewhere"
            theirs.number = "YH-2026-\(code.suffix(6))-090"
            try LedgerStore.saveHazards(app.ledger.hazards[code]! + [theirs], enterprise: code, in: data)

            app.openEnterprisePage(code)
            app.press(.character("h"))
            app.type("二楼配电箱箱门未关闭")
            _ = run(app.update(.key(.control("s"))), &app, runner)
            let onDisk = try LedgerStore.loadHazards(enterprise: code, in: data)
            #expect(onDisk.count == before + 2 && onDisk.contains { $0.id == "added-elsewhere" })
            #expect(app.ledger.hazards[code]?.count == before + 2, "the views show the file as it is now")
        }
    }

    @Test func aRecordChangedByAnotherToolIsAConflictAndNothingIsWritten() throws {
        try withLedger { data, runner in
            var app = try state(on: data)
            let hazard = try #require(app.ledger.hazards.values.flatMap { $0 }.first { $0.status == .registered })
            let code = hazard.enterpriseCode
            // Someone else edits the same hazard after we read it.
            var theirs = hazard
            theirs.location = "三号车间"
            var file = app.ledger.hazards[code]!
            file.upsert(theirs)
            try LedgerStore.saveHazards(file, enterprise: code, in: data)
            let url = data.appendingPathComponent("hazards/\(code).json")
            let bytes = try Data(contentsOf: url)

            app.openHazardPage(hazard)
            app.press(.character("r"))
            let outcomes = run(app.update(.key(.control("s"))), &app, runner)
            guard case .failed(_, .conflict(let path, let id))? = outcomes.first else {
                Issue.record("expected a conflict: \(outcomes)")
                return
            }
            #expect(path == url.path && id == hazard.id)
            #expect(try Data(contentsOf: url) == bytes, "nothing written over their change")
            #expect(app.hazardForm?.form.message?.contains("已被他人修改") == true, "the step form says why and keeps what was typed")
        }
    }

    /// Numbers come from the file at save time: two writers never issue the same number.
    @Test func aNumberIssuedElsewhereMeanwhileIsNotIssuedAgain() throws {
        try withLedger { data, runner in
            var app = try state(on: data)
            let code = try #require(app.ledger.hazards.keys.sorted().first)
            app.openEnterprisePage(code)
            app.press(.character("h"))
            app.type("消防栓水压不足")
            let effects = app.update(.key(.control("s")))
            guard case .store(.saveHazard(let ours, _, _))? = effects.first else {
                Issue.record("no save: \(effects)")
                return
            }
            // Another writer takes that very number before our save reaches the disk.
            var theirs = app.ledger.hazards[code]![0]
            theirs.id = "theirs"
            theirs.number = ours.number
            try LedgerStore.saveHazards(app.ledger.hazards[code]! + [theirs], enterprise: code, in: data)

            _ = run(effects, &app, runner)
            let onDisk = try LedgerStore.loadHazards(enterprise: code, in: data)
            let saved = try #require(onDisk.first { $0.id == ours.id })
            #expect(saved.number != ours.number && Set(onDisk.map(\.number)).count == onDisk.count)
            #expect(app.message?.contains(saved.number) == true, "the message names the number issued")
        }
    }

    /// The visit's list of its hazards is added to the visit as it is on disk now.
    @Test func aVisitChangedElsewhereKeepsThatChangeAndGainsTheLink() throws {
        try withLedger { data, runner in
            var app = try state(on: data)
            let code = try #require(app.ledger.supervisions.keys.sorted().first)
            let visit = try #require(app.ledger.supervisionEntries(of: code).first)
            app.openSupervisionPage(code, visit.id)
            app.press(.character("h"))
            app.type("安全出口指示灯损坏")
            var theirs = visit
            theirs.findings = "另一台电脑补录的发现"
            var file = app.ledger.supervisions[code]!
            file.upsert(theirs)
            try LedgerStore.saveSupervisions(file, enterprise: code, in: data)

            _ = run(app.update(.key(.control("s"))), &app, runner)
            let saved = try #require(try LedgerStore.loadSupervisions(enterprise: code, in: data).first { $0.id == visit.id })
            #expect(saved.findings == "另一台电脑补录的发现" && saved.hazardIDs.count == visit.hazardIDs.count + 1)
        }
    }

    /// A crash after the hazard's file and before the visit's: the visit lists the hazard all
    /// the same, from the hazard's own reference.
    @Test func aCrashBetweenTheTwoWritesLosesNoLink() throws {
        try withLedger { data, _ in
            let ledger = try LedgerStore.open(data, initializeIfEmpty: false)
            let code = try #require(ledger.supervisions.keys.sorted().first)
            let visit = try #require(ledger.supervisions[code]?.first)
            var hazard = try #require(ledger.hazards.values.first?.first)
            hazard.enterpriseCode = code
            hazard.supervisionID = visit.id
            hazard.register(taken: [], by: demoOperator, at: "2026-11-25T14:30:00+08:00")
            // Only the first of the two writes reached the disk.
            try LedgerStore.saveHazards((ledger.hazards[code] ?? []) + [hazard], enterprise: code, in: data)

            var app = try state(on: data)
            app.openSupervisionPage(code, visit.id)
            let page = (app.top as! SupervisionPageScreen).page.lines.map(\.value).joined()
            #expect(page.contains(hazard.number))
        }
    }
}

@Suite struct FileWatchTests {
    /// A file another program changes while we run is read again and shown; a damaged one is
    /// named in the message and the views keep what they had.
    @Test func filesChangedElsewhereAreShownAndADamagedOneIsNamed() throws {
        let data = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("anjian-watch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        try LedgerStore.initialize(data, source: .demo)
        var watch = FileWatch(directory: data)
        #expect(watch.changes().records == WrittenRecords())
        var app = makeState()
        app.press(.character("2"))
        let shown = app.hazardList.rows.count

        let code = try #require(demoHazards.keys.sorted().first)
        var theirs = demoHazards[code]![0]
        theirs.id = "from-a-sync"
        theirs.number = "YH-2026-\(code.suffix(6))-077"
        try LedgerStore.saveHazards(demoHazards[code]! + [theirs], enterprise: code, in: data)
        let (records, problems) = watch.changes()
        #expect(records.hazards.keys.sorted() == [code] && problems.isEmpty)
        _ = app.update(.filesChanged(records, problems: problems))
        #expect(app.hazardList.rows.count == shown + 1)

        // A hazard another program removed leaves the list too.
        try LedgerStore.saveHazards(demoHazards[code]!, enterprise: code, in: data)
        let (removed, _) = watch.changes()
        _ = app.update(.filesChanged(removed, problems: []))
        #expect(app.hazardList.rows.count == shown)

        let other = try #require(demoHazards.keys.sorted().last)
        try Data("{".utf8).write(to: data.appendingPathComponent("hazards/\(other).json"))
        let (_, damaged) = watch.changes()
        _ = app.update(.filesChanged(WrittenRecords(), problems: damaged))
        #expect(app.message?.contains("hazards/\(other).json") == true)
        #expect(app.hazardList.rows.count == shown)
        #expect(app.ledger.damage(of: other, .hazards) != nil, "saves to the damaged file are refused")

        // Mended while the program runs: read whole again, it is no longer damaged.
        try LedgerStore.saveHazards(demoHazards[other]!, enterprise: other, in: data)
        let (mended, none) = watch.changes()
        _ = app.update(.filesChanged(mended, problems: none))
        #expect(none.isEmpty && app.ledger.damage(of: other, .hazards) == nil)
    }
}

extension FileWatchTests {
    /// A file this program saved has a new stamp but the bytes it knows: it is not read and shown
    /// again (at 2,000 hazards a file, that would stall the keys after every save); a change by
    /// another program to the same file still is.
    @Test func ourOwnSaveIsNotTakenForAChangeButTheirsIs() throws {
        let data = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("anjian-watch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let session = try Session.start(directory: data, operatorFlag: "王丽娟", environment: [:],
                                        configURL: data.appendingPathComponent("config.json"), now: fixedNow)
        defer { session.release() }
        var watch = FileWatch(directory: data, snapshots: session.snapshots)
        let code = try #require(demoHazards.keys.sorted().first)
        var mine = demoHazards[code]![0]
        mine.description = "本程序保存的修改"
        guard case .saved = Runner(session: session).perform(.saveHazard(mine, base: demoHazards[code]![0], link: nil)) else {
            Issue.record("the save failed")
            return
        }
        let (records, problems) = watch.changes()
        #expect(records == WrittenRecords() && problems.isEmpty)

        var theirs = mine
        theirs.description = "另一个程序的修改"
        var all = try LedgerStore.loadHazards(enterprise: code, in: data)
        all[0] = theirs
        try LedgerStore.saveHazards(all, enterprise: code, in: data)
        #expect(watch.changes().records.hazards[code]?.first?.description == "另一个程序的修改")
    }
}

extension FileWatchTests {
    /// A save refused as a conflict read another program's bytes: the watch still shows them,
    /// so the user sees the change and can save on top of it.
    @Test func aConflictDoesNotHideTheirChangeFromTheWatch() throws {
        let data = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("anjian-watch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let session = try Session.start(directory: data, operatorFlag: "王丽娟", environment: [:],
                                        configURL: data.appendingPathComponent("config.json"), now: fixedNow)
        defer { session.release() }
        var watch = FileWatch(directory: data, snapshots: session.snapshots)
        let code = try #require(session.ledger.supervisions.keys.sorted().first)
        var all = session.ledger.supervisions[code]!
        let base = all[0]
        all[0].findings = "另一个程序的修改"
        try LedgerStore.saveSupervisions(all, enterprise: code, in: data)
        var mine = base
        mine.findings = "我的修改"
        guard case .failed(_, .conflict) = Runner(session: session).perform(.saveSupervision(mine, base: base)) else {
            Issue.record("expected a conflict")
            return
        }
        #expect(watch.changes().records.supervisions[code]?.first?.findings == "另一个程序的修改")
    }

    /// A file damaged and then put back byte for byte (an edit undone) is read again and usable.
    @Test func aFileDamagedThenRestoredIsShownAgain() throws {
        let data = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("anjian-watch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let session = try Session.start(directory: data, operatorFlag: "王丽娟", environment: [:],
                                        configURL: data.appendingPathComponent("config.json"), now: fixedNow)
        defer { session.release() }
        var watch = FileWatch(directory: data, snapshots: session.snapshots)
        let code = try #require(session.ledger.hazards.keys.sorted().first)
        let file = data.appendingPathComponent("hazards/\(code).json")
        let good = try Data(contentsOf: file)
        try Data("{ broken".utf8).write(to: file)
        #expect(watch.changes().problems.count == 1)
        try good.write(to: file)
        let (records, problems) = watch.changes()
        #expect(problems.isEmpty && records.hazards[code] == session.ledger.hazards[code], "read again: its damage is cleared on adopt")
    }
}

@Suite struct LockLostTests {
    /// The lock file removed while the program runs: the next save is refused, and the program
    /// turns read-only and says why, so nothing more is attempted.
    @Test func aLostLockMakesTheProgramReadOnlyAndSaysWhy() throws {
        let data = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("anjian-lost-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let session = try Session.start(directory: data, operatorFlag: "王丽娟", environment: [:],
                                        configURL: data.appendingPathComponent("config.json"), now: fixedNow)
        defer { session.release() }
        var app = AppState(session: session, language: .zh, useColor: false, size: (100, 30))
        let runner = Runner(session: session)
        try FileManager.default.removeItem(at: data.appendingPathComponent(".anjian.lock"))
        app.press(.character("h"))
        app.type("消防栓水压不足")
        for case .store(let operation) in app.update(.key(.control("s"))) {
            _ = app.update(.stored(runner.perform(operation)))
        }
        #expect(app.isReadOnly)
        #expect(AppView.render(app).text.contains("写锁已失效"))
        app.press(.escape, .character("y"), .character("s"))
        #expect(app.openForm == nil, "no new form while read-only")
    }
}
