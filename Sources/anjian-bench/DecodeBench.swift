// Decoding the per-enterprise files: JSONDecoder against the tape decoder, single thread, and
// python3's json.load of the same files in the same run.
// `ANJIAN_BENCH=decode swift run -c release anjian-bench [runs] [--large DIR] [--hazards N]`
import Foundation
import AnjianGenerator
import AnjianModel
import AnjianStore

func decodeBench(_ given: URL?, runs: Int) throws {
    let runs = max(1, min(runs, 5))
    let directory: URL
    var generated: URL?
    if let given {
        directory = given
    } else {
        let hazards = argument("--hazards").flatMap(Int.init) ?? 20_000
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("anjian-bench-decode-\(getpid())")
        _ = try LedgerGenerator.generate(into: directory, hazards: hazards, supervisions: hazards / 5, seed: 1,
                                         today: CalendarDate.dayAndTime(Date(), in: .current).day)
        generated = directory
    }
    defer { if let generated { try? FileManager.default.removeItem(at: generated) } }
    let folder = directory.appendingPathComponent(LedgerStore.hazardsFolder)
    let paths = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        .map { folder.appendingPathComponent($0).path }
    let files = try paths.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
    let megabytes = Double(files.reduce(0) { $0 + $1.count }) / 1_000_000
    if ProcessInfo.processInfo.environment["ANJIAN_DECODE_PROFILE"] != nil {  // the tape decoder alone, for perf
        for _ in 0..<runs { measure("decode hazard files, tape decoder (1 thread)", runs: 1) { _ = files.map { try? LedgerStore.decodeHazardsForBenchmark($0, fast: true) } } }
        return
    }
    var plain: [Double] = [], fast: [Double] = [], python: [Double] = []
    var hazards = 0, gaveUp = 0, differ = 0
    for run in 0..<runs {
        // Interleaved, so that a noisy moment of the machine falls on all three alike.
        var start = DispatchTime.now().uptimeNanoseconds
        let expected = try files.map { try LedgerStore.decodeHazardsForBenchmark($0, fast: false)! }
        plain.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        start = DispatchTime.now().uptimeNanoseconds
        let decoded = try files.map { try LedgerStore.decodeHazardsForBenchmark($0, fast: true) }
        fast.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        if run == 0 {
            hazards = expected.reduce(0) { $0 + $1.count }
            gaveUp = decoded.filter { $0 == nil }.count
            differ = zip(expected, decoded).filter { $1 != nil && $0 != $1 }.count
        }
        if let seconds = pythonLoad(paths) { python.append(seconds * 1000) }
    }
    print("decode: \(paths.count) hazard files of \(directory.path), \(String(format: "%.1f", megabytes)) MB, \(hazards) hazards; "
          + "fast path gave up on \(gaveUp) files, differed on \(differ)")
    report("decode hazard files, JSONDecoder (1 thread)", plain)
    report("decode hazard files, tape decoder (1 thread)", fast)
    if !python.isEmpty { report("python3 json.load of the same files (in-process time)", python) }
    print("=> JSONDecoder / tape decoder: \(String(format: "%.2f", median(plain) / median(fast)))x"
          + (python.isEmpty ? "" : "; tape decoder / python: \(String(format: "%.2f", median(fast) / median(python)))x"))
}

/// Seconds python3 takes to json.load the files (all kept), timed inside python: no start-up.
private func pythonLoad(_ paths: [String]) -> Double? {
    let list = FileManager.default.temporaryDirectory.appendingPathComponent("anjian-bench-decode-list-\(getpid())")
    defer { try? FileManager.default.removeItem(at: list) }
    guard (try? paths.joined(separator: "\n").write(to: list, atomically: true, encoding: .utf8)) != nil else { return nil }
    let script = """
        import json, sys, time
        paths = open(sys.argv[1], encoding='utf-8').read().split('\\n')
        start = time.perf_counter()
        data = [json.load(open(p, encoding='utf-8')) for p in paths]
        print(time.perf_counter() - start)
        """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    process.arguments = ["-c", script, list.path]
    let output = Pipe()
    process.standardOutput = output
    guard (try? process.run()) != nil else { return nil }
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return Double(text.trimmingCharacters(in: .whitespacesAndNewlines))
}
