import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel

/// Grant plans: per project and per source agency, the consumed datasets that need that
/// agency's grant, each granted, missing or not needed, with the agency's grant process; over a
/// portfolio, how many projects wait on each agency.
///
/// "Needs a grant" is the `missing-grant` rule's definition (SPEC §4): a consumed dataset with
/// `grant-required` (the default) whose source is not the project's own agency; the grant is
/// recorded under `grants`, keyed by the dataset or by the source agency.
public struct GrantPlan: Sendable {
    public enum Status: String, Sendable, Codable {
        case granted, missing
        case notNeeded = "not-needed"
    }

    public struct Item: Sendable, Codable, Hashable {
        public var dataset: String
        public var name: String
        public var status: Status
        /// Why no grant is needed: `open data` or `own agency`.
        public var reason: String?
        /// The grant reference, when granted.
        public var reference: String?
        /// Whether the project's stack reaches the dataset: a missing grant on reachable data
        /// is the only thing between the project and the data.
        public var reachable: Bool
    }

    public struct AgencyGroup: Sendable, Hashable {
        public var agency: String
        public var name: String?
        public var process: GrantProcess?
        public var items: [Item]
    }

    public struct Project: Sendable {
        public var path: String
        public var project: String
        public var agency: String
        public var groups: [AgencyGroup]
        public var problem: ProjectScore.Problem?

        public var missing: Int { groups.reduce(0) { $0 + $1.items.filter { $0.status == .missing }.count } }
    }

    /// One source agency over the portfolio.
    public struct Wait: Sendable, Hashable {
        public var agency: String
        public var name: String?
        public var process: GrantProcess?
        /// Projects with at least one missing grant from this agency.
        public var projectsWaiting: Int
        public var missingGrants: Int
        /// Missing grants whose data the project's stack already reaches: (manifest, dataset).
        public var blockingReachable: [Blocked]
    }

    public struct Blocked: Sendable, Hashable, Codable {
        public var path: String
        public var dataset: String
    }

    public var catalogue: CatalogueInfo
    public var projects: [Project]
    /// Every source agency some project needs a grant from, most waited on first.
    public var waits: [Wait]

    public var missingCount: Int { projects.reduce(0) { $0 + $1.missing } }
    public var errorCount: Int { projects.filter { $0.problem != nil }.count }

    /// The plan of every manifest below `paths` (folders searched like `scorecard`).
    public static func make(paths: [String], catalogue: Catalogue, reach: Reach? = nil) -> GrantPlan {
        let reach = reach ?? Reach(catalogue: catalogue)
        var projects: [Project] = []
        for input in Portfolio.inputs(paths) {
            switch input {
            case .problem(let d):
                projects.append(Project(path: d.path, project: "", agency: "", groups: [], problem: .init(diagnostics: [d])))
            case .manifest(let path), .found(let path):
                switch input.load() {
                case .failure(let list):
                    let errors = list.items.filter { $0.severity == .error }
                    projects.append(Project(path: path, project: "", agency: "", groups: [],
                                            problem: .init(diagnostics: errors.isEmpty ? list.items : errors)))
                case .success(let manifest):
                    var project = plan(manifest, catalogue: catalogue, reach: reach)
                    project.path = path
                    projects.append(project)
                }
            }
        }
        return GrantPlan(catalogue: catalogue.info, projects: projects, waits: waits(projects))
    }

    static func plan(_ manifest: Manifest, catalogue: Catalogue, reach: Reach) -> Project {
        // Which grants are missing and which data is out of reach come from the assessment's
        // reading of the consumed data; the plan adds what is recorded and why none is needed.
        let data = ProjectAssessment.ConsumedData(manifest, reach: reach)
        let missing = Set(data.missingGrants.map(\.dataset.value))
        let unreachable = Set(data.unreachable.map(\.dataset.value))
        let grants = Dictionary(manifest.grants.map { ($0.key.value, $0.reference) }, uniquingKeysWith: { first, _ in first })
        let own = manifest.agency.value
        var order: [String] = []
        var items: [String: [Item]] = [:]
        for consumed in data.consumes {
            guard let dataset = catalogue.dataset(consumed.value) else { continue }
            let source = dataset.source.value
            var item = Item(dataset: consumed.value, name: dataset.header.name, status: .missing,
                            reachable: !unreachable.contains(consumed.value))
            if missing.contains(consumed.value) {
                // Stays missing.
            } else if !dataset.grantRequired {
                item.status = .notNeeded
                item.reason = "open data"
            } else if source == own {
                item.status = .notNeeded
                item.reason = "own agency"
            } else {
                item.status = .granted
                item.reference = grants[consumed.value] ?? grants[source]
            }
            if items[source] == nil { order.append(source) }
            items[source, default: []].append(item)
        }
        let groups = order.map { id in
            AgencyGroup(agency: id, name: catalogue.agency(id)?.header.name, process: catalogue.agency(id)?.grantProcess, items: items[id] ?? [])
        }
        return Project(path: manifest.path, project: manifest.project.value, agency: own, groups: groups, problem: nil)
    }

    static func waits(_ projects: [Project]) -> [Wait] {
        var byAgency: [String: Wait] = [:]
        for project in projects {
            for group in project.groups {
                var wait = byAgency[group.agency] ?? Wait(agency: group.agency, name: group.name, process: group.process,
                                                          projectsWaiting: 0, missingGrants: 0, blockingReachable: [])
                let missing = group.items.filter { $0.status == .missing }
                let needed = group.items.contains { $0.status != .notNeeded }
                guard needed else { continue }
                wait.projectsWaiting += missing.isEmpty ? 0 : 1
                wait.missingGrants += missing.count
                wait.blockingReachable += missing.filter(\.reachable).map { Blocked(path: project.path, dataset: $0.dataset) }
                byAgency[group.agency] = wait
            }
        }
        return byAgency.values.sorted { ($1.projectsWaiting, $0.agency) < ($0.projectsWaiting, $1.agency) }
    }
}

extension GrantProcess: Hashable {
    public static func == (a: GrantProcess, b: GrantProcess) -> Bool { a.summary == b.summary && a.url == b.url }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(summary)
        hasher.combine(url)
    }
}
