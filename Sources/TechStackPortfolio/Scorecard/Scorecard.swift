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

        var summary = Summary()
        summary.manifests = projects.count
        var agencyOrder: [String] = []
        var agencyScores: [String: AgencyScore] = [:]
        var agencyData: [String: Set<String>] = [:]
        var agencyComponents: [String: Set<String>] = [:]
        var concernScores = catalogue.concerns.map {
            ConcernScore(concern: $0.header.id, name: $0.header.name, layer: $0.layer.value, required: $0.required,
                         recommended: $0.recommended.map(\.value))
        }
        var deviatingChoices = [[String: Int]](repeating: [:], count: concernScores.count)
        var forfeitCount: [String: Int] = [:]
        var forfeitNeeded: [String: Int] = [:]
        var componentUse: [String: Int] = [:]
        var findings: ProjectScore.FindingCounts?

        for row in projects {
            if row.isError {
                summary.errors += 1
                continue
            }
            summary.projects += 1
            if agencyScores[row.agency] == nil {
                agencyOrder.append(row.agency)
                agencyScores[row.agency] = AgencyScore(agency: row.agency, name: catalogue.agency(row.agency)?.header.name)
            }
            var agency = agencyScores[row.agency] ?? AgencyScore(agency: row.agency)
            let fullyOn = row.concernsAnswered > 0 && row.deviations.isEmpty
            agency.projects += 1
            agency.concernsAnswered += row.concernsAnswered
            agency.onRecommended += row.onRecommended
            agency.fullyOnRecommended += fullyOn ? 1 : 0
            agency.deviations += row.deviations.count
            agency.projectsForfeiting += row.totalCost.isEmpty ? 0 : 1
            agency.unreachable += row.unreachable.count
            agency.missingGrants += row.missingGrants.count
            agency.activeExemptions += row.activeExemptions
            agency.expiredExemptions += row.expiredExemptions
            agencyData[row.agency, default: []].formUnion(row.totalCost.map(\.dataset))
            agencyComponents[row.agency, default: []].formUnion(row.sharedComponents)
            agencyScores[row.agency] = agency

            summary.concernsAnswered += row.concernsAnswered
            summary.onRecommended += row.onRecommended
            summary.fullyOnRecommended += fullyOn ? 1 : 0
            summary.deviations += row.deviations.count
            summary.projectsForfeiting += row.totalCost.isEmpty ? 0 : 1
            summary.unreachable += row.unreachable.count
            summary.missingGrants += row.missingGrants.count
            summary.activeExemptions += row.activeExemptions
            summary.expiredExemptions += row.expiredExemptions
            summary.componentUses += row.sharedComponents.count
            if let counts = row.findings { findings = (findings ?? .init()) + counts }

            for (i, state) in row.concernStates.enumerated() where i < concernScores.count {
                switch state {
                case .unanswered: concernScores[i].unanswered += 1
                case .recommended:
                    concernScores[i].answered += 1
                    concernScores[i].onRecommended += 1
                case .deviating:
                    concernScores[i].answered += 1
                    concernScores[i].deviating += 1
                }
            }
            for deviation in row.deviations {
                guard let i = concernIDs.firstIndex(of: deviation.concern) else { continue }
                deviatingChoices[i][deviation.choice.joined(separator: ", "), default: 0] += 1
            }
            let consumed = Set(row.consumes)
            for item in row.totalCost {
                forfeitCount[item.dataset, default: 0] += 1
                if consumed.contains(item.dataset) { forfeitNeeded[item.dataset, default: 0] += 1 }
            }
            for component in row.sharedComponents { componentUse[component, default: 0] += 1 }
        }
        summary.findings = findings

        for i in concernScores.indices {
            concernScores[i].deviatingChoices = deviatingChoices[i]
                .map { ChoiceCount(choice: $0.key, projects: $0.value) }
                .sorted { ($0.projects, $1.choice) > ($1.projects, $0.choice) }
        }
        for (id, data) in agencyData { agencyScores[id]?.datasetsForfeited = data.count }
        for (id, components) in agencyComponents { agencyScores[id]?.componentsReused = components.count }
        summary.agencies = agencyOrder.count
        summary.datasetsForfeited = forfeitCount.count
        summary.componentsReused = componentUse.count

        // Agencies by id, so the same portfolio always reads the same way.
        agencies = agencyOrder.sorted().compactMap { agencyScores[$0] }
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
    public var scoredProjects: [ProjectScore] { projects.filter { !$0.isError } }
    public var errorRows: [ProjectScore] { projects.filter(\.isError) }
}

/// `part / whole`, or nil when there is nothing to divide.
func rate(_ part: Int, of whole: Int) -> Double? { whole == 0 ? nil : Double(part) / Double(whole) }

/// Percent for people: `83%`, or `—` when there is no rate.
public func percent(_ value: Double?) -> String {
    guard let value else { return "—" }
    return "\(Int((value * 100).rounded()))%"
}
