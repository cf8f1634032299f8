// A large, realistic ledger for benchmarks and tests:
// `swift run -c release anjian-generate --data DIR --hazards 100000 --supervisions 20000 --seed 1`.
import ArgumentParser
import Foundation
import AnjianGenerator
import AnjianModel
import AnjianStore

@main
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anjian-generate",
        abstract: "Writes a generated ledger (the demo's 60 enterprises, years of hazards and visits) into a new or empty directory.",
        discussion: "The same seed and today give the same bytes. The directory loads with no damaged file and no warning."
    )

    @Option(name: .long, help: ArgumentHelp("The data directory to create (new or empty).", valueName: "DIR"))
    var data: String

    @Option(name: .long, help: "How many hazards.")
    var hazards: Int

    @Option(name: .long, help: "How many supervision entries (visits).")
    var supervisions: Int

    @Option(name: .long, help: "The seed of the generator.")
    var seed: UInt64

    @Option(name: .long, help: ArgumentHelp("The last day of the records, YYYY-MM-DD (default: today).", valueName: "DATE"))
    var today: String?

    @Flag(name: .long, help: "Then open the ledger as the program does, and fail unless it loads with no damaged file and no warning.")
    var verify = false

    func run() throws {
        let directory = URL(fileURLWithPath: (data as NSString).expandingTildeInPath)
        let day = today ?? CalendarDate.dayAndTime(Date(), in: .current).day
        let start = Date()
        do {
            let s = try LedgerGenerator.generate(into: directory, hazards: hazards, supervisions: supervisions, seed: seed, today: day)
            let megabytes = String(format: "%.1f", Double(s.bytes) / 1_000_000)
            let seconds = String(format: "%.1f", Date().timeIntervalSince(start))
            print("\(directory.path): \(s.files) files (\(s.hazardFiles) hazard, \(s.supervisionFiles) supervision, \(s.evidenceFiles) evidence), "
                  + "\(s.hazards) hazards (\(s.fewestHazardsInAFile)–\(s.mostHazardsInAFile) a file), \(s.entries) entries, "
                  + "\(s.bytes) bytes (\(megabytes) MB), \(seconds) s")
            if verify { try check(directory, today: day) }
        } catch let failure as LedgerGenerator.Failure {
            FileHandle.standardError.write(Data("anjian-generate: \(failure)\n".utf8))
            // 73: cannot create the output (sysexits EX_CANTCREAT); 64: bad arguments (EX_USAGE).
            switch failure {
            case .directoryNotEmpty, .notADirectory: throw ExitCode(73)
            default: throw ExitCode(64)
            }
        }
    }

    /// Opens the ledger at noon of `today` (UTC) and fails on any damaged file or warning.
    func check(_ directory: URL, today: String) throws {
        let start = Date()
        let noon = ISO8601DateFormatter().date(from: today + "T12:00:00Z") ?? Date()
        let ledger = try LedgerStore.open(directory, initializeIfEmpty: false, now: noon)
        let problems = ledger.damagedFiles.count + ledger.fileWarnings.count + ledger.warnings.count
        let loaded = ledger.hazards.values.reduce(0) { $0 + $1.count }
        print("verified: \(loaded) hazards loaded, \(ledger.damagedFiles.count) damaged files, "
              + "\(ledger.fileWarnings.count + ledger.warnings.count) warnings (\(String(format: "%.1f", Date().timeIntervalSince(start))) s)")
        if problems > 0 {
            for problem in ledger.damagedFiles.prefix(3) { FileHandle.standardError.write(Data("damaged: \(problem)\n".utf8)) }
            for problem in ledger.fileWarnings.prefix(3) { FileHandle.standardError.write(Data("warning: \(problem)\n".utf8)) }
            throw ExitCode(1)
        }
    }
}
