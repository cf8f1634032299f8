import Foundation
import AnjianRuntime
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
        var environment = ProcessInfo.processInfo.environment
        // Never wait for a password or an editor; messages in a language we can read back.
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_EDITOR"] = "true"
        environment["GIT_MERGE_AUTOEDIT"] = "no"
        environment["LC_ALL"] = "C"
        environment["LANGUAGE"] = "C"
        if environment["GIT_SSH_COMMAND"] == nil { environment["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes -o ConnectTimeout=10" }
        for (key, value) in extra { environment[key] = value }
        do {
            let outcome = try ChildProcess.run(arguments, environment: environment)
            return GitResult(status: outcome.status, out: outcome.out, err: outcome.err)
        } catch {
            switch error {
            case .cannotStart(let reason): throw GitUnavailable(reason: reason)
            case .timedOut: throw GitUnavailable(reason: "timed out")  // no timeout is asked: never
            }
        }
    }
}
