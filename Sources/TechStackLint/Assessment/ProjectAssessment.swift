import TechStackEvidence
import TechStackModel

/// Everything the catalogue says about one manifest, worked out once: its deviations with
/// their single costs, its total cost, the consumed data it cannot reach (with the nearest
/// path), its missing grants and its exemptions.
///
/// The linter renders findings from it and the scorecard counts it, so `lint` and
/// `scorecard` can never disagree about a project (they once did: one counted a dataset
/// consumed twice as two unreachable datasets, the other as one).
public struct ProjectAssessment: Sendable {
    /// A concern answered with catalogue ids none of which is recommended.
    public struct Deviation: Sendable {
        public var concern: String
        /// The answers that are standards or components of the catalogue (others are unknown
        /// references and take no part), with where they were written.
        public var choice: [Located<String>]
        public var recommended: [String]
        /// Reach(R) − Reach(R[concern → choice]).
        public var cost: [CostItem]

        public var choiceIDs: [String] { choice.map(\.value) }
    }

    /// A consumed dataset outside Reach(project's stack).
    public struct Unreachable: Sendable {
        public var dataset: Located<String>
        public var source: String
        /// The access path that lacks the fewest ids, and those ids; nil when the dataset has no path.
        public var nearest: (path: AccessPath, missing: [String])?
    }

    /// A consumed dataset that needs a grant from another agency, with none recorded.
    public struct MissingGrant: Sendable {
        public var dataset: Located<String>
        /// The dataset's source agency, whose grant process applies.
        public var agency: String
    }

    /// How a project stands on one concern.
    public enum ConcernState: UInt8, Sendable, Codable {
        case unanswered = 0, recommended = 1, deviating = 2
    }

    /// Concerns answered with at least one catalogue standard or component.
    public var concernsAnswered = 0
    /// Of those, the ones answered with a recommended id.
    public var onRecommended = 0
    /// One state per catalogue concern, in catalogue order.
    public var concernStates: [ConcernState] = []
    /// In the order the manifest answers them.
    public var deviations: [Deviation] = []
    /// Reach(R) − Reach(R with every deviation substituted at once).
    public var totalCost: [CostItem] = []
    /// Consumed catalogue datasets, each once, in the order first consumed.
    public var consumes: [Located<String>] = []
    public var unreachable: [Unreachable] = []
    public var missingGrants: [MissingGrant] = []
    /// Chosen ids that are catalogue components, each once, in the order first chosen.
    public var sharedComponents: [String] = []
    /// Exemptions valid on the day of the assessment (through their `expires` day).
    public var activeExemptions: [Manifest.Exemption] = []
    public var expiredExemptions: [Manifest.Exemption] = []

    public init(_ manifest: Manifest, reach: Reach, today: Day) {
        // Every scorecard runs this once per manifest, so it looks each id up once and copies
        // no catalogue entry.
        let catalogue = reach.catalogue
        let index = reach.concernIndex
        concernStates = [ConcernState](repeating: .unanswered, count: catalogue.concerns.count)
        var substituted: [Reach.NumberedDeviation] = []
        let refs = manifest.choices.reduce(0) { $0 + $1.choices.count }
        /// The graph nodes of every id chosen: the stack whose reach consumed data is asked of.
        var stack: [Int] = []
        stack.reserveCapacity(refs)
        sharedComponents.reserveCapacity(refs)
        var components = SeenOnce()
        for answer in manifest.choices {
            // Ids that are no standard or component take no part in adoption or cost: a
            // misspelt answer is an unknown reference, not also a deviation. The answers are
            // gathered into lists only for a deviation, the one case that keeps them.
            let concern = index[answer.concern.value]
            let recommended = concern.map { reach.recommendedIDs[$0] } ?? []
            var anyKnown = false, onAnyRecommended = false
            for ref in answer.choices {
                guard let choice = reach.choice(ref.value) else { continue }
                if choice.node >= 0 { stack.append(choice.node) }
                switch choice.kind {
                case .components?:
                    if components.insert(ref.value, notIn: sharedComponents) { sharedComponents.append(ref.value) }
                case .standards?:
                    break
                default:
                    continue
                }
                anyKnown = true
                if !onAnyRecommended && recommended.contains(ref.value) { onAnyRecommended = true }
            }
            guard let i = concern, concernStates[i] == .unanswered, anyKnown else { continue }
            concernsAnswered += 1
            if onAnyRecommended {
                onRecommended += 1
                concernStates[i] = .recommended
            } else {
                concernStates[i] = .deviating
                var known: [Located<String>] = []
                var nodes: [Int] = []
                for ref in answer.choices {
                    guard let choice = reach.choice(ref.value), choice.kind == .components || choice.kind == .standards else { continue }
                    known.append(ref)
                    if choice.node >= 0 { nodes.append(choice.node) }
                }
                let deviation = Reach.NumberedDeviation(concern: i, nodes: nodes)
                substituted.append(deviation)
                deviations.append(Deviation(concern: catalogue.concerns[i].header.id, choice: known, recommended: recommended,
                                            cost: reach.cost(of: deviation)))
            }
        }
        // With one deviation, substituting them all at once is substituting that one.
        totalCost = deviations.count == 1 ? deviations[0].cost : reach.totalCost(substituted)

        let data = ConsumedData(manifest, reach: reach, stack: stack)
        consumes = data.consumes
        unreachable = data.unreachable
        missingGrants = data.missingGrants
        for exemption in manifest.exemptions {
            if exemption.expires < today { expiredExemptions.append(exemption) } else { activeExemptions.append(exemption) }
        }
    }
}

extension ProjectAssessment {
    /// The consumed data of a manifest: each consumed catalogue dataset once, those outside
    /// Reach(project's stack) with the nearest path, and those that need a grant the manifest
    /// does not record. The assessment and the grant plans both read it, so `grants` calls a
    /// grant missing exactly when `lint` and `scorecard` do.
    public struct ConsumedData: Sendable {
        /// Consumed catalogue datasets, each once, in the order first consumed.
        public var consumes: [Located<String>] = []
        public var unreachable: [Unreachable] = []
        public var missingGrants: [MissingGrant] = []

        /// The stack is every chosen id of the manifest.
        public init(_ manifest: Manifest, reach: Reach) {
            let stack = manifest.choices.flatMap { answer in
                answer.choices.compactMap { reach.choice($0.value)?.node }.filter { $0 >= 0 }
            }
            self.init(manifest, reach: reach, stack: stack)
        }

        /// `stack`: the graph nodes of every chosen id (`Reach.choice`).
        package init(_ manifest: Manifest, reach: Reach, stack: [Int]) {
            let catalogue = reach.catalogue
            var reachability: Reachability?
            var grantKeys: Set<String>?
            var seen = SeenOnce()
            var consumedIDs: [String] = []
            for consumed in manifest.consumes {
                guard let dataset = catalogue.dataset(consumed.value), seen.insert(consumed.value, notIn: consumedIDs) else { continue }
                consumedIDs.append(consumed.value)
                consumes.append(consumed)
                if reachability == nil { reachability = reach.reachability(ofNodes: stack) }
                let source = dataset.source.value
                if reachability?.reaches(consumed.value) != true {
                    unreachable.append(Unreachable(dataset: consumed, source: source, nearest: reachability?.nearestPath(to: dataset)))
                }
                // A grant is needed from another agency, and recorded under the dataset's id or its source's.
                if dataset.grantRequired, source != manifest.agency.value {
                    let keys = grantKeys ?? Set(manifest.grants.map(\.key.value))
                    grantKeys = keys
                    if !keys.contains(consumed.value), !keys.contains(source) {
                        missingGrants.append(MissingGrant(dataset: consumed, agency: source))
                    }
                }
            }
        }
    }
}

/// Whether an id is met for the first time, for lists that keep each id once: a few ids are
/// compared one by one (most manifests choose a handful of components and consume a few
/// datasets), many are hashed, so a hostile manifest of thousands stays linear.
private struct SeenOnce {
    private var set: Set<String>?

    /// True when `id` is not in `list` (the ids kept so far), which the caller then appends it to.
    mutating func insert(_ id: String, notIn list: [String]) -> Bool {
        if set == nil, list.count < 16 { return !list.contains(id) }
        if set == nil { set = Set(list) }
        return set?.insert(id).inserted ?? true
    }
}
