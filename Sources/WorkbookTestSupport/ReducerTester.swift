import Testing
import WorkbookApp
import WorkbookModel

/// Drives the reducer one action at a time and fails on any state change or effect the test did not state.
public struct ReducerTester {
    public private(set) var state: AppState
    private var pendingIDs: [AccountID]
    private let environment: ReducerEnvironment
    private let idBox: IDQueue

    /// Ids handed out to new accounts, in order; the test names them so it can predict them.
    public init(_ state: AppState, newIDs: [AccountID] = [], newCommitmentIDs: [CommitmentID] = [], newEntityIDs: [EntityID] = []) {
        self.state = state
        self.pendingIDs = newIDs
        let box = IDQueue(newIDs)
        let commitments = IDQueue(newCommitmentIDs.map { AccountID($0.rawValue) })
        let entities = IDQueue(newEntityIDs.map { AccountID($0.rawValue) })
        self.idBox = box
        self.environment = ReducerEnvironment(
            newAccountID: { box.next() }, newCommitmentID: { CommitmentID(commitments.next().rawValue) },
            newEntityID: { EntityID(entities.next().rawValue) })
    }

    /// Sends `action`; `update` must turn the old state into exactly the new one, and `effects` must match.
    public mutating func send(
        _ action: AppAction, effects expected: [Effect] = [], sourceLocation: SourceLocation = #_sourceLocation,
        _ update: (inout AppState) -> Void = { _ in }
    ) {
        var expectedState = state
        update(&expectedState)
        let effects = AppReducer.reduce(&state, action, environment: environment)
        if effects != expected {
            Issue.record("effects of \(action): expected \(expected), got \(effects)", sourceLocation: sourceLocation)
        }
        if state != expectedState {
            Issue.record("state after \(action) differs:\n\(StateDiff.describe(expected: expectedState, actual: state))", sourceLocation: sourceLocation)
        }
    }

    /// Sends a command, the common case.
    public mutating func send(
        _ command: Command, effects expected: [Effect] = [], sourceLocation: SourceLocation = #_sourceLocation,
        _ update: (inout AppState) -> Void = { _ in }
    ) {
        send(.command(command), effects: expected, sourceLocation: sourceLocation, update)
    }

    /// Sends commands whose combined effect the test checks afterwards, as a whole (a form filled in, say).
    public mutating func perform(_ commands: Command...) {
        for command in commands { _ = AppReducer.reduce(&state, .command(command), environment: environment) }
    }

    /// Sends several commands whose whole effect the test checks afterwards (typing, say).
    public mutating func type(_ text: String) {
        for character in text {
            _ = AppReducer.reduce(&state, .command(.text(.insert(String(character)))), environment: environment)
        }
    }
}

/// Hands out ids in order; a class so the reducer environment's closure can advance it.
final class IDQueue: @unchecked Sendable {
    private var ids: [AccountID]
    init(_ ids: [AccountID]) { self.ids = ids }
    func next() -> AccountID {
        precondition(!ids.isEmpty, "the test did not provide enough new account ids")
        return ids.removeFirst()
    }
}

/// Names the fields of two states that differ, so a failing reducer test says what went wrong.
enum StateDiff {
    static func describe(expected: AppState, actual: AppState) -> String {
        let left = Mirror(reflecting: expected).children, right = Mirror(reflecting: actual).children
        var lines: [String] = []
        for (l, r) in zip(left, right) where String(describing: l.value) != String(describing: r.value) {
            lines.append("  \(l.label ?? "?"): expected \(l.value)\n  \(String(repeating: " ", count: (l.label ?? "?").count))       got \(r.value)")
        }
        return lines.isEmpty ? "  (states differ in a way reflection does not show)" : lines.joined(separator: "\n")
    }
}
