import Foundation
import Testing
import AnjianStore

/// `anjian stats` run as a process: each format on the demo ledger, and the failures' statuses.
@Suite struct StatsCommandTests {
    @Test func eachFormatPrintsTheFiguresAndExitsZero() throws {
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        _ = try LedgerStore.open(data)
        let ledger = try LedgerStore.open(data, initializeIfEmpty: false)
        let hazards = ledger.hazards.values.reduce(0) { $0 + $1.count }
        let entries = ledger.supervisions.values.reduce(0) { $0 + $1.count }

        let text = try run([anjianBinary, "stats", "--data", data.path, "--lang", "zh"])
        #expect(text.status == 0 && text.err.isEmpty, "\(text)")
        #expect(text.out.hasPrefix("安监台账统计\n") && text.out.contains("隐患 \(hazards) 条：") && text.out.contains("监管记录 \(entries) 条"))

        let json = try run([anjianBinary, "stats", "--data", data.path, "--format", "json"])
        #expect(json.status == 0 && json.err.isEmpty)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let hazardCounts = try #require((object["hazards"] as? [String: Any])?["counts"] as? [String: Any])
        #expect(hazardCounts["total"] as? Int == hazards)
        let enterprises = try #require(object["enterprises"] as? [String: Any])
        #expect(enterprises["total"] as? Int == ledger.enterprises.count)

        let markdown = try run([anjianBinary, "stats", "--data", data.path, "--format", "markdown", "--lang", "en"])
        #expect(markdown.status == 0)
        #expect(markdown.out.hasPrefix("# Ledger statistics\n"))
        #expect(markdown.out.contains("| District | Enterprises | Red | Black | Unlisted |\n| --- | ---: | ---: | ---: | ---: |\n"))
        #expect(markdown.out.contains("| Level | Total | Open |") && markdown.out.contains("| Kind | Entries | No problem | Pass rate |"))

        let district = try run([anjianBinary, "stats", "--data", data.path, "--district", "芝罘区", "--since", "2026-01-01",
                                "--until", "2026-12-31", "--format", "json"])
        #expect(district.status == 0)
        let narrowed = try #require(try JSONSerialization.jsonObject(with: Data(district.out.utf8)) as? [String: Any])
        #expect(narrowed["district"] as? String == "芝罘区")
        #expect(((narrowed["enterprises"] as? [String: Any])?["total"] as? Int) == ledger.enterprises.filter { $0.district == "芝罘区" }.count)
    }

    @Test func failuresExitWithTheirStatus() throws {
        let missing = try run([anjianBinary, "stats", "--data", "/nonexistent-\(UUID().uuidString)", "--lang", "en"])
        #expect(missing.status == 66 && missing.out.isEmpty && missing.err.hasPrefix("anjian: ") && missing.err.hasSuffix("\n"))
        let data = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        _ = try LedgerStore.open(data)
        let badDate = try run([anjianBinary, "stats", "--data", data.path, "--since", "2026-02-30", "--lang", "en"])
        #expect(badDate.status == 64 && badDate.err == "anjian: --since: \"2026-02-30\" is not a date YYYY-MM-DD\n")
        #expect(try run([anjianBinary, "stats", "--data", data.path, "--format", "xml"]).status == 64)
        #expect(try run([anjianBinary, "stats", "--data", data.path, "--district", "Atlantis"]).status == 64)
    }
}
