import Dispatch
import Foundation
import WorkbookModel

/// Work done on another thread while the main loop keeps answering keys (working out the health of
/// every summary-only account for a new day); the runtime polls `take()` between events.
public final class BackgroundTask<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var outcome: Value?

    private let work: @Sendable () -> Value
    private var started = false

    /// `work` starts with `start()`: after the first frame, so it does not compete with drawing it.
    public init(_ work: @escaping @Sendable () -> Value) {
        self.work = work
    }

    /// Starts the work on a background queue (once).
    func start() {
        guard !started else { return }
        started = true
        let work = self.work
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let value = work()
            lock.lock()
            outcome = value
            lock.unlock()
        }
    }

    /// The result once the work has finished, handed out once; nil while it runs.
    func take() -> Value? {
        lock.lock()
        defer { lock.unlock() }
        let value = outcome
        outcome = nil
        return value
    }
}

/// The health and flags of summary-only accounts, worked out again in the background.
typealias HealthWork = BackgroundTask<[AccountID: AccountDigest]>

/// The list order's keys, built in the background after an open from the list index.
typealias ListOrderWork = BackgroundTask<AccountListOrder>

/// Works out the digests of these accounts for a day under these settings (the store reads their
/// files on every core); runs on a background thread.
public typealias HealthWorker = @Sendable ([AccountID], CalendarDate, WorkbookSettings) -> [AccountID: AccountDigest]
