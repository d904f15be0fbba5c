import Foundation
import WorkbookSync
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to the end for a test (`ChildProcess`: posix_spawn and waitpid, output captured
/// through files, a clean signal state), within a time limit. Foundation's Process was seen to
/// leave finished tmux clients unreaped when tests run concurrently.
public enum Subprocess {
    /// The outcome of one run.
    public struct Result {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public static func run(_ argv: [String], environment: [String: String]? = nil, timeout: TimeInterval = 30) throws -> Result {
        let outcome = ChildProcess.run(argv, environment: environment ?? ProcessInfo.processInfo.environment, timeout: timeout)
        if outcome.timedOut { throw SubprocessError("\(argv.joined(separator: " ")) did not finish in \(Int(timeout)) s") }
        if outcome.couldNotStart { throw SubprocessError(outcome.stderr) }
        return Result(status: outcome.status, stdout: outcome.stdout, stderr: outcome.stderr)
    }
}

/// Why a subprocess could not be run to the end.
public struct SubprocessError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
