/// One rule: a kind, its severity and parameters, and the text and examples that explain it.
public struct Rule: Sendable {
    public var id: String
    public var kind: RuleKind
    /// nil when the rule is turned `off`.
    public var severity: Severity?
    public var summary: String
    public var rationale: String
    public var parameters: Parameters
    public var examples: Examples
    /// Where the rule was written (a built-in `rules/…` file or a `--rules` file).
    public var origin: Origin

    public struct Parameters: Sendable {
        /// `recommended-choice`: the severity of a deviation that costs no dataset; nil: `off`.
        public var severityWhenFree: Severity? = .warning
        /// `sharing-by-default`: the concern whose recommended ids count as sharing. No default
        /// in code: which concern that is depends on the catalogue, so the rule file names it.
        public var concern: Located<String>?
        /// `expired-exemption`: how many days ahead an expiry is warned about.
        public var warnDays: Int = 30
        /// `undeclared-choice`: the severity when the undeclared id is a deviation that costs data.
        public var severityWhenCostly: Severity? = .error

        public init() {}
    }

    /// Manifests (YAML text) on which the rule must stay silent, and on which it must fire.
    public struct Examples: Sendable {
        public var pass: [String]
        public var fail: [String]
        /// The repository files of each example (path → text), by the example's index; empty
        /// for an example written as manifest text alone.
        public var passFiles: [[String: String]] = []
        public var failFiles: [[String: String]] = []

        public init(pass: [String] = [], fail: [String] = []) {
            self.pass = pass
            self.fail = fail
        }
    }

    public init(id: String, kind: RuleKind, severity: Severity?, summary: String, rationale: String,
                parameters: Parameters = Parameters(), examples: Examples = Examples(),
                origin: Origin? = nil) {
        self.id = id
        self.kind = kind
        self.severity = severity
        self.summary = summary
        self.rationale = rationale
        self.parameters = parameters
        self.examples = examples
        self.origin = origin ?? Origin(path: "", mark: .start)
    }

    public var isOff: Bool { severity == nil }

    /// `error`, `warning`, `info` or `off`, as written in rule files.
    public var severityText: String { severity?.rawValue ?? "off" }

    public var description: RuleDescription {
        RuleDescription(id: id, kind: kind.rawValue, severity: severityText, summary: summary, rationale: rationale)
    }

    /// The parameters of its kind as written in a rule file, for `explain`.
    public var parameterValues: [(name: String, value: String)] {
        switch kind {
        case .recommendedChoice: [("severity-when-free", parameters.severityWhenFree?.rawValue ?? "off")]
        case .sharingByDefault: [("concern", parameters.concern?.value ?? "")]
        case .expiredExemption: [("warn-days", String(parameters.warnDays))]
        case .undeclaredChoice: [("severity-when-costly", parameters.severityWhenCostly?.rawValue ?? "off")]
        default: []
        }
    }
}
