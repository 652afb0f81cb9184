import TechStackEvidence
import TechStackModel

/// One deviation or problem the linter found in a manifest.
public struct Finding: Sendable, Hashable, Codable {
    /// The rule's id (`recommended-choice`, …).
    public var rule: String
    public var severity: Severity
    /// A sentence a civil servant understands: what to change and what the deviation gives up.
    public var message: String
    public var line: Int
    public var column: Int
    /// The column just past the scalar the finding points at, on `line` (nil when unknown).
    public var endColumn: Int?
    public var concern: String?
    public var choice: [String]?
    public var recommended: [String]?
    /// The shared data this deviation costs, each dataset with its source agency.
    public var cost: [CostItem]?
    /// Set on findings about data (unreachable, missing grant, consent).
    public var dataset: String?
    /// The exemption that suppressed this finding, when it did.
    public var exemption: String?
    /// Where the repository shows the choice (`undeclared-choice`), SPEC §8.
    public var evidence: [EvidenceItem]?
    /// The repository folder, as given, that `evidence` paths are relative to.
    public var repository: String?

    /// The manifest key or reference the finding is about when no concern or dataset names it
    /// (`unknown-key`, `unknown-reference`), so findings of one rule stay apart (`Fingerprint`).
    public var key: String?
    /// True when `lint --baseline` found this finding in the baseline (nil without one).
    public var baseline: Bool?

    public init(rule: String, severity: Severity, message: String, mark: Mark,
                concern: String? = nil, choice: [String]? = nil, recommended: [String]? = nil,
                cost: [CostItem]? = nil, dataset: String? = nil, key: String? = nil, evidence: [EvidenceItem]? = nil) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.line = mark.line
        self.column = mark.column
        self.concern = concern
        self.choice = choice
        self.recommended = recommended
        self.cost = cost
        self.dataset = dataset
        self.evidence = evidence
        self.key = key
    }

    public var mark: Mark { Mark(line: line, column: column) }
}

/// The outcome of linting one manifest.
public struct FileResult: Sendable {
    /// As given on the command line.
    public var path: String
    /// Findings that count, sorted by position.
    public var findings: [Finding]
    /// Findings an unexpired exemption matched; counted apart, shown with `--show-suppressed`.
    public var suppressed: [Finding]
    /// Why the manifest could not be used at all (exit 2); empty when it was linted.
    public var errors: [Diagnostic]

    public init(path: String, findings: [Finding] = [], suppressed: [Finding] = [], errors: [Diagnostic] = []) {
        self.path = path
        self.findings = findings
        self.suppressed = suppressed
        self.errors = errors
    }
}

/// The outcome of one `lint` run over one or more manifests.
public struct LintReport: Sendable {
    public var catalogue: CatalogueInfo
    public var files: [FileResult]

    public init(catalogue: CatalogueInfo, files: [FileResult]) {
        self.catalogue = catalogue
        self.files = files
    }

    public func count(_ severity: Severity) -> Int {
        files.reduce(0) { $0 + $1.findings.filter { $0.severity == severity }.count }
    }

    public var suppressedCount: Int { files.reduce(0) { $0 + $1.suppressed.count } }
}
