import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel

/// Adoption of the recommended stack across a portfolio of projects: one row per manifest,
/// and the same numbers aggregated per agency and per concern.
///
/// Rates are pooled: an agency's adoption is the share of all its answered concerns that are
/// on a recommended choice, so a project answering many concerns weighs more than one
/// answering few. Error rows count as inputs but never in a rate.
public struct Scorecard: Sendable {
    public var catalogue: CatalogueInfo
    public var date: Day
    public var projects: [ProjectScore]
    /// Concerns of the catalogue, in its order: the columns of the heat map.
    public var concernIDs: [String]
    public var summary: Summary
    public var agencies: [AgencyScore]
    public var concerns: [ConcernScore]
    public var forfeited: [ForfeitedDataset]
    public var funding: [FundingShare]
    /// Levels, campaigns and the ratchet (`Programme.apply`); nil when not worked out.
    public var programme: Programme?

    public struct Summary: Sendable, Codable, Hashable {
        public var manifests = 0
        public var projects = 0
        public var errors = 0
        public var agencies = 0
        public var concernsAnswered = 0
        public var onRecommended = 0
        /// Projects that answer at least one concern and deviate on none.
        public var fullyOnRecommended = 0
        public var deviations = 0
        /// Projects whose total cost is at least one dataset.
        public var projectsForfeiting = 0
        /// Distinct datasets some project forfeits.
        public var datasetsForfeited = 0
        public var unreachable = 0
        public var missingGrants = 0
        public var activeExemptions = 0
        public var expiredExemptions = 0
        /// Distinct catalogue components in use.
        public var componentsReused = 0
        /// Times a catalogue component is chosen, over all projects.
        public var componentUses = 0
        public var findings: ProjectScore.FindingCounts?
        /// With `--observe` only (nil otherwise, and left out of JSON): answers the
        /// repositories show that the manifests do not declare, declared answers nothing
        /// shows, projects with a hidden cost, and distinct datasets hidden-forfeited.
        public var undeclared: Int?
        public var unobserved: Int?
        public var projectsWithHiddenCost: Int?
        public var datasetsHiddenForfeited: Int?

        public var adoption: Double? { rate(onRecommended, of: concernsAnswered) }
    }

    public struct AgencyScore: Sendable, Codable, Hashable {
        public var agency: String
        /// The catalogue's name for it; nil when the id is not a catalogue agency.
        public var name: String?
        public var projects = 0
        public var concernsAnswered = 0
        public var onRecommended = 0
        public var fullyOnRecommended = 0
        public var deviations = 0
        public var projectsForfeiting = 0
        public var datasetsForfeited = 0
        public var unreachable = 0
        public var missingGrants = 0
        public var activeExemptions = 0
        public var expiredExemptions = 0
        public var componentsReused = 0
        /// With `--observe` only, as in `Summary`.
        public var undeclared: Int?
        public var unobserved: Int?
        public var projectsWithHiddenCost: Int?
        public var datasetsHiddenForfeited: Int?

        public var adoption: Double? { rate(onRecommended, of: concernsAnswered) }
    }

    public struct ChoiceCount: Sendable, Codable, Hashable {
        public var choice: String
        public var projects: Int
    }

    public struct ConcernScore: Sendable, Codable, Hashable {
        public var concern: String
        public var name: String
        public var layer: String
        public var required: Bool
        public var recommended: [String]
        public var answered = 0
        public var onRecommended = 0
        public var deviating = 0
        public var unanswered = 0
        /// The non-recommended answers projects chose, most common first.
        public var deviatingChoices: [ChoiceCount] = []

        public var adoption: Double? { rate(onRecommended, of: answered) }
    }

    /// A dataset that deviations cost, with how many projects give it up.
    public struct ForfeitedDataset: Sendable, Codable, Hashable {
        public var dataset: String
        public var name: String
        public var source: String
        /// Projects whose total cost includes it.
        public var projects: Int
        /// Of those, the projects that list it in `consumes`: data they need and cannot reach.
        public var consumedBy: Int
    }

    /// The components in use under one funding model.
    public struct FundingShare: Sendable, Codable, Hashable {
        public struct ComponentUse: Sendable, Codable, Hashable {
            public var component: String
            public var projects: Int
        }

        public var model: String
        public var name: String
        public var charging: String
        /// The model it becomes at a user threshold, when it does.
        public var becomes: String?
        public var components: [ComponentUse]
        /// Times a component on this model is chosen, over all projects.
        public var uses: Int
    }

    public init(catalogue: Catalogue, date: Day, projects: [ProjectScore]) {
        self.catalogue = catalogue.info
        self.date = date
        self.projects = projects
        concernIDs = catalogue.concerns.map(\.header.id)

        // Rows are counted in runs on every core and the runs' counts added up: every figure
        // is a sum, a union or a count of distinct ids, so the order of the runs does not matter.
        let concernIndex = Dictionary(concernIDs.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let runs = min(projects.count, System.activeCores * 4)
        let bounds = (0..<runs).map { run in (projects.count * run / runs)..<(projects.count * (run + 1) / runs) }
        let tallies = ParallelMap.map(bounds, workers: System.activeCores) { [concernIDs] bounds in
            var tally = Tally(concerns: concernIDs.count)
            for row in projects[bounds] { tally.add(row, concernIndex: concernIndex) }
            return tally
        }
        var tally = Tally(concerns: concernIDs.count)
        for part in tallies { tally.merge(part) }

        var summary = tally.summary
        summary.manifests = projects.count
        var agencyScores = tally.agencies
        for id in agencyScores.keys { agencyScores[id]?.name = catalogue.agency(id)?.header.name }
        var concernScores = catalogue.concerns.map {
            ConcernScore(concern: $0.header.id, name: $0.header.name, layer: $0.layer.value, required: $0.required,
                         recommended: $0.recommended.map(\.value))
        }
        for i in concernScores.indices {
            concernScores[i].answered = tally.concerns[i].answered
            concernScores[i].onRecommended = tally.concerns[i].onRecommended
            concernScores[i].deviating = tally.concerns[i].deviating
            concernScores[i].unanswered = tally.concerns[i].unanswered
            concernScores[i].deviatingChoices = tally.deviatingChoices[i]
                .map { ChoiceCount(choice: $0.key, projects: $0.value) }
                .sorted { ($0.projects, $1.choice) > ($1.projects, $0.choice) }
        }
        for (id, data) in tally.agencyData { agencyScores[id]?.datasetsForfeited = data.count }
        for (id, components) in tally.agencyComponents { agencyScores[id]?.componentsReused = components.count }
        summary.agencies = agencyScores.count
        summary.datasetsForfeited = tally.forfeitCount.count
        summary.componentsReused = tally.componentUse.count
        let (forfeitCount, forfeitNeeded, componentUse) = (tally.forfeitCount, tally.forfeitNeeded, tally.componentUse)

        // Agencies by id, so the same portfolio always reads the same way.
        agencies = agencyScores.keys.sorted().compactMap { agencyScores[$0] }
        concerns = concernScores
        forfeited = catalogue.datasets.compactMap { dataset -> ForfeitedDataset? in
            let id = dataset.header.id
            guard let count = forfeitCount[id] else { return nil }
            return ForfeitedDataset(dataset: id, name: dataset.header.name, source: dataset.source.value,
                                    projects: count, consumedBy: forfeitNeeded[id] ?? 0)
        }
        .enumerated().sorted { ($0.element.projects, $1.offset) > ($1.element.projects, $0.offset) }.map(\.element)
        funding = catalogue.fundingModels.compactMap { model -> FundingShare? in
            let uses = catalogue.components
                .filter { $0.funding.value == model.header.id }
                .compactMap { c in componentUse[c.header.id].map { FundingShare.ComponentUse(component: c.header.id, projects: $0) } }
                .sorted { ($0.projects, $1.component) > ($1.projects, $0.component) }
            guard !uses.isEmpty else { return nil }
            return FundingShare(model: model.header.id, name: model.header.name, charging: model.charging.rawValue,
                                becomes: model.becomes?.model.value, components: uses, uses: uses.reduce(0) { $0 + $1.projects })
        }
        self.summary = summary
    }

    /// Rows the report lists: the valid projects.
    /// The rows themselves when none is an error row (a filtered copy retains every field of
    /// every row, and formats ask for these rows several times).
    public var scoredProjects: [ProjectScore] {
        projects.contains(where: \.isError) ? projects.filter { !$0.isError } : projects
    }
    public var errorRows: [ProjectScore] { projects.filter(\.isError) }
}

/// What `Scorecard.init` counts over a run of rows; runs are counted apart and merged.
private struct Tally: Sendable {
    struct ConcernCount: Sendable {
        var answered = 0, onRecommended = 0, deviating = 0, unanswered = 0
    }

    var summary = Scorecard.Summary()
    var agencies: [String: Scorecard.AgencyScore] = [:]
    var agencyData: [String: Set<String>] = [:]
    var agencyComponents: [String: Set<String>] = [:]
    var concerns: [ConcernCount]
    var deviatingChoices: [[String: Int]]
    var forfeitCount: [String: Int] = [:]
    var forfeitNeeded: [String: Int] = [:]
    var componentUse: [String: Int] = [:]

    init(concerns: Int) {
        self.concerns = Array(repeating: ConcernCount(), count: concerns)
        deviatingChoices = Array(repeating: [:], count: concerns)
    }

    mutating func add(_ row: ProjectScore, concernIndex: [String: Int]) {
        if row.isError {
            summary.errors += 1
            return
        }
        summary.count(row)
        agencies[row.agency, default: Scorecard.AgencyScore(agency: row.agency)].count(row)
        if !row.totalCost.isEmpty {
            agencyData[row.agency, default: []].formUnion(row.totalCost.lazy.map(\.dataset))
        }
        if !row.sharedComponents.isEmpty {
            agencyComponents[row.agency, default: []].formUnion(row.sharedComponents)
        }

        summary.componentUses += row.sharedComponents.count
        if let counts = row.findings { summary.findings = (summary.findings ?? .init()) + counts }

        for (i, state) in row.concernStates.enumerated() where i < concerns.count {
            switch state {
            case .unanswered: concerns[i].unanswered += 1
            case .recommended:
                concerns[i].answered += 1
                concerns[i].onRecommended += 1
            case .deviating:
                concerns[i].answered += 1
                concerns[i].deviating += 1
            }
        }
        for deviation in row.deviations {
            guard let i = concernIndex[deviation.concern] else { continue }
            deviatingChoices[i][deviation.choice.joined(separator: ", "), default: 0] += 1
        }
        for item in row.totalCost {
            forfeitCount[item.dataset, default: 0] += 1
            if row.consumes.contains(item.dataset) { forfeitNeeded[item.dataset, default: 0] += 1 }
        }
        for component in row.sharedComponents { componentUse[component, default: 0] += 1 }
    }

    mutating func merge(_ other: Tally) {
        summary.errors += other.summary.errors
        summary.add(other.summary)
        summary.componentUses += other.summary.componentUses
        if let counts = other.summary.findings { summary.findings = (summary.findings ?? .init()) + counts }
        for (id, score) in other.agencies {
            agencies[id, default: Scorecard.AgencyScore(agency: id)].add(score)
        }
        agencyData.merge(other.agencyData) { $0.union($1) }
        agencyComponents.merge(other.agencyComponents) { $0.union($1) }
        for i in concerns.indices {
            concerns[i].answered += other.concerns[i].answered
            concerns[i].onRecommended += other.concerns[i].onRecommended
            concerns[i].deviating += other.concerns[i].deviating
            concerns[i].unanswered += other.concerns[i].unanswered
            deviatingChoices[i].merge(other.deviatingChoices[i], uniquingKeysWith: +)
        }
        forfeitCount.merge(other.forfeitCount, uniquingKeysWith: +)
        forfeitNeeded.merge(other.forfeitNeeded, uniquingKeysWith: +)
        componentUse.merge(other.componentUse, uniquingKeysWith: +)
    }
}

/// The counts a portfolio's summary and each agency keep alike: one definition of how a
/// row is counted and of how two runs' counts add up.
private protocol ProjectCounts {
    var projects: Int { get set }
    var concernsAnswered: Int { get set }
    var onRecommended: Int { get set }
    var fullyOnRecommended: Int { get set }
    var deviations: Int { get set }
    var projectsForfeiting: Int { get set }
    var unreachable: Int { get set }
    var missingGrants: Int { get set }
    var activeExemptions: Int { get set }
    var expiredExemptions: Int { get set }
}

extension ProjectCounts {
    /// Counts one scored row (not an error row).
    mutating func count(_ row: ProjectScore) {
        projects += 1
        concernsAnswered += row.concernsAnswered
        onRecommended += row.onRecommended
        fullyOnRecommended += row.concernsAnswered > 0 && row.deviations.isEmpty ? 1 : 0
        deviations += row.deviations.count
        projectsForfeiting += row.totalCost.isEmpty ? 0 : 1
        unreachable += row.unreachable.count
        missingGrants += row.missingGrants.count
        activeExemptions += row.activeExemptions
        expiredExemptions += row.expiredExemptions
    }

    /// Adds the counts of another run's rows.
    mutating func add(_ other: Self) {
        projects += other.projects
        concernsAnswered += other.concernsAnswered
        onRecommended += other.onRecommended
        fullyOnRecommended += other.fullyOnRecommended
        deviations += other.deviations
        projectsForfeiting += other.projectsForfeiting
        unreachable += other.unreachable
        missingGrants += other.missingGrants
        activeExemptions += other.activeExemptions
        expiredExemptions += other.expiredExemptions
    }
}

extension Scorecard.Summary: ProjectCounts {}
extension Scorecard.AgencyScore: ProjectCounts {}

/// `part / whole`, or nil when there is nothing to divide.
func rate(_ part: Int, of whole: Int) -> Double? { whole == 0 ? nil : Double(part) / Double(whole) }

/// Percent for people: `83%`, or `—` when there is no rate.
public func percent(_ value: Double?) -> String {
    guard let value else { return "—" }
    return "\(Int((value * 100).rounded()))%"
}
