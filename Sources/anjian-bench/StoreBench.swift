// The store on a large ledger: the whole load in process (wall and CPU time), and one hazard
// saved into its largest file, as the app saves it, in a copy (the ledger itself is never written).
import Foundation
import AnjianModel
import AnjianRuntime
import AnjianStore

func storeBench(_ big: URL, runs: Int) throws {
    let runs = max(1, min(runs, 5))
    let scratchParent = FileManager.default.temporaryDirectory
    let ledger = try LedgerStore.open(big, initializeIfEmpty: false)
    let hazards = ledger.hazards.values.reduce(0) { $0 + $1.count }
    let entries = ledger.supervisions.values.reduce(0) { $0 + $1.count }
    print("store: \(big.path): \(ledger.hazards.count) hazard files, \(hazards) hazards, \(entries) entries, "
          + "\(ledger.damagedFiles.count) damaged, \(ledger.fileWarnings.count) warnings")
    var cpu: [Double] = []
    try measure("open the large ledger (all per-enterprise files)", runs: runs) {
        let before = cpuSeconds()
        _ = try LedgerStore.open(big, initializeIfEmpty: false)
        cpu.append((cpuSeconds() - before) * 1000)
    }
    report("  its CPU time, all threads (user + system)", cpu)
    try measure("load every hazard file one by one (loadHazards)", runs: runs) {
        for code in ledger.hazards.keys { _ = try LedgerStore.loadHazards(enterprise: code, in: big) }
    }
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    print("store: peak memory so far \(usage.ru_maxrss / 1024) MB")

    // One hazard saved into the largest file, as the app saves it (read, merge, write, fsync, backup),
    // in a copy of that file: the large ledger itself is never written.
    guard let code = ledger.hazards.max(by: { $0.value.count < $1.value.count })?.key else { return }
    let scratch = scratchParent.appendingPathComponent("anjian-bench-save-\(getpid())")
    defer { try? FileManager.default.removeItem(at: scratch) }
    try LedgerStore.initialize(scratch, source: .empty)
    try LedgerStore.saveEnterprises(ledger.enterprises, in: scratch)
    try LedgerStore.saveHazards(ledger.hazards[code]!, enterprise: code, in: scratch)
    let runner = Runner(directory: scratch, lock: nil, configURL: scratch.appendingPathComponent("config.json"), configProblem: nil)
    var current = ledger.hazards[code]!
    let count = current.count
    var samples: [Double] = []
    var first: Double?
    for n in 0..<max(runs, 9) + 1 {
        let index = (n * 7919) % count
        var changed = current[index]
        changed.location = "bench \(n) 二楼配电室"
        let start = DispatchTime.now().uptimeNanoseconds
        let outcome = runner.perform(.saveHazard(changed, base: current[index], link: nil))
        let took = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        if first == nil { first = took } else { samples.append(took) }
        guard case .saved(_, let written) = outcome, let now = written.hazards[code] else { print("store: save failed: \(outcome)"); return }
        current = now
    }
    // Its parts: the read (bytes, hash, records remembered), the splice, the write (temporary
    // file, fsync, backup of the previous version, rename, fsync of the folder).
    var changed = current[0]
    var reading: [Double] = [], splicing: [Double] = [], writing: [Double] = []
    for n in 0..<max(runs, 9) {
        changed.location = "parts \(n)"
        var start = DispatchTime.now().uptimeNanoseconds
        let read = try LedgerStore.readHazards(enterprise: code, in: scratch, snapshots: runner.snapshots)
        reading.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        var records = read.records
        records[0] = changed
        start = DispatchTime.now().uptimeNanoseconds
        let file = try LedgerStore.prepareHazardChange(records, changed: changed.id, over: read, enterprise: code, in: scratch)
        splicing.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        start = DispatchTime.now().uptimeNanoseconds
        try LedgerStore.write([file])
        writing.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        runner.snapshots.remember(file, holding: records)
    }
    report("  its read (bytes, hash, remembered records)", reading)
    report("  its splice (scan, encode one hazard)", splicing)
    report("  its write (temporary, fsync, backup, rename)", writing)
    print("store: the first save (its file not read before by this Runner): \(String(format: "%.1f", first ?? 0)) ms")
    report("save one hazard into a \(count)-hazard file (Runner)", samples)
}

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1_000_000
}
