import Foundation
import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel

/// What a catalogue change does to a portfolio (README, "the impact of a catalogue change"): every manifest linted and scored
/// against both catalogues, the findings that appear and disappear, and total cost before and
/// after, per project and per agency, the projects most affected first.
public struct PortfolioImpact: Sendable, Codable {
    /// A finding, identified by what it is about rather than by its wording (a renamed entry
    /// changes the message, not the finding).
    public struct FindingRef: Sendable, Codable, Hashable {
        public var rule: String
        public var severity: Severity
        public var concern: String?
        public var dataset: String?
        public var choice: [String]?
        public var line: Int
        public var column: Int
        public var message: String

        init(_ f: Finding) {
            rule = f.rule
            severity = f.severity
            concern = f.concern
            dataset = f.dataset
            choice = f.choice
            line = f.line
            column = f.column
            message = f.message
        }

        struct Key: Hashable {
            var rule: String, severity: Severity, concern: String?, dataset: String?, choice: [String]?, line: Int, column: Int
        }

        var key: Key { Key(rule: rule, severity: severity, concern: concern, dataset: dataset, choice: choice, line: line, column: column) }
    }

    public struct Project: Sendable, Codable {
        public var path: String
        public var project: String
        public var agency: String
        /// Findings with the new catalogue that the old one did not give.
        public var appeared: [FindingRef]
        /// Findings with the old catalogue that the new one no longer gives.
        public var disappeared: [FindingRef]
        public var costBefore: [CostItem]
        public var costAfter: [CostItem]
        /// Why the manifest could not be used (`path:line:col: error: …`); nil when it was.
        public var error: String?

        /// Datasets the project now forfeits, and those it no longer forfeits.
        public var costChange: (gained: [CostItem], regained: [CostItem]) {
            let before = Set(costBefore.map(\.dataset)), after = Set(costAfter.map(\.dataset))
            return (costAfter.filter { !before.contains($0.dataset) }, costBefore.filter { !after.contains($0.dataset) })
        }

        public var gainsError: Bool { appeared.contains { $0.severity == .error } }
        public var isAffected: Bool {
            error != nil || !appeared.isEmpty || !disappeared.isEmpty
                || Set(costBefore.map(\.dataset)) != Set(costAfter.map(\.dataset))
        }

        /// Most affected first: new errors, then the change in total cost, then findings changed.
        static func moreAffected(_ a: Project, _ b: Project) -> Bool {
            func weight(_ p: Project) -> (Int, Int, Int, Int) {
                (p.error == nil ? 0 : 1, p.appeared.filter { $0.severity == .error }.count,
                 abs(p.costAfter.count - p.costBefore.count), p.appeared.count + p.disappeared.count)
            }
            let x = weight(a), y = weight(b)
            if x != y { return x > y }
            return a.path < b.path
        }
    }

    public struct AgencySummary: Sendable, Codable, Hashable {
        public var agency: String
        public var projects = 0
        public var affected = 0
        public var gainingErrors = 0
        public var appeared = 0
        public var disappeared = 0
        /// Datasets forfeited, summed over the agency's projects.
        public var costBefore = 0
        public var costAfter = 0
    }

    public struct Summary: Sendable, Codable, Hashable {
        public var manifests = 0
        public var affected = 0
        public var unaffected = 0
        public var errors = 0
        public var gainingErrors = 0
        public var appeared = 0
        public var disappeared = 0
        public var costBefore = 0
        public var costAfter = 0
    }

    /// The affected projects (and those that could not be read), most affected first.
    public var projects: [Project]
    public var agencies: [AgencySummary]
    public var summary: Summary

    /// Lints and scores every manifest below `paths` against both catalogues, on every core.
    /// Each manifest is read and parsed once; only what differs is kept.
    public static func make(paths: [String], old: Linter, new: Linter, workers: Int = System.activeCores) -> PortfolioImpact {
        let oldMetrics = ScorecardMetrics(catalogue: old.catalogue, reach: old.reach, today: old.today, rules: old.rules)
        let newMetrics = ScorecardMetrics(catalogue: new.catalogue, reach: new.reach, today: new.today, rules: new.rules)
        let inputs = Portfolio.inputs(paths)
        let rows: [Project] = ParallelMap.map(inputs, workers: workers) { input in
            switch input {
            case .problem(let d):
                return Project(path: d.path, project: "", agency: "", appeared: [], disappeared: [], costBefore: [], costAfter: [],
                               error: d.description)
            case .manifest(let path), .found(let path):
                switch input.load() {
                case .failure(let diagnostics):
                    let first = diagnostics.errors.first ?? diagnostics.items.first
                    let more = diagnostics.errors.count > 1 ? " (and \(diagnostics.errors.count - 1) more)" : ""
                    return Project(path: path, project: "", agency: "", appeared: [], disappeared: [], costBefore: [], costAfter: [],
                                   error: (first?.description ?? "\(path):1:1: error: the manifest could not be used") + more)
                case .success(let manifest):
                    let before = old.lint(manifest).findings.map(FindingRef.init)
                    let after = new.lint(manifest).findings.map(FindingRef.init)
                    let (appeared, disappeared) = difference(before, after)
                    return Project(path: path, project: manifest.project.value, agency: manifest.agency.value,
                                   appeared: appeared, disappeared: disappeared,
                                   costBefore: oldMetrics.score(manifest).totalCost, costAfter: newMetrics.score(manifest).totalCost)
                }
            }
        }
        var summary = Summary()
        var agencies: [String: AgencySummary] = [:]
        var affected: [Project] = []
        for row in rows {
            summary.manifests += 1
            if row.error != nil {
                summary.errors += 1
                affected.append(row)
                continue
            }
            var agency = agencies[row.agency] ?? AgencySummary(agency: row.agency)
            agency.projects += 1
            agency.costBefore += row.costBefore.count
            agency.costAfter += row.costAfter.count
            summary.costBefore += row.costBefore.count
            summary.costAfter += row.costAfter.count
            if row.isAffected {
                affected.append(row)
                summary.affected += 1
                agency.affected += 1
                agency.appeared += row.appeared.count
                agency.disappeared += row.disappeared.count
                summary.appeared += row.appeared.count
                summary.disappeared += row.disappeared.count
                if row.gainsError {
                    summary.gainingErrors += 1
                    agency.gainingErrors += 1
                }
            } else {
                summary.unaffected += 1
            }
            agencies[row.agency] = agency
        }
        let agencyList = agencies.values.sorted { a, b in
            if a.gainingErrors != b.gainingErrors { return a.gainingErrors > b.gainingErrors }
            if a.affected != b.affected { return a.affected > b.affected }
            return a.agency < b.agency
        }
        return PortfolioImpact(projects: affected.sorted(by: Project.moreAffected), agencies: agencyList, summary: summary)
    }

    /// The findings only in `after` and those only in `before`, counted as multisets.
    static func difference(_ before: [FindingRef], _ after: [FindingRef]) -> (appeared: [FindingRef], disappeared: [FindingRef]) {
        if before.isEmpty || after.isEmpty { return (after, before) }
        var counts: [FindingRef.Key: Int] = [:]
        for f in before { counts[f.key, default: 0] += 1 }
        var appeared: [FindingRef] = []
        for f in after {
            let key = f.key
            if let n = counts[key], n > 0 { counts[key] = n - 1 } else { appeared.append(f) }
        }
        var disappeared: [FindingRef] = []
        for f in before.reversed() {
            let key = f.key
            if let n = counts[key], n > 0 {
                counts[key] = n - 1
                disappeared.append(f)
            }
        }
        return (appeared, disappeared.reversed())
    }
}
