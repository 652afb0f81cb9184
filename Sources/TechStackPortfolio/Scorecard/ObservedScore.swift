import Foundation
import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel

/// What a project's repository shows beside what its manifest declares (SPEC §8), for the
/// scorecard with `--observe`: the undeclared and unobserved answers, and the hidden cost.
public struct ObservedScore: Sendable, Hashable {
    /// An id the repository shows for a concern that the manifest does not declare for it.
    public struct Undeclared: Sendable, Hashable, Codable {
        public var concern: String
        public var id: String
        /// The first places it was seen (at most `ObservedScore.shownEvidence`).
        public var evidence: [EvidenceItem]
        /// How many places show it in all.
        public var evidenceCount: Int
    }

    /// A declared answer with evidence signals in the catalogue, none of which matched.
    public struct Unobserved: Sendable, Hashable, Codable {
        public var concern: String
        public var id: String
    }

    /// Evidence kept per undeclared id; the count says how many places there were.
    public static let shownEvidence = 5

    public var undeclared: [Undeclared] = []
    public var unobserved: [Unobserved] = []
    /// Reach(R with the declared deviations substituted) − Reach(R with those and the
    /// observed answers of the hidden concerns substituted), in catalogue order.
    public var hiddenCost: [CostItem] = []

    public init(undeclared: [Undeclared] = [], unobserved: [Unobserved] = [], hiddenCost: [CostItem] = []) {
        self.undeclared = undeclared
        self.unobserved = unobserved
        self.hiddenCost = hiddenCost
    }
}

extension ScorecardMetrics {
    /// Compares `manifest` with what its repository shows. `deviations` are the project's
    /// declared deviations (catalogue ids only), as `score` found them.
    ///
    /// - undeclared: an id observed for concern c that is not among the manifest's answers
    ///   for c (as the `undeclared-choice` rule has it);
    /// - unobserved: a declared answer with evidence signals, none matched (`unobserved-choice`);
    /// - hidden cost: Reach(R[declared deviations]) − Reach(R[declared deviations, and every
    ///   concern whose observed ids hold no recommended id and some undeclared id → its
    ///   observed ids]).
    public func observed(_ manifest: Manifest, in repository: DetectResult, deviations: [ProjectScore.Deviation]) -> ObservedScore {
        var out = ObservedScore()
        var byConcern: [String: [DetectResult.Answer]] = [:]
        for answer in repository.observed { byConcern[answer.concern, default: []].append(answer) }
        var hidden: [String: [String]] = [:]
        for (i, concern) in catalogue.concerns.enumerated() {
            let id = concern.header.id
            // A concern listed twice in the catalogue is taken once, as everywhere else.
            guard concernIndex[id] == i, let seen = byConcern[id], !seen.isEmpty else { continue }
            let declared = Set(manifest.answer(for: id)?.choices.map(\.value) ?? [])
            for answer in seen where !declared.contains(answer.id) {
                out.undeclared.append(.init(concern: id, id: answer.id,
                                            evidence: Array(answer.evidence.prefix(ObservedScore.shownEvidence)),
                                            evidenceCount: answer.evidence.count))
            }
            let ids = seen.map(\.id)
            if !ids.contains(where: recommended[i].contains), ids.contains(where: { !declared.contains($0) }) {
                hidden[id] = ids
            }
        }
        let seenIDs = repository.observedIDs
        for answer in manifest.choices {
            for choice in answer.choices where !seenIDs.contains(choice.value) && !catalogue.evidence(of: choice.value).isEmpty {
                out.unobserved.append(.init(concern: answer.concern.value, id: choice.value))
            }
        }
        var declared: [String: [String]] = [:]
        for deviation in deviations where declared[deviation.concern] == nil { declared[deviation.concern] = deviation.choice }
        out.hiddenCost = reach.hiddenCost(declared: declared, observed: hidden)
        return out
    }
}

extension Reach {
    /// Reach(R[declared]) − Reach(R[declared, then observed]): the datasets a project gives up
    /// beyond its declared deviations when the `observed` concerns are answered as its code
    /// answers them (an observed concern's answers replace its declared ones).
    public func hiddenCost(declared: [String: [String]], observed: [String: [String]]) -> [CostItem] {
        guard !observed.isEmpty else { return [] }
        let before = reach(substituted(declared))
        let after = reach(substituted(declared.merging(observed) { _, seen in seen }))
        return items(before.subtracting(after))
    }
}

/// The repositories of a portfolio, scanned for `scorecard --observe`: each manifest's
/// folder, or one folder for all (`--observe-dir`). Each folder is scanned once, however
/// many manifests share it, and different folders are scanned on different cores.
public struct PortfolioObserver: Sendable {
    public let detector: Detector
    public let catalogue: Catalogue
    /// `--observe-dir`: the one repository of every manifest.
    public let directory: String?

    public init(catalogue: Catalogue, directory: String? = nil) {
        self.catalogue = catalogue
        detector = Detector(catalogue: catalogue)
        self.directory = directory
    }

    /// Scans the repository folder `path`: what `techstack detect` reports for it.
    public func scan(_ path: String) -> Result<DetectResult, Diagnostic> {
        do {
            return .success(DetectResult(try detector.scan(path), catalogue: catalogue))
        } catch {
            return .failure(error)
        }
    }

    /// The scans for the manifests of one scorecard run.
    func scans(for inputs: [Portfolio.Input]) -> RepositoryScans { RepositoryScans(self, inputs: inputs) }
}

/// Per-run scan results, safe to ask from every worker. Only the folders more than one
/// manifest shares are remembered (each behind its own lock, so it is scanned once); any
/// other folder is scanned by the worker scoring its manifest, and forgotten after.
final class RepositoryScans: @unchecked Sendable {
    private final class Shared: @unchecked Sendable {
        let lock = NSLock()
        var result: Result<DetectResult, Diagnostic>?
    }

    let observer: PortfolioObserver
    /// Written once in `init`, only read afterwards.
    private let shared: [String: Shared]

    init(_ observer: PortfolioObserver, inputs: [Portfolio.Input]) {
        self.observer = observer
        var uses: [String: Int] = [:]
        for path in inputs.compactMap(\.manifestPath) {
            uses[Self.key(ManifestRepository.folder(of: path, observeDir: observer.directory)), default: 0] += 1
        }
        var shared: [String: Shared] = [:]
        for (key, count) in uses where count > 1 { shared[key] = Shared() }
        self.shared = shared
    }

    private static func key(_ folder: String) -> String { Portfolio.normalized(folder) }

    /// What the repository of `manifest` shows, or why it could not be read.
    func result(for manifest: String) -> Result<DetectResult, Diagnostic> {
        let folder = ManifestRepository.folder(of: manifest, observeDir: observer.directory)
        guard let box = shared[Self.key(folder)] else { return observer.scan(folder) }
        box.lock.lock()
        defer { box.lock.unlock() }
        if let known = box.result { return known }
        let result = observer.scan(folder)
        box.result = result
        return result
    }
}

extension Scorecard {
    /// Whether the projects were compared with their repositories (`--observe`).
    public var isObserved: Bool { summary.undeclared != nil }

    /// Counts the observed-stack figures of every scored project into the summary and the
    /// agencies: undeclared and unobserved answers, projects with a hidden cost, and the
    /// distinct datasets hidden-forfeited. Called once the rows carry their `observed`.
    public mutating func countObserved() {
        var undeclared = 0, unobserved = 0, projects = 0
        var datasets: Set<String> = []
        var perAgency: [String: (undeclared: Int, unobserved: Int, projects: Int, datasets: Set<String>)] = [:]
        for row in self.projects where !row.isError {
            let o = row.observed ?? ObservedScore()
            undeclared += o.undeclared.count
            unobserved += o.unobserved.count
            projects += o.hiddenCost.isEmpty ? 0 : 1
            datasets.formUnion(o.hiddenCost.map(\.dataset))
            var a = perAgency[row.agency] ?? (0, 0, 0, [])
            a.undeclared += o.undeclared.count
            a.unobserved += o.unobserved.count
            a.projects += o.hiddenCost.isEmpty ? 0 : 1
            a.datasets.formUnion(o.hiddenCost.map(\.dataset))
            perAgency[row.agency] = a
        }
        summary.undeclared = undeclared
        summary.unobserved = unobserved
        summary.projectsWithHiddenCost = projects
        summary.datasetsHiddenForfeited = datasets.count
        for i in agencies.indices {
            let a = perAgency[agencies[i].agency] ?? (0, 0, 0, [])
            agencies[i].undeclared = a.undeclared
            agencies[i].unobserved = a.unobserved
            agencies[i].projectsWithHiddenCost = a.projects
            agencies[i].datasetsHiddenForfeited = a.datasets.count
        }
    }
}
