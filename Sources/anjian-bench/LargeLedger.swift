import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real program on a large ledger, against Python's `json.load` of the same files in the
/// same run: start to first frame, start to every record loaded, peak memory.
func benchLargeLedger(_ directory: URL, binary: String, runs: Int) {
    let files = jsonFiles(in: directory)
    let bytes = files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
    let megabytes = Double(bytes) / 1_000_000
    print("large ledger \(directory.path): \(files.count) JSON files, \(String(format: "%.1f", megabytes)) MB")
    let environment = ["TERM=xterm-256color", "LANG=zh_CN.UTF-8", "PATH=/usr/bin:/bin", "ANJIAN_OPERATOR=王丽娟:37062301333"]
    func app(_ flag: String) -> [String] {
        ["/usr/bin/script", "-qec", "\(binary) --data \(directory.path) --ambiguous narrow \(flag)", "/dev/null"]
    }
    var first: [ChildRun] = [], loaded: [ChildRun] = [], python: [ChildRun] = [], pythonEach: [ChildRun] = []
    // Python keeping every file's objects, as the program keeps every record (the issue's
    // reference), and Python dropping each file once parsed (its parser alone).
    let script = """
        import json, glob, sys
        data = []
        for f in glob.glob(sys.argv[1] + '/**/*.json', recursive=True):
            with open(f, encoding='utf-8') as stream: data.append(json.load(stream))
        """
    let scriptEach = """
        import json, glob, sys
        for f in glob.glob(sys.argv[1] + '/**/*.json', recursive=True):
            with open(f, encoding='utf-8') as stream: json.load(stream)
        """
    for _ in 0..<runs {
        // Interleaved, so that a noisy moment of the machine falls on all three alike.
        if let run = spawnMeasured(app("--exit-after-first-frame"), environment: environment) { first.append(run) }
        if let run = spawnMeasured(app("--exit-after-load"), environment: environment) { loaded.append(run) }
        if let run = spawnMeasured(["/usr/bin/python3", "-c", script, directory.path], environment: environment) { python.append(run) }
        if let run = spawnMeasured(["/usr/bin/python3", "-c", scriptEach, directory.path], environment: environment) { pythonEach.append(run) }
    }
    guard !first.isEmpty, !loaded.isEmpty else { return print("(the app could not be run)") }
    report("large: start to first frame (script(1), exit)", first.map(\.milliseconds))
    report("large: start to every record loaded and drawn", loaded.map(\.milliseconds))
    let peak = loaded.map(\.peakKilobytes).max()! / 1024
    print("  peak memory while loading: \(peak) MB = \(String(format: "%.2f", Double(peak) / megabytes))x the JSON on disk")
    guard !python.isEmpty, python.allSatisfy({ $0.status == 0 }) else { return print("(python3 not run)") }
    report("large: python3 json.load of the same files, all kept", python.map(\.milliseconds))
    let pythonPeak = python.map(\.peakKilobytes).max()! / 1024
    print("  python peak memory: \(pythonPeak) MB = \(String(format: "%.2f", Double(pythonPeak) / megabytes))x the JSON on disk")
    report("large: python3 json.load, each file dropped once parsed", pythonEach.map(\.milliseconds))
    let whole = median(loaded.map(\.milliseconds))
    print("=> whole load / python json.load (all kept), medians of the same run: "
          + String(format: "%.2f", whole / median(python.map(\.milliseconds))) + "x; / python (each dropped): "
          + String(format: "%.2f", whole / median(pythonEach.map(\.milliseconds))) + "x")
}

/// Every JSON file of a data directory, its folders included (as Python's glob sees them).
func jsonFiles(in directory: URL) -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: directory.path) else { return [] }
    return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".json") }.map { directory.path + "/" + $0 }
}
