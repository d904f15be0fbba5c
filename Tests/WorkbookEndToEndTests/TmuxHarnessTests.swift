import Dispatch
import Foundation
import Testing
import WorkbookTestSupport

/// The harness the end-to-end tests stand on: a program it starts gets the signal state of a fresh
/// process, so the tmux server of a finished test reaps its shell and goes away.
@Suite struct TmuxHarnessTests {
    /// Started from a Dispatch worker thread (which blocks nearly every signal), a child blocks none.
    @Test func aChildStartedFromAWorkerThreadBlocksNoSignal() throws {
        let mask = LockedText()
        DispatchQueue.concurrentPerform(iterations: 1) { _ in
            let result = try? Subprocess.run(["grep", "SigBlk", "/proc/self/status"])
            mask.set(result?.stdout ?? "")
        }
        #expect(mask.value.trimmingCharacters(in: .whitespacesAndNewlines) == "SigBlk:\t0000000000000000")
    }

    @Test func aSessionsServerIsGoneOnceTheSessionIs() throws {
        var socket = ""
        do {
            let session = try TmuxSession(shellCommand: "echo ready; sleep 30")
            socket = session.socket
            try session.waitFor("ready")
        }
        let after = try Subprocess.run(["tmux", "-L", socket, "list-sessions"])
        #expect(after.status != 0, "the server still answers: \(after.stdout)")
    }

    private final class LockedText: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        var value: String { lock.lock(); defer { lock.unlock() }; return text }
        func set(_ value: String) { lock.lock(); text = value; lock.unlock() }
    }
}
