import Foundation
import AnjianModel
import AnjianStore

/// Writes a large, realistic ledger in the program's own format, for the benchmarks and the
/// tests: the demo ledger's enterprises and roster, and years of hazards and supervision
/// entries made through the model's own steps, so that every rule holds by construction and
/// the directory loads without a warning. The same seed gives the same bytes.
public enum LedgerGenerator {
    /// How many years before `today` the records reach back.
    public static let years = 5

    public struct Summary: Sendable, Equatable {
        public var directory: URL
        public var hazards: Int
        public var entries: Int
        public var hazardFiles: Int
        public var supervisionFiles: Int
        /// Evidence files the hazards' steps point to (created, so none is missing).
        public var evidenceFiles: Int
        /// Every file in the directory (the ledger's own, the per-enterprise ones, evidence).
        public var files: Int
        public var bytes: Int
        public var fewestHazardsInAFile: Int
        public var mostHazardsInAFile: Int
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case directoryNotEmpty(String)
        case notADirectory(String)
        case invalidToday(String)
        case negativeCount(String)

        public var description: String {
            switch self {
            case .directoryNotEmpty(let path): return "\(path) already holds files; give an empty or new directory"
            case .notADirectory(let path): return "\(path) is not a directory"
            case .invalidToday(let text): return "--today \(text) is not a YYYY-MM-DD date"
            case .negativeCount(let what): return "\(what) must be 0 or more"
            }
        }
    }

    /// Fills `directory` (new or empty) with a ledger of `hazards` hazards and `supervisions`
    /// supervision entries spread over the 60 demo enterprises, dated up to `today` (`YYYY-MM-DD`).
    public static func generate(into directory: URL, hazards: Int, supervisions: Int, seed: UInt64,
                                today: String) throws -> Summary {
        guard CalendarDate.isValid(today) else { throw Failure.invalidToday(today) }
        guard hazards >= 0 else { throw Failure.negativeCount("hazards") }
        guard supervisions >= 0 else { throw Failure.negativeCount("supervisions") }
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw Failure.notADirectory(directory.path) }
            // Never among someone's files: not even a dot file.
            guard (try fm.contentsOfDirectory(atPath: directory.path)).isEmpty else { throw Failure.directoryNotEmpty(directory.path) }
        }
        let day = Day(today)
        // Created "at noon of today", so that ledger.json is the same on every run.
        try LedgerStore.initialize(directory, source: .demo, now: Date(timeIntervalSince1970: Double(day.number * 86_400 + 43_200)))
        // The demo's own hazards and visits give way to the generated ones.
        for folder in [LedgerStore.hazardsFolder, LedgerStore.supervisionsFolder] {
            let url = directory.appendingPathComponent(folder)
            if fm.fileExists(atPath: url.path) { try fm.removeItem(at: url) }
        }
        let enterprises = try DemoLedger.enterprises()
        let roster = try DemoLedger.inspectors()

        var random = SeededRandom(seed: seed)
        let hazardCounts = spread(hazards, over: enterprises.count, random: &random)
        let visitCounts = spread(supervisions, over: enterprises.count, following: hazardCounts, random: &random)

        var summary = Summary(directory: directory, hazards: 0, entries: 0, hazardFiles: 0, supervisionFiles: 0, evidenceFiles: 0,
                              files: 0, bytes: 0, fewestHazardsInAFile: 0, mostHazardsInAFile: 0)
        var perFile: [Int] = []
        for (index, enterprise) in enterprises.enumerated() {
            // Each enterprise its own stream: its records do not depend on the others' counts.
            let own = SeededRandom(seed: seed ^ (UInt64(index + 1) &* 0xD1B5_4A32_D192_ED03))
            var maker = EnterpriseRecords(enterprise: enterprise, roster: roster, today: day, random: own)
            let made = try maker.make(hazards: hazardCounts[index], visits: visitCounts[index])
            if !made.hazards.isEmpty {
                try LedgerStore.saveHazards(made.hazards, enterprise: enterprise.creditCode, in: directory)
                summary.hazardFiles += 1
                perFile.append(made.hazards.count)
            }
            if !made.entries.isEmpty {
                try LedgerStore.saveSupervisions(made.entries, enterprise: enterprise.creditCode, in: directory)
                summary.supervisionFiles += 1
            }
            for file in made.evidence {
                let url = directory.appendingPathComponent(file.path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: url)
            }
            summary.hazards += made.hazards.count
            summary.entries += made.entries.count
            summary.evidenceFiles += made.evidence.count
        }
        summary.fewestHazardsInAFile = perFile.min() ?? 0
        summary.mostHazardsInAFile = perFile.max() ?? 0
        (summary.files, summary.bytes) = filesAndBytes(in: directory)
        return summary
    }

    /// `total` over `count` enterprises, unevenly: weights between 1,100 and 2,100 (a city's
    /// mean of 1,667 hazards a file at 100,000 hazards), scaled to the total.
    static func spread(_ total: Int, over count: Int, random: inout SeededRandom) -> [Int] {
        // Evenly spaced fractions, shuffled, bent so the mean weight is about 1,667.
        var fractions = (0..<count).map { (Double($0) + 0.5) / Double(count) }
        random.shuffle(&fractions)
        return apportion(total, weights: fractions.map { 1100 + 1000 * pow($0, 0.765) })
    }

    /// Visits follow the hazards (an enterprise with more hazards is visited more), with noise.
    static func spread(_ total: Int, over count: Int, following hazards: [Int], random: inout SeededRandom) -> [Int] {
        apportion(total, weights: (0..<count).map { Double(max(hazards[$0], 1)) * (0.7 + 0.6 * random.unit()) })
    }

    /// Whole numbers in proportion to `weights` summing to `total` (largest remainders).
    static func apportion(_ total: Int, weights: [Double]) -> [Int] {
        let sum = weights.reduce(0, +)
        let exact = weights.map { Double(total) * $0 / sum }
        var counts = exact.map { Int($0) }
        let order = exact.indices.sorted { (exact[$0] - Double(counts[$0]), $1) > (exact[$1] - Double(counts[$1]), $0) }
        for i in order.prefix(total - counts.reduce(0, +)) { counts[i] += 1 }
        return counts
    }

    static func filesAndBytes(in directory: URL) -> (Int, Int) {
        var files = 0, bytes = 0
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey]
        guard let walk = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: keys) else { return (0, 0) }
        for case let url as URL in walk {
            guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
            files += 1
            bytes += values.fileSize ?? 0
        }
        return (files, bytes)
    }
}
