import Foundation
import Testing
@testable import AnjianApp
import AnjianModel
import AnjianScreen
import AnjianText

/// The figures counted again without the model's functions: dates by Foundation's calendar,
/// the rules as the user guide states them (`docs/user-guide.md`, 逾期与到期).
struct IndependentFigures {
    enum Marker: Equatable { case rectification(Int), verification(Int), dueSoon(Int), closedLate(Int) }
    var total = 0, open = 0, openMajor = 0, closed = 0, closedOnTime = 0
    var rectification = 0, verification = 0, dueSoon = 0
    var markers: [String: Marker] = [:]

    static func day(_ text: String) -> Int {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return Int(formatter.date(from: String(text.prefix(10)))!.timeIntervalSince1970 / 86_400)
    }

    init(_ hazards: [Hazard], today: String, period: Int = 10) {
        let now = Self.day(today)
        for h in hazards {
            total += 1
            let deadline = Self.day(h.rectification.deadline)
            switch h.status.rawValue {
            case "closed":
                closed += 1
                let late = Self.day(h.closedOn!) - deadline
                if late <= 0 { closedOnTime += 1 } else { markers[h.number] = .closedLate(late) }
                continue
            case "rectified":
                let report = Self.day(h.history.last { $0.action.rawValue == "reportedRectified" }!.at)
                if now - report > period {
                    verification += 1
                    markers[h.number] = .verification(now - report - period)
                }
            default:
                if now > deadline {
                    rectification += 1
                    markers[h.number] = .rectification(now - deadline)
                } else if deadline - now <= 7 {
                    dueSoon += 1
                    markers[h.number] = .dueSoon(deadline - now)
                }
            }
            open += 1
            if h.level.rawValue == "major" { openMajor += 1 }
        }
    }

    func percent(_ part: Int, _ whole: Int) -> String { String(format: "%.1f%%", Double(part) * 100 / Double(whole)) }
    var rate: String { percent(closed, total) }
    var onTime: String { percent(closedOnTime, closed + rectification) }
}

@Suite struct HazardFigureScreenTests {
    static let today = "2026-11-25"  // the tests' clock, `fixedNow`

    @Test func theDemoLedgersHeaderMatchesAnIndependentCount() {
        let f = IndependentFigures(Array(demoHazards.values.joined()), today: Self.today)
        // The issue counted 12 "overdue", 4 of them the bureau's verification backlog.
        #expect(f.rectification + f.verification == 12 && f.verification == 4)
        let zh = AppView.render(makeState(.zh, width: 80, height: 24).pressing(.character("2")))
        #expect(zh.line(1).trimmingCharacters(in: .whitespaces)
            == "显示 \(f.total) 条  未销号 \(f.open)（其中重大 \(f.openMajor)）  整改率 \(f.rate)  按期整改率 \(f.onTime)")
        #expect(zh.line(2).trimmingCharacters(in: .whitespaces)
            == "整改逾期 \(f.rectification)  验收逾期 \(f.verification)  7天内到期 \(f.dueSoon)")
        let en = AppView.render(makeState(.en, width: 140, height: 40).pressing(.character("2")))
        #expect(en.line(1).trimmingCharacters(in: .whitespaces)
            == "shown \(f.total)  open \(f.open) (major \(f.openMajor))  rectified \(f.rate)  on time \(f.onTime)")
        #expect(en.line(2).trimmingCharacters(in: .whitespaces)
            == "overdue: rectification \(f.rectification), verification \(f.verification)  due in 7 days \(f.dueSoon)")
    }

    @Test func everyDemoRowCarriesItsMarker() {
        let hazards = Array(demoHazards.values.joined())
        let f = IndependentFigures(hazards, today: Self.today)
        let screen = AppView.render(makeState(.en, width: 140, height: 40).pressing(.character("2")))
        for h in hazards {
            guard let line = (0..<screen.height).map(screen.line).first(where: { $0.contains(h.number) }) else {
                Issue.record("no row for \(h.number)")
                continue
            }
            let expected: String? = switch f.markers[h.number] {
            case .rectification(let d)?: "\(d)d late!"
            case .verification(let d)?: "check \(d)d late!"
            case .dueSoon(let d)?: d == 0 ? "due today" : "due in \(d)d"
            case .closedLate(let d)?: "closed \(d)d late"
            case nil: nil
            }
            if let expected { #expect(line.contains(expected), "\(h.number): \(line)") }
            if expected == nil { #expect(!line.contains("late") && !line.contains("due "), "\(h.number): \(line)") }
            let extended = h.history.contains { $0.action.rawValue == "deadlineExtended" }
            #expect(line.contains(h.rectification.deadline + "+") == extended, "\(h.number): \(line)")
        }
    }

    /// One hazard of each kind, on six demo enterprises.
    static func fixture() throws -> (hazards: [String: [Hazard]], numbers: [String]) {
        let made = [
            try figureHazard(found: "2026-10-01", deadline: "2026-11-20"),
            try figureHazard(found: "2026-10-01", deadline: "2026-12-31", reported: "2026-11-10"),
            try figureHazard(found: "2026-10-01", deadline: "2026-11-28"),
            try figureHazard(found: "2026-10-01", deadline: "2026-11-25"),
            try figureHazard(found: "2026-10-01", deadline: "2026-11-10", closed: "2026-11-20"),
            try figureHazard(found: "2026-10-01", deadline: "2026-11-01", extendedTo: "2026-12-31"),
        ]
        var hazards: [String: [Hazard]] = [:]
        var numbers: [String] = []
        for (i, var h) in made.enumerated() {
            h.enterpriseCode = demoEnterprises[i].creditCode
            h.id = "fixture-\(i)"
            h.number = "YH-2026-\(h.enterpriseCode.suffix(6))-001"
            hazards[h.enterpriseCode] = [h]
            numbers.append(h.number)
        }
        return (hazards, numbers)
    }

    static let markers: [Language: [String]] = [
        .zh: ["逾5天!", "验收逾5天!", "3天后到期", "今天到期", "逾期10天销号", "2026-12-31延"],
        .en: ["5d late!", "check 5d late!", "due in 3d", "due today", "closed 10d late", "2026-12-31+"],
    ]

    /// Each marker is text on its row, with colour and without (`NO_COLOR`); colour only adds to it.
    @Test(arguments: [Language.zh, .en])
    func eachMarkerIsTextWithoutColour(_ language: Language) throws {
        let (hazards, _) = try Self.fixture()
        for color in [false, true] {
            var state = makeState(language, width: 80, height: 24, color: color, hazards: hazards)
            state.press(.character("2"), .end)  // the last row selected, the rest unselected
            let screen = AppView.render(state)
            let rows = state.hazardList.rows.map { state.hazardDirectory.records[$0].hazard.id }
            for (i, marker) in Self.markers[language]!.enumerated() {
                let y = try 4 + #require(rows.firstIndex(of: "fixture-\(i)"))
                #expect(screen.line(y).contains(marker), "\(marker) not on \(screen.line(y))")
                guard i < 4, y != 4 + rows.count - 1 else { continue }  // overdue and due soon are coloured too
                let x = screen.line(y).range(of: marker).map { screen.line(y)[..<$0.lowerBound].displayWidth } ?? 0
                #expect((screen[x, y].style.foreground != nil) == color, "\(marker) colour \(color)")
            }
        }
        let state = makeState(language, hazards: hazards).pressing(.character("2"))
        expectScreen(AppView.render(state), named: "hazards-figures-\(language)-80x24")
    }

    @Test func theHazardPageAndTheEnterprisePageSayTheSame() throws {
        let (hazards, numbers) = try Self.fixture()
        var state = makeState(.zh, width: 100, height: 40, hazards: hazards)
        let verification = hazards[demoEnterprises[1].creditCode]![0]
        state.openHazardPage(verification)
        var page = try #require(state.top as? HazardPageScreen).page.lines.map(\.value).joined(separator: "\n")
        #expect(page.contains("已整改待验收  验收逾期 5 天!（2026-11-10 报整改完成，应在 10 天内复查）"))
        state = makeState(.zh, width: 100, height: 40, hazards: hazards)
        state.openHazardPage(hazards[demoEnterprises[4].creditCode]![0])
        page = try #require(state.top as? HazardPageScreen).page.lines.map(\.value).joined(separator: "\n")
        #expect(page.contains("已验收销号  逾期10天销号"))
        var en = makeState(.en, width: 100, height: 40, hazards: hazards)
        en.openHazardPage(hazards[demoEnterprises[4].creditCode]![0])
        #expect(try #require(en.top as? HazardPageScreen).page.lines.map(\.value).contains("closed  closed late (10 days)"))
        state = makeState(.zh, width: 100, height: 40, hazards: hazards)
        state.openEnterprisePage(demoEnterprises[1].creditCode)
        let lines = try #require(state.top as? EnterprisePageScreen).page.lines
        #expect(lines.contains { $0.label == "隐患（1 条：未销号 1，其中重大 0；整改逾期 0，验收逾期 1，7天内到期 0）" })
        #expect(lines.contains { $0.value.hasPrefix(numbers[1]) && $0.value.contains("验收逾5天!") })
    }
}

extension AppState {
    /// The state after the keys, for rendering in one expression.
    func pressing(_ keys: Key...) -> AppState {
        var state = self
        for key in keys { _ = state.update(.key(key)) }
        return state
    }
}
