import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a git command gave.
public struct GitResult: Sendable {
    public var status: Int32
    public var out: String
    public var err: String
    public var ok: Bool { status == 0 }
    /// The error text to show: stderr's last non-empty line, else stdout's.
    public var detail: String {
        let lines = (err + "\n" + out).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return lines.first { $0.hasPrefix("fatal:") || $0.hasPrefix("error:") } ?? lines.last ?? "status \(status)"
    }
}

/// Why git could not be run at all.
public struct GitUnavailable: Error, Sendable {
    public var reason: String
}

/// `git` run as a child process with an argument list (never a shell string), in one directory,
/// stdin from /dev/null and no terminal prompts: a sync never hangs asking for a password.
public struct Git: Sendable {
    public var directory: URL
    /// Added to the environment of every command (the merge driver's signer).
    public var environment: [String: String]
    public var executable: String

    public init(directory: URL, environment: [String: String] = [:], executable: String = "git") {
        self.directory = directory
        self.environment = environment
        self.executable = executable
    }

    @discardableResult
    public func run(_ arguments: [String]) throws(GitUnavailable) -> GitResult {
        try Self.spawn([executable, "-C", directory.path] + arguments, environment: environment)
    }

    /// Runs and throws `GitUnavailable` when git itself cannot start.
    public static func spawn(_ arguments: [String], environment extra: [String: String]) throws(GitUnavailable) -> GitResult {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("anjian-git-\(UUID().uuidString)")
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
        var environment = ProcessInfo.processInfo.environment
        // Never wait for a password or an editor; messages in a language we can read back.
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_EDITOR"] = "true"
        environment["GIT_MERGE_AUTOEDIT"] = "no"
        environment["LC_ALL"] = "C"
        environment["LANGUAGE"] = "C"
        if environment["GIT_SSH_COMMAND"] == nil { environment["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes -o ConnectTimeout=10" }
        for (key, value) in extra { environment[key] = value }
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        // The child starts with no blocked signals and default handlers, as from a shell.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, &argv, &envp)
        guard spawned == 0 else { throw GitUnavailable(reason: String(cString: strerror(spawned))) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exitStatus: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return GitResult(status: exitStatus,
                         out: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                         err: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }
}
