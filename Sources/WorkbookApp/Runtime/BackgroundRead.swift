import Dispatch
import Foundation
import WorkbookStorage

/// The full read of a workbook that was opened quickly from its list index, running on another
/// thread (the store decodes on every core) while the main loop keeps answering keys; the runtime
/// polls `take()` between events.
public final class BackgroundRead: @unchecked Sendable {
    private let lock = NSLock()
    private var outcome: Result<LoadedWorkbook, StorageError>?

    private let read: @Sendable () throws -> LoadedWorkbook
    private var started = false

    /// `read` starts with `start()`: after the first frame, so it does not compete with drawing it.
    public init(_ read: @escaping @Sendable () throws -> LoadedWorkbook) {
        self.read = read
    }

    /// Starts the read on a background queue (once).
    func start() {
        guard !started else { return }
        started = true
        let read = self.read
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let result: Result<LoadedWorkbook, StorageError>
            do {
                result = .success(try read())
            } catch let error as StorageError {
                result = .failure(error)
            } catch {
                result = .failure(StorageError(String(describing: error)))
            }
            lock.lock()
            outcome = result
            lock.unlock()
        }
    }

    /// The result once the read has finished, handed out once; nil while it runs.
    func take() -> Result<LoadedWorkbook, StorageError>? {
        lock.lock()
        defer { lock.unlock() }
        let result = outcome
        outcome = nil
        return result
    }
}
