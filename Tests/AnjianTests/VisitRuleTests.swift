import Foundation
import Testing
@testable import AnjianApp
import AnjianModel
import AnjianStore

/// Issue 9's rules for visits: not in the future, a conclusion that agrees with the findings.
@Suite struct VisitRuleTests {
    let yantai = TimeZone(identifier: "Asia/Shanghai")!

    @Test func aVisitLaterThanNowIsRefusedBeyondAFewMinutes() {
        var entry = validEntry()  // 2026-11-25 14:30; fixedNow is 14:30 in Yantai
        #expect(entry.ruleIssues(now: fixedNow, in: yantai).isEmpty)
        entry.time = "14:34"  // clock skew between machines
        #expect(entry.ruleIssues(now: fixedNow, in: yantai).isEmpty)
        entry.time = "14:40"
        #expect(entry.ruleIssues(now: fixedNow, in: yantai)
            == [ValidationIssue(field: "time", problem: .visitInFuture("2026-11-25 14:40"), severity: .warning)])
        entry.date = "2026-12-20"
        entry.time = "09:00"
        #expect(entry.ruleIssues(now: fixedNow, in: yantai).map(\.field) == ["date"])
    }

    @Test func noProblemFoundCannotGoWithFindingsOrHazards() {
        var entry = validEntry()
        entry.findings = "消防通道堵塞"
        let issue = ValidationIssue(field: "conclusion", problem: .noProblemWithFindings, severity: .warning)
        #expect(entry.ruleIssues(now: fixedNow, in: yantai) == [issue])
        entry.findings = " \n"
        entry.hazardIDs = ["h1"]
        #expect(entry.ruleIssues(now: fixedNow, in: yantai) == [issue])
        entry.conclusion = .rectificationOrdered
        #expect(entry.ruleIssues(now: fixedNow, in: yantai).isEmpty)
    }

    @Test func aHazardListedOnAVisitSwitchesNoProblemFound() {
        var entry = validEntry()
        entry.addHazard("h1")
        entry.addHazard("h1")
        #expect(entry.hazardIDs == ["h1"] && entry.conclusion == .rectificationOrdered)
        entry.conclusion = .caseFiled
        entry.addHazard("h2")
        #expect(entry.conclusion == .caseFiled)
    }

    @Test func theFormRefusesAVisitInTheFuture() {
        var state = makeState()
        state.press(.character("s"))
        state.fill("date", "2026-12-20")
        state.fill("inspectors[0].name", "孙建军")
        #expect(state.update(.key(.control("s"))).isEmpty)
        #expect(state.form?.form.fields.first { $0.id == "date" }?.error == "检查时间 2026-12-20 \(state.form!.form.value("time")) 晚于现在")
    }

    @Test func theFormRefusesNoProblemFoundWithFindingsOnTheConclusion() throws {
        var state = makeState()
        let code = try #require(demoSupervisions.keys.sorted().first)
        let original = try #require(state.ledger.supervisionEntries(of: code).first { $0.conclusion == .noProblem })
        state.openSupervisionPage(code, original.id)
        state.press(.character("e"))
        state.fill("findings", "消防通道堵塞")
        #expect(state.update(.key(.control("s"))).isEmpty)
        #expect(state.form?.form.fields.first { $0.id == "conclusion" }?.error == "有发现问题或登记了隐患，结论不能是“未发现问题”")
        state.focusField("conclusion")
        state.press(.right)
        guard case .store(.saveSupervision(let entry, _))? = state.update(.key(.control("s"))).first else {
            Issue.record("not saved: \(state.form?.form.message ?? "")")
            return
        }
        #expect(entry.conclusion == .rectificationOrdered)
    }

    @Test func aFileWrittenByOthersWithAFutureVisitLoadsWithAWarningAndIsUntouched() throws {
        try withDemoLedger { dir in
            let code = try demoCode(dir, "supervisions")
            let url = dir.appendingPathComponent("supervisions/\(code).json")
            var entries = try LedgerStore.loadSupervisions(enterprise: code, in: dir)
            entries[0].date = "2099-01-01"
            try LedgerStore.saveSupervisions(entries, enterprise: code, in: dir)
            let bytes = try Data(contentsOf: url)
            let ledger = try LedgerStore.open(dir)
            #expect(ledger.damagedFiles.isEmpty)
            #expect(ledger.supervisions[code]?.count == entries.count)
            let warning = try #require(ledger.fileWarnings.first)
            #expect(ledger.fileWarnings.count == 1 && warning.path == url.path)
            guard case .invalidRecord(_, 0, entries[0].id, let issue) = warning.error else {
                Issue.record("\(warning.error)")
                return
            }
            #expect(issue.severity == .warning && issue.field == "date")
            #expect(try Data(contentsOf: url) == bytes)
        }
    }
}

extension VisitRuleTests {
    @Test func aVisitBreakingARuleSaysSoOnItsPage() throws {
        let code = try #require(demoSupervisions.keys.sorted().first)
        var entry = try #require(demoSupervisions[code]?.first)
        entry.findings = "消防通道堵塞"
        entry.conclusion = .noProblem
        var supervisions = demoSupervisions
        supervisions[code] = [entry] + (supervisions[code] ?? []).dropFirst()
        var state = AppState(directory: demoDirectory, language: .zh, useColor: false, isDemo: true, dataPath: "/d", width: 80,
                             height: 24, pinyin: pinyinTable, inspectors: demoInspectors, supervisions: supervisions,
                             hazards: demoHazards, signer: demoOperator, clock: { fixedNow }, timeZone: yantai)
        state.openSupervisionPage(code, entry.id)
        let page = try #require(state.top as? SupervisionPageScreen)
        #expect(page.page.lines.contains { $0.value == "! 有发现问题或登记了隐患，结论不能是“未发现问题”" })
    }
}
