import TechStackModel

/// A rule as reporters and `explain` describe it.
public struct RuleDescription: Sendable, Hashable {
    public var id: String
    public var kind: RuleKind
    /// nil when the rule is turned `off`.
    public var severity: Severity?
    public var summary: String
    public var rationale: String

    public init(id: String, kind: RuleKind, severity: Severity?, summary: String, rationale: String) {
        self.id = id
        self.kind = kind
        self.severity = severity
        self.summary = summary
        self.rationale = rationale
    }
}
