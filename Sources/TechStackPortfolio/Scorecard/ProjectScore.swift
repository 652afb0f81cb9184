import Foundation
import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel

/// One row of a scorecard: how far one project has adopted the recommended stack.
///
/// Every metric is defined once, in `ScorecardMetrics.score(_:lint:)`; formats only show them.
public struct ProjectScore: Sendable {
    /// How a project stands on one concern, for the heat map.
    public typealias ConcernState = ProjectAssessment.ConcernState

    /// A concern answered with none of its recommended ids.
    public struct Deviation: Sendable, Hashable, Codable {
        public var concern: String
        public var choice: [String]
        public var recommended: [String]
    }

    /// A consumed dataset that needs a grant the manifest does not list.
    public struct MissingGrant: Sendable, Hashable, Codable {
        public var dataset: String
        /// The dataset's source agency, whose grant process applies.
        public var agency: String
    }

    /// Findings of the linter on this manifest, by severity (suppressed apart).
    public struct FindingCounts: Sendable, Hashable, Codable {
        public var error = 0
        public var warning = 0
        public var info = 0
        public var suppressed = 0

        public init(error: Int = 0, warning: Int = 0, info: Int = 0, suppressed: Int = 0) {
            self.error = error
            self.warning = warning
            self.info = info
            self.suppressed = suppressed
        }

        public init(_ result: FileResult) {
            for finding in result.findings {
                switch finding.severity {
                case .error: error += 1
                case .warning: warning += 1
                case .info: info += 1
                }
            }
            suppressed = result.suppressed.count
        }

        public static func + (a: FindingCounts, b: FindingCounts) -> FindingCounts {
            FindingCounts(error: a.error + b.error, warning: a.warning + b.warning, info: a.info + b.info,
                          suppressed: a.suppressed + b.suppressed)
        }
    }

    /// Why a manifest could not be scored: every error, located, the first shown in the row.
    public struct Problem: Sendable, Hashable {
        public var diagnostics: [Diagnostic]

        public var first: Diagnostic {
            diagnostics.first ?? Diagnostic(path: "", mark: .start, message: "the manifest could not be used")
        }

        public var count: Int { diagnostics.count }

        /// `path:line:col: error: message`, with `(and N more)` when there were several.
        public var description: String {
            count > 1 ? "\(first.description) (and \(count - 1) more)" : first.description
        }
    }

    /// As given on the command line or found below a directory given there.
    public var path: String
    /// Set when the manifest could not be read or used: an error row, every metric empty.
    public var problem: Problem?

    public var project = ""
    public var agency = ""
    public var sector = Manifest.Sector.public
    /// Concerns of the catalogue the manifest answers.
    public var concernsAnswered = 0
    /// Of those, the concerns answered with at least one recommended id.
    public var onRecommended = 0
    public var deviations: [Deviation] = []
    /// Reach(R) − Reach(R with every deviation substituted at once), README, "Reach and cost".
    public var totalCost: [CostItem] = []
    /// Consumed datasets outside Reach(project's stack).
    public var unreachable: [String] = []
    public var missingGrants: [MissingGrant] = []
    public var activeExemptions = 0
    public var expiredExemptions = 0
    /// Chosen ids that are catalogue components, in the order first chosen.
    public var sharedComponents: [String] = []
    /// One state per catalogue concern, in catalogue order.
    public var concernStates: [ConcernState] = []
    /// Consumed datasets known to the catalogue, for "forfeited yet needed".
    public var consumes: [String] = []
    /// nil when the linter did not run on this manifest.
    public var findings: FindingCounts?
    /// Facts for levels and campaigns (Programme/).
    public var programme = ProgrammeFacts()
    /// The project's level; nil until a ladder is applied (`Programme.apply`).
    public var standing: LevelStanding?
    /// What its repository shows beside the manifest; nil unless observed (`--observe`).
    public var observed: ObservedScore?

    public init(path: String) { self.path = path }

    public static func error(path: String, diagnostics: [Diagnostic]) -> ProjectScore {
        var row = ProjectScore(path: path)
        var errors = diagnostics.filter { $0.severity == .error }
        if errors.isEmpty {
            errors = [diagnostics.first ?? Diagnostic(path: path, mark: .start, message: "the manifest could not be used")]
        }
        row.problem = Problem(diagnostics: errors)
        return row
    }

    public var isError: Bool { problem != nil }

    /// Share of answered concerns on a recommended choice; nil when nothing is answered.
    public var adoption: Double? { concernsAnswered == 0 ? nil : Double(onRecommended) / Double(concernsAnswered) }
}

/// The metric definitions of the scorecard, computed against one catalogue.
///
/// Built once per run: everything that depends only on the catalogue (R, Reach(R), which ids
/// are recommended for which concern) is worked out here, never per manifest.
public struct ScorecardMetrics: Sendable {
    public let catalogue: Catalogue
    public let reach: Reach
    public let today: Day
    /// Concern id → its index in catalogue order.
    let concernIndex: [String: Int]
    /// Per concern (catalogue order), its recommended ids.
    let recommended: [Set<String>]

    /// The concern whose recommended ids count as sharing produced data: the one the rules'
    /// `sharing-by-default` rule names (data, not code: it depends on the catalogue).
    public let sharingConcern: String?

    public init(catalogue: Catalogue, reach: Reach? = nil, today: Day, rules: RuleSet? = nil) {
        let rules = rules ?? (try? RuleSet.loadUsable(directory: nil))?.rules
        sharingConcern = rules?.rules.first { $0.kind == RuleKind.SharingByDefault.kind && $0.severity != nil }?[parameters: RuleKind.SharingByDefault.self]?.concern?.value
        self.catalogue = catalogue
        self.reach = reach ?? Reach(catalogue: catalogue)
        self.today = today
        var index: [String: Int] = [:]
        for (i, concern) in catalogue.concerns.enumerated() where index[concern.header.id] == nil {
            index[concern.header.id] = i
        }
        concernIndex = index
        recommended = catalogue.concerns.map { Set($0.recommended.map(\.value)) }
    }

    /// Scores a manifest the loader accepted; `lint` adds the linter's counts when it ran.
    ///
    /// - concerns answered: `choices` entries whose concern is in the catalogue (an unknown
    ///   concern is an `unknown-reference` finding, not an answer);
    /// - on a recommended choice: at least one answer among the concern's recommended ids;
    /// - a deviation (README, "Reach and cost"): answered, and none of the answers is recommended;
    /// - total cost: `reach.totalCost` of all deviations at once;
    /// - unreachable: consumed catalogue datasets outside Reach(project's stack);
    /// - missing grant (README, "Rules" `missing-grant`): a consumed dataset that needs a grant, whose
    ///   source is not the project's agency, with neither the dataset nor the source in `grants`;
    /// - exemptions: active while `expires` ≥ `--today` (valid through that day), else expired;
    /// - shared components reused: distinct chosen ids that are catalogue components.
    public func score(_ manifest: Manifest, lint: FileResult? = nil, assessment: ProjectAssessment? = nil) -> ProjectScore {
        let a = assessment ?? ProjectAssessment(manifest, reach: reach, today: today)
        var row = ProjectScore(path: manifest.path)
        row.project = manifest.project.value
        row.agency = manifest.agency.value
        row.sector = manifest.sector
        row.concernsAnswered = a.concernsAnswered
        row.onRecommended = a.onRecommended
        row.concernStates = a.concernStates
        row.deviations = a.deviations.map { .init(concern: $0.concern, choice: $0.choiceIDs, recommended: $0.recommended) }
        row.totalCost = a.totalCost
        row.sharedComponents = a.sharedComponents
        row.consumes = a.consumes.map(\.value)
        row.unreachable = a.unreachable.map(\.dataset.value)
        row.missingGrants = a.missingGrants.map { .init(dataset: $0.dataset.value, agency: $0.agency) }
        row.activeExemptions = a.activeExemptions.count
        row.expiredExemptions = a.expiredExemptions.count
        row.findings = lint.map(ProjectScore.FindingCounts.init)
        row.programme = programmeFacts(manifest, lint: lint)
        return row
    }
}
