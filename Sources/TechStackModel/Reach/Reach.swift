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
    /// Concern id → its index in catalogue order (the first, should an id repeat).
    public let concernIndex: [String: Int]
    /// Per concern, in catalogue order: the ids it recommends.
    public let recommendedIDs: [[String]]
    /// Costs of single deviations already worked out. A cost depends only on the catalogue and
    /// the deviation, and across a portfolio the same deviations recur thousands of times.
    private let memo = Memo<CostKey, [CostItem]>()

    /// The catalogue's `requires` and access paths with ids numbered, so that reach is array
    /// work rather than hashing a string at every step (it runs several times per manifest).
    private let graph: RequirementGraph

    public init(catalogue: Catalogue) {
        self.catalogue = catalogue
        let r = catalogue.concerns.compactMap { c in c.recommended.first.map { (c.header.id, $0.value) } }
        recommendation = r
        var index: [String: Int] = [:]
        for (i, concern) in catalogue.concerns.enumerated() where index[concern.header.id] == nil { index[concern.header.id] = i }
        concernIndex = index
        recommendedIDs = catalogue.concerns.map { $0.recommended.map(\.value) }
        recommendedStack = Set(r.map(\.1))
        let graph = RequirementGraph(catalogue)
        self.graph = graph
        recommendedReach = graph.reach(recommendedStack)
        var counts = [Int](repeating: 0, count: graph.requires.count)
        var nodes: [String: Int] = [:]
        for (concern, choice) in r {
            guard let n = graph.number[choice] else { continue }
            counts[n] += 1
            nodes[concern] = n
        }
        recommendedCounts = counts
        recommendationNodes = catalogue.concerns.map { nodes[$0.header.id] ?? -1 }
        // Every id a manifest can choose that the assessment treats apart: standards and
        // components by kind, and whatever takes part in reach by its number.
        var choices: [String: Choice] = [:]
        for id in catalogue.standards.map(\.header.id) + catalogue.components.map(\.header.id) + graph.ids where choices[id] == nil {
            choices[id] = Choice(kind: catalogue.kind(of: id), node: graph.number[id] ?? -1)
        }
        self.choices = choices
        recommendedInStack = counts.map { $0 > 0 }
        recommendedReached = graph.reached(recommendedInStack)
    }

    /// For each graph node, how many concerns recommend it first: R as a multiset, so that
    /// substituting one concern keeps an id another concern still recommends.
    private let recommendedCounts: [Int]
    /// Per concern, in catalogue order: the graph node of its first recommendation, or -1
    /// (only ids that take part in reach have a node). A repeated concern id means what its
    /// last occurrence recommends, for every occurrence.
    private let recommendationNodes: [Int]
    private let choices: [String: Choice]

    /// What assessing a manifest asks of one chosen id, found with one lookup.
    public struct Choice: Sendable {
        /// Its kind in the catalogue (as `Catalogue.kind(of:)`); nil when it is no entry.
        public let kind: EntryKind?
        /// Its number in the requirement graph; -1 when it takes no part in reach.
        package let node: Int
    }

    /// `id` as a manifest's answer: nil when it is neither a standard or component nor an id
    /// reach depends on.
    public func choice(_ id: String) -> Choice? { choices[id] }
    /// Reach(R), per dataset in catalogue order.
    private let recommendedReached: [Bool]
    /// The recommended stack as numbered nodes.
    private let recommendedInStack: [Bool]

    /// A deviation on numbered ids: the concern's index in catalogue order (-1 for a concern
    /// the catalogue lacks) and the graph nodes of its answers (answers without one take no
    /// part in reach, so they change no cost).
    package struct NumberedDeviation: Sendable {
        package var concern: Int
        package var nodes: [Int]

        package init(concern: Int, nodes: [Int]) {
            self.concern = concern
            self.nodes = nodes
        }
    }

    private func numbered(_ concern: String, _ answers: [String]) -> NumberedDeviation {
        NumberedDeviation(concern: concernIndex[concern] ?? -1, nodes: answers.compactMap { graph.number[$0] })
    }

    /// Reach(R) − Reach(R[deviations]) on numbered ids: the hot path of every lint and
    /// scorecard, so it hashes nothing but the few nodes of the deviations themselves.
    private func costOfSubstitution(_ deviations: [NumberedDeviation]) -> [CostItem] {
        // Only the nodes whose membership changes, and the datasets that depend on them, are
        // looked at again: the rest of Reach(R) stays as it is. R is a multiset: a node leaves
        // the stack only when every concern that recommends it first is substituted.
        var removedCounts: [Int: Int] = [:]
        for deviation in deviations where deviation.concern >= 0 {
            let n = recommendationNodes[deviation.concern]
            if n >= 0 { removedCounts[n, default: 0] += 1 }
        }
        var inStack = recommendedInStack
        var changed: [Int] = []
        for (n, removed) in removedCounts where recommendedCounts[n] - removed <= 0 {
            inStack[n] = false
            changed.append(n)
        }
        for deviation in deviations {
            for n in deviation.nodes where !inStack[n] {
                inStack[n] = true
                changed.append(n)
            }
        }
        guard !changed.isEmpty else { return [] }
        return graph.lost(candidatesOf: changed, reachedBefore: recommendedReached, now: inStack).map { i in
            let dataset = catalogue.datasets[i]
            return CostItem(dataset: dataset.header.id, source: dataset.source.value)
        }
    }

    /// The datasets reachable from `stack`.
    public func reach(_ stack: Set<String>) -> Set<String> { graph.reach(stack) }

    /// Reach(stack) asked one dataset at a time: a manifest consumes a few of the catalogue's
    /// datasets, and working out reach for every one of them (and a set of their ids) was a
    /// large part of assessing it.
    public func reachability(ofChoicesIn manifest: Manifest) -> Reachability { Reachability(graph, ids: manifest.choices.flatMap { $0.choices.map(\.value) }) }

    public func reachability(of stack: Set<String>) -> Reachability { Reachability(graph, ids: Array(stack)) }

    /// Reachability of the stack of graph nodes `nodes` (from `choice(_:)`).
    package func reachability(ofNodes nodes: [Int]) -> Reachability { Reachability(graph, nodes: nodes) }

    /// R with the answers of some concerns substituted: R's values for every other concern,
    /// plus the substituted answers.
    public func substituted(_ deviations: [String: [String]]) -> Set<String> {
        var stack = Set(recommendation.lazy.filter { deviations[$0.concern] == nil }.map(\.choice))
        for answers in deviations.values { stack.formUnion(answers) }
        return stack
    }

    /// Reach(R) − Reach(R[c→x]): what deviating on `concern` to `answers` gives up.
    public func cost(ofDeviation concern: String, to answers: [String]) -> [CostItem] {
        cost(of: numbered(concern, answers))
    }

    /// As `cost(ofDeviation:to:)`, on numbered ids.
    package func cost(of deviation: NumberedDeviation) -> [CostItem] {
        var nodes = deviation.nodes
        if nodes.count > 1 { nodes = Array(Set(nodes)).sorted() }
        return memo.value(for: CostKey(concern: deviation.concern, nodes: nodes)) {
            costOfSubstitution([deviation])
        }
    }

    /// Reach(R) − Reach(R with every deviation substituted at once).
    public func totalCost(_ deviations: [String: [String]]) -> [CostItem] {
        totalCost(deviations.map { numbered($0.key, $0.value) })
    }

    /// As `totalCost(_:)`, on numbered ids; each concern at most once.
    package func totalCost(_ deviations: [NumberedDeviation]) -> [CostItem] {
        guard !deviations.isEmpty else { return [] }
        return costOfSubstitution(deviations)
    }

    /// With R⁺ = R ∪ {id}: Reach(R⁺) − Reach(R⁺ ∖ {id}), everything unreachable without `id`.
    ///
    /// Only the datasets whose paths name `id`, or a component that requires it, can differ
    /// between the two stacks, so only those are evaluated: a site asks this for every
    /// standard and component, and a full reach per entry would make it quadratic.
    public func cost(of id: String) -> [CostItem] {
        guard let n = graph.number[id] else { return [] }
        var plus = recommendedInStack
        plus[n] = true
        var without = plus
        without[n] = false
        return graph.lost(candidatesOf: n, with: plus, without: without).map { i in
            let dataset = catalogue.datasets[i]
            return CostItem(dataset: dataset.header.id, source: dataset.source.value)
        }
    }

    /// Datasets in catalogue order, each with its source agency.
    public func items(_ datasets: Set<String>) -> [CostItem] {
        catalogue.datasets.lazy.filter { datasets.contains($0.header.id) }
            .map { CostItem(dataset: $0.header.id, source: $0.source.value) }
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

/// A deviation in a canonical form, as a key for remembered costs: the concern, and the
/// graph nodes of its answers sorted and each once (the order of answers does not change a
/// cost, substitution being a set union, and answers outside the graph change nothing).
private struct CostKey: Hashable, Sendable {
    var concern: Int
    var nodes: [Int]
}

/// Whether one stack reaches a dataset, remembering what it has worked out between questions.
public struct Reachability {
    fileprivate let graph: RequirementGraph
    private var inStack: [Bool]
    private var state: [RequirementGraph.State]

    fileprivate init(_ graph: RequirementGraph, ids: [String]) {
        self.init(graph, nodes: ids.compactMap { graph.number[$0] })
    }

    fileprivate init(_ graph: RequirementGraph, nodes: [Int]) {
        self.graph = graph
        inStack = [Bool](repeating: false, count: graph.requires.count)
        for n in nodes { inStack[n] = true }
        state = [RequirementGraph.State](repeating: .unknown, count: graph.requires.count)
    }

    /// For a dataset out of reach: the path that lacks the fewest ids, and the ids it lacks,
    /// each path's missing ids in the order a depth-first walk of its
    /// requirements meets them.
    public func nearestPath(to dataset: Dataset) -> (path: AccessPath, missing: [String])? {
        var best: (AccessPath, [String])?
        for path in dataset.access {
            var missing: [String] = []
            var seen = [Bool](repeating: false, count: inStack.count)
            for ref in path.requires {
                // Pre-order, as a recursive walk would go, on an explicit stack.
                guard let first = graph.number[ref.value] else { continue }
                var pending = [first]
                while let next = pending.popLast() {
                    guard !seen[next] else { continue }
                    seen[next] = true
                    if !inStack[next] {
                        missing.append(graph.ids[next])
                        continue
                    }
                    pending.append(contentsOf: graph.requires[next].reversed())
                }
            }
            if best == nil || missing.count < best?.1.count ?? 0 { best = (path, missing) }
        }
        return best
    }

    /// Whether `dataset` is in Reach(stack): some catalogue dataset of that id has a satisfied path.
    public mutating func reaches(_ dataset: String) -> Bool {
        guard let indices = graph.datasetIndices[dataset] else { return false }
        for i in indices where graph.reached(i, inStack, &state) { return true }
        return false
    }
}

/// Ids numbered once per catalogue: every id a component requires or an access path names.
private final class RequirementGraph: Sendable {
    package let number: [String: Int]
    /// Number → id.
    let ids: [String]
    /// What each numbered id requires (empty unless it is a component).
    let requires: [[Int]]
    /// Per dataset, in catalogue order: its id and the ids each access path requires.
    let datasets: [(id: String, paths: [[Int]])]

    init(_ catalogue: Catalogue) {
        var number: [String: Int] = [:]
        var ids: [String] = []
        func numbered(_ id: String) -> Int {
            if let n = number[id] { return n }
            number[id] = ids.count
            ids.append(id)
            return ids.count - 1
        }
        for component in catalogue.components {
            _ = numbered(component.header.id)
            for ref in component.requires { _ = numbered(ref.value) }
        }
        datasets = catalogue.datasets.map { dataset in
            (dataset.header.id, dataset.access.map { path in path.requires.map { numbered($0.value) } })
        }
        // Through the catalogue's index, so a duplicate id means what it means everywhere else.
        requires = ids.map { id in catalogue.requires(id).compactMap { number[$0] } }
        self.number = number
        self.ids = ids
        var dependents = [[Int]](repeating: [], count: ids.count)
        for (n, needs) in requires.enumerated() { for m in needs { dependents[m].append(n) } }
        self.dependents = dependents
        var users = [[Int]](repeating: [], count: ids.count)
        for (i, dataset) in datasets.enumerated() {
            for n in Set(dataset.paths.joined()) { users[n].append(i) }
        }
        datasetsNaming = users
        var indices: [String: [Int]] = [:]
        for (i, dataset) in datasets.enumerated() { indices[dataset.id, default: []].append(i) }
        datasetIndices = indices
    }

    /// Dataset id → its indices in `datasets` (more than one only in a catalogue with duplicate ids).
    let datasetIndices: [String: [Int]]

    /// Whether dataset `i` has a satisfied path.
    func reached(_ i: Int, _ inStack: [Bool], _ state: inout [State]) -> Bool {
        datasets[i].paths.contains { $0.allSatisfy { satisfied($0, inStack, &state) } }
    }

    /// Who requires each numbered id, and which datasets (by index) name it in a path.
    let dependents: [[Int]]
    let datasetsNaming: [[Int]]

    /// The datasets (indices, ascending) whose reach can change when the nodes `changed`
    /// enter or leave the stack: those whose paths name them or anything requiring them.
    func candidates(_ changed: [Int]) -> [Int] {
        var affected = Set(changed)
        var work = changed
        while let m = work.popLast() {
            for d in dependents[m] where affected.insert(d).inserted { work.append(d) }
        }
        var candidates: Set<Int> = []
        for m in affected { candidates.formUnion(datasetsNaming[m]) }
        return candidates.sorted()
    }

    /// Datasets (indices, ascending) reached before but not with the stack `now`, evaluating
    /// only those whose reach the `changed` nodes can affect.
    func lost(candidatesOf changed: [Int], reachedBefore: [Bool], now inStack: [Bool]) -> [Int] {
        var state = [State](repeating: .unknown, count: requires.count)
        return candidates(changed).filter { i in
            reachedBefore[i] && !datasets[i].paths.contains { $0.allSatisfy { satisfied($0, inStack, &state) } }
        }
    }

    /// Datasets (indices, in catalogue order) reached with `with` but not with `without`,
    /// where the two stacks differ only in node `n`: only datasets whose paths name `n` or
    /// something that requires it, transitively, are evaluated.
    func lost(candidatesOf n: Int, with: [Bool], without: [Bool]) -> [Int] {
        let candidates = self.candidates([n])
        var stateWith = [State](repeating: .unknown, count: requires.count)
        var stateWithout = stateWith
        return candidates.filter { i in
            let paths = datasets[i].paths
            return paths.contains { $0.allSatisfy { satisfied($0, with, &stateWith) } }
                && !paths.contains { $0.allSatisfy { satisfied($0, without, &stateWithout) } }
        }
    }

    /// Whether each dataset (in catalogue order) has a satisfied path, given which nodes are in the stack.
    func reached(_ inStack: [Bool]) -> [Bool] {
        var state = [State](repeating: .unknown, count: requires.count)
        return datasets.map { dataset in dataset.paths.contains { $0.allSatisfy { satisfied($0, inStack, &state) } } }
    }

    func reach(_ stack: Set<String>) -> Set<String> {
        var inStack = [Bool](repeating: false, count: requires.count)
        for id in stack { if let n = number[id] { inStack[n] = true } }
        var state = [State](repeating: .unknown, count: requires.count)
        var reached: Set<String> = []
        for dataset in datasets where dataset.paths.contains(where: { $0.allSatisfy { satisfied($0, inStack, &state) } }) {
            reached.insert(dataset.id)
        }
        return reached
    }

    enum State: UInt8 { case unknown, visiting, yes, no }

    /// Whether id `n` is satisfied: in the stack, and everything it requires satisfied. An id
    /// still being visited counts as unsatisfied, so a (reported) cycle cannot loop forever.
    /// An explicit stack rather than recursion: a hostile catalogue and manifest can chain
    /// more components than a thread's stack has frames for.
    private func satisfied(_ n: Int, _ inStack: [Bool], _ state: inout [State]) -> Bool {
        switch state[n] {
        case .yes: return true
        case .no, .visiting: return false
        case .unknown: break
        }
        var work: [(id: Int, next: Int)] = []
        func enter(_ id: Int) -> Bool? {
            switch state[id] {
            case .yes: return true
            case .no, .visiting: return false
            case .unknown: break
            }
            guard inStack[id] else {
                state[id] = .no
                return false
            }
            state[id] = .visiting
            work.append((id, 0))
            return nil
        }
        if let known = enter(n) { return known }
        /// The answer for the frame that finished last, handed to the frame below it.
        var finished: Bool?
        while let top = work.last {
            let needs = requires[top.id]
            if finished == false || top.next == needs.count {
                let ok = finished != false
                state[top.id] = ok ? .yes : .no
                work.removeLast()
                finished = ok
                continue
            }
            work[work.count - 1].next += 1
            finished = enter(needs[top.next])
        }
        return finished ?? false
    }
}
