import Foundation

/// Reach and cost, exactly as the product contract defines them.
///
/// - An id is *satisfied* by a stack when it is in the stack and, for a component, every id
///   it `requires` is satisfied (transitively).
/// - An access path is satisfied when every id it `requires` is satisfied.
/// - Reach(S) is the set of datasets with at least one satisfied path.
/// - R maps every concern to its first recommended id; the recommended stack is R's values.
public struct Reach: Sendable {
    public let catalogue: Catalogue
    /// R: concern id → its first recommended id, in catalogue order.
    public let recommendation: [(concern: String, choice: String)]
    public let recommendedStack: Set<String>
    /// Reach(R), computed once.
    public let recommendedReach: Set<String>
    /// Costs already worked out. A cost depends only on the catalogue and the deviations, and
    /// across a portfolio the same deviations recur thousands of times.
    private let memo = CostMemo()

    public init(catalogue: Catalogue) {
        self.catalogue = catalogue
        let r = catalogue.concerns.compactMap { c in c.recommended.first.map { (c.header.id, $0.value) } }
        recommendation = r
        recommendedStack = Set(r.map(\.1))
        recommendedReach = Self.reach(recommendedStack, in: catalogue)
    }

    /// The datasets reachable from `stack`.
    public func reach(_ stack: Set<String>) -> Set<String> { Self.reach(stack, in: catalogue) }

    static func reach(_ stack: Set<String>, in catalogue: Catalogue) -> Set<String> {
        var memo: [String: Bool] = [:]
        var reached: Set<String> = []
        for dataset in catalogue.datasets {
            let ok = dataset.access.contains { path in
                path.requires.allSatisfy { satisfied($0.value, stack, catalogue, &memo) }
            }
            if ok { reached.insert(dataset.header.id) }
        }
        return reached
    }

    /// Whether `id` is satisfied by `stack`. An id still being visited counts as unsatisfied,
    /// so a (reported) cycle in `requires` cannot loop forever.
    ///
    /// A depth-first walk with an explicit stack rather than recursion: a hostile catalogue and
    /// manifest can chain more components than a thread's stack has frames for.
    static func satisfied(_ id: String, _ stack: Set<String>, _ catalogue: Catalogue, _ memo: inout [String: Bool]) -> Bool {
        if let known = memo[id] { return known }
        var work: [(id: String, requires: [String], next: Int)] = []
        /// The answer when it is already known; nil when `id` was pushed to be worked out.
        func enter(_ id: String) -> Bool? {
            if let known = memo[id] { return known }
            guard stack.contains(id) else {
                memo[id] = false
                return false
            }
            memo[id] = false
            work.append((id, catalogue.requires(id), 0))
            return nil
        }
        if let known = enter(id) { return known }
        /// The answer for the frame that finished last, handed to the frame below it.
        var finished: Bool?
        while let top = work.last {
            if finished == false || top.next == top.requires.count {
                let ok = finished != false
                memo[top.id] = ok
                work.removeLast()
                finished = ok
                continue
            }
            let required = top.requires[top.next]
            work[work.count - 1].next += 1
            finished = enter(required)
        }
        return finished ?? false
    }

    /// R with the answers of some concerns substituted: R's values for every other concern,
    /// plus the substituted answers.
    public func substituted(_ deviations: [String: [String]]) -> Set<String> {
        var stack = Set(recommendation.lazy.filter { deviations[$0.concern] == nil }.map(\.choice))
        for answers in deviations.values { stack.formUnion(answers) }
        return stack
    }

    /// Reach(R) − Reach(R[c→x]): what deviating on `concern` to `answers` gives up.
    public func cost(ofDeviation concern: String, to answers: [String]) -> [CostItem] {
        memo.value(for: CostMemo.key([concern: answers])) {
            items(recommendedReach.subtracting(reach(substituted([concern: answers]))))
        }
    }

    /// Reach(R) − Reach(R with every deviation substituted at once).
    public func totalCost(_ deviations: [String: [String]]) -> [CostItem] {
        guard !deviations.isEmpty else { return [] }
        return memo.value(for: CostMemo.key(deviations)) {
            items(recommendedReach.subtracting(reach(substituted(deviations))))
        }
    }

    /// With R⁺ = R ∪ {id}: Reach(R⁺) − Reach(R⁺ ∖ {id}), everything unreachable without `id`.
    public func cost(of id: String) -> [CostItem] {
        var plus = recommendedStack
        plus.insert(id)
        var without = plus
        without.remove(id)
        return items(reach(plus).subtracting(reach(without)))
    }

    /// The datasets `id` helps to reach: those in Reach(R⁺) that need it.
    public func unlocks(_ id: String) -> [CostItem] { cost(of: id) }

    /// Datasets in catalogue order, each with its source agency.
    public func items(_ datasets: Set<String>) -> [CostItem] {
        catalogue.datasets.lazy.filter { datasets.contains($0.header.id) }
            .map { CostItem(dataset: $0.header.id, source: $0.source.value) }
    }

    /// For an unreachable dataset: the path that lacks the fewest ids, and the ids it lacks.
    public func nearestPath(to dataset: Dataset, from stack: Set<String>) -> (path: AccessPath, missing: [String])? {
        var best: (AccessPath, [String])?
        for path in dataset.access {
            var missing: [String] = []
            var memo: [String: Bool] = [:]
            for ref in path.requires { collectMissing(ref.value, stack, &missing, &memo) }
            if best == nil || missing.count < best?.1.count ?? 0 { best = (path, missing) }
        }
        return best
    }

    private func collectMissing(_ id: String, _ stack: Set<String>, _ missing: inout [String], _ seen: inout [String: Bool]) {
        // Pre-order, as a recursive walk would go, but on an explicit stack (see `satisfied`).
        var pending = [id]
        while let next = pending.popLast() {
            guard seen[next] == nil else { continue }
            seen[next] = true
            if !stack.contains(next) {
                missing.append(next)
                continue
            }
            pending.append(contentsOf: catalogue.requires(next).reversed())
        }
    }
}

/// A dataset a deviation gives up, with the agency answerable for it.
public struct CostItem: Sendable, Hashable, Codable {
    public var dataset: String
    public var source: String

    public init(dataset: String, source: String) {
        self.dataset = dataset
        self.source = source
    }
}

/// Costs by the deviations they were computed for, shared by every thread scoring a portfolio.
private final class CostMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var costs: [String: [CostItem]] = [:]

    /// The deviations in a canonical form: the order of concerns and of answers does not
    /// change a cost (substitution is a set union).
    static func key(_ deviations: [String: [String]]) -> String {
        deviations.keys.sorted().map { concern in
            concern + "\u{1}" + (deviations[concern] ?? []).sorted().joined(separator: "\u{1}")
        }.joined(separator: "\u{2}")
    }

    func value(for key: String, _ compute: () -> [CostItem]) -> [CostItem] {
        lock.lock()
        let known = costs[key]
        lock.unlock()
        if let known { return known }
        // Computed outside the lock: two threads may both compute a new key, with equal results.
        let value = compute()
        lock.lock()
        costs[key] = value
        lock.unlock()
        return value
    }
}
