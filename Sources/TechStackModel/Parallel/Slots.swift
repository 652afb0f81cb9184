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

    /// The results, moved out rather than copied (a copy of a large struct retains each of its
    /// fields, and the slots' own copies would then be released); call it once.
    package func values() -> [T] {
        var values: [T] = []
        values.reserveCapacity(storage.count)
        guard let base = storage.baseAddress else { return values }
        for i in storage.indices {
            if let value = (base + i).move() { values.append(value) }
            (base + i).initialize(to: nil)
        }
        return values
    }
}
