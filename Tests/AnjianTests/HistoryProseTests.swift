import Foundation
import Testing
@testable import AnjianApp
import AnjianModel
import AnjianStore
import AnjianText

/// History reads as prose for people (issue #9): hazard numbers, not ids; no markers or
/// full-width colons in English; a value set or cleared said so; the lock holder's time local.
@Suite struct HistoryProseTests {
    static let at = "2026-11-25T10:00:00+08:00"

    /// The history part of the page on top, as its lines' values.
    func history(_ state: AppState) -> [String] {
        let lines: [PageLine]
        switch state.top {
        case let page as HazardPageScreen: lines = page.page.lines
        case let page as SupervisionPageScreen: lines = page.page.lines
        default: return []
        }
        let title = lines.firstIndex { $0.label == state.strings[.historyTitle] } ?? lines.count
        return lines[title...].map(\.value)
    }

    /// A hazard of a visit's enterprise, registered on the visit: its history names it by number.
    @Test(arguments: [Language.zh, .en])
    func aVisitNamesTheHazardRegisteredOnItByNumber(_ language: Language) throws {
        var state = makeState(language, width: 140, height: 40)
        let pairs = demoSupervisions.keys.sorted().compactMap { code in
            demoSupervisions[code]!.first.flatMap { visit in
                demoHazards[code]?.first { !visit.hazardIDs.contains($0.id) && $0.supervisionID == nil }.map { (visit, $0) }
            }
        }
        let (visit, hazard) = try #require(pairs.first)
        var linked = visit
        linked.addHazard(hazard.id)
        state.succeed(linked.recordingHistory(from: visit, by: demoOperator, at: Self.at))
        state.openSupervisionPage(visit.enterpriseCode, visit.id)
        let lines = history(state)
        let expected = language == .zh ? "  登记隐患 " + hazard.number : "  registered hazard " + hazard.number
        #expect(lines.contains(expected), "\(lines)")
        #expect(!lines.contains { $0.contains(hazard.id) })
        // An id the ledger does not know is shown as it is; the field has a name in both languages.
        let strings = state.strings
        let unknown = FieldChange(field: "hazardIDs", old: "a", new: "a,b")
        #expect(strings.historyChange(unknown) == (language == .zh ? "登记隐患 b" : "registered hazard b"))
        #expect(strings.fieldLabel("hazardIDs") == (language == .zh ? "发现的隐患" : "Hazards found"))
    }

    /// A change of level with its reason, and of the location: English has no "：" and no "!",
    /// and neither language shows the list's "!" marker as a value.
    @Test(arguments: [Language.zh, .en])
    func aLevelChangeReadsWithoutMarkersOrFullWidthColons(_ language: Language) throws {
        var state = makeState(language, width: 140, height: 40)
        var hazard = try #require(demoHazards.keys.sorted().flatMap { demoHazards[$0]! }.first { !$0.isClosed && $0.level == .general })
        hazard.location = "二楼"
        let old = hazard
        hazard.location = "三楼"
        hazard.level = .major
        try hazard.recordEdit(from: old, reason: "涉及重大危险源", by: demoOperator, at: Self.at)
        state.succeed(hazard)
        state.openHazardPage(hazard)
        let lines = history(state)
        #expect(lines.allSatisfy { !$0.contains("!") }, "\(lines)")
        if language == .zh {
            #expect(lines.contains("  隐患等级：一般隐患 -> 重大隐患"), "\(lines)")
            #expect(lines.contains("  隐患部位：二楼 -> 三楼"))
            #expect(lines.contains("  原因：涉及重大危险源"))
        } else {
            #expect(lines.allSatisfy { !$0.contains("：") }, "\(lines)")
            #expect(lines.contains("  Level: general -> major"), "\(lines)")
            #expect(lines.contains("  Location: 二楼 -> 三楼"))
            #expect(lines.contains("  Reason: 涉及重大危险源"))
        }
    }

    /// Verified and closed, then reopened: the verifier and the close date set once read as set,
    /// the close date taken back as cleared.
    @Test(arguments: [Language.zh, .en])
    func aValueSetOnceReadsAsSetAndOneTakenBackAsCleared(_ language: Language) throws {
        var state = makeState(language, width: 140, height: 40)
        var hazard = try #require(demoHazards.keys.sorted().flatMap { demoHazards[$0]! }.first { $0.status == .rectified })
        try hazard.verifyPassed(verifier: "王丽娟", date: "2026-11-25", remark: "", by: demoOperator, at: Self.at)
        try hazard.reopen(reason: "复查发现反弹", by: demoOperator, at: Self.at)
        state.succeed(hazard)
        state.openHazardPage(hazard)
        let lines = history(state)
        if language == .zh {
            #expect(lines.contains("  验收人 王丽娟"), "\(lines)")
            #expect(lines.contains("  销号日期 设为 2026-11-25"), "\(lines)")
            #expect(lines.contains("  销号日期 已清除（原为 2026-11-25）"), "\(lines)")
        } else {
            #expect(lines.contains("  verified by 王丽娟"), "\(lines)")
            #expect(lines.contains("  Closed on set to 2026-11-25"), "\(lines)")
            #expect(lines.contains("  Closed on cleared (was 2026-11-25)"), "\(lines)")
        }
        #expect(!lines.contains { $0.contains("->") }, "\(lines)")
    }

    /// The lock holder's time, written in UTC or with an offset, in the session's zone (Asia/Shanghai).
    @Test(arguments: [Language.zh, .en])
    func theReadOnlyBannerShowsLocalTime(_ language: Language) throws {
        let utc = makeState(language, readOnly: .heldBy(LockHolder(pid: 42, operatorName: "单志刚", since: "2026-11-25T23:38:03Z")))
        let banner = try #require(utc.context.session.readOnlyMessage)
        #expect(banner.contains("2026-11-26 07:38") && !banner.contains("T23"), "\(banner)")
        let offset = makeState(language, readOnly: .heldBy(LockHolder(pid: 42, operatorName: "单志刚", since: "2026-11-25T08:00:00+08:00")))
        #expect(offset.context.session.readOnlyMessage?.contains("2026-11-25 08:00") == true)
        // Not a timestamp: shown as it is.
        let odd = makeState(language, readOnly: .heldBy(LockHolder(pid: 42, operatorName: "单志刚", since: "yesterday")))
        #expect(odd.context.session.readOnlyMessage?.contains("yesterday") == true)
    }
}
