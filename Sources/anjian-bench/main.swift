// Benchmarks: `swift run -c release anjian-bench [runs]`. Medians, not timed tests.
import Foundation
import AnjianApp
import AnjianGenerator
import AnjianModel
import AnjianScreen
import AnjianStore
import AnjianText

let runs = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 21
/// `--large DIR`: the large-ledger cases on that data directory instead of one generated here;
/// `--hazards N`: the size of the generated one (100,000 hazards and a fifth as many visits);
/// `--large-runs N` (5); `--no-large`: the demo-sized cases only.
func argument(_ name: String) -> String? {
    CommandLine.arguments.firstIndex(of: name).flatMap { i in i + 1 < CommandLine.arguments.count ? CommandLine.arguments[i + 1] : nil }
}

func measure(_ name: String, runs: Int = runs, _ body: () throws -> Void) rethrows {
    var samples: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }
    report(name, samples)
}

func report(_ name: String, _ samples: [Double]) {
    let sorted = samples.sorted()
    let median = sorted[sorted.count / 2]
    let line = "\(name.padding(toLength: 58, withPad: " ", startingAt: 0)) median \(String(format: "%8.3f", median)) ms"
        + "   (min \(String(format: "%.3f", sorted.first!)), worst \(String(format: "%.3f", sorted.last!)), n=\(sorted.count))"
    print(line)
}

let data = FileManager.default.temporaryDirectory.appendingPathComponent("anjian-bench-\(getpid())")
defer { try? FileManager.default.removeItem(at: data) }
_ = try LedgerStore.open(data)
// `ANJIAN_BENCH=decode`: only the decoders compared (see DecodeBench.swift).
if ProcessInfo.processInfo.environment["ANJIAN_BENCH"] == "decode" {
    try decodeBench(argument("--large").map { URL(fileURLWithPath: $0) }, runs: runs)
    exit(0)
}

print("Anjian benchmarks, \(runs) runs each (\(ProcessInfo.processInfo.processorCount) cores)")
var ledger: LoadedLedger!
try measure("open the demo ledger (60 enterprises, validated)") { ledger = try LedgerStore.open(data) }
var pinyin: PinyinTable!
try measure("load the pinyin table (Unihan readings)") { pinyin = try DemoLedger.pinyinTable() }
var directory: EnterpriseDirectory!
measure("build the search index (60 enterprises)") {
    directory = EnterpriseDirectory(enterprises: ledger.enterprises, pinyin: pinyin)
}
var state = AppState(directory: directory, language: .zh, useColor: true, isDemo: true,
                     dataPath: data.path, width: 100, height: 30, pinyin: pinyin)
measure("render the enterprise list (100x30)") { _ = AppView.render(state) }
measure("whole first frame in process (open+table+index+render)") {
    let l = try! LedgerStore.open(data)
    let p = try! DemoLedger.pinyinTable()
    let d = EnterpriseDirectory(enterprises: l.enterprises, pinyin: p)
    _ = AppView.render(AppState(directory: d, language: .zh, useColor: true, isDemo: true,
                                dataPath: data.path, width: 100, height: 30, pinyin: p,
                                inspectors: l.inspectors, supervisions: l.supervisions))
}

// A city's ledger after years: generated with a fixed seed (every run measures the same files)
// unless given with `--large DIR`; `--no-large` leaves it out.
var largeDirectory: URL? = nil
var generatedLarge: URL? = nil
if !CommandLine.arguments.contains("--no-large") {
    if let given = argument("--large") {
        largeDirectory = URL(fileURLWithPath: given)
    } else {
        let hazards = argument("--hazards").flatMap(Int.init) ?? 100_000
        let large = FileManager.default.temporaryDirectory.appendingPathComponent("anjian-bench-large-\(getpid())")
        let start = DispatchTime.now().uptimeNanoseconds
        let summary = try LedgerGenerator.generate(into: large, hazards: hazards, supervisions: hazards / 5, seed: 1,
                                                   today: CalendarDate.dayAndTime(Date(), in: .current).day)
        print("generated \(summary.hazards) hazards and \(summary.entries) entries in "
              + String(format: "%.1f s", Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        largeDirectory = large
        generatedLarge = large
    }
}
defer { if let generatedLarge { try? FileManager.default.removeItem(at: generatedLarge) } }

// Filtering as the user types, on the demo ledger and on a synthetic ledger of 12,000
// enterprises (the demo's names repeated), each keystroke updating and rendering.
func typing(_ query: [Key], on directory: EnterpriseDirectory, pinyin: PinyinTable) -> [Double] {
    var samples: [Double] = []
    for _ in 0..<max(3, runs / 3) {
        var s = AppState(directory: directory, language: .zh, useColor: true, isDemo: true,
                         dataPath: data.path, width: 100, height: 30, pinyin: pinyin)
        _ = s.update(.key(.character("/")))
        for key in query {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = s.update(.key(key))
            _ = AppView.render(s)
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
    }
    return samples
}
let keys: [Key] = "yantaiwh".map { .character($0) }
report("keystroke in the filter + render, 60 enterprises", typing(keys, on: directory, pinyin: pinyin))
var many: [Enterprise] = []
for copy in 0..<200 {
    for var e in ledger.enterprises {
        e.creditCode += "\(copy)"
        many.append(e)
    }
}
var big: EnterpriseDirectory!
measure("build the search index (12,000 enterprises)", runs: 3) { big = EnterpriseDirectory(enterprises: many, pinyin: pinyin) }
report("keystroke in the filter + render, 12,000 enterprises", typing(keys, on: big, pinyin: pinyin))

// The city-wide views on a large ledger: 100,000 hazards and 20,000 supervision entries
// (the demo's repeated over the 60 enterprises): switching to the view, a keystroke in `/`
// and a sort change, each update + render, medians and worst cases.
func memoryStatus() -> String {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    return status.split(separator: "\n").filter { $0.hasPrefix("VmRSS") || $0.hasPrefix("VmHWM") }
        .map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ") }.joined(separator: ", ")
}
func residentKB() -> Int {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS") }) else { return 0 }
    return Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" })[1]) ?? 0
}
do {
    // The large ledger's records when there is one (real, varied texts); else the demo's repeated.
    var manyHazards: [String: [Hazard]] = [:]
    var manyEntries: [String: [SupervisionEntry]] = [:]
    var cityDirectory = directory!
    if let largeDirectory {
        let large = try LedgerStore.open(largeDirectory, initializeIfEmpty: false)
        manyHazards = large.hazards
        manyEntries = large.supervisions
        cityDirectory = EnterpriseDirectory(enterprises: large.enterprises, pinyin: pinyin)
    } else {
        let demoHazards = ledger.hazards.values.flatMap { $0 }
        let demoEntries = ledger.supervisions.values.flatMap { $0 }
        for n in 0..<100_000 {
            let e = ledger.enterprises[n % ledger.enterprises.count]
            var h = demoHazards[n % demoHazards.count]
            h.id = "bench-\(n)"
            h.number = "YH-2026-\(e.creditCode.suffix(6))-\(n)"
            h.enterpriseCode = e.creditCode
            manyHazards[e.creditCode, default: []].append(h)
        }
        for n in 0..<20_000 {
            let e = ledger.enterprises[n % ledger.enterprises.count]
            var entry = demoEntries[n % demoEntries.count]
            entry.id = "S-bench-\(n)"
            entry.enterpriseCode = e.creditCode
            manyEntries[e.creditCode, default: []].append(entry)
        }
    }
    let hazardCount = manyHazards.values.reduce(0) { $0 + $1.count }, entryCount = manyEntries.values.reduce(0) { $0 + $1.count }
    var big: AppState!
    let before = residentKB()
    print("memory before building the large state: \(memoryStatus())")
    measure("build the state: \(hazardCount) hazards + \(entryCount) entries", runs: 3) {
        big = nil
        big = AppState(directory: cityDirectory, language: .zh, useColor: true, isDemo: true, dataPath: data.path,
                       width: 140, height: 40, pinyin: pinyin, inspectors: ledger.inspectors,
                       supervisions: manyEntries, hazards: manyHazards)
    }
    print("memory after building it: \(memoryStatus()) (+\(residentKB() - before) kB resident)")
    // The search texts, built apart from the first frame (the app builds them in the background).
    var hazardTexts: SearchTexts!, entryTexts: SearchTexts!
    let beforeTexts = residentKB()
    measure("build the search texts: \(hazardCount) hazards", runs: 3) { hazardTexts = big.ledger.hazardIndex.makeSearchTexts() }
    measure("build the search texts: \(entryCount) entries", runs: 3) { entryTexts = big.ledger.supervisionIndex.makeSearchTexts() }
    big.installSearchTexts(hazards: hazardTexts, supervisions: entryTexts)
    print("search texts: hazards \(hazardTexts.memoryBytes / 1024) kB (\(hazardTexts.memoryBytes / hazardCount) B per hazard), "
          + "entries \(entryTexts.memoryBytes / 1024) kB (\(entryTexts.memoryBytes / entryCount) B per entry); "
          + "\(memoryStatus()) (+\(residentKB() - beforeTexts) kB resident)")
    // Without them (not yet made in the background): the first switch makes the order it shows.
    var lazy: [Double] = []
    for _ in 0..<3 {
        var s = big!
        let start = DispatchTime.now().uptimeNanoseconds
        _ = s.update(.key(.character("2")))
        _ = AppView.render(s)
        lazy.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }
    report("switch to view 2, its order made on first use + render", lazy)
    // View 2's orders of every column and the facts of the day, also made in the background.
    var orders: HazardDirectory.Prepared!
    let beforeOrders = residentKB()
    measure("build view 2's orders (10 columns) + facts: \(hazardCount) hazards", runs: 3) { orders = big.makeHazardOrders() }
    big.installHazardOrders(orders)
    print("orders: \(memoryStatus()) (+\(residentKB() - beforeOrders) kB resident)")
    for (view, name) in [(Key.character("2"), "view 2 (\(hazardCount) hazards)"), (.character("3"), "view 3 (\(entryCount) entries)")] {
        var switching: [Double] = []
        var samples: [Double] = []
        var sorting: [Double] = []
        for _ in 0..<max(3, runs / 3) {
            var s = big!
            var start = DispatchTime.now().uptimeNanoseconds
            _ = s.update(.key(view))
            _ = AppView.render(s)
            switching.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
            _ = s.update(.key(.character("/")))
            for key in "pdx".map({ Key.character($0) }) + [.backspace, .backspace, .backspace] {
                start = DispatchTime.now().uptimeNanoseconds
                _ = s.update(.key(key))
                _ = AppView.render(s)
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
            }
            _ = s.update(.key(.escape))
            for _ in 0..<3 {
                start = DispatchTime.now().uptimeNanoseconds
                _ = s.update(.key(.character("o")))
                _ = AppView.render(s)
                sorting.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
            }
        }
        report("switch to \(name) + render (first time)", switching)
        report("keystroke in / + render, \(name)", samples)
        report("sort by the next column + render, \(name)", sorting)
    }

    // The statistics view (5): every figure counted, laid out and drawn; then a period key (p).
    var opening: [Double] = [], periods: [Double] = []
    for _ in 0..<max(3, runs / 3) {
        var s = big!
        var start = DispatchTime.now().uptimeNanoseconds
        _ = s.update(.key(.character("5")))
        _ = AppView.render(s)
        opening.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        start = DispatchTime.now().uptimeNanoseconds
        _ = s.update(.key(.character("p")))
        _ = AppView.render(s)
        periods.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }
    report("switch to view 5, statistics (\(hazardCount) hazards) + render", opening)
    report("next period (p) in view 5 + render", periods)
}

// Saving a supervision entry writes one enterprise's file (temp, fsync, rename), so its cost
// does not grow with the city's ledger: measured on a file of 10 entries.
if let code = ledger.supervisions.keys.sorted().first, var sample = ledger.supervisions[code]?.first {
    var entries: [SupervisionEntry] = []
    for n in 0..<10 {
        sample.id = "S-bench-\(n)"
        entries.append(sample)
    }
    try measure("save one supervision entry (one file, fsync)") {
        try LedgerStore.saveSupervisions(entries, enterprise: code, in: data)
    }
}

// The real program: start to first frame drawn in a pseudo-terminal, then exit.
let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("anjian").path
if FileManager.default.isExecutableFile(atPath: binary), FileManager.default.isExecutableFile(atPath: "/usr/bin/script") {
    func timeInPty(_ command: String) throws -> [Double] {
        // posix_spawn and waitpid: Foundation's Process polls for the child's exit
        // (seen here as a 50 ms floor), which would swamp the measurement.
        var samples: [Double] = []
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let arguments = ["/usr/bin/script", "-qec", command, "/dev/null"]
        let environment = ["TERM=xterm-256color", "LANG=zh_CN.UTF-8", "PATH=/usr/bin:/bin"]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        for _ in 0..<runs {
            var pid: pid_t = 0
            let start = DispatchTime.now().uptimeNanoseconds
            guard posix_spawn(&pid, arguments[0], &actions, nil, &argv, &envp) == 0 else { break }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
        return samples
    }
    let baseline = try timeInPty("true")
    let app = try timeInPty("\(binary) --data \(data.path) --ambiguous narrow --exit-after-first-frame")
    report("baseline: script(1) pty running `true`", baseline)
    report("anjian in script(1): start, first frame, exit", app)
    let median = { (x: [Double]) in x.sorted()[x.count / 2] }
    print("=> start to first frame and exit, less the baseline: \(String(format: "%.1f", median(app) - median(baseline))) ms (difference of medians)")
} else {
    print("(the anjian binary or /usr/bin/script is missing: start-up not measured)")
}

// A city's ledger after years, measured through the real program against Python (see LargeLedger.swift).
if let largeDirectory, FileManager.default.isExecutableFile(atPath: binary) {
    let largeRuns = argument("--large-runs").flatMap(Int.init) ?? 5
    benchLargeLedger(largeDirectory, binary: binary, runs: largeRuns)
    try storeBench(largeDirectory, runs: largeRuns)
    try decodeBench(largeDirectory, runs: min(largeRuns, 3))
}
