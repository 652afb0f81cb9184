import TechStackModel

/// One rule: a kind, its severity and parameters, and the text and examples that explain it.
public struct Rule: Sendable {
    public var id: String
    /// nil when the rule is turned `off`.
    public var severity: Severity?
    public var summary: String
    public var rationale: String
    /// The kind with the values of its own parameters.
    public var configuration: any RuleConfiguration
    public var examples: Examples
    /// Where the rule was written (a built-in `rules/…` file or a `--rules` file).
    public var origin: Origin

    /// Manifests (YAML text) on which the rule must stay silent, and on which it must fire.
    public struct Examples: Sendable {
        public var pass: [String]
        /// With the position markers (`↓`) taken out; `failMarks` says where they were.
        public var fail: [String]
        /// The repository files of each example (path → text), by the example's index; empty
        /// for an example written as manifest text alone.
        public var passFiles: [[String: String]] = []
        public var failFiles: [[String: String]] = []
        /// Where each fail example marks a finding (`↓` before the reported line and column),
        /// by the example's index.
        public var failMarks: [[Mark]] = []

        public init(pass: [String] = [], fail: [String] = []) {
            self.pass = pass
            self.fail = fail
        }
    }

    public init(id: String, kind: RuleKind, severity: Severity?, summary: String, rationale: String,
                examples: Examples = Examples(), origin: Origin? = nil) {
        self.id = id
        self.severity = severity
        self.summary = summary
        self.rationale = rationale
        self.configuration = kind.definition.defaultConfiguration
        self.examples = examples
        self.origin = origin ?? Origin(path: "", mark: .start)
    }

    public var kind: RuleKind { configuration.kind }

    public var isOff: Bool { severity == nil }

    /// `error`, `warning`, `info` or `off`, as written in rule files.
    public var severityText: String { severity?.rawValue ?? "off" }

    public var description: RuleDescription {
        RuleDescription(id: id, kind: kind, severity: severity, summary: summary, rationale: rationale)
    }

    /// The parameters of its kind as written in a rule file, for `explain`.
    public var parameterValues: [(parameter: RuleParameterInfo, value: String)] { configuration.parameterValues }

    /// The parameters of a rule of kind `Kind`; nil for a rule of another kind. Set, it
    /// changes a rule of that kind and leaves any other rule as it is.
    public subscript<Kind: RuleKindDefinition>(parameters kind: Kind.Type) -> Kind.Parameters? {
        get { (configuration as? KindConfiguration<Kind>)?.parameters }
        set {
            guard let newValue, configuration is KindConfiguration<Kind> else { return }
            configuration = KindConfiguration<Kind>(parameters: newValue)
        }
    }
}
