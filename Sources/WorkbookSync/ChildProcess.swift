import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program run with `posix_spawn`: no shell, stdin from /dev/null, its output into temporary
/// files (no pipe to fill up or run loop to stall), and the signal state of a fresh process.
/// The last matters: a thread of ours (Dispatch's workers block nearly every signal) would
/// otherwise hand the child a mask that hides SIGCHLD, SIGHUP and SIGTERM from it, so a tmux
/// server started from a test never reaped its shell and never obeyed `kill-server`.
public enum ChildProcess {
    /// What one finished run gave.
    public struct Outcome: Sendable {
        /// The exit code, or 128 + the signal that ended it (127: it could not be started).
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// True when it was stopped (SIGKILL) for running past its time.
        public var timedOut = false
        /// True when it could not be started at all (`stderr` says why).
        public var couldNotStart = false
    }

    /// Runs `argv` (looked up in `PATH`) to the end; `timeout` nil waits as long as it takes.
    public static func run(_ argv: [String], environment: [String: String], timeout: TimeInterval? = nil) -> Outcome {
        let base = NSTemporaryDirectory() + "workbook-child-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        let outPath = base + ".out", errPath = base + ".err"
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noneBlocked = sigset_t(), allDefault = sigset_t()
        sigemptyset(&noneBlocked)
        sigfillset(&allDefault)
        posix_spawnattr_setsigmask(&attributes, &noneBlocked)
        posix_spawnattr_setsigdefault(&attributes, &allDefault)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let env = environment.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let spawned = withCStrings(argv) { args in
            withCStrings(env) { envp in posix_spawnp(&pid, argv[0], &actions, &attributes, args, envp) }
        }
        guard spawned == 0 else {
            return Outcome(status: 127, stdout: "", stderr: "cannot run \(argv[0]): \(String(cString: strerror(spawned)))", couldNotStart: true)
        }
        var status: Int32 = 0
        var timedOut = false
        if let timeout {
            let deadline = Date().addingTimeInterval(timeout)
            while waitpid(pid, &status, WNOHANG) != pid {
                if Date() > deadline {
                    kill(pid, SIGKILL)
                    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
                    timedOut = true
                    break
                }
                usleep(1_000)
            }
        } else {
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        }
        let code: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let stdout = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return Outcome(status: code, stdout: stdout, stderr: stderr, timedOut: timedOut)
    }

    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        return body(pointers)
    }
}
