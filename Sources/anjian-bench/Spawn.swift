import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One run of a child program: how long it took and its peak resident memory.
struct ChildRun {
    var milliseconds: Double
    /// Peak resident set of the child or its largest descendant (`script` runs the app as its child).
    var peakKilobytes: Int
    var status: Int32
}

/// Runs a program with posix_spawn and wait4: Foundation's Process polls for the child's exit
/// (seen here as a 50 ms floor), which would swamp the measurement; wait4 also gives the peak memory.
func spawnMeasured(_ arguments: [String], environment: [String]) -> ChildRun? {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for fd: Int32 in [0, 1, 2] {
        posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
    }
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid: pid_t = 0
    let start = DispatchTime.now().uptimeNanoseconds
    guard posix_spawn(&pid, arguments[0], &actions, nil, &argv, &envp) == 0 else { return nil }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    return ChildRun(milliseconds: elapsed, peakKilobytes: usage.ru_maxrss, status: status)
}

/// The median of samples (the upper one of an even count).
func median(_ samples: [Double]) -> Double { samples.sorted()[samples.count / 2] }
