import Foundation
import Testing
@testable import AnjianApp
import AnjianGenerator
import AnjianModel
import AnjianScreen
import AnjianStore

/// View 2's fast paths (kept per-column orders, facts of the day, reordering a filter on a sort
/// change) against the plain ones (a comparison sort of every record, dates read per hazard) on a
/// generated ledger, before and after saves and removals.
@Suite struct HazardOrderTests {
    static let today = "2026-11-26"
    static let noon = ISO8601DateFormatter().date(from: "2026-11-26T12:00:00Z")!

    /// A generated ledger's hazards, with some made to tie: equal numbers in two enterprises,
    /// equal descriptions and responsible persons.
    static let ledger: (enterprises: [Enterprise], hazards: [String: [Hazard]]) = {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try! LedgerGenerator.generate(into: dir, hazards: 2500, supervisions: 10, seed: 11, today: today)
        let loaded = try! LedgerStore.open(dir, now: noon)
        var hazards = loaded.hazards
        let codes = hazards.keys.sorted()
        var random = SeededRandom(state: 5)
        for _ in 0..<40 {
            let a = codes.randomElement(using: &random)!, b = codes.randomElement(using: &random)!
            let i = Int.random(in: 0..<hazards[a]!.count, using: &random), j = Int.random(in: 0..<hazards[b]!.count, using: &random)
            hazards[b]![j].number = hazards[a]![i].number
            hazards[b]![j].description = hazards[a]![i].description
        }
        return (loaded.enterprises, hazards)
    }()

    static func index() -> (HazardDirectory, EnterpriseDirectory) {
        let directory = EnterpriseDirectory(enterprises: ledger.enterprises, pinyin: pinyinTable)
        return (HazardDirectory(ledger.hazards, enterprises: directory, pinyin: pinyinTable), directory)
    }

    /// Every column's kept order, both ways, equals the plain sort; the facts give the plain figures.
    func expectKeptEqualsPlain(_ index: inout HazardDirectory, rank: [Int], today: String, verificationDays: Int = 10,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        for column in HazardColumn.allCases {
            let order = index.order(HazardsScreen.orderSpec(column, rank: rank, today: today, verificationDays: verificationDays))
            for ascending in [true, false] {
                let plain = HazardsScreen.sorted(index, column: column, ascending: ascending, rank: rank, today: today,
                                                 verificationDays: verificationDays)
                #expect(order.walk(ascending: ascending) == plain, "\(column) ascending \(ascending) on \(today)", sourceLocation: sourceLocation)
            }
        }
        let facts = index.hazardFacts(today: today, verificationDays: verificationDays)
        let all = Array(index.records.indices)
        #expect(index.counts(all, facts: facts) == HazardCounts(index.records.map(\.item), today: today, verificationDays: verificationDays),
                sourceLocation: sourceLocation)
        let some = all.filter { $0 % 3 == 1 }
        #expect(index.counts(some, facts: facts) == index.counts(some, today: today, verificationDays: verificationDays),
                sourceLocation: sourceLocation)
    }

    @Test func keptOrdersAndFactsEqualThePlainSortAndFigures() {
        var (index, directory) = Self.index()
        let rank = directory.pinyinRank(by: \.shortName)
        for today in [Self.today, "2025-03-01", "2027-01-15"] {
            expectKeptEqualsPlain(&index, rank: rank, today: today)
        }
        expectKeptEqualsPlain(&index, rank: rank, today: Self.today, verificationDays: 3)
    }

    @Test func keptOrdersFollowSavesAndRemovals() {
        var (index, directory) = Self.index()
        let rank = directory.pinyinRank(by: \.shortName)
        // Kept before the changes, so that the changes must update them.
        expectKeptEqualsPlain(&index, rank: rank, today: Self.today)
        var random = SeededRandom(state: 17)
        for round in 0..<6 {
            for n in 0..<25 {
                var hazard = index.records.randomElement(using: &random)!.item
                switch n % 5 {
                case 0: hazard.rectification.deadline = "2026-\(["01", "06", "11", "12"].randomElement(using: &random)!)-2\(n % 9)"
                case 1:  // another hazard's state and history (status, dates) under this one's id
                    var other = index.records.randomElement(using: &random)!.item
                    other.id = hazard.id
                    other.enterpriseCode = hazard.enterpriseCode
                    hazard = other
                case 2: hazard.description = ["同一描述", "消防通道堵塞", "b", "a"].randomElement(using: &random)!
                case 3: hazard.rectification.responsible = ["张三", "李四", ""].randomElement(using: &random)!
                default:  // a new hazard, its number maybe another's
                    hazard.id = "new-\(round)-\(n)"
                    if Bool.random(using: &random) { hazard.number = "YH-NEW-\(round)-\(n)" }
                    hazard.level = hazard.level == .major ? .general : .major
                }
                index.upsert(hazard)
            }
            let code = index.records.randomElement(using: &random)!.item.enterpriseCode
            let ids = Set(index.records.filter { $0.item.enterpriseCode == code }.map(\.item.id).shuffled(using: &random).prefix(7))
            index.remove(ids, enterpriseCode: code)
            expectKeptEqualsPlain(&index, rank: rank, today: Self.today)
        }
    }

    @Test func criteriaReadFromTheFactsEqualThePlainCriteria() {
        var (index, _) = Self.index()
        let facts = index.hazardFacts(today: Self.today, verificationDays: 10)
        let all = Array(index.records.indices)
        let statuses: [HazardCriteria.StatusFilter] = [.all, .open] + HazardStatus.allCases.map { .only($0) }
        for status in statuses {
            for level in [nil, HazardLevel.major, .general] {
                for overdue in HazardCriteria.OverdueFilter.allCases {
                    for district in [nil, Self.ledger.enterprises[0].district] {
                        let criteria = HazardCriteria(status: status, level: level, overdue: overdue, district: district)
                        #expect(index.matching(criteria, facts: facts, among: all)
                                == index.matching(criteria, today: Self.today, verificationDays: 10, among: all), "\(criteria)")
                    }
                }
            }
        }
    }

    /// Through the app: the rows and figures of view 2 while typing a filter and changing the sort
    /// (orders made apart and installed, as the app's background does, or made when first needed).
    @Test(arguments: [false, true]) func viewTwoShowsThePlainRowsAndFigures(prepared: Bool) {
        var state = AppState(directory: EnterpriseDirectory(enterprises: Self.ledger.enterprises, pinyin: pinyinTable),
                             language: .zh, useColor: false, isDemo: false, dataPath: "/tmp/none", width: 160, height: 30,
                             pinyin: pinyinTable, inspectors: [], supervisions: [:], hazards: Self.ledger.hazards,
                             clock: { Self.noon }, timeZone: TimeZone(identifier: "Asia/Shanghai")!)
        if prepared { state.installHazardOrders(state.makeHazardOrders()) }
        let today = state.today
        let rank = state.ledger.directory.pinyinRank(by: \.shortName)
        func expectPlain(_ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
            let screen = state.view(2, as: HazardsScreen.self)!
            var index = state.ledger.hazardIndex
            index.prepareSearchTexts()
            let sorted = HazardsScreen.sorted(index, column: screen.table.sortColumn ?? .deadline, ascending: screen.table.ascending,
                                              rank: rank, today: today, verificationDays: 10)
            let admitted = index.matching(screen.table.criteria, today: today, verificationDays: 10, among: sorted)
            let plain = index.matching(SearchQuery(screen.table.filter.text), among: admitted)
            #expect(screen.table.rows == plain, "\(what)", sourceLocation: sourceLocation)
            #expect(screen.counts == HazardCounts(plain.map { index.records[$0].item }, today: today, verificationDays: 10),
                    "\(what)", sourceLocation: sourceLocation)
        }
        state.press(.character("2"))
        expectPlain("first shown")
        state.press(.character("/"))
        for (n, key) in ["g", "d", "z", "x"].map({ Key.character(Character($0)) }).enumerated() {
            state.press(key)
            expectPlain("typed \(n + 1)")
        }
        state.press(.backspace)
        expectPlain("backspace")
        state.press(.enter)
        for n in 0..<11 {
            state.press(.character("o"))
            expectPlain("sort \(n)")
            if n % 3 == 0 {
                state.press(.character("O"))
                expectPlain("reversed \(n)")
            }
        }
        // A save moves the record in every kept order.
        var hazard = state.ledger.hazardIndex.records[5].item
        hazard.rectification.deadline = "2026-11-27"
        hazard.description = "甲"
        state.succeed(hazard)
        expectPlain("after a save")
        state.press(.character("/"), .backspace, .backspace, .backspace, .escape)
        expectPlain("filter cleared")
    }
}
