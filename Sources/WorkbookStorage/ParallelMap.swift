import Dispatch
import Foundation

/// Work split over the cores in a few chunks per core (so uneven items still keep every core busy),
/// each result written to its own slot: the order of the results never depends on which thread
/// finishes first.
enum ParallelMap {
    /// `transform(0..<count)`, in order. `chunksPerCore` 0 runs on the calling thread only (for
    /// small inputs, where starting threads costs more than it saves).
    static func map<T>(_ count: Int, chunksPerCore: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer { slots.deallocate() }
        let chunks = chunksPerCore == 0 ? 1 : min(count, max(1, ProcessInfo.processInfo.activeProcessorCount * chunksPerCore))
        let size = (count + chunks - 1) / chunks
        let box = Slots(slots: slots)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            // With sizes rounded up, the last chunks can be empty (10 items in 8 chunks of 2).
            let start = chunk * size, end = min(count, start + size)
            guard start < end else { return }
            for index in start..<end { box.slots[index] = transform(index) }
        }
        // Moved out of the slots, not copied: a result may hold a whole account.
        return (0..<count).map { index in (slots.baseAddress! + index).move()! }
    }

    /// `perCore` chunks for `count` light items (an `lstat`, a line of the list index), or 0 below a
    /// few hundred, where starting threads costs more than it saves (at 1,000 files threads save ~1 ms).
    static func chunksPerCore(_ perCore: Int, forLightItems count: Int) -> Int {
        count < 500 ? 0 : perCore
    }
}

/// The result slots shared by the threads of `ParallelMap`; each thread writes only its own indices.
private struct Slots<T>: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<T?>
}
