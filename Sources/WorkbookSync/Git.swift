import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs `git -C <folder> …` as a subprocess (`ChildProcess`: posix_spawn, output through temporary files, no shell).
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
        let outcome = ChildProcess.run(argv, environment: environment)
        return Output(status: outcome.status, stdout: outcome.stdout, stderr: outcome.stderr)
    }
}
