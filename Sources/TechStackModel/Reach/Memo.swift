import Foundation

/// Values by key, computed once and shared by every thread scoring a portfolio.
package final class Memo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Key: Value] = [:]
    /// Beyond this many keys (far more than any real portfolio has), values are computed afresh
    /// rather than kept, so hostile input cannot grow the memo without bound.
    private let limit = 50_000

    package init() {}

    package func value(for key: Key, _ compute: () -> Value) -> Value {
        lock.lock()
        let known = values[key]
        lock.unlock()
        if let known { return known }
        let value = compute()
        lock.lock()
        if values.count < limit { values[key] = value }
        lock.unlock()
        return value
    }
}
