import Foundation

public enum System {
    /// Cores this process may run on, asked once (Foundation reads it from the system each time).
    public static let activeCores = ProcessInfo.processInfo.activeProcessorCount
}

/// Results written from several threads, each to its own indices, read once all are done.
/// One slot per result, each written by exactly one worker: results of a parallel loop kept
/// in input order (the scorecard, the site, the impact of a catalogue change).
package final class Slots<T>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<T?>

    package init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    package func set(_ index: Int, _ value: T) { storage[index] = value }

    package func values() -> [T] { storage.compactMap { $0 } }
}
