import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program run as a child with an argument list (never a shell string): stdin from
/// /dev/null, stdout and stderr into private files read back at the end (a pipe could fill up
/// and stop it), no blocked signals and default handlers as from a shell. The one way the
/// program runs others (git for the sync, Chromium for the PDFs).
public enum ChildProcess {
    public struct Outcome: Sendable {
        public var status: Int32
        public var out: String
        public var err: String
    }

    public enum Failure: Error, Sendable, Equatable {
        /// It could not be started (not installed, not executable): the system's reason.
        case cannotStart(String)
        /// It ran past `timeout` and was killed with its whole process group.
        case timedOut
    }

    /// Runs `arguments[0]` (looked up on the PATH when it has no `/`) with `environment` (nil:
    /// ours). With a `timeout`, the child gets a process group of its own, which is killed
    /// whole when the time is up and once it has ended (helpers it left behind go too).
    public static func run(_ arguments: [String], environment: [String: String]? = nil,
                           timeout: TimeInterval? = nil) throws(Failure) -> Outcome {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("anjian-child-\(getpid())-\(UUID().uuidString)")
        let outPath = base.path + ".out", errPath = base.path + ".err"
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC | O_EXCL, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC | O_EXCL, 0o600)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var envp: [UnsafeMutablePointer<CChar>?] = (environment ?? ProcessInfo.processInfo.environment)
            .map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        var flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
        if timeout != nil {
            posix_spawnattr_setpgroup(&attributes, 0)
            flags |= POSIX_SPAWN_SETPGROUP
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, &argv, &envp)
        guard spawned == 0 else { throw .cannotStart(String(cString: strerror(spawned))) }
        var status: Int32 = 0
        if let timeout {
            let deadline = Date().addingTimeInterval(timeout)
            while true {
                let done = waitpid(pid, &status, WNOHANG)
                if done == pid { break }
                if done < 0 && errno != EINTR { break }
                if Date() >= deadline {
                    kill(-pid, SIGKILL)
                    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                    throw .timedOut
                }
                usleep(20_000)
            }
            kill(-pid, SIGKILL)
        } else {
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
        return Outcome(status: (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F),
                       out: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                       err: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }
}
