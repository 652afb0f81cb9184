import Foundation

/// `inputs.map(body)` on every core, keeping the order: each worker takes a run of inputs and
/// writes only its own slots.
package enum ParallelMap {
    package static func map<In: Sendable, Out: Sendable>(_ inputs: [In], workers: Int, _ body: @Sendable (In) -> Out) -> [Out] {
        let count = inputs.count
        guard count > 0 else { return [] }
        let slots = Slots<Out>(count: count)
        // Many small runs rather than one per worker: the workers that finish first take the
        // runs left, so no core waits long at the end for the last, slowest run.
        let chunks = min(count, max(1, workers) * 64)
        inputs.withUnsafeBufferPointer { buffer in
            let shared = Shared(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let start = count * chunk / chunks
                let end = count * (chunk + 1) / chunks
                for i in start..<end { slots.set(i, body(shared.buffer[i])) }
            }
        }
        return slots.values()
    }

    private struct Shared<T>: @unchecked Sendable {
        let buffer: UnsafeBufferPointer<T>
    }
}
