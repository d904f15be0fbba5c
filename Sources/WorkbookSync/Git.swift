import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs `git -C <folder> …` as a subprocess (posix_spawn, output through temporary files, no shell).
///
/// The environment pins the things that would otherwise stop a scripted run: no password prompt,
/// no editor, English messages.
public struct Git: Sendable {
    /// One finished git command.
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public var succeeded: Bool { status == 0 }
        /// The last non-empty line git printed, for one-line reports.
        public var lastLine: String {
            (stderr + "\n" + stdout).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.last { !$0.isEmpty } ?? ""
        }
    }

    public var folder: String
    public var executable: String

    public init(folder: String, executable: String = "git") {
        self.folder = folder
        self.executable = executable
    }

    @discardableResult
    public func run(_ arguments: [String], extraEnvironment: [String: String] = [:]) -> Output {
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_EDITOR"] = "true"
        environment["GIT_MERGE_AUTOEDIT"] = "no"
        environment["LC_ALL"] = "C"
        environment["LANG"] = "C"
        for (key, value) in extraEnvironment { environment[key] = value }
        return Self.spawn([executable, "-C", folder] + arguments, environment: environment)
    }

    /// The trimmed output of a command that prints one value, nil when it fails or prints nothing.
    public func value(_ arguments: [String]) -> String? {
        let output = run(arguments)
        let text = output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return output.succeeded && !text.isEmpty ? text : nil
    }

    static func spawn(_ argv: [String], environment: [String: String]) -> Output {
        let base = NSTemporaryDirectory() + "workbook-git-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
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
        let env = environment.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let spawned = withCStrings(argv) { args in
            withCStrings(env) { envp in posix_spawnp(&pid, argv[0], &actions, nil, args, envp) }
        }
        guard spawned == 0 else {
            return Output(status: 127, stdout: "", stderr: "cannot run \(argv[0]): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let code: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let stdout = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return Output(status: code, stdout: stdout, stderr: stderr)
    }

    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        return body(pointers)
    }
}
