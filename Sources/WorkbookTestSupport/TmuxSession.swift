import Foundation

/// Drives a real program in a private tmux server the way a person would: keys in, screen text out.
/// Every wait polls the screen until the text appears or a deadline passes; nothing sleeps a fixed time.
public final class TmuxSession {
    public let socket: String
    public let session = "e2e"
    /// `XDG_STATE_HOME` of the apps this session starts (unless the test names its own).
    public let stateHome: String
    private static let counter = Counter()
    /// `XDG_CACHE_HOME` for every app a test starts.
    public static let testCache = NSTemporaryDirectory() + "awb-cache-\(getpid())"

    /// Starts `shellCommand` (run by `sh -c`) in a detached session of the given size.
    public init(width: Int = 100, height: Int = 30, shellCommand: String, environment: [String: String] = [:]) throws {
        // A random part too: process ids come round again, and a crashed run's server may still be up.
        socket = "awb-\(getpid())-\(TmuxSession.counter.next())-\(String(UInt32.random(in: 0...UInt32.max), radix: 36))"
        // The app's per-user list index goes to a cache of this test process, never the user's own.
        // The view the user chose (view.json) is per session: one test switching it cannot change another's screen.
        stateHome = NSTemporaryDirectory() + "awb-state-" + socket
        var exports = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color", "XDG_CACHE_HOME": TmuxSession.testCache,
                       "XDG_STATE_HOME": stateHome]
        exports.merge(environment) { _, new in new }
        let prefix = exports.sorted { $0.key < $1.key }.map { "\($0.key)=\(TmuxSession.quote($0.value))" }.joined(separator: " ")
        // The pane outlives the command: once its shell has ended, tmux would write "Pane is dead"
        // over the last lines (the app's exit status among them). `kill-server` ends the wait.
        try run(["-f", "/dev/null", "new-session", "-d", "-s", session, "-x", String(width), "-y", String(height),
                 "env \(prefix) sh -c \(TmuxSession.quote(shellCommand + "\nexec sleep 86400"))"])
        try run(["set-option", "-g", "status", "off"])
        try run(["set-option", "-g", "window-size", "manual"])
        try run(["set-option", "-g", "remain-on-exit", "on"])
    }

    deinit {
        _ = try? run(["kill-server"])
        try? FileManager.default.removeItem(atPath: stateHome)
    }

    /// Sends tmux key names: `Enter`, `Tab`, `BTab`, `Escape`, `C-c`, `Down`, or single characters.
    public func press(_ keys: String...) {
        _ = try? run(["send-keys", "-t", session] + keys)
    }

    /// Types text literally, character by character as a keyboard would.
    public func type(_ text: String) {
        _ = try? run(["send-keys", "-t", session, "-l", text])
    }

    public func screen() -> String {
        (try? run(["capture-pane", "-p", "-t", session])) ?? ""
    }

    public func resize(width: Int, height: Int) {
        _ = try? run(["resize-window", "-t", session, "-x", String(width), "-y", String(height)])
    }

    /// The pid of the program started in the pane (the `sh`).
    public func panePID() -> Int32? {
        (try? run(["display-message", "-p", "-t", session, "#{pane_pid}"])).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// Waits until `text` is on screen; returns the screen, or throws with the last screen when it never shows.
    @discardableResult
    public func waitFor(_ text: String, timeout: TimeInterval = 15) throws -> String {
        try waitUntil("\u{201C}\(text)\u{201D} on screen", timeout: timeout) { $0.contains(text) }
    }

    /// Waits until `text` is no longer on screen.
    @discardableResult
    public func waitForAbsence(of text: String, timeout: TimeInterval = 15) throws -> String {
        try waitUntil("\u{201C}\(text)\u{201D} gone", timeout: timeout) { !$0.contains(text) }
    }

    /// Waits until `condition` holds on a settled screen: the same twice in a row, so a frame the
    /// terminal is still drawing (the awaited line in, the rest not yet) is never the one returned.
    @discardableResult
    public func waitUntil(_ what: String, timeout: TimeInterval = 15, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        var previous: String?
        repeat {
            last = screen()
            if condition(last) {
                if last == previous { return last }
                previous = last
            } else {
                previous = nil
            }
            usleep(20_000)
        } while Date() < deadline
        if let previous, condition(previous) { return previous }
        throw TmuxError("timed out after \(Int(timeout)) s waiting for \(what); the screen was:\n\(last)")
    }

    /// Runs one tmux client command; a client that hangs is killed after 10 seconds.
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let result = try Subprocess.run(["tmux", "-L", socket] + arguments, timeout: 10)
        guard result.status == 0 else {
            throw TmuxError("tmux \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
        }
        return result.stdout
    }

    /// Single-quotes a string for `sh`.
    public static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    private final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}

/// Why driving tmux failed, with the screen that was showing.
public struct TmuxError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// Finds the built `workbook` binary and runs it directly for command-line tests.
public enum WorkbookBinary {
    public static var path: String {
        if let path = ProcessInfo.processInfo.environment["WORKBOOK_BIN"], !path.isEmpty { return path }
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        return root.appendingPathComponent(".build/debug/workbook").path
    }

    /// Runs `workbook` with arguments; returns exit status, stdout and stderr.
    public static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        let result = try Subprocess.run([path] + arguments, environment: env, timeout: 60)
        return (result.status, result.stdout, result.stderr)
    }
}

/// A temporary folder removed when the value goes away.
public final class TemporaryFolder {
    public let path: String

    public init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("awb-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

extension TmuxSession {
    /// The real `workbook` on `folder/wb` in a new session; the shell prints DONE when it exits.
    public static func workbook(in folder: TemporaryFolder, width: Int = 110, height: Int = 32) throws -> TmuxSession {
        let command = "\(quote(WorkbookBinary.path)) --data \(quote(folder.path + "/wb")); echo DONE"
        return try TmuxSession(width: width, height: height, shellCommand: command)
    }
}

extension TmuxSession {
    /// Adds an account with just a name, the way a person would: `a`, the name, Enter.
    public func addAccount(named name: String) throws {
        press("a")
        try waitFor("New account")
        type(name)
        press("Enter")
        try waitFor("Added \u{201C}\(name)\u{201D}")
    }
}
